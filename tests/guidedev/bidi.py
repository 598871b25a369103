"""Firefox as Debian ships it (ESR), driven over WebDriver BiDi: JSON commands and answers over one WebSocket,
a protocol Firefox serves itself when started with --remote-debugging-port. Debian has no geckodriver, and
puppeteer-core (the npm client) would put node between Python journeys and the browser.

Each session is a Firefox of its own on a new profile folder, removed after it: nothing stored carries over,
and the profile's prefs say whether the browser offers service workers. Headless Firefox has a clipboard
of its own inside the process, so a copy made by the page is pasted back with Ctrl+V."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

from guidedev.support import stop_process

PHONE_VIEWPORT = (390, 844)
NO_FIREFOX = (
    "No Firefox to drive. Install Debian's Firefox ESR as root: `apt-get update && apt-get install -y firefox-esr` "
    "(`make install-dev` as root and CI's .ci/run do this)."
)
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
# Written to the profile's user.js, read before anything starts: a browser that calls nowhere but the test's
# host (no updates, telemetry, remote settings or first-run pages) and shows Korean pages first.
PREFS: dict[str, Any] = {
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "browser.aboutwelcome.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.page": 0,
    "browser.startup.homepage_override.mstone": "ignore",
    "startup.homepage_welcome_url": "about:blank",
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "messaging-system.rsexperimentloader.enabled": False,
    "extensions.update.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "intl.accept_languages": "ko-KR, ko",
}


class BidiError(RuntimeError):
    pass


def local_value(value: Any) -> dict:
    """A Python value as BiDi gives it to a script."""
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "boolean", "value": value}
    if isinstance(value, int | float):
        return {"type": "number", "value": value}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, list | tuple):
        return {"type": "array", "value": [local_value(v) for v in value]}
    if isinstance(value, dict) and set(value) == {"sharedId"}:
        return value  # an element a script gave back
    if isinstance(value, dict):
        return {"type": "object", "value": [[k, local_value(v)] for k, v in value.items()]}
    raise TypeError(f"no BiDi value for {value!r}")


def python_value(remote: dict) -> Any:
    """What a script gave back, as plain Python (an element stays BiDi's reference to it)."""
    kind, value = remote["type"], remote.get("value")
    if kind in ("undefined", "null"):
        return None
    if kind == "number" and isinstance(value, str):  # NaN, -0, Infinity
        return 0.0 if value == "-0" else float(value.replace("Infinity", "inf"))
    if kind in ("string", "number", "boolean"):
        return value
    if kind in ("array", "set"):
        return [python_value(v) for v in value or []]
    if kind in ("object", "map"):
        return {k if isinstance(k, str) else python_value(k): python_value(v) for k, v in value or []}
    if kind == "node":
        return {"sharedId": remote["sharedId"]}
    raise BidiError(f"no Python value for a script's {kind}")


class Session:
    """One Firefox on a new profile, and its one tab (`context`), at the phone's size."""

    def __init__(self, binary: str, service_workers: bool, viewport: tuple[int, int] = PHONE_VIEWPORT):
        self.profile = Path(tempfile.mkdtemp(prefix="guide-firefox-"))
        prefs = {**PREFS, "dom.serviceWorkers.enabled": service_workers}
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())
        )
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-remote", "--remote-debugging-port=0", "--profile", str(self.profile)],
            env={**os.environ, "TZ": "Asia/Seoul", "LANG": "C.UTF-8"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        address: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read_stderr, args=(address,), daemon=True).start()
        try:
            url = address.get(timeout=60)
        except queue.Empty:
            self.close()
            raise RuntimeError(f"Firefox did not start listening for WebDriver BiDi. {NO_FIREFOX}") from None
        self.socket = connect(url + "/session", max_size=None, proxy=None, compression=None, legacy=True)
        self.next_id = 0
        self.send("session.new", {"capabilities": {}})
        # The window Firefox opens at start never has the focus when headless (`document.hasFocus()` stays
        # false, no focus events), and a date field then ignores the keys typed into it: a tab opened over
        # BiDi has the focus, and the first one goes.
        first = self.send("browsingContext.getTree", {})["contexts"][0]["context"]
        self.context = self.send("browsingContext.create", {"type": "tab"})["context"]
        self.send("browsingContext.close", {"context": first})
        width, height = viewport
        self.send(
            "browsingContext.setViewport", {"context": self.context, "viewport": {"width": width, "height": height}}
        )

    def _read_stderr(self, address: queue.Queue) -> None:
        # Firefox keeps writing to stderr (the page's console among it); read to the end so it never blocks.
        assert self.process.stderr
        for raw in iter(self.process.stderr.readline, b""):
            found = LISTENING.search(raw.decode("utf-8", "replace"))
            if found:
                address.put(found.group(1))

    def send(self, method: str, params: dict, timeout: float = 60) -> Any:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=timeout))
            if message.get("id") != self.next_id:
                continue  # an event; the journeys subscribe to none
            if message["type"] == "error":
                raise BidiError(f"{method}: {message['error']}: {message.get('message', '')}")
            return message["result"]

    def execute(self, body: str, *args: Any) -> Any:
        """Runs a function body (`arguments` holds `args`) in the tab; a promise it returns is waited for."""
        done = self.send(
            "script.callFunction",
            {
                "functionDeclaration": f"async function () {{ {body} }}",
                "arguments": [local_value(a) for a in args],
                "target": {"context": self.context},
                "awaitPromise": True,
                "resultOwnership": "none",
            },
        )
        if done["type"] == "exception":
            raise BidiError(f"the script threw: {done['exceptionDetails'].get('text')}")
        return python_value(done["result"])

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the browser may be gone already
            self.socket.close()
        stop_process(self.process)
        shutil.rmtree(self.profile, ignore_errors=True)


class Firefox:
    """Firefox ESR for one test process; `session()` starts a browser with nothing stored."""

    def __init__(self) -> None:
        binary = shutil.which("firefox-esr") or shutil.which("firefox")
        if not binary:
            raise RuntimeError(NO_FIREFOX)
        self.binary = binary

    def session(self, service_workers: bool = True) -> Session:
        return Session(self.binary, service_workers)
