"""The README's way to see every broken-data message works as written on a fresh clone: the command is read
from README.md (so the two never drift) and run in a shell with no virtualenv active."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

from guidedev.support import BROKEN_FIXTURES, CHECKOUT

SCRIPT = CHECKOUT / "scripts" / "show_broken_messages.py"


def readme_command() -> list[str]:
    """The first command in backticks on the README line about tests/fixtures/broken/ and its messages."""
    for line in (CHECKOUT / "README.md").read_text("utf-8").splitlines():
        if "tests/fixtures/broken/" in line and "메시지" in line:
            commands = re.findall(r"`((?:make|python3?|\.venv/bin/python) [^`]+)`", line)
            assert commands, f"README.md names no command on: {line}"
            return shlex.split(commands[0])
    raise AssertionError("README.md no longer says how to see the broken-data messages")


def fresh_shell() -> dict[str, str]:
    """This environment as a new terminal would have it: no virtualenv on PATH, no make of ours around."""
    venv_bin = os.path.dirname(sys.executable)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p != venv_bin)
    drop = {"VIRTUAL_ENV", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "GUIDE_PROJECT_ROOT"}
    return {**{k: v for k, v in os.environ.items() if k not in drop and not k.startswith("PYTEST_")}, "PATH": path}


def test_the_readme_command_prints_a_fixtures_messages_on_a_fresh_shell():
    command = readme_command()
    # `make` installs what the script needs into .venv first; a bare `python` may lack guidedev or not exist.
    assert command[0] == "make", f"{command}: a fresh clone has no .venv yet, so the README must say make"
    stem = BROKEN_FIXTURES[0].stem
    result = subprocess.run(
        [*command, "-s", f"FIXTURES={stem}"], cwd=CHECKOUT, env=fresh_shell(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"## {stem} — " in result.stdout and "ERROR" in result.stdout, result.stdout[-2000:]


def test_the_script_runs_from_any_folder_and_names_an_unknown_fixture(tmp_path):
    stem = BROKEN_FIXTURES[-1].stem
    ok = subprocess.run([sys.executable, str(SCRIPT), stem], cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0 and f"## {stem} — " in ok.stdout, ok.stdout[-2000:] + ok.stderr[-2000:]
    assert ok.stdout.count("## ") == 1
    wrong = subprocess.run([sys.executable, str(SCRIPT), "no-such"], cwd=tmp_path, capture_output=True, text=True)
    assert wrong.returncode == 2 and "no-such" in wrong.stderr and not wrong.stdout
