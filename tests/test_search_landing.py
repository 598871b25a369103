"""Where Enter lands (issue 27): for every query of the four query sets, the first result of the built site's
own search, run in node with no browser (tests/js/search-run.mjs, once per session), is a place the query
names in `lands`; a query about nothing on the site shows the entries offered when nothing matches.
tests/browser/test_search.py types the same queries into the real search box and presses Enter."""

from __future__ import annotations

import json

import pytest

from guidedev.nodesearch import run_searches
from guidedev.searchprobe import QUERY_SETS, load_queries
from guidedev.support import load_project_guide

pytestmark = pytest.mark.reads_guide

GUIDE = load_project_guide()
SETS = {name: load_queries(path, GUIDE) for name, path in QUERY_SETS.items()}
ALL = [(name, query) for name, queries in SETS.items() for query in queries]


@pytest.fixture(scope="session")
def index_locations(built_site) -> set[str]:
    """Every location the built site's search can open: its sections, and the entries offered when nothing
    matches."""
    index = json.loads((built_site[0] / "search" / "search_index.json").read_text("utf-8"))
    return {d["location"] for d in index["docs"]} | {f["location"] for f in index["config"]["ko"]["fallback"]}


class Runs(list):
    """search-run.mjs's answers; named, not printed whole, in a failure's report."""

    def __repr__(self) -> str:
        return f"<{len(self)} search runs>"


@pytest.fixture(scope="session")
def landings(built_site) -> Runs:
    """search-run.mjs's answer for each query of ALL, in the same order."""
    return Runs(run_searches(built_site[0], [query for _, query in ALL]))


def test_every_query_names_where_enter_lands_and_the_search_index_has_it(index_locations):
    for name, queries in SETS.items():
        for query in queries:
            assert query.lands, f"{QUERY_SETS[name].name}: '{query.q}' has no `lands`"
            missing = [loc for loc in query.lands if loc not in index_locations]
            assert not missing, f"{QUERY_SETS[name].name}: '{query.q}' lands on {missing}, not in the search index"


@pytest.mark.parametrize("n", range(len(ALL)), ids=[f"{name}:{query.q}" for name, query in ALL])
def test_enter_lands_on_the_section_the_query_names(landings, n):
    (name, query), result = ALL[n], landings[n]
    assert result["q"] == query.q
    top = "\n".join(
        f"  {i + 1}. {e['location'] or '(home)'}  {e['title']}: {e['text'][:60]}" for i, e in enumerate(result["top"])
    )
    expected = " or ".join(repr(loc) for loc in query.lands)
    assert result["enter"] in query.lands, (
        f"{name}: '{query.q}' lands on {result['enter']!r}, expected {expected}; first entries:\n{top or '  (none)'}"
    )
    if query.fallback:
        assert result["fallbackShown"], f"'{query.q}' matched nothing, but the list of problems is not shown"
