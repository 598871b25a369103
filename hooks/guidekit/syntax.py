"""The one syntax pages, page templates and data texts use to take something from the data file, and the
one parser for it:

- `{{ fact.key }}` inline, for a fact's value;
- `<!-- guide:block-name arg -->` on a line of its own, for a generated block.

Everything else (expanding a page, plain text for a pasted message, a sheet's check date, the tests) finds
references through the functions here, so the syntax is written down once."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import GuideDataError, position_of
from .particles import JOINED

REF = re.compile(r"\{\{\s*(?P<body>[^{}]*?)\s*\}\}")
FACT_BODY = re.compile(r"^fact\.(?P<key>[a-z][a-z0-9_]*)$")
BLOCK = re.compile(r"^<!--\s*guide:(?P<name>[a-z][a-z0-9-]*)(?:\s+(?P<arg>[a-z0-9_]+))?\s*-->[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~)", re.M)
# A [placeholder] in a message template: what the shopper replaces before sending (or what their typed
# details fill in, when it is named like one). Brackets around nothing but spaces ('[ ]') name no blank.
PLACEHOLDER = re.compile(r"\[([^\[\]\n]*[^\[\]\s][^\[\]\n]*)\]")
# A fact reference takes the particle written right after it, so the value and its particle are drawn
# together (a particle never starts a line on its own after a row of buttons).
FACT_REF = re.compile(f"{REF.pattern}(?P<josa>{JOINED.pattern})?")
TOKEN = re.compile(f"{BLOCK.pattern}|{FACT_REF.pattern}", re.M)
# Left of every marker in built HTML if one were never expanded: what the build tests look for.
LEFTOVERS = ("{{", "guide:")


def fact_marker(key: str) -> str:
    return "{{ fact.%s }}" % key  # noqa: UP031 - braces would need doubling in an f-string


def block_marker(name: str, arg: str | None = None) -> str:
    return f"<!-- guide:{name}{' ' + arg if arg else ''} -->"


def fact_key(body: str, where: str, line: int | None = None, column: int | None = None) -> str:
    """The key inside `{{ fact.key }}` (given its body 'fact.key'); anything else is a mistake."""
    m = FACT_BODY.match(body)
    if not m:
        raise GuideDataError(
            where,
            f"'{{{{ {body} }}}}'는 알 수 없는 자리표시자예요.",
            line=line,
            column=column,
            expected="{{ fact.키 }} 꼴. 키는 영문 소문자·숫자·밑줄(_)이에요. 예: {{ fact.agent_hours }}",
        )
    return m.group("key")


def fact_runs(text: str, where: str) -> Iterator[tuple[str, str | None, str]]:
    """A data text as (plain text, then a fact key or None, then the particle written right after that
    fact) runs, in order: how every consumer walks a text."""
    pos = 0
    for m in FACT_REF.finditer(text):
        yield text[pos : m.start()], fact_key(m.group("body"), where), m.group("josa") or ""
        pos = m.end()
    yield text[pos:], None, ""


def text_parts(text: str, where: str) -> Iterator[tuple[str, str | None]]:
    """The same walk as (plain text, fact key or None) pairs, particles back in the plain text: for
    consumers that write a fact as plain text."""
    for plain, key, josa in fact_runs(text, where):
        yield plain, None
        if key:
            yield "", key
            yield josa, None


def fact_keys(text: str, where: str = "(text)") -> list[str]:
    """The fact keys a data text refers to, in order of appearance."""
    return [key for _, key in text_parts(text, where) if key]


@dataclass(frozen=True)
class Token:
    """A marker found in a page: a block (name, arg) or a fact reference (key), with its line and column."""

    line: int
    column: int | None = None
    block: str | None = None
    arg: str | None = None
    fact: str | None = None
    josa: str = ""  # the particle written right after a fact reference


def expand_markers(markdown: str, where: str, replace, first_line: int = 1) -> str:
    """Call `replace(token)` for every marker outside code fences and put its result in the marker's
    place. Code fences are left alone so a page can show the syntax itself. `first_line`: the line of the
    page `markdown` starts on, when it is one section of a page."""
    out = []
    for is_code, offset, chunk in split_fences(markdown):
        if is_code:
            out.append(chunk)
            continue

        def repl(m, offset=offset):
            at = offset + m.start()
            line, column = position_of(markdown, at)
            line += first_line - 1
            if m.group("name"):
                return replace(Token(line, column, block=m.group("name"), arg=m.group("arg")))
            key = fact_key(m.group("body"), where, line, column)
            return replace(Token(line, column, fact=key, josa=m.group("josa") or ""))

        out.append(TOKEN.sub(repl, chunk))
    return "".join(out)


HEADING = re.compile(r"^#{1,6}[ \t]", re.M)


def split_sections(markdown: str) -> list[tuple[int, str]]:
    """[(first line, text)] from one heading to the next (headings inside code fences do not count); the
    text before the first heading is a section too. Joined again they give back `markdown`."""
    starts = [0]
    for is_code, offset, chunk in split_fences(markdown):
        if not is_code:
            starts += [offset + m.start() for m in HEADING.finditer(chunk) if offset + m.start() > 0]
    bounds = [*starts, len(markdown)]
    return [(markdown.count("\n", 0, a) + 1, markdown[a:b]) for a, b in itertools.pairwise(bounds) if b > a]


def split_fences(text: str) -> list[tuple[bool, int, str]]:
    """[(is_code, offset, chunk)], so references inside ``` fences stay as written."""
    parts, pos, inside, start = [], 0, False, 0
    for m in FENCE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end + 1
        if not inside:
            parts.append((False, pos, text[pos : m.start()]))
            start, inside = m.start(), True
        else:
            parts.append((True, start, text[start:line_end]))
            pos, inside = line_end, False
    if inside:
        parts.append((True, start, text[start:]))
    else:
        parts.append((False, pos, text[pos:]))
    return parts


def body_line(source: str, markdown: str) -> int:
    """The line of a page's file on which `markdown` begins: the engine hands over the page without its
    front matter (and the blank lines after it), while an editor counts lines from the top of the file.
    1 when `markdown` is not the end of `source` (something else rewrote the page first)."""
    if not markdown or not source.endswith(markdown):
        return 1
    return source.count("\n", 0, len(source) - len(markdown)) + 1
