"""What Korean search needs in Material's search index, and nothing it can compute in the browser.

The analysis itself (bigrams, stems of conjugated words, synonyms, first consonants, one-jamo typos) runs in
the search worker (`overrides/assets/javascripts/workers/ko-analysis.js`, inlined into ko-search.js) when
search opens, over the index as shipped. Doing it there, not here, keeps one implementation of the word rules
(queries and sections must be cut alike) and keeps the download small: the index is Material's own plus, per
FAQ entry, its other wordings (`ka`), and in its config the synonym groups and the entries shown when nothing
matches (`ko`).

Here: the fields the worker fills are declared with their boosts, the separator is widened, pages that
only collect others are kept out or ranked down, and the no-result entries are attached."""

from __future__ import annotations

from .shared_constants import SEARCH_ALIASES as ALIASES
from .shared_constants import SEARCH_CONFIG as CONFIG
from .shared_constants import SEARCH_FIELD as FIELD
from .shared_constants import SEARCH_TITLE_FIELD as TITLE_FIELD

# Lunr field boosts, chosen by measurement (make bench-search and the dev queries): with Material's
# title boost of 1000, any heading that merely starts with the first bigram ("반품을 거부…" for
# "반품신청") beat the heading that says all of it ("반품 신청은…"). Headings now count through their
# bigrams (`kt`, with the FAQ's other wordings), Material's own title field stays for highlighting.
BOOSTS = {"title": 10.0, "text": 1.0, TITLE_FIELD: 100.0, FIELD: 5.0}
# Splits what Material's default (whitespace and '-') leaves glued to Korean words: quotes, brackets,
# the menu-path arrow, dots and dashes. Without it `'상담원` would never match a query for `상담원`.
SEPARATOR = r"[\s\-–—·,.;:!?'\"“”‘’()\[\]<>/…›→~]+"


def enrich_index(
    index: dict,
    aliases: dict[str, list[str]],
    synonyms: list[list[str]],
    *,
    fallback: list[dict] | None = None,
    boosts: dict[str, float] | None = None,
    left_out: tuple[str, ...] = (),
    intents: dict | None = None,
) -> dict:
    """Material's search_index.json (parsed) -> the same, ready for ko-search.js.

    `aliases` maps a document location ('faq/#faq-double-charge') to other wordings that should find it;
    `fallback` are the entries ({location, title, text}) offered when nothing matches; `boosts` maps a page
    location ('checklists/') to a boost for all its sections; pages in `left_out` are dropped (a page that
    only repeats others would otherwise answer first with a copy)."""
    config = index["config"]
    config["separator"] = SEPARATOR
    config["fields"] = {**config.get("fields", {}), **{name: {"boost": boost} for name, boost in BOOSTS.items()}}
    config[CONFIG] = {
        "synonyms": [list(group) for group in synonyms],
        "fallback": list(fallback or []),
        **(intents or {}),
    }
    docs = []
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        if page in left_out:
            continue
        if doc["location"] in aliases:
            doc[ALIASES] = list(aliases[doc["location"]])
        if boosts and page in boosts:
            doc["boost"] = boosts[page]
        docs.append(doc)
    index["docs"] = docs
    return index
