"""Read the data file and parse its YAML into plain data plus the line and column of every key, so that
every later message can point at the line an editor has to fix. Dates stay text: the schema decides
what a date is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import GuideDataError, key_path, position_of
from .yaml_messages import yaml_error

_NO_DATES = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# How deep values may nest (our file nests under 10) and how many nodes aliases may repeat (our file has
# no aliases). A few hundred bytes of nesting or of aliases of aliases would otherwise exhaust Python's
# recursion limit or the memory before a message could name the line.
MAX_DEPTH = 100
MAX_REPEATED = 10_000


class _TooDeep(Exception):
    """Raised by PureLoader's composer at the collection that passes MAX_DEPTH, before Python's own
    recursion limit (PyYAML composes recursively) would end it with no line."""

    def __init__(self, mark: Any):
        super().__init__(mark)
        self.mark = mark


class PureLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: the schema, not the YAML resolver, decides what a date is. Its
    error messages and marks are the ones editors see. It also remembers where each alias (*) was
    written, which the node tree forgets, so that a message about an alias can name its line."""

    yaml_implicit_resolvers = _NO_DATES

    def __init__(self, stream: str):
        super().__init__(stream)
        self.alias_marks: dict[tuple, Any] = {}  # _slot(...) -> the alias's yaml Mark
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            node = super().compose_node(parent, index)
            self.alias_marks[_slot(parent, index, node)] = event.start_mark
            return node
        if not isinstance(event, yaml.CollectionStartEvent):
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _slot(parent: Any, index: Any, node: Any) -> tuple:
    """Where a node sits in its parent, as _Builder looks it up: an item by its index, a mapping's value by
    its key node, a key by itself (the same key node twice in one mapping is a duplicate key anyway)."""
    if isinstance(index, yaml.Node):
        return ("value", id(parent), id(index))
    if index is None:
        return ("key", id(parent), id(node))
    return ("item", id(parent), index)


_CSafeLoader = getattr(yaml, "CSafeLoader", None)  # PyYAML built without libyaml has none
C_LOADER: type | None = None
if _CSafeLoader is not None:

    class _CLoader(_CSafeLoader):  # type: ignore[valid-type,misc]
        """The same loader on libyaml: ten times faster on a large file, with the same nodes and marks."""

        yaml_implicit_resolvers = _NO_DATES

    C_LOADER = _CLoader

# The loader parse_yaml starts with. A file libyaml rejects, or that _Builder refuses, is read again with
# PureLoader, so the message (PyYAML's wording, our hints, the line of an alias, which only PureLoader
# records) is the same whichever loader ran first. libyaml stops nesting at 1,000 levels on its own
# ("exceeded maximum nesting depth"), so its recursive composer cannot overflow the C stack.
LOADER: type = C_LOADER or PureLoader

Marks = dict[tuple, tuple[int, int]]  # key path -> (line, column), both from 1


