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
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')


def _own(classes) -> set[str]:
    return {c for c in classes if not c.startswith("md-")}


def css_classes(css: str) -> set[str]:
    """Class names a stylesheet's selectors use (not Material's)."""
    css = _COMMENT.sub("", css)
    selectors = " ".join(re.findall(r"([^{}]+)\{", css))
    return _own(_CLASS.findall(selectors))


def script_classes(js: str) -> set[str]:
    """Class names in a script's string literals: the elements it looks for."""
    found: set[str] = set()
    for m in _STRING.finditer(js):
        found |= set(_CLASS.findall(m.group(1) or m.group(2) or ""))
    return _own(found)


def page_classes(html: str) -> set[str]:
    return _own(c for attr in _CLASS_ATTR.findall(html) for c in attr.split())


def unused_assets(html: str, scoped: dict[str, set[str]]) -> list[str]:
    """The page-scoped assets (path -> classes it serves) that serve nothing on this page."""
    present = page_classes(html)
    return [path for path, classes in scoped.items() if not classes & present]


def drop_links(html: str, paths: list[str]) -> str:
    """Remove the <link rel=stylesheet> and <script src> tags of `paths` (as MkDocs wrote them,
    relative or not, with or without a query string)."""
    for path in paths:
        name = re.escape(path)
        html = re.sub(rf'\s*<link rel="stylesheet" href="(?:\.\./)*{name}(?:\?[^"]*)?">', "", html)
        html = re.sub(rf'\s*<script src="(?:\.\./)*{name}(?:\?[^"]*)?"[^>]*></script>', "", html)
    return html


def minify_css(css: str) -> str:
    """Comments and blank runs out; nothing that could change a selector's meaning (a space before
    `:` or after `,` is kept, since `.a :is(b)` and `.a:is(b)` differ)."""
    css = _COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};])\s*", r"\1", css)
    return css.replace(";}", "}").strip() + "\n"


_LINE_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)


def strip_js_comments(js: str) -> str:
    """Our own scripts without their explaining comments and indentation. Only a block comment that
    starts its line is removed: those are ours by convention, and one never sits inside a string."""
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
