"""The order-status table and the escalation ladder, drawn in HTML and CSS from the data."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .render import render


def status_table_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:status-table -->`"""
    rows = []
    for row in ctx.guide.order_statuses:
        where = ctx.guide.where("order_statuses", row.pos)
        rows.append(
            {
                "id": row.id,
                "status": row.status,
                "cancel": ctx.inline(row.cancel, where),
                "return": ctx.inline(row.return_, where),
            }
        )
    return render("status_table.html", rows=rows)


def escalation_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:escalation -->`"""
    steps = []
    for step in ctx.guide.escalation:
        steps.append(
            {
                "id": step.id,
                "title": step.title,
                "text": ctx.inline(step.text, ctx.guide.where("escalation", step.pos)),
                "href": ctx.url_for(step.link, ctx.guide.where("escalation", step.pos, "link")),
            }
        )
    return render("escalation.html", steps=steps)
