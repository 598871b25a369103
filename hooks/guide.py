"""Hook: the guide's whole build — data, generated pages, facts and blocks in every page, link and unused-fact
checks, the Korean search field, link previews — owned by one plugin object.

Why one object and not a hook file per step: the steps share the loaded data, the link book and the facts
used so far, and they must run in order. Split over files, that order lived only in the order of `hooks:`
in mkdocs.yml (moving one line gave a traceback or blamed the data file for a missing page). Here the state
lives on the object, made anew at `on_config` of every build, and each event states where it runs with
`event_priority`, so the order of `hooks:` does not matter:

- on_config       (first, 100)    with Korean search on, check that the installed Material's search still
                                  works as it expects (guidekit/material_search.py); load and check the data;
                                  freshness notice (a deploy build, GUIDE_DEPLOY=1, stops on facts past the
                                  data's limit); values for the theme
- on_files        (late, -50)     add the generated pages, then learn every page's URL (other plugins' files too);
                                  name the pages the nav leaves out, with the line to add (guidekit/nav_check.py)
- on_page_markdown                fill in facts and blocks, add the sources box, note the page's check date
- on_page_content                 remember the anchors the page has
- on_page_context                 description and link-preview values
- on_post_page                    read the rendered page: particles, bare numbers, wording (guidekit/prose_checks.py)
- on_post_build   (late, -50)     anchor, unused-fact and prose checks, then the Korean search field (unless
                                  `extra.korean_search: false`): after Material's search (0) wrote its
                                  index, before the staged site is swapped in (atomic_site.py, -100)

The work itself is engine-free (guidekit/build.py); this file only adapts MkDocs' events to it. The class is
a regular MkDocs plugin; MkDocs registers a hook file's `on_*` functions, so the module hands it the
object's bound methods."""

from __future__ import annotations

import functools
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from guidekit import shared_constants
from guidekit.build import GuideBuild
from guidekit.classic import ModuleError, classic_script
from guidekit.errors import GuideDataError
from guidekit.freshness import DEPLOY_ENV, deploy_mode
from guidekit.material_search import MaterialChanged, check_material
from guidekit.nav_check import missing_from_nav, missing_pages_error, page_title
from guidekit.render import TEMPLATES
from guidekit.seo import page_description, share_for
from guidekit.site_settings import read_settings
from guidekit.syntax import body_line

if TYPE_CHECKING:  # the types MkDocs passes to the events; not imported at build time
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)
SEARCH_WORKER = "ko-search.js"  # overrides/main.html swaps Material's search worker for this wrapper
WORKERS = "assets/javascripts/workers/"
# ES modules the search worker imports (overrides/assets/javascripts/workers): inlined into it, never served.
WORKER_MODULES = ("ko-analysis.js", "ko-rank.js")
FIRST, LATE = 100, -50


def for_editors(event):
    """A mistake in the data or a page, or a Material that changed what Korean search relies on, stops the
    build with its one message, as MkDocs shows a plugin's error: no traceback."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except (GuideDataError, MaterialChanged) as exc:
            raise PluginError(str(exc)) from None

    return run


def _config_file(config) -> tuple[str, str]:
    """mkdocs.yml's name as an editor knows it, and its text (for line numbers in messages)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        return path.name, path.read_text(encoding="utf-8")
    except OSError:
        return path.name, ""


def _assemble_worker(files, config) -> None:
    """The Korean search worker as the classic script Material's `new Worker(url)` can run: ko-search.js
    with the modules it imports inlined (guidekit/classic.py); those modules are not served on their own."""
    worker = files.get_file_from_path(WORKERS + SEARCH_WORKER)
    if worker is None:
        return

    def read(path: str) -> str:
        if path == shared_constants.MODULE:
            return shared_constants.module()
        found = files.get_file_from_path(path)
        if found is None:
            raise PluginError(f"{WORKERS + SEARCH_WORKER} imports {path}, which is not in the site.")
        return found.content_string

    try:
        script = classic_script(worker.src_uri, read)
    except ModuleError as exc:
        raise PluginError(f"The search worker cannot be assembled: {exc}") from None
    for name in WORKER_MODULES:
        module = files.get_file_from_path(WORKERS + name)
        if module is not None:
            files.remove(module)
    files.remove(worker)
    files.append(File.generated(config, worker.src_uri, content=script))


def _report_pages_missing_from_nav(files: Files, config: MkDocsConfig, level: int) -> None:
    pages = [f for f in files.documentation_pages() if f.inclusion.is_in_nav()]
    missing = missing_from_nav([f.src_uri for f in pages], config.nav)
    if not missing:
        return
    by_src = {f.src_uri: f for f in pages}
    titled = [(src, page_title(by_src[src].content_string, src)) for src in missing]
    log.log(level, str(missing_pages_error(titled, Path(config.docs_dir).name, *_config_file(config))))


