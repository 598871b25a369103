"""`mkdocs serve` with a broken data file: prints the same one message, keeps serving the last good
site, and recovers by itself once the file is fixed."""

from __future__ import annotations

import re
import urllib.request

from guidedev.edits import edit_at
from guidedev.support import copy_project, free_port, start_serve


def _get(url: str) -> str:
    """The page as served, without the live-reload script's build stamp (it changes on every build)."""
    with urllib.request.urlopen(url, timeout=10) as r:
        return re.sub(r"reload\(\d+, \d+\)", "reload()", r.read().decode("utf-8"))


def test_serve_keeps_last_good_site_and_recovers(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "docs/data/guide.yml"
    good = data.read_text(encoding="utf-8")
    port = free_port()
    proc, log = start_serve(project, port)
    try:
        log.wait_for("Serving on")
        url = f"http://127.0.0.1:{port}/chat/"
        first = _get(url)
        assert "관리자가 쓴 적 없는 말" not in first

        mark = len(log.text)
        broken = {"at": "facts.chatbot_hours.value", "line": "{indent}{key}: [{value}]"}
        data.write_text(edit_at(good, broken, "guide.yml")[0], encoding="utf-8")
        log.wait_for("facts.chatbot_hours.value", after=mark)
        log.wait_for("마지막으로 성공한 사이트를 계속 보여 줘요", after=mark)  # the rebuild has ended
        assert "Traceback" not in log.text[mark:], log.text[mark:]
        assert _get(url) == first, "a broken data file changed what serve shows"

        mark = len(log.text)
        fixed = {"at": "facts.chatbot_hours.value", "line": "{indent}{key}: 관리자가 쓴 적 없는 말"}
        data.write_text(edit_at(good, fixed, "guide.yml")[0], encoding="utf-8")
        log.wait_for("Reloading browsers", after=mark)
        assert "관리자가 쓴 적 없는 말" in _get(url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
