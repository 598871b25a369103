"""Where `mkdocs build` puts the site as a web server sees it: folders and files readable by another user
(the modes the umask gives), a site folder that is a symlink or a mount point updated where it really is,
and no traceback when the folder cannot be written. The readability test builds the real site (every hook
that writes files takes part); the folder-kind tests are about staging alone and use the small synthetic
project (guidedev/mini.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from guidedev.mini import mini_project
from guidedev.support import copy_project


def _build(project: Path, site: Path, wrap: list[str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` under umask 0022, as a deploy script or CI runs it."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(
        (wrap or []) + cmd,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0o022),
    )


def _modes(site: Path) -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {"folders": set(), "files": set()}
    for folder, _, files in os.walk(site):
        modes["folders"].add(oct(stat.S_IMODE(os.stat(folder).st_mode)))
        for name in files:
            modes["files"].add(oct(stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode)))
    return modes


def test_the_built_site_is_readable_by_a_web_server(tmp_path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "out"
    out.mkdir()
    for _ in range(2):  # the first build makes the folder, the second swaps it
        result = _build(project, out / "site")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert _modes(out / "site") == {"folders": {"0o755"}, "files": {"0o644"}}
    assert [p.name for p in out.iterdir()] == ["site"]


def test_a_site_folder_that_is_a_symlink_stays_one_and_its_target_gets_the_build(tmp_path):
    project = mini_project(tmp_path / "p")
    www, out = tmp_path / "www", tmp_path / "out"
    (www / "html").mkdir(parents=True)
    (www / "html" / "stale.html").write_text("old", encoding="utf-8")
    out.mkdir()
    (out / "site").symlink_to("../www/html")
    result = _build(project, out / "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (out / "site").is_symlink() and os.readlink(out / "site") == "../www/html"
    assert (www / "html" / "index.html").exists()
    assert not (www / "html" / "stale.html").exists()
    assert [p.name for p in www.iterdir()] == ["html"]
    assert [p.name for p in out.iterdir()] == ["site"]


def _mount_namespace() -> list[str]:
    """A private mount namespace to bind-mount in (Linux, `unshare` allowed), else the test is skipped."""
    if not (shutil.which("unshare") and shutil.which("mount")):
        pytest.skip("no unshare/mount here")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare is not allowed here")
    return ["unshare", "-rm"]


def _in_namespace(script: str, *args: str) -> list[str]:
    return _mount_namespace() + ["sh", "-ec", script, "sh", *args]


def test_a_site_folder_that_is_a_mount_point_gets_the_build_in_place(tmp_path):
    # A bind mount from the same filesystem, as a container volume often is: os.path.ismount cannot
    # see it (same device), and renaming the folder fails with EBUSY.
    project = mini_project(tmp_path / "p")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    (disk / "stale.html").write_text("old", encoding="utf-8")
    (out / "site").mkdir(parents=True)
    wrap = _in_namespace('mount --bind "$1" "$2"; shift 2; exec "$@"', str(disk), str(out / "site"))
    result = _build(project, out / "site", wrap)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (disk / "index.html").exists()
    assert not (disk / "stale.html").exists()
    assert not [p.name for p in disk.iterdir() if p.name.startswith(".")]  # no staging or old site inside
    assert [p.name for p in out.iterdir()] == ["site"]


def test_a_read_only_site_folder_stops_the_build_with_a_message(tmp_path):
    project = mini_project(tmp_path / "p")
    out = tmp_path / "out"
    out.mkdir()
    wrap = _in_namespace('mount --bind "$1" "$1"; mount -o remount,bind,ro "$1"; shift; exec "$@"', str(out))
    result = _build(project, out / "site", wrap)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "읽기 전용" in result.stderr and str(out / "site") in result.stderr, result.stderr
    assert list(out.iterdir()) == []
