"""Every page of the built site in Chromium, in three views (desktop, 390 px phone, dark palette on the
phone): each page is in Korean with a visible h1 and nothing wider than the screen, axe-core finds no
serious or critical violation (the rules about colour on the phone, light and dark), no console error, no
violation of its Content-Security-Policy and no request leaving the site; Korean lines break between
words; the palette follows the system and its toggle works; the header title fits the phone; every
page's first load stays small."""

from __future__ import annotations

import pytest

from guidedev.support import NO_WORKER, site_pages, watch_page
from guidedev.webaudit import (
    COLOUR_RULES,
    RECORD_POLICY_VIOLATIONS,
    VIEWS,
    FirstLoad,
    GzipServer,
    axe_source,
    blocking,
    describe,
    page_types,
    run_axe,
)

pytestmark = pytest.mark.browser
# 76 KiB since the deadline arithmetic (민법 제161조, 2.9 KiB gzipped) and the written-notice journeys: the
# busiest topic page (취소·반품·환불, nine scenarios) and the print-all sheet went from under 70 to 73.8 and
# 73.4 KiB. Loading the arithmetic only when a date is entered is the next saving to take.
FIRST_LOAD_LIMIT = 76 * 1024


@pytest.fixture(scope="module")
def axe_js():
    try:
        return axe_source()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


# Hangul words whose text is drawn on more than one line. A word runs up to a space or to a mark that
# Korean may break after (/, ·, brackets); one wider than the whole line may still wrap (overflow-wrap).
_SPLIT_WORDS = r"""() => {
  const out = [];
  const root = document.querySelector('article');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('table, pre, code, .md-typeset__scrollwrap') || !el.offsetParent) continue;
    const lineWidth = el.closest('p, li, h1, h2, h3, h4, td, dd, summary, div')?.clientWidth || 0;
    for (const m of node.data.matchAll(/[^\s\/·()\[\],]*[\uAC00-\uD7A3][^\s\/·()\[\],]*/g)) {
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1 && range.getBoundingClientRect().width < lineWidth) out.push(m[0]);
    }
  }
  return out;
}"""


