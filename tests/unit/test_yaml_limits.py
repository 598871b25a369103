"""Files that are small but unfold into something huge (aliases of aliases, deep nesting) end quickly in
one GuideDataError that names the line, never in a hang, a MemoryError or a message without a place; and
a large file with no aliases is not mistaken for one.

Each load runs in a child process with a time and memory limit: a regression (the alias bomb once ran
108 s in C code that no signal interrupts, then ended in MemoryError) fails its test instead of hanging
or swapping the whole run."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import guidekit
from guidedev.support import ROOT
from guidekit.errors import GuideDataError
from guidekit.load import load_guide

SHOWN = "docs/data/guide.yml"
SCHEMA = ROOT / "docs" / "data" / "guide.schema.json"
LOADERS = ["c", "pure"]

_CHILD = """
import json, sys
from guidekit import yaml_positions
from guidekit.errors import GuideDataError
if sys.argv[1] == "pure":
    yaml_positions.LOADER = yaml_positions.PureLoader
elif sys.argv[1] == "c":
    yaml_positions.LOADER = yaml_positions.C_LOADER
text = sys.stdin.buffer.read().decode("utf-8")
try:
    _, marks = yaml_positions.parse_yaml(text, "docs/data/guide.yml")
    print(json.dumps({"marks": len(marks)}))
except GuideDataError as exc:
    print(json.dumps({"message": str(exc), "line": exc.line, "column": exc.column, "key_path": exc.key_path}))
"""


def _limit_memory() -> None:
    limit = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def load_apart(text: str, loader: str, seconds: float = 20) -> dict:
    """parse_yaml(text) with the given loader first, in a child process: its answer as a dict, with
    "message" when it refused the file. Fails the test on a timeout, a traceback or a MemoryError."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(guidekit.__file__).parent.parent), *sys.path]))
    try:
        run = subprocess.run(
            [sys.executable, "-c", _CHILD, loader],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=seconds,
            env=env,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still loading after {seconds} s")
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 0 and "Traceback" not in err, err[-3000:]
    return json.loads(run.stdout)


def _nine(name: str) -> str:
    return "[" + ", ".join([f"*{name}"] * 9) + "]"


# ── aliases ─────────────────────────────────────────────────────────────────

# 347 bytes. Built as a key and shown with repr(), it unfolded into 9⁸ items: 108 s, then MemoryError.
KEY_BOMB = (
    "? [&a [x, x, x, x, x, x, x, x, x],\n"
    + "".join(f"   &{b} {_nine(a)},\n" for a, b in zip("abcdef", "bcdefg", strict=True))
    + f"   &h {_nine('g')}]\n"
    + ": 1\n"
)


@pytest.mark.parametrize("loader", LOADERS)
def test_an_alias_bomb_written_as_a_key_is_refused_before_it_is_built(loader):
    assert len(KEY_BOMB.encode()) < 400
    got = load_apart(KEY_BOMB, loader)
    assert "키 자리에 목록이나 묶음이 있어요. 키는 글자여야 해요." in got["message"]
    assert (got["line"], got["column"]) == (1, 3)
    assert "지금 값: 목록 [ … ]" in got["message"]
    assert len(got["message"]) < 600


# Small enough to unfold under the cap (8,289 repeated nodes), so the key itself is what is refused.
ALIAS_AS_KEY = (
    f"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b {_nine('a')}\nc: &c {_nine('b')}\nd: &d {_nine('c')}\n? *d\n: 1\n"
)


@pytest.mark.parametrize("loader", LOADERS)
def test_an_alias_as_a_key_is_refused_at_the_line_of_the_alias(loader):
    got = load_apart(ALIAS_AS_KEY, loader)
    assert "키 자리에 목록이나 묶음이 있어요. 키는 글자여야 해요." in got["message"]
    assert got["message"].startswith(f"{SHOWN}:5:3: ")  # the `? *d` line, not the anchor's
    assert "별칭(*)이나 [ ], { }는 키가 될 수 없어요" in got["message"]
    assert len(got["message"]) < 600


FLOW_BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{b}: &{b} {_nine(a)}\n" for a, b in zip("abcde", "bcdef", strict=True))
    + "? *f\n: 1\n"
)
BLOCK_BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{b}: &{b} {_nine(a)}\n" for a, b in zip("abc", "bcd", strict=True))
    + "e:\n"
    + "  - *d\n" * 9
)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "where", "path"),
    [(FLOW_BOMB, "5:8", "e[0]"), (BLOCK_BOMB, "6:5", "e[0]")],
    ids=["flow", "block"],
)
def test_alias_expansion_is_capped_and_named_by_the_alias_line(loader, text, where, path):
    got = load_apart(text, loader)
    assert got["message"].startswith(f"{SHOWN}:{where}: 별칭(*)이 펼쳐 놓는 값이 너무 많아요(10,000개 넘게).")
    assert got["key_path"] == path
    assert "이 별칭(*) 대신 값을 직접 써 주세요." in got["message"]


