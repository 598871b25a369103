"""Hook: build into a staging folder beside the site folder and move it into place only when the whole
build succeeded. A broken data file or page, or a warning under `strict`, then never leaves a half-written
site that a deploy step could publish, and `mkdocs serve` keeps serving the last good site until the
mistake is fixed. Its post-build step runs last of all (priority -100), whatever the order of `hooks:`, so
every other plugin and hook has finished writing first. It shares nothing with the guide's own hook.
A site folder that is a symlink or a mount point, and one that cannot be written, are handled in
guidekit/staging.py; what an editor can fix stops the build with its message, never a traceback. Under
`mkdocs serve`, every failed rebuild prints its messages again, however often the same mistake is saved,
and shows them in a panel over the open page until a rebuild succeeds (guidekit/serve_errors.py)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import CountHandler, DuplicateFilter

from guidekit.errors import GuideDataError
from guidekit.serve_errors import BuildMessages, panel, with_panel
from guidekit.staging import Staging

if TYPE_CHECKING:  # the types MkDocs passes to the events; not imported at build time
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)
_build: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _discard()
    site_dir = config.site_dir
    staging = Staging(site_dir)
    try:
        config.site_dir = staging.begin()
    except GuideDataError as exc:
        raise PluginError(str(exc)) from None
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _build.update(staging=staging, counter=counter, strict=config.strict, site_dir=site_dir)
    return config


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    staging, counter = _build["staging"], _build["counter"]
    if _build["strict"] and counter.get_counts():
        _discard()  # MkDocs aborts right after this; the last good site stays where it was
        return
    try:
        staging.publish()
    except GuideDataError as exc:  # the site folder cannot be written; the message says where the old site is
        _discard()
        raise PluginError(str(exc)) from None
    # What runs after the build reads the site from here (`mkdocs gh-deploy` pushes this folder).
    config.site_dir = _build["site_dir"]
    _discard(keep_staging=True)


def on_build_error(error: Exception) -> None:
    _discard()


def _discard(keep_staging: bool = False):
    if "counter" in _build:
        logging.getLogger("mkdocs").removeHandler(_build["counter"])
    if "staging" in _build and not keep_staging:
        _build["staging"].abandon()
    _build.clear()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    """MkDocs' dev server stalls every request after a failed rebuild. The last good site is still in
    place (see above), so keep serving it and say so; the next save that fixes the mistake rebuilds.
    Every failure is told in full, in the terminal and over the open page (guidekit/serve_errors.py)."""
    rebuild = server.builder
    failed: dict[str, str] = {}  # the panel while the last rebuild has failed
    _show_failures_in_pages(server, failed)

    def rebuild_or_keep_last_good(*args, **kwargs):
        _forget_logged_messages()
        messages = BuildMessages(ignore=("mkdocs.livereload",))
        logging.getLogger("mkdocs").addHandler(messages)
        try:
            rebuild(*args, **kwargs)
        except Abort as stop:
            failed["panel"] = panel(messages.messages, str(stop))
            log.error(
                "빌드하지 못했어요(위 메시지를 보세요). 마지막으로 성공한 사이트를 계속 보여 줘요. "
                "파일을 고쳐 저장하면 다시 빌드해요."
            )
        except BaseException:
            _discard()  # Ctrl+C in the middle of a rebuild: no half-built folder left behind
            raise
        else:
            failed.clear()
        finally:
            logging.getLogger("mkdocs").removeHandler(messages)
        # Returning (rather than raising) lets the server bump its reload stamp after a failure too: open
        # pages reload and show the panel, and reload again without it once a fix has built.

    server.builder = rebuild_or_keep_last_good
    return server


# ── MkDocs' internals that the two helpers below rely on (checked in mkdocs 1.6) ─────────────────────
# - `mkdocs serve` puts a logging.Filter that drops any message it has already printed, once for the
#   whole process, on the build's logger (mkdocs/__main__.py: build.log.addFilter(DuplicateFilter())).
#   The same mistake saved twice would print its message once and then only our line pointing "above".
# - LiveReloadServer._inject_js_into_html(content, epoch) adds the reload script to every HTML page served.
_BUILD_LOGGER = "mkdocs.commands.build"


def _forget_logged_messages() -> None:
    """A fresh duplicate filter for every rebuild: a message still printed once per build, and once in
    each build that has it."""
    logger = logging.getLogger(_BUILD_LOGGER)
    for old in [f for f in logger.filters if isinstance(f, DuplicateFilter)]:
        logger.removeFilter(old)
        logger.addFilter(DuplicateFilter())


def _show_failures_in_pages(server: LiveReloadServer, failed: dict[str, str]) -> None:
    inject = getattr(server, "_inject_js_into_html", None)
    if not callable(inject):
        log.warning(
            "이 MkDocs 버전의 개발 서버에는 페이지에 스크립트를 넣는 곳(_inject_js_into_html)이 없어서, "
            "빌드하지 못했을 때 브라우저에는 알리지 못해요. 터미널의 메시지를 보세요."
        )
        return

    def inject_with_panel(content: bytes, epoch: int) -> bytes:
        page = inject(content, epoch)
        markup = failed.get("panel")
        return with_panel(page, markup) if markup else page

    server._inject_js_into_html = inject_with_panel  # type: ignore[method-assign]
