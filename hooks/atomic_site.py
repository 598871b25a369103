"""Hook: build into a staging folder beside the site folder and move it into place only when the whole
build succeeded. A broken data file or page, or a warning under `strict`, then never leaves a half-written
site that a deploy step could publish, and `mkdocs serve` keeps serving the last good site until the
mistake is fixed. Listed last in mkdocs.yml so every other hook has finished writing first."""
from __future__ import annotations

import logging

from mkdocs.utils import CountHandler

from guidekit.staging import Staging

_build: dict = {}


def on_config(config):
    _discard()
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    staging = Staging(config.site_dir)
    config.site_dir = staging.begin()
    _build.update(staging=staging, counter=counter, strict=config.strict)
    return config


def on_post_build(config):
    staging, counter = _build["staging"], _build["counter"]
    if _build["strict"] and counter.get_counts():
        _discard()  # MkDocs aborts right after this; the last good site stays where it was
        return
    staging.publish()
    _discard(keep_staging=True)


def on_build_error(error):
    _discard()


def _discard(keep_staging: bool = False):
    if "counter" in _build:
        logging.getLogger("mkdocs").removeHandler(_build["counter"])
    if "staging" in _build and not keep_staging:
        _build["staging"].abandon()
    _build.clear()
