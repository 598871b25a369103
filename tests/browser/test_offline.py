"""The guide with no network after one visit, as a phone gets it from a host like GitHub Pages (gzip, a
404 page, folders under /repo/): every page from the nav, searches, ticks that survive a reload, the
deadline helper and message templates, all offline; a new build picked up without mixing builds, a page only
it has included; the same under a sub-path; installable; the copy made after the page has loaded and within
1 MiB; a note when the host keeps refusing the copy an update; and a button that clears what the site
stored."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from guidedev import hand_checked as hand
from guidedev.civil_dates import for_fact, site_holidays
from guidedev.nextbuild import NEW_PAGE, NEW_WORDS
from guidedev.searchprobe import INPUT, open_search
from guidedev.support import (
    ROOT,
    build_site,
    copy_project,
    free_port,
    launch_persistent_chromium,
    load_project_guide,
    site_pages,
    start_serve,
)
from guidedev.webaudit import COPY_READY, VIEWS, Host, offline_copy

pytestmark = pytest.mark.browser
PHONE = VIEWS[1].context_options()
PRECACHE_LIMIT = 1024 * 1024
GUIDE = load_project_guide()
PHONE_1372 = str(GUIDE.facts["phone_1372"].value)


def _christmas_deadline() -> tuple[str, str, str]:
    """(received on, deadline, why) for the withdrawal period that ends on 2026-12-25."""
    if hand.applies(GUIDE, hand.HELPER_PERIODS):
        return hand.MOVED["2026-12-25"]
    days = GUIDE.facts["withdrawal_days"]
    arrival = (date(2026, 12, 25) - timedelta(days=days.value)).isoformat()
    moved = for_fact(days, arrival, site_holidays(GUIDE.extra_holidays))
    return arrival, moved.iso, moved.says() or ""


# Where the page's worker registration stands: which script is active, installing or waiting, and the caches.
WORKER_STATE = """async () => {
  const r = await navigator.serviceWorker.getRegistration()
  const at = w => w && [w.scriptURL, w.state]
  return { url: location.href, controlled: !!navigator.serviceWorker.controller, caches: await caches.keys(),
           registration: r && { active: at(r.active), installing: at(r.installing), waiting: at(r.waiting) } }
}"""


def visit_once(context, url: str):
    """A first visit: the page loads from the network, then the worker copies the site."""
    page = context.new_page()
    page.goto(url, wait_until="load")
    names = page.evaluate(COPY_READY)
    assert len(names) == 1, names
    return page


@contextmanager
def visited(browser, site: Path, **host):
    """A phone that has opened the guide's home page once: (host, context, page)."""
    with Host(site, **host) as server:
        context = browser.new_context(**PHONE)
        try:
            yield server, context, visit_once(context, server.url)
        finally:
            context.close()


def nav_links(page) -> list[str]:
    return page.eval_on_selector_all(
        ".md-nav--primary a.md-nav__link[href]", "els => [...new Set(els.map(a => a.href.split('#')[0]))]"
    )


