"""Hook: build into a staging folder beside the site folder and move it into place only when the whole
build succeeded. A broken data file or page, or a warning under `strict`, then never leaves a half-written
site that a deploy step could publish, and `mkdocs serve` keeps serving the last good site until the
mistake is fixed. Its post-build step runs last of all (priority -100), whatever the order of `hooks:`, so
every other plugin and hook has finished writing first. It shares nothing with the guide's own hook.
A site folder that is a symlink or a mount point, and one that cannot be written, are handled in
guidekit/staging.py; what an editor can fix stops the build with its message, never a traceback."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import CountHandler

from guidekit.errors import GuideDataError
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
    place (see above), so keep serving it and say so; the next save that fixes the mistake rebuilds."""
    rebuild = server.builder

    def rebuild_or_keep_last_good(*args, **kwargs):
        try:
            rebuild(*args, **kwargs)
        except Abort:
            log.error(
                "빌드하지 못했어요(위 메시지를 보세요). 마지막으로 성공한 사이트를 계속 보여 줘요. "
                "파일을 고쳐 저장하면 다시 빌드해요."
            )
        except BaseException:
            _discard()  # Ctrl+C in the middle of a rebuild: no half-built folder left behind
            raise

    server.builder = rebuild_or_keep_last_good
    return server
