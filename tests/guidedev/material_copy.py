"""A stand-in for the installed Material, as far as guidekit/material_search.py reads it, with the changes a
test asks for: the check is pointed at it to show that each change a Material release could make is caught.

It holds the installed Material's own texts (base.html, and the sources the checks read, in one source map
per side as Material ships them), so an unchanged copy passes exactly when the installed Material does."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path

from guidekit import material_search as ms

# The sources the worker's map holds (the others are the page's, in the bundle's map).
_WORKER_SIDE = (ms.WORKER_MAIN, ms.SEARCH, ms.LUNR)
_CHECKED = (
    ms.MESSAGES,
    ms.WORKER_MAIN,
    ms.SEARCH,
    ms.START_WORKER,
    ms.SEARCH_COMPONENT,
    ms.REQUEST,
    ms.BUNDLE,
    ms.RESULT_ITEM,
    ms.QUERY_BOX,
    ms.LUNR,
)
BASE_HTML = "base.html"


def _installed_sources() -> dict[str, tuple[str, str]]:
    """Each checked source: (its name in the installed maps, its text), by our name for it."""
    shipped = ms.read_shipped(ms.installed_package())
    found = {}
    for wanted in _CHECKED:
        full = ms.source_path(wanted)
        name = next(n for n in shipped.sources if n == full or n.endswith("/" + full))
        found[wanted] = (name, shipped.sources[name])
    return found


def material_copy(
    to: Path,
    edits: Mapping[str, tuple[str, str]] | None = None,
    *,
    without: tuple[str, ...] = (),
    worker_file: bool = True,
) -> Path:
    """Write the stand-in under `to` and return it (the folder to pass as the package). `edits`: source (one of
    material_search's names, or BASE_HTML) -> (text, its replacement), each of which must be there; `without`:
    sources left out of the maps; `worker_file`: False leaves out the worker script base.html names."""
    edits = dict(edits or {})
    installed = ms.installed_package()
    js = to / "templates" / "assets" / "javascripts"
    (js / "workers").mkdir(parents=True)
    base_html = (installed / "templates" / "base.html").read_text("utf-8")
    sources = {key: [name, text] for key, (name, text) in _installed_sources().items() if key not in without}
    for key, (old, new) in edits.items():
        if key == BASE_HTML:
            assert old in base_html, f"{old!r} is not in base.html"
            base_html = base_html.replace(old, new)
        else:
            assert old in sources[key][1], f"{old!r} is not in {key}"
            sources[key][1] = sources[key][1].replace(old, new)
    (to / "templates" / "base.html").write_text(base_html, "utf-8")
    worker = next((installed / "templates" / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if worker_file:
        shutil.copy(worker, js / "workers" / worker.name)
    for side, path in ((True, js / "workers" / f"{worker.name}.map"), (False, js / "bundle.0000.min.js.map")):
        chosen = [pair for key, pair in sources.items() if (key in _WORKER_SIDE) == side]
        data = {"version": 3, "sources": [n for n, _ in chosen], "sourcesContent": [t for _, t in chosen]}
        path.write_text(json.dumps(data), "utf-8")
    return to
