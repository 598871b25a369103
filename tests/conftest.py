from __future__ import annotations

import pytest

from support import ROOT, SiteServer, build_site, launch_chromium


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per test run with `--strict`."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stderr[-3000:]}")
    return dest, result


@pytest.fixture(scope="session")
def site_url(built_site):
    with SiteServer(built_site[0]) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            chromium = launch_chromium(p)
        except RuntimeError as exc:
            pytest.fail(str(exc), pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A 390 px wide phone page in Korean."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR", device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def project_root():
    return ROOT
