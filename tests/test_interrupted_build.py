"""A build stopped with Ctrl+C leaves no half-built folder behind, and the next build works; a config file
named by a relative path from another folder builds like any other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from guidedev.support import ROOT, build_site, copy_project, free_port, start_serve

# A hook that makes every page take a while, so Ctrl+C lands in the middle of a build, not after it.
SLOW_HOOK = "import time\n\n\ndef on_page_markdown(markdown, **kwargs):\n    time.sleep(0.3)\n    return markdown\n"


def _slow_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "p")
    (project / "hooks" / "slow_for_test.py").write_text(SLOW_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/slow_for_test.py\n", 1),
        encoding="utf-8",
    )
    return project


def _building(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if "-building-" in p.name]


def _wait_for_building(folder: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if _building(folder):
            return
        assert proc.poll() is None, "the build ended before it could be interrupted"
        time.sleep(0.02)
    raise AssertionError(f"no staging folder appeared in {folder}")


def test_ctrl_c_during_a_build_leaves_no_folder_and_the_next_build_works(tmp_path):
    project = _slow_project(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out / "site")]
    proc = subprocess.Popen(
        cmd, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.PIPE, text=True
    )
    _wait_for_building(out, proc)
    time.sleep(0.5)  # well inside the build: each page takes 0.3 s
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr.read()
    assert sorted(p.name for p in out.iterdir()) == []  # no staging folder, and no half site

    result = build_site(out / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert (out / "site" / "index.html").exists()
    assert sorted(p.name for p in out.iterdir()) == ["site"]


def test_ctrl_c_during_a_serve_rebuild_leaves_no_folder_and_serve_starts_again(tmp_path):
    project = _slow_project(tmp_path)
    temp = tmp_path / "temp"  # where serve builds (its site folder and our staging beside it)
    temp.mkdir()
    env = {"TMPDIR": str(temp)}
    proc, log = start_serve(project, free_port(), env)
    try:
        page = project / "docs" / "chat.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n덧붙인 문장이에요.\n", encoding="utf-8")
        _wait_for_building(temp, proc)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Traceback" not in log.text, log.text[-3000:]
    left = [p.name for p in temp.iterdir() if p.name.startswith((".mkdocs_", "mkdocs_"))]
    assert left == [], left

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
    data.write_text(
        data.read_text(encoding="utf-8").replace("    value: 24시간\n", "    value: [24시간]\n", 1), "utf-8"
    )
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
