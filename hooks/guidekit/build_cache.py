"""What one build worked out that the next build would work out again from the same input: kept between
builds, in the per-user folder Jinja keeps compiled templates in (a private folder in the temp
directory, readable only by its owner).

Only results of pure steps are kept, each under a hash of everything it depends on: the input's bytes
and the source of the code that computes it. Change the data file, a page, the schema or that code, and
the key changes, so a stale result is never used; an editor never clears anything. What is kept is plain
JSON, never code, and an entry that cannot be read counts as missing. No usable temp folder: nothing is
kept, every build does all the work."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

PREFIX = "guidekit-result-"


@functools.cache
def folder() -> Path | None:
    """The cache folder, made private if new (None when the temp folder is not usable)."""
    from jinja2 import FileSystemBytecodeCache

    try:
        return Path(FileSystemBytecodeCache().directory)
    except (OSError, RuntimeError):
        return None


def _tree_hash(root: Path, pattern: str) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


# guidekit's Python code, hashed once, when it is imported: the code this process runs (a module edited
# later, under `mkdocs serve`, runs only in the next process, which hashes it anew).
CODE = _tree_hash(Path(__file__).parent, "*.py")


def templates_version() -> str:
    """guidekit's templates, hashed on every call: Jinja reloads a template edited under `mkdocs serve`."""
    return _tree_hash(Path(__file__).parent / "templates", "*")


def key(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def get(kind: str, digest: str) -> Any | None:
    place = folder()
    if place is None:
        return None
    try:
        return json.loads((place / f"{PREFIX}{kind}-{digest}.json").read_text(encoding="utf-8"))["value"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put(kind: str, digest: str, value: Any) -> None:
    """Keep `value` (plain JSON); written to a temporary file and renamed, so a reader never sees half."""
    place = folder()
    if place is None:
        return
    target = place / f"{PREFIX}{kind}-{digest}.json"
    try:
        fd, tmp = tempfile.mkstemp(dir=place, prefix=target.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"value": value}, f, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        pass
