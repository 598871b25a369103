"""상담톡 문구: data in, page Markdown and HTML out."""

from __future__ import annotations

import re

import pytest

from guide_copy import GUIDE, context, edited
from guidekit.checks import check_references
from guidekit.errors import GuideDataError
from guidekit.message_templates import mark_blanks, message_template_block
from guidekit.pages import generated_pages
from guidekit.urls import MESSAGES_PAGE, message_anchor

pytestmark = pytest.mark.reads_guide

TEMPLATES = GUIDE.message_templates


def messages_page(guide):
    return generated_pages(guide)[MESSAGES_PAGE]


def test_double_charge_template_has_order_and_approval_blanks():
    t = next(t for t in TEMPLATES if t.scenario == "double_charge")
    html = str(message_template_block(context(), t.id))
    assert '<mark class="msg-blank" data-detail="주문 번호">[주문 번호]</mark>' in html
    assert "[승인 번호 1]" in html and "[승인 번호 2]" in html


def test_page_has_a_section_per_template():
    md = messages_page(GUIDE)
    for t in TEMPLATES:
        assert f"{{#{message_anchor(t.id)}}}" in md and f"<!-- guide:message-template {t.id} -->" in md


def test_copy_button_targets_the_text_and_starts_hidden():
    html = str(message_template_block(context(), TEMPLATES[0].id))
    body_id = re.search(r'<pre class="msg-template__body" id="([^"]+)"', html).group(1)
    assert f'data-copy-target="{body_id}"' in html
    assert re.search(r'<p class="msg-template__tools" hidden data-search-exclude>', html)


def test_fact_in_message_is_plain_text_and_listed():
    c = context()
    html = str(message_template_block(c, "points_restore"))
    body = re.search(r"<pre[^>]*>(.*?)</pre>", html, re.S).group(1)
    fact = GUIDE.facts["points_wait_minutes"]
    # Plain text in a span the page checks can see (copying takes the text only).
    assert f'<span data-fact="points_wait_minutes">{fact.value}{fact.unit}</span>' in body
    assert "points_wait_minutes" in c.used and "points_wait_minutes" in c.section


def test_line_breaks_survive_and_scenario_is_linked():
    t = TEMPLATES[0]
    html = str(message_template_block(context(), t.id))
    assert "\n" in re.search(r"<pre[^>]*>(.*?)</pre>", html, re.S).group(1)
    scenario = GUIDE.find("scenarios", t.scenario)
    assert f'href="/{scenario.link}"' in html


def test_message_text_is_escaped():
    guide = edited(
        lambda data: data["message_templates"][0].update(
            body="<script>alert(1)</script> [<b>칸</b>]", title="<img src=x>"
        ),
        checked=False,
    )
    html = str(message_template_block(context(guide), guide.message_templates[0].id))
    assert "<script>" not in html and "<b>" not in html
    assert '<mark class="msg-blank">[&lt;b&gt;칸&lt;/b&gt;]</mark>' in html
    assert "<img" not in messages_page(guide)


def test_mark_blanks_leaves_unbalanced_brackets_alone():
    assert str(mark_blanks("a [b] c [d")) == 'a <mark class="msg-blank">[b]</mark> c [d'


def test_unknown_scenario_is_reported_with_line():
    guide = edited(lambda data: data["message_templates"][1].update(scenario="nope"), checked=False)
    with pytest.raises(GuideDataError) as err:
        check_references(guide)
    assert err.value.key_path == "message_templates[1].scenario" and err.value.line


def test_unknown_template_block_names_known_ones():
    with pytest.raises(GuideDataError, match="double_charge_cancel"):
        message_template_block(context(), "nope")


def test_a_particle_after_a_detail_blank_shows_both_forms_for_the_page_to_fit():
    from guidekit.message_templates import mark_blanks

    html = str(mark_blanks("[상품 이름]을 보내고 [메모]를 [받은 날]로", {"상품 이름", "받은 날"}, {"받은 날"}))
    assert '[상품 이름]</mark><span class="msg-josa" data-particle="을">을(를)</span> 보내고' in html
    assert '<mark class="msg-blank">[메모]</mark>를' in html  # written by hand: left as written
    assert '<span class="msg-josa" data-particle="로">(으)로</span>' in html
    assert "[상품 이름]을을" not in html
