"""The policy a page carries and the links it may have (guidekit/page_safety.py)."""

from __future__ import annotations

import base64
import hashlib

import pytest

from guidekit.page_safety import inline_script_hashes, link_position, policy, unsafe_links, with_policy

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var a = 1</script>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="x.js"></script>
<script type="module">import "./m.js"</script>
</head><body><script>var a = 1</script></body></html>"""


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_inline_scripts_that_run_are_hashed_once_each():
    assert inline_script_hashes(PAGE) == [_sha("var a = 1"), _sha('import "./m.js"')]


def test_the_policy_allows_the_site_and_those_hashes_only():
    text = policy([_sha("x")])
    assert f"script-src 'self' {_sha('x')}" in text
    assert "unsafe-inline" not in text and "http" not in text and "*" not in text
    assert "object-src 'none'" in text and "base-uri 'self'" in text


def test_the_policy_comes_before_every_script():
    out = with_policy(PAGE)
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script")
    assert out.count("Content-Security-Policy") == 1
    assert with_policy("<p>no head</p>") == "<p>no head</p>"


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href='JaVaScRiPt:alert(1)'>x</a>",
        '<a href="java\tscript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href=" javascript:alert(1)">x</a>',
        '<img src="data:text/html,<script>alert(1)</script>">',
        '<form action="vbscript:x"></form>',
        '<img srcset="ok.png 1x, javascript:x 2x">',
        '<a href="tel:javascript:alert(1)">x</a>',
        "<a href=javascript:alert(1)>x</a>",
    ],
)
def test_a_link_that_could_run_is_found(html):
    assert unsafe_links(html), html


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://www.ccn.go.kr/">x</a>',
        '<a href="../payment/#double-charge">x</a>',
        '<a href="#top">x</a>',
        '<a href="tel:1372">x</a>',
        '<a href="tel:02-123-4567">x</a>',
        '<link rel="stylesheet" href="assets/stylesheets/main.css">',
        '<span data-fact="x" title="javascript: is text here">x</span>',
    ],
)
def test_site_links_web_addresses_and_phone_numbers_pass(html):
    assert unsafe_links(html) == []


def test_a_bad_link_is_found_where_the_page_writes_it():
    source = "---\ndescription: x\n---\n\n# 제목\n\n[연결](javascript:alert(1)) 그리고 [둘](javascript:a&amp;b)\n"
    assert link_position(source, 'href="javascript:alert(1)"') == (7, 6)
    assert link_position(source, 'href="javascript:a&amp;b"') == (7, 35)
    assert link_position(source, 'href="javascript:void(0)"') is None  # made by a block, not written here
