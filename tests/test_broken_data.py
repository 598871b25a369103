"""Every mistake a content editor makes in the data file or a page ends the build with one short,
readable message (file, line, key path, what is expected), no traceback, `docs/` untouched, and the
last good site left exactly as it was. One fixture per mistake in tests/fixtures/broken/, each planted by
key path or markup (guidedev/edits.py), never by a sentence an editor may reword.

Most fixtures build in this process (guidedev.support.InProcessBuild: the same config, events and staging
as the command, without starting Python again); a Python exception escaping the build fails the test, as a
traceback would. The fixtures marked `end_to_end: true` (one per place a mistake is found: loading the data,
mkdocs.yml, a page) run the real `mkdocs build --strict` command, so that what the editor reads in the
terminal is checked too."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from guidedev.edits import apply_edit
from guidedev.support import BROKEN_FIXTURES as FIXTURES
from guidedev.support import InProcessBuild, build_site, copy_project, tree_digest

CASES = {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in FIXTURES}


@pytest.fixture
def good_site(built_site):
    """The run's strict build stands in for the site a failed build must not touch."""
    return built_site[0]


def test_there_are_at_least_twelve_fixtures():
    assert len(FIXTURES) >= 12


def test_a_few_fixtures_run_the_real_command():
    """One for a mistake found loading the data, one in mkdocs.yml, one in a page."""
    ends = {name for name, case in CASES.items() if case.get("end_to_end")}
    files = {CASES[name]["edit"]["file"] for name in ends}
    assert {"docs/data/guide.yml", "mkdocs.yml"} <= files and any(f.endswith(".md") for f in files), ends


def test_no_fixture_is_anchored_to_a_sentence_of_the_data_file():
    """A reworded sentence must never break a fixture: edits of the data file go by key path."""
    for name, case in CASES.items():
        edit = case["edit"]
        if edit["file"] == "docs/data/guide.yml":
            assert "at" in edit or "whole" in edit or "encoding" in edit, name


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_input_gives_one_clear_message(name, tmp_path, good_site):
    case = CASES[name]
    project = copy_project(tmp_path / "project")
    names = apply_edit(project, case["edit"])
    docs_before = tree_digest(project / "docs")
    site = project / "site"
    shutil.copytree(good_site, site)
    site_before = tree_digest(site)

    if case.get("end_to_end"):
        result = build_site(site, config=project / "mkdocs.yml")
        failed, out, err = result.returncode != 0, result.stdout + result.stderr, result.stderr
    else:
        run = InProcessBuild(project / "mkdocs.yml", site)
        failed, out, err = not run.ok, run.log, run.log

    assert failed, f"{case['mistake']}: the build passed\n{out[-2000:]}"
    assert "Traceback" not in out, out
    problem = [
        line
        for line in err.splitlines()
        if not line.startswith("INFO") and not line.startswith("  - facts.") and "확인한 뒤에는" not in line
    ]
    message = "\n".join(problem)
    assert len(problem) <= 8, message
    expect = case["expect"]
    assert expect["file"] in message, message
    if expect.get("line"):
        assert re.search(re.escape(expect["file"]) + r":\d+", message), message
    if "key_path" in expect:
        assert expect["key_path"].format(**names) in message, message
    for words in expect.get("says", []):
        assert words in message, message
    assert tree_digest(project / "docs") == docs_before, "the build changed docs/"
    assert tree_digest(site) == site_before, "the failed build changed the last good site"
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")], "a staging folder was left behind"
