"""Checklists from `checklists` in the data: one page per checklist, an index page and a print-all page
(every checklist on its own A4 sheet), plus the blocks those pages use — the tickable list with its
fill-in blanks and the return-deadline helper whose numbers come from the facts."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

from .data import Guide
from .errors import GuideDataError
from .links import relative_url
from .refs import REF, RenderContext
from .render import render

FOLDER = "checklists"
INDEX_PAGE = f"{FOLDER}/index.md"
PRINT_ALL_PAGE = f"{FOLDER}/print-all.md"
STORAGE_PREFIX = "kshop-help/checklist/"

# The helper's arithmetic in JS assumes these units; a fact that changes unit must change the JS too.
DEADLINE_FACT_UNITS = {"withdrawal_days": "일", "mismatch_months": "개월", "mismatch_known_days": "일"}


# ── Pages ───────────────────────────────────────────────────────────────────────────────────────


def page_of(checklist_id: str) -> str:
    """'before_return' -> 'checklists/before-return.md' (dashes read better in an address)."""
    return f"{FOLDER}/{checklist_id.replace('_', '-')}.md"


def md_text(text: str) -> str:
    """A data value placed in Markdown as plain text: HTML escaped, Markdown syntax made literal."""
    return re.sub(r"([\\`*_\[\]#!|{}])", r"\\\1", html.escape(text, quote=False))


def _front_matter(title: str | None, description: str) -> str:
    """Front matter for a generated page. Theme templates print these values unescaped, so they are
    escaped here; JSON strings are valid YAML scalars, so any text survives."""
    lines = [f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"] if title else []
    lines.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _url_of(src_uri: str) -> str:
    """'checklists/prepare.md' -> 'checklists/prepare/' (the site uses directory URLs)."""
    if src_uri.endswith("index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"


def _address_line(site_url: str, src_uri: str, on_page: str) -> str:
    """The checklist's address for the printed sheet. Without `site_url` the path is shown and the
    script turns it into the full address the reader's browser used."""
    url = _url_of(src_uri)
    shown = (site_url.rstrip("/") + "/" + url) if site_url else url
    href = relative_url(url, _url_of(on_page))
    return (
        f'<p class="checklist-address print-only">이 체크리스트 주소: '
        f'<a href="{html.escape(href)}" data-page-address>{html.escape(shown)}</a></p>\n'
    )


def checklist_page_markdown(guide: Guide, checklist: dict, site_url: str = "") -> str:
    src = page_of(checklist["id"])
    # No front-matter title: the nav (or the escaped h1) names the page.
    return (
        _front_matter(None, f"인쇄하거나 휴대폰에서 체크하는 체크리스트: {checklist['title']}")
        + f"# {md_text(checklist['title'])}\n\n"
        + f"<!-- guide:checklist {checklist['id']} -->\n\n"
        + _address_line(site_url, src, src)
    )


def index_page_markdown(guide: Guide) -> str:
    return (
        _front_matter("체크리스트", "상황별 체크리스트 모음이에요. 휴대폰에서 체크하거나 A4 한 장으로 인쇄해요.")
        + "# 체크리스트\n\n"
        + "상황에 맞는 체크리스트를 골라요. 휴대폰에서 항목을 누르면 체크 표시가 이 브라우저에만 저장되고, "
        "어디로도 보내지지 않아요. 인쇄하면 체크리스트 하나가 A4 한 장에 들어가요.\n\n"
        + "<!-- guide:checklist-index -->\n"
    )


def print_all_markdown(guide: Guide, site_url: str = "") -> str:
    parts = [
        _front_matter(
            "체크리스트 모두 인쇄", "모든 체크리스트를 한 번에 인쇄해요. 체크리스트마다 새 종이에서 시작해요."
        ),
        "# 체크리스트 모두 인쇄 {: .screen-only }\n\n",
        '<p class="screen-only">인쇄하면 체크리스트마다 새 A4 종이에서 시작해요. '
        "화면에서 체크한 항목은 인쇄에도 그대로 나와요.</p>\n\n",
        '<p class="screen-only"><button type="button" class="md-button md-button--primary checklist-print" hidden>'
        "모두 인쇄하기</button></p>\n\n",
    ]
    for cl in guide.data.get("checklists") or []:
        parts.append(f"<!-- guide:checklist-sheet {cl['id']} -->\n\n")
        parts.append(_address_line(site_url, page_of(cl["id"]), PRINT_ALL_PAGE) + "\n")
    return "".join(parts)


def generated_pages(guide: Guide, site_url: str = "") -> dict[str, str]:
    """src_uri -> Markdown for every checklist page; empty when the data has no checklists."""
    checklists = guide.data.get("checklists") or []
    if not checklists:
        return {}
    pages = {INDEX_PAGE: index_page_markdown(guide), PRINT_ALL_PAGE: print_all_markdown(guide, site_url)}
    for cl in checklists:
        pages[page_of(cl["id"])] = checklist_page_markdown(guide, cl, site_url)
    return pages