def search_answers(page, query: str) -> bool:
    """Results for `query` that are real matches, not the no-match list."""
    page.fill(INPUT, query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator('.md-search-result article:not([data-md-score="-1.00"])').count() > 0


# ── offline ─────────────────────────────────────────────────────────────────────────────────────


def test_after_one_visit_every_page_search_ticks_and_helpers_work_offline(built_site, browser):
    site, _ = built_site
    with visited(browser, site) as (host, context, page):
        links = nav_links(page)
        assert len(links) == len(site_pages(site)), "the nav should reach every page"
        context.set_offline(True)
        failed: list[str] = []
        # Chromium fetches a tab's favicon itself, past the worker; offline it keeps the one it has. A request
        # cut short because the test moved on to the next page (ERR_ABORTED: a busy machine makes that likelier,
        # e.g. the search worker of the page just left) was not refused by the copy.
        page.on(
            "requestfailed",
            lambda r: (
                None
                if r.url.endswith("favicon.svg") or r.failure == "net::ERR_ABORTED"
                else failed.append(f"{r.url} ({r.failure})")
            ),
        )
        not_from_copy: list[str] = []
        page.on("response", lambda r: None if r.from_service_worker else not_from_copy.append(r.url))
        for url in links:
            response = page.goto(url, wait_until="load")
            assert response and response.ok, f"{url} did not open offline"
            assert page.locator("article h1").count() == 1, url

        for path, query in (("delivery/", "반품 기한"), ("faq/", "ㅈㅂㄱㅈ"), ("checklists/prepare/", PHONE_1372)):
            page.goto(host.url + path)
            open_search(page)
            assert search_answers(page, query), f"search for {query!r} on /{path} found nothing offline"

        page.goto(host.url + "checklists/payment-error/")
        box = page.locator("input.checklist__box").nth(1)
        page.click(f'label[for="{box.get_attribute("id")}"]')
        page.reload()
        assert page.locator("input.checklist__box").nth(1).is_checked(), "the tick did not survive a reload"

        page.goto(host.url + "checklists/before-return/")
        # The helper's module, the arithmetic it imports and the holidays: the withdrawal period ends on
        # 기독탄신일, so the deadline moves on (hand-checked for today's period, else the oracle's date).
        arrival, expected, _ = _christmas_deadline()
        page.fill(".deadline-helper__arrival", arrival)
        moved = page.locator('dd[data-deadline="withdrawal"] .deadline-date time')
        assert moved.get_attribute("datetime") == expected

        page.goto(host.url + "messages/")
        template = page.locator(".msg-template:has(.msg-fill)").first
        template.locator(".msg-fill summary").click()
        template.locator(".msg-fill input").first.fill("20261126-0001")
        assert "20261126-0001" in template.locator(".msg-template__body").inner_text()

        assert not failed, f"requests failed offline: {failed}"
        assert not not_from_copy, f"answered from outside the offline copy: {not_from_copy}"


def test_an_unknown_address_offline_shows_the_sites_404_page(built_site, browser):
    site, _ = built_site
    with visited(browser, site) as (host, context, page):
        context.set_offline(True)
        response = page.goto(host.url + "no-such-page/")
        assert response and response.status == 404
        assert "찾을 수 없어요" in page.title()
        assert page.locator(".problem-cards a").count() > 0
        # A page's folder without its slash opens the page, as the host would answer it.
        response = page.goto(host.url + "payment")
        assert page.url == host.url + "payment/" and page.locator("article h1").count() == 1


def test_the_copy_is_made_after_the_page_loaded_holds_only_what_pages_use_and_stays_under_1_mib(built_site, browser):
    site, _ = built_site
    copy = offline_copy(browser, site)
    assert copy["registered_at"] >= copy["loaded_at"], "the worker was registered before the page loaded"
    assert copy["sent"] <= PRECACHE_LIMIT, f"the offline copy sent {copy['sent'] / 1024:.0f} KiB (limit 1 MiB)"

    cached = set(copy["files"])
    pages = set(site_pages(site))  # the home page is the site's folder itself: ''
    assert pages <= cached, f"pages missing from the copy: {sorted(pages - cached)}"
    assert {"search/search_index.json", "manifest.webmanifest", "404.html"} <= cached
    assert any(re.fullmatch(r"assets/javascripts/workers/search\.\w+\.min\.js", u) for u in cached)
    assert "assets/javascripts/workers/ko-search.js" in cached
    unwanted = [u for u in cached if "/lunr/" in u or u.endswith((".map", ".xml", ".gz", ".txt")) or "share-card" in u]
    assert not unwanted, f"the copy holds files no page uses: {unwanted}"


# ── updates ─────────────────────────────────────────────────────────────────────────────────────


def build_of(page) -> str:
    """Which build this page runs on: its words and its stylesheet must say the same."""
    words = NEW_WORDS in page.content()
    style = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--guide-build').trim()")
    assert words == (style == "2"), f"page and stylesheet from different builds (new words: {words}, style {style!r})"
    return "new" if words else "old"


@pytest.mark.parametrize("folder", ["/", "/repo/"])
def test_a_new_build_waits_is_offered_and_never_mixes_with_the_old(built_site, next_build, browser, folder):
    site, _ = built_site
    with visited(browser, site, prefix=folder) as (host, context, page):
        page.goto(host.url + "payment/")
        assert build_of(page) == "old"
        host.deploy(next_build)
        before = len(host.log)
        page.goto(host.url + "payment/")
        # Still the old build, whole, while the new copy is made in the background.
        assert build_of(page) == "old"
        note = page.locator(".guide-update__note")
        note.wait_for(state="visible", timeout=20000)
        assert "새 버전이 있어요" in note.inner_text()
        assert len(page.evaluate("caches.keys()")) == 2
        page.reload()
        assert build_of(page) == "old", "a reload alone must not switch builds under a page"
        # Files the old copy already holds with the same bytes were not downloaded again.
        fetched = {s.path for s in host.log[before:]}
        assert f"{folder}payment/" in fetched and not any("bundle." in p for p in fetched), sorted(fetched)

        page.locator(".guide-update__go").click()
        page.wait_for_function(f"() => document.body.innerText.includes({json.dumps(NEW_WORDS)})")
        page.wait_for_load_state("load")
        assert build_of(page) == "new"
        assert len(page.evaluate("caches.keys()")) == 1, "the old copy was not removed"
        context.set_offline(True)
        page.goto(host.url + "faq/")
        page.goto(host.url + "payment/")
        assert build_of(page) == "new"


def test_without_a_tap_the_new_build_takes_over_on_the_next_visit(built_site, next_build, browser):
    site, _ = built_site
    with visited(browser, site) as (host, context, page):
        host.deploy(next_build)
        page.goto(host.url + "payment/")
        page.locator(".guide-update__note").wait_for(state="visible", timeout=20000)
        page.locator(".guide-update__later").click()
        assert page.locator(".guide-update__note").is_hidden()
        assert build_of(page) == "old"
        page.close()  # the reader leaves; the next visit opens the guide anew
        time.sleep(0.5)
        again = context.new_page()
        again.goto(host.url + "payment/", wait_until="load")
        assert build_of(again) == "new"


def test_a_page_the_old_copy_lacks_comes_with_its_own_builds_files(built_site, next_build, browser):
    """After a deploy the old copy still runs the tab; a page only the new build has comes from the network,
    and so do its stylesheets and scripts, not the old copy's files of the same names (`extra.css`, Material's
    pruned stylesheet)."""
    site, _ = built_site
    with visited(browser, site) as (host, context, page):
        # A page of the copy first: its files stay in the tab's memory for the next page to reuse.
        page.goto(host.url + "payment/", wait_until="load")
        assert build_of(page) == "old"
        host.deploy(next_build)
        page.goto(host.url + f"{NEW_PAGE}/", wait_until="load")
        assert page.evaluate("!!navigator.serviceWorker.controller"), "the old copy should run this tab"
        assert build_of(page) == "new"
        # The new build's copy is made and waits: the old one still runs the tab, a reload included.
        page.locator(".guide-update__note").wait_for(state="visible", timeout=20000)
        page.reload(wait_until="load")
        assert build_of(page) == "new"
        # The old copy's own pages stay whole on its files, though the new ones were fetched meanwhile.
        page.goto(host.url + "payment/", wait_until="load")
        assert build_of(page) == "old"
        # With no network the page the copy lacks is its 404 page, on its own files too.
        context.set_offline(True)
        response = page.goto(host.url + f"{NEW_PAGE}/")
        assert response and response.status == 404 and build_of(page) == "old"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


# ── under a sub-path, installable ──────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The site built for https://example.github.io/repo/, as the deploy workflow builds it."""
    dest = tmp_path_factory.mktemp("subpath") / "site"
    result = build_site(dest, extra_env={"SITE_URL": "https://example.github.io/repo/"})
    assert result.returncode == 0, result.stderr[-3000:]
    return dest


def test_under_a_sub_path_the_copy_the_app_and_the_404_page_stay_in_the_folder(project_site, browser):
    with visited(browser, project_site, prefix="/repo/") as (host, context, page):
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == host.url
        manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
        base = host.url + "manifest.webmanifest"
        assert page.evaluate("([u, b]) => new URL(u, b).href", [manifest["start_url"], base]) == host.url
        assert page.evaluate("([u, b]) => new URL(u, b).href", [manifest["scope"], base]) == host.url
        assert all(name.startswith("guide-offline /repo/ ") for name in page.evaluate("caches.keys()"))
        context.set_offline(True)
        for url in nav_links(page):
            assert url.startswith(host.url)
            response = page.goto(url)
            assert response and response.ok, url
        open_search(page)
        assert search_answers(page, "가송장")
        response = page.goto(host.url + "nowhere/")
        assert response and response.status == 404
        assert page.locator(".problem-cards a").first.get_attribute("href").startswith("/repo/")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def test_chromium_finds_nothing_missing_to_install_the_guide(built_site, browser, tmp_path):
    site, _ = built_site
    with Host(site) as host:
        context = launch_persistent_chromium(browser.browser_type, tmp_path / "profile", **PHONE)
        try:
            page = context.new_page()
            page.goto(host.url, wait_until="load")
            page.evaluate(COPY_READY)
            cdp = context.new_cdp_session(page)
            errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            assert errors == [], errors
            manifest = cdp.send("Page.getAppManifest")
            assert not manifest.get("errors"), manifest["errors"]
            data = json.loads(manifest["data"])
            assert data["lang"] == "ko" and data["display"] == "standalone"
            assert data["name"] == GUIDE.meta.site_title and data["short_name"] == GUIDE.meta.short_title
            assert {i["purpose"] for i in data["icons"]} == {"any", "maskable"}
        finally:
            context.close()


def test_manifest_icons_are_the_sizes_they_claim():
    from guidekit.offline import web_manifest

    manifest = json.loads(
        web_manifest(name="a", short_name="b", description="c", theme_color="#000", background_color="#fff")
    )
    for icon in manifest["icons"] + [{"src": "images/icons/apple-touch-icon.png", "sizes": "180x180"}]:
        png = (ROOT / "docs" / icon["src"]).read_bytes()
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and f"{width}x{height}" == icon["sizes"], icon


# ── a copy that cannot update ─────────────────────────────────────────────────────────────────


def stuck_after() -> int:
    """How many failed update checks offline.js counts before it tells the reader (its STUCK_AFTER)."""
    script = (ROOT / "overrides/assets/javascripts/offline.js").read_text("utf-8")
    found = re.search(r"const STUCK_AFTER = (\d+);", script)
    assert found, "offline.js no longer says `const STUCK_AFTER = <n>;`"
    return int(found[1])


def counted_failures(page, key: str, count: int | None) -> None:
    """Waits until offline.js's count of failed update checks is `count` (None: no count kept)."""
    want = None if count is None else str(count)
    try:
        page.wait_for_function("([k, n]) => localStorage.getItem(k) === n", arg=[key, want], timeout=15000)
    except PlaywrightTimeout:
        got = page.evaluate("k => localStorage.getItem(k)", key)
        raise AssertionError(f"failed update checks counted: {got!r}, expected {want!r}") from None


def test_a_copy_the_host_will_not_update_says_so_after_a_few_failed_checks(built_site, browser):
    """sw.js answers 500 after a broken deploy: the copy can never move on by itself. After a few checks
    the host answered so (never for checks that fail offline), a note says so and links the page where the
    copy can be cleared."""
    site, _ = built_site
    bound = stuck_after()
    folder = "/repo/"
    key = f"guide-offline {folder} failed update checks"  # offline.js FAILED: one count per site on a host
    pages = ["faq/", "payment/", "delivery/", "chat/"]
    with visited(browser, site, prefix=folder) as (host, context, page):
        stuck = page.locator(".guide-update__stuck")
        host.statuses[f"{folder}sw.js"] = 500
        for count in range(1, bound):
            page.goto(host.url + pages[count % len(pages)], wait_until="load")
            counted_failures(page, key, count)
            assert stuck.is_hidden(), f"the note showed after {count} failed checks"

        # Offline every check fails for want of a network, which is what the copy is for.
        context.set_offline(True)
        for path in pages[:2]:
            with page.expect_event("requestfailed", lambda r: r.url == host.url + "sw.js"):
                page.goto(host.url + path, wait_until="load")
            assert page.evaluate("k => localStorage.getItem(k)", key) == str(bound - 1)
            assert stuck.is_hidden(), "the note showed while offline"
        context.set_offline(False)

        page.goto(host.url + "rights/", wait_until="load")
        counted_failures(page, key, bound)
        stuck.wait_for(state="visible", timeout=10000)
        assert "새 버전을 받지 못하고" in stuck.inner_text()
        assert page.locator(".guide-update__note").is_hidden()
        link = stuck.get_by_role("link", name="인터넷 없이 쓰기")
        assert link.get_attribute("href") == host.url + "offline/"
        link.click()
        page.wait_for_url(host.url + "offline/")
        assert page.locator(".device-data__forget").count() == 1

        # The host answers again: the first good check ends the count and the note.
        del host.statuses[f"{folder}sw.js"]
        page.goto(host.url + "faq/", wait_until="load")
        counted_failures(page, key, None)
        assert stuck.is_hidden()


# ── what the site stored ──────────────────────────────────────────────────────────────────────


def test_the_offline_page_counts_and_clears_only_what_this_site_stored(built_site, browser):
    site, _ = built_site
    with visited(browser, site) as (host, _, page):
        page.goto(host.url + "checklists/payment-error/")
        page.locator("label.checklist__label").first.click()
        page.evaluate("localStorage.setItem('another-site', 'kept'); caches.open('another-cache')")
        page.goto(host.url + "offline/")
        summary = page.locator(".device-data__summary")
        page.wait_for_function("() => document.querySelector('.device-data__summary').textContent.includes('사본')")
        assert "체크리스트 1개" in summary.inner_text() and "오프라인 사본" in summary.inner_text()

        page.get_by_role("button", name="이 기기에 저장된 내용 지우기").click()
        dialog = page.locator("dialog.device-data__confirm")
        assert dialog.is_visible()
        page.get_by_role("button", name="그대로 두기").click()
        assert dialog.is_hidden()
        assert page.evaluate("Object.keys(localStorage).some(k => k.startsWith('kshop-help:'))")

        page.get_by_role("button", name="이 기기에 저장된 내용 지우기").click()
        page.get_by_role("button", name="모두 지우기").click()
        page.wait_for_function("() => document.querySelector('.device-data__summary').textContent.includes('지웠어요')")
        assert not page.evaluate("Object.keys(localStorage).some(k => k.startsWith('kshop-help:'))")
        assert page.evaluate("caches.keys()") == ["another-cache"]
        assert page.evaluate("localStorage.getItem('another-site')") == "kept"
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !r)")


