"""Particles after inserted text: how a value's end is read, the form chosen before rendering, and the
check that reads a rendered page."""

import re

import pytest

from guidekit.html_events import article, events
from guidekit.particles import (
    Ending,
    ParticleProblem,
    both,
    ending,
    fit,
    fit_particles,
    form_after,
    particle_problems,
)

CASES = [
    # (text, particle written, particle expected)
    ("주문 취소", "을", "를"),
    ("판매자에게 문의하기", "으로", "로"),
    ("상담원 채팅", "를", "을"),
    ("상담원 채팅", "라고", "이라고"),
    ("해당 상품", "로", "으로"),
    ("주문 내역", "으로", "으로"),
    ("고객센터", "으로", "로"),
    ("MY쇼핑", "를", "을"),
    ("판매자 정보", "을", "를"),
    ("자주 묻는 질문(FAQ)", "를", "을"),  # the gloss in parentheses is skipped
    ("더보기(…)", "을", "를"),
    ("FAQ", "을", "를"),  # 에프에이큐
    ("URL", "로", "로"),  # 유알엘: ㄹ takes 로
    ("1372", "은", "는"),  # …이
    ("1372", "으로", "로"),
    ("7일", "이", "이"),
    ("10", "이", "이"),  # 십
    ("20", "를", "을"),  # 이십
    ("5", "을", "를"),  # 오
    ("연 15%", "이", "가"),  # 퍼센트
    ("평일 09:00–18:00", "이에요", "이에요"),  # 영
    ("주말·공휴일 휴무", "이에요", "예요"),
    ("'상담원 연결'", "이라고", "이라고"),
    ("길", "으로", "로"),
    ("통신판매중개자", "이에요", "예요"),
]


@pytest.mark.parametrize(("text", "written", "expected"), CASES)
def test_the_fitting_form_is_chosen(text, written, expected):
    end = ending(text)
    assert end is not None
    assert fit(written, end) == expected


def test_unreadable_endings_are_none():
    assert ending("🙂") is None
    assert ending("") is None
    assert ending("(…)") is None


def test_an_unreadable_end_gets_both_forms_never_a_guess():
    assert _fit("[🙂]을 눌러요") == "[🙂]을(를) 눌러요"
    assert _fit("[🙂]로 가요") == "[🙂](으)로 가요"
    html = '<p><span data-fact="a">🙂</span>을(를) 눌러요.</p>'
    assert particle_problems(html) == []
    (problem,) = particle_problems(html.replace("을(를)", "을"))
    assert "을(를)" in problem.message()


def test_endings():
    assert ending("칠") == Ending(True, True)
    assert ending("가") == Ending(False, False)
    assert ending("100") == Ending(True, False)  # 백


MARK = re.compile(r"\[(?P<v>[^\]]*)\]")


def _fit(text):
    return fit_particles(text, lambda m: m.group("v"), MARK)


def test_markers_get_the_fitting_particle_either_form_written():
    assert _fit("[주문 취소]을 눌러요") == "[주문 취소]를 눌러요"
    assert _fit("[주문 취소]를 눌러요") == "[주문 취소]를 눌러요"
    assert _fit("[판매자에게 문의하기]으로 물어요") == "[판매자에게 문의하기]로 물어요"
    assert _fit("[상담원 채팅]라고 입력해요") == "[상담원 채팅]이라고 입력해요"


def test_words_after_a_marker_are_not_particles():
    assert _fit("[주문 내역] 가장 위") == "[주문 내역] 가장 위"
    assert _fit("[7일]이내") == "[7일]이내"  # 이내 is a word, not 이 + 내
    assert _fit("[주문 취소]에서") == "[주문 취소]에서"


def test_the_rendered_check_finds_a_wrong_particle():
    html = '<p><span class="fact" data-fact="route_cancel">주문 취소</span>을 눌러요.</p>'
    (problem,) = particle_problems(html)
    assert problem.expected == "를"
    assert "주문 취소를" in problem.message()


