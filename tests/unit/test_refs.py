"""The fact-reference syntax: `{{ fact.key }}` and `<!-- guide:block -->`."""

from __future__ import annotations

import pytest

from guidedev.support import ROOT
from guidekit.context import RenderContext
from guidekit.errors import GuideDataError
from guidekit.expand import expand_page
from guidekit.load import load_guide

GUIDE = load_guide(ROOT / "docs/data/guide.yml", ROOT / "docs/data/guide.schema.json")


def ctx():
    return RenderContext(guide=GUIDE, where="docs/page.md", url_for=lambda link, where: "/" + link)


def test_fact_value_replaces_reference():
    out = expand_page("상담원은 {{ fact.agent_hours }}에 답해요.", ctx(), {})
    assert "평일 09:00–18:00" in out and "{{" not in out


def test_spacing_inside_braces_is_free():
    assert expand_page("{{fact.phone_1372}}", ctx(), {}) == expand_page("{{  fact.phone_1372  }}", ctx(), {})


def test_unofficial_fact_gets_dated_badge_once_per_page():
    c = ctx()
    out = expand_page("{{ fact.agent_hours }} / {{ fact.agent_hours }}", c, {})
    assert out.count('class="fact-badge') == 1
    assert "2026-02-06" in out
    assert "/sources.md#fact-agent_hours" in out


def test_official_fact_has_no_badge():
    assert "fact-badge" not in expand_page("{{ fact.withdrawal_days }}", ctx(), {})


def test_path_renders_as_chips_in_order():
    out = expand_page("{{ fact.route_fastest }}", ctx(), {})
    steps = out.split('class="menu-path__step">')[1:]
    assert [s.split("<")[0] for s in steps][-1] == "상담톡"
    assert len(steps) == len(GUIDE.facts["route_fastest"].value)


def test_phone_is_a_tel_link():
    assert 'href="tel:1372"' in expand_page("{{ fact.phone_1372 }}", ctx(), {})


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
    assert "{{ fact.nope }}" in out and "tel:1372" in out


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
    assert "<strong>굵게</strong>" in out and "tel:1372" in out
