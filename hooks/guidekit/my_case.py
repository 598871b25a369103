"""내 사건 (the page is templates/pages/my_case.md): the shopper's own order details and dates, every
deadline they start, the next thing to do with its message, a log of what was sent, and the evidence
ticked on the checklists — one printed sheet for 1372. The build writes the periods (from the facts), the
public holidays and all the words; docs/javascripts/my-case.js and the modules it fetches count and show."""

from __future__ import annotations

import re

from markupsafe import Markup

from .context import RenderContext
from .errors import GuideDataError
from .message_templates import message_template_block
from .public_holidays import for_guide
from .render import render
from .shared_constants import DATE_ROLES, DEADLINES
from .syntax import fact_keys
from .urls import message_anchor

ARTICLE = re.compile(r"제\d+조")

# Each deadline kind (fact, unit, detail it runs from) and the roles of those dates: shared_constants.py,
# which the pages' scripts read too (docs/javascripts/case-file.js counts by them).
# The details asked for on the page, in the order a 1372 form asks for them.
CASE_DETAILS = (
    "order_number",
    "product_name",
    "amount",
    "seller_name",
    "seller_contact",
    "paid_date",
    "received_date",
    "known_date",
    "notice_sent_date",
    "return_arrived_date",
    "mediation_received_date",
    "case_number_1372",
)

# The notices and requests a case can need, the right-exercising notice first; each can be logged as sent.
CASE_MESSAGES = (
    "withdrawal_notice",
    "instalment_defense",
    "ask_ship_date",
    "seller_silence_reminder",
    "kakao_mediation",
)


def _detail(ctx: RenderContext, detail_id: str):
    found = ctx.guide.find("details", detail_id)
    if found is None:
        raise GuideDataError(
            ctx.guide.file,
            f"내 사건 페이지가 쓰는 내 정보 '{detail_id}'가 details에 없어요.",
            key_path="details[].id",
            expected=f"id: {detail_id} 인 항목",
        )
    if detail_id in DATE_ROLES and found.kind != "date":
        raise GuideDataError(
            ctx.guide.file,
            f"내 사건은 '{found.label}'부터 기한을 세요. 이 정보는 날짜여야 해요.",
            line=ctx.guide.line_of("details", found.pos),
            key_path=f"details[{found.pos}].kind",
            found=found.kind,
            expected="kind: date",
        )
    return found


def _article(ctx: RenderContext, key: str) -> str:
    """The article a deadline comes from, as the fact's source names it ("전자상거래법 제17조 제1항")."""
    fact = ctx.fact(key)
    title = (fact.source_title or "").split(",")[0].strip()
    if not ARTICLE.search(title):
        raise GuideDataError(
            ctx.guide.file,
            f"내 사건의 기한마다 조문을 붙여요. 사실 '{key}'의 source_title에 조문이 없어요.",
            line=ctx.guide.line_of("facts", key),
            key_path=f"facts.{key}.source_title",
            found=fact.source_title or "(없음)",
            expected="법 이름과 조문으로 시작하는 제목(예: 전자상거래법 제17조 제1항)",
        )
    return title


def _context(ctx: RenderContext) -> dict:
    details = {d: _detail(ctx, d) for d in CASE_DETAILS}
    deadlines = {}
    for kind, (key, unit, from_detail) in DEADLINES.items():
        fact = ctx.number_fact(key, "my-case", unit)
        deadlines[kind] = {
            "period": fact.value,
            "shown": ctx.render_fact(fact),
            "article": _article(ctx, key),
            "from": _detail(ctx, from_detail).label,
        }
    return {
        "fields": [
            {
                "id": d.id,
                "label": d.label,
                "hint": d.hint,
                "date": d.kind == "date",
                "role": DATE_ROLES.get(d.id),
            }
            for d in details.values()
        ],
        "deadlines": deadlines,
        "labels": {d.id: d.label for d in details.values()},
    }


def case_details_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-details -->`: one field per detail; they are the shared details of every page."""
    return render("my_case_details.html", case=_context(ctx))


def case_deadlines_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-deadlines -->`: every deadline, each with its period and article; the script dates
    them and puts them in time order with today among them."""
    holidays = for_guide(ctx.guide.extra_holidays, ctx.today)
    return render("my_case_deadlines.html", case=_context(ctx), holidays=holidays)


def case_next_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-next -->`: what to do next, one paragraph per situation (the script shows one)."""
    keys = ("supply_business_days", "refund_business_days", "late_refund_rate", "dispute_standard", "phone_1372")
    facts = {key: ctx.render_fact(ctx.fact(key)) for key in keys}
    anchors = {m: message_anchor(m) for m in CASE_MESSAGES}
    return render("my_case_next.html", case=_context(ctx), facts=facts, anchors=anchors)


def case_sent_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-sent -->`: the notices and requests, each to mark as sent with its date."""
    messages = [ctx.entry("message_templates", m) for m in CASE_MESSAGES]
    rows = [
        {"id": t.id, "title": t.title, "anchor": message_anchor(t.id), "right": bool(t.exercises)} for t in messages
    ]
    notice = _detail(ctx, "notice_sent_date").label
    return render("my_case_sent.html", rows=rows, notice_label=notice)


def _states_only_official(ctx: RenderContext, text: str, where: str) -> bool:
    return not any(ctx.fact(key, where=where).unofficial for key in fact_keys(text, where))


def case_message_block(ctx: RenderContext, template_id: str | None) -> Markup:
    """`<!-- guide:case-message ID -->`: a message as on the messages page, without fields for the details
    this page asks for at its top (one field per detail on a screen)."""
    return message_template_block(ctx, template_id, asked=CASE_DETAILS)


def case_evidence_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-evidence -->`: the checklist items, each shown only once ticked on this device.
    The sheet goes to 1372 as the shopper's own record, so it leaves out the items that carry one of the
    guide's unofficial figures (an agent's hours, a wait of a few days): those are advice on what to do,
    not evidence, and a note naming figures the sheet may not show would be wrong on the paper."""
    groups = []
    for cl in ctx.guide.checklists:
        where = ctx.guide.where("checklists", cl.pos)
        items = [
            {"id": i.id, "text": ctx.inline(i.text, where)}
            for i in cl.items
            if _states_only_official(ctx, i.text, where)
        ]
        if items:
            groups.append({"id": cl.id, "title": cl.title, "items": items})
    return render("my_case_evidence.html", groups=groups)


def case_tools_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-tools -->`: print, copy the case as text, and clear it (after naming what)."""
    return render("my_case_tools.html", site_title=ctx.guide.meta.site_title)


def case_clear_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:case-clear -->`: clear the case; the confirmation names each detail it clears."""
    return render("my_case_clear.html")
