"""Hook: expand `{{ fact.key }}` and `<!-- guide:block -->` in every page, append the page's sources
box, record the page's fact-check date for the footer, and check that every generated link's anchor
exists once all pages are rendered."""
from __future__ import annotations

import re

from mkdocs.plugins import get_plugin_logger

from guidekit import state
from guidekit.blocks import BLOCKS
from guidekit.links import LinkBook
from guidekit.refs import RenderContext, expand_page
from guidekit.sources import SOURCES_PAGE, page_sources_box

log = get_plugin_logger(__name__)
_ID = re.compile(r'\bid="([^"]+)"')


def on_files(files, config):
    st = state.get(config)
    st.links = LinkBook({f.src_uri: f.url for f in files.documentation_pages()})
    return files


def on_page_markdown(markdown, page, config, files):
    st = state.get(config)
    where = f"{config.docs_dir.rsplit('/', 1)[-1]}/{page.file.src_uri}"
    ctx = RenderContext(
        guide=st.guide, where=where,
        url_for=lambda link, origin: st.links.url_for(link, page.file.url, origin),
    )
    markdown = expand_page(markdown, ctx, BLOCKS)
    if ctx.used and page.file.src_uri != SOURCES_PAGE:
        href = st.links.url_for(SOURCES_PAGE, page.file.url, where)
        markdown += "\n\n" + str(page_sources_box(list(ctx.used.values()), st.guide, href)) + "\n"
    page.meta["facts_checked"] = ctx.checked_span or f"{st.guide.oldest_check} ~ {st.guide.latest_check}"
    return markdown


def on_page_content(html, page, config, files):
    state.get(config).anchors[page.file.src_uri] = set(_ID.findall(html))
    return html


def on_post_build(config):
    for message in state.get(config).links.missing_anchors(state.get(config).anchors):
        log.warning(message)
