"""Hook: link each page-scoped stylesheet or script (mkdocs.yml `extra.page_scoped_assets`) only from the
pages that use it, ship our own stylesheets minified and the pages without indentation, and Material's
stylesheets without the rules no page of this build can use, so every page's first load stays small.
Shares nothing with the other hooks; its post-build step runs before the offline copy is listed
(offline.py) and the staged site is swapped in (atomic_site.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from guidekit.assets import (
    css_classes,
    drop_links,
    minify_css,
    script_classes,
    strip_indentation,
    strip_js_comments,
    unused_assets,
)
from guidekit.css_prune import Used, custom_properties_read, drop_unread_properties, prune_css

_scoped: dict[str, set[str]] = {}


def on_config(config):
    _scoped.clear()
    docs = Path(config.docs_dir)
    for path in config.extra.get("page_scoped_assets") or []:
        text = (docs / path).read_text(encoding="utf-8")
        _scoped[path] = script_classes(text) if path.endswith(".js") else css_classes(text)
    return config


def on_post_page(output, page, config):
    return strip_indentation(drop_links(output, unused_assets(output, _scoped)))


@event_priority(-50)
def on_post_build(config):
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
    for path in ours:
        target = site / path
        if target.suffix == ".js" and target.is_file():
            target.write_text(strip_js_comments(target.read_text(encoding="utf-8")), encoding="utf-8")
    prune_theme_css(site)


def prune_theme_css(site: Path) -> None:
    """Material's stylesheets (assets/stylesheets) cut down to what this build's pages and scripts use."""
    used = Used()
    pages = [f.read_text(encoding="utf-8") for f in site.rglob("*.html")]
    # Lunr's language packs never touch a page, and their word lists would count as class names.
    scripts = [f.read_text(encoding="utf-8") for f in site.rglob("*.js") if "lunr" not in f.parent.parts]
    for html in pages:
        used.add_html(html)
    for js in scripts:
        used.add_script(js)
    theme = sorted((site / "assets" / "stylesheets").glob("*.css"))
    pruned = {f: prune_css(f.read_text(encoding="utf-8"), used) for f in theme}
    ours = [f.read_text(encoding="utf-8") for f in site.rglob("*.css") if f not in pruned]
    read = custom_properties_read([*pruned.values(), *ours, *pages], scripts)
    for f, css in pruned.items():
        f.write_text(drop_unread_properties(css, read), encoding="utf-8")
