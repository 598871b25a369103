"""The loader's own steps (guidekit/load.py): which name its messages give the file, what a file that is
empty or not a mapping is told, that every check runs on the data it is given, and what the Guide keeps.
Inputs are made here or are edited copies of the data file; no test reads a sentence of it."""

from __future__ import annotations

import copy

import pytest

from guide_copy import FILE, GUIDE, MARKS, RAW, SCHEMA
from guidedev.support import ROOT
from guidekit.errors import GuideDataError, key_path
from guidekit.load import guide_from_checked, guide_from_text, load_guide
from guidekit.schema_messages import describe

pytestmark = pytest.mark.reads_guide

SCHEMA_PATH = ROOT / "docs" / "data" / "guide.schema.json"


def test_messages_name_the_file_as_shown_or_else_by_its_path(tmp_path):
    empty = tmp_path / "guide.yml"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(GuideDataError) as err:
        load_guide(empty, SCHEMA_PATH)
    assert err.value.file == str(empty)
    with pytest.raises(GuideDataError) as err:
        load_guide(empty, SCHEMA_PATH, "docs/data/guide.yml")
    assert err.value.file == "docs/data/guide.yml"


def test_an_empty_file_is_told_what_it_should_start_with():
    with pytest.raises(GuideDataError) as err:
        guide_from_text(" \n\t\n", SCHEMA_PATH, "docs/data/guide.yml")
    assert err.value.file == "docs/data/guide.yml"
    assert err.value.line is None
    assert "meta:" in err.value.expected and "facts:" in err.value.expected


@pytest.mark.parametrize("data", [["meta", "facts"], "글 한 줄", 42, None])
def test_a_file_that_is_not_a_mapping_is_named_whole_with_what_was_found(data):
    with pytest.raises(GuideDataError) as err:
        guide_from_checked(data, {}, "docs/data/guide.yml", SCHEMA)
    e = err.value
    assert (e.file, e.line, e.column, e.key_path) == ("docs/data/guide.yml", 1, 1, key_path(()))
    assert e.found == describe(data)
    assert e.problem and "meta:" in e.expected
    assert str(e).startswith("docs/data/guide.yml:1:1: ")


def test_the_text_checks_run_on_the_data_with_its_lines():
    data = copy.deepcopy(RAW)
    key = next(iter(data["facts"]))
    data["facts"][key]["label"] = "보이지\u200b않는 문자"
    with pytest.raises(GuideDataError) as err:
        guide_from_checked(data, MARKS, FILE, SCHEMA)
    e = err.value
    assert (e.file, e.line, e.key_path) == (FILE, MARKS[("facts", key, "label")][0], f"facts.{key}.label")


def test_the_guide_keeps_its_file_name_and_lines():
    guide = guide_from_checked(copy.deepcopy(RAW), MARKS, "renamed.yml", SCHEMA)
    assert guide.file == "renamed.yml"
    assert guide.marks is MARKS
    key = next(iter(RAW["facts"]))
    line, column = MARKS[("facts", key)]
    assert guide.where("facts", key) == f"renamed.yml:{line}:{column} (facts.{key})"


def test_text_in_the_guide_out():
    assert guide_from_text((ROOT / FILE).read_text(encoding="utf-8"), SCHEMA_PATH, FILE) == GUIDE
