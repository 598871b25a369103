"""What the build adds to Material's search index for Korean search (hooks/guidekit/search_ko.py). The word
analysis itself runs in the browser (ko-analysis.js in the worker): node tests it (tests/js/ko-analysis.test.mjs),
and Chromium with the real index (tests/browser/test_search.py)."""

from __future__ import annotations

import re

import pytest

from guidekit.search_ko import ALIASES, BOOSTS, CONFIG, FIELD, SEPARATOR, TITLE_FIELD, enrich_index


def index() -> dict:
    return {
        "config": {
            "lang": ["en"],
            "separator": "[\\s\\-]+",
            "pipeline": [],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
        },
        "docs": [
            {"location": "faq/", "title": "자주 묻는 질문", "text": ""},
            {"location": "faq/#faq-double-charge", "title": "돈이 두 번 결제됐어요", "text": "<p>승인 번호</p>"},
            {"location": "checklists/", "title": "체크리스트", "text": "<p>모음</p>"},
            {"location": "checklists/print-all/", "title": "모두 인쇄", "text": "<p>모음</p>"},
            {"location": "checklists/print-all/#a", "title": "결제 오류", "text": "<p>모음</p>"},
        ],
    }


def test_fields_are_declared_for_the_worker_to_fill_and_the_separator_widened():
    out = enrich_index(index(), {}, [])
    fields = out["config"]["fields"]
    assert out["config"]["separator"] == SEPARATOR
    assert {FIELD, TITLE_FIELD} <= fields.keys() and fields[TITLE_FIELD]["boost"] == BOOSTS[TITLE_FIELD]
    assert fields["title"]["boost"] < fields[TITLE_FIELD]["boost"]
    # Nothing is analysed here: the shipped documents carry no bigram fields.
    assert not any(FIELD in d or TITLE_FIELD in d for d in out["docs"])


def test_other_wordings_synonyms_and_ways_on_ship_once():
    fallback = [{"location": "", "title": "t", "text": "<p>x</p>"}]
    out = enrich_index(
        index(), {"faq/#faq-double-charge": ["돈이 두 번 나갔어요"]}, [["중복 결제", "이중결제"]], fallback=fallback
    )
    assert out["config"][CONFIG] == {"synonyms": [["중복 결제", "이중결제"]], "fallback": fallback}
    with_aliases = [d for d in out["docs"] if ALIASES in d]
    assert [(d["location"], d[ALIASES]) for d in with_aliases] == [("faq/#faq-double-charge", ["돈이 두 번 나갔어요"])]
    assert out["docs"][1]["text"] == "<p>승인 번호</p>"  # snippets untouched


def test_collecting_pages_are_ranked_down_or_left_out():
    out = enrich_index(index(), {}, [], boosts={"checklists/": 0.3}, left_out=("checklists/print-all/",))
    by_location = {d["location"]: d for d in out["docs"]}
    assert not any(loc.startswith("checklists/print-all/") for loc in by_location)
    assert by_location["checklists/"]["boost"] == 0.3
    assert "boost" not in by_location["faq/"]


def test_separator_splits_quotes_brackets_and_menu_arrows():
    parts = [p for p in re.split(SEPARATOR, "'상담원 연결' 질문(FAQ) 카카오톡›더보기 09:00–18:00") if p]
    assert parts == ["상담원", "연결", "질문", "FAQ", "카카오톡", "더보기", "09", "00", "18", "00"]


@pytest.mark.reads_guide
def test_intents_name_the_scenarios_the_faq_lends_to_and_the_values_each_question_asks_for():
    """What ranks the first answer (ko-rank.js), made from the data: a FAQ entry naming its scenario lends
    its wordings to that scenario's section, each question row carries its facts' values as shown."""
    from guidedev.support import load_project_guide
    from guidekit.build import GuideBuild
    from guidekit.urls import LinkBook, faq_anchor

    guide = load_project_guide()
    build = GuideBuild(guide)
    pages = {s.link.partition("#")[0] for s in guide.scenarios} | {"faq.md", "messages.md", "my-case.md", "index.md"}
    build.links = LinkBook({page: "./" if page == "index.md" else page.replace(".md", "/") for page in pages})
    intents = build.search_intents()
    twins = [q for q in guide.faq if q.scenario]
    assert twins, "the data names no scenario for any FAQ entry"
    for q in twins:
        scenario = guide.find("scenarios", q.scenario)
        page, _, anchor = scenario.link.partition("#")
        assert f"faq/#{faq_anchor(q.id)}" in intents["lend"][f"{page.replace('.md', '/')}#{anchor}"]
    lent = {loc for locs in intents["lend"].values() for loc in locs}
    assert len(lent) == len(twins)
    assert all(loc.startswith("faq/#") for loc in lent)
    assert len(intents["scenarios"]) == len({s.link for s in guide.scenarios})
    assert intents["collectors"] == ["messages/", "my-case/"]
    for row, question in zip(intents["questions"], guide.search_questions, strict=True):
        assert row["asks"] == list(question.asks)
        assert row["values"] == [guide.facts[key].as_text() for key in question.facts]


def test_intents_travel_in_the_index_config_beside_the_synonyms():
    intents = {"scenarios": ["a/#b"], "lend": {"a/#b": ["faq/#faq-b"]}, "questions": [{"asks": ["어디"], "values": []}]}
    out = enrich_index(index(), {}, [], intents=intents)
    assert out["config"][CONFIG] == {"synonyms": [], "fallback": [], **intents}
