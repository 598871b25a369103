"""The typed model and the JSON Schema describe the same data: a key added to one and not the other fails here."""

from __future__ import annotations

import dataclasses
import json

from guide_copy import GUIDE, RAW
from guidedev.support import ROOT
from guidekit.model import LISTS, ChecklistItem, Fact, Meta, SourceGuide, data_key, date_span

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


def test_every_top_level_key_is_read_into_the_model():
    read = {"meta", "facts", "synonyms", "style", *LISTS}
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
