"""The built site's own search worker run in node, no browser (tests/js/search-run.mjs): every query of a
list in one process, in about a second. For tests/test_search_landing.py and `make bench-search` with
--no-browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from guidedev.searchprobe import Query
from guidedev.support import CHECKOUT

SEARCH_RUN = CHECKOUT / "tests" / "js" / "search-run.mjs"


def run_searches(site: Path, queries: Sequence[Query]) -> list[dict]:
    """search-run.mjs's answer for each query, in order: {q, enter, top, ms, fallbackShown}."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("no `node` on PATH: the search run needs Node.js (the same one `make test-js` uses)")
    payload = json.dumps([{"q": q.q, "lands": list(q.lands), "fallback": q.fallback} for q in queries])
    done = subprocess.run(
        [node, str(SEARCH_RUN), str(site)], input=payload, capture_output=True, text=True, encoding="utf-8"
    )
    if done.returncode != 0:
        raise RuntimeError(f"{SEARCH_RUN.name} failed on {site}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def shown_entries(result: dict) -> list[dict]:
    """A run's first entries as Query.answered_by reads the browser's: each with the whole text it shows."""
    return [{"href": e["location"], "text": e["shown"]} for e in result["top"]]
