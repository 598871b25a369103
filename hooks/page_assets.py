"""Hook: link each page-scoped stylesheet or script (mkdocs.yml `extra.page_scoped_assets`) only from the
pages that use it, ship our own stylesheets minified and the pages without indentation, and Material's
stylesheets without the rules no page of this build can use, so every page's first load stays small.
Each page is read once, as it is written: its classes decide its links and are kept for the pruning,
which then reads only the HTML files no page event showed (the 404 page).
Shares nothing with the other hooks; its post-build step runs before the offline copy is listed
(offline.py) and the staged site is swapped in (atomic_site.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guidekit.assets import (
    css_classes,
    drop_links,
    minify_css,
    own_classes,
    script_classes,
    strip_indentation,
    strip_js_comments,
    unused_assets,
)
from guidekit.css_prune import Used, custom_properties_read, drop_unread_properties, prune_css
from guidekit.errors import GuideDataError
from guidekit.offline import with_imports
from guidekit.site_settings import scoped_assets

if TYPE_CHECKING:  # the types MkDocs passes to the events; not imported at build time
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_scoped: dict[str, set[str]] = {}
_pages: dict = {}  # this build's `Used` ("used") and the pages it has taken in ("read", site paths)


def _config_file(config) -> tuple[str, str]:
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        return path.name, path.read_text(encoding="utf-8")
    except OSError:
        return path.name, ""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _scoped.clear()
    docs = Path(config.docs_dir)
    try:
        paths = scoped_assets(config.extra, docs, *_config_file(config))
    except GuideDataError as exc:
        raise PluginError(str(exc)) from None
    for path in paths:
        text = (docs / path).read_text(encoding="utf-8")
        _scoped[path] = script_classes(text) if path.endswith(".js") else css_classes(text)
    _pages.update(used=Used(), read=set())
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    classes = _pages["used"].add_html(output)
    _pages["read"].add(page.file.dest_uri)
    return strip_indentation(drop_links(output, unused_assets(own_classes(classes), _scoped)))


@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for path in config.extra_css:
        target = site / str(path)
        if target.suffix == ".css" and target.is_file():
            target.write_text(minify_css(target.read_text(encoding="utf-8")), encoding="utf-8")
    # Our scripts: the page's own (extra_javascript) and those in the theme overrides (Korean search).
    overrides = Path(config.theme.custom_dir or ".")
    ours = [str(p) for p in config.extra_javascript] + [
        str(f.relative_to(overrides)) for f in overrides.glob("assets/**/*.js") if config.theme.custom_dir
    ]
    # With the modules they import: those are ours too, and no page links them.
    for path in sorted(with_imports(site, {p for p in ours if (site / p).is_file()})):
        target = site / path
        if target.suffix == ".js" and target.is_file():
            target.write_text(strip_js_comments(target.read_text(encoding="utf-8")), encoding="utf-8")
    prune_theme_css(site, _pages["used"], _pages["read"])


def prune_theme_css(site: Path, used: Used | None = None, read: set[str] | frozenset[str] = frozenset()) -> None:
    """Material's stylesheets (assets/stylesheets) cut down to what this build's pages and scripts use.
    `used` has the pages in `read` (site paths) taken in already; the other HTML files are read here."""
    used = used or Used()
    for f in site.rglob("*.html"):
        if f.relative_to(site).as_posix() not in read:
            used.add_html(f.read_text(encoding="utf-8"))
    theme = sorted((site / "assets" / "stylesheets").glob("*.css"))
    originals = [f.read_text(encoding="utf-8") for f in theme]
    # Lunr's language packs never touch a page, and their word lists would count as class names.
    scripts = [f.read_text(encoding="utf-8") for f in sorted(site.rglob("*.js")) if "lunr" not in f.parent.parts]
    ours = [f.read_text(encoding="utf-8") for f in sorted(site.rglob("*.css")) if f not in theme]
    key = (tuple(originals), tuple(scripts), tuple(ours), used.pages_key())
    result = _PRUNED.get(key)
    if result is None:
        for js in scripts:
            used.add_script(js)
        pruned = [prune_css(css, used) for css in originals]
        read_vars = custom_properties_read([*pruned, *ours], scripts) | used.page_vars
        result = [drop_unread_properties(css, read_vars) for css in pruned]
        _PRUNED.clear()  # one build's worth: the last one
        _PRUNED[key] = result
    for f, css in zip(theme, result, strict=True):
        f.write_text(css, encoding="utf-8")


# The last pruning of this process, by everything it read: `mkdocs serve` rebuilds after an edit that seldom
# changes a page's classes. Only in memory: the code that prunes cannot change while the process runs.
_PRUNED: dict[tuple, list[str]] = {}
