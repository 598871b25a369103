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


def expanded(guide=None):
    c = context(guide, where="docs/summary.md")
    return expand_page(generated_pages(c.guide)[SUMMARY_PAGE], c, BLOCKS), c


def test_summary_holds_route_hours_deadlines_and_ladder():
    md, c = expanded()
    for key in (
        "route_fastest",
        "agent_keywords",
        "agent_hours",
        "agent_closed",
        "chatbot_hours",
        "phone_1372",
        *DEADLINE_FACTS,
    ):
        assert key in c.used, key
    for step in GUIDE.escalation:
        assert step.title in md
    for status in GUIDE.order_statuses:
        assert status.status in md
    assert "{{" not in md and "guide:" not in md


def test_deadline_rows_follow_the_facts():
    html = str(deadline_table_block(context()))
    for key in DEADLINE_FACTS:
        fact = GUIDE.facts[key]
        assert f"{fact.value}{fact.unit}" in html and fact.label in html


def test_changing_a_fact_changes_the_summary():
    md, _ = expanded(edited(lambda data: data["facts"]["withdrawal_days"].update(value=14)))
    assert "14일" in md


def test_prepare_list_comes_from_the_prepare_checklist():
    md, _ = expanded()
    prepare = GUIDE.find("checklists", "prepare")
    assert all(f"/{item.link}" in md for item in prepare.items)


def test_without_a_prepare_checklist_the_summary_says_what_to_gather():
    guide = edited(lambda data: data.update(checklists=[c for c in data["checklists"] if c["id"] != "prepare"]))
    md, _ = expanded(guide)
    assert "주문 번호, 송장 번호" in md and "prepare.md" in md


def test_fact_label_is_escaped():
    guide = with_fact(GUIDE, "supply_days", label="<script>x</script>")
    html = str(deadline_table_block(context(guide)))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_deadline_fact_must_be_a_number():
    guide = with_fact(GUIDE, "supply_days", kind="text")
    with pytest.raises(GuideDataError, match="supply_days"):
        deadline_table_block(context(guide))
