"""Hostile text in any display string of the data file: refused when the file is loaded, with one message
that names the line and the key path (guidekit/data_text.py); or, where the text is allowed, shown on the
page exactly as typed — no markup, no link, no script (guidekit/render.py escapes every value as well)."""

from __future__ import annotations

import collections
import copy
import json
import re

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from guide_copy import MARKS, RAW, SCHEMA
from guidedev.datapaths import display_paths, schema_name
from guidekit.blocks import BLOCKS
from guidekit.context import RenderContext
from guidekit.data_text import MESSAGE, PLAIN, TEXT, _kind, _patterns, check_texts
from guidekit.errors import GuideDataError
from guidekit.expand import expand_page
from guidekit.load import guide_from_checked
from guidekit.page_safety import unsafe_links
from guidekit.search_ko import enrich_index

pytestmark = pytest.mark.reads_guide

FILE = "docs/data/guide.yml"
PATTERNS = _patterns(json.dumps(SCHEMA, sort_keys=True))
REFUSED = [
    ("결제<img src=x onerror=alert(9)>", "HTML 태그"),
    ("<script>window.__pwned = 1</script>", "HTML 태그"),
    ("<!-- guide:checklist prepare -->", "HTML 태그"),
    ("</p><p>", "HTML 태그"),
    ("**굵게** [링크](javascript:alert(3))", "마크다운 링크"),
    ("![그림](x.png)", "마크다운 링크"),
    ("[참조][1]", "마크다운 링크"),
    ("`코드`", "백틱"),
    ("평일 \u202e09:00–18:00", "U+202E"),
    ("주문\u200b번호", "U+200B"),
    ("\u2066격리\u2069", "U+2066"),
    ("줄\u2028바꿈", "U+2028"),
    ("\ufeff앞", "U+FEFF"),
]


def _shape(path) -> tuple:
    """The place in the schema: list positions as '#', fact keys as '*'."""
    return tuple("#" if isinstance(p, int) else "*" if i == 1 and path[0] == "facts" else p for i, p in enumerate(path))


def _def_of(path) -> str | None:
    return schema_name(path, RAW, SCHEMA)


DISPLAY = display_paths(RAW, SCHEMA)
# One place of each shape: the rules follow the schema's name for the place, so one of each covers all.
SHAPES = list({_shape(p): p for p in DISPLAY}.values())


def _set(data, path, value):
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _planted(path, value):
    data = copy.deepcopy(RAW)
    _set(data, path, value)
    return data


def test_the_display_strings_are_found():
    assert len(SHAPES) > 40, (len(DISPLAY), len(SHAPES))
    kinds = collections.Counter(_kind(p, PATTERNS) for p in SHAPES)
    assert kinds[TEXT] >= 10 and kinds[MESSAGE] == 1 and kinds[PLAIN] >= 20, kinds


@pytest.mark.parametrize(("value", "says"), REFUSED, ids=[r[1] + str(i) for i, r in enumerate(REFUSED)])
def test_hostile_text_in_every_kind_of_place_is_refused_with_its_line(value, says):
    for path in SHAPES:
        with pytest.raises(GuideDataError) as err:
            check_texts(_planted(path, "앞 " + value + " 뒤"), MARKS, FILE, SCHEMA)
        message = str(err.value)
        assert says in message and f"{FILE}:{MARKS[path][0]}:" in message, (path, message)


def test_a_hostile_text_everywhere_at_once_names_the_first_place():
    data = copy.deepcopy(RAW)
    for i, path in enumerate(DISPLAY):
        _set(data, path, f"<b>굵게 {i}</b>")
    with pytest.raises(GuideDataError) as err:
        check_texts(data, MARKS, FILE, SCHEMA)
    first = min(DISPLAY, key=lambda p: MARKS[p])
    assert err.value.line == MARKS[first][0], str(err.value)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("{{ fact.agent_hours }}", "{{ … }}"),
        ("**굵게**", "굵게(**)"),
        ("}}", "{{ … }}"),
    ],
)
def test_markup_only_text_fields_carry_is_refused_where_a_value_is_shown_as_typed(value, says):
    plain_places = [p for p in SHAPES if _kind(p, PATTERNS) == PLAIN]
    for path in plain_places:
        with pytest.raises(GuideDataError) as err:
            check_texts(_planted(path, "앞 " + value), MARKS, FILE, SCHEMA)
        assert says in str(err.value), (path, str(err.value))


