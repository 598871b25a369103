"""핵심 요약: the page comes from the same facts and lists as the topic pages."""

from __future__ import annotations

import pytest

from guide_copy import GUIDE, context, edited, with_fact
from guidekit.blocks import BLOCKS
from guidekit.errors import GuideDataError
from guidekit.expand import expand_page
from guidekit.pages import generated_pages
from guidekit.summary import DEADLINE_FACTS, deadline_table_block
from guidekit.urls import SUMMARY_PAGE

pytestmark = pytest.mark.reads_guide


def expanded(guide=None):
    c = context(guide, where="docs/summary.md")
    return expand_page(generated_pages(c.guide)[SUMMARY_PAGE], c, BLOCKS), c


ALL_DEADLINES = [key for keys in DEADLINE_FACTS.values() for key in keys]


def test_summary_holds_route_hours_deadlines_and_ladder():
    md, c = expanded()
    for key in (
        "route_fastest",
        "agent_keywords",
        "agent_hours",
        "agent_closed",
        "phone_1372",
        "hours_1372",
        *ALL_DEADLINES,
    ):
        assert key in c.used, key
    for step in GUIDE.escalation:
        assert step.title in md
    for status in GUIDE.order_statuses:
        assert status.status in md
    assert "{{" not in md and "guide:" not in md


def test_legal_deadlines_are_apart_from_the_blog_posts_waits():
    md, _ = expanded()
    law, kakao, waits = (
        md.index(f'aria-label="{name}"')
        for name in ("법이 정한 기한", "카카오 도움말의 기한", "원본 글이 권하는 기다림")
    )
    assert law < kakao < waits
    for group, keys in DEADLINE_FACTS.items():
        confidences = {GUIDE.facts[k].confidence for k in keys}
        assert confidences == ({"guide"} if group == "wait" else {"official"}), group


@pytest.mark.parametrize("group", list(DEADLINE_FACTS))
def test_deadline_rows_follow_the_facts(group):
    html = str(deadline_table_block(context(), group))
    for key in DEADLINE_FACTS[group]:
        fact = GUIDE.facts[key]
        assert f"{fact.value}{fact.unit}" in html and fact.label in html


def test_an_unknown_deadline_group_is_named():
    with pytest.raises(GuideDataError, match="law, kakao, wait"):
        deadline_table_block(context(), "later")


def test_changing_a_fact_changes_the_summary():
    md, _ = expanded(edited(lambda data: data["facts"]["withdrawal_days"].update(value=14)))
    assert "14일" in md


def test_the_summary_reads_as_instructions_not_as_ticked_items():
    md, _ = expanded()
    prepare = md[md.index("{#prepare}") : md.index("{#deadlines}")]
    assert "했어요" not in prepare and "뒀어요" not in prepare
    assert "checklists/prepare.md" in prepare


def test_fact_label_is_escaped():
    guide = with_fact(GUIDE, "withdrawal_days", label="<script>x</script>")
    html = str(deadline_table_block(context(guide), "law"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_deadline_fact_must_be_a_number():
    guide = with_fact(GUIDE, "refund_business_days", kind="text")
    with pytest.raises(GuideDataError, match="refund_business_days"):
        deadline_table_block(context(guide), "law")
