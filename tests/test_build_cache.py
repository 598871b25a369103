"""Results kept between builds (guidekit/build_cache.py) never change what a build makes or says: a build
with everything kept from an earlier one gives the same site and the same warnings as one with nothing
kept, also when the change that matters is on another page, and an edited template shows at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from guidedev.support import copy_project, tree_digest


def _build(project: Path, site: Path, cache: Path) -> tuple[int, list[str]]:
    """A build that reports warnings instead of stopping at them, with `cache` as the temp folder."""
    cache.mkdir(exist_ok=True)
    loose = project / "loose.yml"
    loose.write_text("INHERIT: mkdocs.yml\nstrict: false\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(loose), "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(cache)},
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, sorted(line for line in result.stderr.splitlines() if line.startswith("WARNING"))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_kept_results_give_the_same_site_and_warnings(tmp_path):
    project = copy_project(tmp_path / "p")
    warm = tmp_path / "warm"
    code, warnings = _build(project, tmp_path / "site0", warm)
    assert code == 0 and warnings == []
    assert any(warm.rglob("guidekit-result-*")), "the first build kept nothing"

    # The heading the data links to goes (other pages link to it; their expansion is kept from the first
    # build), and a page gets a number typed into its prose.
    _edit(project / "docs/payment.md", "{#double-charge}", "{#double-charge-moved}")
    _edit(project / "docs/chat.md", "# 챗봇과 상담원\n", "# 챗봇과 상담원\n\n상담은 7일 안에 끝나요.\n")
    code_warm, warned_warm = _build(project, tmp_path / "site-warm", warm)
    code_cold, warned_cold = _build(project, tmp_path / "site-cold", tmp_path / "cold")

    assert code_warm == code_cold == 0
    assert warned_warm == warned_cold
    assert any("payment.md#double-charge'" in w for w in warned_warm), warned_warm
    assert any("'7일'" in w for w in warned_warm), warned_warm
    assert tree_digest(tmp_path / "site-warm") == tree_digest(tmp_path / "site-cold")


def test_an_edited_template_shows_on_the_next_build(tmp_path):
    project = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    _build(project, tmp_path / "site", cache)
    note = project / "hooks/guidekit/templates/blocks/source_note.html"
    _edit(note, "개인 블로그 글에만 나와요.", "개인 블로그 글에만 적혀 있어요.")
    code, _ = _build(project, tmp_path / "site", cache)
    assert code == 0
    page = (tmp_path / "site/chat/index.html").read_text(encoding="utf-8")
    assert "개인 블로그 글에만 적혀 있어요." in page
    assert "개인 블로그 글에만 나와요." not in page
