"""Planted mistakes for tests, anchored to what an editor does not change while writing: key paths and ids
in the data file (`at: scenarios[id=points_missing].link`), markers and fact references in pages, settings
in mkdocs.yml. Never to a sentence, so that correcting or rewording the guide's Korean text never breaks a
test that is about something else.

An edit is a mapping with `file` and one of:
- `whole: TEXT` (the file's new content) or `encoding: NAME` (the file saved in another encoding);
- `at: KEY PATH` in a YAML file, with `line:` (that key's line rewritten from its parts `{indent}`, `{key}`,
  `{value}`), `before:` / `after:` (lines put before that line or after the key's whole value), `delete: true`
  (that line removed), or `old:` and `new:` (replaced inside that key's value only);
- `old:` and `new:` for markup in a page or a setting in mkdocs.yml; `append:` (added at the page's end).

`{at}` in a fixture's expectations stands for the key path as the build names it (`scenarios[3].link`)."""

from __future__ import annotations

import re
from pathlib import Path

from guidekit.errors import key_path
from guidekit.yaml_positions import parse_yaml

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]|\[(\w+)=([^\]]+)\]")


def resolve(data, path: str) -> tuple:
    """'scenarios[id=points_missing].link' -> ('scenarios', 3, 'link') in `data`."""
    parts: list = []
    node = data
    for name, index, field, wanted in _SEGMENT.findall(path):
        if name:
            part: object = name
        elif index:
            part = int(index)
        else:
            found = [i for i, item in enumerate(node) if isinstance(item, dict) and str(item.get(field)) == wanted]
            assert found, f"no item with {field}={wanted} at {key_path(parts)}"
            part = found[0]
        node = node[part]
        parts.append(part)
    return tuple(parts)


def _value_end(lines: list[str], start: int) -> int:
    """The index after the last line of the value that begins on line `start` (indented deeper, or blank)."""
    indent = len(lines[start]) - len(lines[start].lstrip(" -"))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def edit_at(text: str, edit: dict, shown: str) -> tuple[str, str]:
    """Apply an `at:` edit to a YAML text; returns the new text and the key path as the build names it."""
    data, marks = parse_yaml(text, shown)
    parts = resolve(data, edit["at"])
    assert parts in marks, f"{shown}: no line for {edit['at']}"
    line_no, column = marks[parts]
    lines = text.split("\n")
    i = line_no - 1
    line = lines[i]
    indent = line[: column - 1]
    key, _, value = line[column - 1 :].partition(":")
    spaces = " " * len(indent)
    if "line" in edit:
        lines[i] = edit["line"].format(indent=indent, spaces=spaces, key=key, value=value.strip())
    elif edit.get("delete"):
        del lines[i]
    elif "before" in edit:
        lines[i:i] = edit["before"].format(spaces=spaces).rstrip("\n").split("\n")
    elif "after" in edit:
        end = _value_end(lines, i)
        lines[end:end] = edit["after"].format(spaces=spaces).rstrip("\n").split("\n")
    else:
        end = _value_end(lines, i)
        region = "\n".join(lines[i:end])
        assert edit["old"] in region, f"{shown}: {edit['old']!r} is not in the value of {edit['at']}"
        lines[i:end] = region.replace(edit["old"], edit["new"], 1).split("\n")
    return "\n".join(lines), key_path(parts)


def apply_edit(project: Path, edit: dict) -> dict[str, str]:
    """Make one planted mistake in a copy of the project; returns what `{at}` stands for in expectations."""
    target = project / edit["file"]
    text = target.read_text(encoding="utf-8")
    names: dict[str, str] = {}
    if "whole" in edit:
        text = edit["whole"]
    elif "encoding" in edit:
        target.write_bytes(text.encode(edit["encoding"], errors="replace"))
        return names
    elif "at" in edit:
        text, names["at"] = edit_at(text, edit, edit["file"])
    elif "append" in edit:
        text = text.rstrip("\n") + "\n\n" + edit["append"]
    else:
        assert edit["old"] in text, f"fixture no longer matches {edit['file']}: {edit['old']!r}"
        text = text.replace(edit["old"], edit["new"], 1)
    target.write_text(text, encoding="utf-8")
    return names
