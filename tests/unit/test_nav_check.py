"""Pages left out of mkdocs.yml's nav (guidekit/nav_check.py): which pages, their titles, and a message at
the nav with the line to add — a line that, added, puts the page in the nav."""

from __future__ import annotations

import yaml

from guidedev.support import ROOT
from guidekit.nav_check import missing_from_nav, missing_pages_error, nav_entry, nav_sources, page_title

NAV = [
    {"홈": "index.md"},
    "plain.md",
    {"묶음": [{"안": "folder/inner.md"}, {"밖": "https://example.com/"}]},
]
CONFIG = "site_name: x\nsite_url: !ENV [SITE_URL, '']\nnav:\n  - 홈: index.md\n  - plain.md\n"


def test_the_nav_names_pages_in_sections_too_but_not_other_sites():
    assert nav_sources(NAV) == {"index.md", "plain.md", "folder/inner.md"}


def test_pages_the_nav_leaves_out_in_order():
    pages = ["index.md", "new.md", "folder/inner.md", "folder/other.md"]
    assert missing_from_nav(pages, NAV) == ["new.md", "folder/other.md"]
    assert missing_from_nav(pages, None) == []  # no nav: MkDocs lists every page itself


def test_a_page_is_titled_by_its_front_matter_then_its_heading_then_its_name():
    assert page_title("---\ntitle: 앞머리 제목\n---\n\n# 본문 제목\n", "a.md") == "앞머리 제목"
    assert page_title("---\ndescription: 설명\n---\n\n# 본문 제목 #\n", "a.md") == "본문 제목"
    assert page_title("그냥 글\n", "folder/new-page.md") == "new-page"


def test_the_suggested_line_adds_the_page_to_the_nav():
    for title in ("새 페이지", "주의: 콜론", "[괄호] 제목", "# 샵"):
        line = nav_entry(title, "new.md", 2)
        nav = yaml.safe_load("nav:\n  - 홈: index.md\n" + line + "\n")["nav"]
        assert nav == [{"홈": "index.md"}, {title: "new.md"}], line


def test_the_message_points_at_the_nav_and_names_the_page_and_the_line():
    exc = missing_pages_error([("new.md", "새 페이지")], "docs", "mkdocs.yml", CONFIG)
    assert (exc.file, exc.line, exc.column, exc.key_path) == ("mkdocs.yml", 3, 1, "nav")
    assert "docs/new.md" in exc.problem
    assert "`  - 새 페이지: new.md`" in exc.expected


def test_the_message_for_the_projects_own_mkdocs_yml_points_at_its_nav():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    exc = missing_pages_error([("new.md", "새 페이지")], "docs", "mkdocs.yml", text)
    assert text.split("\n")[exc.line - 1].startswith("nav:")
