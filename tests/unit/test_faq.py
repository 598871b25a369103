"""The FAQ page generated from `faq` in the data file (hooks/guidekit/faq.py)."""

from __future__ import annotations

import copy
import re

import pytest

from guidekit.data import check_references, load_guide
from guidekit.errors import GuideDataError
from guidekit.faq import anchor, faq_answer_block, faq_groups, faq_page_markdown
from guidekit.refs import RenderContext
from support import ROOT

GUIDE = load_guide(ROOT / "docs/data/guide.yml", ROOT / "docs/data/guide.schema.json")


def ctx(guide=GUIDE):
    return RenderContext(guide=guide, where="docs/faq.md", url_for=lambda link, where: "/" + link)


def test_anchor_is_a_valid_site_anchor():
    assert anchor("double_charge") == "faq-double-charge"


def test_every_question_gets_its_own_heading_with_its_anchor_grouped_by_topic():
    md = faq_page_markdown(GUIDE)
    for q in GUIDE["faq"]:
        assert f"### {q['question']} {{#{anchor(q['id'])}}}" in md
        assert f"<!-- guide:faq-answer {q['id']} -->" in md
    topics = [t["title"] for t in GUIDE["topics"] if any(q["topic"] == t["id"] for q in GUIDE["faq"])]
    assert re.findall(r"^## (.+?) \{#", md, re.M) == topics


def test_groups_follow_topic_order_and_skip_empty_topics():
    guide = copy.copy(GUIDE)
    guide.data = {**GUIDE.data, "faq": [q for q in GUIDE["faq"] if q["topic"] == "dispute"]}
    assert [g["id"] for g in faq_groups(guide)] == ["dispute"]


def test_answer_expands_facts_links_and_escapes_aliases():
    guide = copy.copy(GUIDE)
    item = {**GUIDE["faq"][0], "aliases": ["<b>두 번</b>"]}
    guide.data = {**GUIDE.data, "faq": [item]}
    html = str(faq_answer_block(ctx(guide), item["id"]))
    assert "{{" not in html and "menu-path" in html  # route_fastest rendered as a menu path
    assert f'href="/{item["link"]}"' in html
    assert "&lt;b&gt;두 번&lt;/b&gt;" in html and "<b>" not in html
    assert 'class="faq-aliases" data-search-exclude' in html


def test_unknown_question_id_names_the_page_and_the_choices():
    with pytest.raises(GuideDataError) as err:
        faq_answer_block(ctx(), "nope")
    assert "docs/faq.md" in str(err.value) and "double_charge" in str(err.value)


def test_unknown_topic_names_file_line_and_key_path():
    guide = copy.copy(GUIDE)
    guide.data = copy.deepcopy(GUIDE.data)
    guide.data["faq"][2]["topic"] = "nowhere"
    with pytest.raises(GuideDataError) as err:
        check_references(guide)
    message = str(err.value)
    assert "faq[2].topic" in message and "nowhere" in message
    assert f"guide.yml:{GUIDE.line_of('faq', 2, 'topic')}" in message


def test_faq_is_in_the_nav_after_the_topic_pages():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "자주 묻는 질문: faq.md" in text
