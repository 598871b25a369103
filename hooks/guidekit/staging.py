"""Swap a freshly built site into place in one step (two renames), or throw it away.

A build stopped from outside (Ctrl+C under `mkdocs build` or during a `mkdocs serve` rebuild) never reaches
MkDocs' error event, so a staging folder still open when the process ends is removed then (atexit), and
a swap cut between its two renames puts the old site back first.

The site folder is where it really is: a symlinked one is built beside its target and swapped there (the
link stays as it is); a mount point cannot be renamed (EBUSY), so its contents are swapped instead, staged
inside it where every rename stays on its filesystem. A swap that fails puts the old site back and stops
with one message (GuideDataError), never a traceback."""

from __future__ import annotations

import atexit
import errno
import os
import secrets
import shutil
from pathlib import Path

from .errors import GuideDataError

_open: set[Staging] = set()  # begun, and the staging folder or the replaced site not yet removed

_REASONS = {
    errno.EACCES: "쓸 권한이 없어요",
    errno.EPERM: "쓸 권한이 없어요",
    errno.EROFS: "읽기 전용 파일 시스템이에요",
    errno.EXDEV: "다른 파일 시스템으로는 옮길 수 없어요",
    errno.EBUSY: "다른 프로그램이 쓰고 있거나 마운트 지점이에요",
    errno.ENOSPC: "디스크 공간이 모자라요",
    errno.EDQUOT: "디스크 할당량이 모자라요",
}


class Staging:
    def __init__(self, site_dir: str):
        self.site = Path(site_dir)  # as the editor named it, for messages
        self.target = self.site  # the real folder the build goes to (set at begin)
        self.path: Path | None = None
        self._in_place = False  # a mount point: swap its contents, not the folder
        self._replaced: Path | None = None  # the previous site, set aside by a finished swap

    def begin(self) -> str:
        self.target = Path(os.path.realpath(self.site))
        self._in_place = self.target.is_dir() and _is_mount_point(self.target)
        try:
            if self._in_place:
                self.path = _new_folder(self.target, f".{self.target.name}-building-")
            else:
                self.target.parent.mkdir(parents=True, exist_ok=True)
                self.path = _new_folder(self.target.parent, f".{self.target.name}-building-")
        except OSError as exc:
            raise self._error("빌드할 폴더를 만들지 못했어요", exc, None) from None
        _open.add(self)
        return str(self.path)

    def publish(self) -> None:
        """Put the staged build where the site belongs; the old one is removed only afterwards."""
        assert self.path is not None
        try:
            if self._in_place:
                self._swap_contents()
            else:
                self._swap_folder()
        except _SwapFailed as failed:
            self.abandon()
            raise self._error("새 사이트로 바꾸지 못했어요", failed.cause, failed.kept_at) from None
        self.abandon()

    def abandon(self) -> None:
        for folder in (self.path, self._replaced):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        self.path = self._replaced = None
        _open.discard(self)

    def _swap_folder(self) -> None:
        assert self.path is not None
        old = None
        try:
            if os.path.lexists(self.target):
                old = self.target.with_name(f".{self.target.name}-old-{os.getpid()}")
                if old.exists():
                    shutil.rmtree(old)
                os.rename(self.target, old)
            os.rename(self.path, self.target)
        except BaseException as exc:
            kept_at = None
            if old is not None and old.exists() and not os.path.lexists(self.target):
                try:
                    os.rename(old, self.target)  # stopped between the renames: the last good site stays
                except OSError:
                    kept_at = old
            if isinstance(exc, OSError):
                raise _SwapFailed(exc, kept_at) from None
            raise
        self.path, self._replaced = None, old

    def _swap_contents(self) -> None:
        assert self.path is not None
        try:
            old = _new_folder(self.target, f".{self.target.name}-old-")
        except OSError as exc:
            raise _SwapFailed(exc, None) from None
        moved_out: list[str] = []
        moved_in: list[str] = []
        try:
            for name in sorted(os.listdir(self.target)):
                if name not in (self.path.name, old.name):  # leftovers of a killed build go with the old site
                    os.rename(self.target / name, old / name)
                    moved_out.append(name)
            for name in sorted(os.listdir(self.path)):
                os.rename(self.path / name, self.target / name)
                moved_in.append(name)
        except BaseException as exc:
            restored = self._put_back(old, moved_out, moved_in)
            if restored:
                shutil.rmtree(old, ignore_errors=True)
            if isinstance(exc, OSError):
                raise _SwapFailed(exc, None if restored else old) from None
            raise
        self._replaced = old

    def _put_back(self, old: Path, moved_out: list[str], moved_in: list[str]) -> bool:
        """Undo a contents swap cut in the middle; False when some of the old site is still aside."""
        assert self.path is not None
        for name in reversed(moved_in):
            try:
                os.rename(self.target / name, self.path / name)
            except OSError:
                _remove(self.target / name)
        restored = True
        for name in reversed(moved_out):
            try:
                os.rename(old / name, self.target / name)
            except OSError:
                restored = False
        return restored

    def _error(self, problem: str, exc: OSError, kept_at: Path | None) -> GuideDataError:
        where = str(self.site)
        if os.path.islink(self.site):
            where += f" (→ {self.target})"
        reason = _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
        expected = (
            "폴더에 쓸 수 있는지(권한, 읽기 전용, 남은 공간) 확인하거나 "
            "--site-dir(mkdocs.yml의 site_dir)로 다른 폴더를 고르세요."
        )
        if kept_at is None:
            expected += " 지난 사이트는 그대로예요."
        else:
            expected += f" 지난 사이트는 {kept_at}에 옮겨 두었어요. 그 안의 것을 {self.target}로 되돌려 놓으세요."
        return GuideDataError(where, f"{problem}({reason}).", expected=expected)


class _SwapFailed(Exception):
    def __init__(self, cause: OSError, kept_at: Path | None):
        super().__init__(str(cause))
        self.cause, self.kept_at = cause, kept_at


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new folder with the mode `mkdir` gives (the umask decides). tempfile.mkdtemp makes it 0700, and
    renamed into place that kept a web server running as another user out of the whole site."""
    for _ in range(100):
        path = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            os.mkdir(path)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free name", str(parent / prefix))


def _is_mount_point(path: Path) -> bool:
    # A bind mount from the same filesystem (a container volume, often) has the device of its parent,
    # so os.path.ismount cannot see it; the kernel's own list can.
    return os.path.ismount(path) or str(path) in _mount_points()


def _mount_points() -> set[str]:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as f:
            return {_unescape(line.split()[4]) for line in f if len(line.split()) > 4}
    except OSError:
        return set()


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash in paths as octal escapes (\040 …).
    out, i = "", 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1 : i + 4].isdigit():
            out += chr(int(field[i + 1 : i + 4], 8))
            i += 4
        else:
            out += field[i]
            i += 1
    return out


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@atexit.register
def _abandon_open() -> None:
    for staging in list(_open):
        staging.abandon()
