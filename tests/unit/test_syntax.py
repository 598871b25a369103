"""The one syntax pages and data texts use to take something from the data file: `{{ fact.key }}` and
`<!-- guide:block arg -->`, written and read by guidekit/syntax.py. Small texts made here, never the data file."""

from __future__ import annotations

import pytest

from guidekit.errors import GuideDataError
from guidekit.syntax import (
    BLOCK,
    FACT_REF,
    Token,
    block_marker,
    body_line,
    expand_markers,
    fact_key,
    fact_keys,
    fact_marker,
    fact_runs,
    split_fences,
    split_sections,
    text_parts,
)


def test_a_written_fact_marker_reads_back_as_its_key():
    assert fact_marker("agent_hours") == "{{ fact.agent_hours }}"
    assert FACT_REF.fullmatch(fact_marker("agent_hours"))
    assert list(fact_runs(fact_marker("agent_hours"), "w")) == [("", "agent_hours", ""), ("", None, "")]


def test_a_written_block_marker_reads_back_with_or_without_its_argument():
    assert block_marker("faq-list") == "<!-- guide:faq-list -->"
    assert block_marker("checklist", "before_return") == "<!-- guide:checklist before_return -->"
    assert BLOCK.fullmatch(block_marker("faq-list")).group("name", "arg") == ("faq-list", None)
    assert BLOCK.fullmatch(block_marker("checklist", "before_return")).group("name", "arg") == (
        "checklist",
        "before_return",
    )


def test_a_fact_key_is_read_from_the_marker_body():
    assert fact_key("fact.agent_hours", "w") == "agent_hours"
    assert fact_key("fact.a1_b", "w") == "a1_b"


@pytest.mark.parametrize("body", ["fact.Agent", "facts.a", "agent_hours", "fact.", "fact.1a", "fact.a-b"])
def test_anything_else_in_braces_names_its_place_and_the_expected_form(body):
    with pytest.raises(GuideDataError) as err:
        fact_key(body, "docs/page.md", line=7)
    assert (err.value.file, err.value.line) == ("docs/page.md", 7)
    assert body in err.value.problem
    assert "{{ fact." in err.value.expected


def test_a_text_is_walked_as_plain_text_fact_and_particle_runs():
    text = "앞 {{ fact.x }}을 가운데 {{fact.y}} 끝"
    assert list(fact_runs(text, "w")) == [("앞 ", "x", "을"), (" 가운데 ", "y", ""), (" 끝", None, "")]
    assert list(text_parts(text, "w")) == [
        ("앞 ", None),
        ("", "x"),
        ("을", None),
        (" 가운데 ", None),
        ("", "y"),
        ("", None),
        (" 끝", None),
    ]
    assert list(fact_runs("글만 있어요", "w")) == [("글만 있어요", None, "")]


def test_the_fact_keys_of_a_text_in_order_repeats_included():
    assert fact_keys("{{ fact.a }} {{ fact.b }}을 {{ fact.a }}") == ["a", "b", "a"]
    assert fact_keys("없음") == []


def test_a_wrong_marker_in_a_text_names_the_text():
    for walk in (fact_runs, text_parts, fact_keys):
        with pytest.raises(GuideDataError) as err:
            list(walk("앞 {{ fact.Bad }}", "faq[2].answer"))
        assert err.value.file == "faq[2].answer"
    with pytest.raises(GuideDataError) as err:
        fact_keys("{{ nope }}")
    assert err.value.file == "(text)"


PAGE = "\n첫 줄 {{ fact.a }}을\n<!-- guide:faq-list x_1 -->\n```\n{{ fact.b }}\n```\n끝 {{ fact.c }}\n"


def _expand(markdown, **kwargs):
    tokens = []

    def replace(token):
        tokens.append(token)
        return f"<{token.block or token.fact}>"

    return expand_markers(markdown, "docs/page.md", replace, **kwargs), tokens


def test_markers_are_replaced_with_their_lines_and_code_fences_are_left_alone():
    out, tokens = _expand(PAGE)
    assert out == "\n첫 줄 <a>\n<faq-list>\n```\n{{ fact.b }}\n```\n끝 <c>\n"
    assert tokens == [
        Token(2, 5, fact="a", josa="을"),
        Token(3, 1, block="faq-list", arg="x_1"),
        Token(7, 3, fact="c"),
    ]


def test_a_section_counts_its_lines_from_its_first_line():
    _, tokens = _expand(PAGE, first_line=10)
    assert [t.line for t in tokens] == [11, 12, 16]


def test_a_wrong_marker_in_a_page_names_its_line():
    with pytest.raises(GuideDataError) as err:
        _expand("제목\n\n본문 {{ fact.Nope }}")
    assert (err.value.file, err.value.line, err.value.column) == ("docs/page.md", 3, 4)
    with pytest.raises(GuideDataError) as err:
        _expand("```\n코드\n```\n{{ fact.Nope }}", first_line=20)
    assert (err.value.file, err.value.line, err.value.column) == ("docs/page.md", 23, 1)


def test_a_page_body_starts_below_its_front_matter():
    """The engine hands over a page without its front matter and the blank lines after it."""
    body = "# 제목\n\n본문\n"
    assert body_line("---\ndescription: 설명\n---\n\n" + body, body) == 5
    assert body_line("---\na: 1\nb: 2\n---\n" + body, body) == 5
    assert body_line(body, body) == 1
    assert body_line("전혀 다른 글\n", body) == 1  # rewritten by something else: lines as given
    assert body_line("---\na: 1\n---\n", "") == 1


def test_fences_split_a_text_into_prose_and_code_that_join_back():
    cases = {
        "a\n```\nx\n```\nb\n": [(False, 0, "a\n"), (True, 2, "```\nx\n```\n"), (False, 12, "b\n")],
        "```\nx\n```": [(False, 0, ""), (True, 0, "```\nx\n```"), (False, 9, "")],
        "a\n~~~\nx": [(False, 0, "a\n"), (True, 2, "~~~\nx")],
        "prose only": [(False, 0, "prose only")],
        "```\n1\n```\n가\n~~~\n2\n~~~ \n나": [
            (False, 0, ""),
            (True, 0, "```\n1\n```\n"),
            (False, 10, "가\n"),
            (True, 12, "~~~\n2\n~~~ \n"),
            (False, 23, "나"),
        ],
    }
    for text, parts in cases.items():
        assert split_fences(text) == parts, text
        assert "".join(chunk for _, _, chunk in parts) == text
        assert all(text.startswith(chunk, offset) for _, offset, chunk in parts)


def test_sections_run_from_heading_to_heading_with_their_first_line():
    assert split_sections("") == []
    assert split_sections("# A\nx\n## B\ny") == [(1, "# A\nx\n"), (3, "## B\ny")]
    assert split_sections("\n# A\nb") == [(1, "\n"), (2, "# A\nb")]
    text = "intro\n```\n# not a heading\n```\n# Real\ntext"
    assert split_sections(text) == [(1, "intro\n```\n# not a heading\n```\n"), (5, "# Real\ntext")]
    assert split_sections("#hashtag\n####### seven") == [(1, "#hashtag\n####### seven")]
