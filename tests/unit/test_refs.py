"""The fact-reference syntax: `{{ fact.key }}` and `<!-- guide:block -->`."""

from __future__ import annotations

import pytest

from guide_copy import with_fact
from guidedev.support import ROOT
from guidekit.context import RenderContext
from guidekit.errors import GuideDataError
from guidekit.expand import expand_page
from guidekit.load import load_guide
from guidekit.render import shown
from guidekit.syntax import body_line

pytestmark = pytest.mark.reads_guide

GUIDE = load_guide(ROOT / "docs/data/guide.yml", ROOT / "docs/data/guide.schema.json")
PHONE = GUIDE.facts["phone_1372"].value


def ctx(guide=GUIDE):
    return RenderContext(guide=guide, where="docs/page.md", url_for=lambda link, where: "/" + link)


def test_fact_value_replaces_reference():
    out = expand_page("상담원은 {{ fact.agent_hours }}에 답해요.", ctx(), {})
    assert shown(GUIDE.facts["agent_hours"].value) in out and "{{" not in out


def test_spacing_inside_braces_is_free():
    assert expand_page("{{fact.phone_1372}}", ctx(), {}) == expand_page("{{  fact.phone_1372  }}", ctx(), {})


def test_unofficial_facts_get_one_note_per_section_outside_the_sentences():
    page = (
        "# 제목\n\n원본 글에 따르면 {{ fact.agent_hours }}에 답하고 {{ fact.agent_closed }}예요.\n\n"
        "{{ fact.agent_hours }} 다시.\n\n## 법\n\n{{ fact.withdrawal_days }} 안에 해요.\n\n## 길\n\n{{ fact.route_fastest }}\n"
    )
    out = expand_page(page, ctx(), {})
    sections = out.split("\n## ")
    assert [s.count('class="source-note"') for s in sections] == [1, 0, 1]
    first = sections[0]
    assert first.index("다시.") < first.index("source-note")  # after the section's last block
    assert GUIDE.meta.source_guide.date + "에</span> 쓰인" in first and "fact-badge" not in out


def test_the_note_names_conflicting_facts_with_their_reason():
    out = expand_page("{{ fact.hours_1372 }}", ctx(), {})
    assert "확인 필요" in out and "출처마다 달라요" in out


def test_facts_that_must_be_shown_together():
    with pytest.raises(GuideDataError) as err:
        expand_page("# a\n\n받은 날부터 {{ fact.mismatch_months }} 안에 해요.\n\n# b\n", ctx(), {})
    assert err.value.line == 1 and "mismatch_known_days" in str(err.value)
    both = "받은 날부터 {{ fact.mismatch_months }}, 안 날부터 {{ fact.mismatch_known_days }} 중 먼저 끝나는 날까지"
    assert "source-note" not in expand_page(both, ctx(), {})


def test_the_particle_after_a_fact_is_chosen_for_its_value():
    # Values of our own, whatever the data file says today: each ends the way its particle needs.
    guide = with_fact(GUIDE, "route_cancel", value=("주문 상세", "주문 취소"))
    guide = with_fact(guide, "button_seller_inquiry", value="판매자에게 문의하기")
    guide = with_fact(guide, "agent_keywords", value=("상담원 연결", "상담원 채팅"))
    for written in ("{{ fact.route_cancel }}을 눌러요", "{{ fact.route_cancel }}를 눌러요"):
        out = expand_page(written, ctx(guide), {})
        # joined to the last button of the row, so it never starts a line on its own
        assert '<span class="nowrap"><span class="menu-path__step">주문 취소</span><span class="josa">를</span>' in out
        assert out.count("를") == 1 and "눌러요" in out
    assert "</strong>로 물어요" in expand_page("{{ fact.button_seller_inquiry }}으로 물어요", ctx(guide), {})
    keys = expand_page("{{ fact.agent_keywords }}라고 입력해요", ctx(guide), {})
    assert '<kbd class="keyword">상담원 채팅</kbd><span class="josa">이라고</span></span>' in keys
    fenced = "```\n{{ fact.route_cancel }}을\n```\n"
    assert expand_page(fenced, ctx(), {}) == fenced  # code shows the syntax as written


def test_path_renders_as_chips_in_order():
    out = expand_page("{{ fact.route_fastest }}", ctx(), {})
    steps = out.split('class="menu-path__step">')[1:]
    assert [s.split("<")[0] for s in steps][-1] == GUIDE.facts["route_fastest"].value[-1]
    assert len(steps) == len(GUIDE.facts["route_fastest"].value)


def test_phone_is_a_tel_link():
    assert f'href="tel:{PHONE}"' in expand_page("{{ fact.phone_1372 }}", ctx(), {})


def test_unknown_key_names_page_line_and_key():
    with pytest.raises(GuideDataError) as err:
        expand_page("첫 줄\n둘째 줄 {{ fact.agent_hour }}", ctx(), {})
    e = err.value
    assert (e.file, e.line, e.key_path) == ("docs/page.md", 2, "facts.agent_hour")
    assert "agent_hours" in str(e)  # suggestion


def test_malformed_reference_is_an_error_not_text():
    with pytest.raises(GuideDataError, match="자리표시자"):
        expand_page("{{ fatc.agent_hours }}", ctx(), {})


def test_references_in_code_fences_stay_as_written():
    md = "```\n{{ fact.nope }}\n```\n{{ fact.phone_1372 }}"
    out = expand_page(md, ctx(), {})
    assert "{{ fact.nope }}" in out and f"tel:{PHONE}" in out


def test_blocks_are_called_with_argument_and_unknown_block_fails():
    seen = []
    out = expand_page("a\n<!-- guide:demo x1 -->\nb", ctx(), {"demo": lambda c, arg: seen.append(arg) or "<p>B</p>"})
    assert seen == ["x1"] and "\n<p>B</p>\n" in out
    with pytest.raises(GuideDataError) as err:
        expand_page("a\n\n<!-- guide:nope -->", ctx(), {"demo": None})
    assert err.value.line == 3


def test_data_text_is_escaped_but_bold_allowed():
    out = ctx().inline("<script>x</script> **굵게** {{ fact.phone_1372 }}", "data")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<strong>굵게</strong>" in out and f"tel:{PHONE}" in out


@pytest.mark.parametrize(
    "page",
    ["첫 줄\n둘째 줄 {{ fact.agent_hour }}", "# 제목\n\n둘째 줄 {{ fatc.agent_hours }}", "a\n<!-- guide:nope -->"],
)
def test_page_messages_count_the_front_matter_the_engine_took_off(page):
    """A page file with front matter: the engine hands over the text below it, the editor counts from the
    top of the file. Every message about the page is moved down by the same lines, its column kept."""
    source = "---\ndescription: 설명\n---\n\n" + page
    with pytest.raises(GuideDataError) as bare:
        expand_page(page, ctx(), {"demo": None})
    with pytest.raises(GuideDataError) as err:
        expand_page(page, ctx(), {"demo": None}, first_line=body_line(source, page))
    marked = next(line for line in page.split("\n") if "{{" in line or "<!--" in line)
    wanted = source.split("\n").index(marked) + 1
    assert (err.value.file, err.value.line) == ("docs/page.md", wanted)
    assert err.value.line == bare.value.line + 4 and err.value.column == bare.value.column
    line_text = source.split("\n")[wanted - 1]
    assert line_text[err.value.column - 1 :].startswith(("{{", "<!--"))
