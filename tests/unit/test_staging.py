from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from guidedev.support import tree_digest
from guidekit import staging as staging_module
from guidekit.errors import GuideDataError
from guidekit.staging import Staging


def test_publish_replaces_the_old_site_in_one_step(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging(str(site))
    build = staging.begin()
    (tmp_path / build / "new.html").write_text("new")
    assert (site / "old.html").exists()  # untouched while building
    staging.publish()
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_abandon_leaves_the_old_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging(str(site))
    staging.begin()
    staging.abandon()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert (site / "old.html").read_text() == "old"


def _old_site(site: Path) -> str:
    site.mkdir(parents=True, exist_ok=True)
    (site / "old.html").write_text("old")
    (site / "assets").mkdir()
    (site / "assets" / "old.css").write_text("old")
    return tree_digest(site)


def _build_into(staging: Staging) -> Path:
    build = Path(staging.begin())
    (build / "index.html").write_text("new")
    (build / "assets").mkdir()
    (build / "assets" / "new.css").write_text("new")
    (build / "search.json").write_text("{}")
    return build


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """Sets the process umask for one test and puts the old one back."""
    before = os.umask(0o022)
    os.umask(before)
    yield os.umask
    os.umask(before)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o755), (0o027, 0o750)], ids=["umask022", "umask027"])
@pytest.mark.parametrize("had_site", [True, False], ids=["replacing", "first"])
def test_the_published_folder_has_the_mode_mkdir_gives(tmp_path, umask, mask, expected, had_site):
    # A web server running as another user must be able to read the site: 0700 answered 404 everywhere.
    umask(mask)
    site = tmp_path / "site"
    if had_site:
        _old_site(site)
    staging = Staging(str(site))
    _build_into(staging)
    staging.publish()
    assert oct(_mode(site)) == oct(expected)


def test_a_symlinked_site_folder_gets_the_build_at_its_target(tmp_path):
    www, project = tmp_path / "www", tmp_path / "project"
    _old_site(www / "html")
    project.mkdir()
    link = project / "site"
    link.symlink_to("../www/html")
    staging = Staging(str(link))
    build = _build_into(staging)
    assert build.parent == www  # staged beside the real folder, so the swap is a rename on its filesystem
    staging.publish()
    assert link.is_symlink() and os.readlink(link) == "../www/html"
    assert sorted(p.name for p in (www / "html").iterdir()) == ["assets", "index.html", "search.json"]
    assert [p.name for p in www.iterdir()] == ["html"]
    assert [p.name for p in project.iterdir()] == ["site"]


def test_a_dangling_symlink_gets_its_target_made(tmp_path):
    link = tmp_path / "site"
    link.symlink_to(tmp_path / "www" / "html")
    (tmp_path / "www").mkdir()
    staging = Staging(str(link))
    _build_into(staging)
    staging.publish()
    assert link.is_symlink()
    assert (tmp_path / "www" / "html" / "index.html").read_text() == "new"


@pytest.fixture
def mount_point(tmp_path, monkeypatch):
    """`site/` as a mount point: os.path.ismount says so, and renaming the folder itself fails with EBUSY
    as it does on a real one."""
    site = tmp_path / "site"
    real_ismount, real_rename = os.path.ismount, os.rename
    monkeypatch.setattr(os.path, "ismount", lambda p: os.fspath(p) == str(site) or real_ismount(p))

    def rename(src, dst, *args, **kwargs):
        if os.fspath(src) == str(site) or os.fspath(dst) == str(site):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(site))
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    return site