class GuidePlugin(BasePlugin):
    def __init__(self):
        self.build: GuideBuild | None = None
        self.anchors: dict[str, set[str]] = {}
        self.korean_search = True
        self.omitted_pages_level = logging.WARNING

    def _current(self) -> GuideBuild:
        if self.build is None:  # only if MkDocs skipped on_config, which it never does
            raise PluginError("hooks/guide.py: the guide was not loaded at on_config.")
        return self.build

    @event_priority(FIRST)
    @for_editors
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build, self.anchors = None, {}
        docs = Path(config.docs_dir)
        settings = read_settings(config.extra, docs, *_config_file(config))
        if settings.korean_search:
            # Korean search wraps Material's search internals: a Material that changed them stops here, with
            # what changed (guidekit/material_search.py), rather than building a site whose search is broken.
            untested = check_material()
            if untested:
                log.warning(untested)
        build = GuideBuild.load(docs, Path(config.config_file_path).parent, config.site_url or "")
        deploy = deploy_mode(os.environ.get(DEPLOY_ENV))
        notice = build.freshness(deploy)
        if notice:
            log.info("알림: " + notice)
        config.extra["guide"] = build.theme_values()
        # `extra.korean_search: false` in a config leaves Material's search as shipped (make bench-search
        # builds that twin to compare against).
        self.korean_search = settings.korean_search
        # Pages left out of the nav are reported by on_files, in Korean with the line to add, at the level
        # `validation.omitted_files` asks for; MkDocs' own English list of them is then only a debug line.
        nav_validation = config.validation.nav
        if nav_validation.omitted_files > logging.DEBUG:
            self.omitted_pages_level = nav_validation.omitted_files
            nav_validation.omitted_files = logging.DEBUG
        config.extra["guide"]["search_worker"] = SEARCH_WORKER if self.korean_search else None
        # offline.js names its counter of failed update checks, and asks the new worker to take over, by it.
        config.extra["guide"]["cache_prefix"] = shared_constants.CACHE_PREFIX
        self.build = build
        return config

    @event_priority(LATE)
    @for_editors
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self._current()
        for src_uri, content in build.generated_files().items():
            files.append(File.generated(config, src_uri, content=content))
        # The constants the scripts share with this build, one generated module (never a file in docs/).
        files.append(File.generated(config, shared_constants.MODULE, content=shared_constants.module()))
        _assemble_worker(files, config)
        build.know_pages({f.src_uri: f.url for f in files.documentation_pages()})
        _report_pages_missing_from_nav(files, config, self.omitted_pages_level)
        config.extra["guide"]["not_found_cards"] = build.not_found_cards()
        config.extra["guide"]["home_url"] = build.root_path
        return files

    @for_editors
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        where = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        # Messages give the line in the file as the editor sees it, front matter included.
        first_line = body_line(page.file.content_string, markdown)
        result = self._current().expand(markdown, page.file.src_uri, where, first_line)
        page.meta["facts_dates"] = result.dates
        return result.markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self._current().check_output(output, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
        return output

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        build = self._current()
        page.meta["description"] = page_description(page.meta, build.guide.meta.description)
        # TemplateContext names MkDocs' own keys; the theme's templates read ours too (overrides/main.html).
        context["guide_share"] = share_for(  # type: ignore[typeddict-unknown-key]
            page_title=page.meta.get("title") or page.title,
            is_home=page.is_homepage,
            page_url=page.url,
            description=page.meta["description"],
            site_name=config.site_name,
            site_url=config.site_url,
            short_title=build.guide.meta.short_title,
        )
        return context

    @event_priority(LATE)
    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self._current()
        for message in build.problems(self.anchors):
            log.warning(message)
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if self.korean_search and index_file.exists():
            index = build.search_index(json.loads(index_file.read_text("utf-8")))
            # Hangul as UTF-8 rather than \uXXXX escapes: half the bytes for the same index.
            index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        # `mkdocs serve` watches docs/ and mkdocs.yml; the page and block templates and the theme overrides
        # need adding.
        server.watch(str(TEMPLATES))
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server


plugin = GuidePlugin()
on_config = plugin.on_config
on_files = plugin.on_files
on_page_markdown = plugin.on_page_markdown
on_page_content = plugin.on_page_content
on_page_context = plugin.on_page_context
on_post_page = plugin.on_post_page
on_post_build = plugin.on_post_build
on_serve = plugin.on_serve
