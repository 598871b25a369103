"""The summary page's deadline table (the page itself is templates/pages/summary.md): every deadline and
waiting time from the same facts the topic pages use, so the summary cannot disagree with them."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .render import render

# Which facts count as deadlines or waiting times, in the order a reader meets them.
DEADLINE_FACTS = (
    "points_wait_minutes",
    "preparing_stuck_days",
    "tracking_stuck_days",
    "withdrawal_days",
    "mismatch_months",
    "mismatch_known_days",
    "return_pickup_business_days",
    "refund_business_days",
    "supply_days",
)


def deadline_table_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:deadline-table -->`: each deadline fact with its label."""
    rows = []
    for key in DEADLINE_FACTS:
        fact = ctx.number_fact(key, "deadline-table")
        rows.append({"label": fact.label, "value": ctx.render_fact(fact), "key": key})
    return render("deadline_table.html", rows=rows)
