from __future__ import annotations

import pytest

from guidekit.errors import GuideDataError
from guidekit.links import LinkBook


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
