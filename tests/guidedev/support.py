"""Building the site, serving it on loopback, starting Chromium the way this machine allows, and loading
the project's guide."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

# The clone these tests are in (tests/, scripts/, README.md, the fixtures), and the project they test: the
# site's sources (mkdocs.yml, docs/, hooks/, overrides/), the same folder unless GUIDE_PROJECT_ROOT names
# another, e.g. a copy whose facts were edited (tests/test_fact_edits.py runs the `reads_guide` tests so).
CHECKOUT = Path(__file__).resolve().parents[2]
PROJECT_ROOT = "GUIDE_PROJECT_ROOT"
ROOT = Path(os.environ[PROJECT_ROOT]).resolve() if os.environ.get(PROJECT_ROOT) else CHECKOUT
# The team's shared folder (source guide, overlap tool) sits beside a developer's clone and CI's, never
# beside a user's clone or a GitHub runner's; the project keeps its own copy of what tests need from it.
SHARED = CHECKOUT.parent / "shared"
# CI sets this so that a test needing ../shared fails instead of skipping when the folder is missing.
REQUIRE_SHARED = "GUIDE_REQUIRE_SHARED"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# For a browser context in a test that is not about the offline copy: otherwise every new context installs
# the service worker, which downloads the whole site in the background (a large share of the suite's time
# on 2 cores). tests/browser/test_offline.py and test_csp.py use the worker on purpose.
NO_WORKER = {"service_workers": "block"}
NO_BROWSER = (
    "No Chromium to drive. Install Debian's browser and Korean fonts as root: "
    "`apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils` "
    "(CI's .ci/run does this), or install Playwright's own browser where it can be downloaded."
)


# Ctrl+C (SIGINT) must stop a child as in a terminal. A job started in the background (`make test &`, some CI
# steps) inherits SIGINT ignored, and an ignored signal stays ignored across exec, so a child would never see
# the signal a test sends. The child is started through this stub, which restores the default first (no
# preexec_fn: that is unsafe once the test process has threads).
_SIGINT_DEFAULT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"
)


def interruptible(cmd: list[str]) -> list[str]:
    """`cmd` (its first item an absolute executable) started with SIGINT at its default."""
    return [sys.executable, "-c", _SIGINT_DEFAULT, *cmd]


def build_site(dest: Path, config: Path | None = None, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a subprocess, the way an editor runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)]
    if config:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, cwd=config.parent if config else ROOT, env=env, capture_output=True, text=True)


class InProcessBuild:
    """What `mkdocs build --strict` does, run in this process: the same config loading, events and staging,
    without starting Python and importing MkDocs and Material again (about half a second a build).
    `ok` is whether it built; `log` the warnings and errors as the command would print them."""

    def __init__(self, config: Path, site: Path):
        import logging

        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError

        lines: list[str] = []
        handler = logging.Handler(logging.WARNING)
        handler.emit = lambda record: lines.append(f"{record.levelname:<8}-  {record.getMessage()}")  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        self.ok = False
        try:
            cfg = load_config(config_file=str(config), strict=True, site_dir=str(site))
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
                self.ok = True
            finally:
                cfg.plugins.on_shutdown()
        except (Abort, ConfigurationError) as exc:
            lines.append(f"Aborted: {exc}")
        finally:
            logger.removeHandler(handler)
        self.log = "\n".join(lines)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    """Asks a process to end, and ends it if it has not within `grace` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class ServeLog:
    """What `mkdocs serve` prints, read in a thread, with a wait for a line that wakes when it arrives."""

    def __init__(self, stream):
        self.text = ""
        self._changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            with self._changed:
                self.text += line
                self._changed.notify_all()

    def wait_for(self, needle: str, after: int = 0, timeout: float = 60) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: needle in self.text[after:], timeout=timeout):
                raise AssertionError(f"serve never printed {needle!r}:\n{self.text[-3000:]}")


def start_serve(project: Path, port: int, extra_env: dict | None = None) -> tuple[subprocess.Popen, ServeLog]:
    """`mkdocs serve` on 127.0.0.1:port for a copy of the project; returns once it serves."""
    proc = subprocess.Popen(
        interruptible([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]),
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})},
    )
    log = ServeLog(proc.stdout)
    try:
        log.wait_for("Serving on")
    except AssertionError:
        proc.terminate()
        raise
    return proc, log


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietHTTPServer(http.server.ThreadingHTTPServer):
    """A browser that closes a page (or its worker) mid-download is normal: no traceback for it."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """Serves a built site on 127.0.0.1 with a free port, in a thread."""

    # A subclass may serve differently (see webaudit.GzipServer).
    handler: type[http.server.SimpleHTTPRequestHandler] | None = None

    def __init__(self, directory: Path):
        handler = functools.partial(self.handler or _QuietHandler, directory=str(directory))
        self.httpd = QuietHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def launch_chromium(playwright, **kwargs):
    """Playwright's own Chromium when it is installed, else Debian's /usr/bin/chromium.
    Raises RuntimeError with instructions when neither exists."""
    try:
        return playwright.chromium.launch(args=CHROMIUM_ARGS, **kwargs)
    except Exception as own_error:  # any failure here means Playwright's own browser is not installed
        system = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
        if not system:
            raise RuntimeError(f"{NO_BROWSER}\n(Playwright said: {str(own_error).splitlines()[0]})") from None
        return playwright.chromium.launch(executable_path=system, args=CHROMIUM_ARGS, **kwargs)


def launch_persistent_chromium(browser_type, user_data_dir: Path, **options):
    """A Chromium with a profile on disk, like a reader's own browser (an ordinary context is incognito,
    where nothing can be installed): Playwright's own build when installed, else Debian's."""
    try:
        return browser_type.launch_persistent_context(str(user_data_dir), args=CHROMIUM_ARGS, **options)
    except Exception as own_error:  # Playwright's own browser is not installed
        system = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
        if not system:
            raise RuntimeError(f"{NO_BROWSER}\n(Playwright said: {str(own_error).splitlines()[0]})") from None
        return browser_type.launch_persistent_context(
            str(user_data_dir), executable_path=system, args=CHROMIUM_ARGS, **options
        )


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path ('' for home, 'payment/' ...), 404 excluded."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """A throwaway copy of the site's sources, for builds that break or change things on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def tree_digest(path: Path) -> str:
    """A hash over every file's path and bytes below `path` ('' when it does not exist)."""
    import hashlib

    if not path.exists():
        return ""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(f.relative_to(path).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def load_project_guide():
    """The project's own docs/data/guide.yml, loaded and checked the way the build does it."""
    from guidekit.load import DATA_FILE, SCHEMA_FILE, load_guide

    docs = ROOT / "docs"
    return load_guide(docs / DATA_FILE, docs / SCHEMA_FILE, f"docs/{DATA_FILE.as_posix()}")


BROKEN_FIXTURES = sorted((CHECKOUT / "tests/fixtures/broken").glob("*.yml"))


def watch_page(page, site_url: str) -> dict[str, list[str]]:
    """Collect a page's console errors and every request that leaves the site (another host) into
    {"errors": [...], "foreign": [...]}; clear both lists between pages."""
    from urllib.parse import urlparse

    own_host = urlparse(site_url).netloc
    seen: dict[str, list[str]] = {"errors": [], "foreign": []}

    def console(m):
        if m.type == "error":
            seen["errors"].append(m.text)

    def request(r):
        url = urlparse(r.url)
        if url.scheme in ("http", "https") and url.netloc != own_host:
            seen["foreign"].append(r.url)

    page.on("console", console)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", request)
    return seen
