"""An editor's correct edit of every fact and every title, made in a copy of the project: each fact gets
another value of its kind that the schema and the build's page checks accept, each scenario, topic, FAQ
and checklist title and each checklist line another wording. tests/test_fact_edits.py runs the tests that read the project's data against
such a copy: a test that holds today's wording of a fact instead of reading it goes red there.

The new values are what a careful editor might write, not random text: an opening hour an hour later, a
duration one longer, a phone number one digit apart, another page on the same site, a renamed menu or
button ('새 …'), a question asked with '혹시', a checklist line begun with '이제'."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from guidekit.yaml_positions import parse_yaml

DATA = Path("docs/data/guide.yml")
# HH:MM, the hour moved on by one within the day (a time keeps its two-digit form).
_TIME = re.compile(r"\b([01]\d|2[0-3]):([0-5]\d)\b")
_NUMBER = re.compile(r"\d+")


def _shift_numbers(text: str) -> str:
    """Times an hour later (23 wraps to 22), other numbers one less (one more from 0 and 1): '24시간'
    becomes '23시간', '연 15%' '연 14%'."""
    times = [(m.start(), m.end()) for m in _TIME.finditer(text)]

    def number(m: re.Match) -> str:
        inside = next((t for t in times if t[0] <= m.start() < t[1]), None)
        if inside:
            if m.start() != inside[0]:
                return m.group()  # the minutes stay
            hour = int(m.group())
            return f"{hour + 1 if hour < 23 else hour - 1:02d}"
        n = int(m.group())
        return str(n - 1 if n > 1 else n + 1)

    return _NUMBER.sub(number, text)


def _renamed(word: str) -> str:
    return _shift_numbers(word) if _NUMBER.search(word) else f"새 {word}"


def other_value(kind: str, value: Any) -> Any:
    """Another valid value of a fact of this kind (docs/data/guide.schema.json), never equal to `value`."""
    if kind == "number":
        return value + 1
    if kind == "phone":
        digits = [i for i, ch in enumerate(value) if ch.isdigit()]
        last = digits[-1]
        return value[:last] + str((int(value[last]) + 1) % 10) + value[last + 1 :]
    if kind == "url":
        return value + ("help/" if value.endswith("/") else "/help")
    if kind in ("path", "keywords", "list"):
        return [_renamed(step) for step in value]
    return _renamed(value)  # text, button


def other_title(title: str) -> str:
    """A reworded question ('돈이 두 번 빠져나갔어요' -> '혹시 돈이 두 번 빠져나갔어요')."""
    return f"혹시 {title}"


def other_topic_title(title: str) -> str:
    return f"{title} 문제"


def planned_edits(data: dict) -> dict[tuple, Any]:
    """Every edit as {key path: new value}: each fact's value, each scenario's, topic's and checklist's
    title, each FAQ question and each checklist line."""
    edits: dict[tuple, Any] = {}
    for key, fact in data["facts"].items():
        edits[("facts", key, "value")] = other_value(fact["kind"], fact["value"])
    for i, scenario in enumerate(data["scenarios"]):
        edits[("scenarios", i, "title")] = other_title(scenario["title"])
    for i, faq in enumerate(data["faq"]):
        edits[("faq", i, "question")] = other_title(faq["question"])
    for i, topic in enumerate(data["topics"]):
        edits[("topics", i, "title")] = other_topic_title(topic["title"])
    for i, checklist in enumerate(data.get("checklists", [])):
        edits[("checklists", i, "title")] = f"{checklist['title']} 목록"
        for j, item in enumerate(checklist["items"]):
            edits[("checklists", i, "items", j, "text")] = f"이제 {item['text']}"
    return edits


def edit_every_fact_and_title(text: str, shown: str = DATA.as_posix()) -> tuple[str, dict[tuple, Any]]:
    """The data file's text with every planned edit made on its own line (comments, order and layout
    kept, so a build message still points at the line an editor sees); and the edits made."""
    data, marks = parse_yaml(text, shown)
    edits = planned_edits(data)
    lines = text.split("\n")
    for path, value in edits.items():
        line_no, column = marks[path]
        line = lines[line_no - 1]
        key = line[column - 1 :].split(":", 1)[0]
        # JSON is YAML: a quoted string or a flow list, on the key's own line.
        lines[line_no - 1] = f"{line[: column - 1]}{key}: {json.dumps(value, ensure_ascii=False)}"
        following = lines[line_no] if line_no < len(lines) else ""
        assert not following.strip().startswith("- "), f"{shown}: {path} is a block, not one line"
    return "\n".join(lines), edits


def edit_project(project: Path) -> dict[tuple, Any]:
    """Make the edits in a copy of the project (guidedev.support.copy_project); returns them."""
    target = project / DATA
    text, edits = edit_every_fact_and_title(target.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8")
    return edits
