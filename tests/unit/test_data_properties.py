"""Property-based: whatever an editor types, loading ends in a good Guide or one GuideDataError that
names the file, never another exception (which MkDocs would print as a traceback)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from guidedev.support import ROOT
from guidekit.blocks import BLOCKS
from guidekit.context import RenderContext
from guidekit.errors import GuideDataError, visible
from guidekit.expand import expand_page
from guidekit.load import guide_from_checked, load_guide
from guidekit.yaml_positions import parse_yaml

pytestmark = pytest.mark.reads_guide

SCHEMA = ROOT / "docs/data/guide.schema.json"
SHOWN = "docs/data/guide.yml"
# The real file as the build reads it (true stays a boolean, 7 a number): only then is an edit of one value
# the only mistake, and a good edit reaches the blocks that show it.
REAL, REAL_MARKS = parse_yaml((ROOT / SHOWN).read_text(encoding="utf-8"), SHOWN)
SCHEMA_DATA = json.loads(SCHEMA.read_text(encoding="utf-8"))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "{{ fact.nope }}",
            "2026-02-30",
            "{{ fact.agent_hours }}",
            "",
            " ",
            "\t",
            "payment.md#gone",
            "*a",
            "&a",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


def _load(tmp_path: Path, text: str | bytes):
    f = tmp_path / "guide.yml"
    f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", errors="surrogatepass"))
    return load_guide(f, SCHEMA, SHOWN)


def _only_guide_errors(fn):
    try:
        return fn()
    except GuideDataError as exc:
        message = str(exc)
        assert message.startswith(SHOWN), message
        # Fixed shape: the place and problem, then at most the line as written, the key path, the value found
        # and what is expected, with nothing invisible that a terminal would turn into more lines or hide.
        first, *rest = message.split("\n")
        assert len(rest) <= 4 and all(
            line.startswith(("  이 줄: ", "  위치(key path): ", "  지금 값: ", "  필요한 것: ")) for line in rest
        ), message
        assert message.splitlines() == [first, *rest], message
        assert all(visible(line) == line for line in message.split("\n")), message
        return None


# The example counts, seeds and deadline come from the Hypothesis profile chosen in tests/conftest.py.
FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@FIXTURE_OK
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
@example("\r\x85: 1\n")
@example("a: '\u2028\x1c'\n")
def test_random_text_never_crashes(tmp_path, text):
    _only_guide_errors(lambda: _load(tmp_path, text))


@FIXTURE_OK
@given(values)
@example({"\r\x85": None})  # a falsifying example once: a key made of line breaks stretched the message
@example({"meta": {"\u2028": "\x0b"}, "\x1e": [1]})
def test_random_yaml_documents_never_crash(tmp_path, doc):
    _only_guide_errors(lambda: _load(tmp_path, yaml.safe_dump(doc, allow_unicode=True)))


def _leaf_paths(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaf_paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaf_paths(v, path + (i,))
    yield path


PATHS = [p for p in _leaf_paths(REAL) if p]


@given(st.sampled_from(PATHS), values, st.sampled_from(sorted(BLOCKS)))
@example(("facts",), {"\r\x85": None}, "faq-answer")
def test_any_value_anywhere_in_the_real_file_never_crashes(path, value, block):
    """One value of the real data replaced by anything: every check after parsing (the YAML text itself is
    the tests above' concern) ends in a Guide or one message; a Guide renders a block without a crash or a
    live script. One block per example, drawn like the rest, so that the examples cover all of them."""
    data = copy.deepcopy(REAL)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    guide = _only_guide_errors(lambda: guide_from_checked(data, REAL_MARKS, SHOWN, SCHEMA_DATA))
    if guide is None:
        return
    ctx = RenderContext(guide=guide, where="docs/x.md", url_for=lambda link, where: link)
    page = f"<!-- guide:{block} {block_arg(guide, block)} -->\n"
    page += " ".join(f"{{{{ fact.{k} }}}}" for k in guide.facts)
    html = _only_guide_errors(lambda: expand_page(page, ctx, BLOCKS))
    if html is not None:
        assert "<script>" not in html


def test_the_real_data_passes_the_checks_the_property_test_starts_from():
    """Else every example above would stop at the first check and the blocks would never render."""
    assert guide_from_checked(copy.deepcopy(REAL), REAL_MARKS, SHOWN, SCHEMA_DATA).facts


# The entry each block that names one is shown with, so that every block renders in the test above.
_ARG_LIST = {
    "scenario": "scenarios",
    "checklist": "checklists",
    "checklist-sheet": "checklists",
    "checklist-list": "checklists",
    "message-template": "message_templates",
    "case-message": "message_templates",
    "faq-answer": "faq",
}


def block_arg(guide, name: str) -> str:
    if name == "sources-table":
        return "guide"
    if name == "deadline-table":
        return "law"
    entries = guide.entries(_ARG_LIST[name]) if name in _ARG_LIST else ()
    return entries[0].id if entries else ""


def test_every_block_gets_an_argument_it_accepts():
    guide = load_guide(ROOT / SHOWN, SCHEMA, SHOWN)
    ctx = RenderContext(guide=guide, where="docs/x.md", url_for=lambda link, where: link)
    html = expand_page("\n".join(f"<!-- guide:{name} {block_arg(guide, name)} -->" for name in BLOCKS), ctx, BLOCKS)
    assert "guide:" not in html and html.count("<") > 100


def test_self_referencing_alias_is_a_message_not_a_recursion_error():
    try:
        parse_yaml("a: &x [1, *x]\n", SHOWN)
    except GuideDataError as exc:
        assert "별칭" in str(exc)
    else:
        raise AssertionError("expected a GuideDataError")


def test_alias_bomb_is_stopped():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
    )
    try:
        parse_yaml(bomb, SHOWN)
    except GuideDataError as exc:
        assert "별칭" in str(exc)
    else:
        raise AssertionError("expected a GuideDataError")
