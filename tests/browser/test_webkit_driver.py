"""The harness's WebKit (guidedev.webdriver) keeps a hung driver from failing a journey that has not started:
a browser that does not open restarts WebKitWebDriver, browsers and all, and opens anew, once; a second hang
is a failure that says so. The hang is made by stopping the driver's process (SIGSTOP), as it looks when it
stops answering on its own."""

from __future__ import annotations

import os
import signal

import pytest

from guidedev import webdriver

pytestmark = pytest.mark.browser


@pytest.fixture
def driver(monkeypatch):
    monkeypatch.setattr(webdriver, "OPEN_TIMEOUT", 3)
    monkeypatch.setattr(webdriver, "CLOSE_TIMEOUT", 3)
    try:
        started = webdriver.WebKitGTK()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield started
    started.close()


def hang(driver: webdriver.WebKitGTK) -> int:
    os.kill(driver.driver.pid, signal.SIGSTOP)
    return driver.driver.pid


def test_a_browser_that_does_not_open_restarts_the_driver_and_opens(driver):
    stopped = hang(driver)
    session = driver.session(service_workers=False)
    assert driver.driver.pid != stopped
    assert driver.restarts == ["a browser did not open in 3 s"]
    assert session.execute("return navigator.serviceWorker === undefined") is True
    session.close()
    assert not driver.hung


def test_a_browser_that_does_not_close_has_the_next_one_open_on_a_new_driver(driver):
    session = driver.session()
    stopped = hang(driver)
    session.close()
    assert driver.hung == "a browser did not close"
    driver.session().close()
    assert driver.driver.pid != stopped
    assert driver.restarts == ["a browser did not close"]


def test_a_driver_that_hangs_again_after_its_restart_fails_with_why(driver, monkeypatch):
    started = driver._start_driver

    def start_hung() -> None:
        started()
        hang(driver)

    monkeypatch.setattr(driver, "_start_driver", start_hung)
    hang(driver)
    with pytest.raises(RuntimeError, match=r"did not open a browser twice.*did not open in 3 s"):
        driver.session()
