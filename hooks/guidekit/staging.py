"""Swap a freshly built site into place in one step (two renames), or throw it away.

A build stopped from outside (Ctrl+C under `mkdocs build` or during a `mkdocs serve` rebuild) never reaches
MkDocs' error event, so a staging folder still open when the process ends is removed then (atexit), and
a swap cut between its two renames puts the old site back first."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

_open: set[Staging] = set()  # begun, neither published nor abandoned


class Staging:
    def __init__(self, site_dir: str):
        self.target = Path(site_dir)
        self.path: Path | None = None

    def begin(self) -> str:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-building-", dir=self.target.parent))
        _open.add(self)
        return str(self.path)

    def publish(self) -> None:
        """Put the staged build where the site belongs; the old one is removed only afterwards."""
        assert self.path is not None
        old = None
        if self.target.exists():
            old = self.target.with_name(f".{self.target.name}-old-{os.getpid()}")
            if old.exists():
                shutil.rmtree(old)
            self.target.rename(old)
        try:
            self.path.rename(self.target)
        except BaseException:
            if old is not None and not self.target.exists():
                old.rename(self.target)  # stopped between the renames: the last good site stays
            raise
        self.path = None
        _open.discard(self)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        _open.discard(self)


@atexit.register
def _abandon_open() -> None:
    for staging in list(_open):
        staging.abandon()
