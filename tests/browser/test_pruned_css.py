"""Material's stylesheets ship without the rules no page of this build can use (hooks/guidekit/css_prune.py).
Proof that nothing a reader sees changed: every kind of page on a phone, and on a dark desktop as shown
and as printed, plus the open search with results, is styled the same with the pruned stylesheets as with
Material's originals: every element and its ::before and ::after get the same box and the same visible
computed style. (Styles, not pixels: Chromium's text antialiasing differs from one load to the next even
with the same stylesheet.)"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from guidedev.searchprobe import INPUT, open_search
from guidedev.support import NO_WORKER, SiteServer, site_pages
from guidedev.webaudit import VIEWS, View, page_types

pytestmark = pytest.mark.browser
ORIGINALS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
SHOWN = {"phone": VIEWS[1], "desktop-dark": View("desktop-dark", 1280, 900, dark=True)}


def test_pruned_stylesheets_are_smaller(built_site):
    site, _ = built_site
    for name in ("main", "palette"):
        (ours,) = (site / "assets" / "stylesheets").glob(f"{name}.*.min.css")
        original = ORIGINALS / ours.name
        assert original.is_file(), f"Material's {ours.name} not found next to its package"
        assert ours.stat().st_size < original.stat().st_size * 0.7, f"{ours.name} was not pruned"


# Every element's box and what decides how it looks, with its ::before and ::after, as one line per
# element (or, with `hashed`, a short hash of it). All ~360 computed properties of every element take
# seconds per page; these are the ones a reader can see. Items past Material's first ten search results
# are removed first: how many more it has drawn depends on timing, not on style. Transitions are switched off
# so that no colour is caught halfway.
_SEEN = [
    "display",
    "position",
    "visibility",
    "opacity",
    "z-index",
    "overflow-x",
    "overflow-y",
    "float",
    "clear",
    "top",
    "right",
    "bottom",
    "left",
    "margin-top",
    "margin-right",
    "margin-bottom",
    "margin-left",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top",
    "border-right",
    "border-bottom",
    "border-left",
    "border-radius",
    "outline",
    "color",
    "background-color",
    "background-image",
    "background-position",
    "background-size",
    "box-shadow",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "letter-spacing",
    "text-align",
    "text-decoration-line",
    "text-transform",
    "white-space",
    "word-break",
    "overflow-wrap",
    "list-style-type",
    "content",
    "mask-image",
    "-webkit-mask-image",
    "transform",
    "flex-direction",
    "flex-wrap",
    "justify-content",
    "align-items",
    "gap",
    "grid-template-columns",
    "cursor",
    "pointer-events",
    "fill",
    "break-inside",
    "break-before",
    "break-after",
    "table-layout",
    "vertical-align",
    "filter",
    "clip-path",
    "scroll-margin-top",
]
_STILL = """() => {
  if (!document.getElementById('no-transitions')) {
    const s = document.createElement('style');
    s.id = 'no-transitions';
    s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important }';
    document.head.append(s);
  }
  document.querySelectorAll('.md-search-result__item:nth-child(n+11)').forEach(item => item.remove());
}"""
# Where every element is and its colour, hashed: cheap next to _STYLES, and what changes after a load (Material's
# script moves the header and sidebars) or a switch to print (colours from the dark palette to paper's).
_LAYOUT = """() => {
  let h = 2166136261;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    const text = `${r.x},${r.y},${r.width},${r.height},${getComputedStyle(el).color};`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}"""
_STYLES = """([seen, hashed]) => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    let text = `${el.tagName}.${el.className?.baseVal ?? el.className} ${r.x},${r.y},${r.width},${r.height}`;
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      // A ::before or ::after whose content is none is not drawn: its other properties cannot be seen.
      if (pseudo && cs.getPropertyValue('content') === 'none') { text += `|${pseudo}content:none`; continue; }
      for (const name of seen) text += `|${pseudo || ''}${name}:${cs.getPropertyValue(name)}`;
    }
    if (!hashed) { out.push(text); continue; }
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    out.push(`${text.slice(0, text.indexOf('|'))} ${h >>> 0}`);
  }
  return out;
}"""
# What each view shows of each kind of page, in this order on one load; the search overlay is the same over
# every page, so it is checked over the first page only.
STATES = {"phone": ("page",), "desktop-dark": ("page", "print")}


def _enter(page, state: str) -> None:
    if state == "print":
        page.emulate_media(media="print")
    elif state == "search":
        open_search(page)
        page.fill(INPUT, "반품")
        page.wait_for_selector(".md-search-result__item", timeout=15000)  # the rest settles in _settled


def _settled(page, hashed: bool) -> list[str]:
    """The page's styles once it has settled: Material's script places the header and sidebars a moment
    after a load, and colours change over a moment after a switch to print, so where everything is and its
    colour must be the same twice 100 ms apart before the styles are read (and a difference that was only
    timing goes away when _compare looks again)."""
    page.evaluate(_STILL)
    last = page.evaluate(_LAYOUT)
    for _ in range(15):
        page.wait_for_timeout(100)
        now = page.evaluate(_LAYOUT)
        if now == last:
            break
        last = now
    return page.evaluate(_STYLES, [_SEEN, hashed])


def _styles(page, url: str, states: tuple[str, ...], hashed: bool = True) -> dict[str, list[str]]:
    """The settled styles of each state, entered one after the other on one load ("load": every
    stylesheet has arrived; what Material's script moves afterwards, _settled waits out)."""
    page.goto(url, wait_until="load")
    out = {}
    try:
        for state in states:
            _enter(page, state)
            out[state] = _settled(page, hashed)
            page.emulate_media(media="screen")
    finally:
        page.emulate_media(media="screen")
    return out


def _first_difference(a: list[str], b: list[str]) -> int | str | None:
    """The index of the first element styled differently (or why the pages cannot be compared)."""
    if len(a) != len(b):
        return f"{len(a)} elements vs {len(b)}: {sorted(set(a) ^ set(b))[:4]}"
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), None)


