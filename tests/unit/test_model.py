"""The typed model and the JSON Schema describe the same data: a key added to one and not the other fails here."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from guide_copy import GUIDE, RAW
from guidedev.support import ROOT
from guidekit.model import (
    LISTS,
    Checklist,
    ChecklistItem,
    Fact,
    FactDates,
    IfFails,
    Meta,
    OrderStatus,
    Review,
    Scenario,
    SeeAlso,
    SeeAlsoPage,
    SourceGuide,
    Style,
    Timing,
    Topic,
    WordingRule,
    data_key,
    date_span,
    guide_from_data,
)

pytestmark = pytest.mark.reads_guide

SCHEMA = json.loads((ROOT / "docs/data/guide.schema.json").read_text(encoding="utf-8"))


def _resolve(schema: dict) -> dict:
    ref = schema.get("$ref")
    return _resolve(SCHEMA["$defs"][ref.split("/")[-1]]) if ref else schema


def _keys(cls) -> set[str]:
    return {data_key(f.name) for f in dataclasses.fields(cls) if f.name not in ("pos", "key")}


def test_every_list_entry_class_has_exactly_the_schema_keys():
    for name, cls in LISTS.items():
        item = _resolve(SCHEMA["properties"][name]["items"])
        assert _keys(cls) == set(item["properties"]), name


def test_checklist_items_facts_and_meta_match_the_schema():
    item = _resolve(SCHEMA["properties"]["checklists"]["items"])["properties"]["items"]["items"]
    assert _keys(ChecklistItem) == set(_resolve(item)["properties"])
    fact = _resolve(SCHEMA["properties"]["facts"]["additionalProperties"])
    fact_keys = set(fact.get("properties", {}))
    for branch in fact.get("allOf", []) + fact.get("oneOf", []) + fact.get("anyOf", []):
        fact_keys |= set(_resolve(branch).get("properties", {}))
    assert _keys(Fact) == fact_keys
    meta = SCHEMA["properties"]["meta"]["properties"]
    assert _keys(Meta) == set(meta) and _keys(SourceGuide) == set(meta["source_guide"]["properties"])
    assert _keys(Review) == set(meta["review"]["properties"])


def test_every_top_level_key_is_read_into_the_model():
    read = {"meta", "facts", "synonyms", "search", "style", *LISTS}
    assert set(SCHEMA["properties"]) == read


def test_typed_values_equal_the_file_values():
    for name in LISTS:
        for entry, raw in zip(GUIDE.entries(name), RAW.get(name) or [], strict=True):
            for key, value in raw.items():
                typed = getattr(entry, key if key != "return" else "return_")
                if key == "items":
                    typed = [{k: getattr(i, k) for k in v} for i, v in zip(typed, value, strict=True)]
                elif isinstance(value, list) and value and isinstance(value[0], dict):  # see, also
                    typed = [vars(item) for item in typed]
                elif isinstance(value, dict):  # an object inside an entry (a scenario's timing, if_fails)
                    typed = {k: list(v) if isinstance(v, tuple) else v for k, v in vars(typed).items() if k in value}
                assert (list(typed) if isinstance(typed, tuple) else typed) == value, (name, entry.id, key)
    assert {k: f.value for k, f in GUIDE.facts.items()} == {k: v["value"] for k, v in RAW["facts"].items()}


def test_date_span():
    assert date_span([]) is None
    assert date_span(["2026-02-06", "2026-02-06"]) == "2026-02-06"
    assert date_span(["2026-11-26", "2026-02-06", "2026-05-01"]) == "2026-02-06 ~ 2026-11-26"


def test_dates_keep_the_blog_posts_day_apart_from_check_dates():
    official = [GUIDE.facts["withdrawal_days"], GUIDE.facts["phone_1372"]]
    assert GUIDE.dates(official).written is None
    both = GUIDE.dates([*official, GUIDE.facts["agent_hours"]])
    assert both.written == GUIDE.meta.source_guide.date
    assert both.checked == date_span(f.checked for f in official)  # the blog post's day is not a check date


# ── Typed values from a small, made-up data file ──────────────────────────────────────────────────


def _fact(**fields):
    return {
        "label": "라벨",
        "source": "https://example.com",
        "confidence": "official",
        "checked": "2026-01-02",
        **fields,
    }


SMALL = {
    "meta": {
        "site_title": "사이트",
        "short_title": "짧게",
        "description": "설명",
        "source_guide": {"label": "원문", "date": "2026-01-01"},
        "review": {"every_days": 90, "stop_deploy_after_days": 200},
    },
    "facts": {
        "route": _fact(kind="path", value=["MY쇼핑", "주문배송"], shown_with=["days"]),
        "days": _fact(kind="number", value=7, unit="일", confidence="guide", note="메모"),
    },
    "style": {"numbers_allowed": ["1372"], "wording": [{"avoid": ["환불 불가"], "use": "환불", "why": "까닭"}]},
    "synonyms": [["환불", "돈 돌려받기"], ["취소"]],
    "topics": [
        {"id": "t1", "title": "주제", "blurb": "요약", "link": "a.md", "also": [{"title": "더", "link": "b.md"}]},
        {"id": "t2", "title": "주제2", "blurb": "요약2", "link": "c.md"},
    ],
    "scenarios": [
        {
            "id": "s1",
            "topic": "t1",
            "title": "제목",
            "answer": "답",
            "link": "a.md",
            "prepare": ["준비"],
            "steps": ["하나", "둘"],
            "timing": {"law": ["법"], "advice": ["조언"]},
            "if_fails": {"text": "다음", "link": "c.md", "label": "가기"},
            "see": [{"text": "보기", "link": "d.md"}],
        }
    ],
    "order_statuses": [
        {
            "id": "o1",
            "status": "상태",
            "cancel": "취소",
            "return": "반품",
            "source": "출처",
            "confidence": "official",
            "checked": "2026-01-03",
        }
    ],
    "checklists": [
        {
            "id": "c1",
            "title": "목록",
            "intro": "소개",
            "blanks": ["order_no"],
            "items": [{"id": "i1", "text": "첫째", "link": "a.md"}, {"id": "i2", "text": "둘째", "link": "b.md"}],
        }
    ],
}
SMALL_MARKS = {(): (1, 1), ("facts",): (7, 1), ("facts", "route"): (8, 3)}


def test_a_small_data_file_becomes_typed_values():
    guide = guide_from_data(SMALL, SMALL_MARKS, "small.yml")
    assert guide.file == "small.yml" and guide.marks is SMALL_MARKS
    assert guide.where("facts", "route", "value") == "small.yml:8:3 (facts.route.value)"
    assert guide.place("facts", "route", "value") == "small.yml:8:3"
    assert guide.meta == Meta("사이트", "짧게", "설명", SourceGuide("원문", "2026-01-01"), Review(90, 200))
    assert guide.facts == {
        "route": Fact(
            "route",
            "path",
            ["MY쇼핑", "주문배송"],
            "라벨",
            "https://example.com",
            "official",
            "2026-01-02",
            shown_with=("days",),
        ),
        "days": Fact("days", "number", 7, "라벨", "https://example.com", "guide", "2026-01-02", unit="일", note="메모"),
    }
    assert type(guide.facts["route"].value) is list  # a value stays as the data has it
    assert guide.style == Style(("1372",), (WordingRule(("환불 불가",), "환불", "까닭"),))
    assert guide.synonyms == (("환불", "돈 돌려받기"), ("취소",))
    assert guide.topics == (
        Topic(0, "t1", "주제", "요약", "a.md", also=(SeeAlsoPage("더", "b.md"),)),
        Topic(1, "t2", "주제2", "요약2", "c.md"),
    )
    assert guide.scenarios == (
        Scenario(
            pos=0,
            id="s1",
            topic="t1",
            title="제목",
            answer="답",
            link="a.md",
            prepare=("준비",),
            steps=("하나", "둘"),
            timing=Timing(law=("법",), advice=("조언",)),
            if_fails=IfFails("다음", "c.md", "가기"),
            see=(SeeAlso("보기", "d.md"),),
        ),
    )
    assert guide.order_statuses == (OrderStatus(0, "o1", "상태", "취소", "반품", "출처", "official", "2026-01-03"),)
    assert guide.checklists == (
        Checklist(
            0,
            "c1",
            "목록",
            "소개",
            ("order_no",),
            (ChecklistItem(0, "i1", "첫째", "a.md"), ChecklistItem(1, "i2", "둘째", "b.md")),
        ),
    )
    assert guide.faq == guide.escalation == guide.details == guide.message_templates == ()
    assert guide.find("topics", "t2").pos == 1 and guide.find("topics", "nope") is None


def test_facts_as_plain_text_by_kind():
    base = {"label": "l", "source": "s", "confidence": "official", "checked": "2026-01-01"}
    assert Fact("k", "path", ["MY쇼핑", "주문배송"], **base).as_text() == "MY쇼핑 › 주문배송"
    assert Fact("k", "keywords", ["환불", "취소"], **base).as_text() == "'환불', '취소'"
    assert Fact("k", "list", ["카드", "계좌"], **base).as_text() == "카드, 계좌"
    assert Fact("k", "number", 7, unit="일", **base).as_text() == "7일"
    assert Fact("k", "text", "평일", **base).as_text() == "평일"
    assert Fact("k", "phone", 1372, **base).as_text() == "1372"


def test_dates_of_some_facts_or_else_of_the_whole_guide():
    data = copy.deepcopy(SMALL)
    data["facts"]["days"]["checked"] = "2026-03-04"
    guide = guide_from_data(data, {}, "small.yml")
    route, days = guide.facts["route"], guide.facts["days"]  # checked by us; from the source guide
    assert guide.dates([route]) == FactDates(checked="2026-01-02", written=None)
    assert guide.dates([days]) == FactDates(checked=None, written="2026-01-01")
    assert guide.dates([]) == guide.dates([route, days]) == FactDates("2026-01-02", "2026-01-01")