# ── Blocks ──────────────────────────────────────────────────────────────────────────────────────


def find_checklist(ctx: RenderContext, checklist_id: str | None) -> tuple[int, dict]:
    return ctx.entry("checklists", checklist_id, "체크리스트")


def _facts_checked(ctx: RenderContext, texts: list[str]) -> str:
    """The check dates of the facts these texts use, so each printed sheet carries its own."""
    dates = sorted(
        {
            ctx.fact(m.group("body").removeprefix("fact.").strip()).checked
            for t in texts
            for m in REF.finditer(t)
            if m.group("body").startswith("fact.")
        }
    )
    if not dates:
        return f"{ctx.guide.oldest_check} ~ {ctx.guide.latest_check}"
    return dates[0] if len(dates) == 1 else f"{dates[0]} ~ {dates[-1]}"


def _checklist_context(ctx: RenderContext, checklist_id: str | None) -> dict:
    i, cl = find_checklist(ctx, checklist_id)
    base = ("checklists", i)
    items = []
    for j, item in enumerate(cl["items"]):
        items.append(
            {
                "id": item["id"],
                "text": ctx.inline(item["text"], ctx.guide.where(*base, "items", j, "text")),
                "href": ctx.url_for(item["link"], ctx.guide.where(*base, "items", j, "link")),
            }
        )
    blanks = [{"n": n, "label": label} for n, label in enumerate(cl["blanks"], 1)]
    helper = deadline_helper_block(ctx, cl["id"]) if cl.get("deadline_helper") else None
    texts = [cl["intro"]] + [item["text"] for item in cl["items"]]
    return {
        "id": cl["id"],
        "dom_id": cl["id"].replace("_", "-"),
        "title": cl["title"],
        "intro": ctx.inline(cl["intro"], ctx.guide.where(*base, "intro")),
        "blanks": blanks,
        "items": items,
        "helper": helper,
        "checked": _facts_checked(ctx, texts),
        "storage_key": STORAGE_PREFIX + cl["id"],
        "site_title": ctx.guide["meta"]["site_title"],
    }


def checklist_block(ctx: RenderContext, checklist_id: str | None) -> Markup:
    """`<!-- guide:checklist ID -->`: the checklist on its own page (the page's h1 is its title)."""
    return render("checklist.html", cl=_checklist_context(ctx, checklist_id), sheet=False)


def checklist_sheet_block(ctx: RenderContext, checklist_id: str | None) -> Markup:
    """`<!-- guide:checklist-sheet ID -->`: the same list with its own title, starting a new printed sheet."""
    return render("checklist.html", cl=_checklist_context(ctx, checklist_id), sheet=True)


def checklist_index_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:checklist-index -->`: one card per checklist, and the print-all link."""
    cards = []
    for i, cl in enumerate(ctx.guide.data.get("checklists") or []):
        where = ctx.guide.where("checklists", i)
        cards.append(
            {
                "title": cl["title"],
                "intro": ctx.inline(cl["intro"], where),
                "count": len(cl["items"]),
                "href": ctx.url_for(page_of(cl["id"]), where),
            }
        )
    return render(
        "checklist_index.html", cards=cards, print_all_href=ctx.url_for(PRINT_ALL_PAGE, ctx.where) if cards else None
    )


def checklist_list_block(ctx: RenderContext, checklist_id: str | None) -> Markup:
    """`<!-- guide:checklist-list ID -->`: the items as a plain linked list (for the summary page)."""
    cl = _checklist_context(ctx, checklist_id)
    return render("checklist_list.html", cl=cl, href=ctx.url_for(page_of(cl["id"]), ctx.where))


def deadline_helper_block(ctx: RenderContext, arg: str | None = None) -> Markup:
    """`<!-- guide:deadline-helper -->`: enter the arrival date, see the return deadlines. The numbers
    reach the script as data attributes taken from the facts, never typed into the script."""
    facts = {}
    for key, unit in DEADLINE_FACT_UNITS.items():
        fact = ctx.fact(key)
        if fact.kind != "number" or fact.unit != unit:
            raise GuideDataError(
                ctx.guide.file,
                f"기한 계산기는 사실 '{key}'를 '{unit}' 단위의 숫자로 읽어요.",
                line=ctx.guide.line_of("facts", key),
                key_path=f"facts.{key}",
                found=f"kind: {fact.kind}, unit: {fact.unit}",
                expected=f"kind: number, unit: {unit}",
            )
        facts[key] = {"value": fact.value, "shown": ctx.render_fact(fact)}
    return render("deadline_helper.html", prefix="dl-" + (arg or "page").replace("_", "-"), facts=facts)
