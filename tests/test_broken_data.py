"""Every mistake a content editor makes in the data file or a page ends the build with one short,
readable message (file, line, key path, what is expected), no traceback, `docs/` untouched, and the
last good site left exactly as it was. One fixture per mistake in tests/fixtures/broken/."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from guidedev.support import BROKEN_FIXTURES as FIXTURES
from guidedev.support import apply_edit, build_site, copy_project, tree_digest


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """A good build to stand in for the site a failed build must not touch."""
    dest = tmp_path_factory.mktemp("good") / "site"
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest


def test_there_are_at_least_twelve_fixtures():
    assert len(FIXTURES) >= 12


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_broken_input_gives_one_clear_message(fixture, tmp_path, good_site):
    case = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    project = copy_project(tmp_path / "project")
    apply_edit(project, case["edit"])
    docs_before = tree_digest(project / "docs")
    site = project / "site"
    shutil.copytree(good_site, site)
    site_before = tree_digest(site)

    result = build_site(site, config=project / "mkdocs.yml")
    out = result.stdout + result.stderr

    assert result.returncode != 0, f"{case['mistake']}: the build passed\n{out[-2000:]}"
    assert "Traceback" not in out, out
    problem = [
        line
        for line in result.stderr.splitlines()
        if not line.startswith("INFO") and not line.startswith("  - facts.") and "확인한 뒤에는" not in line
    ]
    message = "\n".join(problem)
    assert len(problem) <= 8, message
    expect = case["expect"]
    assert expect["file"] in message, message
    if expect.get("line"):
        assert re.search(re.escape(expect["file"]) + r":\d+", message), message
    if "key_path" in expect:
        assert expect["key_path"] in message, message
    for words in expect.get("says", []):
        assert words in message, message
    assert tree_digest(project / "docs") == docs_before, "the build changed docs/"
    assert tree_digest(site) == site_before, "the failed build changed the last good site"
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")], "a staging folder was left behind"
