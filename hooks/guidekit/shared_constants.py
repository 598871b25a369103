"""Every constant the build (Python) and the pages' scripts (JS) must agree on, written once, here.

The build writes them into the site as one generated ES module, `assets/javascripts/guide-constants.js`
(`export default {…};`, added in memory by hooks/guide.py, never into docs/). The modules import it; the
Korean search worker, a classic script, gets it inlined when the build assembles it (guidekit/classic.py);
the offline worker templates and offline.js get the cache prefix from the template context. node's tests
(tests/js) read the same JSON from `python -m guidekit.shared_constants`, and tests/unit/test_shared_constants.py
makes sure no script writes one of these values by hand again."""

from __future__ import annotations

import json
import sys
from typing import Any

from .material_search import MESSAGE_TYPES

# localStorage keys are `kshop-help:<site folder>:<name>` (docs/javascripts/device-store.js); keys written
# before they were scoped to the folder were `kshop-help/<name>`.
STORAGE_SITE = "kshop-help"
# The offline copy's cache names start with this and the site's folder (hooks/guidekit/offline.py writes
# them, docs/javascripts/device-data.js clears them, offline.js counts failed update checks under it), and
# the page asks a waiting worker to take over with `<prefix>:update`.
CACHE_PREFIX = "guide-offline"

# The fields of Material's search index that Korean search adds (guidekit/search_ko.py declares them,
# the worker fills them): a section's pieces, its heading's pieces, the FAQ's other wordings; and the key
# of the index config holding the synonym groups and the no-result entries.
SEARCH_FIELD = "ko"
SEARCH_TITLE_FIELD = "kt"
SEARCH_ALIASES = "ka"
SEARCH_CONFIG = "ko"
# The message numbers of Material's search worker, which ko-search.js reads and answers (the assumptions about
# Material's search, and the build's check of them, are in guidekit/material_search.py).
MATERIAL_MESSAGES = MESSAGE_TYPES

# How each unit a deadline fact is written in is counted (docs/javascripts/deadline-math.js).
DEADLINE_UNITS = {"일": "days", "개월": "months", "영업일": "business"}
# Each deadline kind: the fact that gives its period, in its unit, and the date it runs from (a detail id).
DEADLINES: dict[str, tuple[str, str, str]] = {
    "supply": ("supply_business_days", "영업일", "paid_date"),
    "withdrawal": ("withdrawal_days", "일", "received_date"),
    "instalment": ("instalment_withdrawal_days", "일", "received_date"),
    "mismatch-months": ("mismatch_months", "개월", "received_date"),
    "mismatch-known": ("mismatch_known_days", "일", "known_date"),
    "refund": ("refund_business_days", "영업일", "return_arrived_date"),
    "mediation-answer": ("kca_accept_days", "일", "mediation_received_date"),
}
# The dates a deadline runs from (detail id -> the role docs/javascripts/case-file.js gives it).
DATE_ROLES = {
    "paid_date": "paid",
    "received_date": "received",
    "known_date": "known",
    "return_arrived_date": "returned",
    "mediation_received_date": "mediation",
}
# The deadlines the return-deadline helper shows (docs/javascripts/deadline-helper.js).
HELPER_DEADLINES = ("withdrawal", "mismatch-months", "mismatch-known")

# Korean particles after an inserted text: (form after a final consonant, form after a vowel); the ㄹ rule
# for 으로 is applied by the code. Longer forms first, so 이라고 is not read as 이 + 라고.
PARTICLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("이라고", "라고"),
    ("이라는", "라는"),
    ("이라면", "라면"),
    ("이라도", "라도"),
    ("이에요", "예요"),
    ("이었어요", "였어요"),
    ("으로는", "로는"),
    ("으로도", "로도"),
    ("으로만", "로만"),
    ("으로", "로"),
    ("이나", "나"),
    ("이며", "며"),
    ("이랑", "랑"),
    ("이란", "란"),
    ("이든", "든"),
    ("이고", "고"),
    ("을", "를"),
    ("은", "는"),
    ("이", "가"),
    ("과", "와"),
)
# How the end of a text is read aloud (guidekit/particles.py): the final consonant of each digit's reading
# (영 일 이 삼 사 오 육 칠 팔 구; "" = a vowel; a number ending in zeros, read by its unit 십 백 천 만, ends in a
# consonant that is not ㄹ like 영), and of the Latin letters whose names end in a consonant (L 엘, M 엠, N 엔,
# R 알); characters skipped at the end.
DIGIT_CODA = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
LETTER_CODA = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
TRAILING = " \t\n'\"‘’“”」』》〉*_…·.,!?"

# The generated module, as the site serves it (the modules import it by this path).
MODULE = "assets/javascripts/guide-constants.js"


def shared() -> dict[str, Any]:
    """The constants as the scripts read them (JSON-able, short keys: every page with a script loads them)."""
    return {
        "storage": STORAGE_SITE,
        "cachePrefix": CACHE_PREFIX,
        "search": {
            "field": SEARCH_FIELD,
            "title": SEARCH_TITLE_FIELD,
            "aliases": SEARCH_ALIASES,
            "config": SEARCH_CONFIG,
        },
        "material": dict(MATERIAL_MESSAGES),
        "deadlines": {
            kind: {"count": DEADLINE_UNITS[unit], "from": DATE_ROLES[detail]}
            for kind, (_fact, unit, detail) in DEADLINES.items()
        },
        "particles": [list(pair) for pair in PARTICLE_PAIRS],
        "reading": {
            "digits": DIGIT_CODA,
            "letters": LETTER_CODA,
            "trailing": TRAILING,
        },
    }


def as_json() -> str:
    return json.dumps(shared(), ensure_ascii=False, separators=(",", ":"))


def module() -> str:
    """The generated ES module's text."""
    return f"export default {as_json()};\n"


if __name__ == "__main__":  # node's tests read the constants from here: python -m guidekit.shared_constants
    sys.stdout.write(as_json() + "\n")
