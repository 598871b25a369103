"""`mkdocs serve` with a broken data file: prints the same one message, keeps serving the last good
site, and recovers by itself once the file is fixed."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from guidedev.support import copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Log:
    def __init__(self, stream):
        self.text = ""
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.text += line

    def wait_for(self, needle: str, after: int = 0, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.text[after:]:
                return
            time.sleep(0.2)
        raise AssertionError(f"serve never printed {needle!r}:\n{self.text[-3000:]}")


def _get(url: str) -> str:
    """The page as served, without the live-reload script's build stamp (it changes on every build)."""
    with urllib.request.urlopen(url, timeout=10) as r:
        return re.sub(r"reload\(\d+, \d+\)", "reload()", r.read().decode("utf-8"))


def test_serve_keeps_last_good_site_and_recovers(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "docs/data/guide.yml"
    good = data.read_text(encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = Log(proc.stdout)
    try:
        log.wait_for("Serving on")
        url = f"http://127.0.0.1:{port}/chat/"
        first = _get(url)
        assert "평일 09:00–18:00" in first

        mark = len(log.text)
        data.write_text(good.replace("    value: 24시간\n", "    value: [24시간]\n", 1), encoding="utf-8")
        log.wait_for("facts.chatbot_hours.value", after=mark)
        time.sleep(0.5)
        assert "Traceback" not in log.text[mark:], log.text[mark:]
        assert _get(url) == first, "a broken data file changed what serve shows"

        mark = len(log.text)
        data.write_text(good.replace("    value: 24시간\n", "    value: 하루 종일\n", 1), encoding="utf-8")
        log.wait_for("Reloading browsers", after=mark)
        assert "하루 종일" in _get(url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
