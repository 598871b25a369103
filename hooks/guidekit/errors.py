"""The one error type a content editor sees: a short Korean message that names the file, the line where
the YAML loader knows it, the key path (in English, as written in the file) and what is expected.

A plain exception: the build adapter (hooks/guide.py) turns it into the engine's own error type, so the
core never imports MkDocs."""

from __future__ import annotations

import unicodedata

# The longest a message's parts are shown. A key or value comes from the file and may be megabytes (a
# pasted document, an alias unfolded); a line that long buries the rest of the message, and the editor
# needs only its two ends to find it.
MAX_SHOWN = 200  # key path, value found
MAX_SENTENCE = 400  # problem, what is expected: our own words, with a key or a list of names in them


class GuideDataError(Exception):
    """A mistake in the data file or in a page that an editor can fix. Never shown with a traceback."""

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key_path: str | None = None,
        found: str | None = None,
        expected: str | None = None,
        line_text: str | None = None,
    ):
        self.file, self.line, self.column, self.key_path = file, line, column, key_path
        self.problem, self.found, self.expected, self.line_text = problem, found, expected, line_text
        super().__init__(self.render())

    def at(self, line: int | None, column: int | None) -> GuideDataError:
        """The same message at another place: the checks that know the place better than the one that
        raised it (the page's block marker, the text a message quotes, the file's own lines) move it there."""
        return GuideDataError(
            self.file,
            self.problem,
            line=line,
            column=column,
            key_path=self.key_path,
            found=self.found,
            expected=self.expected,
            line_text=self.line_text,
        )

    def render(self) -> str:
        return "\n".join(visible(line) for line in self._lines())

    def _lines(self) -> list[str]:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        lines = [f"{where}: {cut(self.problem, MAX_SENTENCE)}"]
        if self.line_text is not None:
            lines.append(f"  이 줄: {cut(self.line_text, MAX_SHOWN)}")
        if self.key_path:
            lines.append(f"  위치(key path): {cut(self.key_path, MAX_SHOWN)}")
        if self.found is not None:
            lines.append(f"  지금 값: {cut(self.found, MAX_SHOWN)}")
        if self.expected:
            lines.append(f"  필요한 것: {cut(self.expected, MAX_SENTENCE)}")
        return lines


def position_of(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both from 1, of the character at `offset` in `text`: how messages name a place."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def cut(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: a longer one keeps its start and its last quarter around "…",
    so a sentence with a long key in it still ends the way it says what to do."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    return text[: limit - tail - 1] + "…" + text[len(text) - tail :]


def visible(text: str) -> str:
    """Control and line-separating characters written as escapes (\\r, \\x85, \\u2028): a key or value
    pasted with invisible characters then shows where they are, and the message keeps its shape."""
    return "".join(_escape(ch) if _hidden(ch) else ch for ch in text)


def _hidden(ch: str) -> bool:
    # Controls, format characters (zero-width, bidi), the separators splitlines() breaks on, lone surrogates.
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def _escape(ch: str) -> str:
    return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(ch) or ascii(ch)[1:-1]


def key_path(parts) -> str:
    """('checklists', 2, 'items', 4, 'id') -> 'checklists[2].items[4].id'"""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(파일 전체)"