@pytest.mark.full  # a file 10 times the real one: `make test` only
def test_a_file_of_25000_facts_without_aliases_loads():
    # 175,000 nodes: far more than any alias cap, all of them the file's own. About 4 s with libyaml.
    fact = "    kind: text\n    value: x\n    label: y\n    source: s\n    confidence: guide\n    checked: 2026-02-06\n"
    text = "facts:\n" + "".join(f"  f{i}:\n{fact}" for i in range(25_000))
    got = load_apart(text, "default", seconds=60)
    assert got == {"marks": 1 + 1 + 25_000 * 7}


# ── nesting ─────────────────────────────────────────────────────────────────

DEEP = 2000


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: " + "[" * DEEP + "]" * DEEP + "\n", "1:103"),  # past libyaml's own limit of 1,000 levels
        ("a: " + "[" * 150 + "]" * 150 + "\n", "1:103"),  # within it: libyaml composes, the walk refuses
        ("a: " + "[" * DEEP + "\n", "1:103"),  # never closed: the depth is said before the syntax
        ("".join("  " * i + "k:\n" for i in range(DEEP)) + "  " * DEEP + "v\n", "101:201"),
        ("facts:\n  x:\n    value: " + "{a: " * DEEP + "}" * DEEP + "\n", "3:400"),
    ],
    ids=["flow", "flow-150", "flow-open", "block", "mapping-in-facts"],
)
def test_deep_nesting_names_the_line_where_it_passes_100_levels(loader, text, where):
    got = load_apart(text, loader)
    assert got["message"].startswith(f"{SHOWN}:{where}: 값이 너무 깊게 겹쳐 있어요(100단계 넘게).")
    assert "괄호([ ], { })나 들여쓰기 단계를 줄여 주세요" in got["message"]


@pytest.mark.parametrize("loader", LOADERS)
def test_nesting_made_deep_by_aliases_names_the_alias_line(loader):
    # Each anchor is 60 levels deep, well within the limit; put inside each other they are 60 per alias.
    inner = ["x"] + [f"*{name}" for name in "abcdefghij"]
    text = "".join(f"{name}: &{name} " + "[" * 60 + inner[i] + "]" * 60 + "\n" for i, name in enumerate("abcdefghijk"))
    got = load_apart(text, loader)
    assert got["message"].startswith(f"{SHOWN}:2:67: 별칭(*)으로 펼친 값이 너무 깊게 겹쳐 있어요(100단계 넘게).")
    assert got["key_path"] == "b" + "[0]" * 60


# ── message length ──────────────────────────────────────────────────────────


def test_a_message_never_shows_a_huge_value_or_key_path():
    exc = GuideDataError(
        SHOWN,
        "모르는 키 '" + "k" * 5000 + "'가 있어요.",
        line=3,
        key_path=".".join(["a"] * 10_000) + ".z",
        found="x" * 1_000_000 + "y",
        expected="쓸 수 있는 키: " + ", ".join(["meta"] * 1000),
    )
    lines = str(exc).split("\n")
    assert len(lines) == 4
    assert lines[0] == f"{SHOWN}:3: 모르는 키 '" + "k" * 292 + "…" + "k" * 93 + "'가 있어요."
    assert lines[1] == "  위치(key path): " + ".".join(["a"] * 75)[:149] + "…" + ".".join(["a"] * 50)[-48:] + ".z"
    assert lines[2] == "  지금 값: " + "x" * 149 + "…" + "x" * 49 + "y"
    assert lines[3].startswith("  필요한 것: 쓸 수 있는 키: meta, ") and len(lines[3]) == len("  필요한 것: ") + 400
    # The fields themselves stay whole for code that reads them.
    assert len(exc.found or "") == 1_000_001


def test_a_long_key_in_the_file_gives_a_short_message(tmp_path):
    f = tmp_path / "guide.yml"
    f.write_text("? " + "k" * 50_000 + "\n: 1\n", encoding="utf-8")  # `?`: a plain key stops at 1,024
    with pytest.raises(GuideDataError) as caught:
        load_guide(f, SCHEMA, SHOWN)
    message = str(caught.value)
    assert all(len(line) < 500 for line in message.split("\n")), message[:1000]
    assert message.split("\n", maxsplit=1)[0].endswith("'가 있어요(오타인지 확인해 주세요)."), message[:1000]
