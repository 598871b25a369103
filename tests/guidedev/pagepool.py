"""Browser pages lent to tests, one per kind of device per test process, and wiped after each test.

A new browser context costs a renderer process and cold caches: on 2 cores the first page it loads took
0.8 s of CPU, against 0.25 s for the same page in a context that had loaded one before (27 pages: 21.6 s
against 6.4 s, /proc/stat). Most tests need a clean phone, not a new one, so a lent page comes back to the
pool with what a test can leave behind removed: everything stored for the origins it visited (local and
session storage, IndexedDB, caches, cookies), the print media it switched to, a changed window size, and
the page itself (about:blank).

What cannot be taken back: a clock installed on the page, an init script, a route or a listener the test
adds. A test that needs one asks for its own context (the `fresh_phone` fixture) instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from guidedev.webaudit import VIEWS

# The phone of the a11y pass and the screenshots, at pixel ratio 1: the tests read the page, not its pixels.
PHONE: dict[str, Any] = VIEWS[1].context_options(scale=1)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


@dataclass
class _Slot:
    context: Any
    page: Any
    viewport: dict | None
    origins: set[str] = field(default_factory=set)

    def visited(self, frame) -> None:
        if origin := _origin(frame.url):
            self.origins.add(origin)


class PagePool:
    """Pages by name; `lend(name, options, prepare)` gives the page for that name, made on first use with
    the context `options` (and `prepare(context)` once, e.g. to grant the clipboard)."""

    def __init__(self, browser):
        self.browser = browser
        self._slots: dict[str, _Slot] = {}

    @contextmanager
    def lend(self, name: str, options: dict, prepare: Callable[[Any], None] | None = None) -> Iterator[Any]:
        slot = self._slots.get(name)
        if slot is None:
            slot = self._slots[name] = self._make(options, prepare)
        try:
            yield slot.page
        finally:
            if not self._wipe(slot):
                del self._slots[name]
                slot.context.close()

    def close(self) -> None:
        for slot in self._slots.values():
            slot.context.close()
        self._slots.clear()

    def _make(self, options: dict, prepare: Callable[[Any], None] | None) -> _Slot:
        context = self.browser.new_context(**options)
        if prepare:
            prepare(context)
        page = context.new_page()
        slot = _Slot(context, page, options.get("viewport"))
        page.on("framenavigated", slot.visited)
        return slot

    def _wipe(self, slot: _Slot) -> bool:
        """Leave the page as a new one; False when it cannot be (closed, crashed): then it is made anew."""
        page = slot.page
        if page.is_closed():
            return False
        try:
            page.goto("about:blank")
            cdp = slot.context.new_cdp_session(page)
            for origin in slot.origins:  # "all" takes this tab's session storage too
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            cdp.detach()
            slot.origins.clear()
            slot.context.clear_cookies()
            page.emulate_media(media="null")
            if slot.viewport and page.viewport_size != slot.viewport:
                page.set_viewport_size(slot.viewport)
        except Exception:  # a page the test left broken is replaced, not reused
            return False
        return True
