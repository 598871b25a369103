"""The Jinja environment for every piece of generated markup. Autoescape is on: a value from the data
file can never become markup unless a function here marks it safe after escaping it."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


def render(template: str, **context) -> Markup:
    """Render a template to safe markup. Output is collapsed to one line per block element so that
    Python-Markdown treats it as one raw HTML block (a blank line inside would end the block)."""
    html = _env.get_template(template).render(**context)
    return Markup(_BLANK_LINES.sub("\n", html).strip())


_BLANK_LINES = re.compile(r"\n\s*\n+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline_markup(text: str) -> Markup:
    """Escape plain text from the data file, then allow only **bold**."""
    return Markup(_BOLD.sub(r"<strong>\1</strong>", str(escape(text))))


def render_markdown(template: str, **context) -> str:
    """Render a Markdown page template. Blank lines are kept: in Markdown they separate blocks."""
    return _env.get_template(template).render(**context) + "\n"