def test_a_mount_point_gets_its_contents_swapped(tmp_path, mount_point):
    site = mount_point
    _old_site(site)
    inode = site.stat().st_ino
    staging = Staging(str(site))
    build = _build_into(staging)
    assert build.parent == site  # inside the mount point: the renames stay on its filesystem
    assert (site / "old.html").exists()  # untouched while building
    staging.publish()
    assert site.stat().st_ino == inode  # the same folder, not a new one renamed over it
    assert sorted(p.name for p in site.iterdir()) == ["assets", "index.html", "search.json"]
    assert [p.name for p in (site / "assets").iterdir()] == ["new.css"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_mount_point_with_leftovers_of_a_killed_build_is_cleaned(tmp_path, mount_point):
    site = mount_point
    _old_site(site)
    (site / ".site-building-deadbeef").mkdir()  # a build killed with SIGKILL never ran its cleanup
    staging = Staging(str(site))
    _build_into(staging)
    staging.publish()
    assert sorted(p.name for p in site.iterdir()) == ["assets", "index.html", "search.json"]


def _failing_rename(monkeypatch, when, exc: BaseException):
    real_rename = os.rename

    def rename(src, dst, *args, **kwargs):
        if when(Path(src), Path(dst)):
            raise exc
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)


def test_a_failure_in_the_middle_of_a_contents_swap_puts_the_old_site_back(tmp_path, mount_point, monkeypatch):
    site = mount_point
    before = _old_site(site)
    staging = Staging(str(site))
    _build_into(staging)
    # The old entries are aside and one new entry is in when the next one fails.
    _failing_rename(monkeypatch, lambda src, dst: src.name == "search.json", OSError(errno.EIO, "I/O error"))
    with pytest.raises(GuideDataError) as caught:
        staging.publish()
    assert tree_digest(site) == before
    assert sorted(p.name for p in site.iterdir()) == ["assets", "old.html"]  # no hidden folder left inside
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert str(site) in str(caught.value) and "지난 사이트는 그대로" in str(caught.value)


def test_ctrl_c_in_the_middle_of_a_contents_swap_puts_the_old_site_back(tmp_path, mount_point, monkeypatch):
    site = mount_point
    before = _old_site(site)
    staging = Staging(str(site))
    _build_into(staging)
    _failing_rename(monkeypatch, lambda src, dst: src.name == "search.json", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        staging.publish()
    staging_module._abandon_open()  # what atexit does as the process ends
    assert tree_digest(site) == before
    assert sorted(p.name for p in site.iterdir()) == ["assets", "old.html"]


@pytest.mark.parametrize(
    ("which", "code", "words"),
    [
        pytest.param("old aside", errno.EACCES, "권한", id="old-aside-EACCES"),
        pytest.param("new in", errno.EACCES, "권한", id="new-in-EACCES"),
        pytest.param("new in", errno.EROFS, "읽기 전용", id="new-in-EROFS"),
        pytest.param("new in", errno.EXDEV, "파일 시스템", id="new-in-EXDEV"),
        pytest.param("new in", errno.EBUSY, "마운트", id="new-in-EBUSY"),
    ],
)
def test_an_oserror_during_publish_stops_with_a_message_and_keeps_the_old_site(
    tmp_path, monkeypatch, which, code, words
):
    site = tmp_path / "site"
    before = _old_site(site)
    staging = Staging(str(site))
    build = _build_into(staging)
    if which == "old aside":
        _failing_rename(monkeypatch, lambda src, dst: src == site, OSError(code, os.strerror(code), str(site)))
    else:
        _failing_rename(monkeypatch, lambda src, dst: src == build, OSError(code, os.strerror(code), str(build)))
    with pytest.raises(GuideDataError) as caught:
        staging.publish()
    message = str(caught.value)
    assert str(site) in message and words in message, message
    assert "지난 사이트는 그대로" in message and "--site-dir" in message
    assert "Traceback" not in message and "Errno" not in message
    assert tree_digest(site) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder, no old site aside


def test_a_staging_folder_that_cannot_be_made_stops_with_a_message(tmp_path, monkeypatch):
    site = tmp_path / "site"
    before = _old_site(site)

    def mkdir(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path))

    monkeypatch.setattr(os, "mkdir", mkdir)
    with pytest.raises(GuideDataError) as caught:
        Staging(str(site)).begin()
    assert str(site) in str(caught.value) and "권한" in str(caught.value)
    assert tree_digest(site) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
