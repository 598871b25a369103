"""Korean analysis for Material's search index: every section gets an extra indexed field `ko` holding
the distinct two-syllable pieces (bigrams) of its Hangul words, plus those of the FAQ's other wordings
and of the data file's synonyms, and a field `kt` with the same for its heading alone. Material indexes every field
named in the index
config, so `중복결제` (query) meets `중복 결제` (text), `배송비` meets `반품배송비`, and `이중결제` meets a
section that only says `중복 결제`. Titles and snippets stay Material's own, untouched.

Cutting per word also keeps the field small.
The query side lives in `overrides/assets/javascripts/workers/ko-search.js`: it cuts the typed Hangul
into the same bigrams (after dropping a trailing particle or ending) before Material's worker runs it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

FIELD = "ko"
TITLE_FIELD = "kt"
# Lunr field boosts, chosen by measurement (make bench-search and the dev queries): with Material's
# title boost of 1000, any heading that merely starts with the first bigram ("반품을 거부…" for
# "반품신청") beat the heading that says all of it ("반품 신청은…"). Headings now count through their
# bigrams (`kt`, with the FAQ's other wordings), Material's own title field stays for highlighting.
BOOSTS = {"title": 10.0, "text": 1.0, TITLE_FIELD: 100.0, FIELD: 5.0}
# Splits what Material's default (whitespace and '-') leaves glued to Korean words: quotes, brackets,
# the menu-path arrow, dots and dashes. Without it `'상담원` would never match a query for `상담원`.
SEPARATOR = r"[\s\-–—·,.;:!?'\"“”‘’()\[\]<>/…›→~]+"

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[가-힣]+")
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Index text (HTML) -> plain text."""
    return html.unescape(_TAG.sub(" ", text))


def hangul_words(text: str) -> list[str]:
    """The runs of Hangul syllables in a text ('반품배송비는 3일' -> ['반품배송비는'])."""
    return _WORD.findall(text)


def bigrams(run: str) -> list[str]:
    """'반품배송비' -> ['반품', '품배', '배송', '송비']; a one-syllable run stays whole."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def analyse(*texts: str) -> str:
    """The `ko` field value: distinct bigrams of all Hangul words in the texts, sorted, space-separated.
    Bigrams are taken per word, not across spaces: '중복 결제' gives 중복 and 결제, which a query typed
    as '중복결제' (중복 복결 결제) still meets, so nothing is gained by the extra cross-space pieces.
    Distinct, because repeats would only grow the index; sorted, because gzip then packs it tighter."""
    grams = {gram for text in texts for word in hangul_words(text) for gram in bigrams(word)}
    return " ".join(sorted(grams))


def compact(text: str) -> str:
    return _SPACE.sub("", text).lower()


def synonyms_for(text: str, groups: Iterable[list[str]]) -> list[str]:
    """Every word of every synonym group that has a member in the text (spacing ignored)."""
    flat = compact(plain(text))
    found: list[str] = []
    for group in groups:
        if any(compact(word) in flat for word in group):
            found += group
    return found


def enrich_index(index: dict, aliases: dict[str, list[str]], synonyms: list[list[str]]) -> dict:
    """Material's search_index.json (parsed) -> the same with the `ko` field declared and filled, and the
    separator widened. `aliases` maps a document location (e.g. 'faq/#faq-double-charge') to the
    other wordings that should find it."""
    config = index["config"]
    config["separator"] = SEPARATOR
    config["fields"] = {**config.get("fields", {}), **{name: {"boost": boost} for name, boost in BOOSTS.items()}}
    for doc in index["docs"]:
        extra = aliases.get(doc["location"], [])
        words = synonyms_for(" ".join([doc["title"], doc["text"], *extra]), synonyms)
        doc[FIELD] = analyse(doc["title"], plain(doc["text"]), *extra, *words)
        doc[TITLE_FIELD] = analyse(doc["title"], *extra, *synonyms_for(" ".join([doc["title"], *extra]), synonyms))
    return index
