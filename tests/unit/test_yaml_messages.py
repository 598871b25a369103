"""PyYAML's errors told as what to do (guidekit/yaml_messages.py): each common mistake, planted in a tiny
text, is named at the line and column to fix, and doing what the message says gives a file that parses
into what was meant."""

from __future__ import annotations

import re

import pytest

from guidekit.errors import GuideDataError
from guidekit.yaml_messages import needed_indent
from guidekit.yaml_positions import parse_yaml

FILE = "docs/data/guide.yml"


def error(text: str) -> GuideDataError:
    with pytest.raises(GuideDataError) as caught:
        parse_yaml(text, FILE)
    return caught.value


def suggested_line(exc: GuideDataError) -> str:
    """The line the message says to write instead (after '주세요: ')."""
    assert exc.expected and "주세요: " in exc.expected, exc
    return exc.expected.split("주세요: ", 1)[1]


def replaced(text: str, line: int, new: str) -> str:
    lines = text.split("\n")
    lines[line - 1] = new
    return "\n".join(lines)


def spaces(exc: GuideDataError) -> int:
    m = re.search(r"스페이스 (\d+)칸", exc.expected or "")
    assert m, exc
    return int(m.group(1))


@pytest.mark.parametrize(
    ("text", "line", "meant"),
    [
        # A sibling of the key above: its indentation.
        ("a:\n  b: 1\n\tc: 2\n", 3, {"a": {"b": 1, "c": 2}}),
        # Nested three levels deep, one tab per level: still the sibling's six spaces, never "two".
        (
            "s:\n  - id: x\n    f:\n      label: y\n\t\t\tmessage: z\n    g: 1\n",
            5,
            {"s": [{"id": "x", "f": {"label": "y", "message": "z"}, "g": 1}]},
        ),
        # The first key under one that opens a block: the block's other lines' indentation.
        ("a:\n  b:\n\tc: 2\n    d: 3\n", 3, {"a": {"b": {"c": 2, "d": 3}}}),
        # The only key under one that opens a block: two more than that key.
        ("a:\n  b:\n\tc: 2\n", 3, {"a": {"b": {"c": 2}}}),
    ],
)
def test_a_tab_in_the_indentation_is_told_the_spaces_it_needs(text, line, meant):
    exc = error(text)
    assert (exc.line, exc.column) == (line, 1)
    assert "탭" in exc.problem
    assert exc.line_text == text.split("\n")[line - 1]
    fixed = replaced(text, line, " " * spaces(exc) + text.split("\n")[line - 1].lstrip("\t"))
    assert parse_yaml(fixed, FILE)[0] == meant


def test_a_tab_message_names_the_other_tab_indented_lines():
    exc = error("a:\n  b: 1\n\tc: 2\n\td: 3\n")
    assert exc.line == 3 and "4" in exc.expected


def test_needed_indent_reads_the_lines_around():
    lines = ["a:", "  - id: x", "    note: y", "\tz: 1"]
    assert needed_indent(lines, 3)[0] == 4
    assert needed_indent(["\tz: 1"], 0) is None


def test_a_colon_in_a_value_is_told_to_quote_the_value():
    text = "a:\n  note: 예: 이렇게\n  b: 1\n"
    exc = error(text)
    assert (exc.line, exc.column) == (2, 10)  # the colon YAML stopped at
    fixed = replaced(text, 2, suggested_line(exc))
    assert parse_yaml(fixed, FILE)[0] == {"a": {"note": "예: 이렇게", "b": 1}}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a:\n  b 글\n  c: 1\n", 2, 3),  # found as 'mapping values are not allowed' on the next line
        ("a:\n  b: 1\n  c 글\n  d: 2\n", 3, 3),  # found as "could not find expected ':'" on the next line
        ("- id: 1\n  b 글\n  c: 1\n", 2, 3),
    ],
)
def test_a_missing_colon_is_named_on_the_keys_own_line(text, line, column):
    exc = error(text)
    assert (exc.line, exc.column) == (line, column)
    fixed = replaced(text, line, suggested_line(exc))
    data = parse_yaml(fixed, FILE)[0]
    assert "글" in str(data)


