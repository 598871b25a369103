"""Hook: load and validate docs/data/guide.yml at the start of every build (so edits show up in
`mkdocs serve`), expose a few values to the theme templates, and watch the hook templates and overrides."""

from __future__ import annotations

from pathlib import Path

from guidekit import state
from guidekit.data import load_guide
from guidekit.render import TEMPLATES


def _paths(config):
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    data = docs / "data" / "guide.yml"
    return data, docs / "data" / "guide.schema.json", data.relative_to(root).as_posix()


def on_config(config):
    data, schema, shown = _paths(config)
    guide = load_guide(data, schema, shown)
    config.extra[state.KEY] = state.BuildState(guide=guide)
    config.extra["guide"] = {
        "meta": guide["meta"],
        "latest_check": guide.latest_check,
        "oldest_check": guide.oldest_check,
    }
    return config


def on_serve(server, config, builder):
    # `mkdocs serve` watches docs/ and mkdocs.yml; the hook templates and theme overrides need adding.
    server.watch(str(TEMPLATES))
    if config.theme.custom_dir:
        server.watch(config.theme.custom_dir)
    return server
