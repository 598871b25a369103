"""The real guide for generator tests, edited copies of it, and a render context over it."""

from __future__ import annotations

import copy
import dataclasses
import json

from guidedev.support import ROOT
from guidekit.context import RenderContext
from guidekit.load import guide_from_checked
from guidekit.model import Guide, guide_from_data
from guidekit.yaml_positions import parse_yaml

FILE = "docs/data/guide.yml"
SCHEMA = json.loads((ROOT / "docs/data/guide.schema.json").read_text(encoding="utf-8"))
RAW, MARKS = parse_yaml((ROOT / FILE).read_text(encoding="utf-8"), FILE)
GUIDE = guide_from_checked(RAW, MARKS, FILE, SCHEMA)


def edited(change, *, checked: bool = True) -> Guide:
    """The guide after `change(data)` edits a deep copy of the data file's contents. `checked=False` skips
    the schema, to feed the renderers text the schema would refuse (their escaping is a second wall)."""
    data = copy.deepcopy(RAW)
    change(data)
    return guide_from_checked(data, MARKS, FILE, SCHEMA) if checked else guide_from_data(data, MARKS, FILE)


def with_fact(guide: Guide, key: str, **changes) -> Guide:
    """The guide with one fact's fields replaced (no schema check: for values only a broken file would have)."""
    return dataclasses.replace(guide, facts={**guide.facts, key: dataclasses.replace(guide.facts[key], **changes)})


def context(guide=None, where="docs/page.md"):
    return RenderContext(guide=guide or GUIDE, where=where, url_for=lambda link, origin: "/" + link)
