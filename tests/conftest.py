from __future__ import annotations

import os
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from guidedev.pagepool import PHONE, PagePool
from guidedev.support import (
    NO_WORKER,
    REQUIRE_SHARED,
    ROOT,
    SHARED,
    SiteServer,
    build_site,
    launch_chromium,
    tree_digest,
)
from guidedev.tabs import CHROMIUM, ENGINES, FIREFOX, WEBKIT, BidiTab, PlaywrightTab, WebDriverTab

# Property tests. "ci" is what `make test` and CI run: derandomized (the same examples on every run, so a
# red run is never luck), no deadline (a busy 2-core machine is not a bug), no example database written.
# "deep" is for exploring by hand (`make test-deep`): random, ten times the examples, failures remembered.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep", max_examples=1500, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_SOURCE_KEY = pytest.StashKey[set]()

# No test may leave a file in the project: one left in hooks/ changes the code under any build running
# beside the tests (and stays if a run is interrupted), one in docs/ would be published. Checked over the
# whole run by the process that starts the workers. Only new files count: an editor saving a page or the
# README while the tests run is not a test writing into the project.
_NOT_SOURCE = {
    ".git",
    ".venv",
    "site",
    "build",
    "screenshots",
    "artifacts",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    "mutants",
}


def _source_files() -> set[str]:
    found = set()
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _NOT_SOURCE]
        found |= {os.path.relpath(os.path.join(folder, name), ROOT) for name in files}
    return found


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):
        session.config.stash[_SOURCE_KEY] = _source_files()


def pytest_sessionfinish(session, exitstatus):
    before = session.config.stash.get(_SOURCE_KEY, None)
    if before is None:
        return
    new = sorted(_source_files() - before)
    if new:
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line(
            "The tests left new files in the project (they must use a temporary folder): " + ", ".join(new[:20]),
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def shared():
    """../shared, for the few checks that need the team's files (the source guide is never in the project).
    Skipped with a reason where it is absent; a failure instead when CI asks for it."""
    if not (SHARED / "tools" / "seed_overlap.py").exists():
        why = (
            f"needs the team's shared folder at {SHARED} (source guide and overlap tool), which a plain clone "
            f"does not have; place it beside the project to run this check. CI sets {REQUIRE_SHARED}=1."
        )
        if os.environ.get(REQUIRE_SHARED) == "1":
            pytest.fail(f"{REQUIRE_SHARED}=1 but {why}", pytrace=False)
        pytest.skip(why)
    return SHARED


@dataclass(frozen=True)
class StrictBuild:
    site: Path
    result: subprocess.CompletedProcess
    docs_before: str  # tree_digest of docs/ just before the build and just after it
    docs_after: str


@pytest.fixture(scope="session")
def strict_build(tmp_path_factory) -> StrictBuild:
    """The real site, built once per test run with `--strict`, and what docs/ held around that build: the
    digests are taken right before and right after it, so a page an editor saves during the rest of the
    run is not taken for something the build wrote."""
    dest = tmp_path_factory.mktemp("site")
    before = tree_digest(ROOT / "docs")
    result = build_site(dest)
    after = tree_digest(ROOT / "docs")
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stderr[-3000:]}")
    return StrictBuild(dest, result, before, after)


@pytest.fixture(scope="session")
def built_site(strict_build):
    """(site folder, the build command's result) of the run's strict build."""
    return strict_build.site, strict_build.result


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


@pytest.fixture(scope="session")
def pages(browser):
    """Pages lent to tests and wiped after each (guidedev.pagepool): a warm page loads in a third of the
    CPU time of one in a new context."""
    pool = PagePool(browser)
    yield pool
    pool.close()


@pytest.fixture
def phone(pages):
    """A 390 px wide phone page in Korean, clean (nothing stored, nothing loaded) but not new: pixel ratio 1
    (the tests read the page, not its pixels, and Chromium draws in software here)."""
    with pages.lend("phone", {**NO_WORKER, **PHONE}) as page:
        yield page


