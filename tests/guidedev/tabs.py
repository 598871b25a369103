"""One page of the guide on a phone, in any engine: the journeys in tests/browser/test_every_engine.py are
written once against `Tab` and run in Chromium (Playwright), WebKit (WebKitGTK over WebDriver) and Firefox
(over WebDriver BiDi).

A Tab does what a reader does (open an address, tap, type, paste) and reads the page with a script. Scripts
are function bodies that get their values in `arguments`, as WebDriver runs them; a promise they return is
waited for. Waiting is the tab's own polling, the same in every engine."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

from guidedev.webaudit import TAKE_PROBLEMS_JS

CHROMIUM, WEBKIT, FIREFOX = "chromium", "webkit", "firefox"
ENGINES = (CHROMIUM, WEBKIT, FIREFOX)
# A finger taps what is on screen: the element is brought to the middle of it first. WebDriver's own scroll
# puts it at the top, under the header that stays there, and the tap then lands on the header.
CENTER_JS = "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})"
# Scrolled to, then its middle still in view and in the same place a frame later, as before a finger lands.
# Firefox scrolls to the caret of a field just typed in at its next frame, which can undo a scroll made before.
STEADY_IN_VIEW_JS = """const element = arguments[0];
const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
let last = null;
for (let tries = 0; tries < 20; tries++) {
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;  // where the finger lands
  const inView = x >= 0 && x < innerWidth && y >= 0 && y < innerHeight;
  if (inView && last && box.top === last.top && box.left === last.left) return true;
  if (!inView) element.scrollIntoView({block: 'center', inline: 'nearest'});
  last = inView ? box : null;
  await frame();
}
return false;"""
# A pasted text is read from a box the tab adds for the moment and removes.
_SCRATCH = """const box = document.createElement('textarea');
box.id = 'guide-test-paste'; box.style.cssText = 'position:fixed;top:0;left:0;width:200px;height:60px;z-index:99999';
document.body.appendChild(box); box.focus();"""
# WebDriver's codes for the keys that type no character.
KEYS = {"Enter": "\ue007", "Backspace": "\ue003", "Control": "\ue009", "Escape": "\ue00c", "Tab": "\ue004"}


class Tab:
    engine: str

    # ── what each engine does its own way ──
    def goto(self, url: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def js(self, body: str, *args: Any) -> Any:
        raise NotImplementedError

    def tap(self, css: str) -> None:
        """A tap on the first element `css` finds, scrolled into view first, as a reader's finger does."""
        raise NotImplementedError

    def type(self, css: str, text: str) -> None:
        """Keys typed into the element (appended to what it holds)."""
        raise NotImplementedError

    def press(self, *keys: str) -> None:
        """Keys pressed on whatever has the focus: "Enter", or a chord ("Control", "v")."""
        raise NotImplementedError

    def screenshot(self, path: Path) -> None:
        raise NotImplementedError

    def fill_date(self, css: str, iso: str) -> None:
        """A date given to a date field as the engine lets a reader give it."""
        raise NotImplementedError

    def pdf(self) -> bytes:
        """The page printed on A4, as the engine's own print makes it (its print styles, its margins)."""
        raise NotImplementedError

    # ── the same in every engine ──
    @property
    def url(self) -> str:
        return self.js("return location.href")

    def wait(self, body: str, *args: Any, timeout: float = 15, what: str = "") -> Any:
        """Runs `body` until it gives a truthy value; that value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.js(body, *args)
            except Exception as exc:  # the page went away under the script (a navigation): ask the next one
                if time.monotonic() > deadline:
                    raise
                value, _ = None, exc
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.engine}: gave up waiting after {timeout} s for {what or body}")
            time.sleep(0.05)

    def wait_for(self, css: str, timeout: float = 15) -> None:
        """Until an element `css` finds is shown."""
        self.wait(
            "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0",
            css,
            timeout=timeout,
            what=f"{css} to show",
        )

    def text(self, css: str) -> str:
        return self.js("const e = document.querySelector(arguments[0]); return e ? e.innerText : null", css)

    def texts(self, css: str) -> list[str]:
        return self.js("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css)

    def count(self, css: str) -> int:
        return self.js("return document.querySelectorAll(arguments[0]).length", css)

    def visible(self, css: str) -> bool:
        return self.js(
            "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0", css
        )

    def value(self, css: str) -> str:
        return self.js("return document.querySelector(arguments[0]).value", css)

    def checked(self, css: str) -> bool:
        return self.js("return document.querySelector(arguments[0]).checked", css)

    def box(self, css: str) -> dict:
        return self.js(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return {x: r.x, y: r.y, width: r.width, height: r.height}",
            css,
        )

    def fill(self, css: str, text: str) -> None:
        """Replaces what a text field holds with `text`, typed."""
        self.js("const e = document.querySelector(arguments[0]); e.focus(); e.select()", css)
        self.press("Backspace")
        self.type(css, text)

    def pasted(self) -> str:
        """What the clipboard holds, as a reader gets it: pasted with Ctrl+V into a text box."""
        self.js(_SCRATCH)
        self.press("Control", "v")
        return self.js("const box = document.getElementById('guide-test-paste'); box.remove(); return box.value")

    def storage(self, key: str) -> Any:
        raw = self.js("return localStorage.getItem(arguments[0])", key)
        return None if raw is None else json.loads(raw)

    def problems(self) -> list[str]:
        """What reached the console since the last call (a page from a Host with `watch=True`)."""
        return self.js(TAKE_PROBLEMS_JS)


class PlaywrightTab(Tab):
    engine = CHROMIUM

    def __init__(self, page):
        self.page = page

    def goto(self, url: str) -> None:
        self.page.goto(url, wait_until="load")

    def reload(self) -> None:
        self.page.reload(wait_until="load")

    def js(self, body: str, *args: Any) -> Any:
        return self.page.evaluate(f"(args) => (async function () {{ {body} }}).apply(null, args)", list(args))

    def tap(self, css: str) -> None:
        element = self.page.locator(css).first
        element.evaluate(CENTER_JS.replace("arguments[0]", "element").join(("element => { ", " }")))
        element.click()

    def type(self, css: str, text: str) -> None:
        self.page.locator(css).first.press_sequentially(text)

    def press(self, *keys: str) -> None:
        self.page.keyboard.press("+".join(keys))

    def screenshot(self, path: Path) -> None:
        self.page.screenshot(path=str(path))

    def fill_date(self, css: str, iso: str) -> None:
        self.page.locator(css).first.fill(iso)  # Playwright's own way into Chromium's date field

    def pdf(self) -> bytes:
        return self.page.pdf(format="A4")


class WebDriverTab(Tab):
    engine = WEBKIT

    def __init__(self, session):
        self.session = session

    def goto(self, url: str) -> None:
        self.session.call("POST", "/url", {"url": url})
        self._loaded()

    def reload(self) -> None:
        self.session.call("POST", "/refresh", {})
        self._loaded()

    def _loaded(self) -> None:
        # WebKitGTK answers a navigation that its service worker serves before that page has loaded (its
        # module scripts still on their way): the tab waits for the load itself.
        self.wait("return document.readyState === 'complete'", what="the page to load")

    def js(self, body: str, *args: Any) -> Any:
        return self.session.execute(f"return (async function () {{ {body} }}).apply(null, arguments)", *args)

    def _element(self, css: str) -> dict:
        self.wait_for(css)
        return self.session.find(css)

    def tap(self, css: str) -> None:
        element = self._element(css)
        self.session.execute(CENTER_JS, element)
        self.session.element(element, "click")

    def type(self, css: str, text: str) -> None:
        self.session.element(self._element(css), "value", {"text": text})

    def press(self, *keys: str) -> None:
        self.session.keys(*(KEYS.get(k, k) for k in keys))

    def screenshot(self, path: Path) -> None:
        path.write_bytes(self.session.screenshot())

    def fill_date(self, css: str, iso: str) -> None:
        # WebKit's date field takes its parts in the locale's order, each ended by its separator: the C
        # locale's mm/dd/yyyy here (a Korean iPhone shows a wheel picker instead). Typed into an empty field.
        year, month, day = iso.split("-")
        self.js("const e = document.querySelector(arguments[0]); e.value = ''; e.blur()", css)
        self.type(css, f"{month}/{day}/{year}")
        self.wait("return document.querySelector(arguments[0]).value === arguments[1]", css, iso, what=f"{css} = {iso}")


class BidiTab(Tab):
    engine = FIREFOX

    def __init__(self, session):
        self.session = session

    def goto(self, url: str) -> None:
        self.session.send("browsingContext.navigate", {"context": self.session.context, "url": url, "wait": "complete"})

    def reload(self) -> None:
        self.session.send("browsingContext.reload", {"context": self.session.context, "wait": "complete"})

    def js(self, body: str, *args: Any) -> Any:
        return self.session.execute(body, *args)

    def _actions(self, *sources: dict) -> None:
        self.session.send("input.performActions", {"context": self.session.context, "actions": list(sources)})

    def tap(self, css: str) -> None:
        self.wait_for(css)
        element = self.js("return document.querySelector(arguments[0])", css)
        assert self.js(STEADY_IN_VIEW_JS, element), f"{css} would not stay in view to be tapped"
        at = {"type": "element", "element": element}  # its middle
        press = [{"type": "pointerMove", "x": 0, "y": 0, "origin": at}]
        press += [{"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]
        self._actions({"type": "pointer", "id": "finger", "parameters": {"pointerType": "mouse"}, "actions": press})

    def _keys(self, presses: list[dict]) -> None:
        self._actions({"type": "key", "id": "keyboard", "actions": presses})

    def _type_keys(self, text: str) -> None:
        """Each character pressed and let go, into what has the focus."""
        self._keys([{"type": kind, "value": c} for c in text for kind in ("keyDown", "keyUp")])

    def type(self, css: str, text: str) -> None:
        self.wait_for(css)
        # As WebDriver's Element Send Keys: a field that gets the focus gets the caret at its end.
        self.js(
            """const e = document.querySelector(arguments[0]);
               if (document.activeElement !== e) { e.focus(); if (e.selectionStart !== null) e.selectionStart = e.value.length; }""",
            css,
        )
        self._type_keys(text)

    def press(self, *keys: str) -> None:
        codes = [KEYS.get(k, k) for k in keys]
        down = [{"type": "keyDown", "value": k} for k in codes]
        self._keys(down + [{"type": "keyUp", "value": k} for k in reversed(codes)])

    def screenshot(self, path: Path) -> None:
        shot = self.session.send("browsingContext.captureScreenshot", {"context": self.session.context})
        path.write_bytes(base64.b64decode(shot["data"]))

    def fill_date(self, css: str, iso: str) -> None:
        # Firefox's date field takes digits into the part that has the focus and moves on when it is full, in
        # the browser's locale order: en-US's mm/dd/yyyy (Debian's Firefox has no other without a language
        # pack). The separators typed are passed over. Typed into an empty field.
        year, month, day = iso.split("-")
        self.js("const e = document.querySelector(arguments[0]); e.value = ''; e.blur(); e.focus()", css)
        self._type_keys(f"{month}/{day}/{year}")
        self.wait("return document.querySelector(arguments[0]).value === arguments[1]", css, iso, what=f"{css} = {iso}")

    def pdf(self) -> bytes:
        a4 = {"width": 21.0, "height": 29.7}  # cm
        printed = self.session.send("browsingContext.print", {"context": self.session.context, "page": a4})
        return base64.b64decode(printed["data"])
