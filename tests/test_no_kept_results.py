"""A build keeps nothing between runs that could outlive the code or data that made it: after a hook
module or the Jinja settings change, the next build in the same place, with the same temp folder, is the
site a first build on a fresh machine makes. (Results were once kept under a hash of guidekit/*.py only:
an edited hooks/page_assets.py or render.py shipped the old output, and both builds exited 0.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guidedev.support import copy_project, tree_digest


def _build(project: Path, site: Path, temp: Path) -> None:
    temp.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _change_the_code(project: Path) -> None:
    # The CSS pruning no longer drops anything, and Jinja keeps the newline after a block tag.
    _edit(
        project / "hooks/page_assets.py",
        "    pruned = [prune_css(css, used) for css in originals]",
        "    pruned = originals",
    )
    _edit(project / "hooks/guidekit/render.py", "    trim_blocks=True,", "    trim_blocks=False,")


@pytest.mark.full  # three full builds, guarding against a cache that is gone: `make test` only
def test_a_changed_hook_module_gives_the_site_a_fresh_build_gives(tmp_path):
    project = copy_project(tmp_path / "p")
    temp = tmp_path / "temp"
    _build(project, tmp_path / "before", temp)
    _change_the_code(project)
    _build(project, tmp_path / "after", temp)

    fresh = copy_project(tmp_path / "fresh")
    _change_the_code(fresh)
    _build(fresh, tmp_path / "cold", tmp_path / "fresh-temp")

    css = "assets/stylesheets"
    assert tree_digest(tmp_path / "after") == tree_digest(tmp_path / "cold")
    assert tree_digest(tmp_path / "after" / css) != tree_digest(tmp_path / "before" / css)
    assert not any(temp.iterdir()), f"a build left files in the temp folder: {sorted(temp.iterdir())}"
