"""Page kinds for the audit and screenshots are found from the built pages, so pages that other
branches add (generated, nested) get their own kind without a list to keep."""

from __future__ import annotations

from guidedev.webaudit import _kind, page_types


def test_page_kinds(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("index", "payment", "delivery"):
        (docs / f"{name}.md").write_text("# x\n", encoding="utf-8")
    one = '<article class="md-typeset"><h1>x</h1><div class="checklist"><p>a</p></div></article>'
    many = '<article class="md-typeset"><h1>x</h1><div class="checklist"></div><div class="checklist"></div></article>'
    pages = {
        "": one,
        "checklists/": one,
        "checklists/photos/": one,
        "checklists/prepare/": one,
        "checklists/print-all/": many,
        "delivery/": one,
        "faq/": one,
        "payment/": one,
        "print/": one,
    }
    for path, html in pages.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    assert page_types(tmp_path, list(pages), docs) == {
        "home": "",
        "checklists": "checklists/",
        "checklists/*": "checklists/photos/",
        "checklists/print-all": "checklists/print-all/",
        "topic": "delivery/",
        "faq": "faq/",
        "print": "print/",
    }


def test_first_load_leaves_out_the_search_worker_and_images():
    assert _kind("http://h/", "navigation") == "document"
    assert _kind("http://h/assets/javascripts/bundle.1.min.js", "script") == "script"
    assert _kind("http://h/assets/javascripts/workers/search.2.min.js", "other") == "other"
    assert _kind("http://h/search/search_index.json", "fetch") == "other"
    assert _kind("http://h/stylesheets/a11y.css", "link") == "stylesheet"
    assert _kind("http://h/images/share-card.png", "img") == "other"