class _Builder:
    """Walks the node tree into plain data, recording each key path's line and column. A node met a second
    time was reached through an alias: it and everything under it count toward MAX_REPEATED, so aliases of
    aliases stop after a few thousand nodes instead of filling the memory, while the file's own nodes, which
    the composer has already built, are never capped."""

    def __init__(self, loader: Any, file: str):
        self.loader, self.file = loader, file
        self.alias_marks: dict[tuple, Any] = getattr(loader, "alias_marks", {})
        self.marks: Marks = {}
        self.seen: set[int] = set()
        self.repeated = 0

    def via(self, node: yaml.Node, slot: tuple, path: tuple, fallback: yaml.Mark) -> tuple | None:
        """(mark, path) of the alias a node is reached through, or None the first time it is met. Only
        PureLoader knows where an alias was written; the C loader's failures are said again by PureLoader."""
        if id(node) not in self.seen:
            return None
        return self.alias_marks.get(slot, fallback), path

    def build(self, node: yaml.Node, path: tuple, depth: int, via: tuple | None, active: frozenset) -> Any:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        collection = isinstance(node, (yaml.MappingNode, yaml.SequenceNode))
        if collection and id(node) in active:
            raise GuideDataError(
                self.file,
                "별칭(*)이 자기 자신을 가리켜요.",
                line=node.start_mark.line + 1,
                key_path=key_path(path),
                expected="별칭 없이 값을 직접 써 주세요.",
            )
        if via is None:
            self.seen.add(id(node))
        else:
            self.repeated += 1
            if self.repeated > MAX_REPEATED:
                raise self.alias_error(via, f"별칭(*)이 펼쳐 놓는 값이 너무 많아요({MAX_REPEATED:,}개 넘게).")
        if not collection:
            return self.loader.construct_object(node, deep=True)
        depth += 1
        if depth > MAX_DEPTH:
            if via is not None:
                raise self.alias_error(via, f"별칭(*)으로 펼친 값이 너무 깊게 겹쳐 있어요({MAX_DEPTH}단계 넘게).")
            raise _too_deep(self.file, node.start_mark)
        active = active | {id(node)}
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                item_path = path + (i,)
                item_via = via or self.via(item, ("item", id(node), i), item_path, node.start_mark)
                items.append(self.build(item, item_path, depth, item_via, active))
            return items
        out: dict = {}
        self.loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.key(node, key_node, path)
            value_path = path + (key,)
            if key in out:
                raise GuideDataError(
                    self.file,
                    f"같은 키 '{key}'가 두 번 나와요.",
                    line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    key_path=key_path(value_path),
                    expected=f"하나만 남겨 주세요. 먼저 나온 '{key}'는 {self.marks[value_path][0]}번째 줄에 있어요.",
                )
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            self.marks[value_path] = key_mark
            value_via = via or self.via(value_node, ("value", id(node), id(key_node)), value_path, key_node.start_mark)
            out[key] = self.build(value_node, value_path, depth, value_via, active)
            self.marks[value_path] = key_mark
        return out

    def key(self, mapping: yaml.Node, key_node: yaml.Node, path: tuple) -> str:
        # A list or mapping as a key is refused before it is built: built (and shown) it may be an alias bomb,
        # a few hundred bytes that unfold into billions of items.
        if not isinstance(key_node, yaml.ScalarNode):
            mark: Any = self.alias_marks.get(("key", id(mapping), id(key_node))) or key_node.start_mark
            raise GuideDataError(
                self.file,
                "키 자리에 목록이나 묶음이 있어요. 키는 글자여야 해요.",
                line=mark.line + 1,
                column=mark.column + 1,
                key_path=key_path(path),
                found="목록 [ … ]" if isinstance(key_node, yaml.SequenceNode) else "묶음 { … }",
                expected="키는 label처럼 짧은 글자로 쓰고 콜론(:)을 붙여요. 별칭(*)이나 [ ], { }는 키가 될 수 없어요.",
            )
        key = self.loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int)):
            raise GuideDataError(
                self.file,
                "키는 글자여야 해요.",
                line=key_node.start_mark.line + 1,
                key_path=key_path(path),
                found=repr(key),
            )
        return str(key)

    def alias_error(self, via: tuple, problem: str) -> GuideDataError:
        mark, path = via
        return GuideDataError(
            self.file,
            problem,
            line=mark.line + 1,
            column=mark.column + 1,
            key_path=key_path(path),
            expected="이 별칭(*) 대신 값을 직접 써 주세요.",
        )


def _too_deep(file: str, mark: yaml.Mark) -> GuideDataError:
    """The same message from PureLoader's composer and from _Builder, at the collection past MAX_DEPTH."""
    return GuideDataError(
        file,
        f"값이 너무 깊게 겹쳐 있어요({MAX_DEPTH}단계 넘게).",
        line=mark.line + 1,
        column=mark.column + 1,
        expected="이 줄의 괄호([ ], { })나 들여쓰기 단계를 줄여 주세요.",
    )


