"""Read the data file and parse its YAML into plain data plus the line and column of every key, so that
every later message can point at the line an editor has to fix. Dates stay text: the schema decides
what a date is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import GuideDataError, key_path

_NO_DATES = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class PureLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: the schema, not the YAML resolver, decides what a date is. Its
    error messages and marks are the ones editors see."""

    yaml_implicit_resolvers = _NO_DATES


_CSafeLoader = getattr(yaml, "CSafeLoader", None)  # PyYAML built without libyaml has none
C_LOADER: type | None = None
if _CSafeLoader is not None:

    class _CLoader(_CSafeLoader):  # type: ignore[valid-type,misc]
        """The same loader on libyaml: ten times faster on a large file, with the same nodes and marks."""

        yaml_implicit_resolvers = _NO_DATES

    C_LOADER = _CLoader

# The loader parse_yaml starts with. A file libyaml rejects is read again with PureLoader, so the message
# (PyYAML's wording, our hints) and its line are the same whichever loader ran first.
LOADER: type = C_LOADER or PureLoader

Marks = dict[tuple, tuple[int, int]]  # key path -> (line, column), both from 1


MAX_NODES = 100_000


def _build(
    node: yaml.Node, loader: Any, path: tuple, marks: Marks, file: str, *, active: frozenset = frozenset()
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
    if LOADER is not PureLoader and not _NON_PRINTABLE.search(text):
        try:
            return _parse(text, file, LOADER)
        except (yaml.YAMLError, RecursionError):
            pass  # said again below, in PyYAML's words
    try:
        return _parse(text, file, PureLoader)
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


# What PyYAML's reader refuses; libyaml's may differ, so such a file goes straight to the pure loader.
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _parse(text: str, file: str, loader_class: type) -> tuple[Any, Marks]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise GuideDataError(file, "파일이 비어 있어요.", expected="meta:, facts: 로 시작하는 안내서 데이터")
        marks: Marks = {}
        return _build(node, loader, (), marks, file), marks
    finally:
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


def nearest_mark(marks: Marks, path: tuple) -> tuple[int | None, int | None]:
    """The position of `path`, or of its closest parent the loader saw."""
    while path not in marks and path:
        path = path[:-1]
    return marks.get(path, (None, None))
