"""Scenario steps and the home page's problem cards, both from `scenarios` and `topics` in the data."""
from __future__ import annotations

from markupsafe import Markup

from .errors import GuideDataError, key_path
from .refs import RenderContext
from .render import render


def steps_block(ctx: RenderContext, scenario_id: str | None) -> Markup:
    """`<!-- guide:steps double_charge -->` -> the scenario's numbered steps."""
    i, s = ctx.entry("scenarios", scenario_id, "시나리오")
    where = ctx.guide.where('scenarios', i, 'steps')
    steps = [ctx.inline(text, where) for text in s["steps"]]
    return render("steps.html", scenario_id=s["id"], steps=steps)


def cards_block(ctx: RenderContext, _arg: str | None = None) -> Markup:
    """`<!-- guide:problem-cards -->` -> one card per topic listing its scenarios."""
    topics = []
    for t_i, topic in enumerate(ctx.guide["topics"]):
        where = ctx.guide.where('topics', t_i)
        scenarios = [
            {"title": s["title"], "href": ctx.url_for(s["link"], ctx.guide.where('scenarios', i, 'link'))}
            for i, s in enumerate(ctx.guide["scenarios"]) if s["topic"] == topic["id"]
        ]
        topics.append({"id": topic["id"], "title": topic["title"], "blurb": ctx.inline(topic["blurb"], where),
                       "href": ctx.url_for(topic["link"], ctx.guide.where('topics', t_i, 'link')), "scenarios": scenarios})
    return render("problem_cards.html", topics=topics)


def check_topics(guide) -> None:
    """Every scenario names a topic that exists."""
    ids = {t["id"] for t in guide["topics"]}
    for i, s in enumerate(guide["scenarios"]):
        if s["topic"] not in ids:
            raise GuideDataError(guide.file, f"시나리오의 topic '{s['topic']}'가 topics에 없어요.",
                                 line=guide.line_of("scenarios", i, "topic"), key_path=key_path(("scenarios", i, "topic")),
                                 found=s["topic"], expected="다음 중 하나: " + ", ".join(sorted(ids)))
