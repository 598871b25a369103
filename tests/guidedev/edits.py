"""Planted mistakes for tests, anchored to what an editor does not change while writing: key paths and ids
in the data file (`at: scenarios[id=points_missing].link`), markers and fact references in pages, settings
in mkdocs.yml. Never to a sentence, so that correcting or rewording the guide's Korean text never breaks a
test that is about something else.

An edit is a mapping with `file` and one of:
- `whole: TEXT` (the file's new content), `encoding: NAME` (the file saved in another encoding) or
  `create: TEXT` (a new file, such as a page an editor has just started);
- `at: KEY PATH` in a YAML file, with `line:` (that key's line rewritten from its parts `{indent}`, `{key}`,
  `{value}`), `before:` / `after:` (lines put before that line or after the key's whole value; `{spaces}` is
  the key's indentation, `{dash}` the same ending in '- ' for a new list item), `delete: true` (that line
  removed), or `old:` and `new:` (replaced inside that key's value only);
- `old:` and `new:` for markup in a page or a setting in mkdocs.yml; `append:` (added at the page's end).

`apply_edit` says where it planted the mistake, for a fixture's expectations (tests/test_broken_data.py):
`{at}` is the key path as the build names it (`scenarios[3].link`); `{line}` and `{column}` the line and
column (from 1) of the edited key, of the first character of `new:`, of the appended text, or of the first
byte an `encoding:` edit made that is not UTF-8; `{parent_line}` and `{parent_column}` those of the edited
key's parent (what a message about a deleted key names)."""

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
    text, names = planted_at(text, edit, shown)
    return text, names["at"]


def planted_at(text: str, edit: dict, shown: str) -> tuple[str, dict]:
    """Apply an `at:` edit to a YAML text; returns the new text and where it planted (see the top)."""
    data, marks = parse_yaml(text, shown)
    parts = resolve(data, edit["at"])
    assert parts in marks, f"{shown}: no line for {edit['at']}"
    line_no, column = marks[parts]
    parent_line, parent_column = marks.get(parts[:-1], (line_no, column))
    lines = text.split("\n")
    i = line_no - 1
    line = lines[i]
    indent = line[: column - 1]
    key, _, value = line[column - 1 :].partition(":")
    spaces = " " * len(indent)
    dash = spaces[:-2] + "- "
    if "line" in edit:
        lines[i] = edit["line"].format(indent=indent, spaces=spaces, key=key, value=value.strip())
    elif edit.get("delete"):
        del lines[i]
    elif "before" in edit:
        lines[i:i] = edit["before"].format(spaces=spaces, dash=dash).rstrip("\n").split("\n")
    elif "after" in edit:
        end = _value_end(lines, i)
        lines[end:end] = edit["after"].format(spaces=spaces, dash=dash).rstrip("\n").split("\n")
    else:
        end = _value_end(lines, i)
        region = "\n".join(lines[i:end])
        assert edit["old"] in region, f"{shown}: {edit['old']!r} is not in the value of {edit['at']}"
        lines[i:end] = region.replace(edit["old"], edit["new"], 1).split("\n")
    names = {
        "at": key_path(parts),
        "line": line_no,
        "column": column,
        "parent_line": parent_line,
        "parent_column": parent_column,
    }
    return "\n".join(lines), names


def position(text: str, offset: int) -> dict[str, int]:
    """{"line": …, "column": …} of the character at `offset` in `text`, both from 1."""
    return {"line": text.count("\n", 0, offset) + 1, "column": offset - text.rfind("\n", 0, offset)}


def _first_not_utf8(raw: bytes) -> dict[str, int]:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line_text = raw[start : exc.start].decode("utf-8", errors="replace")
        return {"line": raw.count(b"\n", 0, exc.start) + 1, "column": len(line_text) + 1}
    return {}


def apply_edit(project: Path, edit: dict) -> dict:
    """Make one planted mistake in a copy of the project; returns where it planted (see the top)."""
    target = project / edit["file"]
    if "create" in edit:
        assert not target.exists(), f"{edit['file']} exists already"
        target.write_text(edit["create"], encoding="utf-8")
        return {"line": 1, "column": 1}
    text = target.read_text(encoding="utf-8")
    names: dict = {}
    if "whole" in edit:
        text = edit["whole"]
    elif "encoding" in edit:
        raw = text.encode(edit["encoding"], errors="replace")
        target.write_bytes(raw)
        return _first_not_utf8(raw)
    elif "at" in edit:
        text, names = planted_at(text, edit, edit["file"])
    elif "append" in edit:
        kept = text.rstrip("\n") + "\n\n"
        names = position(kept + edit["append"], len(kept))
        text = kept + edit["append"]
    else:
        assert edit["old"] in text, f"fixture no longer matches {edit['file']}: {edit['old']!r}"
        at = text.index(edit["old"])
        text = text.replace(edit["old"], edit["new"], 1)
        names = position(text, at + len(edit["new"]) - len(edit["new"].lstrip()))
    target.write_text(text, encoding="utf-8")
    return names


def key_position(text: str, path: str) -> dict[str, int]:
    """{"line", "column"} of a key given as 'a.b' in a YAML text, found by composing it (so a mkdocs.yml
    with !ENV tags is read as written)."""
    import yaml

    node = yaml.compose(text, Loader=yaml.SafeLoader)
    mark = None
    for name in path.split("."):
        assert isinstance(node, yaml.MappingNode), f"no {path}"
        found = [(k, v) for k, v in node.value if k.value == name]
        assert found, f"no {path}"
        mark, node = found[0][0].start_mark, found[0][1]
    assert mark is not None
    return {"line": mark.line + 1, "column": mark.column + 1}


def text_position(text: str, markup: str) -> dict[str, int]:
    """{"line", "column"} of the first `markup` (a marker or a fact reference) in a page's text."""
    assert markup in text, f"{markup!r} is not in the page"
    return position(text, text.index(markup))