def test_the_rendered_check_reads_through_closing_tags_and_nested_steps():
    html = (
        '<li><strong><span class="menu-path" data-fact="p"><span>MY쇼핑</span><span>›</span>'
        "<span>주문배송</span></span></strong>으로 가요</li>"
    )
    assert particle_problems(html) == []
    assert particle_problems(html.replace("으로", "로"))[0].expected == "으로"


def test_the_rendered_check_passes_fitting_particles_and_words():
    html = (
        '<p><span data-fact="a">평일 09:00–18:00</span>에 답해요. <a data-fact="b">1372</a>로 전화해요. '
        '<span data-fact="c">3영업일</span> 안에 <span data-fact="d">상담하기</span>를 눌러요.</p>'
    )
    assert particle_problems(html) == []


def test_a_particle_joined_inside_the_fact_is_read_as_the_text_after_it():
    html = (
        '<p><span class="menu-path" data-fact="p"><span class="menu-path__step">MY쇼핑</span>'
        '<span class="nowrap"><span class="menu-path__step">주문배송</span><span class="josa">에서</span></span></span> 봐요'
        '<span class="menu-path" data-fact="q"><span class="nowrap"><span class="menu-path__step">주문 취소</span>'
        '<span class="josa">을</span></span></span> 눌러요</p>'
    )
    (problem,) = particle_problems(html)
    assert problem.key == "q" and problem.shown == "주문 취소" and problem.expected == "를"


def test_an_opening_tag_separates_the_fact_from_the_text():
    html = '<p><span data-fact="a">주문 취소</span><em>을</em></p>'
    assert particle_problems(html) == []


# ── How an end is read, edge by edge ───────────────────────────────────────────────────────────────


def test_quotes_and_marks_around_a_gloss_are_skipped_on_both_sides_of_it():
    assert ending("자주 묻는 질문(FAQ)’") == Ending(True)  # a mark after the gloss
    assert ending("자주 묻는 질문(FAQ) ") == Ending(True)
    assert ending("‘주문 취소’(Cancel)") == Ending(False)  # a mark before the gloss


def test_glosses_are_skipped_however_long_and_however_many():
    assert ending("가(B)") == Ending(False)  # the gloss opens right after the first character
    assert ending("가(AB)") == Ending(False)
    assert ending("주문 취소 (Cancel) (취소)") == Ending(False)
    assert ending("(주문 취소)") is None  # all in parentheses: read as written, and a ')' has no reading
    assert ending("(…)") is None


def test_the_last_hangul_syllable_is_read_too():
    assert ending("힣") == Ending(True)  # U+D7A3, the last syllable: ㅎ
    assert ending("가") == Ending(False)  # U+AC00, the first


def test_digits_read_aloud_with_their_rieul():
    assert ending("7") == Ending(True, True)  # 칠
    assert ending("1") == Ending(True, True)  # 일
    assert ending("8") == Ending(True, True)  # 팔
    assert ending("3") == Ending(True, False)  # 삼
    assert ending("2") == Ending(False, False)  # 이
    assert ending("0") == Ending(True, False)  # 영


def test_round_numbers_are_read_by_their_last_unit():
    for number in ("10", "100", "1000", "10000", "100000", "20000000"):  # 십 백 천 만 십만 이천만
        assert ending(number) == Ending(True, False), number
    assert fit("를", ending("10000")) == "을"


def test_a_percent_sign_is_read_as_a_vowel():
    assert ending("15%") == Ending(False, False)  # 퍼센트


def test_latin_letters_by_their_names_in_either_case():
    assert ending("FAQ") == Ending(False, False)  # 큐
    assert ending("FORM") == Ending(True, False)  # 엠
    assert ending("html") == Ending(True, True)  # 엘
    assert ending("Kakao PAY") == Ending(False, False)  # 와이
    assert ending("Kakao Pay") == Ending(False, False)


