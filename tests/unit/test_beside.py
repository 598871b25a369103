"""Work beside the build (guidekit/beside.py) gives exactly what doing it here gives, in order, whatever
happens to the other process; and there is no other process where a fork is not safe."""

from __future__ import annotations

import os
import threading

import pytest

from guidekit import beside
from guidekit.beside import HERE, Beside


@pytest.fixture(autouse=True)
def _allowed(monkeypatch):
    """As in `mkdocs build`: two cores, no other thread. (A test run may hold threads of its own, such as a
    browser test's site server, which the work here never touches.)"""
    monkeypatch.delenv(HERE, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(beside.threading, "active_count", lambda: 1)


def _child_of(b: Beside) -> int | None:
    return b._pid


def test_the_results_come_back_in_order_from_a_second_process():
    b = Beside(lambda text: [text.upper(), os.getpid()])
    for word in ("가", "나", "abc", "x" * 200_000):
        b.submit(word)
    child = _child_of(b)
    assert child is not None and child != os.getpid()
    got = b.results()
    assert [g[0] for g in got] == ["가", "나", "ABC", "X" * 200_000]
    assert {g[1] for g in got} == {child}
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # reaped: no process left behind


def test_when_the_other_process_dies_the_work_is_done_here():
    parent = os.getpid()

    def work(n):
        if os.getpid() != parent and n == 3:
            os._exit(7)  # the other process is gone, halfway
        return n * 10

    b = Beside(work)
    b.submit(0)
    # Asked now: once the child has died, a later submit finds the pipe closed and lets it go (how soon
    # depends on the machine's load, so asking after the last submit was a race).
    assert _child_of(b) is not None
    for n in range(1, 6):
        b.submit(n)
    assert b.results() == [0, 10, 20, 30, 40, 50]


def test_an_error_in_the_work_is_raised_here_as_if_there_were_no_other_process():
    b = Beside(lambda n: 1 // n)
    b.submit(1)
    b.submit(0)
    with pytest.raises(ZeroDivisionError):
        b.results()


def test_no_fork_with_other_threads_running_or_when_asked_not_to(monkeypatch):
    monkeypatch.undo()  # the real thread count
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        b = Beside(str)
        b.submit(1)
        assert _child_of(b) is None and b.results() == ["1"]
    finally:
        stop.set()
        thread.join()
    monkeypatch.setenv(HERE, "1")
    b = Beside(str)
    b.submit(2)
    assert _child_of(b) is None and b.results() == ["2"]


def test_nothing_submitted_nothing_started():
    b = Beside(str)
    assert b.results() == [] and _child_of(b) is None
    assert beside._can_fork()
