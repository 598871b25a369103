"""Swap a freshly built site into place in one step (two renames), or throw it away."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class Staging:
    def __init__(self, site_dir: str):
        self.target = Path(site_dir)
        self.path: Path | None = None

    def begin(self) -> str:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-building-", dir=self.target.parent))
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
        self.path.rename(self.target)
        self.path = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
