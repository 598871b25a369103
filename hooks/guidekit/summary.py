"""The summary page's deadline table (the page itself is templates/pages/summary.md): every deadline and
waiting time from the same facts the topic pages use, so the summary cannot disagree with them."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .errors import GuideDataError
from .render import render

# Which facts each table shows, in the order a reader meets them: the law's deadlines, Kakao's help pages,
# and the source guide's suggested waits, kept apart so a guess never reads like a right.
DEADLINE_FACTS: dict[str, tuple[str, ...]] = {
    "law": (
        "withdrawal_days",
        "mismatch_months",
        "mismatch_known_days",
        "refund_business_days",
        "supply_business_days",
        "supply_refund_business_days",
    ),
    "kakao": ("return_pickup_business_days",),
    "wait": ("points_wait_minutes", "preparing_stuck_days", "tracking_stuck_days"),
}


def deadline_table_block(ctx: RenderContext, group: str | None = None) -> Markup:
    """`<!-- guide:deadline-table law|kakao|wait -->`: each fact of the group with its label."""
    if group not in DEADLINE_FACTS:
        raise GuideDataError(
            ctx.where,
            f"'guide:deadline-table' 블록의 '{group}'는 모르는 묶음이에요.",
            expected="다음 중 하나: " + ", ".join(DEADLINE_FACTS),
        )
    rows = []
    for key in DEADLINE_FACTS[group]:
        fact = ctx.number_fact(key, "deadline-table")
        rows.append({"label": fact.label, "value": ctx.render_fact(fact), "key": key})
    return render("deadline_table.html", rows=rows, group=group)