@pytest.mark.parametrize("view", SHOWN.values(), ids=SHOWN.keys())
def test_every_kind_of_page_looks_the_same_as_with_materials_own_stylesheets(view, built_site, browser):
    site, _ = built_site
    kinds = page_types(site, site_pages(site))
    context = browser.new_context(**NO_WORKER, **view.context_options())
    page = context.new_page()
    different = []
    with SiteServer(site) as server:
        try:
            for kind, path in kinds.items():
                states = STATES[view.name] + (("search",) if kind == next(iter(kinds)) else ())
                for state, where in _compare(page, server.url + path, states).items():
                    different.append(f"{kind} (/{path}) {state}: {where}")
        finally:
            context.close()
    assert not different, f"styled differently with the pruned stylesheets [{view.name}]:\n" + "\n".join(different)


STYLESHEETS = "**/assets/stylesheets/*.css"


def with_originals(page) -> None:
    page.route(STYLESHEETS, lambda route: route.fulfill(path=_original(route)))


def _original(route) -> Path:
    return ORIGINALS / route.request.url.split("?")[0].rsplit("/", 1)[1]


def _both(page, url: str, states: tuple[str, ...], hashed: bool = True):
    pruned = _styles(page, url, states, hashed)
    with_originals(page)
    try:
        original = _styles(page, url, states, hashed)
    finally:
        page.unroute(STYLESHEETS)
    return pruned, original


def _compare(page, url: str, states: tuple[str, ...], tries: int = 3) -> dict[str, str]:
    """For each state styled differently with the original stylesheets (if it still is after `tries`
    loads of each), where: Material's script moves the header and sidebars and draws search results as
    time passes, so one load can differ from the next; a stylesheet's difference shows every time."""
    where: dict[str, int | str] = {}
    for _ in range(tries):
        pruned, original = _both(page, url, states)
        where = {s: w for s in states if (w := _first_difference(pruned[s], original[s])) is not None}
        if not where:
            return {}
        states = tuple(where)  # only what differed is looked at again
    return {s: _explain(page, url, s, w) if isinstance(w, int) else w for s, w in where.items()}


def _explain(page, url: str, state: str, index: int) -> str:
    """Which properties of the element at `index` differ."""
    states = ("page", state) if state != "page" else ("page",)  # a state is entered from the page as loaded
    pruned, original = _both(page, url, states, hashed=False)
    a, b = pruned[state][index].split("|"), original[state][index].split("|")
    return f"{a[0]}: {sorted(set(a) ^ set(b))[:6]}"
