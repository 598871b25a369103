"""A build stopped with Ctrl+C leaves no half-built folder behind, and the next build works; a config file
named by a relative path from another folder builds like any other. The Ctrl+C tests use the small
synthetic project (guidedev/mini.py): staging and signals do not depend on the guide's content, and the
signal is sent once the build reports that it is inside a page, never after a guessed wait."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from guidedev.edits import edit_at
from guidedev.mini import mini_project
from guidedev.support import ROOT, copy_project, free_port, interruptible, start_serve


def _gated(tmp_path: Path) -> tuple[Path, dict[str, str], Path, Path]:
    """The small project with the gate hook; returns it, the environment that arms the gate, and the gate
    and ready files. A build holds inside its first page while the gate file exists."""
    project = mini_project(tmp_path / "p", gate=True)
    gate, ready = tmp_path / "gate", tmp_path / "ready"
    return project, {"MINI_GATE": str(gate), "MINI_READY": str(ready)}, gate, ready


def _wait_for(ready: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Until the build says it is inside a page (the gate hook touched `ready`)."""
    end = time.monotonic() + timeout
    while not ready.exists():
        assert proc.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < end, "the build never reached a page"
        time.sleep(0.01)


def _mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def test_ctrl_c_during_a_build_leaves_no_folder_and_the_next_build_works(tmp_path):
    project, env, gate, ready = _gated(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    gate.touch()
    cmd = _mkdocs("build", "--strict", "--site-dir", str(out / "site"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    proc = subprocess.Popen(interruptible(cmd), cwd=project, env=env, stderr=subprocess.PIPE, text=True)
    _wait_for(ready, proc)
    assert [p.name for p in out.iterdir() if "-building-" in p.name], "the build is not staging"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr.read()
    assert sorted(p.name for p in out.iterdir()) == []  # no staging folder, and no half site

    gate.unlink()
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "site" / "index.html").exists()
    assert sorted(p.name for p in out.iterdir()) == ["site"]


def test_ctrl_c_during_a_serve_rebuild_leaves_no_folder_and_serve_starts_again(tmp_path):
    project, env, gate, ready = _gated(tmp_path)
    temp = tmp_path / "temp"  # where serve builds (its site folder and our staging beside it)
    temp.mkdir()
    env["TMPDIR"] = str(temp)
    proc, log = start_serve(project, free_port(), env)
    try:
        gate.touch()  # only the rebuild is held: the first build has already been served
        page = project / "docs" / "chat.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n덧붙인 문장이에요.\n", encoding="utf-8")
        _wait_for(ready, proc)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Traceback" not in log.text, log.text[-3000:]
    left = [p.name for p in temp.iterdir() if p.name.startswith((".mkdocs_", "mkdocs_"))]
    assert left == [], left

    gate.unlink()
    port = free_port()
    proc, log = start_serve(project, port, env)
    try:
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/chat/", timeout=10) as r:
            assert "덧붙인 문장이에요." in r.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_relative_config_path_from_another_folder_builds(tmp_path):
    """`mkdocs build -f some/dir/mkdocs.yml`: the data file is found from the config's folder, and messages
    name it relative to the project as usual."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = os.path.relpath(ROOT / "mkdocs.yml", elsewhere)
    assert not Path(config).is_absolute() and config.startswith("..")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(site)],
        cwd=elsewhere,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").exists()


def test_a_relative_config_path_names_the_data_file_in_messages(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "docs/data/guide.yml"
    edit = {"at": "facts.chatbot_hours.value", "line": "{indent}{key}: [{value}]"}
    data.write_text(edit_at(data.read_text(encoding="utf-8"), edit, "guide.yml")[0], "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "../p/mkdocs.yml",
            "--site-dir",
            str(tmp_path / "s"),
        ],
        cwd=elsewhere,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "docs/data/guide.yml" in result.stderr and "facts.chatbot_hours.value" in result.stderr, result.stderr
