"""Material's stylesheets carry rules for every feature it offers (content tabs, code blocks, tags, blog
posts, right-to-left scripts, twenty colour palettes); this site uses a small part of them. A rule whose
every selector names a class no page and no script of this build can produce never matches, so it is
dropped, which keeps the first load of every page small on a phone.

Conservative by construction: a class counts as used when it is in any page's HTML or in any string of any
script the site ships (Material's bundle builds its search results, dialogs and tooltips from such
strings; a template-literal prefix such as `md-tag--${x}` keeps every class starting with it). Classes
inside parentheses (`:not(...)`, `:is(...)`) are not judged, and the only attribute values judged are
those fixed by the HTML: the text direction and the palette's scheme and colours.

Material's script also holds the class names of components it builds only when a page or the theme
configuration asks for them (`MATERIAL_COMPONENTS`); those count as used only when asked for."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# An attribute follows a space in every tag the theme, Markdown and our templates write. A pattern that
# starts with literal text is found by a fast scan; one that starts with `\b` or `\s` is tried at every
# character of the page (three times slower on a page with a long nav).
_CLASS_ATTR = re.compile(r' class="([^"]*)"')
_ATTR = re.compile(r' (dir|data-md-color-(?:scheme|primary|accent))="([^"]*)"')
_JS_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`", re.S)
# A word in a script's string, unless it follows `.`, `#` or `[`: there the script queries a class it did not make.
_WORD = re.compile(r"(?<![\w.#\[-])-?[A-Za-z_][\w-]*")
_SEL_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_SEL_ATTR = re.compile(r"\[\s*(dir|data-md-color-(?:scheme|primary|accent))\s*=\s*[\"']?([\w-]+)[\"']?\s*\]")


_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

# Components Material 9's bundle builds (from class names in its strings) only on request: class prefix ->
# when a build asks for it, from the classes in its pages and the theme's `__config` (features, version).
# From Material's sources: components/content/_/index.ts, header/_/index.ts, integrations/version,
# templates/search (tags).
MATERIAL_COMPONENTS = {
    "md-tooltip": lambda classes, config: (
        bool(
            {"content.tooltips", "content.footnote.tooltips", "navigation.instant.preview", "content.code.annotate"}
            & set(config.get("features", []))
        )
        or "annotate" in classes
    ),
    "md-annotation": lambda classes, config: (
        "content.code.annotate" in config.get("features", []) or "annotate" in classes
    ),
    "tabbed-": lambda classes, config: "tabbed-set" in classes,
    "md-version": lambda classes, config: "version" in config,
    "md-source": lambda classes, config: "md-source" in classes,
    "md-tag": lambda classes, config: any(c.startswith("md-tag") for c in classes),
}


@dataclass
class Used:
    """What this build's pages and scripts can put in the DOM."""

    classes: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    attrs: dict[str, set[str]] = field(default_factory=dict)
    html_classes: set[str] = field(default_factory=set)
    config: dict = field(default_factory=dict)
    page_vars: set[str] = field(default_factory=set)  # custom properties a page reads (style attributes)

    def add_html(self, html: str) -> set[str]:
        """Take in one page; its classes are returned too, so the page is read once for every use."""
        classes = {c for value in _CLASS_ATTR.findall(html) for c in value.split()}
        self.html_classes |= classes
        for name, value in _ATTR.findall(html):
            self.attrs.setdefault(name, set()).add(value)
        if not self.config and (m := _CONFIG.search(html)):
            self.config = json.loads(m.group(1))
        self.page_vars.update(_VAR_REF.findall(html))
        return classes

    def pages_key(self) -> tuple:
        """What the pages taken in so far contributed, comparable and hashable: equal for the same pages."""
        return (
            frozenset(self.html_classes),
            frozenset((name, frozenset(values)) for name, values in self.attrs.items()),
            json.dumps(self.config, sort_keys=True),
            frozenset(self.page_vars),
        )

    def _asked_for(self, name: str) -> bool:
        return all(
            asked(self.html_classes, self.config)
            for prefix, asked in MATERIAL_COMPONENTS.items()
            if name.startswith(prefix)
        )

    def add_script(self, js: str) -> None:
        for m in _JS_STRING.finditer(js):
            text = m.group(1) or m.group(2) or m.group(3) or ""
            if m.group(3) is not None:
                # `md-status--${x}`: anything may follow the literal part before `${`.
                for piece in re.findall(r"(-?[A-Za-z_][\w-]*)\$\{", text):
                    self.prefixes.add(piece)
            words = _WORD.findall(text)
            self.classes.update(words)
            # "language-" + name: a string that ends like a class prefix is one.
            self.prefixes.update(w for w in words if w.endswith(("-", "_")) and len(w) > 2)

    def has_class(self, name: str) -> bool:
        if name in self.html_classes:
            return True
        from_script = name in self.classes or any(name.startswith(p) for p in self.prefixes)
        return from_script and self._asked_for(name)


