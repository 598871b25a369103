"""Every page the build adds from the data file, by address: the sources page, the FAQ, the summary, the
message templates and the checklists. Each is a Markdown template in templates/pages/, so a content editor
rewords a generated page there, never in Python."""

from __future__ import annotations

from .faq import faq_groups
from .model import Guide
from .my_case import CASE_MESSAGES
from .render import render_page
from .sources import CONFIDENCES, facts_of
from .urls import (
    CHECKLIST_INDEX_PAGE,
    FAQ_PAGE,
    MESSAGES_PAGE,
    MY_CASE_PAGE,
    PRINT_ALL_PAGE,
    SOURCES_PAGE,
    SUMMARY_PAGE,
    checklist_page,
    page_url,
    relative_url,
)


def generated_pages(guide: Guide, site_url: str = "") -> dict[str, str]:
    """src_uri -> Markdown. Pages for parts the data leaves out (no checklists, no templates) are left out."""
    pages = {SOURCES_PAGE: render_page("sources.md", guide, confidences=CONFIDENCES, facts_of=facts_of)}
    if guide.checklists:
        pages[CHECKLIST_INDEX_PAGE] = render_page("checklist_index.md", guide)
        addresses = {cl.id: _address(site_url, checklist_page(cl.id), PRINT_ALL_PAGE) for cl in guide.checklists}
        pages[PRINT_ALL_PAGE] = render_page("print_all.md", guide, addresses=addresses)
        for cl in guide.checklists:
            src = checklist_page(cl.id)
            pages[src] = render_page("checklist.md", guide, checklist=cl, address=_address(site_url, src, src))
    pages[SUMMARY_PAGE] = render_page("summary.md", guide)
    if guide.message_templates:
        pages[MESSAGES_PAGE] = render_page("messages.md", guide)
        pages[MY_CASE_PAGE] = render_page("my_case.md", guide, case_messages=CASE_MESSAGES)
    pages[FAQ_PAGE] = render_page("faq.md", guide, faq_groups=faq_groups)
    return pages


def _address(site_url: str, src_uri: str, on_page: str) -> dict[str, str]:
    """A checklist's address for its printed sheet: the full address when `site_url` is known, else the path."""
    url = page_url(src_uri)
    return {
        "shown": (site_url.rstrip("/") + "/" + url) if site_url else url,
        "href": relative_url(url, page_url(on_page)),
    }
