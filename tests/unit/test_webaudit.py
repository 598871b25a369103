"""Page kinds for the audit and screenshots are found from the built pages, so pages that other
branches add (generated, nested) get their own kind without a list to keep."""
from __future__ import annotations

from webaudit import _kind, page_types


def test_page_kinds(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("index", "payment", "delivery"):
        (docs / f"{name}.md").write_text("# x\n", encoding="utf-8")
    pages = ["", "checklists/", "checklists/photos/", "checklists/prepare/", "delivery/", "faq/", "payment/",
             "print/"]
    assert page_types(tmp_path, pages, docs) == {
        "home": "", "checklists": "checklists/", "checklists/*": "checklists/photos/", "topic": "delivery/",
        "faq": "faq/", "print": "print/",
    }


def test_first_load_leaves_out_the_search_worker_and_images():
    assert _kind("http://h/", "navigation") == "document"
    assert _kind("http://h/assets/javascripts/bundle.1.min.js", "script") == "script"
    assert _kind("http://h/assets/javascripts/workers/search.2.min.js", "other") == "other"
    assert _kind("http://h/search/search_index.json", "fetch") == "other"
    assert _kind("http://h/stylesheets/a11y.css", "link") == "stylesheet"
    assert _kind("http://h/images/share-card.png", "img") == "other"
