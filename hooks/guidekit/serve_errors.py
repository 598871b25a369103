"""What an editor sees in the browser while `mkdocs serve` keeps the last good site after a failed rebuild:
the failed build's own messages (the ones the terminal printed) in a panel over the page, until a rebuild
succeeds. Here: the collector of those messages, the panel's markup (templates/serve/error_panel.html) and
where it goes in a served page. hooks/atomic_site.py wires them into the dev server; a built site never
contains the panel."""

from __future__ import annotations

import logging
import re

from .render import render_file

# A strict build that stops on many warnings (a renamed heading that fifty links point to) would push the
# page out of sight; the terminal has them all.
MOST_SHOWN = 10

_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


class BuildMessages(logging.Handler):
    """Every warning and error logged while it is attached: what makes a strict build fail, or the error
    that stopped it. Loggers named in `ignore` (the dev server's request log, which writes from its own
    threads during a build) are left out."""

    def __init__(self, ignore: tuple[str, ...] = ()):
        super().__init__(logging.WARNING)
        self.ignore = ignore
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(self.ignore):
            return
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a malformed log call is the logging module's to report, as for any handler
            self.handleError(record)


def panel(messages: list[str], fallback: str) -> str:
    """The panel for a failed build: its messages as logged, each once and in order (`fallback`, the reason
    the build gave for stopping, when it logged none), at most MOST_SHOWN of them. Every message is escaped."""
    unique = list(dict.fromkeys(m.strip("\n") for m in messages if m.strip())) or [fallback]
    shown = render_file("serve/error_panel.html", messages=unique[:MOST_SHOWN], more=len(unique) - MOST_SHOWN)
    return shown.strip()


def with_panel(page: bytes, markup: str) -> bytes:
    """A served page with the panel as the first thing in its body: first for a screen reader and for the
    Tab key, before the page it covers. A page without a body tag gets it at its end."""
    found = _BODY.search(page)
    at = found.end() if found else len(page)
    return page[:at] + markup.encode("utf-8") + page[at:]
