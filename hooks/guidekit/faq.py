"""The FAQ: its page groups the data's questions by topic, one heading per question with a stable anchor
(`#faq-<id>`); each answer block holds the answer, a link to the section that explains it, and the
question's other wordings ("다른 표현"), which search also uses."""

from __future__ import annotations

from markupsafe import Markup

from .context import RenderContext
from .model import Faq, Guide, Topic
from .render import render


def faq_groups(guide: Guide) -> list[tuple[Topic, list[Faq]]]:
    """Topics in the data file's order, each with its questions; topics without questions are left out."""
    groups = [(topic, [q for q in guide.faq if q.topic == topic.id]) for topic in guide.topics]
    return [(topic, questions) for topic, questions in groups if questions]


def faq_answer_block(ctx: RenderContext, faq_id: str | None) -> Markup:
    """`<!-- guide:faq-answer double_charge -->`. The other wordings are kept out of Material's search text
    (`data-search-exclude`) so a result's snippet shows the answer; search gets them through the Korean
    index field instead."""
    item = ctx.entry("faq", faq_id)
    return render(
        "faq_answer.html",
        answer=ctx.inline(item.answer, ctx.guide.where("faq", item.pos, "answer")),
        href=ctx.url_for(item.link, ctx.guide.where("faq", item.pos, "link")),
        aliases=item.aliases,
    )
