"""A quick yes/no answer to "does the data file pass guide.schema.json?", so that a build whose data is
valid (nearly every build) never imports or runs the jsonschema library: that import and check were a
sixth of a whole build, and nothing is kept between builds to skip them.

The schema is compiled once per schema text into plain Python checks for exactly the keywords it uses.
Only "yes" is trusted: on "no", guidekit/schema_messages.py runs jsonschema itself, which finds the
error and words the message, and has the last word. A keyword this module does not know makes the
compiled check answer "no" for every file, so a schema that grows a new rule is never waved through
(tests/unit/test_schema_fast.py holds both answers equal on the real file and on thousands of edits of it).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only describe: they never make a value invalid.
_ANNOTATIONS = {"description", "title", "$schema", "$id", "$comment", "$defs", "contentMediaType", "examples"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _never(_value: Any) -> bool:
    return False


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    return False


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _canonical(value: Any) -> str:
    def norm(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        return v

    return json.dumps(norm(value), sort_keys=True, ensure_ascii=False)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True  # the date format says nothing of other types
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class _Unknown(Exception):
    """The schema uses something this module does not check."""


class _Compiler:
    def __init__(self, root: dict):
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if pointer not in self.refs:
            if not pointer.startswith("#/"):
                raise _Unknown(pointer)
            target: Any = self.root
            for part in pointer[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            self.refs[pointer] = _never  # a recursive reference would need a forward slot; ours have none
            self.refs[pointer] = self.compile(target)
        return self.refs[pointer]

    def compile(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return lambda _v: True
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise _Unknown(repr(schema))
        checks: list[Check] = []
        for keyword, arg in schema.items():
            if keyword in _ANNOTATIONS or keyword in ("then", "else"):
                continue
            checks.append(self.keyword(keyword, arg, schema))
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(check(v) for check in checks)

    def keyword(self, keyword: str, arg: Any, schema: dict) -> Check:
        method = getattr(self, "k_" + keyword.lstrip("$"), None)
        if method is None:
            raise _Unknown(keyword)
        return method(arg, schema)

    # ── Keywords ─────────────────────────────────────────────────────────────────────────────────────

    def k_ref(self, arg: str, _schema: dict) -> Check:
        self.ref(arg)
        refs = self.refs
        return lambda v: refs[arg](v)  # noqa: PLW0108 - looked up when called: the target may still be compiling

    def k_type(self, arg: Any, _schema: dict) -> Check:
        names = arg if isinstance(arg, list) else [arg]
        return lambda v: any(_is_type(v, n) for n in names)

    def k_enum(self, arg: list, _schema: dict) -> Check:
        return lambda v: any(_equal(v, option) for option in arg)

    def k_const(self, arg: Any, _schema: dict) -> Check:
        return lambda v: _equal(v, arg)

    def k_pattern(self, arg: str, _schema: dict) -> Check:
        rx = re.compile(arg)
        return lambda v: not isinstance(v, str) or rx.search(v) is not None

    def k_minLength(self, arg: int, _schema: dict) -> Check:
        return lambda v: not isinstance(v, str) or len(v) >= arg

    def k_maxLength(self, arg: int, _schema: dict) -> Check:
        return lambda v: not isinstance(v, str) or len(v) <= arg

    def k_minimum(self, arg: float, _schema: dict) -> Check:
        return lambda v: isinstance(v, bool) or not isinstance(v, (int, float)) or v >= arg

    def k_maximum(self, arg: float, _schema: dict) -> Check:
        return lambda v: isinstance(v, bool) or not isinstance(v, (int, float)) or v <= arg

    def k_format(self, arg: str, _schema: dict) -> Check:
        if arg != "date":
            raise _Unknown(f"format {arg}")
        return _is_date

    def k_minItems(self, arg: int, _schema: dict) -> Check:
        return lambda v: not isinstance(v, list) or len(v) >= arg

    def k_maxItems(self, arg: int, _schema: dict) -> Check:
        return lambda v: not isinstance(v, list) or len(v) <= arg

    def k_uniqueItems(self, arg: bool, _schema: dict) -> Check:
        if not arg:
            return lambda _v: True
        return lambda v: not isinstance(v, list) or len({_canonical(x) for x in v}) == len(v)

    def k_items(self, arg: Any, _schema: dict) -> Check:
        each = self.compile(arg)
        return lambda v: not isinstance(v, list) or all(each(x) for x in v)

    def k_minProperties(self, arg: int, _schema: dict) -> Check:
        return lambda v: not isinstance(v, dict) or len(v) >= arg

    def k_required(self, arg: list, _schema: dict) -> Check:
        return lambda v: not isinstance(v, dict) or all(k in v for k in arg)

    def k_properties(self, arg: dict, _schema: dict) -> Check:
        props = {name: self.compile(sub) for name, sub in arg.items()}
        return lambda v: not isinstance(v, dict) or all(props[k](v[k]) for k in props if k in v)

    def k_additionalProperties(self, arg: Any, schema: dict) -> Check:
        if "patternProperties" in schema:
            raise _Unknown("patternProperties")
        known = set(schema.get("properties", {}))
        other = self.compile(arg)
        return lambda v: not isinstance(v, dict) or all(other(x) for k, x in v.items() if k not in known)

    def k_propertyNames(self, arg: Any, _schema: dict) -> Check:
        names = self.compile(arg)
        return lambda v: not isinstance(v, dict) or all(names(k) for k in v)

    def k_allOf(self, arg: list, _schema: dict) -> Check:
        parts = [self.compile(sub) for sub in arg]
        return lambda v: all(part(v) for part in parts)

    def k_anyOf(self, arg: list, _schema: dict) -> Check:
        parts = [self.compile(sub) for sub in arg]
        return lambda v: any(part(v) for part in parts)

    def k_if(self, arg: Any, schema: dict) -> Check:
        test = self.compile(arg)
        then = self.compile(schema.get("then", True))
        otherwise = self.compile(schema.get("else", True))
        return lambda v: then(v) if test(v) else otherwise(v)


_compiled: dict[str, Check] = {}


def passes(data: Any, schema: dict) -> bool:
    """True only when `data` certainly passes `schema` (Draft 2020-12, date format checked)."""
    key = json.dumps(schema, sort_keys=True)
    check = _compiled.get(key)
    if check is None:
        try:
            check = _Compiler(schema).compile(schema)
        except _Unknown:
            check = _never
        _compiled.clear()  # one schema per process, re-read every build: keep only the latest
        _compiled[key] = check
    return check(data)


_parts: dict[str, dict[str, Check]] = {}
_MAPPING_KEYWORDS = {"type", "properties", "required", "additionalProperties"}


def failing_parts(data: Any, schema: dict) -> list[str]:
    """The top-level keys of `data` whose values may fail their part of `schema`, when the mapping itself
    (a missing or unknown key, another shape) certainly passes; [] when that cannot be said. jsonschema then
    only has to look into those values for the message: on the whole file it takes a third of a second."""
    props = schema.get("properties")
    if (
        not isinstance(data, dict)
        or not isinstance(props, dict)
        or schema.get("type", "object") != "object"
        or set(schema) - _ANNOTATIONS - _MAPPING_KEYWORDS
        or schema.get("additionalProperties", False) is not False
        or any(k not in props for k in data)
        or any(k not in data for k in schema.get("required", []))
    ):
        return []
    key = json.dumps(schema, sort_keys=True)
    checks = _parts.get(key)
    if checks is None:
        try:
            compiler = _Compiler(schema)
            checks = {k: compiler.compile(part) for k, part in props.items()}
        except _Unknown:
            return []
        _parts.clear()
        _parts[key] = checks
    return [k for k in data if not checks[k](data[k])]
