"""The generated checklist, summary and message pages are built, reachable from the nav, and come
from the data file."""

from __future__ import annotations

import re

import pytest
from test_build import nav_pages

from guidedev.support import ROOT, load_project_guide
from guidekit.urls import CHECKLIST_INDEX_PAGE, PRINT_ALL_PAGE, checklist_page

pytestmark = pytest.mark.reads_guide

GUIDE = load_project_guide()


def test_every_generated_page_is_in_the_nav():
    nav = nav_pages()
    expected = [CHECKLIST_INDEX_PAGE, PRINT_ALL_PAGE, "summary.md", "messages.md"] + [
        checklist_page(c.id) for c in GUIDE.checklists
    ]
    missing = [p for p in expected if p not in nav]
    assert not missing, f"add these to nav in mkdocs.yml: {missing}"


def test_checklist_pages_are_built_and_not_written_into_docs(built_site):
    site, _ = built_site
    for cl in GUIDE.checklists:
        html = (site / checklist_page(cl.id).removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert html.count('class="checklist__box"') == len(cl.items)
        assert not (ROOT / "docs" / checklist_page(cl.id)).exists()
    assert not (ROOT / "docs" / "summary.md").exists() and not (ROOT / "docs" / "messages.md").exists()


def test_links_in_checklists_point_at_existing_sections(built_site):
    """The strict build already fails on a missing anchor; this makes sure the check saw these links."""
    site, _ = built_site
    html = (site / "checklists/before-return/index.html").read_text(encoding="utf-8")
    for href in re.findall(r'class="checklist__more" href="([^"]+)"', html):
        page, _, anchor = href.partition("#")
        target = (site / "checklists/before-return" / page / "index.html").resolve()
        assert target.exists(), href
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_script_and_styles_are_local_files(built_site):
    site, _ = built_site
    html = (site / "checklists/prepare/index.html").read_text(encoding="utf-8")
    for ref in ("javascripts/checklists.js", "stylesheets/checklists.css", "stylesheets/overrides.css"):
        assert ref in html and (site / ref).exists()
