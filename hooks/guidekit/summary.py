"""The generated page `summary.md` (핵심 요약): the fastest route to an agent, the hours, what to
prepare, every deadline and the escalation ladder, all drawn from the same facts and lists as the topic
pages so the summary cannot disagree with them."""

from __future__ import annotations

from markupsafe import Markup

from .data import Guide
from .errors import GuideDataError
from .refs import RenderContext
from .render import render

SUMMARY_PAGE = "summary.md"
PREPARE_CHECKLIST = "prepare"

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
HOURS_FACTS = (
    ("챗봇", "chatbot_hours", None),
    ("상담원(상담톡)", "agent_hours", "agent_closed"),
    ("1372 소비자상담센터", "hours_1372", None),
)


def summary_page_markdown(guide: Guide) -> str:
    has_prepare = any(c["id"] == PREPARE_CHECKLIST for c in guide.data.get("checklists") or [])
    prepare = (
        f"<!-- guide:checklist-list {PREPARE_CHECKLIST} -->\n"
        if has_prepare
        else "- 주문 번호, 송장 번호, 결제 수단과 시각, 사진을 모아 둬요. "
        "자세한 건 [상담 전 준비](prepare.md)에 있어요.\n"
    )
    return f"""---
title: "핵심 요약"
description: "상담원에게 가는 가장 빠른 길, 준비물, 기한, 상담 시간, 분쟁 단계를 한 페이지에 모았어요."
---

# 핵심 요약

급할 때 이 페이지 하나만 보면 돼요. 모든 값은 다른 페이지와 같은 데이터에서 가져와요.

## 상담원에게 가장 빨리 {{#fastest-route}}

{{{{ fact.route_fastest }}}}

챗봇 창에 {{{{ fact.agent_keywords }}}} 중 하나를 입력하면 상담원으로 넘어가요.
[상담원 연결 방법 자세히 보기](chat.md#agent)

## 상담 시간 {{#hours}}

<!-- guide:summary-hours -->

## 연락하기 전에 챙길 것 {{#prepare}}

{prepare}
## 꼭 기억할 기한 {{#deadlines}}

<!-- guide:deadline-table -->

반품 마감일은 [반품 신청 전](checklists/before-return.md) 체크리스트에서 받은 날을 넣어 계산할 수 있어요.

## 주문 상태별로 할 수 있는 일 {{#order-status}}

<!-- guide:status-table -->

## 풀리지 않으면 이 순서로 {{#escalation}}

<!-- guide:escalation -->

보낼 문구는 [상담톡 문구](messages.md)에, 단계별 체크리스트는 [체크리스트](checklists/index.md)에 있어요.
"""


def deadline_table_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:deadline-table -->`: each deadline fact with its label, linked to its source row."""
    rows = []
    for key in DEADLINE_FACTS:
        fact = ctx.fact(key)
        if fact.kind != "number":
            raise GuideDataError(
                ctx.guide.file,
                f"기한 표의 사실 '{key}'는 숫자여야 해요.",
                line=ctx.guide.line_of("facts", key),
                key_path=f"facts.{key}",
                found=f"kind: {fact.kind}",
                expected="kind: number",
            )
        rows.append({"label": fact.label, "value": ctx.render_fact(fact), "key": key})
    return render("deadline_table.html", rows=rows)


def summary_hours_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:summary-hours -->`"""
    rows = [
        {
            "who": who,
            "hours": ctx.render_fact(ctx.fact(key)),
            "closed": ctx.render_fact(ctx.fact(closed)) if closed else None,
        }
        for who, key, closed in HOURS_FACTS
    ]
    return render("summary_hours.html", rows=rows, phone=ctx.render_fact(ctx.fact("phone_1372")))
