"""A scenario as a reader meets it on a topic page (the shape of ../shared/content.md): the one-line
answer, what to have at hand, the steps, how long and until when (the law's deadlines apart from advice),
and what to do if it fails, with the message to send and the checklist to print linked right there. Also
the home page's problem cards, one per topic."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .model import TIMING_KINDS, Scenario
from .render import render
from .urls import MESSAGES_PAGE, checklist_page, message_anchor


def scenario_block(ctx: RenderContext, scenario_id: str | None) -> Markup:
    """`<!-- guide:scenario double_charge -->` -> the whole journey of one scenario."""
    s: Scenario = ctx.entry("scenarios", scenario_id)
    ctx.scenarios_shown.add(s.id)
    base = ("scenarios", s.pos)

    links = {see.text: ctx.url_for(see.link, ctx.guide.where(*base, "see", i)) for i, see in enumerate(s.see)}

    def texts(field: str, values) -> list[Markup]:
        return [
            _linked(ctx.inline(text, ctx.guide.where(*base, *field.split("."), i)), links)
            for i, text in enumerate(values)
        ]

    fails = s.if_fails
    return render(
        "scenario.html",
        s=s,
        answer=ctx.inline(s.answer, ctx.guide.where(*base, "answer")),
        prepare=texts("prepare", s.prepare),
        steps=texts("steps", s.steps),
        notice=_notice(ctx, s, base),
        kinds=[
            {"kind": kind, "lines": texts(f"timing.{kind}", getattr(s.timing, kind))}
            for kind in TIMING_KINDS
            if getattr(s.timing, kind)
        ],
        tools=_tools(ctx, s.message, s.checklist, base),
        fails_text=ctx.inline(fails.text, ctx.guide.where(*base, "if_fails", "text")),
        next_href=ctx.url_for(fails.link, ctx.guide.where(*base, "if_fails", "link")),
        next_label=fails.label,
        next_tools=_tools(ctx, fails.message, fails.checklist, (*base, "if_fails")),
    )


def _linked(html: Markup, links: dict[str, str]) -> Markup:
    """Each 'quoted' place the scenario's `see` names becomes a link to it, so the reader who is told to
    look there gets there in one tap. The quote marks stay as the editor wrote them."""
    for text, href in links.items():
        quoted = Markup("&#39;{}&#39;").format(text)
        if quoted in html:
            link = Markup('&#39;<a href="{}">{}</a>&#39;').format(href, text)
            html = Markup(html.replace(quoted, link, 1))
    return html


def _notice(ctx: RenderContext, s: Scenario, base: tuple) -> dict | None:
    """The step that exercises the shopper's right in writing, the same sentence in every journey where a
    right is at stake, linked to the notice to send. It goes where the scenario says, before any wait for
    the seller, Kakao or 1372 (guidekit/right_checks.py sees to that)."""
    if not s.notice:
        return None
    t = ctx.guide.find("message_templates", s.notice)
    where = ctx.guide.where("message_templates", t.pos, "step")
    href = ctx.url_for(f"{MESSAGES_PAGE}#{message_anchor(t.id)}", ctx.guide.where(*base, "notice"))
    return {"at": s.notice_at - 1, "text": ctx.inline(t.step or "", where), "title": t.title, "href": href}


def _tools(ctx: RenderContext, message: str | None, checklist: str | None, base: tuple) -> list[dict]:
    """The links to the message to send and the checklist to print, for one rung."""
    tools = []
    if message:
        t = ctx.guide.find("message_templates", message)
        href = ctx.url_for(f"{MESSAGES_PAGE}#{message_anchor(t.id)}", ctx.guide.where(*base, "message"))
        tools.append({"kind": "message", "title": t.title, "href": href})
    if checklist:
        cl = ctx.guide.find("checklists", checklist)
        href = ctx.url_for(checklist_page(cl.id), ctx.guide.where(*base, "checklist"))
        tools.append({"kind": "checklist", "title": cl.title, "href": href})
    return tools


def unshown_scenario_messages(guide, shown: set[str]) -> list[str]:
    """One line per scenario no page shows: its card on the home page would lead nowhere."""
    return [
        f"{guide.where('scenarios', s.pos, 'id')}: 시나리오 '{s.id}'를 어느 페이지에서도 보여 주지 않아요. "
        f"{s.link.split('#')[0]}의 제목 아래에 <!-- guide:scenario {s.id} --> 를 넣어 주세요."
        for s in guide.scenarios
        if s.id not in shown
    ]


def cards_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:problem-cards -->` -> one card per topic listing its scenarios."""
    topics = []
    for topic in ctx.guide.topics:
        scenarios = [
            {"title": s.title, "href": ctx.url_for(s.link, ctx.guide.where("scenarios", s.pos, "link"))}
            for s in ctx.guide.scenarios
            if s.topic == topic.id
        ] + [
            {"title": a.title, "href": ctx.url_for(a.link, ctx.guide.where("topics", topic.pos, "also", i, "link"))}
            for i, a in enumerate(topic.also)
        ]
        topics.append(
            {
                "id": topic.id,
                "title": topic.title,
                "blurb": ctx.inline(topic.blurb, ctx.guide.where("topics", topic.pos)),
                "href": ctx.url_for(topic.link, ctx.guide.where("topics", topic.pos, "link")),
                "scenarios": scenarios,
            }
        )
    return render("problem_cards.html", topics=topics)


def seller_claims_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:seller-claims -->` -> 판매자가 이렇게 말하면: each excuse with the law's answer."""
    claims = [
        {
            "id": c.id,
            "claim": ctx.inline(c.claim, ctx.guide.where("seller_claims", c.pos, "claim")),
            "answer": ctx.inline(c.answer, ctx.guide.where("seller_claims", c.pos, "answer")),
            "article": c.article,
            "href": ctx.url_for(c.link, ctx.guide.where("seller_claims", c.pos, "link")) if c.link else None,
        }
        for c in ctx.guide.seller_claims
    ]
    return render("seller_claims.html", claims=claims)
