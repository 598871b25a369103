"""Particles after inserted text: how a value's end is read, the form chosen before rendering, and the
check that reads a rendered page."""

import re

import pytest

from guidekit.particles import Ending, ending, fit, fit_particles, particle_problems

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
