"""Validate the parsed data against docs/data/guide.schema.json — the one place the data's rules are
written — and turn the first failure into a Korean message a content editor can act on: what is wrong,
where (line and key path) and what would be right."""

from __future__ import annotations

import json
from typing import Any

from .errors import GuideDataError, key_path
from .schema_fast import failing_parts, passes
from .yaml_positions import Marks, nearest_mark

_TYPE_KO = {
    "string": "글자",
    "integer": "정수",
    "number": "숫자",
    "array": "목록(- 항목)",
    "object": "키: 값 묶음",
    "boolean": "참/거짓",
    "null": "빈 값",
}


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "키: 값 묶음"
    if isinstance(value, list):
        return f"목록({len(value)}개 항목)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + '…"'


def _one_of_keys(error) -> list[str] | None:
    """The keys of an anyOf whose alternatives each only require a key (a FAQ entry's link or scenario)."""
    if error.validator != "anyOf" or not isinstance(error.validator_value, list):
        return None
    alternatives = error.validator_value
    if not all(isinstance(a, dict) and set(a) == {"required"} and len(a["required"]) == 1 for a in alternatives):
        return None
    return [a["required"][0] for a in alternatives]


def _expected(error) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    v = error.validator
    keys = _one_of_keys(error)
    if keys:
        return " 또는 ".join(f"'{k}'" for k in keys) + " 키 중 하나가 있어야 해요."
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
    if v == "required" or _one_of_keys(error):
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
    while (
        error.context
        and not (isinstance(error.schema, dict) and error.schema.get("description"))
        and not _one_of_keys(error)
    ):
        error = sorted(error.context, key=lambda e: (-len(e.absolute_path), e.validator == "const"))[0]
    return error


def validate(data: Any, schema: dict, marks: Marks, file: str) -> None:
    if passes(data, schema):
        return
    # Imported only for a file the quick check did not pass: it finds the error (or, if the quick check
    # was unsure, none) and has the last word.
    from jsonschema import Draft202012Validator, FormatChecker

    parts = failing_parts(data, schema)
    if parts:  # the other values certainly pass: the errors are all in these, with the same paths
        schema = {**schema, "properties": {k: schema["properties"][k] for k in parts}, "required": []}
        data = {k: data[k] for k in parts}
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
    line, col = nearest_mark(marks, path)
    found = None
    if first.validator == "propertyNames":
        found = describe(str(path[-1]))
    elif first.validator not in ("required", "additionalProperties") and not _one_of_keys(first):
        found = describe(first.instance)
    raise GuideDataError(
        file, _problem(first), line=line, column=col, key_path=key_path(path), found=found, expected=_expected(first)
    )
