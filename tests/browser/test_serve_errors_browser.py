"""Under `mkdocs serve`, a page open in the browser shows a failed rebuild's message by itself: it reloads,
the last good page stays, and a panel over it says what is wrong (guidekit/serve_errors.py). Saving the
same mistake again keeps the message there; the fix takes the panel away and shows the new text. Each
step waits for the page's own reload and for serve's log, never for a length of time."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from guidedev.edits import edit_at
from guidedev.support import copy_project, free_port, start_serve

pytestmark = pytest.mark.browser

AT = "facts.chatbot_hours.value"
PLANTED = "관리자가 쓴 적 없는 말"  # planted, never a fact's wording
KEPT_LAST_GOOD = "마지막으로 성공한 사이트를 계속 보여 줘요"  # serve's line after each failed rebuild
PANEL = "dialog[data-guide-serve-error]"
REBUILD = 90_000  # ms: a rebuild on a busy 2-core machine, with room to spare


@contextmanager
def reloaded_after(page, log, wait_for: str):
    """Runs the block (a save), then returns once serve has printed `wait_for` and the page has reloaded
    by itself (the live-reload script, on the rebuild's new stamp)."""
    mark = len(log.text)
    with page.expect_event("load", timeout=REBUILD):
        yield
        log.wait_for(wait_for, after=mark, timeout=REBUILD / 1000)


def test_an_open_page_shows_each_failed_rebuild_and_clears_when_fixed(tmp_path, phone):
    project = copy_project(tmp_path / "p")
    data = project / "docs/data/guide.yml"
    good = data.read_text(encoding="utf-8")
    broken = edit_at(good, {"at": AT, "line": "{indent}{key}: [{value}]"}, "guide.yml")[0]
    fixed = edit_at(good, {"at": AT, "line": "{indent}{key}: " + PLANTED}, "guide.yml")[0]
    port = free_port()
    proc, log = start_serve(project, port)
    try:
        phone.goto(f"http://127.0.0.1:{port}/chat/", wait_until="load")
        panel = phone.locator(PANEL)
        expect(panel).to_have_count(0)

        for save in ("first", "same mistake again"):
            with reloaded_after(phone, log, KEPT_LAST_GOOD):
                data.write_text(broken, encoding="utf-8")
            expect(panel, f"after saving the {save}").to_be_visible()
            expect(panel.locator("pre").first).to_contain_text(AT)
            expect(panel.locator("pre").first).to_contain_text("docs/data/guide.yml:")
            expect(panel.get_by_role("heading")).to_be_visible()
            # Styled (an inline style a page policy could block), over the page, and fits a phone: the
            # message wraps inside the panel instead of widening the page.
            assert panel.evaluate("e => getComputedStyle(e).position") == "fixed"
            assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth")
            assert panel.evaluate("e => [...e.querySelectorAll('pre')].every(p => p.scrollWidth <= p.clientWidth)")
            # The last good page is still there underneath.
            assert PLANTED not in phone.locator(".md-content").inner_text()

            phone.get_by_role("button", name="닫기").click()
            expect(panel).to_be_hidden()

        with reloaded_after(phone, log, "Reloading browsers"):
            data.write_text(fixed, encoding="utf-8")
        expect(panel).to_have_count(0)
        assert PLANTED in phone.locator(".md-content").text_content()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
