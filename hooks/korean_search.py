"""Hook: Korean-aware search in Material's own search box. Swaps in the query-normalising worker
wrapper (overrides/main.html reads `extra.korean_search`) and, after Material has written
search/search_index.json, adds the Korean field (FAQ wordings and synonyms from the data file included)."""

from __future__ import annotations

import json
from pathlib import Path

from guidekit import state
from guidekit.faq import FAQ_PAGE, anchor
from guidekit.search_ko import enrich_index

WORKER = "ko-search.js"


def on_config(config):
    config.extra["korean_search"] = {"worker": WORKER}
    return config


def on_files(files, config):
    faq = files.get_file_from_path(FAQ_PAGE)
    guide = state.get(config).guide
    config.extra["korean_search"]["aliases"] = (
        {f"{faq.url}#{anchor(q['id'])}": q["aliases"] for q in guide.data.get("faq", [])} if faq else {}
    )
    return files


def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    ks = config.extra["korean_search"]
    index = enrich_index(
        json.loads(path.read_text("utf-8")), ks.get("aliases", {}), state.get(config).guide.data.get("synonyms", [])
    )
    # Hangul as UTF-8 rather than \uXXXX escapes: half the bytes for the same index.
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