def parse_yaml(text: str, file: str) -> tuple[Any, Marks]:
    """Parse YAML text into plain data plus a map from key path to (line, column)."""
    if LOADER is not PureLoader and not _NON_PRINTABLE.search(text):
        try:
            return _parse(text, file, LOADER)
        except (yaml.YAMLError, RecursionError, GuideDataError):
            pass  # said again below, in PyYAML's words and with the line of the alias at fault
    try:
        return _parse(text, file, PureLoader)
    except yaml.reader.ReaderError as exc:
        line, column = position_of(text, max(exc.position, 0))
        raise GuideDataError(
            file,
            f"YAML에 쓸 수 없는 특수 문자(코드 {exc.character!r})가 들어 있어요.",
            line=line,
            column=column,
            expected="보이지 않는 제어 문자를 지워 주세요(다른 곳에서 복사해 붙일 때 자주 섞여요).",
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise yaml_error(exc, text, file) from None
    except yaml.YAMLError as exc:
        raise GuideDataError(file, f"YAML로 읽을 수 없어요: {exc}") from None
    except RecursionError:
        raise GuideDataError(file, "값이 너무 깊게 겹쳐 있어요.", expected="들여쓰기 단계를 줄여 주세요.") from None


# What PyYAML's reader refuses; libyaml's may differ, so such a file goes straight to the pure loader.
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _parse(text: str, file: str, loader_class: type) -> tuple[Any, Marks]:
    loader = loader_class(text)
    try:
        try:
            node = loader.get_single_node()
        except _TooDeep as exc:
            raise _too_deep(file, exc.mark) from None
        if node is None:
            raise GuideDataError(file, "파일이 비어 있어요.", expected="meta:, facts: 로 시작하는 안내서 데이터")
        builder = _Builder(loader, file)
        return builder.build(node, (), 0, None, frozenset()), builder.marks
    finally:
        loader.dispose()


def read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GuideDataError(shown, "파일이 없어요.", expected="docs/data/guide.yml") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # The line's bytes before the first that is not UTF-8 decode: the column counts their characters.
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[: exc.start].count(b"\n") + 1
        raise GuideDataError(
            shown,
            "UTF-8이 아닌 인코딩으로 저장된 것 같아요(예: EUC-KR/CP949).",
            line=line,
            column=len(raw[start : exc.start].decode("utf-8-sig", errors="replace")) + 1,
            expected="편집기에서 'UTF-8'로 다시 저장해 주세요.",
        ) from None
    if "\x00" in text:
        raise GuideDataError(shown, "글자가 아닌 데이터(NUL)가 들어 있어요.", expected="UTF-8 텍스트 파일")
    return text


def nearest_mark(marks: Marks, path: tuple) -> tuple[int | None, int | None]:
    """The position of `path`, or of its closest parent the loader saw."""
    while path not in marks and path:
        path = path[:-1]
    return marks.get(path, (None, None))


_LAST_PART = re.compile(r"(?:\.[^.\[\]]+|\[\d+\])$")


def with_column(exc: GuideDataError, marks: Marks) -> GuideDataError:
    """`exc` with the column of the key its key path names, when it gives that key's line but no column.
    The checks after the schema name a key path and its line (or its closest parent's); the column is in
    the same marks, so every message about the data file points at the key itself."""
    if exc.line is None or exc.column is not None or not exc.key_path:
        return exc
    named = {key_path(path): mark for path, mark in marks.items()}
    wanted = exc.key_path
    while wanted:
        line, column = named.get(wanted, (None, None))
        if line == exc.line:
            return exc.at(exc.line, column)
        shorter = _LAST_PART.sub("", wanted)
        wanted = "" if shorter == wanted else shorter
    return exc


def at_found_text(exc: GuideDataError, text: str) -> GuideDataError:
    """`exc` pointed at the text it quotes (`found`), when that text is written inside the key's value on
    a line below the key: a blank in a several-line message body, an item of a block list. The key's own
    line would leave the editor searching the whole body for it."""
    if exc.line is None or not exc.found or "\n" in exc.found or len(exc.found) < 2:
        return exc
    lines = text.split("\n")
    if exc.line > len(lines):
        return exc
    head = lines[exc.line - 1]
    indent = len(head) - len(head.lstrip(" -"))
    for number in range(exc.line + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break  # past the key's value
        at = line.find(exc.found)
        if at >= 0:
            return exc.at(number, at + 1)
    return exc
