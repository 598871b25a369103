"""Browser audit helpers the accessibility tests and the `make audit` / `make screenshots` scripts share:
the three views we check (desktop, phone, dark phone), axe-core injected from the pinned npm package,
the page types of a built site (discovered, not listed), a gzip server like a real host, and the
first-load weight of a page."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlparse

from .support import CHECKOUT, ROOT, QuietHTTPServer, SiteServer

VENDOR = CHECKOUT / "tests" / "vendor"
AXE_JS = VENDOR / "node_modules" / "axe-core" / "axe.min.js"
NO_AXE = (
    f"axe-core is not installed ({AXE_JS.relative_to(CHECKOUT)} missing). Run `make node-tools` "
    "(= `npm ci --omit=dev --prefix tests/vendor`; CI's .ci/run does it)."
)
# What makes a page fail: the two worst impact levels axe reports.
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class View:
    name: str
    width: int
    height: int
    dark: bool = False
    mobile: bool = False

    def context_options(self, scale: int = 2) -> dict:
        """Playwright's context options for this view; `scale` is a phone's device pixel ratio (screenshots
        want 2; a test that reads styles or runs axe draws a quarter of the pixels at 1, in software)."""
        opts: dict[str, object] = {
            "viewport": {"width": self.width, "height": self.height},
            "locale": "ko-KR",
            "color_scheme": "dark" if self.dark else "light",
        }
        if self.mobile:
            opts.update(device_scale_factor=scale, is_mobile=True, has_touch=True)
        return opts


# An init script that records every Content-Security-Policy violation the page reports, from its first
# script on, in window.__csp.
RECORD_POLICY_VIOLATIONS = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  [e.violatedDirective, e.blockedURI, (e.sample || '').slice(0, 80), e.sourceFile || ''].join(' | ')), true);"""

# The rules whose outcome depends on the colours: all a dark palette can change, over the same document.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

VIEWS = (
    View("desktop", 1280, 900),
    View("phone", 390, 844, mobile=True),
    View("phone-dark", 390, 844, dark=True, mobile=True),
)


# ── axe ──────────────────────────────────────────────────────────────────────


def axe_source() -> str:
    if not AXE_JS.exists():
        raise RuntimeError(NO_AXE)
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, source: str, rules: list[str] | None = None, skip: list[str] | None = None) -> list[dict]:
    """Inject axe into the loaded page and return its violations (every impact level): of every rule, only
    of `rules`, or of all but `skip`. Evaluated over the DevTools protocol, not as a <script> tag: the
    page's Content-Security-Policy runs no inline script."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source + "\n;undefined")
    return page.evaluate(
        """async ([rules, skip]) => {
            const only = rules ? {runOnly: {type: 'rule', values: rules}} : {};
            const off = skip ? {rules: Object.fromEntries(skip.map(id => [id, {enabled: false}]))} : {};
            const r = await axe.run(document, {resultTypes: ['violations'], ...only, ...off});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
        }""",
        [rules, skip],
    )


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(path: str, view: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        first = v["nodes"][0] if v["nodes"] else {"target": "?", "summary": ""}
        lines.append(
            f"/{path} [{view}] {v['impact']} {v['id']} ({len(v['nodes'])}×): {v['help']} — "
            f"{first['target']}: {first['summary'].splitlines()[-1] if first['summary'] else ''}"
        )
    return lines


# ── page types ───────────────────────────────────────────────────────────────


def page_types(site: Path, pages: list[str], docs: Path = ROOT / "docs") -> dict[str, str]:
    """One representative URL path per kind of page, found in the built site so pages other branches
    add are covered without a list here: the home page; 'topic' for the pages written by hand in
    docs/ (they share one layout); every generated top-level page as its own kind; nested pages grouped
    by their first folder and the outline of their article (so `checklists/a/` and `checklists/b/` are
    one kind, `checklists/print-all/`, which repeats the sheets, another)."""
    written = {p.stem for p in docs.glob("*.md")}
    types: dict[str, str] = {}
    nested: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for path in pages:
        parts = path.strip("/").split("/") if path else []
        if len(parts) > 1:
            nested.setdefault((parts[0], article_outline(site / path / "index.html")), []).append(path)
            continue
        kind = "home" if not parts else "topic" if parts[0] in written else parts[0]
        types.setdefault(kind, path)
    for (folder, _), group in nested.items():
        kind = f"{folder}/*" if len(group) > 1 else group[0].rstrip("/")
        while kind in types:
            kind += "+"
        types[kind] = group[0]
    return types


class _Outline(HTMLParser):
    _VOID: ClassVar[set[str]] = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.depth, self.article, self.outline = 0, None, []

    def handle_starttag(self, tag, attrs):
        if tag in self._VOID:
            return
        self.depth += 1
        if tag == "article" and self.article is None:
            self.article = self.depth
        elif self.article and self.depth == self.article + 1:
            cls = (dict(attrs).get("class") or "").split()
            self.outline.append(tag + ("." + cls[0] if cls else ""))

    def handle_endtag(self, tag):
        if tag in self._VOID:
            return
        if tag == "article" and self.depth == self.article:
            self.article = -1
        self.depth -= 1


def article_outline(html_file: Path) -> tuple[str, ...]:
    """The article's direct children as `tag.firstclass`, for telling page layouts apart."""
    parser = _Outline()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return tuple(parser.outline)


