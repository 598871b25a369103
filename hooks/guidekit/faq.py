"""The FAQ page (`faq.md`, generated in memory) from `faq` in the data file: one heading per question
with a stable anchor (`#faq-<id>`), grouped by topic, the answer as data text (facts by key), a link to
the section that explains it, and the question's other wordings ("다른 표현"), which search also uses."""

from __future__ import annotations

from markupsafe import Markup

from .data import Guide
from .refs import RenderContext
from .render import render, render_markdown

FAQ_PAGE = "faq.md"


def anchor(faq_id: str) -> str:
    """'double_charge' -> 'faq-double-charge' (site links allow only lower case, digits and '-')."""
    return "faq-" + faq_id.replace("_", "-")


def faq_groups(guide: Guide) -> list[dict]:
    """Topics in the data file's order, each with its questions; topics without questions are left out."""
    items = guide.data.get("faq", [])
    groups = []
    for topic in guide["topics"]:
        questions = [
            {"id": q["id"], "anchor": anchor(q["id"]), "question": q["question"]}
            for q in items
            if q["topic"] == topic["id"]
        ]
        if questions:
            groups.append({"id": topic["id"], "title": topic["title"], "questions": questions})
    return groups


def faq_page_markdown(guide: Guide) -> str:
    return render_markdown("faq_page.md", groups=faq_groups(guide))


def faq_answer_block(ctx: RenderContext, faq_id: str | None) -> Markup:
    """`<!-- guide:faq-answer double_charge -->` -> the answer, the link to the full section and the
    other wordings. The wordings are kept out of Material's search text (`data-search-exclude`) so a
    result's snippet shows the answer; search gets them through the Korean index field instead."""
    i, item = ctx.entry("faq", faq_id, "질문")
    where = ctx.guide.where("faq", i, "answer")
    return render(
        "faq_answer.html",
        answer=ctx.inline(item["answer"], where),
        href=ctx.url_for(item["link"], ctx.guide.where("faq", i, "link")),
        aliases=item["aliases"],
    )