def test_both_forms_are_written_the_way_korean_writes_them():
    assert both("을") == "을(를)"
    assert both("로") == "(으)로"
    assert both("로는") == "(으)로는"
    assert both("으로도") == "(으)로도"
    assert both("이라고") == "(이)라고"
    assert both("와") == "과(와)"


def test_form_after_fits_the_text_or_writes_both():
    assert form_after("주문 취소", "을") == "를"
    assert form_after("상담원 채팅", "로") == "으로"
    assert form_after("서울", "으로") == "로"
    assert form_after("🙂", "로") == "(으)로"
    assert form_after("🙂", "이라고") == "(이)라고"


def test_every_marker_is_fitted_even_after_one_that_is_not():
    text = "[주문 내역] 화면의 [주문 취소]을 누르고 [7일]라도 [상담원 채팅]로 물어요"
    assert _fit(text) == "[주문 내역] 화면의 [주문 취소]를 누르고 [7일]이라도 [상담원 채팅]으로 물어요"
    not_facts = fit_particles(
        "[주문 취소]을 [상담원 채팅]로", lambda m: None if m.group("v") == "주문 취소" else m.group("v"), MARK
    )
    assert not_facts == "[주문 취소]을 [상담원 채팅]으로"


# ── The rendered check, problem by problem ─────────────────────────────────────────────────────────


def test_a_problem_names_the_fact_the_text_shown_and_the_particle():
    html = '<p><span data-fact="route_cancel">주문 취소</span>을 눌러요. <span data-fact="smile">🙂</span>로 가요.</p>'
    assert particle_problems(html) == [
        ParticleProblem("route_cancel", "주문 취소", "을", "를"),
        ParticleProblem("smile", "🙂", "로", None),
    ]


def test_the_check_reads_a_pages_events_as_it_reads_its_html():
    html = '<p><span data-fact="a">주문 취소</span>을 눌러요.</p>'
    assert particle_problems(list(events(article(html)))) == particle_problems(html) != []


def test_a_fact_shown_in_several_pieces_is_named_as_shown():
    html = (
        '<p><span data-fact="p"><span>MY쇼핑</span><span>›</span><span>주문배송</span></span>로 가요. '
        '<span data-fact="q"><span>MY쇼핑</span><span>›</span><span>주문 취소</span><span class="josa">을</span></span> 눌러요</p>'
    )
    assert particle_problems(html) == [
        ParticleProblem("p", "MY쇼핑›주문배송", "로", "으로"),
        ParticleProblem("q", "MY쇼핑›주문 취소", "을", "를"),
    ]


def test_markup_inside_a_joined_particle_is_still_the_particle():
    html = '<p><span data-fact="q">주문 취소<span class="josa"><b>으</b>로</span></span> 가요</p>'
    assert particle_problems(html) == [ParticleProblem("q", "주문 취소", "으로", "로")]
    assert particle_problems(html.replace("<b>으</b>로", "<b>로</b>")) == []


def test_after_a_joined_particle_the_facts_own_text_comes_back():
    html = '<p><span data-fact="p"><span class="josa">은</span>주문 취소</span></p>'
    assert particle_problems(html) == [ParticleProblem("p", "주문 취소", "은", "는")]
    html = '<p><span data-fact="p">주문배송<span class="josa">에서</span></span> <span data-fact="q">주문 취소</span>을</p>'
    assert [(p.key, p.shown, p.expected) for p in particle_problems(html)] == [("q", "주문 취소", "를")]


def test_round_numbers_read_like_their_last_digit_and_other_scripts_digits_are_not_read():
    from guidekit.particles import Ending, ending

    for number in ("10", "100", "1000", "10000", "20", "300"):
        assert ending(number) == Ending(True, False), number  # 십 백 천 만 이십 삼백
    assert ending("²") is None and ending("١") is None  # not read aloud the way this module knows