# ── serving like a host ──────────────────────────────────────────────────────

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded for text types when the client accepts it, as GitHub Pages does (which
    lets browsers keep them 10 minutes; `max_age = None` answers as a plain local server does instead)."""

    max_age: int | None = 600

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not (path.suffix in _COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        if self.max_age is not None:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        else:
            self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


class GzipServer(SiteServer):
    """A built site on 127.0.0.1 (free port) with gzip, in a thread."""

    handler = _GzipHandler


@dataclass
class Served:
    path: str
    at: float  # time.time() when the answer was sent
    size: int  # bytes of the body as sent (gzipped when it was)


class Host(SiteServer):
    """A host for one built site at a folder of the address (`/` or `/repo/`, as on GitHub Pages), with
    gzip, that can be switched to another build while it runs (a deploy) and logs what it sent.
    `statuses` makes it answer some paths (`/repo/sw.js`) with an error status instead, as a broken deploy
    would; it may be changed while the host runs. `offline = True` drops every request unanswered, as a
    phone with no signal sees it, in any browser. `watch=True` puts PROBLEMS_JS at the top of every page it
    sends, so that any browser, WebKit's too, keeps a list of what reached the page's console."""

    def __init__(
        self,
        site: Path,
        prefix: str = "/",
        *,
        port: int = 0,
        max_age: int | None = 600,
        statuses: dict[str, int] | None = None,
        watch: bool = False,
    ):
        self.site, self.prefix = site, prefix
        self.statuses = dict(statuses or {})
        self.offline = False
        self.log: list[Served] = []
        host, keep_for = self, max_age

        class Handler(_GzipHandler):
            max_age = keep_for

            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(host.site), **kwargs)

            def send_head(self):
                # The build at the time of the request: Chromium opens connections ahead of its requests,
                # so one accepted before a deploy may carry the first request after it.
                self.directory = str(host.site)
                if host.offline:
                    self.close_connection = True
                    return None
                path = urlparse(self.path).path
                if path in host.statuses:
                    return self._answer(host.statuses[path])
                if path + "/" == host.prefix:
                    return self._answer(301, location=host.prefix)
                if not path.startswith(host.prefix):
                    return self._answer(404)
                self.path = self.path[len(host.prefix) - 1 :]
                target = Path(self.translate_path(self.path))
                if target.is_dir() and not path.endswith("/"):
                    return self._answer(301, location=path + "/")  # as GitHub Pages answers a folder
                file = target / "index.html" if target.is_dir() else target
                if not file.is_file():
                    return self._answer(404)
                if watch and file.suffix == ".html":
                    return self._send(200, file.read_bytes())
                body = super().send_head()
                if body is not None:
                    size = len(body.getvalue()) if isinstance(body, io.BytesIO) else os.fstat(body.fileno()).st_size
                    host.log.append(Served(path, time.time(), size))
                return body

            def _answer(self, status: int, location: str = ""):
                """A redirect, an error status, or the site's own 404 page with status 404."""
                page = host.site / "404.html"
                body = page.read_bytes() if status == 404 and page.is_file() else b""
                return self._send(status, body, location)

            def _send(self, status: int, html: bytes, location: str = ""):
                if watch and html:
                    html = with_problem_list(html)
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(html)))
                if status == 200 and self.max_age is not None:
                    self.send_header("Cache-Control", f"max-age={self.max_age}")
                self.end_headers()
                return io.BytesIO(html)

        self.httpd = QuietHTTPServer(("127.0.0.1", port), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def deploy(self, site: Path) -> None:
        self.site = site


# What reached a page's console, kept in the tab's session storage so that it outlives the page: errors
# thrown and not caught, promises rejected and not handled, files that failed to load, the page's policy
# refusing something, console.error and console.warn. Read (and emptied) by `take_problems`. It runs before
# the page's policy (the <meta> after it), which applies only to what comes after that tag.
PROBLEMS_KEY = "guide-test:problems"
PROBLEMS_JS = """(() => {
  const note = (kind, text) => {
    try {
      const seen = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      seen.push(kind + " on " + location.pathname + ": " + text);
      sessionStorage.setItem(KEY, JSON.stringify(seen));
    } catch (e) {}
  };
  addEventListener("error", (e) => {
    // Firefox prefetches the page a <link rel="next"> names and reports the prefetch it drops on leaving as
    // that link's error; the reader sees nothing of it.
    if (e.target && e.target.matches && e.target.matches("link[rel~=next], link[rel~=prev]")) return;
    note("error", e.message || String((e.target && (e.target.src || e.target.href)) || e.type));
  }, true);
  addEventListener("unhandledrejection", (e) => note("unhandled rejection", String(e.reason && (e.reason.stack || e.reason))));
  addEventListener("securitypolicyviolation", (e) => note("policy", e.violatedDirective + " " + e.blockedURI));
  for (const level of ["error", "warn"]) {
    const original = console[level];
    console[level] = function (...args) { note("console." + level, args.map(String).join(" ")); return original.apply(this, args); };
  }
})();""".replace("KEY", json.dumps(PROBLEMS_KEY))
TAKE_PROBLEMS_JS = f"const k = {json.dumps(PROBLEMS_KEY)}; const seen = JSON.parse(sessionStorage.getItem(k) || '[]'); sessionStorage.removeItem(k); return seen;"


def with_problem_list(html: bytes) -> bytes:
    head = html.find(b"<head>")
    assert head != -1, "a page without <head>"
    at = head + len(b"<head>")
    return html[:at] + b"<script>" + PROBLEMS_JS.encode() + b"</script>" + html[at:]


# ── first load ───────────────────────────────────────────────────────────────

FIRST_LOAD_TYPES = ("document", "stylesheet", "script", "font")


def first_load_bytes(browser, url: str) -> dict[str, int]:
    """Gzipped bytes per resource type that a phone downloads to show `url` (see FirstLoad)."""
    with FirstLoad(browser, tabs=1) as first:
        return first.bytes(url)


class FirstLoad:
    """Measures what a phone downloads to show a page the first time: gzipped bytes per resource type
    (HTML, CSS, JS, fonts; images and the search index, fetched later or on demand, are left out), from the
    responses' encoded sizes, once the network has been quiet for half a second. A few tabs of one context,
    with the browser's cache turned off in each (as DevTools' "Disable cache"), so each page is a first
    visit without a new context's cost, and their quiet half-seconds overlap. No service worker: what it
    copies for offline use comes after the page, from the worker, not the page (and made every measured
    page wait while the whole site was downloaded)."""

    def __init__(self, browser, tabs: int = 4):
        self.browser, self.tabs = browser, tabs

    def __enter__(self) -> FirstLoad:
        self.context = self.browser.new_context(**VIEWS[1].context_options(scale=1), service_workers="block")
        self.pages = []
        for _ in range(self.tabs):
            page = self.context.new_page()
            cdp = self.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            self.pages.append(page)
        return self

    def __exit__(self, *exc) -> None:
        self.context.close()

    def bytes(self, url: str) -> dict[str, int]:
        return self.bytes_of([url])[url]

    def bytes_of(self, urls: list[str]) -> dict[str, dict[str, int]]:
        """Each of `urls`, measured a few at a time."""
        out: dict[str, dict[str, int]] = {}
        for start in range(0, len(urls), self.tabs):
            batch = list(zip(self.pages, urls[start : start + self.tabs], strict=False))
            for page, url in batch:
                page.goto(url, wait_until="commit")
            for page, url in batch:
                # The load event first: a quiet spell can come while the parser has not yet asked for the
                # scripts at the end of the body (seen once under load: a page measured with no script).
                page.wait_for_load_state("load")
                page.wait_for_load_state("networkidle")
                out[url] = self._totals(page)
        return out

    @staticmethod
    def _totals(page) -> dict[str, int]:
        entries = page.evaluate(
            """() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                  .map(e => ({name: e.name, type: e.initiatorType, size: e.encodedBodySize + 0}))"""
        )
        totals: dict[str, int] = {}
        for e in entries:
            kind = _kind(e["name"], e["type"])
            if kind in FIRST_LOAD_TYPES:
                totals[kind] = totals.get(kind, 0) + e["size"]
        return totals


def _kind(name: str, initiator: str) -> str:
    path = urlparse(name).path
    if initiator == "navigation" or path.endswith((".html", "/")):
        return "document"
    if path.endswith(".css"):
        return "stylesheet"
    if path.endswith(".js") and "/search/" not in path and "worker" not in path:
        return "script"
    if path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "font"
    return "other"


# ── the offline copy ─────────────────────────────────────────────────────────────────────────

# Resolves once this page's site has an activated worker; returns the names of the caches.
COPY_READY = """async () => {
  const r = await navigator.serviceWorker.ready;
  const w = r.active;
  if (w.state !== 'activated') {
    await new Promise(done => w.addEventListener('statechange', () => w.state === 'activated' && done()));
  }
  return await caches.keys();
}"""
COPY_FILES = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const r of await cache.keys()) out.push([r.url, (await (await cache.match(r)).blob()).size]);
  }
  return out;
}"""


def offline_copy(browser, site: Path) -> dict:
    """What a phone downloads and keeps for the offline copy after one visit to the home page: the files
    (URL relative to the site -> bytes stored), the bytes the host sent from the worker's request on
    (gzipped as a host sends them), and when the page had loaded and when the worker was asked for
    (seconds since the epoch)."""
    with Host(site) as host:
        context = browser.new_context(**VIEWS[1].context_options())
        try:
            page = context.new_page()
            page.goto(host.url, wait_until="load")
            loaded = page.evaluate(
                "performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"
            )
            page.evaluate(COPY_READY)
            files = {url.removeprefix(host.url): size for url, size in page.evaluate(COPY_FILES)}
        finally:
            context.close()
    start = next(i for i, s in enumerate(host.log) if s.path.endswith("/sw.js"))
    return {
        "files": files,
        "sent": sum(s.size for s in host.log[start:]),
        "stored": sum(files.values()),
        "loaded_at": loaded / 1000,
        "registered_at": host.log[start].at,
    }
