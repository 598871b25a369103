"""The checks that keep a right from being lost (guidekit/right_checks.py): each one fails on the edit that
would let a shopper pass a deadline, or send a wrong or unfilled notice, and passes on the real data."""

from __future__ import annotations

import pytest

from guide_copy import GUIDE, edited
from guidekit.errors import GuideDataError
from guidekit.right_checks import limits_without_exception, right_at_stake

pytestmark = pytest.mark.reads_guide


def _scenario(data, sid):
    return next(s for s in data["scenarios"] if s["id"] == sid)


def _template(data, tid):
    return next(t for t in data["message_templates"] if t["id"] == tid)


def _fails(edit, *words):
    with pytest.raises(GuideDataError) as err:
        edited(edit)
    for word in words:
        assert word in str(err.value), str(err.value)
    return str(err.value)


def test_every_journey_where_a_right_can_run_out_sends_the_notice_first():
    at_stake = {s.id: right_at_stake(s) for s in GUIDE.scenarios if right_at_stake(s)}
    # The flows the law review named: silent, refusing, mediation, 구매 결정, damaged/wrong, exchange refused.
    for sid in ("seller_silent", "seller_refuses", "ask_mediation", "purchase_confirmed", "damaged_wrong", "exchange"):
        assert at_stake.get(sid) == "withdrawal", sid
    assert at_stake["card_instalment"] == "instalment"
    for sid, right in at_stake.items():
        s = GUIDE.find("scenarios", sid)
        notice = GUIDE.find("message_templates", s.notice)
        assert notice.exercises == right and "[보낸 날]" in notice.body


def test_a_journey_without_its_notice_stops_the_build():
    def drop(data):
        del _scenario(data, "seller_refuses")["notice"]

    msg = _fails(drop, "서면 통지", "scenarios[", "notice: withdrawal_notice")
    assert "docs/data/guide.yml:" in msg


def test_the_notice_after_a_wait_for_mediation_stops_the_build():
    def late(data):
        _scenario(data, "seller_refuses")["notice_at"] = 5

    _fails(late, "중재", "notice_at")


def test_the_instalment_journey_cannot_send_the_withdrawal_notice():
    def wrong(data):
        _scenario(data, "card_instalment")["notice"] = "withdrawal_notice"

    _fails(wrong, "권리", "instalment")


def test_a_law_line_without_its_article_stops_the_build():
    def bare(data):
        _scenario(data, "return_after_delivery")["timing"]["law"][0] = "받은 날부터 7일 안에 반품해요."

    _fails(bare, "조문", "timing.law[0]")


def test_an_unofficial_fact_under_the_law_heading_stops_the_build():
    def mixed(data):
        _scenario(data, "reach_agent")["timing"]["law"] = ["상담원은 {{ fact.agent_hours }}에 답해요(제20조)."]

    _fails(mixed, "agent_hours", "source_guide")


def test_an_unverified_line_under_advice_stops_the_build():
    def moved(data):
        _scenario(data, "double_charge")["timing"] = {"advice": ["절차는 공식 도움말에서 찾지 못했어요."]}

    _fails(moved, "unverified")


def test_a_kakao_help_line_under_advice_stops_the_build():
    def moved(data):
        s = _scenario(data, "two_orders")
        s["timing"]["advice"] = s["timing"].pop("kakao")

    _fails(moved, "timing.kakao")


def test_limits_of_17_2_without_17_3_stop_the_build():
    def no_exception(data):
        claim = data["seller_claims"][0]
        claim["article"] = "전자상거래법 제17조 제2항 제1호"

    _fails(no_exception, "제3항", "seller_claims[0].article")


def test_a_page_section_with_the_limits_needs_the_exception():
    assert limits_without_exception("## 제한\n\n제17조 제2항의 경우예요.\n") == [1]
    assert limits_without_exception("## 제한\n\n제17조 제2항. 다만 제17조 제3항.\n") == []


@pytest.mark.parametrize(
    "line",
    ["주문 번호 [주문 번호]로 샀어요.", "[받은 날]에 받았어요.", "송장 [송장 번호]가 멈췄어요."],
)
def test_a_particle_after_a_blank_stops_the_build(line):
    def particle(data):
        t = _template(data, "ask_ship_date")
        t["body"] = t["body"] + "\n" + line

    _fails(particle, "조사", "message_templates[")


@pytest.mark.parametrize("line", ["- 판매자에게 요청한 내용과 판매자의 답", "- [날짜]: 판매자의 답을 적어요"])
def test_an_instruction_outside_brackets_stops_the_build(line):
    def instruction(data):
        t = _template(data, "case_summary")
        t["body"] = t["body"] + "\n" + line

    _fails(instruction, "대괄호")


def test_no_template_of_the_real_data_has_a_particle_after_a_blank():
    import re

    for t in GUIDE.message_templates:
        assert not re.search(r"\][가-힣]", t.body), t.id
