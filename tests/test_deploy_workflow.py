"""The GitHub Pages workflow can pass on a runner: it installs what the tests need the way a runner can
(Playwright's Chromium, not Ubuntu's snap stub), runs the README's test command before building, and needs
nothing outside the clone (no ../shared)."""

from __future__ import annotations

import yaml

from guidedev.support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"


def _runs() -> list[str]:
    steps = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["build"]["steps"]
    return [step["run"] for step in steps if "run" in step]


def test_tests_run_before_the_site_is_built_and_uploaded():
    runs = _runs()
    test_at = next(i for i, r in enumerate(runs) if r.strip() == "make test")
    build_at = next(i for i, r in enumerate(runs) if r.strip() == "make build")
    assert test_at < build_at


def test_browser_and_fonts_come_from_places_a_runner_has():
    text = " ".join(_runs())
    assert "playwright install --with-deps chromium" in text
    assert "fonts-noto-cjk" in text
    assert "chromium-browser" not in text  # a snap stub on Ubuntu runners


def test_nothing_outside_the_clone_is_needed():
    text = WORKFLOW.read_text("utf-8")
    assert "../" not in text and "shared/" not in text
