"""The stock twin of a build: the same final Markdown built with plain Material, to compare ours against
(make audit, make bench-build).

How it is made: our build runs once more with a small extra plugin that records every page's final
Markdown (after the hooks have put in facts and generated blocks, with the page's front matter) and every
page MkDocs generated in memory; that Markdown is then built with plain Material (language ko, the same
Markdown extensions and nav, no custom_dir, no extra CSS or JS, no hooks, `font: false` because the
audits run offline). So both sites show the same words; only the theme work differs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from .support import ROOT


def config_section_match(text: str, key: str) -> re.Match | None:
    """Where a top-level section of mkdocs.yml is, as text (it may hold !!python tags)."""
    return re.search(rf"^{key}:.*?(?=^\S|\Z)", text, re.M | re.S)


def config_section(text: str, key: str) -> str:
    m = config_section_match(text, key)
    return m.group(0) if m else ""


def dump_markdown(dest: Path, project: Path = ROOT, site_dir: Path | None = None) -> None:
    """Build `project` once more and keep each page's final Markdown and its other files under `dest`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    class Dump(BasePlugin):
        def on_page_markdown(self, markdown, page, config, files):
            meta = {k: v for k, v in page.meta.items() if k in ("title", "description")}
            front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
            target = dest / page.file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(front + markdown, encoding="utf-8")
            return markdown

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir or dest.parent / "dump-site"))
    config["plugins"]["twin-dump"] = Dump()
    build(config)
    for asset in (project / "docs").rglob("*"):
        rel = asset.relative_to(project / "docs")
        if asset.is_file() and asset.suffix != ".md" and rel.parts[0] not in ("data", "stylesheets", "javascripts"):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, dest / rel)


def stock_config(docs: Path, project: Path = ROOT) -> Path:
    """mkdocs.yml for plain Material over `docs` (a dump_markdown folder), written beside it."""
    ours = (project / "mkdocs.yml").read_text(encoding="utf-8")
    head = yaml.load(
        "\n".join(config_section(ours, k) for k in ("site_name", "site_description")), Loader=yaml.BaseLoader
    )
    text = "\n".join(
        [
            f"site_name: {json.dumps(head['site_name'], ensure_ascii=False)}",
            f"site_description: {json.dumps(head.get('site_description', ''), ensure_ascii=False)}",
            f"docs_dir: {docs.name}",
            "strict: true",
            "theme:\n  name: material\n  language: ko\n  font: false",
            config_section(ours, "markdown_extensions"),
            config_section(ours, "nav"),
        ]
    )
    path = docs.parent / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def make_twin(project: Path, dest: Path) -> Path:
    """The stock twin of `project` in `dest` (docs/ and mkdocs.yml); returns its mkdocs.yml."""
    shutil.rmtree(dest, ignore_errors=True)
    dump_markdown(dest / "docs", project, dest / "dump-site")
    shutil.rmtree(dest / "dump-site", ignore_errors=True)
    return stock_config(dest / "docs", project)
