"""Work that only reads what a build makes (the page checks: every page read again as a reader sees it)
done in a second process beside the build, so that on a machine with two cores it costs the build almost
no time: the build goes on to render the next page while the last one is checked.

The second process is a fork of the build made when the first item comes, so it has everything the work
needs (the loaded guide) without sending it. Items go to it over a pipe as they come; the results come back,
in order, when asked for. Whatever goes wrong there (no fork on this system, threads in this process, the
other process gone), the work is done here instead, on the same items, with the same results: the build
never depends on it, only gets faster.

No fork when this process runs other threads (`mkdocs serve` does: a fork would copy their locks
mid-use), on a single core, or when GUIDE_CHECKS_HERE is set (tests compare both ways)."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Any

HERE = "GUIDE_CHECKS_HERE"
_END = "\0end"


def _can_fork() -> bool:
    return (
        hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1 and not os.environ.get(HERE)
    )


class Beside:
    """`work(item)` for every item submitted; `results()` gives them in the order submitted."""

    def __init__(self, work: Callable[[Any], Any]):
        self._work = work
        self._items: list[Any] = []  # kept until the results are in, to be done here if need be
        self._pid: int | None = None
        self._to_child: Any = None
        self._from_child: Any = None

    def submit(self, item: Any) -> None:
        self._items.append(item)
        if self._pid is None and len(self._items) == 1 and _can_fork():
            self._start()
        if self._to_child is not None:
            try:
                pickle.dump(item, self._to_child, protocol=pickle.HIGHEST_PROTOCOL)
                self._to_child.flush()
            except (OSError, pickle.PickleError):
                self._stop()

    def results(self) -> list[Any]:
        got = self._collect() if self._to_child is not None else None
        if got is None or len(got) != len(self._items):
            got = [self._work(item) for item in self._items]
        self._items = []
        return got

    # ── The other process ────────────────────────────────────────────────────────────────────────────

    def _start(self) -> None:
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (down_r, down_w, up_r, up_w):
                os.close(fd)
            return
        if pid == 0:  # the child: never returns, never runs the build's exit handlers
            os.close(down_w)
            os.close(up_r)
            _serve(self._work, down_r, up_w)
        os.close(down_r)
        os.close(up_w)
        self._pid = pid
        self._to_child = os.fdopen(down_w, "wb")
        self._from_child = os.fdopen(up_r, "rb")

    def _collect(self) -> list[Any] | None:
        try:
            pickle.dump(_END, self._to_child)
            self._to_child.close()
            got = pickle.load(self._from_child)
        except (OSError, EOFError, pickle.PickleError):
            got = None
        self._stop()
        return got if isinstance(got, list) else None

    def _stop(self) -> None:
        for stream in (self._to_child, self._from_child):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._to_child = self._from_child = None
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)  # gone already after sending its results
            with contextlib.suppress(OSError):
                os.waitpid(self._pid, 0)
            self._pid = None

    def __del__(self):  # a build stopped before it asked for the results
        if self._pid is not None:
            self._stop()


def _serve(work: Callable[[Any], Any], read_fd: int, write_fd: int) -> None:
    # Ctrl+C reaches the whole process group: here it ends the process quietly, the build reports it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    code = 1
    try:
        results = []
        with os.fdopen(read_fd, "rb") as incoming:
            while True:
                item = pickle.load(incoming)
                if item == _END:
                    break
                results.append(work(item))
        with os.fdopen(write_fd, "wb") as outgoing:
            pickle.dump(results, outgoing, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException:  # the build does the work itself; nothing to say here
        pass
    finally:
        os._exit(code)
