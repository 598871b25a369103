"""Fill a page's markers in: every `{{ fact.key }}` becomes the fact's value (the particle after it made to
fit) and every `<!-- guide:block arg -->` the block's HTML, section by section so that each section ends
with its one honesty note, and every error names the line as the editor sees it; and, once all pages are
done, name the facts that no page used."""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import RenderContext
from .errors import GuideDataError
from .model import Guide
from .right_checks import check_page_limits
from .syntax import Token, expand_markers, fact_marker, split_fences, split_sections

Blocks = dict[str, Callable[[RenderContext, str | None], str]]


def expand_page(markdown: str, ctx: RenderContext, blocks: Blocks, first_line: int = 1) -> str:
    """`first_line`: the line of the page's file `markdown` starts on (below its front matter). Lines are
    counted in `markdown` and moved down by it once, here, for every message about the page."""
    try:
        return _expand(markdown, ctx, blocks)
    except GuideDataError as exc:
        if exc.file != ctx.where or first_line == 1:
            raise
        raise exc.at(exc.line + first_line - 1 if exc.line else None, exc.column) from None


def _expand(markdown: str, ctx: RenderContext, blocks: Blocks) -> str:
    def replace(token: Token) -> str:
        if token.fact:
            return str(ctx.render_fact(ctx.fact(token.fact, token.line, column=token.column), token.josa))
        return _block(token, ctx, blocks)

    check_page_limits(markdown, ctx.where)
    markdown = "".join(chunk if is_code else ctx.fit(chunk) for is_code, _, chunk in split_fences(markdown))
    # One honesty note per section a reader sees as one (a page's top, or an h2 with everything under it):
    # the FAQ's questions are h3s, and a note under each said the same thing sixteen times.
    out: list[str] = []
    group: list[str] = []
    group_line = 1
    for first_line, section in split_sections(markdown):
        if group and not SUBHEADING.match(section):
            out.append(_with_note("".join(group), ctx.end_section(ctx.where, group_line)))
            group, group_line = [], first_line
        group.append(expand_markers(section, ctx.where, replace, first_line))
    if group:
        out.append(_with_note("".join(group), ctx.end_section(ctx.where, group_line)))
    return "".join(out)


SUBHEADING = re.compile(r"#{3,6}[ \t]")


def _with_note(section: str, note: str) -> str:
    """The section with its note after its last block (blank lines around it: a raw HTML block)."""
    if not note:
        return section
    body = section.rstrip("\n")
    return body + "\n\n" + note + "\n" + section[len(body) :]


def _block(token: Token, ctx: RenderContext, blocks: Blocks) -> str:
    name = token.block or ""
    if name not in blocks:
        raise GuideDataError(
            ctx.where,
            f"모르는 블록 'guide:{name}'이에요.",
            line=token.line,
            column=token.column,
            expected="다음 중 하나: " + ", ".join(sorted(blocks)),
        )
    try:
        html = str(blocks[name](ctx, token.arg))
    except GuideDataError as exc:
        if exc.file == ctx.where and exc.line is None:
            raise exc.at(token.line, token.column) from None
        raise
    # Blank lines around the HTML make Python-Markdown take it as one raw block.
    return "\n" + html + "\n"


def unused_fact_messages(guide: Guide, used: set[str]) -> list[str]:
    """One line per fact that no page or generated text takes: dead data misleads editors."""
    return [
        f"{guide.place('facts', key)}: facts.{key}를 어느 페이지에서도 쓰지 않아요. "
        f"페이지에 {fact_marker(key)}로 넣거나, 필요 없으면 지워 주세요."
        for key in guide.facts
        if key not in used
    ]