def _outside_parens(selector: str) -> str:
    if "(" not in selector:
        return selector  # nearly every selector
    out, depth = [], 0
    for ch in selector:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def selector_can_match(selector: str, used: Used) -> bool:
    top = _outside_parens(selector)
    if any(not used.has_class(c) for c in _SEL_CLASS.findall(top)):
        return False
    # The value set of an attribute is judged only when the HTML sets that attribute at all.
    return all(name not in used.attrs or value in used.attrs[name] for name, value in _SEL_ATTR.findall(top))


_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[()\[\]{};,]", re.S)


def _outside(text: str):
    """(index, character) of every brace, semicolon and comma outside strings, parentheses and brackets."""
    depth = 0
    for m in _TOKEN.finditer(text):
        ch = m.group()
        if len(ch) > 1:
            continue  # a string
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0:
            yield m.start(), ch


_NESTING = re.compile(r"[\"'(\[]")


def _split(text: str, sep: str) -> list[str]:
    """Split at `sep` outside strings, parentheses and brackets."""
    if not _NESTING.search(text):
        return text.split(sep)  # nothing to be inside of: most selector lists and declarations
    parts, start = [], 0
    for i, ch in _outside(text):
        if ch == sep:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


# For _blocks: strings and simple (…) and […] groups as one token each (a stylesheet has thousands of
# `var(--x)`), braces and semicolons, and a lone bracket that opens or closes a nested group.
_BLOCK_TOKEN = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\([^()\[\]\"']*\)|\[[^()\[\]\"']*\]|[()\[\]{};]", re.S
)


def _block_marks(text: str):
    """(index, character) of every brace and semicolon outside strings, parentheses and brackets."""
    depth = 0
    for m in _BLOCK_TOKEN.finditer(text):
        ch = m.group()
        if len(ch) > 1:
            continue  # a string or a whole group
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0:
            yield m.start(), ch


def _blocks(css: str):
    """Top-level items of a stylesheet body: (prelude, body) for `x{...}`, (statement, None) for `@x ...;`.
    Braces and semicolons inside strings and parentheses do not count."""
    start = body = level = 0
    for i, ch in _block_marks(css):
        if ch == "{":
            level += 1
            if level == 1:
                body = i
        elif ch == "}" and level:
            level -= 1
            if level == 0:
                yield css[start:body].strip(), css[body + 1 : i]
                start = i + 1
        elif ch == ";" and level == 0:
            yield css[start : i + 1].strip(), None
            start = i + 1
    if rest := css[start:].strip():
        yield rest, None


_GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


_VAR_REF = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY = re.compile(r"\s*(--[\w-]+)\s*:")


def custom_properties_read(styles: list[str], scripts: list[str]) -> set[str]:
    """Custom properties read anywhere: `var(--x)` in a stylesheet or a page (style attributes; pages taken
    in by `Used.add_html` have theirs in `Used.page_vars`), or any `--name` in a script (which may set or
    read it)."""
    found: set[str] = set()
    for text in styles:
        found.update(_VAR_REF.findall(text))
    for text in scripts:
        found.update(re.findall(r"--[A-Za-z][\w-]*", text))
    return found


def _rewrite(css: str, rule) -> str:
    """The stylesheet with every style rule, at any depth of @media and @supports, replaced by
    `rule(prelude, body)` (dropped when that is empty); grouping rules left empty go too."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith(_GROUPING):
            if inner := _rewrite(body, rule):
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        elif kept := rule(prelude, body):
            out.append(kept)
    return "".join(out)


def drop_unread_properties(css: str, read: set[str]) -> str:
    """Declarations of custom properties nothing reads (Material declares icons and colours for features
    this site has no rule for any more, once `prune_css` has run)."""

    def rule(prelude: str, body: str) -> str:
        kept = [
            d for d in _split(body, ";") if d.strip() and not ((m := _PROPERTY.match(d)) and m.group(1) not in read)
        ]
        return f"{prelude}{{{';'.join(kept)}}}" if kept else ""

    return _rewrite(css, rule)


def prune_css(css: str, used: Used) -> str:
    """The stylesheet without the rules and selectors that cannot match anything `used` allows."""

    def rule(prelude: str, body: str) -> str:
        alive = [sel for sel in _split(prelude, ",") if selector_can_match(sel.strip(), used)]
        return f"{','.join(alive)}{{{body}}}" if alive else ""

    return _rewrite(_COMMENT.sub("", css), rule)
