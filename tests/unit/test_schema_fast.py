"""The quick schema check (guidekit/schema_fast.py) says "passes" exactly when jsonschema finds no error:
on the real data file, on thousands of edits of it, and keyword by keyword on small schemas. It never
says "passes" for a schema keyword it does not know."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from guidedev.support import ROOT
from guidekit.schema_fast import passes

pytestmark = pytest.mark.reads_guide

SCHEMA = json.loads((ROOT / "docs/data/guide.schema.json").read_text(encoding="utf-8"))


def _reference(data, schema=SCHEMA) -> bool:
    return not any(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data))


def _real():
    from guidekit.yaml_positions import parse_yaml

    return parse_yaml((ROOT / "docs/data/guide.yml").read_text(encoding="utf-8"), "guide.yml")[0]


def test_the_real_file_passes_both():
    data = _real()
    assert passes(data, SCHEMA) and _reference(data)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.text(max_size=6),
    st.sampled_from(
        ["2026-02-30", "2026-02-06", "2026-02-06\n", "٢٠٢٦-٠٢-٠٦", "source guide", "https://x", "a_b", "A"]
    ),
    st.sampled_from(["guide", "official", "conflict", "text", "number", "path", "payment.md#x", "tel:1372", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


REAL_DATA = _real()
PATHS = list(_paths(REAL_DATA))


@given(
    st.lists(
        st.tuples(st.sampled_from(PATHS[1:]), values, st.sampled_from(["set", "delete", "add"])), min_size=1, max_size=3
    )
)
def test_edits_of_the_real_file_get_the_same_answer(edits):
    data = copy.deepcopy(REAL_DATA)
    for path, value, how in edits:
        try:
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            if how == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif how == "add" and isinstance(parent, dict):
                parent[f"{path[-1]}_extra"] = value
            elif how == "add" and isinstance(parent, list):
                parent.append(value)
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    assert passes(data, SCHEMA) == _reference(data)


@pytest.mark.parametrize(
    ("schema", "good", "bad"),
    [
        ({"type": "integer"}, [1, 2.0], [True, 1.5, "1"]),
        ({"type": ["string", "null"]}, ["a", None], [1, []]),
        ({"enum": [1, "a"]}, [1, 1.0, "a"], [True, "b"]),
        ({"const": False}, [False], [0, None]),
        ({"pattern": "^a"}, ["ab", 3], ["ba"]),
        ({"minLength": 2, "maxLength": 3}, ["ab", "abc", 1], ["a", "abcd"]),
        ({"minimum": 1}, [1, 2.5, True, "0"], [0, -1.5]),
        ({"format": "date"}, ["2024-02-29", 5], ["2023-02-29", "2024-02-29\n", "2024-2-29"]),
        ({"minItems": 1, "maxItems": 2, "uniqueItems": True}, [[1], [1, 2], [True, 1]], [[], [1, 2, 3], [1, 1.0]]),
        ({"items": {"type": "string"}}, [["a"], "x"], [["a", 1]]),
        ({"required": ["a"], "minProperties": 1}, [{"a": 1}], [{}, {"b": 1}]),
        (
            {"properties": {"a": {"type": "string"}}, "additionalProperties": False},
            [{"a": "x"}, {}],
            [{"a": 1}, {"b": 1}],
        ),
        ({"propertyNames": {"pattern": "^[a-z]+$"}}, [{"ab": 1}], [{"A": 1}]),
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, ["a", 1], [None]),
        (
            {"allOf": [{"if": {"properties": {"k": {"const": "n"}}}, "then": {"required": ["u"]}}]},
            [{"k": "t"}, {"k": "n", "u": 1}],
            [{"k": "n"}],
        ),
        ({"$defs": {"s": {"type": "string"}}, "items": {"$ref": "#/$defs/s"}}, [["a"]], [[1]]),
    ],
)
def test_each_keyword_agrees_with_jsonschema(schema, good, bad):
    for value in good:
        assert passes(value, schema) and _reference(value, schema), value
    for value in bad:
        assert not passes(value, schema) and not _reference(value, schema), value


@pytest.mark.parametrize(
    "schema", [{"not": {"type": "string"}}, {"dependentRequired": {"a": ["b"]}}, {"format": "email"}]
)
def test_a_keyword_it_does_not_know_never_passes(schema):
    assert not passes("anything", schema)
    assert not passes({"a": 1}, schema)


def _message(data, parts_too: bool) -> str:
    from guidekit import schema_messages
    from guidekit.errors import GuideDataError
    from guidekit.yaml_positions import parse_yaml

    marks = parse_yaml((ROOT / "docs/data/guide.yml").read_text(encoding="utf-8"), "guide.yml")[1]
    saved = schema_messages.failing_parts
    if not parts_too:
        schema_messages.failing_parts = lambda data, schema: []  # type: ignore[assignment]
    try:
        schema_messages.validate(data, SCHEMA, marks, "guide.yml")
    except GuideDataError as exc:
        return str(exc)
    finally:
        schema_messages.failing_parts = saved
    return ""


# A sixth of the profile's examples: each runs jsonschema on the whole file once, for the reference.
@settings(max_examples=max(settings().max_examples // 6, 1))
@given(st.sampled_from(PATHS[1:]), st.sampled_from([None, 7, "", [], {}, "2026-02-30", "xxx"]))
def test_looking_only_into_the_failing_parts_gives_the_message_the_whole_file_gives(path, value):
    """validate() runs jsonschema on the top-level values the quick check cannot pass, not the whole file."""
    data = copy.deepcopy(REAL_DATA)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    assert _message(data, parts_too=True) == _message(data, parts_too=False)


@pytest.mark.parametrize(
    ("edit", "parts"),
    [
        (lambda d: d.pop("meta"), []),
        (lambda d: d.update(fact={}), []),
        (lambda d: d["facts"].update(Bad={}), ["facts"]),
        (lambda d: d["scenarios"].append(7), ["scenarios"]),
        (lambda d: (d["facts"].update(Bad={}), d["topics"].append(None)), ["facts", "topics"]),
    ],
    ids=["required-key-missing", "unknown-key", "bad-fact-key", "bad-item", "two-parts"],
)
def test_failing_parts_names_the_values_or_leaves_it_to_the_whole_check(edit, parts):
    """A key missing or unknown at the top is the mapping's own fault: [] sends validate() to the whole file."""
    from guidekit.schema_fast import failing_parts

    data = copy.deepcopy(REAL_DATA)
    edit(data)
    assert failing_parts(data, SCHEMA) == parts
    assert _message(data, parts_too=True) == _message(data, parts_too=False) != ""