def _korean_lines(page) -> list[str]:
    """Body text set for Korean (words kept whole, room between lines, a Korean font) and no Hangul word
    drawn across two lines."""
    problems = []
    style = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('article p'));
        return {wb: s.wordBreak, lh: parseFloat(s.lineHeight) / parseFloat(s.fontSize), font: s.fontFamily}; }""")
    if style["wb"] != "keep-all" or style["lh"] < 1.6 or "Noto Sans CJK KR" not in style["font"]:
        problems.append(f"body text style {style}")
    if split := page.evaluate(_SPLIT_WORDS):
        problems.append(f"words broken across lines: {split[:8]}")
    return problems


def _reads_on_screen(page) -> list[str]:
    """Korean, a visible heading, nothing wider than the screen."""
    problems = []
    if page.get_attribute("html", "lang") != "ko":
        problems.append("lang is not ko")
    h1 = page.locator("article h1").first
    if not h1.is_visible() or not h1.inner_text().strip():
        problems.append("no visible h1")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.append(f"page is {overflow}px wider than the screen")
    return problems


# One pass over the pages per view (loading a page costs more than any check of it): Korean, a visible h1,
# nothing wider than the screen, the palette the system asks for, axe, no console error, no violation of the
# page's Content-Security-Policy (test_csp.py covers searching, printing and offline), no request that leaves
# the site; on the phone, Korean lines that break between words.
@pytest.mark.parametrize("view", VIEWS, ids=[v.name for v in VIEWS])
def test_every_page_reads_fits_keeps_its_policy_and_axe_finds_nothing_serious(
    view, built_site, site_url, browser, axe_js
):
    site, _ = built_site
    pages = site_pages(site)
    assert len(pages) >= 11
    if view.name == "desktop":
        # What the desktop changes is the layout (sidebars, widths), the same for every page of a kind; the
        # content's names, labels and contrasts are checked on every page on the phone, light and dark.
        pages = list(page_types(site, pages).values())
    context = browser.new_context(**NO_WORKER, **view.context_options(scale=1))
    context.add_init_script(RECORD_POLICY_VIOLATIONS)
    page = context.new_page()
    seen = watch_page(page, site_url)
    problems: list[str] = []
    try:
        for path in pages:
            seen["errors"].clear(), seen["foreign"].clear()
            page.goto(site_url + path, wait_until="load")  # no worker here: nothing is fetched after load
            scheme = page.get_attribute("body", "data-md-color-scheme")
            if scheme != ("slate" if view.dark else "default"):
                problems.append(f"/{path} [{view.name}]: palette {scheme} does not follow the system setting")
            problems += [f"/{path} [{view.name}]: {p}" for p in _reads_on_screen(page)]
            if view.name == "phone":
                problems += [f"/{path} [{view.name}]: {p}" for p in _korean_lines(page)]
            problems += [f"/{path} [{view.name}]: policy violation {v}" for v in page.evaluate("window.__csp")]
            # Colour is checked on every page by the phones, light and dark (the desktop has the same colours);
            # everything else by the light phone, and by the desktop for its own layout.
            if view.dark:
                violations = run_axe(page, axe_js, rules=COLOUR_RULES)
            else:
                violations = run_axe(page, axe_js, skip=COLOUR_RULES if view.name == "desktop" else None)
            problems += describe(path, view.name, blocking(violations))
            problems += [f"/{path} [{view.name}]: console error {e}" for e in seen["errors"]]
            problems += [f"/{path} [{view.name}]: request left the site: {u}" for u in seen["foreign"]]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_long_urls_and_numbers_still_wrap_on_a_phone(built_site, site_url, phone):
    """keep-all must not push a long unbroken string past the phone's edge."""
    phone.goto(site_url)
    width = phone.evaluate("""() => { const p = document.createElement('p');
        p.textContent = '주문번호 202611260000123456789012345678 와 https://example.com/a/very/long/path/without/any/space/at/all';
        document.querySelector('article').append(p); return p.scrollWidth - p.clientWidth; }""")
    assert width <= 0


def test_site_title_fits_the_phone_header(site_url, phone, browser):
    phone.goto(site_url)
    title = phone.locator(".md-header__topic").first
    assert phone.locator(".guide-title--short").is_visible()
    assert not phone.locator(".guide-title--long").is_visible()
    assert title.evaluate(
        "e => e.querySelector('.md-ellipsis').scrollWidth <= e.querySelector('.md-ellipsis').clientWidth"
    )
    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        desktop.goto(site_url)
        assert desktop.locator(".guide-title--long").is_visible()
        assert not desktop.locator(".guide-title--short").is_visible()
    finally:
        desktop.close()


def test_palette_toggle_has_a_name_and_switches(site_url, phone):
    phone.goto(site_url)
    assert phone.get_attribute("body", "data-md-color-scheme") == "default"
    toggle = phone.locator("form[data-md-component=palette] label:visible")
    assert toggle.count() == 1
    name = toggle.get_attribute("title")
    assert name and name.strip()
    assert phone.get_by_role("radio", name=name).count() == 1  # the input the label controls is named too
    toggle.click()
    phone.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    back = phone.locator("form[data-md-component=palette] label:visible")
    assert back.get_attribute("title") != name
    phone.reload()
    assert phone.get_attribute("body", "data-md-color-scheme") == "slate", "the choice is remembered"


def test_first_load_of_every_page_is_small(built_site, browser):
    site, _ = built_site
    heavy = []
    with GzipServer(site) as server, FirstLoad(browser) as first:
        measured = first.bytes_of([server.url + path for path in site_pages(site)])
    for url, sizes in measured.items():
        path = url.removeprefix(server.url)
        assert sizes.get("document") and sizes.get("stylesheet") and sizes.get("script"), (path, sizes)
        if (total := sum(sizes.values())) > FIRST_LOAD_LIMIT:
            heavy.append(f"/{path}: {total / 1024:.1f} KiB ({sizes})")
    assert not heavy, f"first load over {FIRST_LOAD_LIMIT // 1024} KiB gzipped:\n" + "\n".join(heavy)
