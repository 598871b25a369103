"""Hook: the guide works with no network after one visit and installs to a phone's home screen.

- on_startup                  `mkdocs serve` or a build: editors never get an offline copy (a stale page)
- on_config                   tells the theme whether to register the worker (overrides/main.html)
- on_files                    adds the web app manifest, made from the data file's titles
- on_post_build  (-90)        writes sw.js from the finished site: after every other step has written its
                              files (the guide's search index and Material's pruned stylesheets, -50), before
                              the staged site is swapped in (atomic_site.py, -100)

The logic is in guidekit/offline.py; this file only adapts MkDocs' events to it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from guidekit.offline import MANIFEST, WORKER, entries, retiring_worker, service_worker, web_manifest

if TYPE_CHECKING:  # the types MkDocs passes to the events; not imported at build time
    from mkdocs.config.defaults import MkDocsConfig

_state = {"serve": False}
# The phone's status bar takes the header's colour: the primary of docs/stylesheets/extra.css, which the
# header keeps in the dark scheme too. The splash screen is the light page background.
THEME_COLOR = {"light": "#1f3a5f", "dark": "#1f3a5f"}
BACKGROUND = "#ffffff"


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _state["serve"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["offline"] = {
        "register": not _state["serve"],
        "manifest": MANIFEST,
        "theme_color": THEME_COLOR,
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    titles = config.extra["guide"]["meta"]  # from the data file (hooks/guide.py runs first)
    manifest = web_manifest(
        name=titles["site_title"],
        short_name=titles["short_title"],
        description=config.site_description or "",
        theme_color=THEME_COLOR["light"],
        background_color=BACKGROUND,
    )
    files.append(File.generated(config, MANIFEST, content=manifest))
    return files


@event_priority(-90)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    script = retiring_worker() if _state["serve"] else service_worker(entries(site))
    (site / WORKER).write_text(script, encoding="utf-8")
