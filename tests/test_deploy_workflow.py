"""The GitHub Pages workflow can pass on a runner: it installs what the tests need the way a runner can
(Playwright's Chromium, not Ubuntu's snap stub), runs the README's test command before building, and needs
nothing outside the clone (no ../shared). Its log lists the facts not checked for long, and its build runs in
deploy mode, which stops on facts past the data file's limit."""

from __future__ import annotations

import yaml

from guidedev.support import ROOT
from guidekit.freshness import DEPLOY_ENV, deploy_mode

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
    assert "webkit2gtk-driver" in text and "xvfb" in text  # WebKit's journeys (tests/browser/test_every_engine.py)
    assert "chromium-browser" not in text  # a snap stub on Ubuntu runners


def test_nothing_outside_the_clone_is_needed():
    text = WORKFLOW.read_text("utf-8")
    assert "../" not in text and "shared/" not in text


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["build"]["steps"]


def test_the_deploy_log_lists_facts_not_checked_for_long():
    runs = _runs()
    stale_at = next((i for i, r in enumerate(runs) if r.strip() == "make stale"), None)
    assert stale_at is not None, "no step runs `make stale`"
    assert stale_at < runs.index(next(r for r in runs if r.strip() == "make build"))
    assert "\nstale:" in (ROOT / "Makefile").read_text("utf-8")


def test_only_the_deploys_build_runs_in_deploy_mode():
    """The build that is published stops on facts past the data's limit; the tests before it do not."""
    steps = _steps()
    deploying = [s for s in steps if str(s.get("env", {}).get(DEPLOY_ENV, "")).strip()]
    assert [s.get("run", "").strip() for s in deploying] == ["make build"]
    assert deploy_mode(str(deploying[0]["env"][DEPLOY_ENV])) is True
    job = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["build"]
    assert DEPLOY_ENV not in job.get("env", {}), "set on the job, deploy mode would stop `make test` too"
