"""A correct edit of a fact never turns the suite red: the tests that read the project's data or built site
(marked `reads_guide`) pass on a copy of the project in which every fact has another value and every title
another wording (guidedev.factedits). A test holding today's value instead of reading it fails there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from guidedev.factedits import edit_every_fact_and_title, edit_project, other_value
from guidedev.support import CHECKOUT, PROJECT_ROOT, ROOT, copy_project, load_project_guide
from guidekit.load import DATA_FILE, SCHEMA_FILE, load_guide

# The run on the copy: no browser (minutes), no second opinions (`full`, this test among them).
SELECTION = "reads_guide and not browser and not full"


def _run_tests(project: Path, *args: str) -> subprocess.CompletedProcess:
    """pytest in a child, in this clone, testing `project` instead of the clone's own sources."""
    # The child is a run of its own: nothing of this run's xdist worker or current test.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env[PROJECT_ROOT] = str(project)
    cmd = [sys.executable, "-m", "pytest", "-n", "0", "-p", "no:cacheprovider", "-q", *args]
    return subprocess.run(cmd, cwd=CHECKOUT, env=env, capture_output=True, text=True)


def _edited_copy(tmp_path: Path) -> tuple[Path, dict]:
    project = copy_project(tmp_path / "edited")
    return project, edit_project(project)


def _value_at(data: dict, path: tuple):
    for part in path:
        data = data[part]
    return data


def test_each_kind_gets_another_value_a_careful_editor_would_write():
    assert other_value("text", "평일 09:00–18:00") == "평일 10:00–19:00"  # the minutes stay
    assert other_value("text", "24시간") == "23시간"
    assert other_value("text", "보류") == "새 보류"
    assert other_value("button", "판매자 정보") == "새 판매자 정보"
    assert other_value("path", ["카카오톡", "더보기(…)"]) == ["새 카카오톡", "새 더보기(…)"]
    assert other_value("number", 7) == 8
    assert other_value("phone", "1372") == "1373" and other_value("phone", "02-123-4569") == "02-123-4560"
    assert other_value("url", "https://www.ccn.go.kr/") == "https://www.ccn.go.kr/help/"
    assert other_value("url", "https://a.example/x") == "https://a.example/x/help"


def test_the_edited_copy_differs_in_every_fact_and_every_title_and_still_loads(tmp_path):
    """The copy is the measurement: if a fact or a title kept its value, a test holding it would not be
    caught. The edited file is still valid: the schema and the loader's checks accept it."""
    docs = ROOT / "docs"
    text, edits = edit_every_fact_and_title((docs / DATA_FILE).read_text(encoding="utf-8"))
    before = load_project_guide()
    (tmp_path / DATA_FILE).parent.mkdir(parents=True)
    (tmp_path / DATA_FILE).write_text(text, encoding="utf-8")
    (tmp_path / SCHEMA_FILE).write_bytes((docs / SCHEMA_FILE).read_bytes())
    after = load_guide(tmp_path / DATA_FILE, tmp_path / SCHEMA_FILE, "docs/data/guide.yml")

    assert set(after.facts) == set(before.facts)
    for key, fact in before.facts.items():
        assert after.facts[key].as_text() != fact.as_text(), key
        assert ("facts", key, "value") in edits
    for name, field in (("scenarios", "title"), ("topics", "title"), ("faq", "question"), ("checklists", "title")):
        old = [getattr(entry, field) for entry in before.entries(name)]
        new = [getattr(entry, field) for entry in after.entries(name)]
        assert len(new) == len(old) and not set(new) & set(old), name
    lines = [item.text for c in before.checklists for item in c.items]
    assert not set(lines) & {item.text for c in after.checklists for item in c.items}
    # Layout kept: only the edited lines differ, so a message still points at the line an editor sees.
    original = (docs / DATA_FILE).read_text(encoding="utf-8").split("\n")
    changed = [i for i, (a, b) in enumerate(zip(original, text.split("\n"), strict=True)) if a != b]
    assert len(changed) == len(edits)


def test_a_test_holding_todays_value_goes_red_on_the_edited_copy(tmp_path):
    """The mechanism itself: the same test file, which holds today's hours as a literal, passes on the
    project and fails on the edited copy, so the suite run below would catch such a test."""
    hours = load_project_guide().facts["agent_hours"].value
    probe = tmp_path / "probe" / "test_probe.py"
    probe.parent.mkdir()
    probe.write_text(
        "from guidedev.support import load_project_guide\n\n\n"
        "def test_hours():\n"
        f"    assert load_project_guide().facts['agent_hours'].value == {hours!r}\n",
        encoding="utf-8",
    )
    project, _ = _edited_copy(tmp_path)
    on_project = _run_tests(ROOT, str(probe), "--rootdir", str(probe.parent))
    on_copy = _run_tests(project, str(probe), "--rootdir", str(probe.parent))
    assert on_project.returncode == 0, on_project.stdout[-2000:]
    assert on_copy.returncode == 1 and "1 failed" in on_copy.stdout, on_copy.stdout[-2000:]


@pytest.mark.full
def test_the_tests_that_read_the_guide_pass_on_a_copy_with_every_fact_and_title_edited(tmp_path):
    project, edits = _edited_copy(tmp_path)
    result = _run_tests(project, "-m", SELECTION)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, (
        f"{len(edits)} edits made in {project / DATA_FILE}; these tests hold today's data instead of reading "
        f"it:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
    )
    assert re.search(r"\b([2-9]\d\d|\d{4,}) passed\b", summary), summary  # the selection is not empty