def test_a_line_deeper_than_a_key_with_a_value_is_named():
    exc = error("a:\n  b: x\n    c: y\n")
    assert (exc.line, exc.column) == (3, 5)
    assert "4" in exc.problem and "2" in exc.problem


def test_a_misaligned_key_gets_the_indentation_of_the_keys_above():
    """PyYAML: "expected <block end>, but found '?'" — the key is less indented than its siblings."""
    text = "s:\n  - id: 1\n    f:\n      x: 1\n  y: 2\n"
    exc = error(text)
    assert (exc.line, exc.column) == (5, 3)
    assert all(f"{n}칸" in exc.expected for n in (6, 4, 0))
    assert parse_yaml(replaced(text, 5, "      y: 2"), FILE)[0] == {"s": [{"id": 1, "f": {"x": 1, "y": 2}}]}


def test_a_misaligned_list_item_is_told_how_items_are_indented():
    """PyYAML: "expected <block end>, but found '-'"."""
    exc = error("a:\n  b: 1\n  - c\n")
    assert (exc.line, exc.column) == (3, 3)
    assert "목록 항목" in exc.problem


@pytest.mark.parametrize(("quote", "column"), [('"', 4), ("'", 4)])
def test_a_quote_left_open_is_named_where_it_opens(quote, column):
    """PyYAML: 'while scanning a quoted scalar ... found unexpected end of stream'."""
    text = f"a: {quote}열고 닫지 않음\nb: 1\n"
    exc = error(text)
    assert (exc.line, exc.column) == (1, column)
    assert quote in exc.problem
    assert parse_yaml(replaced(text, 1, f"a: {quote}열고 닫지 않음{quote}"), FILE)[0]["a"] == "열고 닫지 않음"


def test_an_unknown_escape_in_double_quotes_is_named():
    exc = error('a: "C:\\x"\n')
    assert (exc.line, exc.column) == (1, 9)
    assert "\\\\" in exc.expected


@pytest.mark.parametrize(
    "value",
    ["[주문 번호] 를 적어요", "{이름} 님", "@판매자", "`코드`", "*주의* 하세요", "*없는별칭", "&표시 글"],
)
def test_a_value_that_starts_with_yaml_syntax_is_told_to_quote_it(value):
    text = f"x: 1\n  \nnote: {value}\n"
    exc = error(text)
    assert (exc.line, exc.column) == (3, 7)  # the value's first character
    fixed = replaced(text, 3, suggested_line(exc))
    assert parse_yaml(fixed, FILE)[0]["note"] == value


def test_a_second_document_marker_is_named():
    exc = error("a: 1\n---\nb: 2\n")
    assert (exc.line, exc.column) == (2, 1)
    assert "---" in exc.problem


def test_a_duplicate_key_names_where_it_first_was():
    exc = error("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
    assert (exc.line, exc.column, exc.key_path) == (5, 3, "b.c")
    assert "3번째 줄" in exc.expected


def test_a_control_character_is_named_at_its_column():
    exc = error("a: 1\nb: 글\x07\n")
    assert (exc.line, exc.column) == (2, 5)


def test_an_error_no_rule_knows_keeps_pyyamls_words_and_its_place():
    exc = error("a: |x\n  t\n")
    assert (exc.line, exc.column) == (1, 5)
    assert "chomping" in exc.problem


def test_a_key_out_of_step_under_a_key_that_opens_a_block_is_named_itself():
    """`b:` / `c: 1` at b's indentation / `d: 2` deeper: c is the line to fix (what following the old
    "two spaces" advice for a tab led to), and indenting it like d gives what was meant."""
    text = "a:\n  b:\n  c: 1\n    d: 2\n"
    exc = error(text)
    assert (exc.line, exc.column) == (3, 3)
    fixed = replaced(text, 3, " " * spaces(exc) + "c: 1")
    assert parse_yaml(fixed, FILE)[0] == {"a": {"b": {"c": 1, "d": 2}}}
