"""PyYAML's scanner and parser errors as an editor's message: what is wrong on which line and column, in
Korean, and what to type instead — worked out from the text around the error, because PyYAML names the
place it gave up, which is not always the line to fix (a key without its colon is found on the line
after it; a value that starts with '[' fails at its end).

Positions are 1-based. The data file's keys are ASCII names (the schema says so), so a line that starts
with one and a colon is read as a key line; a line of a multi-line text rarely looks like one, and when it
does the message only names an indentation that is off."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .errors import GuideDataError

# `  - name: value` -> indent, dash, key, rest (value and comment).
KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(?P<rest>.*))?$")
# `  name value` (a key with its colon forgotten).
NO_COLON = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*) +(?P<rest>\S.*)$")
# Starts a value with a meaning of its own in YAML: a list, a mapping, an alias, an anchor, a tag, ...
SPECIAL_START = "[]{}*&!|>@`%"
TABS_LISTED = 5  # of the other tab-indented lines, how many are named


@dataclass(frozen=True)
class _Key:
    """A key line above the error: its 1-based line, the column its key starts in (0-based: the number of
    spaces before it, a list item's dash counted), its name and whether it opens a block (no value)."""

    line: int
    indent: int
    name: str
    opens: bool


def _key(lines: list[str], i: int) -> _Key | None:
    m = KEY_LINE.match(lines[i].rstrip())
    if not m:
        return None
    indent = len(m.group("indent")) + len(m.group("dash") or "")
    rest = (m.group("rest") or "").strip()
    return _Key(i + 1, indent, m.group("key"), not rest or rest.startswith("#"))


def _keys_above(lines: list[str], i: int) -> list[_Key]:
    """The key just above line index `i`, then each key it sits under (less indented), nearest first."""
    chain: list[_Key] = []
    for j in range(i - 1, -1, -1):
        key = _key(lines, j)
        if key and (not chain or key.indent < chain[-1].indent):
            chain.append(key)
            if key.indent == 0:
                break
    return chain


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def needed_indent(lines: list[str], i: int) -> tuple[int, _Key] | None:
    """The spaces line index `i` (indented with tabs, or wrongly) needs, judged from the lines around it,
    and the key it was judged from: under a key that opens a block, the indentation of that block's other
    lines (or two more than the key); after any other key, that key's own."""
    chain = _keys_above(lines, i)
    if not chain:
        return None
    above = chain[0]
    if not above.opens:
        return above.indent, above
    for line in lines[i + 1 :]:
        if not line.strip() or line.lstrip(" ").startswith("#"):
            continue
        if "\t" not in line[: _indent(line) + 1] and _indent(line) > above.indent:
            return _indent(line), above
        break
    return above.indent + 2, above


def yaml_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> GuideDataError:
    """The message for PyYAML's error `exc` on `text`."""
    lines = text.splitlines() or [""]
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    for rule in _RULES:
        found = rule(exc, lines, file, problem, context)
        if found is not None:
            return found
    return _error(
        file,
        lines,
        (mark.line if mark else None, mark.column if mark else 0),
        f"YAML 문법 오류예요: {problem or context}.",
        "들여쓰기(스페이스)와 콜론(:), 따옴표 짝을 확인해 주세요.",
    )


def _error(file: str, lines: list[str], at: tuple[int | None, int], problem: str, expected: str) -> GuideDataError:
    """A message at `at` (line index and column, both from 0), showing that line as it is."""
    i, column = at
    if i is None:
        return GuideDataError(file, problem, expected=expected)
    shown = lines[i] if 0 <= i < len(lines) else None
    return GuideDataError(file, problem, line=i + 1, column=column + 1, expected=expected, line_text=shown)


def _quoted(lead: str, key: str, value: str) -> str:
    """The line `lead + key: value` with the value in double quotes, as it should be typed."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{lead}{key}: "{escaped}"'


# ── One rule per kind of mistake; each returns None when the error is not its kind ────────────────────


def _tab(exc, lines, file, problem, context):
    if not problem.startswith("found character '\\t'") or exc.problem_mark is None:
        return None
    i, column = exc.problem_mark.line, exc.problem_mark.column
    line = lines[i] if i < len(lines) else ""
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    if column >= len(lead):  # a tab after the indentation: after a colon or a dash
        return _error(
            file,
            lines,
            (i, column),
            "콜론(:)이나 목록 표시(-) 뒤에 탭이 있어요.",
            "탭을 스페이스 한 칸으로 바꿔 주세요.",
        )
    others = [
        n + 1 for n, other in enumerate(lines) if n != i and "\t" in other[: len(other) - len(other.lstrip(" \t"))]
    ]
    more = ""
    if others:
        listed = ", ".join(map(str, others[:TABS_LISTED])) + (" …" if len(others) > TABS_LISTED else "")
        more = f" 탭으로 들여 쓴 줄이 {len(others)}줄 더 있어요({listed}번째 줄). 그 줄들도 스페이스로 바꿔 주세요."
    need = needed_indent(lines, i)
    if need is None:
        expected = "이 줄 앞의 탭을 지우고 스페이스로 들여 써 주세요."
    else:
        spaces, key = need
        like = (
            f"{key.line}번째 줄 '{key.name}:' 아래의 다른 키처럼"
            if key.opens
            else f"같은 단계의 다른 키인 {key.line}번째 줄 '{key.name}'처럼"
        )
        expected = f"이 줄의 탭을 지우고 스페이스 {spaces}칸으로 들여 써 주세요({like})."
    return _error(
        file, lines, (i, column), "들여쓰기에 탭이 있어요. YAML은 탭으로 들여 쓴 줄을 읽지 못해요.", expected + more
    )


def _special_start(exc, lines, file, problem, context):
    """A value that starts with a character YAML reads as syntax (@, `, *, &, [, {, ...): quote it."""
    if problem.startswith("found character") and "cannot start any token" in problem:
        mark = exc.problem_mark
    elif context.startswith(("while scanning an alias", "while scanning an anchor", "while parsing a flow")):
        mark = exc.context_mark
    elif problem.startswith("found undefined alias"):
        mark = exc.problem_mark
    elif "expected <block end>" in problem and exc.problem_mark is not None:
        # A value like `[주문 번호] 를 적어요`: a list, then more text on the same line.
        mark = exc.problem_mark
        m = KEY_LINE.match(lines[mark.line].rstrip()) if mark.line < len(lines) else None
        rest = (m.group("rest") or "") if m else ""
        if not rest or rest[0] not in "[{":
            return None
    else:
        return None
    if mark is None or mark.line >= len(lines):
        return None
    m = KEY_LINE.match(lines[mark.line].rstrip())
    rest = (m.group("rest") or "") if m else ""
    if not m or not rest or rest[0] not in SPECIAL_START:
        return None
    start = len(lines[mark.line]) - len(lines[mark.line].lstrip(" ")) + len(m.group("dash") or "")
    column = lines[mark.line].index(rest, start + len(m.group("key")))
    lead = m.group("indent") + (m.group("dash") or "")
    return _error(
        file,
        lines,
        (mark.line, column),
        f"값이 '{rest[0]}'로 시작해서 YAML이 글이 아닌 다른 것(목록, 별칭 같은)으로 읽어요.",
        f"글이라면 값 전체를 큰따옴표로 감싸 주세요: {_quoted(lead, m.group('key'), rest)}",
    )


def _colon(exc, lines, file, problem, context):
    if problem != "mapping values are not allowed here" or exc.problem_mark is None:
        return None
    i, column = exc.problem_mark.line, exc.problem_mark.column
    line = lines[i] if i < len(lines) else ""
    m = KEY_LINE.match(line.rstrip())
    if m and column > line.index(":"):  # a colon inside the value
        lead = m.group("indent") + (m.group("dash") or "")
        return _error(
            file,
            lines,
            (i, column),
            "값 안에 '콜론과 스페이스'(: )가 있어서 YAML이 새 키로 읽어요.",
            f"값 전체를 큰따옴표로 감싸 주세요: {_quoted(lead, m.group('key'), m.group('rest') or '')}",
        )
    j = _previous_content(lines, i)
    if j is not None and _indent(lines[j]) == _indent(line) and ":" not in lines[j]:
        return _missing_colon_at(lines, file, j)
    if j is not None:
        above = _key(lines, j)
        k = _previous_content(lines, j)
        opener = _key(lines, k) if k is not None else None
        if above is not None and opener is not None and opener.opens and opener.indent == above.indent < _indent(line):
            # `agent_hours:` / `kind: text` / `    value: …`: the middle line is the one out of step, meant
            # under the key above it like the lines below it.
            return _error(
                file,
                lines,
                (j, above.indent),
                f"이 줄과 윗줄 '{opener.name}:'의 들여쓰기가 같아서(스페이스 {above.indent}칸) "
                "이 줄이 그 아래에 들어가지 않아요.",
                f"'{opener.name}:' 아래의 키라면 아랫줄처럼 스페이스 {_indent(line)}칸으로 들여 써 주세요.",
            )
        if above is not None and _indent(line) > above.indent:
            return _error(
                file,
                lines,
                (i, _indent(line)),
                f"이 줄(스페이스 {_indent(line)}칸)이 값이 있는 윗줄 '{above.name}'({above.line}번째 줄, "
                f"{above.indent}칸)보다 깊게 들여 써져 있어서, 윗줄 값에 이어지는 글로 읽혀요.",
                "같은 묶음의 키는 같은 칸 수로 들여 써 주세요. "
                "값이 있는 키 아래에는 더 깊게 들여 쓴 키가 올 수 없어요.",
            )
    return None


def _previous_content(lines: list[str], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j].strip() and not lines[j].lstrip(" ").startswith("#"):
            return j
    return None


def _missing_colon(exc, lines, file, problem, context):
    if "could not find expected ':'" not in problem or exc.context_mark is None:
        return None
    return _missing_colon_at(lines, file, exc.context_mark.line)


def _missing_colon_at(lines: list[str], file: str, i: int) -> GuideDataError:
    line = lines[i]
    m = NO_COLON.match(line.rstrip())
    start = _indent(line) + (len(m.group("lead")) - _indent(line) if m else 0)
    if m:
        expected = (
            f"키 이름 바로 뒤에 콜론(:)과 스페이스를 써 주세요: {m.group('lead')}{m.group('key')}: {m.group('rest')}"
        )
    else:
        expected = "키 이름 바로 뒤에 콜론(:)과 스페이스를 써 주세요. 예: label: 값"
    return _error(file, lines, (i, start), "이 줄의 키 뒤에 콜론(:)이 없어요.", expected)


def _open_quote(exc, lines, file, problem, context):
    if "quoted scalar" not in context or exc.context_mark is None:
        return None
    if "end of stream" in problem or "document separator" in problem:
        i, column = exc.context_mark.line, exc.context_mark.column
        quote = lines[i][column] if column < len(lines[i]) else '"'
        inside = '\\"처럼 앞에 역슬래시(\\)를 붙여요' if quote == '"' else "''처럼 두 번 써요"
        return _error(
            file,
            lines,
            (i, column),
            f"따옴표({quote})를 열고 닫지 않았어요.",
            f"값 끝에 {quote}를 붙여 닫아 주세요. 값 안에 {quote}를 쓰려면 {inside}.",
        )
    if exc.problem_mark is not None and ("escape" in problem):
        return _error(
            file,
            lines,
            (exc.problem_mark.line, exc.problem_mark.column),
            "큰따옴표 안에서 역슬래시(\\)는 특별한 글자를 뜻하는데, 여기 뒤에 오는 글자는 그런 뜻이 없어요.",
            "역슬래시를 글자 그대로 쓰려면 두 번(\\\\) 쓰거나, 값을 작은따옴표(')로 감싸 주세요.",
        )
    return None


def _misaligned(exc, lines, file, problem, context):
    """A key or list item whose indentation matches no key above it."""
    if exc.problem_mark is None or not (
        "expected <block end>" in problem or "did not find expected key" in problem or "expected '-'" in problem
    ):
        return None
    i, column = exc.problem_mark.line, exc.problem_mark.column
    line = lines[i] if i < len(lines) else ""
    item = line.lstrip(" ").startswith("-")
    what = "목록 항목(-)" if item else "키"
    rule = (
        "목록 항목은 그 목록을 여는 키(값 없이 콜론으로 끝난 키)보다 깊게, 다른 항목과 같은 칸 수로 들여 써 주세요."
        if item
        else "같은 묶음의 키와 같은 칸 수로 들여 써 주세요."
    )
    chain = _keys_above(lines, i)[:3]
    listed = ", ".join(f"'{k.name}'({k.line}번째 줄) {k.indent}칸" for k in chain)
    expected = f"{rule} 위의 키: {listed}." if chain else rule
    return _error(
        file,
        lines,
        (i, column),
        f"이 줄의 {what} 들여쓰기(스페이스 {_indent(line)}칸)가 위의 키들과 맞지 않아요.",
        expected,
    )


def _second_document(exc, lines, file, problem, context):
    if "expected a single document" not in context or exc.problem_mark is None:
        return None
    return _error(
        file,
        lines,
        (exc.problem_mark.line, exc.problem_mark.column),
        "파일 중간에 문서를 나누는 줄(---)이 있어요.",
        "그 줄을 지워 주세요. 이 파일은 문서 하나예요.",
    )


_RULES = (_tab, _special_start, _missing_colon, _colon, _open_quote, _second_document, _misaligned)
