"""Where each fact is used, for an editor about to change one (`make where FACT=agent_hours`): the lines of
the pages in docs/ that show it (written as `{{ fact.key }}`, or drawn by a block such as
`<!-- guide:scenario id -->`), the pages the build makes (핵심 요약, FAQ, checklists, messages …), and the
entries of the data file whose texts refer to it (scenarios, checklists, FAQ, message templates …).

Pages are read the way the build reads them (guidekit/syntax.py `expand_markers`), and each block is
drawn with the build's own blocks (guidekit/blocks.py), so a fact a block shows without naming it (the
deadline table, 내 사건's deadlines) is found as the build's unused-fact check finds it."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .blocks import BLOCKS
from .context import RenderContext
from .model import LISTS, Guide, data_key
from .render import TEMPLATES
from .syntax import Token, expand_markers, fact_keys, fact_marker
from .urls import CHECKLIST_INDEX_PAGE, CHECKLISTS_FOLDER, PRINT_ALL_PAGE

# The kinds of place, in the order they are listed, with their Korean names.
GROUPS = {
    "page": "페이지",
    "generated": "사이트가 만드는 페이지(핵심 요약, 자주 묻는 질문, 체크리스트, 상담톡 문구 …)",
    "scenarios": "시나리오",
    "checklists": "체크리스트",
    "faq": "자주 묻는 질문",
    "message_templates": "상담톡 문구",
    "data": "그 밖의 데이터",
}


@dataclass(frozen=True)
class Use:
    group: str  # a key of GROUPS
    place: str  # 'docs/payment.md:42', 'summary.md', 'docs/data/guide.yml:612'
    what: str  # '{{ fact.key }}', 'guide:scenario paid_no_order', 'scenarios[id=paid_no_order].steps[2]'
    entry: str = ""  # the page or data entry as one short name, for the overview ('scenarios[id=…]')


def fact_uses(
    guide: Guide, pages: dict[str, str], generated: dict[str, str] | None = None, docs_name: str = "docs"
) -> dict[str, list[Use]]:
    """fact key -> its uses, for every fact of the guide (an empty list: no page shows it). `pages`: the
    editors' pages, src_uri -> Markdown as written; `generated`: the pages the build makes, src_uri ->
    Markdown (guidekit/pages.py `generated_pages`)."""
    uses: dict[str, list[Use]] = {key: [] for key in guide.facts}

    def add(key: str, use: Use) -> None:
        if key in uses and use not in uses[key]:
            uses[key].append(use)

    for src_uri, markdown in sorted(pages.items()):
        where = f"{docs_name}/{src_uri}"
        for token, keys in _page_tokens(guide, markdown, where):
            for key in keys:
                add(key, Use("page", f"{where}:{token.line}", _marker(token), where))
    for src_uri, markdown in sorted((generated or {}).items()):
        template = _template_of(src_uri)
        for token, keys in _page_tokens(guide, markdown, src_uri):
            for key in keys:
                what = _marker(token)
                line = _template_line(template, fact_marker(key) if token.fact else None)
                if line:
                    what += f" (hooks/{TEMPLATES.parent.name}/templates/pages/{template.name}:{line})"
                add(key, Use("generated", src_uri, what, src_uri))
    for path, text in _data_texts(guide):
        group = path[0] if path[0] in GROUPS else "data"
        named = _named_path(guide, path)
        for key in fact_keys(text, guide.file):
            add(key, Use(group, f"{guide.file}:{guide.line_of(*path)}", named, named.split("]", 1)[0] + "]"))
    for fact in guide.facts.values():
        for other in fact.shown_with:
            named = f"facts.{fact.key}.shown_with"
            add(other, Use("data", f"{guide.file}:{guide.line_of('facts', fact.key, 'shown_with')}", named, named))
    return uses


def close_keys(guide: Guide, name: str) -> list[str]:
    return difflib.get_close_matches(name, list(guide.facts), n=3, cutoff=0.5)


def unknown_fact_message(guide: Guide, name: str) -> str:
    close = close_keys(guide, name)
    hint = f" 비슷한 키: {', '.join(close)}" if close else " 키 목록은 make where(FACT 없이)로 볼 수 있어요."
    return f"{guide.file}의 facts에 없는 키예요: {name}.{hint}"


def describe(guide: Guide, key: str, uses: list[Use]) -> str:
    """One fact's uses, grouped, one place a line."""
    fact = guide.facts[key]
    lines = [f"facts.{key} — {fact.label} ({guide.file}:{guide.line_of('facts', key)})"]
    if not uses:
        lines.append("  어디에서도 쓰지 않아요(빌드가 '쓰지 않는 사실'로 멈춰요).")
    for group, title in GROUPS.items():
        found = [u for u in uses if u.group == group]
        if found:
            lines.append(f"{title} ({len(found)}):")
            lines += [f"  {u.place}  {u.what}" for u in found]
    return "\n".join(lines)


