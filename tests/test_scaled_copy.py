"""`make bench-build` times a bigger copy of the project (tests/guidedev/scale.py): it must stay a copy an
editor could have, one that builds under `strict` with every copied page, fact and scenario shown."""

from __future__ import annotations

import re

import pytest

from guidedev.scale import scaled_project, topic_pages
from guidedev.support import ROOT, build_site, load_project_guide, site_pages
from guidekit.urls import checklist_page


@pytest.mark.full  # a build of twice the site: `make test` only
def test_a_copy_with_pages_and_data_doubled_builds_strictly(tmp_path):
    project = scaled_project(tmp_path / "p", pages=2, data=2)
    result = build_site(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    ours = site_pages(tmp_path / "site")
    originals = topic_pages(ROOT / "docs")
    for name in originals:
        stem = name.removesuffix(".md")
        assert f"{stem}/" in ours and f"{stem}-2/" in ours
    # data copies make their own generated pages (a checklist per copied checklist) and FAQ entries
    guide = load_project_guide()
    for checklist in guide.checklists:
        assert checklist_page(f"{checklist.id}_2").removesuffix(".md") + "/" in ours
    faq = (tmp_path / "site" / "faq" / "index.html").read_text(encoding="utf-8")
    entries = {m for m in re.findall(r'id="faq-([a-z0-9-]+)"', faq) if not m.startswith("topic-")}
    assert len(entries) == 2 * len(guide.faq)
    assert not (ROOT / "docs" / f"{originals[0].removesuffix('.md')}-2.md").exists()  # nothing written into docs/
