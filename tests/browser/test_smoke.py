"""Every page of the built site, opened at phone width in Chromium: Korean, a visible h1, no console
error, and no request to any host but the site's own."""

from __future__ import annotations

import pytest

from guidedev.support import site_pages, watch_page

pytestmark = pytest.mark.browser


def test_every_page_at_phone_width(built_site, site_url, phone):
    site, _ = built_site
    pages = site_pages(site)
    assert len(pages) >= 11
    problems: list[str] = []
    seen = watch_page(phone, site_url)
    for path in pages:
        seen["errors"].clear(), seen["foreign"].clear()
        phone.goto(site_url + path, wait_until="networkidle")
        if phone.get_attribute("html", "lang") != "ko":
            problems.append(f"{path}: lang is not ko")
        h1 = phone.locator("article h1").first
        if not h1.is_visible() or not h1.inner_text().strip():
            problems.append(f"{path}: no visible h1")
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            problems.append(f"{path}: page is {overflow}px wider than the phone")
        problems += [f"{path}: console error {e}" for e in seen["errors"]]
        problems += [f"{path}: request left the site: {u}" for u in seen["foreign"]]
    assert not problems, "\n".join(problems)
