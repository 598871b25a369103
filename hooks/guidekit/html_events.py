"""A rendered page's article as a list of start-tag, end-tag and text events, read once per page by every
check that reads pages (particles, prose): the same events `html.parser.HTMLParser` reports
(`convert_charrefs=True`), for the well-formed HTML that Markdown and the theme write, in one regular
expression scan instead of a pure-Python parser. Only the article is read: the nav and the rest of the
theme grow with the number of pages and hold no prose of the page."""

from __future__ import annotations

import html as _html
import re
from typing import NamedTuple

START, END, TEXT = "start", "end", "text"
_RAW = ("script", "style")  # their content is text, whatever it looks like (HTMLParser's CDATA elements)

# One token per match, its kind told by which group is set (findall hands back the groups as tuples, so
# the loop below runs no Python per character): text, an end mark and tag name with the attributes, a
# lone `<` that starts no tag (text, as for HTMLParser). A comment, doctype or processing instruction
# sets no group and is skipped.
_TOKEN = re.compile(
    r"([^<]+)"
    r"|<!--.*?-->"
    # attributes: runs of plain characters between quoted values (unrolled, not one alternation per character)
    r"|<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>"
    r"|<![^>]*>|<\?[^>]*>"
    r"|(<)",
    re.S,
)
_RAW_BLOCK = re.compile(r"(<(script|style)\b[^>]*>)(.*?)(</\2\s*>|\Z)", re.S | re.I)
_ATTR = re.compile(r"""((?<=[\s'"/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")


class Event(NamedTuple):
    kind: str  # START, END or TEXT
    tag: str  # the tag name, lower case ('' for text)
    attrs: dict[str, str | None]  # a start tag's attributes, values unescaped
    text: str  # the text, unescaped ('' for tags)


_NO_ATTRS: dict[str, str | None] = {}  # shared by every event without attributes: never written to
_event = tuple.__new__  # an Event made without NamedTuple's keyword handling: tens of thousands per build


def article(page: str) -> str:
    """The page's <article> … </article>, or the whole page if it has none."""
    start = page.find("<article")
    end = page.rfind("</article>")
    return page[start : end + len("</article>")] if start >= 0 and end > start else page


def events(html: str) -> list[Event]:
    out: list[Event] = []
    if "<script" not in html and "<style" not in html:
        _tokens(html, out)
        return out
    pos = 0
    for m in _RAW_BLOCK.finditer(html):  # a script's or style's content is one text, never tags
        _tokens(html[pos : m.start()] + m.group(1), out)
        if m.group(3):
            out.append(_event(Event, (TEXT, "", _NO_ATTRS, m.group(3))))
        _tokens(m.group(4), out)
        pos = m.end()
    _tokens(html[pos:], out)
    return out


def _tokens(html: str, out: list[Event]) -> None:
    text_parts: list[str] = []
    for text, end, name, attrs, lone in _TOKEN.findall(html):
        if text or lone:
            text_parts.append(text or lone)
            continue
        if not name:
            continue  # a comment or declaration: no event, and the text around it stays one text
        if text_parts:
            _text(out, "".join(text_parts))
            text_parts = []
        tag = name.lower()
        if end:
            out.append(_event(Event, (END, tag, _NO_ATTRS, "")))
            continue
        out.append(_event(Event, (START, tag, _attrs(attrs) if attrs.strip() else _NO_ATTRS, "")))
        if attrs.endswith("/"):  # <br/>: HTMLParser reports a start and an end
            out.append(_event(Event, (END, tag, _NO_ATTRS, "")))
    if text_parts:
        _text(out, "".join(text_parts))


def _text(out: list[Event], raw: str) -> None:
    out.append(_event(Event, (TEXT, "", _NO_ATTRS, _html.unescape(raw) if "&" in raw else raw)))


def _attrs(raw: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name, rest, written in _ATTR.findall(" " + raw):
        if not rest:
            found[name.lower()] = None
            continue
        quoted = written[:1] == written[-1:] and written[:1] in ("'", '"') and len(written) > 1
        value = written[1:-1] if quoted else written
        # the last one wins, as in dict(attrs)
        found[name.lower()] = _html.unescape(value) if "&" in value else value
    return found


def replay(handler, stream: list[Event]) -> None:
    """Call `handler`'s HTMLParser-style methods (handle_starttag(tag, attrs), handle_endtag(tag),
    handle_data(text)) for each event."""
    start, end, data = handler.handle_starttag, handler.handle_endtag, handler.handle_data
    for kind, tag, attrs, text in stream:
        if kind == TEXT:
            data(text)
        elif kind == START:
            start(tag, attrs)
        else:
            end(tag)
