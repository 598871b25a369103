"""A fresh, editable copy of the real guide for generator tests, and a render context over it."""

from __future__ import annotations

import copy

from guidekit.data import load_guide
from guidekit.refs import RenderContext
from support import ROOT

GUIDE = load_guide(ROOT / "docs/data/guide.yml", ROOT / "docs/data/guide.schema.json")


def fresh_guide():
    return copy.deepcopy(GUIDE)


def context(guide=None, where="docs/page.md"):
    return RenderContext(guide=guide or fresh_guide(), where=where, url_for=lambda link, origin: "/" + link)
