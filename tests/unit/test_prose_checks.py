"""The checks that read each rendered page: bare numbers, wording rules, attribution (particles have their own
file). Each is shown failing on a planted mistake, and passing on the way the guide writes it."""

from __future__ import annotations

import dataclasses

import pytest

from guide_copy import GUIDE
from guidekit.model import Style, WordingRule
from guidekit.prose_checks import page_problems, text_blocks

pytestmark = pytest.mark.reads_guide


def page(body: str) -> str:
    return f"<html><body><nav><p>7일 메뉴 밖</p></nav><article class='md-typeset'>{body}</article></body></html>"


def problems(body: str, guide=GUIDE) -> list[str]:
    return page_problems(page(body), guide)


def test_only_the_article_is_read_and_facts_are_not_prose():
    (block,) = text_blocks(page('<p>받은 날부터 <span data-fact="withdrawal_days">7일</span> 안에</p>'))
    assert block.own_prose == "받은 날부터  안에" and block.facts == ["withdrawal_days"]


def test_a_typed_deadline_time_amount_or_phone_number_is_flagged():
    for typed in (
        "받은 날부터 7일 안에",
        "평일 9시에",
        "10:30에",
        "연 15%의",
        "20만원 이상",
        "1588로 전화",
        "02-123-4567",
    ):
        found = problems(f"<p>{typed} 해요.</p>")
        assert len(found) == 1 and "본문에 직접 쓴 숫자" in found[0], (typed, found)


def test_numbers_from_facts_sources_urls_code_and_article_numbers_pass():
    body = (
        '<h2>1단계: 판매자</h2><p>받은 날부터 <span data-fact="withdrawal_days">7일</span> 안에(제17조 제1항).</p>'
        "<p>주소: https://example.org/10:30/7일</p><p><code>7일</code></p>"
        "<div data-from-data><p>2015년에 연 20%에서</p></div><p>1372 소비자상담센터</p>"
    )
    assert problems(body) == []


def test_allowed_phrases_come_from_the_data_file():
    assert problems("<p>1372에 전화해요.</p>") == []
    strict = dataclasses.replace(GUIDE, style=dataclasses.replace(GUIDE.style, numbers_allowed=()))
    assert problems("<p>1372에 전화해요.</p>", strict)


def test_wording_rules_name_the_phrase_the_reason_and_the_fix():
    (message,) = problems("<p>늦어지면 지연배상금이 붙어요.</p>")
    assert "'지연배상금이 붙'" in message and "청구" in message
    assert problems("<p>반품 기한 안에 물릴 수 있어요.</p>")
    assert problems("<p>판매자가 주문일부터 7일 안에 보내야 해요.</p>")  # the wrong rule and a bare number


def test_a_wording_rule_can_allow_a_phrase_with_its_source_named():
    assert problems("<p>카카오에 강제 중재를 요청해요.</p>")
    assert problems("<p>원본 글은 이것을 '강제 중재'라고 불러요.</p>") == []


def test_other_wordings_people_type_are_not_the_guides_words():
    assert problems('<p class="faq-aliases" data-from-data>강제 중재 · 마이페이지</p>') == []


def test_a_fact_without_an_official_source_needs_its_source_in_the_same_block():
    bare = '<p>상담원은 <span data-fact="agent_hours">평일 09:00–18:00</span>에 답해요.</p>'
    (message,) = problems(bare)
    assert "facts.agent_hours" in message and "'원본 글'이 함께" in message
    said = '<li>원본 글에 따르면 상담원은 <span data-fact="agent_hours">평일 09:00–18:00</span>에 답해요.</li>'
    assert problems(said) == []


def test_a_wrong_particle_after_a_fact_is_reported():
    (message,) = problems('<p><span data-fact="route_cancel">주문 상세 › 주문 취소</span>을 눌러요.</p>')
    assert "주문 취소를" in message


def test_rules_are_data():
    rule = WordingRule(avoid=("바로가기",), use="경로", why="테스트")
    guide = dataclasses.replace(GUIDE, style=Style(numbers_allowed=(), wording=(rule,)))
    (message,) = problems("<p>바로가기를 눌러요.</p>", guide)
    assert "테스트" in message and "경로" in message


# ── What the checks read, and the memory of one serve process ──────────────────────────────────


def test_the_check_inputs_hold_everything_the_checks_read():
    """Pages with equal check inputs have equal problems (guidekit/build.py keeps problems by them in
    `mkdocs serve`): what changes the problems changes the inputs, what does not leaves them alone."""
    from guidekit.prose_checks import check_inputs

    shown = next(k for k, f in GUIDE.facts.items() if f.attribution)
    other = next(k for k in GUIDE.facts if k != shown)
    body = f'<p><span data-fact="{shown}">{GUIDE.facts[shown].as_text()}</span>을 보세요. 7일이에요.</p>'
    key = check_inputs(page(body), GUIDE)
    elsewhere = dataclasses.replace(GUIDE.facts[other], attribution="다른 말", value="바뀐 값")
    unrelated = dataclasses.replace(GUIDE, facts={**GUIDE.facts, other: elsewhere})
    assert check_inputs(page(body), unrelated) == key
    assert page_problems(page(body), unrelated) == page_problems(page(body), GUIDE)
    moved = dataclasses.replace(GUIDE.facts[shown], attribution="새 출처 표시")
    changed = dataclasses.replace(GUIDE, facts={**GUIDE.facts, shown: moved})
    assert check_inputs(page(body), changed) != key
    assert page_problems(page(body), changed) != page_problems(page(body), GUIDE)
    allowing = dataclasses.replace(GUIDE, style=dataclasses.replace(GUIDE.style, numbers_allowed=("7일",)))
    assert check_inputs(page(body), allowing) != key


def test_a_second_build_in_one_process_reports_what_changed():
    """Two builds of one `mkdocs serve` process: the second finds a problem only it has, and still reports
    the first one's, which its page still has."""
    from guidekit.build import GuideBuild

    first, second = GuideBuild(GUIDE), GuideBuild(GUIDE)
    first.check_output(page("<p>7일 안에 해요.</p>"), "docs/a.md")
    assert len(first.problems({})) >= 1
    second.check_output(page("<p>7일 안에 해요.</p>"), "docs/a.md")
    second.check_output(page("<p>3일 안에 해요.</p>"), "docs/b.md")
    found = [p for p in second.problems({}) if "본문에 직접 쓴 숫자" in p]
    assert [p.split(":")[0] for p in found] == ["docs/a.md", "docs/b.md"], found


def test_two_honesty_notes_in_one_section_or_sheet_are_a_problem():
    from guidekit.prose_checks import note_problems

    note = '<p class="source-note">비공식</p>'
    assert note_problems(f"<h2>결제</h2>{note}{note}<h2>배송</h2>{note}")  # FAQ-style: one per h2, not per question
    assert not note_problems(f"<h2>결제</h2><h3>a</h3><p>x</p>{note}<h2>배송</h2>{note}")
    sheet = '<div class="checklist checklist--sheet">'
    assert not note_problems(f"{sheet}{note}</div>{sheet}{note}</div>")  # print-all: each sheet its own
    assert note_problems(f"{sheet}{note}{note}</div>")
