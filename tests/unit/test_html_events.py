"""The page checks read a page's article through one regular-expression scan (guidekit/html_events.py);
it must report what Python's HTMLParser reports for the HTML our build writes."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidekit.html_events import END, START, TEXT, article, events


class _Recorder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.out.append((START, tag, dict(attrs), ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.out.append((END, tag, {}, ""))

    def handle_endtag(self, tag):
        self.out.append((END, tag, {}, ""))

    def handle_data(self, data):
        if self.out and self.out[-1][0] == TEXT:  # HTMLParser may split a text run; the checks join them
            self.out[-1] = (TEXT, "", {}, self.out[-1][3] + data)
        else:
            self.out.append((TEXT, "", {}, data))


def parsed(html: str) -> list[tuple]:
    recorder = _Recorder()
    recorder.feed(html)
    recorder.close()
    return recorder.out


def ours(html: str) -> list[tuple]:
    return [tuple(e) for e in events(html)]


CASES = [
    '<p class="a  b" data-fact="x">값&amp;<strong>굵게</strong>을</p>',
    "<p>하나<br>둘<br/>셋<img src='a.png' alt=\"&lt;사진&gt;\"/></p>",
    "<!-- 주석 <p>아님</p> --><p>본문</p>",
    '<div hidden data-search-exclude><span class="josa">를</span></div>',
    "<script>if (a < b && c > d) { x = '</p>' }</script><p>뒤</p>",
    "<style>.a > .b { content: '<'; }</style>텍스트 &#49;&#x32;&nbsp;끝",
    '<a href="?a=1&amp;b=2" title=\'작은 "따옴표"\'>링크</a>',
    "<P CLASS=Upper>대문자</P>",
    "<!DOCTYPE html><html><body><article><h1>제목</h1></article></body></html>",
]


@pytest.mark.parametrize("html", CASES)
def test_the_same_events_as_htmlparser(html):
    assert ours(html) == parsed(html)


_TAGS = st.sampled_from(["p", "li", "span", "strong", "code", "a", "br", "div"])
_WORDS = st.sampled_from(["결제", "를", " ", "&amp;", "1372", "\n", "값 ", "&lt;"])


@st.composite
def _html(draw):
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(_TAGS)
        attrs = draw(st.sampled_from(["", ' class="fact"', ' data-fact="k"', " hidden", " title='t&amp;t'"]))
        parts.append(f"<{tag}{attrs}>{''.join(draw(st.lists(_WORDS, max_size=4)))}</{tag}>")
    return "".join(parts)


@given(_html())
def test_the_same_events_on_generated_html(html):
    assert ours(html) == parsed(html)


@pytest.mark.reads_guide
def test_every_built_page_reads_the_same(built_site):
    site, _ = built_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = article(page.read_text(encoding="utf-8"))
        assert ours(html) == parsed(html), page.relative_to(site)


def test_only_the_article_is_read():
    page = "<nav><p>메뉴</p></nav><article class='md-content__inner'><p>본문</p></article><footer>끝</footer>"
    assert article(page) == "<article class='md-content__inner'><p>본문</p></article>"
    assert article("<p>조각</p>") == "<p>조각</p>"
