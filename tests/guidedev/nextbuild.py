"""A later deploy of the same guide, for the tests of how an open page and the offline copy take it up."""

from __future__ import annotations

from pathlib import Path

from guidedev.support import ROOT, copy_project

NEW_WORDS = "새 빌드에서 고친 문장이에요."
NEW_STYLE = "\n:root { --guide-build: 2; }\n"
# A page only the later build has; it carries the new words, so build_of tells its build too.
NEW_PAGE = "new-page"
NEW_PAGE_TEXT = f"""---
description: 새 빌드에서 더한 페이지예요.
---

# 새 페이지

{NEW_WORDS}
"""


def next_project(dest: Path, source: Path = ROOT) -> Path:
    """A copy of the project as a later deploy has it: one page changed, one page added, the stylesheet
    changed."""
    project = copy_project(dest, source=source)
    page = project / "docs" / "payment.md"
    page.write_text(page.read_text("utf-8").replace("\n\n", f"\n\n{NEW_WORDS}\n\n", 2), "utf-8")
    (project / "docs" / f"{NEW_PAGE}.md").write_text(NEW_PAGE_TEXT, "utf-8")
    config = project / "mkdocs.yml"
    nav_end = "  - 출처와 확인 날짜: sources.md\n"
    assert nav_end in config.read_text("utf-8"), "mkdocs.yml's nav no longer ends as this test expects"
    config.write_text(config.read_text("utf-8").replace(nav_end, f"{nav_end}  - 새 페이지: {NEW_PAGE}.md\n"), "utf-8")
    css = project / "docs" / "stylesheets" / "extra.css"
    css.write_text(css.read_text("utf-8") + NEW_STYLE, "utf-8")
    return project
