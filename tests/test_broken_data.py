"""Every mistake a content editor makes in the data file or a page ends the build with one short,
readable message (file, line, key path, what is expected), no traceback, `docs/` untouched, and the
last good site left exactly as it was. One fixture per mistake in tests/fixtures/broken/, each planted by
key path or markup (guidedev/edits.py), never by a sentence an editor may reword.

Each fixture names the exact place its message must give: `position: "L:C"` (or `"L"` where the message
can only name a line), from where the edit planted the mistake (`{line}`, `{column}`, `{parent_line}`, ...,
with `+N` for a place a fixed distance from it: guidedev/edits.py) or from the edited project (`{key: nav}`,
`{text: MARKUP}`), so that no expectation is tied to today's line numbers; or `position: none` with the
reason where no place is possible.

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

from guidedev.edits import apply_edit, key_position, text_position
from guidedev.support import BROKEN_FIXTURES as FIXTURES
from guidedev.support import InProcessBuild, build_site, copy_project, tree_digest

CASES = {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in FIXTURES}


_NAME = re.compile(r"\{(\w+)([+-]\d+)?\}")


def expected_position(case: dict, names: dict, project) -> str | None:
    """'118:5' (or '86' for a message that names the line only) the fixture expects, None for none."""
    wanted = case["position"]
    if wanted in (None, "none"):
        return None
    if isinstance(wanted, dict):
        text = (project / case["expect"]["file"]).read_text(encoding="utf-8")
        found = key_position(text, wanted["key"]) if "key" in wanted else text_position(text, wanted["text"])
        return f"{found['line']}:{found['column']}"
    return _NAME.sub(lambda m: str(names[m.group(1)] + int(m.group(2) or 0)), str(wanted))


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


def test_every_fixture_states_the_place_its_message_names():
    for name, case in CASES.items():
        assert "position" in case, f"{name}: say where the message points, or `position: none` and why"


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
    place = expected_position(case, names, project)
    if place is None:
        assert not re.search(re.escape(expect["file"]) + r":\d", message), message
    else:  # exactly this place: not another line, and no column where the fixture expects the line only
        assert re.search(re.escape(f"{expect['file']}:{place}") + r"(?=: | \()", message), (place, message)
    if "key_path" in expect:
        assert expect["key_path"].format(**names) in message, message
    for words in expect.get("says", []):
        assert words in message, message
    for words in expect.get("never_says", []):
        assert words not in out, out
    assert tree_digest(project / "docs") == docs_before, "the build changed docs/"
    assert tree_digest(site) == site_before, "the failed build changed the last good site"
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")], "a staging folder was left behind"


def test_an_edit_says_where_it_planted(tmp_path):
    """What `{line}` and `{column}` stand for in the fixtures: the edited key, or the first character of
    what a page edit put in."""
    project = copy_project(tmp_path / "project")
    names = apply_edit(
        project, {"file": "docs/data/guide.yml", "at": "facts.agent_hours.kind", "line": "{indent}{key}: x"}
    )
    line = (project / "docs/data/guide.yml").read_text(encoding="utf-8").split("\n")[names["line"] - 1]
    assert line[names["column"] - 1 :] == "kind: x"
    names = apply_edit(project, {"file": "docs/chat.md", "old": "{{ fact.chatbot_hours }}", "new": "{{ fact.zz }}"})
    line = (project / "docs/chat.md").read_text(encoding="utf-8").split("\n")[names["line"] - 1]
    assert line[names["column"] - 1 :].startswith("{{ fact.zz }}")
    names = apply_edit(project, {"file": "docs/chat.md", "append": "끝에 더한 줄\n"})
    assert (project / "docs/chat.md").read_text(encoding="utf-8").split("\n")[names["line"] - 1] == "끝에 더한 줄"
    names = apply_edit(project, {"file": "docs/new.md", "create": "# 새 글\n"})
    assert (project / "docs/new.md").read_text(encoding="utf-8") == "# 새 글\n"
