"""The FAQ page generated from `faq` in the data file (templates/pages/faq.md, hooks/guidekit/faq.py)."""

from __future__ import annotations

import re

import pytest

from guide_copy import GUIDE, context, edited
from guidedev.support import ROOT
from guidekit.checks import check_references
from guidekit.errors import GuideDataError
from guidekit.faq import faq_answer_block, faq_groups
from guidekit.model import guide_from_data
from guidekit.pages import generated_pages
from guidekit.urls import FAQ_PAGE, faq_anchor

pytestmark = pytest.mark.reads_guide


def ctx(guide=GUIDE):
    return context(guide, where="docs/faq.md")


def test_anchor_is_a_valid_site_anchor():
    assert faq_anchor("double_charge") == "faq-double-charge"


def test_every_question_gets_its_own_heading_with_its_anchor_grouped_by_topic():
    md = generated_pages(GUIDE)[FAQ_PAGE]
    for q in GUIDE.faq:
        assert f"### {q.question} {{#{faq_anchor(q.id)}}}" in md
        assert f"<!-- guide:faq-answer {q.id} -->" in md
    topics = [t.title for t in GUIDE.topics if any(q.topic == t.id for q in GUIDE.faq)]
    assert re.findall(r"^## (.+?) \{#", md, re.M) == topics


def test_groups_follow_topic_order_and_skip_empty_topics():
    guide = edited(lambda data: data.update(faq=[q for q in data["faq"] if q["topic"] == "dispute"]))
    assert [topic.id for topic, _ in faq_groups(guide)] == ["dispute"]


def test_answer_expands_facts_links_and_escapes_aliases():
    guide = edited(lambda data: data.update(faq=[{**data["faq"][0], "aliases": ["<b>두 번</b>"]}]), checked=False)
    item = guide.faq[0]
    html = str(faq_answer_block(ctx(guide), item.id))
    assert "{{" not in html and "menu-path" in html  # route_fastest rendered as a menu path
    assert f'href="/{item.link}"' in html
    assert "&lt;b&gt;두 번&lt;/b&gt;" in html and "<b>" not in html
    assert 'class="faq-aliases" data-search-exclude' in html


def test_unknown_question_id_names_the_page_and_the_choices():
    with pytest.raises(GuideDataError) as err:
        faq_answer_block(ctx(), "nope")
    assert "docs/faq.md" in str(err.value) and "double_charge" in str(err.value)


def test_unknown_topic_names_file_line_and_key_path():
    guide = edited(lambda data: data["faq"][2].update(topic="nowhere"), checked=False)
    with pytest.raises(GuideDataError) as err:
        check_references(guide)
    message = str(err.value)
    assert "faq[2].topic" in message and "nowhere" in message
    assert f"guide.yml:{GUIDE.line_of('faq', 2, 'topic')}" in message


def test_faq_is_in_the_nav_after_the_topic_pages():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "자주 묻는 질문: faq.md" in text


def test_typed_entries_keep_their_position_for_messages():
    assert [q.pos for q in GUIDE.faq] == list(range(len(GUIDE.faq)))
    assert guide_from_data.__module__ == "guidekit.model"
