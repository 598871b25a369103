"""`mkdocs serve` with a broken data file: prints the whole message on every failed rebuild, keeps serving
the last good site with the message over it, and recovers by itself once the file is fixed. A built site
never carries that panel."""

from __future__ import annotations

import re
import urllib.request

from guidedev.edits import edit_at
from guidedev.support import copy_project, free_port, start_serve

AT = "facts.chatbot_hours.value"
# Planted, never a fact's wording: the guide's own text can change without touching this test.
PLANTED = "관리자가 쓴 적 없는 말"
KEPT_LAST_GOOD = "마지막으로 성공한 사이트를 계속 보여 줘요"  # our line after each failed rebuild
PANEL = re.compile(r"<dialog [^>]*data-guide-serve-error.*?</dialog>", re.S)


def _get(url: str) -> str:
    """The page as served, without the live-reload script's build stamp (it changes on every build)."""
    with urllib.request.urlopen(url, timeout=10) as r:
        return re.sub(r"reload\(\d+, \d+\)", "reload()", r.read().decode("utf-8"))


def _failure(log_text: str) -> str:
    """What one failed rebuild printed about the data file: from its first line naming the file to our line
    that points above it ('' when it named no file)."""
    start = log_text.find("docs/data/guide.yml:")
    return "" if start < 0 else log_text[start : log_text.index(KEPT_LAST_GOOD, start)]


def test_serve_keeps_last_good_site_shows_every_failure_and_recovers(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "docs/data/guide.yml"
    good = data.read_text(encoding="utf-8")
    broken = edit_at(good, {"at": AT, "line": "{indent}{key}: [{value}]"}, "guide.yml")[0]
    port = free_port()
    proc, log = start_serve(project, port)
    try:
        url = f"http://127.0.0.1:{port}/chat/"
        first = _get(url)
        assert PLANTED not in first
        assert not PANEL.search(first)

        failures = []
        for _ in range(2):  # the same mistake saved twice: MkDocs would print a repeated message only once
            mark = len(log.text)
            data.write_text(broken, encoding="utf-8")
            log.wait_for(KEPT_LAST_GOOD, after=mark)  # the rebuild has ended
            assert "Traceback" not in log.text[mark:], log.text[mark:]
            failures.append(_failure(log.text[mark:]))
            served = _get(url)
            panel = PANEL.search(served)
            assert panel, "no panel over the page after a failed rebuild"
            assert AT in panel.group(), panel.group()
            assert PANEL.sub("", served) == first, "a broken data file changed the page under the panel"
        assert AT in failures[0], failures[0]
        assert failures[1] == failures[0], f"the second save of the same mistake printed less:\n{log.text}"

        mark = len(log.text)
        fixed = edit_at(good, {"at": AT, "line": "{indent}{key}: " + PLANTED}, "guide.yml")[0]
        data.write_text(fixed, encoding="utf-8")
        log.wait_for("Reloading browsers", after=mark)
        served = _get(url)
        assert PLANTED in served
        assert not PANEL.search(served), "the panel stayed after the fix built"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_built_site_has_no_serve_panel(built_site):
    site, _ = built_site
    assert not [p for p in site.rglob("*.html") if b"data-guide-serve-error" in p.read_bytes()]
