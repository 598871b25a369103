from __future__ import annotations

import pytest

from guidekit.errors import GuideDataError
from guidekit.urls import LinkBook, relative_url


def book():
    return LinkBook({"index.md": "", "payment.md": "payment/", "sources.md": "sources/"})


def test_relative_urls_from_home_and_from_a_topic():
    b = book()
    assert b.url_for("payment.md#double-charge", "", "x") == "payment/#double-charge"
    assert b.url_for("payment.md", "sources/", "x") == "../payment/"


def test_unknown_page_is_an_error():
    with pytest.raises(GuideDataError, match=r"nope\.md"):
        book().url_for("nope.md#a", "", "data (scenarios[0].link)")


def test_missing_anchor_is_reported_with_origin():
    b = book()
    b.url_for("payment.md#double-charge", "", "A")
    b.url_for("payment.md#gone", "", "B")
    msgs = b.missing_anchors({"payment.md": {"double-charge"}})
    assert len(msgs) == 1 and msgs[0].startswith("B:") and "#gone" in msgs[0]


@pytest.mark.parametrize(
    ("to", "frm"),
    [
        ("payment/", "delivery/"),
        ("payment/", ""),
        ("", "checklists/prepare/"),
        ("checklists/prepare/", "checklists/print-all/"),
        ("checklists/", "checklists/"),
        ("sources/", "404.html"),
        ("a/b/c/", "a/x/"),
        ("img.png", "a/b/"),
        ("../up/", "a/"),
        ("a//b/", "./c/"),
    ],
)
def test_relative_url_gives_what_mkdocs_gives(to, frm):
    """The core's own helper, so that it needs no MkDocs, agrees with MkDocs' get_relative_url."""
    from mkdocs.utils import get_relative_url

    assert relative_url(to, frm) == get_relative_url(to or ".", frm or ".")
