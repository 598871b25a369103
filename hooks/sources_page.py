"""Hook: add the generated page `sources.md` (every fact with its source, confidence and date)."""

from __future__ import annotations

from mkdocs.structure.files import File

from guidekit import state
from guidekit.sources import SOURCES_PAGE, sources_page_markdown


def on_files(files, config):
    files.append(File.generated(config, SOURCES_PAGE, content=sources_page_markdown(state.get(config).guide)))
    return files
