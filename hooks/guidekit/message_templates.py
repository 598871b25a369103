"""Ready-made messages for 상담톡 and seller inquiries (the page is templates/pages/messages.md): each
block shows the template's scenario, the text with its [blanks] marked, fields for the blanks that are the
shopper's details, and a copy button. A blank named like a detail (guide.yml `details`) is filled on the
device with what the shopper typed into any checklist or message; the others are the template's
`free_text`, and stay visible to replace by hand (guidekit/blank_checks.py keeps every blank one or the
other). Fact references in a message become plain text, because the message is pasted as text."""

from __future__ import annotations

from collections.abc import Collection

from markupsafe import Markup, escape

from .blank_checks import template_blanks
from .context import RenderContext
from .model import Fact, Guide
from .particles import PARTICLE, both
from .render import render
from .syntax import PLACEHOLDER, text_parts
from .urls import message_anchor


def mark_blanks(text: str, details: Collection[str] = (), dates: Collection[str] = ()) -> Markup:
    """Escape the message, then highlight each [blank] so it is easy to spot before sending; a blank that
    is one of `details` says which, for the page script to fill in, and one of `dates` says it holds a
    date, which the script writes out in words ("2026년 12월 18일 (금)") instead of as typed. A particle
    right after such a blank ([상품 이름]을) shows both forms (을(를)) until the script fills the blank and
    picks the form that fits the value (docs/javascripts/message-fill.js, the rules of particles.py)."""
    out, pos = [], 0
    for m in PLACEHOLDER.finditer(text):
        out.append(escape(text[pos : m.start()]))
        name = m.group(1)
        pos = m.end()
        if name in dates:
            out.append(
                Markup('<mark class="msg-blank" data-detail="{}" data-kind="date">{}</mark>').format(name, m.group(0))
            )
        elif name in details:
            out.append(Markup('<mark class="msg-blank" data-detail="{}">{}</mark>').format(name, m.group(0)))
        else:
            out.append(Markup('<mark class="msg-blank">{}</mark>').format(m.group(0)))
            continue
        particle = PARTICLE.match(text, pos)
        if particle:
            form = particle.group("particle")
            out.append(Markup('<span class="msg-josa" data-particle="{}">{}</span>').format(form, both(form)))
            pos = particle.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def body_markup(ctx: RenderContext, text: str, where: str) -> tuple[Markup, list[Fact]]:
    """The message as shown: blanks highlighted, each fact as its plain text in a `data-fact` span (copied
    as plain text; the page checks can tell it came from the data); and the facts it used, listed under
    the message with their source, since the pasted text cannot carry a note."""
    used: dict[str, Fact] = {}
    details = {d.label for d in ctx.guide.details}
    dates = {d.label for d in ctx.guide.details if d.kind == "date"}
    out = []
    for plain, key in text_parts(ctx.fit(text), where):
        if key:
            fact = used[key] = ctx.fact(key, where=where)
            out.append(Markup('<span data-fact="{}">{}</span>').format(fact.key, fact.as_text()))
        else:
            out.append(mark_blanks(plain, details, dates))
    return Markup("").join(out), list(used.values())


def message_template_block(ctx: RenderContext, template_id: str | None, asked: Collection[str] = ()) -> Markup:
    """`<!-- guide:message-template ID -->`. Its fields leave out the details the page `asked` for already."""
    t = ctx.entry("message_templates", template_id)
    scenario = ctx.guide.find("scenarios", t.scenario)
    where = ctx.guide.where("message_templates", t.pos)
    body, facts = body_markup(ctx, t.body, where)
    named = set(template_blanks(t.body))
    fields = [
        {"label": d.label, "hint": d.hint, "kind": d.kind}
        for d in ctx.guide.details
        if d.label in named and d.id not in asked
    ]
    return render(
        "message_template.html",
        t=t,
        dom_id=message_anchor(t.id),
        body=body,
        facts=[{"label": f.label, "shown": ctx.render_fact(f)} for f in facts],
        fields=fields,
        scenario_title=scenario.title,
        scenario_href=ctx.url_for(scenario.link, ctx.guide.where("scenarios", scenario.pos, "link")),
    )


def free_text_blanks(guide: Guide) -> dict[str, list[str]]:
    """Template id -> the blanks the shopper writes by hand each time (its `free_text`), in the order the
    message shows them; templates without any are left out."""
    return {
        t.id: [name for name in template_blanks(t.body) if name in t.free_text]
        for t in guide.message_templates
        if t.free_text
    }
