"""The guide on a phone with no signal: what the service worker keeps (every page, the stylesheets and
scripts they use, the search index and its workers, the icons), each file with the hash of its bytes in
this build, a cache name made from those hashes, and the web app manifest.

Pure functions over a built site folder; hooks/offline.py calls them after every other step has written
its files and before the site is swapped in."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

from .render import TEMPLATES, render_file
from .shared_constants import CACHE_PREFIX

WORKER = "sw.js"
# Cache names start with CACHE_PREFIX (shared_constants.py) and the site's folder; device-data.js clears them by it.
MANIFEST = "manifest.webmanifest"
FALLBACK = "404.html"
SEARCH_INDEX = "search/search_index.json"
# The search workers: Material's and ours (overrides/assets/javascripts/workers), loaded only when search
# opens, so no page links them.
WORKERS = "assets/javascripts/workers"
_LINKED = re.compile(r"""<(?:link|script|img|source)\b[^>]*?\b(?:href|src)="([^"]+)\"""", re.I)
# A module's imports of the site's own files (`import { … } from "./deadline-math.js"`, or `import("./x.js")`
# when first needed): no page links them, and the module that imports them does not run without them.
_IMPORT = re.compile(
    r"""(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*["'](\.{1,2}/[^"']+)["']"""  # import { a } from "./x.js"
    r"""|(?:^|[\s;])import\s*["'](\.{1,2}/[^"']+)["']"""  # import "./x.js"
    r"""|\bimport\(\s*["'](\.{1,2}/[^"']+)["']\s*\)"""  # import("./x.js")
)


@dataclass(frozen=True)
class Entry:
    """One file of the offline copy: its URL relative to the site root (a page as its folder, `payment/`),
    its size and its Subresource Integrity hash (the browser checks the bytes it fetches against it)."""

    url: str
    size: int
    integrity: str


def page_url(path: str) -> str:
    """`payment/index.html` -> `payment/`; the home page -> `./`."""
    if path == "index.html":
        return "./"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def linked_files(site: Path, page: str, html: str) -> set[str]:
    """Site files a page loads: stylesheets, scripts, icons, images and the manifest (not other pages)."""
    found = set()
    base = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    for ref in _LINKED.findall(html):
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path or parts.path.endswith("/"):
            continue
        path = normpath(base + unquote(parts.path)) if not parts.path.startswith("/") else unquote(parts.path)[1:]
        if not path.startswith("..") and not path.endswith(".html") and (site / path).is_file():
            found.add(path)
    return found


def imported_files(site: Path, path: str, js: str) -> set[str]:
    """Site files a script at `path` imports by a relative specifier."""
    base = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    found = set()
    for m in _IMPORT.finditer(js):
        target = normpath(base + unquote(urlsplit(m.group(1) or m.group(2) or m.group(3)).path))
        if not target.startswith("..") and (site / target).is_file():
            found.add(target)
    return found


def with_imports(site: Path, files: set[str]) -> set[str]:
    """`files` and every script any of their scripts imports, however deep."""
    todo = [f for f in files if f.endswith((".js", ".mjs"))]
    while todo:
        path = todo.pop()
        for target in imported_files(site, path, (site / path).read_text("utf-8")) - files:
            files.add(target)
            todo.append(target)
    return files


def search_language_files(site: Path) -> set[str]:
    """Lunr's language packs Material's search worker imports for the index's languages (none for English)."""
    index = site / SEARCH_INDEX
    if not index.is_file():
        return set()
    every = json.loads(index.read_text("utf-8"))["config"]["lang"]
    langs = [lang for lang in every if lang != "en"]
    if not langs:
        return set()
    lunr = "assets/javascripts/lunr"
    files = {f"{lunr}/min/lunr.stemmer.support.min.js"} | {f"{lunr}/min/lunr.{lang}.min.js" for lang in langs}
    if len(every) > 1:
        files.add(f"{lunr}/min/lunr.multi.min.js")
    files |= {f"{lunr}/{extra}.js" for lang, extra in (("ja", "tinyseg"), ("th", "wordcut")) if lang in langs}
    return {f for f in files if (site / f).is_file()}


def offline_files(site: Path) -> list[str]:
    """Every file the offline copy holds, as paths under the site folder, sorted."""
    files = {FALLBACK} if (site / FALLBACK).is_file() else set()
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).as_posix()
        files.add(rel)
        files |= linked_files(site, rel, html.read_text("utf-8"))
    if (site / SEARCH_INDEX).is_file():
        files.add(SEARCH_INDEX)
    files |= {p.relative_to(site).as_posix() for p in (site / WORKERS).glob("*.js")}
    files |= search_language_files(site)
    files = with_imports(site, files)
    manifest = site / MANIFEST
    if manifest.is_file():
        files.add(MANIFEST)
        files |= {icon["src"] for icon in json.loads(manifest.read_text("utf-8")).get("icons", [])}
    return sorted(files)


def entries(site: Path) -> list[Entry]:
    out = []
    for path in offline_files(site):
        data = (site / path).read_bytes()
        digest = base64.b64encode(hashlib.sha384(data).digest()).decode()
        out.append(Entry(page_url(path), len(data), f"sha384-{digest}"))
    return out


def cache_version(files: list[Entry], code: str = "") -> str:
    """A name for this build's offline copy: a hash over every file's URL and bytes and the worker's own
    code. The same build gives the same name, so an unchanged site never makes a phone download its copy
    again; a changed worker gets a cache of its own, so it never writes into the one in use."""
    h = hashlib.sha256(code.encode())
    for e in files:
        h.update(f"{e.url}\0{e.integrity}\n".encode())
    return h.hexdigest()[:16]


def service_worker(files: list[Entry]) -> str:
    """The service worker script for a built site's offline copy."""
    template = "offline/sw.js"
    return render_file(
        template,
        version=cache_version(files, (TEMPLATES / template).read_text("utf-8")),
        files=[[e.url, e.integrity] for e in files],
        fallback=FALLBACK,
        prefix=CACHE_PREFIX,
    )


def retiring_worker() -> str:
    """The script `mkdocs serve` puts at the worker's address: it removes a built site's worker."""
    return render_file("offline/sw-off.js", prefix=CACHE_PREFIX)


def web_manifest(*, name: str, short_name: str, description: str, theme_color: str, background_color: str) -> str:
    """The web app manifest. Every URL in it is relative to the manifest itself, which sits at the site
    root, so the app starts and stays in the site's folder on any host (a GitHub Pages project site lives
    under /repo/)."""
    icons = [
        {"src": f"images/icons/{name}-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        for name, purpose in (("icon", "any"), ("maskable", "maskable"))
        for size in (192, 512)
    ]
    manifest = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": "ko",
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": background_color,
        "icons": icons,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
