"""A scenario as the reader meets it, and the checks that keep its links and the shopper's blanks whole."""

from __future__ import annotations

import re

import pytest

from guide_copy import GUIDE, context, edited
from guidekit.errors import GuideDataError
from guidekit.message_templates import mark_blanks, message_template_block
from guidekit.scenarios import scenario_block, seller_claims_block, unshown_scenario_messages

pytestmark = pytest.mark.reads_guide

LABELS = ["준비할 것", "이렇게 해요", "얼마나 걸려요 · 언제까지", "안 되면"]


def labels(html: str) -> list[str]:
    return re.findall(r'<h3 class="scenario__label">([^<]+)</h3>', html)


@pytest.mark.parametrize("scenario", GUIDE.scenarios, ids=[s.id for s in GUIDE.scenarios])
def test_every_scenario_reads_in_the_content_guides_order(scenario):
    html = str(scenario_block(context(), scenario.id))
    assert labels(html) == LABELS
    assert html.index("scenario__answer") < html.index("준비할 것")  # the answer before anything else
    assert html.count("<li>") >= len(scenario.prepare) + len(scenario.steps)
    assert 'class="scenario__next-link"' in html and "{{" not in html


def test_each_line_stands_under_its_kind_and_empty_kinds_are_left_out():
    html = str(scenario_block(context(), "return_after_delivery"))
    law, kakao = (
        html.index('<p class="scenario__kind">법</p>'),
        html.index('<p class="scenario__kind">카카오 도움말</p>'),
    )
    assert law < kakao and "제17조 제1항" in html[law:kakao] and "카카오 도움말에 따르면" in html[kakao:]
    assert "이 안내서의 권고" not in html and "확인하지 못한 것" not in html  # none given, no empty heading
    unverified_only = str(scenario_block(context(), "paid_no_order"))
    assert '<p class="scenario__kind">확인하지 못한 것</p>' in unverified_only
    assert '<p class="scenario__kind">법</p>' not in unverified_only


def test_the_written_notice_step_sits_where_the_scenario_says_and_links_the_notice():
    s = GUIDE.find("scenarios", "seller_refuses")
    html = str(scenario_block(context(), s.id))
    steps = re.findall(
        r"<li( class=\"steps__notice\")?>", html.split('<ol class="steps"')[1].split("</ol>", maxsplit=1)[0]
    )
    assert len(steps) == len(s.steps) + 1 and steps[s.notice_at - 1]
    assert "#msg-withdrawal-notice" in html
    assert "제17조 제5항" in html


def test_message_and_checklist_are_linked_in_place():
    html = str(scenario_block(context(), "double_charge"))
    tools = re.findall(r'scenario__tool--(\w+)"><a href="([^"]+)"', html)
    assert tools[:2] == [
        ("message", "/messages.md#msg-double-charge-cancel"),
        ("checklist", "/checklists/payment-error.md"),
    ]
    nxt = html[html.index("안 되면") :]
    assert 'href="/dispute.md#consumer-center"' in nxt and "msg-case-summary" in nxt and "filing-1372" in nxt


def test_a_scenario_no_page_shows_is_named():
    ctx = context()
    scenario_block(ctx, "two_orders")
    (message,) = [m for m in unshown_scenario_messages(GUIDE, ctx.scenarios_shown | {"x"}) if "double_charge" in m]
    assert "scenarios[0].id" in message and "<!-- guide:scenario double_charge -->" in message
    assert not any("two_orders" in m for m in unshown_scenario_messages(GUIDE, ctx.scenarios_shown))


def test_more_than_seven_steps_is_refused():
    with pytest.raises(GuideDataError) as err:
        edited(lambda data: data["scenarios"][0].update(steps=["한 가지 일을 해요."] * 8))
    assert "scenarios[0].steps" in str(err.value)


@pytest.mark.parametrize(
    ("field", "path"),
    [("message", "scenarios[2].message"), ("checklist", "scenarios[2].checklist")],
)
def test_a_scenario_naming_a_missing_tool_is_refused(field, path):
    with pytest.raises(GuideDataError) as err:
        edited(lambda data: data["scenarios"][2].update({field: "nope"}))
    assert err.value.key_path == path and "nope" in str(err.value)


def test_a_blank_is_a_detail_and_a_near_miss_is_named():
    with pytest.raises(GuideDataError) as err:
        edited(lambda data: data["checklists"][0].update(blanks=["주문번호"]))
    assert err.value.key_path == "checklists[0].blanks[0]" and "주문 번호" in str(err.value)

    def spaced(data):
        data["message_templates"][0]["body"] += "\n[송장번호]"

    with pytest.raises(GuideDataError) as err:
        edited(spaced)
    assert err.value.key_path == "message_templates[0].body" and "[송장 번호]" in str(err.value)


def test_only_detail_blanks_are_marked_for_filling():
    html = str(mark_blanks("[주문 번호] / [반품 이유]", {"주문 번호"}))
    assert html == (
        '<mark class="msg-blank" data-detail="주문 번호">[주문 번호]</mark> / <mark class="msg-blank">[반품 이유]</mark>'
    )


def test_a_template_offers_fields_for_its_detail_blanks_only():
    html = str(message_template_block(context(), "seller_silence_reminder"))
    fields = re.findall(r'data-blank="([^"]+)"', html)
    assert fields == ["주문 번호", "판매자와 연락한 날"]  # in the order of `details`; [요청한 내용] is free text
    assert '<details class="msg-fill" hidden data-search-exclude>' in html


def test_every_excuse_has_the_law_and_facts_filled_in():
    html = str(seller_claims_block(context()))
    assert html.count('<dt class="seller-says__claim"') == len(GUIDE.seller_claims)
    # Each names its article; where the guide explains it, the article's name is the link.
    laws = re.findall(r'<p class="seller-says__law">근거: (?:<a href="[^"]+">)?(전자상거래법 제\d+[^<]*)', html)
    assert len(laws) == len(GUIDE.seller_claims)
    assert "자세히 보기" not in html
    late = GUIDE.find("seller_claims", "late")
    assert "{{" in late.claim and "{{" not in html
    assert f'data-fact="withdrawal_days">{GUIDE.facts["withdrawal_days"].value}' in html


def test_a_topic_no_scenario_names_is_an_error_not_an_empty_card():
    new = {"id": "lonely", "title": "외톨이", "blurb": "시나리오가 없어요.", "link": GUIDE.topics[0].link}
    with pytest.raises(GuideDataError) as err:
        edited(lambda data: data["topics"].append(new))
    e = err.value
    assert e.key_path == f"topics[{len(GUIDE.topics)}].id" and e.found == "lonely"
    assert "topic: lonely" in e.expected

    def with_its_scenario(data):
        data["topics"].append(new)
        data["scenarios"][0]["topic"] = "lonely"

    assert sum(s.topic == GUIDE.scenarios[0].topic for s in GUIDE.scenarios) > 1  # its old topic keeps one
    assert any(t.id == "lonely" for t in edited(with_its_scenario).topics)
