"""WebKit as Debian ships it: WebKitGTK's MiniBrowser, driven by WebKitWebDriver over W3C WebDriver on a
virtual screen (Xvfb). A few dozen lines of HTTP instead of a client library: the commands the journeys
need are plain JSON, and Selenium's current releases pin a newer `certifi` than the package registry has.

The screen is a phone's, 390 × 844, and the browser runs full screen on it: a GTK window cannot be made
narrower than MiniBrowser's toolbar (447 px), but a full-screen one is the screen's size with no toolbar.
Each test gets a new session, which is a new browser with nothing stored (automation sessions keep no
profile). MiniBrowser writes the page's console to its standard output (a WebKitSettings property), so
errors that reach the console are read there.

WebKitWebDriver now and then stops answering while it opens or closes a browser (WebKit's own test runner
restarts it for the same reason, WebKit/WebKit#73421). Opening a browser is the harness's business, not the
page's: a session that does not open in time, or did not close, restarts the driver with its browsers and
opens anew, once, and the restart is told in the run's summary. A command that hangs inside a journey still
fails the test."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidedev.support import free_port, stop_process

PHONE_SCREEN = (390, 844)
MINIBROWSER = "MiniBrowser"
NO_WEBKIT = (
    "No WebKit to drive. Install WebKitGTK's WebDriver and a virtual screen as root: "
    "`apt-get update && apt-get install -y webkit2gtk-driver xvfb` (`make install-dev` as root and CI's "
    ".ci/run do this)."
)
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference


class WebDriverError(RuntimeError):
    def __init__(self, error: str, message: str):
        super().__init__(f"{error}: {message}")
        self.error = error


def _request(url: str, method: str, body: dict | None, timeout: float) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)["value"]
    except urllib.error.HTTPError as failed:
        value = json.load(failed).get("value", {})
        raise WebDriverError(value.get("error", str(failed.code)), value.get("message", "")) from None


@dataclass
class Console:
    """What the browser wrote to its console, as MiniBrowser prints it: one entry per line."""

    lines: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def read(self, stream) -> None:
        for raw in iter(stream.readline, b""):
            with self.lock:
                self.lines.append(raw.decode("utf-8", "replace").rstrip())

    def since(self, mark: int) -> list[str]:
        with self.lock:
            return self.lines[mark:]

    def mark(self) -> int:
        with self.lock:
            return len(self.lines)


class Session:
    """One WebDriver session: one browser window with nothing stored."""

    def __init__(self, base: str, session_id: str, console: Console, owner: WebKitGTK):
        self.base = f"{base}/session/{session_id}"
        self.console = console
        self.console_mark = console.mark()
        self.owner = owner

    def call(self, method: str, path: str = "", body: dict | None = None, timeout: float = 60) -> Any:
        return _request(self.base + path, method, body, timeout)

    def execute(self, body: str, *args: Any) -> Any:
        """Runs a function body (`arguments` holds `args`); a promise it returns is waited for."""
        return self.call("POST", "/execute/sync", {"script": body, "args": list(args)})

    def find(self, css: str) -> dict:
        return self.call("POST", "/element", {"using": "css selector", "value": css})

    def element(self, ref: dict, command: str, body: dict | None = None) -> Any:
        return self.call("POST", f"/element/{ref[ELEMENT]}/{command}", body or {})

    def keys(self, *keys: str) -> None:
        """Key presses sent to whatever has the focus (a chord when several: Control + v)."""
        down = [{"type": "keyDown", "value": k} for k in keys]
        up = [{"type": "keyUp", "value": k} for k in reversed(keys)]
        self.call("POST", "/actions", {"actions": [{"type": "key", "id": "keys", "actions": down + up}]})
        self.call("DELETE", "/actions")

    def screenshot(self) -> bytes:
        return base64.b64decode(self.call("GET", "/screenshot"))

    def close(self) -> None:
        try:
            self.call("DELETE", timeout=CLOSE_TIMEOUT)
        except TimeoutError:  # the driver hangs: the next session starts on a new one
            self.owner.hung = "a browser did not close"
        except (WebDriverError, OSError):  # the browser already went away
            pass


# Seconds: a browser opens in under a second and closes in a tenth; these allow for a loaded CI machine.
OPEN_TIMEOUT = 30
CLOSE_TIMEOUT = 15


class WebKitGTK:
    """A virtual phone screen and WebKitWebDriver on it, for one test process; `session()` opens a browser."""

    def __init__(self, screen: tuple[int, int] = PHONE_SCREEN):
        driver = shutil.which("WebKitWebDriver")
        xvfb = shutil.which("Xvfb")
        if not driver or not xvfb:
            raise RuntimeError(NO_WEBKIT)
        self.console = Console()
        read, write = os.pipe()
        self.screen = screen
        width, height = screen
        self.xvfb = subprocess.Popen(
            [xvfb, "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=[write],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as display:
            number = display.readline().strip()
        if not number:
            self.xvfb.kill()
            raise RuntimeError(f"Xvfb did not start a screen. {NO_WEBKIT}")
        self.env = {**os.environ, "DISPLAY": f":{number}", "TZ": "Asia/Seoul", "LANG": "C.UTF-8"}
        # No accessibility bus on a virtual screen: GTK would otherwise wait for one at every start.
        self.env["NO_AT_BRIDGE"] = "1"
        self.restarts: list[str] = []  # why the driver was restarted, for the run's summary
        self.hung = ""  # set when a session did not close: the next one restarts the driver first
        self.binary = driver
        self._start_driver()

    def _start_driver(self) -> None:
        port = free_port()
        # Its own process group: a restart ends the browsers and web processes it started with it.
        self.driver = subprocess.Popen(
            [self.binary, f"--port={port}"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        threading.Thread(target=self.console.read, args=(self.driver.stdout,), daemon=True).start()
        self.base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                _request(self.base + "/status", "GET", None, 2)
                break
            except (OSError, WebDriverError):
                if time.monotonic() > deadline or self.driver.poll() is not None:
                    self.close()
                    raise RuntimeError(f"WebKitWebDriver did not start. {NO_WEBKIT}") from None
                time.sleep(0.1)

    def _stop_driver(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.driver.pid, signal.SIGTERM)
            os.killpg(self.driver.pid, signal.SIGCONT)  # a stopped process takes its SIGTERM once resumed
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.driver.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # whatever of the group is left
            os.killpg(self.driver.pid, signal.SIGKILL)
        self.driver.wait()

    def restart(self, why: str) -> None:
        self.restarts.append(why)
        self._stop_driver()
        self._start_driver()
        self.hung = ""

    def session(self, service_workers: bool = True) -> Session:
        if self.hung:
            self.restart(self.hung)
        try:
            return self._open(service_workers)
        except (TimeoutError, WebDriverError) as failed:
            self.restart(_why(failed))
        try:
            return self._open(service_workers)
        except (TimeoutError, WebDriverError) as failed:
            why = _why(failed)
            raise RuntimeError(f"WebKit did not open a browser twice, the driver restarted in between: {why}") from None

    def _open(self, service_workers: bool) -> Session:
        args = ["--automation", "--full-screen", "--enable-write-console-messages-to-stdout=true"]
        if not service_workers:
            # As an in-app browser that offers none: `navigator.serviceWorker` is not there at all.
            args.append("--features=-ServiceWorkers")
        capabilities = {"webkitgtk:browserOptions": {"binary": minibrowser(), "args": args}}
        body = {"capabilities": {"alwaysMatch": capabilities}}
        started = _request(self.base + "/session", "POST", body, OPEN_TIMEOUT)
        session = Session(self.base, started["sessionId"], self.console, owner=self)
        session.call("POST", "/timeouts", {"script": 30000, "pageLoad": 30000, "implicit": 0})
        # Without a window manager the window opens at 1024 × 768 whatever it asks; sized to the screen it
        # stays full screen, toolbar hidden, the page as wide as the phone.
        width, height = self.screen
        session.call("POST", "/window/rect", {"width": width, "height": height})
        size = session.execute("return [innerWidth, innerHeight]")
        if size != [width, height]:
            session.close()
            raise RuntimeError(f"WebKit's page is {size[0]} × {size[1]}, not the phone's {width} × {height}")
        return session

    def close(self) -> None:
        self._stop_driver()
        stop_process(self.xvfb)


def _why(failed: Exception) -> str:
    if isinstance(failed, TimeoutError):
        return f"a browser did not open in {OPEN_TIMEOUT} s"
    return f"a browser did not open ({failed})"


def minibrowser() -> str:
    """Debian keeps MiniBrowser in the library's folder, off the PATH."""
    for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"):
        for version in ("webkit2gtk-4.1", "webkit2gtk-4.0", "webkitgtk-6.0"):
            candidate = Path(folder) / version / MINIBROWSER
            if candidate.exists():
                return str(candidate)
    found = shutil.which(MINIBROWSER)
    if not found:
        raise RuntimeError(f"MiniBrowser not found. {NO_WEBKIT}")
    return found
