"""Hook: expand `{{ fact.key }}` and `<!-- guide:block -->` in every page, append the page's sources
box, record the page's fact-check date for the footer, and once all pages are rendered warn (so, under
`strict`, fail) about generated links whose anchor is missing and facts that no page uses."""

from __future__ import annotations

import re

from mkdocs.plugins import get_plugin_logger

from guidekit import state
from guidekit.blocks import BLOCKS
from guidekit.links import LinkBook
from guidekit.refs import RenderContext, expand_page, unused_fact_messages
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
        guide=st.guide,
        where=where,
        url_for=lambda link, origin: st.links.url_for(link, page.file.url, origin),
    )
    markdown = expand_page(markdown, ctx, BLOCKS)
    st.used_facts.update(ctx.used)
    if ctx.used and page.file.src_uri != SOURCES_PAGE:
        href = st.links.url_for(SOURCES_PAGE, page.file.url, where)
        markdown += "\n\n" + str(page_sources_box(list(ctx.used.values()), st.guide, href)) + "\n"
    page.meta["facts_checked"] = ctx.checked_span or f"{st.guide.oldest_check} ~ {st.guide.latest_check}"
    return markdown


def on_page_content(html, page, config, files):
    state.get(config).anchors[page.file.src_uri] = set(_ID.findall(html))
    return html


def on_post_build(config):
    st = state.get(config)
    for message in st.links.missing_anchors(st.anchors):
        log.warning(message)
    for message in unused_fact_messages(st.guide, st.used_facts):
        log.warning(message)
