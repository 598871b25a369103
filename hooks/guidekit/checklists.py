"""The checklist blocks (the pages are templates/pages/checklist*.md and print_all.md): the tickable list
with its fill-in blanks, the index cards, the plain list for the summary page, and the return-deadline
helper whose numbers come from the facts."""

from __future__ import annotations

from markupsafe import Markup

from .blank_checks import deadline_helper_details
from .context import RenderContext
from .model import Checklist
from .public_holidays import for_guide
from .render import render
from .shared_constants import DEADLINES, HELPER_DEADLINES, STORAGE_SITE
from .syntax import fact_keys
from .urls import PRINT_ALL_PAGE, checklist_page, slug

# The browser keeps each checklist's ticks under "checklist/ID" and what the shopper typed (details, by
# label) under "details", both scoped to the site's folder: docs/javascripts/device-store.js.


def storage_key(name: str, root: str = "/") -> str:
    """The localStorage key of `name` ("details", "checklist/ID", "case") for a site served at `root`."""
    return f"{STORAGE_SITE}:{root}:{name}"


# The helper's facts and their units: the script counts each kind by the unit shared_constants.py gives it.
DEADLINE_FACT_UNITS = {DEADLINES[kind][0]: DEADLINES[kind][1] for kind in HELPER_DEADLINES}


def _facts_dates(ctx: RenderContext, checklist: Checklist) -> Markup:
    """The dates of the facts the checklist uses, so each printed sheet carries its own."""
    where = ctx.guide.where("checklists", checklist.pos)
    texts = [checklist.intro] + [item.text for item in checklist.items]
    keys = {key for text in texts for key in fact_keys(text, where)}
    return render("dates_line.html", dates=ctx.guide.dates(ctx.fact(key, where=where) for key in keys))


def _blank(ctx: RenderContext, n: int, label: str) -> dict:
    """A checklist blank: its detail (the load checks made sure there is one) says its hint and kind."""
    detail = next((d for d in ctx.guide.details if d.label == label), None)
    if detail is None:
        return {"n": n, "label": label, "hint": None, "kind": "text"}
    return {"n": n, "label": label, "hint": detail.hint, "kind": detail.kind}


def _checklist_context(ctx: RenderContext, checklist_id: str | None) -> dict:
    cl: Checklist = ctx.entry("checklists", checklist_id)
    base = ("checklists", cl.pos)
    items = [
        {
            "id": item.id,
            "text": ctx.inline(item.text, ctx.guide.where(*base, "items", item.pos, "text")),
            "href": ctx.url_for(item.link, ctx.guide.where(*base, "items", item.pos, "link")),
        }
        for item in cl.items
    ]
    helper = deadline_helper_block(ctx, cl.id) if cl.deadline_helper else None
    return {
        "id": cl.id,
        "dom_id": slug(cl.id),
        "title": cl.title,
        "intro": ctx.inline(cl.intro, ctx.guide.where(*base, "intro")),
        "blanks": [_blank(ctx, n, label) for n, label in enumerate(cl.blanks, 1)],
        "items": items,
        "helper": helper,
        "dates": _facts_dates(ctx, cl),
        "site_title": ctx.guide.meta.site_title,
    }


def checklist_block(ctx: RenderContext, checklist_id: str | None) -> Markup:
    """`<!-- guide:checklist ID -->`: the checklist on its own page (the page's h1 is its title)."""
    return render("checklist.html", cl=_checklist_context(ctx, checklist_id), sheet=False)


def checklist_sheet_block(ctx: RenderContext, checklist_id: str | None) -> Markup:
    """`<!-- guide:checklist-sheet ID -->`: the same list with its own title, starting a new printed sheet.
    Each sheet ends with its own honesty note naming only its own unofficial items: one combined note at
    the end of the print-all page named items of sheets the reader may not have printed."""
    sheet = render("checklist.html", cl=_checklist_context(ctx, checklist_id), sheet=True)
    note = ctx.end_section(ctx.where)
    if not note:
        return sheet
    # Inside the sheet's own closing tag, so the note prints on the same paper as its items.
    body, _, end = sheet.rpartition("</div>")
    return Markup(body) + Markup(note) + Markup("\n</div>") + Markup(end)


def checklist_index_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:checklist-index -->`: one card per checklist, and the print-all link."""
    cards = []
    for cl in ctx.guide.checklists:
        where = ctx.guide.where("checklists", cl.pos)
        cards.append(
            {
                "title": cl.title,
                "intro": ctx.inline(cl.intro, where),
                "count": len(cl.items),
                "href": ctx.url_for(checklist_page(cl.id), where),
            }
        )
    return render(
        "checklist_index.html", cards=cards, print_all_href=ctx.url_for(PRINT_ALL_PAGE, ctx.where) if cards else None
    )


def checklist_list_block(ctx: RenderContext, checklist_id: str | None) -> Markup:
    """`<!-- guide:checklist-list ID -->`: the items as a plain linked list (for the summary page)."""
    cl = _checklist_context(ctx, checklist_id)
    return render("checklist_list.html", cl=cl, href=ctx.url_for(checklist_page(cl["id"]), ctx.where))


def deadline_helper_block(ctx: RenderContext, arg: str | None = None) -> Markup:
    """`<!-- guide:deadline-helper -->`: enter the arrival date, see the return deadlines. The numbers
    reach the script (docs/javascripts/deadline-helper.js) as data attributes taken from the facts, never
    typed into the script, and so do the public holidays with the years they cover (민법 제161조). Its two
    date fields are the details received_date and known_date, so a date typed there fills the blanks of
    those names in every checklist and message."""
    facts = {}
    for key, unit in DEADLINE_FACT_UNITS.items():
        fact = ctx.number_fact(key, "deadline-helper", unit)
        facts[key] = {"value": fact.value, "shown": ctx.render_fact(fact)}
    received, known = deadline_helper_details(ctx.guide, ctx.where, "<!-- guide:deadline-helper -->")
    holidays = for_guide(ctx.guide.extra_holidays, ctx.today)
    return render(
        "deadline_helper.html",
        prefix="dl-" + slug(arg or "page"),
        facts=facts,
        holidays=holidays,
        arrival_blank=received.label,
        known_blank=known.label,
    )
