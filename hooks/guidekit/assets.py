"""Keep the first load small on a phone: a stylesheet or script listed as page-scoped is linked only
from pages that contain one of the classes it is written for (its own class selectors; for a script,
the class selectors in its string literals, i.e. what it queries), and our own CSS is shipped without
comments and runs of blanks, and every page without its indentation. Material's `md-` classes are on every page,
so they never count."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'")
_CLASS = re.compile(r"(?<![\w-])\.(-?[A-Za-z_][\w-]*)")


def own_classes(classes) -> set[str]:
    """The classes that are not Material's (`md-` ones are on every page, so they never count)."""
    return {c for c in classes if not c.startswith("md-")}


def css_classes(css: str) -> set[str]:
    """Class names a stylesheet's selectors use (not Material's)."""
    # The text before each '{' is a selector (or an at-rule's prelude); split once at the braces rather than
    # search for "text, then '{'", which retries from every character of every declaration block.
    parts = re.split(r"([{}])", _COMMENT.sub("", css))
    selectors = " ".join(parts[i] for i in range(0, len(parts) - 1, 2) if parts[i + 1] == "{")
    return own_classes(_CLASS.findall(selectors))


def script_classes(js: str) -> set[str]:
    """Class names in a script's string literals: the elements it looks for."""
    found: set[str] = set()
    for m in _STRING.finditer(js):
        found |= set(_CLASS.findall(m.group(1) or m.group(2) or ""))
    return own_classes(found)


def unused_assets(page_classes: set[str], scoped: dict[str, set[str]]) -> list[str]:
    """The page-scoped assets (path -> classes it serves) that serve none of the page's own classes
    (`own_classes` of what `css_prune.Used.add_html` found in it)."""
    return [path for path, classes in scoped.items() if not classes & page_classes]


_ASSET_TAG = re.compile(
    r'<link rel="stylesheet" href="(?:\.\./)*([^"?]+)(?:\?[^"]*)?">'
    r'|<script src="(?:\.\./)*([^"?]+)(?:\?[^"]*)?"[^>]*></script>'
)


def drop_links(html: str, paths: list[str]) -> str:
    """Remove the <link rel=stylesheet> and <script src> tags of `paths` (as MkDocs wrote them,
    relative or not, with or without a query string), with the blanks before them. One scan for the
    literal tags: a pattern that starts with the blanks is retried at every blank of the page."""
    if not paths:
        return html
    drop = set(paths)
    out, last = [], 0
    for m in _ASSET_TAG.finditer(html):
        if (m.group(1) or m.group(2)) in drop:
            out.append(html[last : m.start()].rstrip())
            last = m.end()
    out.append(html[last:])
    return "".join(out)


def minify_css(css: str) -> str:
    """Comments and blank runs out; nothing that could change a selector's meaning (a space before
    `:` or after `,` is kept, since `.a :is(b)` and `.a:is(b)` differ)."""
    css = _COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};])\s*", r"\1", css)
    return css.replace(";}", "}").strip() + "\n"


_LINE_COMMENT = re.compile(r"^[ \t]*(?:/\*.*?\*/|//[^\n]*)[ \t]*\n", re.S | re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)


def strip_js_comments(js: str) -> str:
    """Our own scripts without their explaining comments and indentation. Only a comment that starts its
    line (a block, or a line of `//`) is removed: those are ours by convention, and one never sits inside
    a string."""
    return _INDENT.sub("", _LINE_COMMENT.sub("", js))


_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)


def strip_indentation(html: str) -> str:
    """Leading blanks of each line out (a line break stays, so no two words run together), except inside
    pre, textarea, script and style, where blanks may matter."""
    parts = _KEEP.split(html)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3
        if kind == 0:
            out.append(re.sub(r"\n[ \t]*(?:\n[ \t]*)*", "\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)
