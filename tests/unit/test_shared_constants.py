"""The constants the build and the pages' scripts share: the generated module says what the Python says,
and no script writes one of them by hand again (it would drift the day the Python changes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from guidekit import material_search, particles, shared_constants
from guidekit.checklists import DEADLINE_FACT_UNITS, STORAGE_SITE, storage_key
from guidekit.my_case import DATE_ROLES, DEADLINES
from guidekit.offline import CACHE_PREFIX
from guidekit.search_ko import ALIASES, CONFIG, FIELD, TITLE_FIELD

ROOT = Path(__file__).resolve().parents[2]
# Every script of the site: the modules, the theme's scripts and the search worker's, the offline worker
# templates, and the inline scripts of the theme overrides.
SCRIPTS = sorted(
    [
        *(ROOT / "docs" / "javascripts").glob("*.js"),
        *(ROOT / "overrides" / "assets" / "javascripts").rglob("*.js"),
        *(ROOT / "hooks" / "guidekit" / "templates" / "offline").glob("*.js"),
        *(ROOT / "overrides").rglob("*.html"),
    ]
)


def test_the_generated_module_is_the_python_constants():
    text = shared_constants.module()
    assert text.startswith("export default ") and text.endswith(";\n") and "\n" not in text[:-1]
    data = json.loads(text[len("export default ") : -2])
    assert data == json.loads(shared_constants.as_json()) == shared_constants.shared()
    assert data["storage"] == STORAGE_SITE and storage_key("details", "/a/") == "kshop-help:/a/:details"
    assert data["cachePrefix"] == CACHE_PREFIX
    assert data["search"] == {"field": FIELD, "title": TITLE_FIELD, "aliases": ALIASES, "config": CONFIG}
    assert data["material"] == material_search.MESSAGE_TYPES
    assert data["particles"] == [list(pair) for pair in particles.PAIRS]
    assert data["reading"]["trailing"] == particles._TRAILING
    assert {d: c or None for d, c in data["reading"]["digits"].items()} == particles._DIGIT_CODA
    for kind, (_fact, unit, detail) in DEADLINES.items():
        assert data["deadlines"][kind] == {"count": shared_constants.DEADLINE_UNITS[unit], "from": DATE_ROLES[detail]}
    assert set(DEADLINE_FACT_UNITS) == {DEADLINES[k][0] for k in shared_constants.HELPER_DEADLINES}


def test_the_python_reads_them_from_one_place():
    """particles.py, my_case.py, checklists.py, offline.py and search_ko.py hold the shared objects, not copies;
    Material's message numbers are material_search.py's, the one place for what we rely on in Material."""
    assert particles.PAIRS is shared_constants.PARTICLE_PAIRS
    assert shared_constants.MATERIAL_MESSAGES is material_search.MESSAGE_TYPES
    assert DEADLINES is shared_constants.DEADLINES and DATE_ROLES is shared_constants.DATE_ROLES


def test_the_module_runs_as_printed_for_node():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "guidekit.shared_constants"], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == shared_constants.shared()


def _literal(value: str) -> re.Pattern:
    return re.compile(r"""["'`]""" + re.escape(value))


def _everywhere(where: str) -> bool:
    return True


def _in_workers(where: str) -> bool:
    return "/workers/" in where


def _choosing_particles(where: str) -> bool:
    """Everywhere but the search worker's analysis: its list of endings to strip from a search word (을, 를,
    은, 는 … with 에서, 까지, 요) is no choice between two forms, and no Python writes it."""
    return not where.endswith("workers/ko-analysis.js")


# What a script must not write by hand: the storage name and the cache prefix anywhere (a string starting
# with them), the search fields as quoted names in the worker, a Material message number in the worker (a
# `type` compared with or set to a number), a deadline's unit table, a particle pair.
HAND_WRITTEN = [
    ("storage name", _literal(shared_constants.STORAGE_SITE), _everywhere),
    ("cache prefix", _literal(shared_constants.CACHE_PREFIX), _everywhere),
    *(
        (f"search field {name}", re.compile(rf"""["']{name}["']"""), _in_workers)
        for name in sorted({FIELD, TITLE_FIELD, ALIASES, CONFIG})
    ),
    ("Material message number", re.compile(r"\btype\s*(?:[!=]==?|:)\s*\d"), _in_workers),
    ("deadline unit table", re.compile(r"""count:\s*["'](?:days|months|business)["']"""), _everywhere),
    *(
        (f"particle pair {a}/{b}", re.compile(rf"""["']{a}["']\s*,\s*["']{b}["']"""), _choosing_particles)
        for a, b in shared_constants.PARTICLE_PAIRS
    ),
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_script_writes_a_shared_constant_by_hand(script):
    text = script.read_text("utf-8")
    where = script.relative_to(ROOT).as_posix()
    found = [
        f"{what}: {m.group(0)!r}"
        for what, pattern, applies in HAND_WRITTEN
        if applies(where)
        for m in pattern.finditer(text)
    ]
    assert not found, f"{where} writes by hand what hooks/guidekit/shared_constants.py owns: {found}"


def test_the_scan_would_see_one():
    text = (
        'const SITE = "kshop-help";\nconst X = ["을", "를"];\n{ count: "days" }\nif (m.type === 2) post({ type: 3 });'
    )
    hits = [what for what, pattern, _ in HAND_WRITTEN if pattern.search(text)]
    assert hits == ["storage name", "Material message number", "deadline unit table", "particle pair 을/를"]
