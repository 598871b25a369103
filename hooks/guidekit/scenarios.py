"""Scenario steps and the home page's problem cards, both from `scenarios` and `topics` in the data."""

from __future__ import annotations

from markupsafe import Markup

from .refs import RenderContext
from .render import render


def steps_block(ctx: RenderContext, scenario_id: str | None) -> Markup:
    """`<!-- guide:steps double_charge -->` -> the scenario's numbered steps."""
    i, s = ctx.entry("scenarios", scenario_id, "시나리오")
    where = ctx.guide.where("scenarios", i, "steps")
    steps = [ctx.inline(text, where) for text in s["steps"]]
    return render("steps.html", scenario_id=s["id"], steps=steps)


def cards_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:problem-cards -->` -> one card per topic listing its scenarios."""
    topics = []
    for t_i, topic in enumerate(ctx.guide["topics"]):
        where = ctx.guide.where("topics", t_i)
        scenarios = [
            {"title": s["title"], "href": ctx.url_for(s["link"], ctx.guide.where("scenarios", i, "link"))}
            for i, s in enumerate(ctx.guide["scenarios"])
            if s["topic"] == topic["id"]
        ]
        topics.append(
            {
                "id": topic["id"],
                "title": topic["title"],
                "blurb": ctx.inline(topic["blurb"], where),
                "href": ctx.url_for(topic["link"], ctx.guide.where("topics", t_i, "link")),
                "scenarios": scenarios,
            }
        )
    return render("problem_cards.html", topics=topics)
