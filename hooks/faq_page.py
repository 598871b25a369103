"""Hook: add the generated page `faq.md` (questions and answers from `faq` in the data file)."""

from __future__ import annotations

from mkdocs.structure.files import File

from guidekit import state
from guidekit.faq import FAQ_PAGE, faq_page_markdown


def on_files(files, config):
    files.append(File.generated(config, FAQ_PAGE, content=faq_page_markdown(state.get(config).guide)))
    return files
