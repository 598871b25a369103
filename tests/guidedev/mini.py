"""A small synthetic project for tests that need a project to change, interrupt or build many times and
are about the build machinery (staging, signals, serve), not about the guide's content: three pages, the
stock theme, and the hooks under test copied from the project. It builds in a fraction of the real site's
time, and no edit an editor makes to the guide can break it."""

from __future__ import annotations

import shutil
from pathlib import Path

from guidedev.support import ROOT

# Stops a build inside a page until the test has done what it came for (typically: sent Ctrl+C). It waits
# only while the gate file exists, so the same project also builds straight through; it says "I am inside
# the build" by creating the ready file, which the test waits for instead of guessing with sleeps.
GATE_HOOK = '''"""Test hook: hold the build inside a page while the gate file exists."""

import os
import time
from pathlib import Path


def on_page_markdown(markdown, **kwargs):
    gate = Path(os.environ.get("MINI_GATE", "/nonexistent"))
    if gate.exists():
        Path(os.environ["MINI_READY"]).touch()
        end = time.monotonic() + 120
        while gate.exists() and time.monotonic() < end:
            time.sleep(0.01)
    return markdown
'''

PAGES = {
    "index.md": "# 시작\n\n[다음 쪽](chat.md)\n",
    "chat.md": "# 챗봇과 상담원\n\n상담 시간을 확인해요.\n",
    "more.md": "# 더 보기\n\n[처음으로](index.md)\n",
}


def mini_project(dest: Path, hooks: tuple[str, ...] = ("atomic_site.py",), gate: bool = False) -> Path:
    """Write the synthetic project into `dest` and return it. `hooks` are files of the project's hooks/
    folder to use; `gate` adds GATE_HOOK (set MINI_GATE and MINI_READY in the build's environment)."""
    (dest / "docs").mkdir(parents=True, exist_ok=True)
    (dest / "hooks").mkdir(exist_ok=True)
    for name, text in PAGES.items():
        (dest / "docs" / name).write_text(text, encoding="utf-8")
    used = []
    for name in hooks:
        shutil.copy2(ROOT / "hooks" / name, dest / "hooks" / name)
        used.append(f"hooks/{name}")
    if gate:
        (dest / "hooks" / "gate.py").write_text(GATE_HOOK, encoding="utf-8")
        used.append("hooks/gate.py")
    config = ["site_name: 작은 시험 사이트", "strict: true", "theme:", "  name: mkdocs", "hooks:"]
    config += [f"  - {h}" for h in used]
    (dest / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return dest