def overview(guide: Guide, uses: dict[str, list[Use]]) -> str:
    """Every fact with the pages and data entries that use it, one fact a line."""
    lines = [f"사실 {len(uses)}개가 쓰이는 곳 (자세히: make where FACT=키):"]
    for key in sorted(uses):
        entries = list(dict.fromkeys(u.entry if u.group != "page" else u.place for u in uses[key]))
        lines.append(f"  {key}: {', '.join(entries) if entries else '(쓰는 곳 없음)'}")
    return "\n".join(lines)


# ── Helpers ─────────────────────────────────────────────────────────────────────────────────────


def _page_tokens(guide: Guide, markdown: str, where: str) -> Iterator[tuple[Token, list[str]]]:
    """Each marker of a page with the facts it shows: a fact reference its own key, a block every fact the
    block draws (drawn with the build's blocks, on a context of its own)."""
    found: list[tuple[Token, list[str]]] = []

    def record(token: Token) -> str:
        if token.fact:
            found.append((token, [token.fact]))
        elif token.block in BLOCKS:
            ctx = RenderContext(guide=guide, where=where, url_for=lambda link, origin: link)
            BLOCKS[token.block](ctx, token.arg)
            found.append((token, list(ctx.used)))
        return ""

    expand_markers(markdown, where, record)
    return iter(found)


def _marker(token: Token) -> str:
    return fact_marker(token.fact) if token.fact else f"guide:{token.block}{' ' + token.arg if token.arg else ''}"


def _template_of(src_uri: str) -> Path:
    """The page template a generated page is made from (templates/pages/), by the names pages.py gives."""
    if src_uri == CHECKLIST_INDEX_PAGE:
        name = "checklist_index.md"
    elif src_uri == PRINT_ALL_PAGE:
        name = "print_all.md"
    elif src_uri.startswith(f"{CHECKLISTS_FOLDER}/"):
        name = "checklist.md"
    else:
        name = src_uri.replace("-", "_")
    return TEMPLATES / "pages" / name


def _template_line(template: Path, marker: str | None) -> int | None:
    """The line of the template where the marker is written, when it is written there as it is."""
    if marker is None or not template.is_file():
        return None
    for n, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
        if marker in line:
            return n
    return None


def _data_texts(guide: Guide) -> Iterator[tuple[tuple, str]]:
    """(key path, text) of every string in the data file's lists."""
    for name in LISTS:
        for entry in guide.entries(name):
            yield from _walk((name, entry.pos), entry)


def _walk(path: tuple, value: Any) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name != "pos":
                yield from _walk((*path, data_key(f.name)), getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _walk((*path, i), item)


def _named_path(guide: Guide, path: tuple) -> str:
    """('scenarios', 3, 'steps', 2) -> 'scenarios[id=paid_no_order].steps[2]': entries by id, as editors
    and tests/guidedev/edits.py name them."""
    out = path[0]
    entry = guide.entries(path[0])[path[1]]
    out += f"[id={entry.id}]" if getattr(entry, "id", None) else f"[{path[1]}]"
    for part in path[2:]:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
