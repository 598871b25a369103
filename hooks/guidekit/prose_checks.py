"""Checks that read each rendered page as a reader sees it, so that a kind of mistake cannot come back
when a fact, a template or a page changes:

- particles after an inserted fact fit it (guidekit/particles.py);
- no bare numbers: a time, a deadline, an amount or a phone number typed into prose instead of taken
  from the data file (`style.numbers_allowed` in the data file lists what may stay, e.g. an institution's
  name);
- wording rules (`style.wording`): words the guide has decided not to use, with the reason and what to
  use instead (e.g. "물리다" for a legal right, "붙어요" for interest that must be claimed);
- attribution: a fact with `attribution` (no official source) is shown only in a paragraph or list item
  that names where it comes from ("원본 글에 따르면").

Only the page's article is read. Inserted facts (`data-fact`), lists of sources (`data-from-data`), code
and the heading links are not prose."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from .html_events import Event, article, events, replay
from .model import Guide, Style
from .particles import form_after, particle_problems

# Digits that state a time, a duration or deadline, an amount, or a phone number.
BARE_NUMBER = re.compile(
    r"\d{1,2}:\d{2}"  # 09:00
    r"|\d+\s*(?:시간|영업일|개월|주일|분|초|일|주|년|달)"  # 7일, 3영업일, 30분
    r"|\d{1,2}\s*시(?!간)"  # 9시
    r"|\d[\d,.]*\s*(?:만\s*원|원|%|퍼센트)"  # 20만원, 15%
    r"|(?<![\d-])\d{2,4}-\d{3,4}-\d{4}(?![\d-])"  # 02-123-4567
    r"|(?<![\d-])1\d{3}(?![\d-])"  # 1372, 1588: short phone numbers
)

_URL = re.compile(r"\bhttps?://\S+")
_DIGIT = re.compile(r"\d")


@functools.cache
def _avoided(style: Style) -> re.Pattern:
    """Every phrase any wording rule avoids, as one pattern: one search per block finds whether to look."""
    phrases = [re.escape(p) for rule in style.wording for p in rule.avoid]
    return re.compile("|".join(phrases) or "(?!)")


_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary", "caption", "label"}
_NOT_PROSE_TAGS = {"code", "kbd", "script", "style", "svg", "template"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


@dataclass
class TextBlock:
    """One paragraph, list item, table cell or heading: its whole text, its prose (inserted facts and
    code left out), and the facts shown in it."""

    text: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    from_data: bool = False  # inside a list of sources: data shown as data, not prose

    @property
    def full(self) -> str:
        return "".join(self.text)

    @property
    def own_prose(self) -> str:
        return "".join(self.prose)


class _Reader:
    def __init__(self):
        self.blocks: list[TextBlock] = []
        self._open: list[tuple[str, bool, bool, bool]] = []  # (tag, opens a block, hides prose, data)
        self._block_stack: list[TextBlock] = []
        self._article = 0
        self._hidden = 0
        self._from_data = 0

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        a = attrs
        if tag == "article" or self._article:
            self._article += 1
        if not self._article:
            return
        classes = (a.get("class") or "").split()
        hides = tag in _NOT_PROSE_TAGS or "data-fact" in a or "data-from-data" in a or "headerlink" in classes
        opens = tag in _BLOCKS
        if "data-fact" in a and self._block_stack:
            self._block_stack[-1].facts.append(a["data-fact"])
        self._from_data += "data-from-data" in a
        if opens:
            block = TextBlock(from_data=bool(self._from_data))
            self.blocks.append(block)
            self._block_stack.append(block)
        self._hidden += hides
        self._open.append((tag, opens, hides, "data-from-data" in a))

    def handle_endtag(self, tag):
        if not self._article:
            return
        while self._open:
            open_tag, opened, hid, from_data = self._open.pop()
            self._hidden -= hid
            self._from_data -= from_data
            if opened:
                self._block_stack.pop()
            self._article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._article or not self._block_stack:
            return
        block = self._block_stack[-1]
        block.text.append(data)
        if not self._hidden:
            block.prose.append(data)


def text_blocks(page: str | list[Event]) -> list[TextBlock]:
    """The text blocks of a rendered page (its HTML, or its article's events)."""
    reader = _Reader()
    replay(reader, events(article(page)) if isinstance(page, str) else page)
    return reader.blocks


_FACT_ATTR = re.compile(r'data-fact="([^"]+)"')


def check_inputs(page: str, guide: Guide) -> tuple:
    """Everything `page_problems` reads: the page's article, the style rules, and the facts the page shows
    with what their attribution check uses. Equal inputs, equal problems."""
    text = article(page)
    keys = sorted(set(_FACT_ATTR.findall(text)))
    facts = tuple(
        (key, fact.attribution, fact.as_text()) if (fact := guide.facts.get(key)) else (key, None, None) for key in keys
    )
    return text, guide.style, facts


def page_problems(html: str, guide: Guide) -> list[str]:
    """Every check above on one rendered page: one line per problem, in the reader's words where possible.
    The page's article is read once, for all of them."""
    text = article(html)
    stream = events(text)
    problems = [p.message() for p in particle_problems(stream)] + note_problems(text)
    for block in text_blocks(stream):
        if block.from_data:
            continue
        problems += (
            _number_problems(block, guide) + _wording_problems(block, guide) + _attribution_problems(block, guide)
        )
    return problems


# Where a reader's section starts: an h2, or a printed sheet of the print-all page.
_SECTION_START = re.compile(r'<h2[\s>]|<div class="checklist checklist--sheet"')
_NOTE = '<p class="source-note"'


def note_problems(article_html: str) -> list[str]:
    """One honesty note per section or printed sheet: the same warning twice in one place is read as
    noise, and a note that names another sheet's items is wrong on the paper it is printed on."""
    starts = [0, *(m.start() for m in _SECTION_START.finditer(article_html)), len(article_html)]
    problems = []
    for a, b in itertools.pairwise(starts):
        part = article_html[a:b]
        if part.count(_NOTE) > 1:
            heading = re.search(r"<h2[^>]*>(.*?)</h2>", part, re.S)
            where = re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else "페이지 첫머리"
            problems.append(f"'{where}' 아래에 비공식 정보 안내가 {part.count(_NOTE)}번 있어요. 한 부분에 하나만 둬요.")
    return problems


def _number_problems(block: TextBlock, guide: Guide) -> list[str]:
    prose = block.own_prose
    if not _DIGIT.search(prose):
        return []  # most blocks: nothing to look at
    prose = _URL.sub(" ", prose)  # an address is not a number a reader acts on
    for allowed in guide.style.numbers_allowed:
        prose = prose.replace(allowed, " ")
    return [
        f"본문에 직접 쓴 숫자 '{m.group(0)}' (\"{_excerpt(block.full, m.group(0))}\"): 시간·기한·금액·전화번호는 "
        "데이터 파일의 사실로 넣어 주세요({{ fact.키 }}). "
        "기관 이름처럼 꼭 남길 말이면 style.numbers_allowed에 더해요."
        for m in BARE_NUMBER.finditer(prose)
    ]


def _wording_problems(block: TextBlock, guide: Guide) -> list[str]:
    text = block.full
    if not _avoided(guide.style).search(text):
        return []  # most blocks: no phrase of any rule
    out = []
    for rule in guide.style.wording:
        if rule.unless and rule.unless in text:
            continue
        for phrase in rule.avoid:
            if phrase in text:
                out.append(f"'{phrase}' (\"{_excerpt(text, phrase)}\"): {rule.why} 대신: {rule.use}")
    return out


def _attribution_problems(block: TextBlock, guide: Guide) -> list[str]:
    text = block.full
    out = []
    for key in dict.fromkeys(block.facts):
        fact = guide.facts.get(key)
        if fact and fact.attribution and fact.attribution not in text:
            out.append(
                f"facts.{key} 값 '{fact.as_text()}': 공식 출처가 없어서, 이 값을 보여 주는 문단·목록 항목에 "
                f"'{fact.attribution}'{form_after(fact.attribution, '이')} 함께 있어야 해요: "
                f'"{_excerpt(text, fact.as_text())}"'
            )
    return out


def _excerpt(text: str, around: str, width: int = 30) -> str:
    text = " ".join(text.split())
    at = max(text.find(around), 0)
    start = max(at - width, 0)
    return (
        ("…" if start else "")
        + text[start : at + len(around) + width]
        + ("…" if at + len(around) + width < len(text) else "")
    )
