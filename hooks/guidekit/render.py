"""The Jinja environment for every generated page and block. Every sentence a reader sees is in a template
under `templates/` (pages/ for whole Markdown pages, blocks/ for HTML blocks), never in Python.

Autoescape is on for both: a value from the data file can never become markup unless a filter here marks it
safe after escaping it. In a page template, `{{ fact.key }}` writes the fact marker itself, which the page
expansion then fills in like in any hand-written page; so a page template reads like a page."""

from __future__ import annotations

import html
import json
import re
from contextlib import contextmanager
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from markupsafe import Markup, escape

from . import build_cache
from .errors import GuideDataError
from .particles import form_after
from .syntax import fact_marker
from .urls import faq_anchor, message_anchor, slug

TEMPLATES = Path(__file__).parent / "templates"


def _compiled_cache(kind: str) -> FileSystemBytecodeCache | None:
    """Compiled templates kept between builds, in the folder guidekit/build_cache.py keeps results in:
    compiling ours was a tenth of a whole build. Jinja checks each entry against the template's source,
    so an edited template is compiled again. The two syntaxes below compile the same file differently,
    hence one name per kind. No usable folder: the build only compiles every time."""
    place = build_cache.folder()
    return FileSystemBytecodeCache(str(place), f"guidekit-{kind}-%s.cache") if place else None


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    bytecode_cache=_compiled_cache("blocks"),
)

# Page templates are Markdown, where `{#id}` names a heading's anchor; their Jinja comments are `{## … ##}`.
_pages = _env.overlay(
    comment_start_string="{##",
    comment_end_string="##}",
    cache_size=400,  # its own in-memory cache too: other syntax
    bytecode_cache=_compiled_cache("pages"),
)

_BLANK_LINES = re.compile(r"\n\s*\n+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_SYNTAX = re.compile(r"([\\`*_\[\]#!|{}])")


def md_text(text: str) -> Markup:
    """A data value placed in Markdown as plain text: HTML escaped, Markdown syntax made literal."""
    return Markup(_MD_SYNTAX.sub(r"\\\1", html.escape(str(text), quote=False)))


def yaml_str(text: str) -> Markup:
    """A value for a generated page's front matter. Theme templates print front matter unescaped, so it is
    escaped here; a JSON string is a valid YAML scalar, so any text survives."""
    return Markup(json.dumps(html.escape(str(text)), ensure_ascii=False))


def josa(text, particle: str) -> Markup:
    """`{{ label | josa("은") }}`: the text and the form of the particle that fits it (guidekit/particles.py),
    for templates that put a particle after a value from the data."""
    return escape(text) + form_after(text.striptags() if isinstance(text, Markup) else str(text), particle)


def inline_markup(text: str) -> Markup:
    """Escape plain text from the data file, then allow only **bold**."""
    return Markup(_BOLD.sub(r"<strong>\1</strong>", str(escape(text))))


_env.filters.update(
    slug=slug, faq_anchor=faq_anchor, message_anchor=message_anchor, md_text=md_text, yaml_str=yaml_str, josa=josa
)
_pages.filters.update(_env.filters)


def render(template: str, **context) -> Markup:
    """Render a block template to safe markup. Output is collapsed to one line per block element so that
    Python-Markdown treats it as one raw HTML block (a blank line inside would end the block)."""
    with _editor_errors(f"blocks/{template}"):
        out = _env.get_template(f"blocks/{template}").render(**context)
    return Markup(_BLANK_LINES.sub("\n", out).strip())


def render_file(template: str, **context) -> str:
    """Render a whole file that is not a page (the service worker script): values go in through `tojson`."""
    with _editor_errors(template):
        return _env.get_template(template).render(**context) + "\n"


class FactMarkers:
    """`fact` inside a page template: `{{ fact.agent_hours }}` writes the marker `{{ fact.agent_hours }}`
    for the page expansion, after checking that the fact exists."""

    def __init__(self, facts, where: str):
        self._facts, self._where = facts, where

    def __getattr__(self, key: str) -> Markup:
        if key.startswith("_"):
            raise AttributeError(key)
        if key not in self._facts:
            raise GuideDataError(self._where, f"모르는 사실 키 '{key}'를 쓰고 있어요.", key_path=f"facts.{key}")
        return Markup(fact_marker(key))

    __getitem__ = __getattr__


def render_page(template: str, guide, **context) -> str:
    """Render a Markdown page template (templates/pages/). Blank lines are kept: in Markdown they
    separate blocks."""
    with _editor_errors(f"pages/{template}"):
        page = _pages.get_template(f"pages/{template}")
        return page.render(guide=guide, fact=FactMarkers(guide.facts, _shown(f"pages/{template}")), **context) + "\n"


def _shown(name: str) -> str:
    return f"hooks/{TEMPLATES.parent.name}/templates/{name}"


@contextmanager
def _editor_errors(name: str):
    """A mistake in a template (they are content now) is reported like one in the data: file, line, what."""
    try:
        yield
    except GuideDataError as exc:
        if exc.line is None and exc.key_path and exc.file == _shown(name):
            source = (TEMPLATES / name).read_text(encoding="utf-8").splitlines()
            needle = exc.key_path.removeprefix("facts.")
            exc.line = next((n for n, text in enumerate(source, 1) if f"fact.{needle}" in text), None)
            exc.args = (exc.render(),)
        raise
    except TemplateSyntaxError as exc:
        raise GuideDataError(
            _shown(exc.name or name),
            f"템플릿 문법 오류예요: {exc.message}",
            line=exc.lineno,
            expected="{{ 값 }}, {% if … %}…{% endif %}, {% for … %}…{% endfor %}의 짝을 확인해요.",
        ) from None
    except TemplateError as exc:
        raise GuideDataError(
            _shown(name), f"템플릿을 채우지 못했어요: {exc}", expected="템플릿이 쓰는 이름을 확인해요."
        ) from None
