"""내 사건's blocks: every deadline kind with its period and article from the facts, the holidays, the
next steps, the messages to log, the evidence — and a clear error when the data lacks what they need."""

from __future__ import annotations

import re
from datetime import date

import pytest

from guide_copy import GUIDE, context, edited, with_fact
from guidekit.blocks import BLOCKS
from guidekit.errors import GuideDataError
from guidekit.expand import expand_page
from guidekit.my_case import (
    CASE_DETAILS,
    CASE_MESSAGES,
    DEADLINES,
    case_deadlines_block,
    case_details_block,
    case_evidence_block,
    case_message_block,
    case_next_block,
    case_sent_block,
)
from guidekit.pages import generated_pages
from guidekit.urls import MY_CASE_PAGE

pytestmark = pytest.mark.reads_guide


def test_every_kind_has_its_period_from_the_facts_and_its_article():
    html = str(case_deadlines_block(context()))
    for kind, (key, unit, _) in DEADLINES.items():
        fact = GUIDE.facts[key]
        row = re.search(rf'<li class="case-row[^"]*" data-deadline="{kind}" data-period="(\d+)">(.*?)</li>', html, re.S)
        assert row, kind
        assert int(row.group(1)) == fact.value and fact.unit == unit
        assert fact.source_title.split(",")[0] in row.group(2), kind
        assert re.search(r"제\d+조", row.group(2)), kind
    # 제157조, 제161조 and the years of holidays the page knows, so 확인 필요 is explained.
    assert "민법 제157조" in html and "민법 제161조" in html
    assert re.search(r'data-holiday-years="\d{4}-\d{4}"', html)


def test_the_holidays_are_those_of_the_years_around_the_build():
    ctx = context()
    ctx.today = date(2026, 12, 6)
    html = str(case_deadlines_block(ctx))
    assert 'data-holiday-years="2025-2028"' in html and "2026-12-25" in html


def test_every_date_a_deadline_runs_from_is_a_date_field_with_its_role():
    html = str(case_details_block(context()))
    for _, _, detail_id in DEADLINES.values():
        label = GUIDE.find("details", detail_id).label
        field = re.search(rf'<input[^>]*data-blank="{re.escape(label)}"[^>]*>', html).group(0)
        assert 'type="date"' in field and "data-case-date=" in field
    assert html.count("<input") == len(CASE_DETAILS)


def test_each_step_names_its_deadline_and_the_notice_comes_with_its_article():
    html = str(case_next_block(context()))
    steps = re.findall(r'data-step="([^"]+)"', html)
    assert steps[0] == "start" and "withdrawal" in steps and "mediation-answer" in steps
    withdrawal = re.search(r'data-step="withdrawal".*?</div>', html, re.S).group(0)
    assert 'data-ref="withdrawal"' in withdrawal and "제17조 제5항" in withdrawal


def test_the_messages_to_log_exist_and_the_rights_are_marked():
    html = str(case_sent_block(context()))
    assert re.findall(r'data-sent="([^"]+)"', html) == list(CASE_MESSAGES)
    for t in (GUIDE.find("message_templates", m) for m in CASE_MESSAGES):
        assert (f'data-sent="{t.id}" data-right' in html) == bool(t.exercises)
    assert 'data-notice-detail="' + GUIDE.find("details", "notice_sent_date").label + '"' in html


def test_the_evidence_leaves_out_advice_that_carries_an_unofficial_figure():
    html = str(case_evidence_block(context()))
    shown = set(re.findall(r'<li data-item="([^"]+)"', html))
    assert "damage_closeup" in shown and "order_capture" in shown
    assert "agent_hours" not in shown  # the source guide's agent hours: advice, and unofficial
    page = generated_pages(GUIDE)[MY_CASE_PAGE]
    assert "guide:case-evidence" in page


def test_the_page_expands_with_one_name_per_detail_and_no_honesty_note_twice():
    page = generated_pages(GUIDE)[MY_CASE_PAGE]
    assert page.index("guide:case-details") < page.index("guide:case-deadlines") < page.index("guide:case-next")
    assert all(f"guide:case-message {m}" in page for m in CASE_MESSAGES)


def test_a_missing_detail_stops_the_build_with_its_id():
    def drop(data):
        data["details"] = [d for d in data["details"] if d["id"] != "return_arrived_date"]

    guide = edited(drop)
    with pytest.raises(GuideDataError) as err:
        case_details_block(context(guide))
    assert "return_arrived_date" in str(err.value)


def test_a_period_in_another_unit_stops_the_build():
    guide = with_fact(GUIDE, "refund_business_days", unit="일")
    with pytest.raises(GuideDataError) as err:
        case_deadlines_block(context(guide))
    assert "refund_business_days" in str(err.value) and "영업일" in str(err.value)


def test_a_deadline_fact_without_its_article_stops_the_build():
    guide = with_fact(GUIDE, "kca_accept_days", source_title="한국소비자원 안내")
    with pytest.raises(GuideDataError) as err:
        case_deadlines_block(context(guide))
    assert "kca_accept_days" in str(err.value) and "source_title" in str(err.value)


def test_the_whole_page_expands_and_every_field_and_date_control_has_a_label():
    html = expand_page(generated_pages(GUIDE)[MY_CASE_PAGE], context(where="my-case.md"), BLOCKS)
    assert "guide:" not in html
    for input_id in re.findall(r'<input[^>]* id="([^"]+)"', html):
        assert re.search(rf'<label[^>]* for="{re.escape(input_id)}"', html), input_id


def test_a_message_on_my_case_asks_only_for_the_details_the_page_does_not():
    html = str(case_message_block(context(), "instalment_defense"))
    fields = set(re.findall(r'data-blank="([^"]+)"', html))
    asked = {GUIDE.find("details", d).label for d in CASE_DETAILS}
    assert fields and not fields & asked  # 승인 번호, 내 이름 … are asked here; 주문 번호 at the top
    assert GUIDE.find("details", "approval_1").label in fields
