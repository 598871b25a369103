"""A fact not compared with its source for longer than the data file's `meta.review.stop_deploy_after_days`
stops the deploy's build (GUIDE_DEPLOY=1, set only by .github/workflows/deploy.yml) with a message naming it,
while an ordinary build only lists it. The builds run in this process (guidedev.support.InProcessBuild); the
date moved back is counted from today and the data's own limit, so the test never goes stale."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest

from guidedev.edits import apply_edit
from guidedev.support import InProcessBuild, copy_project, load_project_guide
from guidekit.freshness import DEPLOY_ENV

pytestmark = pytest.mark.reads_guide

GUIDE = load_project_guide()
KEY = sorted(GUIDE.facts)[0]


@pytest.fixture(scope="module")
def old_fact_project(tmp_path_factory):
    """A copy of the project with one fact last checked a week past the deploy's limit."""
    project = copy_project(tmp_path_factory.mktemp("stale") / "project")
    checked = date.today() - timedelta(days=GUIDE.meta.review.stop_deploy_after_days + 7)
    apply_edit(
        project,
        {"file": "docs/data/guide.yml", "at": f"facts.{KEY}.checked", "line": f"{{indent}}{{key}}: {checked}"},
    )
    return project, checked


class _Info:
    """INFO lines too (InProcessBuild keeps warnings and errors): the freshness notice is an INFO."""

    def __init__(self):
        self.lines: list[str] = []
        self.handler = logging.Handler(logging.INFO)
        self.handler.emit = lambda record: self.lines.append(record.getMessage())  # type: ignore[method-assign]
        self.logger = logging.getLogger("mkdocs")

    def __enter__(self):
        self.level = self.logger.level
        self.logger.setLevel(logging.INFO)
        self.logger.addHandler(self.handler)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.level)


def test_the_deploy_build_stops_and_names_the_fact(old_fact_project, tmp_path, monkeypatch):
    project, checked = old_fact_project
    monkeypatch.setenv(DEPLOY_ENV, "1")
    run = InProcessBuild(project / "mkdocs.yml", tmp_path / "site")
    assert not run.ok, run.log
    assert "Traceback" not in run.log
    line = GUIDE.line_of("facts", KEY, "checked")
    assert f"docs/data/guide.yml:{line} facts.{KEY}.checked: {checked}" in run.log, run.log
    age = (date.today() - checked).days
    assert f"{age}일 전" in run.log and GUIDE.facts[KEY].source in run.log
    assert "meta.review.stop_deploy_after_days" in run.log
    assert not (tmp_path / "site").exists(), "a stopped deploy left a site to upload"


def test_an_ordinary_build_only_lists_the_fact(old_fact_project, tmp_path, monkeypatch):
    project, _ = old_fact_project
    monkeypatch.delenv(DEPLOY_ENV, raising=False)
    with _Info() as info:
        run = InProcessBuild(project / "mkdocs.yml", tmp_path / "site")
    assert run.ok, run.log
    notice = next((m for m in info.lines if "알림: " in m), "")
    assert f"facts.{KEY} " in notice, info.lines
    assert f"{GUIDE.meta.review.stop_deploy_after_days}일도 넘었어요" in notice
