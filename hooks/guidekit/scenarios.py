"""Scenario steps and the home page's problem cards, both from `scenarios` and `topics` in the data."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .render import render


def steps_block(ctx: RenderContext, scenario_id: str | None) -> Markup:
    """`<!-- guide:steps double_charge -->` -> the scenario's numbered steps."""
    s = ctx.entry("scenarios", scenario_id)
    where = ctx.guide.where("scenarios", s.pos, "steps")
    return render("steps.html", scenario_id=s.id, steps=[ctx.inline(text, where) for text in s.steps])


def cards_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:problem-cards -->` -> one card per topic listing its scenarios."""
    topics = []
    for topic in ctx.guide.topics:
        scenarios = [
            {"title": s.title, "href": ctx.url_for(s.link, ctx.guide.where("scenarios", s.pos, "link"))}
            for s in ctx.guide.scenarios
            if s.topic == topic.id
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
