"""What one build shares between the hook files: the validated guide, the link book and the anchors
seen so far. It is created anew in `on_config` of every build, so `mkdocs serve` never keeps stale data."""

from __future__ import annotations

from dataclasses import dataclass, field

from .data import Guide
from .links import LinkBook

KEY = "_guidekit"


@dataclass
class BuildState:
    guide: Guide
    links: LinkBook = field(default_factory=lambda: LinkBook({}))
    anchors: dict[str, set[str]] = field(default_factory=dict)
    used_facts: set[str] = field(default_factory=set)


def get(config) -> BuildState:
    return config.extra[KEY]
