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
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from markupsafe import Markup

from .errors import GuideDataError
from .particles import form_after
from .syntax import fact_marker
from .urls import faq_anchor, message_anchor, slug

TEMPLATES = Path(__file__).parent / "templates"


_BLANK_LINES = re.compile(r"\n\s*\n+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")

# A data value is shown exactly as typed, wherever it lands: HTML's own characters become entities, and so
# does every ASCII character that starts inline syntax in Markdown or its extensions (links, images,
# emphasis, code, attribute lists, table cells). Numeric references, not backslashes: they read the same
# in a raw HTML block, where Markdown never looks, as in a paragraph, where it does. A fact placed in a
# hand-written page is both: its HTML sits in the page's Markdown.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_SHOWN = str.maketrans({**_HTML, **{c: f"&#{ord(c)};" for c in "\\`*_[]{}|!~^"}})
# Any other `{{ … }}` of a template: the same, but for '_', which ids and the anchors made from them use.
_IN_TEMPLATES = str.maketrans({**_HTML, **{c: f"&#{ord(c)};" for c in "\\`*[]{}|!~^"}})


def shown(text) -> Markup:
    """A data value as literal text, in HTML or in Markdown (`| md_text` in templates)."""
    return text if isinstance(text, Markup) else Markup(str(text).translate(_SHOWN))


md_text = shown


def _literal(value):
    """What every `{{ … }}` of our templates writes when it is not markup already (Jinja's `finalize`,
    before autoescape): a page template is Markdown, and a block is too until Markdown takes it for a raw
    HTML block, so no value can start a link or emphasis even where a filter was forgotten."""
    return value if isinstance(value, Markup) else Markup(str(value).translate(_IN_TEMPLATES))


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    finalize=_literal,
    # Not checked against the file on every use (thousands a build): once per build, see below.
    auto_reload=False,
)

# Page templates are Markdown, where `{#id}` names a heading's anchor; their Jinja comments are `{## … ##}`.
_pages = _env.overlay(
    comment_start_string="{##",
    comment_end_string="##}",
    cache_size=400,  # its own in-memory cache too: other syntax
)


def yaml_str(text: str) -> Markup:
    """A value for a generated page's front matter. Theme templates print front matter unescaped, so it is
    escaped here; a JSON string is a valid YAML scalar, so any text survives."""
    return Markup(json.dumps(html.escape(str(text)), ensure_ascii=False))


def josa(text, particle: str) -> Markup:
    """`{{ label | josa("은") }}`: the text and the form of the particle that fits it (guidekit/particles.py),
    for templates that put a particle after a value from the data."""
    return shown(text) + form_after(text.striptags() if isinstance(text, Markup) else str(text), particle)


def inline_markup(text: str) -> Markup:
    """Plain text from the data file shown as typed, except **bold** (the one markup a text field allows)."""
    parts = _BOLD.split(str(text))
    return Markup("").join(
        Markup("<strong>{}</strong>").format(shown(part)) if i % 2 else shown(part) for i, part in enumerate(parts)
    )


_env.filters.update(
    slug=slug,
    faq_anchor=faq_anchor,
    message_anchor=message_anchor,
    md_text=md_text,
    shown=shown,
    yaml_str=yaml_str,
    josa=josa,
)
_pages.filters.update(_env.filters)


def forget_edited_templates(envs: tuple[Environment, ...] = ()) -> None:
    """At the start of every build: templates edited since they were compiled (under `mkdocs serve`) are
    compiled again when next used."""
    for env in envs or (_env, _pages):
        cache = env.cache
        if cache is None:
            continue
        for key, template in list(cache.items()):
            if not template.is_up_to_date:
                del cache[key]


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
            raise GuideDataError(self._where, f"facts에 없는 사실 키를 쓰고 있어요: '{key}'", key_path=f"facts.{key}")
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