@pytest.fixture
def fresh_phone(browser):
    """A phone page in a context of its own, for a test that installs what a wipe cannot remove (a clock)."""
    context = browser.new_context(**NO_WORKER, **PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def next_build(tmp_path_factory):
    """The same guide rebuilt with one page changed, one added and the stylesheet changed, as a later
    deploy (guidedev.nextbuild)."""
    from guidedev.nextbuild import next_project

    tmp = tmp_path_factory.mktemp("next")
    project = next_project(tmp / "project")
    result = build_site(tmp / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site"


@pytest.fixture(scope="session")
def webkit():
    """WebKitGTK's WebDriver on a virtual phone screen, for this test process (guidedev.webdriver)."""
    from guidedev.webdriver import WebKitGTK

    try:
        driver = WebKitGTK()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield driver
    driver.close()


@pytest.fixture(scope="session")
def firefox():
    """Debian's Firefox ESR, driven over WebDriver BiDi, for this test process (guidedev.bidi)."""
    from guidedev.bidi import Firefox

    try:
        return Firefox()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


# ── one journey, every engine ──
# A test that takes `tab` (or `worker_tab`) runs once per engine: Chromium through Playwright, WebKit
# through WebDriver, Firefox through WebDriver BiDi (guidedev.tabs). `@pytest.mark.journey(name,
# not_in={engine: why})` names it in the run's table of journeys × engines and leaves out an engine that
# cannot drive what it needs, saying why.


def pytest_generate_tests(metafunc):
    if "engine" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("journey")
    not_in = marker.kwargs.get("not_in", {}) if marker else {}
    metafunc.parametrize("engine", [e for e in ENGINES if e not in not_in], indirect=True)


@pytest.fixture
def engine(request):
    marker = request.node.get_closest_marker("journey")
    if marker:
        not_in = marker.kwargs.get("not_in", {})
        request.node.user_properties.append(("journey", (marker.args[0], request.param, not_in)))
    return request.param


def _tab(request, engine: str, service_workers: bool):
    if engine == WEBKIT:
        driver = request.getfixturevalue("webkit")
        before = len(driver.restarts)
        session = driver.session(service_workers=service_workers)
        for why in driver.restarts[before:]:
            request.node.user_properties.append(("restart", f"WebKitWebDriver restarted: {why}"))
        yield WebDriverTab(session)
        session.close()
    elif engine == FIREFOX:
        session = request.getfixturevalue("firefox").session(service_workers=service_workers)
        yield BidiTab(session)
        session.close()
    else:
        assert engine == CHROMIUM
        browser = request.getfixturevalue("browser")
        options = {**PHONE} if service_workers else {**NO_WORKER, **PHONE}
        context = browser.new_context(**options)
        if not service_workers:
            # As WebKit with the feature off, and a browser that has none: no `navigator.serviceWorker` at
            # all (Playwright's block alone leaves it there and warns on the console when the page uses it).
            context.add_init_script("delete Navigator.prototype.serviceWorker")
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield PlaywrightTab(context.new_page())
        context.close()


@pytest.fixture
def tab(request, engine):
    """A phone in `engine` that offers no service worker, as an in-app browser may not (WebKit: the feature
    turned off; Firefox: its pref off; Chromium: blocked): nothing stored, 390 × 844."""
    yield from _tab(request, engine, service_workers=False)


@pytest.fixture
def worker_tab(request, engine):
    """A phone in `engine` with service workers, for the offline copy's journeys."""
    yield from _tab(request, engine, service_workers=True)


def _columns(text: str) -> int:
    """Columns a terminal gives `text`: two for a Hangul syllable."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _columns(text))


def pytest_terminal_summary(terminalreporter):
    """The journeys × engines table: pass, FAIL, or n/a with the reason the test gives."""
    results: dict[str, dict[str, str]] = {}
    restarts: set[str] = set()
    for outcome in ("passed", "failed", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            for key, value in getattr(report, "user_properties", []):
                if key == "restart":
                    restarts.add(f"{value}, before {report.nodeid}")
                if key != "journey":
                    continue
                name, engine_name, not_in = value
                row = results.setdefault(name, {})
                for other, why in not_in.items():
                    row.setdefault(other, f"n/a: {why}")
                # Any phase that failed (a setup, the test, the check after it) fails the journey.
                if outcome != "passed":
                    row[engine_name] = "FAIL"
                elif report.when == "call":
                    row.setdefault(engine_name, "pass")
    if not results:
        return
    writer = terminalreporter
    writer.write_sep("=", "journeys × engines")
    width = max(_columns(n) for n in results)
    writer.write_line(_pad("journey", width) + "  " + "  ".join(f"{e:<8}" for e in ENGINES))
    notes = []
    for name in sorted(results):
        cells = []
        for e in ENGINES:
            cell = results[name].get(e, "–")
            if cell.startswith("n/a"):
                notes.append(f"{name} in {e}: {cell[5:]}")
                cell = "n/a"
            cells.append(f"{cell:<8}")
        writer.write_line(_pad(name, width) + "  " + "  ".join(cells))
    for note in notes:
        writer.write_line(f"  n/a, {note}")
    # A browser that would not open is the harness's trouble, retried once (guidedev.webdriver); said here.
    for restart in sorted(restarts):
        writer.write_line(f"  {restart}")


@pytest.fixture
def project_root():
    return ROOT


# The few tests that walk every page (a minute or more each on 2 cores) start first, so that the workers do
# not finish the short ones and then wait on one long test at the end.
LONG_FIRST = (
    "test_every_page_reads_fits_keeps_its_policy_and_axe_finds_nothing_serious",
    "test_every_kind_of_page_looks_the_same_as_with_materials_own_stylesheets",
    "test_hostile_text_in_every_display_string_shows_as_text_and_never_runs",
    "test_first_load_of_every_page_is_small",
    "test_after_one_visit_every_page_search_ticks_and_helpers_work_offline",
    "test_no_page_breaks_the_policy_reading_searching_printing_and_offline",
)


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.originalname not in LONG_FIRST)