def test_a_stray_brace_in_a_text_field_is_refused():
    text_place = next(p for p in SHAPES if _kind(p, PATTERNS) == TEXT)
    with pytest.raises(GuideDataError, match="짝이 맞지 않는"):
        check_texts(_planted(text_place, "{{ fact.agent_hours }} 그리고 {{ fact."), MARKS, FILE, SCHEMA)


ALLOWED = "a < b, 1 > 0, &lt;script&gt; &amp; ' \" * _ ~ | \\ {: .x } ( ) ! # ^ = + 한글"


def test_text_that_only_looks_like_markup_is_allowed_everywhere():
    data = copy.deepcopy(RAW)
    for path in DISPLAY:
        if _def_of(path) in ("line", "plain"):
            _set(data, path, ALLOWED)
    check_texts(data, MARKS, FILE, SCHEMA)


# ── Shown as typed ────────────────────────────────────────────────────────────────────────────────

EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]
WATCHED_TAGS = ("script", "img", "iframe", "svg", "a", "code", "em", "object", "embed", "style", "link", "form")


def _page_html(guide) -> str:
    """Every block and every fact, in a hand-written page, through Markdown as the site renders it."""
    from test_data_properties import block_arg

    ctx = RenderContext(guide=guide, where="docs/x.md", url_for=lambda link, where: link)
    page = "# 제목\n\n" + "\n".join(f"<!-- guide:{name} {block_arg(guide, name)} -->" for name in BLOCKS)
    page += "\n\n" + " ".join(f"{{{{ fact.{k} }}}}" for k in guide.facts) + "\n\n| 칸 |\n| --- |\n"
    page += "".join(f"| {{{{ fact.{k} }}}} |\n" for k in guide.facts)
    return markdown.markdown(expand_page(page, ctx, BLOCKS), extensions=EXTENSIONS)


def _tags(html: str) -> collections.Counter:
    return collections.Counter(m.lower() for m in re.findall(r"<([a-zA-Z]+)\b", html) if m.lower() in WATCHED_TAGS)


BASELINE_TAGS = _tags(_page_html(guide_from_checked(copy.deepcopy(RAW), MARKS, FILE, SCHEMA)))
# Characters a value may carry and that mean something to HTML or Markdown (no '<' before a letter: refused).
TRICKY = st.text(alphabet="가나다 <>&;#'\"*_~|\\{}()!=+^:/.-[]", min_size=1, max_size=24).filter(
    lambda t: t.strip() and "](" not in t and "![" not in t and "][" not in t and not re.search(r"<[A-Za-z/!?]", t)
)


@settings(max_examples=20)  # each example renders every block and fact through Markdown
@given(st.sampled_from([p for p in SHAPES if _def_of(p) == "line"]), TRICKY)
@example(("facts", "agent_hours", "value"), "*a* _b_ [c] {: .x } | ~~d~~ \\ &amp; 'e'")
@example(("topics", 0, "title"), "&lt;img src=x onerror=alert(1)&gt;")
def test_an_allowed_value_is_shown_exactly_as_typed(path, value):
    data = _planted(path, value)
    try:
        guide = guide_from_checked(data, MARKS, FILE, SCHEMA)
    except GuideDataError:
        return  # refused with its message: the other tests check those
    html = _page_html(guide)
    assert not unsafe_links(html)
    extra = _tags(html) - BASELINE_TAGS
    assert not extra, (path, value, extra)


def test_the_search_fallback_escapes_a_title_even_if_the_data_were_not_checked():
    """The no-match list is HTML that Material inserts as markup: a title must arrive as text."""
    from guidekit.build import GuideBuild
    from guidekit.model import guide_from_data
    from guidekit.urls import LinkBook

    data = _planted(("topics", 0, "title"), "결제<img src=x onerror=alert(9)>")
    build = GuideBuild(guide_from_data(data, MARKS, FILE))
    build.know_pages({f"{t['link'].partition('#')[0]}": t["link"].replace(".md", "/") for t in RAW["topics"]})
    build.links = LinkBook({**build.links.page_urls, "index.md": "./", "faq.md": "faq/"})
    titles = [entry["title"] for entry in build.search_fallback()]
    assert "결제&lt;img src=x onerror=alert(9)&gt;" in titles, titles
    assert not any("<img" in t for t in titles)
    index = enrich_index({"config": {}, "docs": []}, {}, [], fallback=build.search_fallback())
    assert "<img" not in json.dumps(index, ensure_ascii=False)
