"""Hook: add the pages generated from the data's checklists and message templates — every checklist,
the checklist index, the print-all page, 핵심 요약 (`summary.md`) and 상담톡 문구 (`messages.md`).
Listed before `fact_refs.py` so that its link book already knows these pages."""

from __future__ import annotations

from mkdocs.structure.files import File

from guidekit import state
from guidekit.checklists import generated_pages
from guidekit.message_templates import MESSAGES_PAGE, messages_page_markdown
from guidekit.summary import SUMMARY_PAGE, summary_page_markdown


def on_config(config):
    return config


def on_files(files, config):
    guide = state.get(config).guide
    pages = generated_pages(guide, config.site_url or "")
    pages[SUMMARY_PAGE] = summary_page_markdown(guide)
    if guide.data.get("message_templates"):
        pages[MESSAGES_PAGE] = messages_page_markdown(guide)
    for src_uri, markdown in pages.items():
        files.append(File.generated(config, src_uri, content=markdown))
    return files