def test_the_footer_of_every_page_says_the_guide_works_offline(built_site):
    site, _ = built_site
    for path in site_pages(site):
        html = (site / path / "index.html").read_text("utf-8")
        footer = html[html.index('class="md-copyright guide-footer"') :]
        assert "인터넷 없이도" in footer and 'href="' in footer.split("guide-footer__offline", 1)[1][:400], path


# ── never while editing ─────────────────────────────────────────────────────────────────────────


def test_mkdocs_serve_registers_nothing_and_retires_a_worker_left_by_a_built_site(built_site, browser, tmp_path):
    """An editor previewed a built site on 127.0.0.1:8000 (its worker installed), then runs `make serve` on
    the same address: the first page may still come from the old copy, but the worker is gone at once and
    the page reloads from `mkdocs serve`, which registers none."""
    site, _ = built_site
    port = free_port()
    context = browser.new_context(**PHONE)
    try:
        with Host(site, port=port, max_age=0) as host:  # a local server: nothing kept in the HTTP cache
            page = visit_once(context, host.url)
            page.goto(host.url + "chat/")
            # That view asks the built site for a newer worker. An update check queued behind it finishes
            # after it: the answer has arrived before the address changes hands, so the next check (the
            # one this test is about) is not held up by one the built site never answered.
            page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
        proc, _ = start_serve(copy_project(tmp_path / "p"), port)
        try:
            page.goto(f"http://127.0.0.1:{port}/chat/")
            # mkdocs serve's page, with its live-reload script, replaces the old copy's by itself.
            served = r"() => /livereload\(\d+, \d+\)/.test(document.documentElement.innerHTML)"
            try:
                page.wait_for_function(served, timeout=20000)
            except Exception:
                # Seen once in 25 runs: Chromium held the retiring worker waiting (the old one still busy),
                # so nothing reloaded the page by itself. Its copies are gone already, so the editor's
                # reload gets mkdocs serve's page; the worker then goes when Chromium lets it.
                state = page.evaluate(WORKER_STATE)
                assert state["caches"] == [], f"the built site's copy stayed: {state}"
                try:
                    page.reload(wait_until="load")
                except PlaywrightError as exc:  # the page began its own reload at that moment: let it finish
                    if "ERR_ABORTED" not in str(exc):
                        raise
                    page.wait_for_load_state("load")
                page.wait_for_function(served, timeout=20000)
            page.wait_for_function("() => caches.keys().then(names => !names.length)", timeout=10000)
            # at most the old worker's idle timeout (30 s) when Chromium held the new one waiting
            page.wait_for_function("() => navigator.serviceWorker.getRegistration().then(r => !r)", timeout=45000)
            page.reload(wait_until="load")
            assert page.locator("script[src*='offline.js']").count() == 0
            assert not page.evaluate("!!navigator.serviceWorker.controller")
            assert page.locator(".guide-update").count() == 0
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/sw.js", timeout=10) as r:
                assert "unregister()" in r.read().decode()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    finally:
        context.close()
