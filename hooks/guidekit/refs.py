"""The one syntax pages and data texts use to take a fact: `{{ fact.key }}` inline, and
`<!-- guide:block-name arg -->` on a line of its own for a generated block. This module finds and
replaces them; an unknown key or block stops the build with the page, line and key."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from .data import Fact, Guide
from .errors import GuideDataError
from .render import inline_markup, render

REF = re.compile(r"\{\{\s*(?P<body>[^{}]*?)\s*\}\}")
FACT_BODY = re.compile(r"^fact\.(?P<key>[a-z][a-z0-9_]*)$")
BLOCK = re.compile(r"^<!--\s*guide:(?P<name>[a-z][a-z0-9-]*)(?:\s+(?P<arg>[a-z0-9_]+))?\s*-->[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~)", re.M)

BADGE_TEXT = {"guide": "비공식", "conflict": "출처 엇갈림"}


@dataclass
class RenderContext:
    """What rendering one page needs: the guide, how to turn a site link into a URL relative to the
    page, and a record of the facts the page used (for its sources box and footer date)."""

    guide: Guide
    where: str
    url_for: Callable[[str, str], str]
    used: dict[str, Fact] = field(default_factory=dict)

    def fact(self, key: str, line: int | None = None, where: str | None = None) -> Fact:
        fact = self.guide.facts.get(key)
        if fact is None:
            raise GuideDataError(
                where or self.where,
                f"모르는 사실 키 '{key}'를 쓰고 있어요.",
                line=line,
                key_path=f"facts.{key}",
                expected=_suggest(key, self.guide.facts),
            )
        return fact

    def render_fact(self, fact: Fact) -> Markup:
        first = fact.key not in self.used
        self.used[fact.key] = fact
        badge = None
        if first and fact.unofficial:
            badge = {
                "text": BADGE_TEXT[fact.confidence],
                "href": self.url_for(f"sources.md#fact-{fact.key}", self.where),
                "checked": fact.checked,
                "confidence": fact.confidence,
            }
        return render("fact.html", fact=fact, badge=badge)

    def inline(self, text: str, where: str) -> Markup:
        """Data text -> safe inline HTML: escaped, **bold** allowed, fact references expanded."""
        out, pos = [], 0
        for m in REF.finditer(text):
            out.append(inline_markup(text[pos : m.start()]))
            out.append(self.render_fact(self.fact(_fact_key(m.group("body"), where, None), where=where)))
            pos = m.end()
        out.append(inline_markup(text[pos:]))
        return Markup("").join(out)

    def entry(self, list_name: str, wanted: str | None, what: str) -> tuple[int, dict]:
        """The entry of `list_name` in the data whose id is `wanted`, for a block that names one."""
        entries = self.guide.data.get(list_name) or []
        for i, entry in enumerate(entries):
            if entry["id"] == wanted:
                return i, entry
        raise GuideDataError(
            self.where,
            f"{what} '{wanted}'가 데이터의 {list_name}에 없어요.",
            key_path=f"{list_name}[].id",
            expected="다음 중 하나: " + (", ".join(e["id"] for e in entries) or "(없음)"),
        )

    @property
    def checked_span(self) -> str | None:
        """'2026-02-06 ~ 2026-11-26' over the facts this page used; one date when they agree."""
        dates = sorted({f.checked for f in self.used.values()})
        if not dates:
            return None
        return dates[0] if len(dates) == 1 else f"{dates[0]} ~ {dates[-1]}"


def _fact_key(body: str, where: str, line: int | None) -> str:
    m = FACT_BODY.match(body)
    if not m:
        raise GuideDataError(
            where,
            f"'{{{{ {body} }}}}'는 알 수 없는 자리표시자예요.",
            line=line,
            expected="{{ fact.키 }} 꼴. 키는 영문 소문자·숫자·밑줄(_)이에요. 예: {{ fact.agent_hours }}",
        )
    return m.group("key")


def _suggest(key: str, facts: dict) -> str:
    import difflib

    close = difflib.get_close_matches(key, facts.keys(), n=3)
    hint = f" 비슷한 키: {', '.join(close)}" if close else ""
    return f"docs/data/guide.yml의 facts에 있는 키.{hint}"


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def expand_page(
    markdown: str, ctx: RenderContext, blocks: dict[str, Callable[[RenderContext, str | None], str]]
) -> str:
    """Replace blocks and fact references in a page's Markdown in one pass, so every error names the
    line as the editor sees it. Code fences are left alone so a page can show the syntax itself."""
    out = []
    for is_code, offset, chunk in _split_fences(markdown):
        if is_code:
            out.append(chunk)
            continue

        def repl(m, offset=offset):
            line = _line_at(markdown, offset + m.start())
            if m.group("name"):
                return _block(m.group("name"), m.group("arg"), ctx, blocks, line)
            key = _fact_key(m.group("body"), ctx.where, line)
            return str(ctx.render_fact(ctx.fact(key, line)))

        out.append(_TOKEN.sub(repl, chunk))
    return "".join(out)


_TOKEN = re.compile(f"{BLOCK.pattern}|{REF.pattern}", re.M)


def _block(name, arg, ctx, blocks, line):
    if name not in blocks:
        raise GuideDataError(
            ctx.where,
            f"모르는 블록 'guide:{name}'이에요.",
            line=line,
            expected="다음 중 하나: " + ", ".join(sorted(blocks)),
        )
    try:
        html = str(blocks[name](ctx, arg))
    except GuideDataError as exc:
        if exc.file == ctx.where and exc.line is None:
            exc.line = line
            exc.args = (exc.render(),)
        raise
    # Blank lines around the HTML make Python-Markdown take it as one raw block.
    return "\n" + html + "\n"


def _split_fences(text: str):
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


def unused_fact_messages(guide: Guide, used: set[str]) -> list[str]:
    """One line per fact that no page or generated text takes: dead data misleads editors."""
    return [
        f"{guide.file}:{guide.line_of('facts', key)}: facts.{key}를 어느 페이지에서도 쓰지 않아요. "
        f"페이지에 {{{{ fact.{key} }}}}로 넣거나, 필요 없으면 지워 주세요."
        for key in guide.facts
        if key not in used
    ]
