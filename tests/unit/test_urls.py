"""Where generated pages and sections live, and site links made relative (guidekit/urls.py). LinkBook's
own checks are in test_links.py; these cover the addresses and what its messages name."""

from __future__ import annotations

import re

import pytest

from guidekit.errors import GuideDataError
from guidekit.urls import (
    LinkBook,
    checklist_page,
    fact_anchor,
    faq_anchor,
    message_anchor,
    page_url,
    relative_url,
    slug,
)


def test_ids_become_addresses_with_hyphens():
    assert slug("before_return") == "before-return"
    assert slug("a_b_c") == "a-b-c"
    assert slug("plain") == "plain"
    assert checklist_page("before_return") == "checklists/before-return.md"
    assert faq_anchor("refund_late") == "faq-refund-late"
    assert message_anchor("ask_refund") == "msg-ask-refund"
    assert fact_anchor("agent_hours") == "sources.md#fact-agent_hours"  # fact keys keep their underscores


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", ""),
        ("checklists/index.md", "checklists/"),
        ("payment.md", "payment/"),
        ("checklists/before-return.md", "checklists/before-return/"),
        ("myindex.md", "myindex/"),
    ],
)
def test_pages_get_directory_urls(src, url):
    assert page_url(src) == url


def test_relative_urls_keep_the_common_folders():
    assert relative_url("a/b/c/", "a/b/d/") == "../c/"
    assert relative_url("a/b/c/", "a/b/c/") == "./"
    assert relative_url("a/b/c/", "a/x/") == "../b/c/"
    assert relative_url("a/b/c/", "x/y/") == "../../a/b/c/"
    assert relative_url("a/", "") == "a/"
    assert relative_url("", "a/b/") == "../.."  # the home page, written as MkDocs writes it


def test_an_unknown_page_names_the_place_the_link_and_some_real_pages():
    book = LinkBook({name: name.removesuffix(".md") + "/" for name in ("e.md", "c.md", "a.md", "d.md", "b.md")})
    with pytest.raises(GuideDataError) as err:
        book.url_for("nope.md#x", "a/", "docs/data/guide.yml:3 (faq[0].link)")
    assert err.value.file == "docs/data/guide.yml:3 (faq[0].link)"
    assert err.value.found == "nope.md#x"
    assert "docs/" in err.value.expected
    assert err.value.expected.endswith(" a.md, b.md, c.md, d.md")  # the first four, in order


def test_the_digest_is_the_same_for_the_same_pages_only():
    digest = LinkBook({"a.md": "a/", "b.md": "b/"}).digest()
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert LinkBook({"b.md": "b/", "a.md": "a/"}).digest() == digest
    assert LinkBook({"a.md": "a/", "b.md": "bb/"}).digest() != digest
    assert LinkBook({"a.md": "a/"}).digest() != digest


def test_a_link_to_a_page_with_no_anchors_at_all_is_reported_once():
    book = LinkBook({"a.md": "a/", "b.md": "b/"})
    book.url_for("b.md#x", "a/", "A")
    book.url_for("b.md#x", "a/", "A")
    (message,) = book.missing_anchors({})
    assert message.startswith("A: 'b.md#x'")
    assert book.missing_anchors({"b.md": {"x"}}) == []
