"""Hook: give every page a description and its link-preview values (for overrides/main.html), and add
the generated `robots.txt`."""

from __future__ import annotations

from mkdocs.structure.files import File

from guidekit import state
from guidekit.seo import page_description, robots_txt, share_for


def on_files(files, config):
    files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    return files


def on_page_context(context, page, config, nav):
    meta = state.get(config).guide["meta"]
    page.meta["description"] = page_description(page.meta, meta)
    context["guide_share"] = share_for(
        page_title=page.meta.get("title") or page.title,
        is_home=page.is_homepage,
        page_url=page.url,
        description=page.meta["description"],
        site_name=config.site_name,
        site_url=config.site_url,
        short_title=meta.get("short_title"),
    )
    return context
