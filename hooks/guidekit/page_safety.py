"""The last word on what a built page may run and where its links may lead, read from the page as it is
written to disk:

- a Content-Security-Policy in the page's own `<meta>`: scripts only from the site itself and the inline
  scripts the page really carries (the theme's, by their SHA-256, computed from this very page), no
  `'unsafe-inline'`, no other origin for anything. A script that got into a page any other way (from the
  data file, say) does not run, and the browser reports it;
- no link or source with a scheme other than http(s) or a path in the site, except `tel:` with a phone
  number's digits (a phone fact: tap to call 1372). A `javascript:` link is a build error, whatever made it.

Pure functions over HTML text; hooks/page_safety.py applies them to every page and the 404 page."""

from __future__ import annotations

import base64
import hashlib
import html as _html
import re

from .errors import position_of

_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# What a browser runs as a classic or module script; JSON and other data blocks are not run.
_RUN_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
_URL_ATTRS = {"href", "src", "action", "formaction", "poster", "xlink:href", "data", "srcset"}
# A value that may carry a scheme: a ':' (or a character reference, which may spell one) before any '/',
# '?' or '#'. Far fewer than all attributes, and found in one pass that starts at each '='.
_CANDIDATE = re.compile(r"""=\s*["']?[^"'>/?#:&]*[:&]""")
_VALUE = re.compile(r"""\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TEL = re.compile(r"^tel:\+?[0-9][0-9-]*$")
# Characters a browser drops from a URL before reading its scheme ("java\tscript:" is javascript:).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the page's inline scripts by hash
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material draws its icons from data: SVGs in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def inline_script_hashes(page: str) -> list[str]:
    """'sha256-…' of every inline script the browser would run, in order, without repeats."""
    found: dict[str, None] = {}
    for m in _SCRIPT.finditer(page):
        attrs, body = m.group(1), m.group(2)
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _RUN_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        found[f"'sha256-{digest}'"] = None
    return list(found)


def policy(script_hashes: list[str]) -> str:
    parts = []
    for name, value in DIRECTIVES:
        extra = script_hashes if name == "script-src" else []
        parts.append(" ".join([name, value, *extra]))
    return "; ".join(parts)


def with_policy(page: str) -> str:
    """The page with its Content-Security-Policy as the first thing after the charset (or the head's start),
    so it covers every script that follows."""
    content = policy(inline_script_hashes(page)).replace("&", "&amp;").replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    at = _CHARSET.search(page) or _HEAD.search(page)
    if at is None:
        return page  # not an HTML document (a fragment): nothing to protect
    return page[: at.end()] + meta + page[at.end() :]


def unsafe_links(page: str) -> list[str]:
    """Every URL attribute of the page whose scheme is neither http(s) nor a phone number's tel:, as
    written."""
    bad = []
    for m in _CANDIDATE.finditer(page):
        before = page[max(0, m.start() - 40) : m.start()].split()
        attr = before[-1].lower() if before else ""
        if attr not in _URL_ATTRS:
            continue
        raw = _VALUE.match(page, m.start() + 1)
        if raw is None:
            continue
        value = raw.group(1)[1:-1] if raw.group(1)[:1] in "\"'" else raw.group(1)
        url = _URL_NOISE.sub("", _html.unescape(value))
        if attr == "srcset":
            candidates = [c.strip().split(" ")[0] for c in url.split(",")]
        else:
            candidates = [url]
        for candidate in candidates:
            scheme = _SCHEME.match(candidate)
            if not scheme:
                continue  # a path in the site, or a fragment
            name = scheme.group(1).lower()
            if name in ("http", "https") or (name == "tel" and _TEL.match(candidate)):
                continue
            bad.append(f'{attr}="{value}"')
    return bad


def link_position(source: str, link: str) -> tuple[int, int] | None:
    """(line, column), from 1, where the page's source writes the URL of `link` (as `unsafe_links` gives
    it: attr="value"), or None when the source does not have it as written (made by a block, escaped)."""
    value = link.partition("=")[2][1:-1]
    for written in dict.fromkeys((_html.unescape(value), value)):
        at = source.find(written) if written else -1
        if at >= 0:
            return position_of(source, at)
    return None
