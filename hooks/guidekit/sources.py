"""Where each fact comes from: the collapsible box at the end of every page that used facts, and the
table blocks of the generated page `sources.md`, one per confidence level."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .errors import GuideDataError
from .model import Fact, Guide
from .render import render

CONFIDENCES = ("official", "conflict", "guide")  # the order of the sources page's sections


def page_sources_box(facts: list[Fact], guide: Guide, sources_href: str, drawn: dict | None = None) -> Markup:
    """`drawn`: rows already drawn in this build, by fact (a row is the same on every page)."""
    drawn = {} if drawn is None else drawn
    rows = []
    for fact in sorted(facts, key=lambda f: f.label):
        row = drawn.get(("source-row", fact.key))
        if row is None:
            row = drawn["source-row", fact.key] = render("source_row.html", fact=fact, guide=guide)
        rows.append(row)
    return render("page_sources.html", rows=rows, sources_href=sources_href)


def facts_of(guide: Guide, confidence: str) -> list[Fact]:
    return [f for f in guide.facts.values() if f.confidence == confidence]


def sources_table_block(ctx: RenderContext, confidence: str | None) -> Markup:
    """`<!-- guide:sources-table official -->`: every fact of one confidence level with its source and date."""
    if confidence not in CONFIDENCES:
        raise GuideDataError(
            ctx.where, f"신뢰도 '{confidence}'는 없어요.", expected="다음 중 하나: " + ", ".join(CONFIDENCES)
        )
    return render("sources_table.html", facts=facts_of(ctx.guide, confidence), guide=ctx.guide, confidence=confidence)
