"""Where the data file's free text is: every string a reader sees (the schema's `line`, `plain`, `text`
and `message` kinds, and the values of facts that are words), not ids, links, dates or fixed words. The
hostile-text tests plant their strings there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

FREE_TEXT = ("line", "plain", "text", "message")
WORD_FACTS = ("text", "button", "path", "keywords", "list")


def strings(node: Any, path: tuple = ()) -> Iterator[tuple]:
    """The key path of every string in `node`."""
    if isinstance(node, str):
        yield path
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, (*path, i))


def _node(path: tuple, schema: dict) -> tuple[Any, str | None]:
    """The schema of the string at `path`, with the `$defs` name it was reached through."""
    defs = schema["$defs"]
    node: Any = schema
    name = None
    for part in path:
        while isinstance(node, dict) and "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            props = node.get("properties", {})
            node = props[part] if part in props else node.get("additionalProperties", {})
        name = node["$ref"].rsplit("/", 1)[-1] if isinstance(node, dict) and "$ref" in node else None
    while isinstance(node, dict) and "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node, name


def max_length(path: tuple, schema: dict) -> int | None:
    node, _ = _node(path, schema)
    return node.get("maxLength") if isinstance(node, dict) else None


def schema_name(path: tuple, data: dict, schema: dict) -> str | None:
    """The `$defs` name the schema gives the string at `path` (a word fact's value counts as `line`)."""
    _, name = _node(path, schema)
    if path[:1] == ("facts",) and len(path) >= 3 and path[2] == "value":
        return "line" if data["facts"][path[1]]["kind"] in WORD_FACTS else None
    return name


def display_paths(data: dict, schema: dict) -> list[tuple]:
    return [p for p in strings(data) if schema_name(p, data, schema) in FREE_TEXT]
