"""The pages the browser tests share (guidedev.pagepool) come back clean: a test must not see what the one
before it stored, printed or resized, or the tests would pass or fail by their order."""

from __future__ import annotations

import pytest

from guidedev.pagepool import PHONE, PagePool
from guidedev.support import NO_WORKER

pytestmark = pytest.mark.browser

LEAVE_BEHIND = """() => {
  localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1'); document.cookie = 'left=1; path=/';
  return new Promise(done => { const r = indexedDB.open('left'); r.onsuccess = () => done(true) })
}"""
WHAT_IS_LEFT = """async () => ({
  local: Object.keys(localStorage), session: sessionStorage.length, cookie: document.cookie,
  idb: (await indexedDB.databases()).map(d => d.name), print: matchMedia('print').matches,
  width: innerWidth,
})"""


def test_a_lent_page_comes_back_with_nothing_of_the_last_test(browser, site_url):
    pool = PagePool(browser)
    try:
        with pool.lend("phone", {**NO_WORKER, **PHONE}) as page:
            first = page
            page.goto(site_url + "faq/")
            page.evaluate(LEAVE_BEHIND)
            page.goto(site_url)  # session storage from an earlier page of the same tab, too
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 800, "height": 600})
        with pool.lend("phone", {**NO_WORKER, **PHONE}) as page:
            assert page is first, "the same page, not a new one"
            assert page.url == "about:blank"
            page.goto(site_url + "faq/")
            left = page.evaluate(WHAT_IS_LEFT)
        # Just what the site itself stores on a first visit (Material's palette), as in a new context.
        context = browser.new_context(**NO_WORKER, **PHONE)
        fresh = context.new_page()
        fresh.goto(site_url + "faq/")
        assert left == fresh.evaluate(WHAT_IS_LEFT)
        context.close()
        assert left["width"] == 390 and not left["print"] and "left" not in left["local"]
    finally:
        pool.close()


def test_a_page_the_test_closed_is_made_anew(browser, site_url):
    pool = PagePool(browser)
    try:
        with pool.lend("phone", {**NO_WORKER, **PHONE}) as page:
            page.close()
        with pool.lend("phone", {**NO_WORKER, **PHONE}) as page:
            page.goto(site_url)
            assert page.evaluate("innerWidth") == 390
    finally:
        pool.close()
