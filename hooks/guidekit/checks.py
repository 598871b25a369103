"""What the JSON Schema cannot say about the data: ids are unique within their list, and an entry that
names another by id (a scenario's topic, a template's scenario) names one that exists."""

from __future__ import annotations

from .errors import GuideDataError, key_path
from .model import LISTS, Guide
from .yaml_positions import Marks, nearest_mark


def check_unique_ids(data: dict, marks: Marks, file: str) -> None:
    for name in LISTS:
        seen: dict[str, int] = {}
        for i, entry in enumerate(data.get(name) or []):
            _check_unique(entry.get("id"), seen, (name, i, "id"), marks, file)
            inner: dict[str, int] = {}
            for j, item in enumerate(entry.get("items") or []):
                if isinstance(item, dict):
                    _check_unique(item.get("id"), inner, (name, i, "items", j, "id"), marks, file)


def _check_unique(value, seen: dict, path: tuple, marks: Marks, file: str) -> None:
    if value is None:
        return
    if value in seen:
        line, col = nearest_mark(marks, path)
        raise GuideDataError(
            file,
            f"id '{value}'가 같은 목록에 두 번 있어요.",
            line=line,
            column=col,
            key_path=key_path(path),
            found=f"{key_path(path[:-2] + (seen[value], 'id'))}와 같음",
            expected="목록 안에서 서로 다른 id",
        )
    seen[value] = path[-2]


# (list, field, list it must name an id of): references a JSON Schema cannot check
REFERENCES = (
    ("scenarios", "topic", "topics"),
    ("faq", "topic", "topics"),
    ("message_templates", "scenario", "scenarios"),
)


def check_references(guide: Guide) -> None:
    """Every entry that names another entry by id names one that exists."""
    for list_name, field_name, target in REFERENCES:
        ids = {t.id for t in guide.entries(target)}
        for entry in guide.entries(list_name):
            named = getattr(entry, field_name)
            if named not in ids:
                raise GuideDataError(
                    guide.file,
                    f"{field_name} '{named}'가 {target}에 없어요.",
                    line=guide.line_of(list_name, entry.pos, field_name),
                    key_path=key_path((list_name, entry.pos, field_name)),
                    found=named,
                    expected="다음 중 하나: " + ", ".join(sorted(ids)),
                )
