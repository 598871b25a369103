"""The data loader: the real file loads; broken files end in one GuideDataError naming place and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidedev.edits import edit_at
from guidedev.support import ROOT
from guidekit.errors import GuideDataError, key_path
from guidekit.load import load_guide
from guidekit.yaml_positions import parse_yaml

pytestmark = pytest.mark.reads_guide

DATA = ROOT / "docs" / "data" / "guide.yml"
SCHEMA = ROOT / "docs" / "data" / "guide.schema.json"


def load_text(tmp_path: Path, text: str):
    f = tmp_path / "guide.yml"
    f.write_text(text, encoding="utf-8")
    return load_guide(f, SCHEMA, "docs/data/guide.yml")


def test_real_data_loads_with_every_fact_dated():
    guide = load_guide(DATA, SCHEMA)
    assert len(guide.facts) >= 30
    for fact in guide.facts.values():
        assert fact.checked_date.year >= 2026
        assert fact.confidence in {"guide", "official", "conflict"}


def test_dates_stay_text_not_yaml_timestamps():
    data, _ = parse_yaml("checked: 2026-02-06\n", "x.yml")
    assert data == {"checked": "2026-02-06"}


def test_marks_give_line_of_each_key():
    _, marks = parse_yaml("a:\n  b:\n    - x\n    - id: y\n", "x.yml")
    assert marks[("a", "b")][0] == 2
    assert marks[("a", "b", 1, "id")][0] == 4


def test_key_path_reads_like_the_file():
    assert key_path(("checklists", 2, "items", 4, "id")) == "checklists[2].items[4].id"


def test_duplicate_key_is_reported_with_line(tmp_path):
    fact = "{spaces}agent_hours:\n{spaces}  kind: text\n{spaces}  value: x\n{spaces}  label: x\n{spaces}  source: source guide\n{spaces}  confidence: guide\n{spaces}  checked: 2026-02-06\n"
    text, _ = edit_at(DATA.read_text(encoding="utf-8"), {"at": "facts.chatbot_hours", "before": fact}, "guide.yml")
    with pytest.raises(GuideDataError) as err:
        load_text(tmp_path, text)
    assert "agent_hours" in str(err.value) and "두 번" in str(err.value)
    assert err.value.line is not None


def test_wrong_type_names_key_path_and_expectation(tmp_path):
    edit = {"at": "facts.points_wait_minutes.value", "line": "{indent}{key}: 서른"}
    text, _ = edit_at(DATA.read_text(encoding="utf-8"), edit, "guide.yml")
    with pytest.raises(GuideDataError) as err:
        load_text(tmp_path, text)
    msg = str(err.value)
    assert "facts.points_wait_minutes.value" in msg
    assert "정수" in msg
    assert err.value.line == text[: text.index("value: 서른")].count("\n") + 1


def test_missing_required_key(tmp_path):
    text, _ = edit_at(
        DATA.read_text(encoding="utf-8"), {"at": "facts.chatbot_hours.label", "delete": True}, "guide.yml"
    )
    with pytest.raises(GuideDataError) as err:
        load_text(tmp_path, text)
    assert "facts.chatbot_hours" in str(err.value) and "'label'" in str(err.value)


def test_yaml_syntax_error_has_line_and_hint(tmp_path):
    with pytest.raises(GuideDataError) as err:
        load_text(tmp_path, "meta:\n  site_title: a\n\tfacts: {}\n")
    assert err.value.line == 3
    assert "탭" in str(err.value)


def test_empty_and_wrong_encoding(tmp_path):
    with pytest.raises(GuideDataError, match="비어"):
        load_text(tmp_path, "   \n")
    f = tmp_path / "guide.yml"
    f.write_bytes("meta: 한글".encode("cp949"))
    with pytest.raises(GuideDataError, match="UTF-8"):
        load_guide(f, SCHEMA, "docs/data/guide.yml")


def test_duplicate_ids_in_a_list(tmp_path):
    edit = {"at": "order_statuses[1].id", "line": "{indent}{key}: requested"}
    text, where = edit_at(DATA.read_text(encoding="utf-8"), edit, "guide.yml")
    with pytest.raises(GuideDataError) as err:
        load_text(tmp_path, text)
    assert where in str(err.value)


def test_hidden_characters_in_a_message_are_escaped_and_keep_its_shape():
    from guidekit.errors import GuideDataError

    exc = GuideDataError(
        "docs/data/guide.yml",
        "모르는 키 '\r\x85'가 있어요.",
        line=1,
        key_path="\r\x85\u2028",
        found="a\tb\x00\u200b",
        expected="쓸 수 있는 키: meta",
    )
    assert str(exc).split("\n") == [
        "docs/data/guide.yml:1: 모르는 키 '\\r\\x85'가 있어요.",
        "  위치(key path): \\r\\x85\\u2028",
        "  지금 값: a\\tb\\x00\\u200b",
        "  필요한 것: 쓸 수 있는 키: meta",
    ]


def test_a_key_of_line_breaks_is_reported_on_one_line(tmp_path):
    from guidekit.errors import GuideDataError

    f = tmp_path / "guide.yml"
    f.write_text('"\\r\\x85": null\n', encoding="utf-8")
    with pytest.raises(GuideDataError) as caught:
        load_guide(f, ROOT / "docs/data/guide.schema.json", "docs/data/guide.yml")
    assert "'\\r\\x85'" in str(caught.value) and len(str(caught.value).splitlines()) == 3


# ── the C loader (libyaml) and the pure one ─────────────────────────────────


@pytest.fixture
def with_loader():
    """Run parse_yaml with a given loader class first, the default restored afterwards."""
    from guidekit import yaml_positions

    saved = yaml_positions.LOADER

    def use(loader):
        yaml_positions.LOADER = loader

    yield use
    yaml_positions.LOADER = saved


def test_the_c_loader_is_used_where_pyyaml_has_it():
    import yaml

    from guidekit import yaml_positions

    assert yaml.__with_libyaml__, "PyYAML without libyaml: the data file loads five times slower"
    assert yaml_positions.LOADER is yaml_positions.C_LOADER


def test_both_loaders_give_the_same_data_and_lines(with_loader):
    from guidedev.scale import scale_data
    from guidekit import yaml_positions

    text = DATA.read_text(encoding="utf-8")
    data, _ = parse_yaml(text, "x.yml")
    big = __import__("yaml").safe_dump(scale_data(data, 3), allow_unicode=True, sort_keys=False, width=100_000)
    for source in (text, big, "a: &x [1, 2]\nb: *x\nc: 2026-02-06\nd: '07'\ne: 1.5\nf: null\ng: yes\n"):
        results = []
        for loader in (yaml_positions.C_LOADER, yaml_positions.PureLoader):
            with_loader(loader)
            results.append(parse_yaml(source, "x.yml"))
        assert results[0] == results[1]


@pytest.mark.parametrize(
    "text",
    [
        "a:\n\tb: 1\n",  # a tab
        "a: b: c\n",  # a colon in a value
        "a:\n  - x\n y: 2\n",  # indentation
        "a: 'open\n",  # a quote left open
        "a: 1\na: 2\n",  # a key twice
        "a: \x07\n",  # a control character
        "a: *missing\n",  # an alias to nothing
    ],
)
def test_a_broken_file_gets_the_pure_loaders_message_whichever_loader_runs(with_loader, text):
    from guidekit import yaml_positions

    messages = []
    for loader in (yaml_positions.C_LOADER, yaml_positions.PureLoader):
        with_loader(loader)
        with pytest.raises(GuideDataError) as exc:
            parse_yaml(text, "docs/data/guide.yml")
        messages.append(str(exc.value))
    assert messages[0] == messages[1]


def test_a_file_in_another_encoding_is_named_at_its_first_character_that_is_not_utf8(tmp_path):
    f = tmp_path / "guide.yml"
    f.write_bytes("meta:\n  title: 안내\n".encode("cp949"))
    with pytest.raises(GuideDataError) as err:
        load_guide(f, SCHEMA, "docs/data/guide.yml")
    assert (err.value.line, err.value.column) == (2, 10)


def test_checks_after_the_schema_name_the_column_of_the_key_they_name():
    from guidekit.yaml_positions import with_column

    _, marks = parse_yaml("a:\n  - id: x\n    link: y\n", "x.yml")
    named = with_column(GuideDataError("x.yml", "문제", line=3, key_path="a[0].link"), marks)
    assert (named.line, named.column) == (3, 5)
    # A line that is the parent's (the key itself has no line): the parent's column.
    parent = with_column(GuideDataError("x.yml", "문제", line=2, key_path="a[0].see[1].text"), marks)
    assert (parent.line, parent.column) == (2, 5)
    # A column given, or no key path: left as it is.
    kept = GuideDataError("x.yml", "문제", line=3, column=9, key_path="a[0].link")
    assert with_column(kept, marks) is kept
    bare = GuideDataError("x.yml", "문제", line=3)
    assert with_column(bare, marks) is bare


def test_a_message_quoting_text_below_its_key_points_at_that_text():
    """A blank in a several-line body: the message names the blank's own line and column, not the key's."""
    from guidekit.yaml_positions import at_found_text

    text = (
        "t:\n  - id: a\n    body: |\n      첫 줄\n      둘째 줄 [없는 칸] 끝\n  - id: b\n    body: |\n      [없는 칸]\n"
    )
    exc = GuideDataError("x.yml", "문제", line=3, column=5, key_path="t[0].body", found="[없는 칸]")
    moved = at_found_text(exc, text)
    assert (moved.line, moved.column) == (5, 12) and moved.key_path == "t[0].body"
    # Only inside the key's own value: the same text under the next entry is not this one.
    alone = "t:\n  - id: a\n    body: 한 줄\n  - id: b\n    body: |\n      [없는 칸]\n"
    not_below = GuideDataError("x.yml", "문제", line=3, column=5, key_path="t[0].body", found="[없는 칸]")
    assert at_found_text(not_below, alone) is not_below
    # Nothing quoted, or a value on the key's own line: left as it is.
    bare = GuideDataError("x.yml", "문제", line=3, column=5)
    assert at_found_text(bare, text) is bare


def test_review_limits_that_contradict_each_other_stop_every_loader(tmp_path):
    """Checked where the data is read, so the build, `make stale` and `make where` all refuse it."""
    guide = load_guide(DATA, SCHEMA, "docs/data/guide.yml")
    short = guide.meta.review.every_days - 1
    edit = {"at": "meta.review.stop_deploy_after_days", "line": f"{{indent}}{{key}}: {short}"}
    text, _ = edit_at(DATA.read_text(encoding="utf-8"), edit, "guide.yml")
    with pytest.raises(GuideDataError) as err:
        load_text(tmp_path, text)
    assert err.value.key_path == "meta.review.stop_deploy_after_days"
    assert err.value.line == guide.line_of("meta", "review", "stop_deploy_after_days") and err.value.column
