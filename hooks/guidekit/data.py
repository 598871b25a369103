"""Load docs/data/guide.yml once per build: decode, parse with line numbers, validate against the JSON
Schema, check what a schema cannot (unique ids), and return a `Guide` the generators read.

Every failure becomes one `GuideDataError` naming file, line, key path and what is expected."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker

from .errors import GuideDataError, key_path

# ── Loading with positions ─────────────────────────────────────────────────────────────────────


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: the schema, not the YAML resolver, decides what a date is."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Marks = dict[tuple, tuple[int, int]]


MAX_NODES = 100_000


def _build(
    node: yaml.Node, loader: _Loader, path: tuple, marks: Marks, file: str, *, active: frozenset = frozenset()
) -> Any:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if len(marks) > MAX_NODES:
        raise GuideDataError(
            file,
            "별칭(&, *)이 너무 많이 펼쳐져요.",
            line=node.start_mark.line + 1,
            key_path=key_path(path),
            expected="별칭 없이 값을 직접 써 주세요.",
        )
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in active:
            raise GuideDataError(
                file,
                "별칭(*)이 자기 자신을 가리켜요.",
                line=node.start_mark.line + 1,
                key_path=key_path(path),
                expected="별칭 없이 값을 직접 써 주세요.",
            )
        active = active | {id(node)}
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise GuideDataError(
                    file,
                    "키는 글자여야 해요.",
                    line=key_node.start_mark.line + 1,
                    key_path=key_path(path),
                    found=repr(key),
                )
            key = str(key)
            if key in out:
                raise GuideDataError(
                    file,
                    f"같은 키 '{key}'가 두 번 나와요. 하나만 남겨 주세요.",
                    line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    key_path=key_path(path + (key,)),
                )
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _build(value_node, loader, path + (key,), marks, file, active=active)
            marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, path + (i,), marks, file, active=active) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> tuple[Any, Marks]:
    """Parse YAML text into plain data plus a map from key path to (line, column)."""
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise GuideDataError(file, "파일이 비어 있어요.", expected="meta:, facts: 로 시작하는 안내서 데이터")
        marks: Marks = {}
        return _build(node, loader, (), marks, file), marks
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise GuideDataError(
            file,
            f"YAML에 쓸 수 없는 특수 문자(코드 {exc.character!r})가 들어 있어요.",
            line=line,
            expected="보이지 않는 제어 문자를 지워 주세요(다른 곳에서 복사해 붙일 때 자주 섞여요).",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise GuideDataError(
            file,
            f"YAML 문법 오류예요: {exc.problem or exc.context}.",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            expected=_yaml_hint(exc, text),
        ) from None
    except yaml.YAMLError as exc:
        raise GuideDataError(file, f"YAML로 읽을 수 없어요: {exc}") from None
    except RecursionError:
        raise GuideDataError(file, "값이 너무 깊게 겹쳐 있어요.", expected="들여쓰기 단계를 줄여 주세요.") from None
    finally:
        if loader is not None:
            loader.dispose()


def _yaml_hint(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    if "\\t" in problem or "tab" in problem:
        return "들여쓰기에는 탭 대신 스페이스 두 칸을 써요."
    if "mapping values are not allowed" in problem:
        return '값에 콜론(:)이 들어가면 값 전체를 따옴표로 감싸요. 예: note: "예: 이렇게"'
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "키 뒤에 콜론(:)과 스페이스를 쓰고, 같은 단계의 키는 들여쓰기를 맞춰요. 예: label: 값"
    return "들여쓰기(스페이스)와 콜론(:), 따옴표 짝을 확인해요."


def read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GuideDataError(shown, "파일이 없어요.", expected="docs/data/guide.yml") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GuideDataError(
            shown,
            "UTF-8이 아닌 인코딩으로 저장된 것 같아요(예: EUC-KR/CP949).",
            line=line,
            expected="편집기에서 'UTF-8'로 다시 저장해 주세요.",
        ) from None
    if "\x00" in text:
        raise GuideDataError(shown, "글자가 아닌 데이터(NUL)가 들어 있어요.", expected="UTF-8 텍스트 파일")
    return text


# ── Schema validation ─────────────────────────────────────────────────────────────────────────

_TYPE_KO = {
    "string": "글자",
    "integer": "정수",
    "number": "숫자",
    "array": "목록(- 항목)",
    "object": "키: 값 묶음",
    "boolean": "참/거짓",
    "null": "빈 값",
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "키: 값 묶음"
    if isinstance(value, list):
        return f"목록({len(value)}개 항목)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + '…"'


def _expected(error) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    v = error.validator
    if v == "required":
        missing = [k for k in error.validator_value if isinstance(error.instance, dict) and k not in error.instance]
        return f"'{missing[0] if missing else error.validator_value[0]}' 키가 있어야 해요."
    if v == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {})) or "(없음)"
        return f"쓸 수 있는 키: {allowed}"
    if v == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        named = " 또는 ".join(_TYPE_KO.get(t, str(t)) for t in types)
        return f"{named} — {schema['description']}" if schema.get("description") else named
    if v == "enum":
        return "다음 중 하나: " + ", ".join(map(str, error.validator_value))
    if v == "const":
        return f"{error.validator_value}"
    if v in ("minItems", "minProperties"):
        return f"항목이 {error.validator_value}개 이상 있어야 해요."
    if v == "maxLength":
        return f"{error.validator_value}자 이하"
    if v == "minLength":
        return "빈 글자가 아닌 값"
    if v == "propertyNames":
        return "키는 영문 소문자로 시작하고 영문 소문자·숫자·밑줄(_)만 써요. 예: agent_hours"
    if v == "minimum":
        return f"{error.validator_value} 이상인 수"
    if schema.get("description"):
        return schema["description"]
    return error.message


def _problem(error) -> str:
    v = error.validator
    if v == "required":
        return "꼭 있어야 하는 키가 빠졌어요."
    if v == "additionalProperties":
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        return f"모르는 키 '{extra[0] if extra else '?'}'가 있어요(오타인지 확인해 주세요)."
    if v == "type":
        return "값의 형식이 맞지 않아요."
    return "값이 규칙에 맞지 않아요."


def _leaf(error):
    """allOf/if-then wrap the useful error; descend to the most specific one, but stop at an anyOf
    whose schema explains itself (its description beats 'does not match' from one alternative)."""
    while error.context and not (isinstance(error.schema, dict) and error.schema.get("description")):
        error = sorted(error.context, key=lambda e: (-len(e.absolute_path), e.validator == "const"))[0]
    return error


def validate(data: Any, schema: dict, marks: Marks, file: str) -> None:
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    first = min(errors, key=lambda e: (marks.get(tuple(e.absolute_path), (10**9, 0)), len(e.absolute_path)))
    path = tuple(first.absolute_path)
    if "propertyNames" in first.absolute_schema_path:
        # jsonschema reports a bad key as an error on the mapping; point at the key itself
        path = path + (first.instance,)
        first.validator = "propertyNames"
    else:
        first = _leaf(first)
        path = tuple(first.absolute_path)
    if first.validator == "additionalProperties" and isinstance(first.instance, dict):
        extra = [k for k in first.instance if k not in first.schema.get("properties", {})]
        if extra:
            path = path + (extra[0],)
    line, col = _nearest_mark(marks, path)
    found = None
    if first.validator == "propertyNames":
        found = _describe(str(path[-1]))
    elif first.validator not in ("required", "additionalProperties"):
        found = _describe(first.instance)
    raise GuideDataError(
        file, _problem(first), line=line, column=col, key_path=key_path(path), found=found, expected=_expected(first)
    )


def _nearest_mark(marks: Marks, path: tuple) -> tuple[int | None, int | None]:
    while path not in marks and path:
        path = path[:-1]
    return marks.get(path, (None, None))


# ── The model ────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Fact:
    key: str
    kind: str
    value: Any
    label: str
    source: str
    confidence: str
    checked: str
    unit: str | None = None
    note: str | None = None

    @property
    def unofficial(self) -> bool:
        return self.confidence in ("guide", "conflict")

    @property
    def checked_date(self) -> date:
        return date.fromisoformat(self.checked)

    def as_text(self) -> str:
        """The value as plain text, for places where markup does not belong (titles, search, JS)."""
        if self.kind in ("path",):
            return " › ".join(self.value)
        if self.kind == "keywords":
            return ", ".join(f"'{v}'" for v in self.value)
        if self.kind == "number":
            return f"{self.value}{self.unit}"
        return str(self.value)


@dataclass
class Guide:
    file: str
    data: dict
    marks: Marks
    facts: dict[str, Fact] = field(default_factory=dict)

    def line_of(self, *path) -> int | None:
        return _nearest_mark(self.marks, tuple(path))[0]

    def where(self, *path) -> str:
        """'docs/data/guide.yml:120 (scenarios[0].link)': how messages name a place in the data."""
        return f"{self.file}:{self.line_of(*path)} ({key_path(path)})"

    @property
    def latest_check(self) -> str:
        return max(f.checked for f in self.facts.values())

    @property
    def oldest_check(self) -> str:
        return min(f.checked for f in self.facts.values())

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


_ID_LISTS = (
    "order_statuses",
    "escalation",
    "scenarios",
    "topics",
    "checklists",
    "faq",
    "templates",
    "message_templates",
)


def check_unique_ids(data: dict, marks: Marks, file: str) -> None:
    for name in _ID_LISTS:
        seen: dict[str, int] = {}
        for i, entry in enumerate(data.get(name) or []):
            _check_unique(entry.get("id"), seen, (name, i, "id"), marks, file)
            inner: dict[str, int] = {}
            for j, item in enumerate(entry.get("items") or []):
                if isinstance(item, dict):
                    _check_unique(item.get("id"), inner, (name, i, "items", j, "id"), marks, file)


def _check_unique(value, seen: dict, path: tuple, marks: Marks, file: str) -> None:
    if value is None:
        return
    if value in seen:
        line, col = _nearest_mark(marks, path)
        raise GuideDataError(
            file,
            f"id '{value}'가 같은 목록에 두 번 있어요.",
            line=line,
            column=col,
            key_path=key_path(path),
            found=f"{key_path(path[:-2] + (seen[value], 'id'))}와 같음",
            expected="목록 안에서 서로 다른 id",
        )
    seen[value] = path[-2]


# (list, field, list it must name an id of): references a JSON Schema cannot check
REFERENCES = (
    ("scenarios", "topic", "topics"),
    ("faq", "topic", "topics"),
    ("message_templates", "scenario", "scenarios"),
)


def check_references(guide: Guide) -> None:
    """Every entry that names another entry by id names one that exists."""
    for list_name, field_name, target in REFERENCES:
        ids = {t["id"] for t in guide.data.get(target) or []}
        for i, entry in enumerate(guide.data.get(list_name) or []):
            if entry[field_name] not in ids:
                raise GuideDataError(
                    guide.file,
                    f"{field_name} '{entry[field_name]}'가 {target}에 없어요.",
                    line=guide.line_of(list_name, i, field_name),
                    key_path=key_path((list_name, i, field_name)),
                    found=entry[field_name],
                    expected="다음 중 하나: " + ", ".join(sorted(ids)),
                )


def load_guide(data_path: Path, schema_path: Path, shown: str | None = None) -> Guide:
    """Read, parse, validate. `shown` is the file name used in messages (relative to the project)."""
    shown = shown or str(data_path)
    text = read_text(data_path, shown)
    if not text.strip():
        raise GuideDataError(shown, "파일이 비어 있어요.", expected="meta:, facts: 로 시작하는 안내서 데이터")
    data, marks = parse_yaml(text, shown)
    if not isinstance(data, dict):
        raise GuideDataError(
            shown,
            "파일 맨 위는 '키: 값' 묶음이어야 해요.",
            line=1,
            key_path="(파일 전체)",
            found=_describe(data),
            expected="meta:, facts: 같은 키로 시작하는 내용",
        )
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validate(data, schema, marks, shown)
    check_unique_ids(data, marks, shown)
    guide = Guide(file=shown, data=data, marks=marks)
    for key, raw in data["facts"].items():
        guide.facts[key] = Fact(key=key, **raw)
    check_references(guide)
    return guide
