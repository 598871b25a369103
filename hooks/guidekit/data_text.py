"""What a text in the data file may carry, checked for every string of the file when it is loaded, so that
nothing an editor pastes can turn into markup, a link, a script or reordered words on a reader's screen.

Which rules a string gets follows the schema's name for it (guide.schema.json `$defs`), found by walking
the schema once:

- `text`     (an answer, a step, an FAQ answer …): `**굵게**` and `{{ fact.키 }}`, nothing else;
- `message`  (a message template's body, pasted as plain text): `{{ fact.키 }}` and `[빈칸]`;
- anything else (titles, labels, fact values, notes, ids …): shown exactly as typed, so no markup at all.

Everywhere: no HTML tags or comments (so no `<!-- guide:… -->` marker either), no Markdown link or image,
no backticks, and no invisible characters — bidi controls reorder a sentence ("09:00–18:00" shown as
"00:81–00:90"), zero-width ones hide inside a word. The page templates and blocks escape every value as
well (guidekit/render.py); this is the editor-facing half: one Korean message with the line, at load."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .errors import GuideDataError, key_path
from .syntax import REF
from .yaml_positions import Marks, nearest_mark

TEXT, MESSAGE, PLAIN = "text", "message", "plain"
_DEF_KINDS = {"text": TEXT, "message": MESSAGE}

_TAG = re.compile(r"<[A-Za-z/!?]")
_MD_LINK = re.compile(r"\]\(|!\[|\]\[")
_BACKTICK = re.compile(r"`")
_BRACES = re.compile(r"\{\{|\}\}")
_BOLD = re.compile(r"\*\*")
# Anything any rule below looks at: a string with none of it (nearly all) needs no further look.
_SUSPECT = re.compile(r"<[A-Za-z/!?]|\]\(|!\[|\]\[|`|\{\{|\}\}|\*\*")
# Categories no text of the guide needs: controls (but the newline), format characters (bidi controls,
# zero-width joiners and spaces, the BOM), line and paragraph separators, private use, surrogates, unassigned.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


def _first_hidden(text: str) -> int | None:
    if text.isprintable():  # one C-level pass for nearly every string
        return None
    for i, ch in enumerate(text):
        if ch != "\n" and unicodedata.category(ch) in _HIDDEN:
            return i
    return None


@functools.cache
def _patterns(schema_text: str) -> tuple[dict[tuple[str, ...], str], tuple[tuple[tuple[str, ...], str], ...]]:
    """(key-path pattern, kind) for every place the schema gives a `text` or `message` string. In a
    pattern, '*' stands for any key of a mapping and '#' for any list index."""
    schema = json.loads(schema_text)
    defs = schema.get("$defs", {})
    found: dict[tuple[str, ...], str] = {}

    def walk(node: Any, pattern: tuple[str, ...], seen: frozenset[str]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name in _DEF_KINDS:
                found[pattern] = _DEF_KINDS[name]
            if name not in seen:
                walk(defs.get(name), pattern, seen | {name})
        for key, sub in node.get("properties", {}).items():
            walk(sub, (*pattern, key), seen)
        for key in ("additionalProperties", "items"):
            if isinstance(node.get(key), dict):
                walk(node[key], (*pattern, "*" if key == "additionalProperties" else "#"), seen)
        for sub in node.get("allOf", []) + node.get("anyOf", []) + node.get("oneOf", []):
            walk(sub, pattern, seen)
        for key in ("then", "else"):
            walk(node.get(key), pattern, seen)

    walk(schema, (), frozenset())
    return (
        {p: k for p, k in found.items() if "*" not in p},  # looked up directly
        tuple((p, k) for p, k in found.items() if "*" in p),  # matched one by one
    )


def _kind(path: tuple, patterns) -> str:
    exact = patterns[0].get(tuple("#" if isinstance(part, int) else part for part in path))
    if exact:
        return exact
    for pattern, kind in patterns[1]:
        if len(pattern) == len(path) and all(
            p == part or (p == "#" and isinstance(part, int)) or (p == "*" and isinstance(part, str))
            for p, part in zip(pattern, path, strict=True)
        ):
            return kind
    return PLAIN


def _strings(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))


def check_texts(data: Any, marks: Marks, file: str, schema: dict) -> None:
    """Raise the first problem, in the order of the file, as one GuideDataError."""
    patterns = _patterns(json.dumps(schema, sort_keys=True))
    problems = []
    for path, text in _strings(data):
        if text.isprintable() and not _SUSPECT.search(text):
            continue
        problem = _problem(text, _kind(path, patterns))
        if problem:
            problems.append((nearest_mark(marks, path), path, text, problem))
    if not problems:
        return
    (line, _column), path, text, (message, at, expected) = min(problems, key=lambda p: (p[0][0] or 0, p[0][1] or 0))
    raise GuideDataError(file, message, line=line, key_path=key_path(path), found=_around(text, at), expected=expected)


def _problem(text: str, kind: str) -> tuple[str, int, str] | None:
    """(what is wrong, where in the text, what to do) or None."""
    at = _first_hidden(text)
    if at is not None:
        ch = text[at]
        name = unicodedata.name(ch, "이름 없는 문자").lower()
        return (
            f"보이지 않는 문자(U+{ord(ch):04X} {name})가 들어 있어요. 글의 순서를 뒤집거나 낱말 속에 숨을 수 있어요.",
            at,
            "그 문자를 지워 주세요. 다른 곳에서 복사해 붙일 때 자주 섞여 들어와요.",
        )
    if m := _TAG.search(text):
        return (
            "HTML 태그나 주석(<…>)은 쓸 수 없어요.",
            m.start(),
            "글만 적어요. 굵게는 글 칸에서 **굵게**로, 링크는 link 칸에 따로 적어요.",
        )
    if m := _MD_LINK.search(text):
        return (
            "마크다운 링크나 그림([…](…), ![…])은 쓸 수 없어요.",
            m.start(),
            "링크는 link 칸에 사이트 안 페이지(payment.md#…)나 https:// 주소로 적어요.",
        )
    if m := _BACKTICK.search(text):
        return ("백틱(`)은 쓸 수 없어요.", m.start(), "강조는 글 칸에서 **굵게**로 써요.")
    if kind in (TEXT, MESSAGE):
        leftover = _BRACES.search(REF.sub("", text))
        if leftover:
            return (
                "짝이 맞지 않는 {{ 또는 }}가 있어요.",
                text.find(leftover.group(0)),
                "사실은 {{ fact.키 }} 꼴로 넣어요.",
            )
    elif m := _BRACES.search(text):
        return (
            "이 칸에는 {{ … }}를 쓸 수 없어요. 이 칸은 적은 그대로 보여서 사실 값이 들어가지 않아요.",
            m.start(),
            "값을 직접 적어요. {{ fact.키 }}는 answer, steps 같은 글 칸에서만 써요.",
        )
    if kind != TEXT and (m := _BOLD.search(text)):
        return (
            "이 칸에는 굵게(**)를 쓸 수 없어요. 적은 그대로 별표가 보여요.",
            m.start(),
            "별표를 지워요. **굵게**는 answer, steps 같은 글 칸에서만 써요.",
        )
    return None


def _around(text: str, at: int, width: int = 24) -> str:
    start = max(at - width, 0)
    end = min(at + width, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
