"""`make screenshots`: one page of each kind (found in the built site, see tests/webaudit.page_types), as a
390 px phone and a 1280 px desktop, light and dark, into screenshots/ (gitignored) for a person to look at.
Phone shots are the first screen, the last screen (footer) and the whole page; desktop shots the first
screen. Then the phone in WebKit (WebKitGTK, the engine of every iPhone browser), without a service worker
as an in-app browser may be: the first and the last screen (`*--phone-webkit.png`; `--no-webkit` leaves it).

Usage: python scripts/screenshots.py [--all] [--no-webkit]   (--all: every page, not one per kind)"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from guidedev.support import ROOT, build_site, launch_chromium, site_pages
from guidedev.tabs import WebDriverTab
from guidedev.webaudit import GzipServer, View, page_types
from guidedev.webdriver import WebKitGTK

OUT = ROOT / "screenshots"
SHOTS = (
    View("phone", 390, 844, mobile=True),
    View("phone-dark", 390, 844, dark=True, mobile=True),
    View("desktop", 1280, 900),
    View("desktop-dark", 1280, 900, dark=True),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--no-webkit", action="store_true", help="Chromium only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guide-shots-") as tmp:
        site = Path(tmp)
        result = build_site(site)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 1
        pages = site_pages(site)
        kinds = {p.strip("/") or "home": p for p in pages} if args.all else page_types(site, pages)
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir()
        with GzipServer(site) as server, sync_playwright() as p:
            browser = launch_chromium(p)
            for view in SHOTS:
                context = browser.new_context(**view.context_options())
                page = context.new_page()
                for kind, path in kinds.items():
                    page.goto(server.url + path, wait_until="networkidle")
                    name = kind.replace("/", "_").replace("*", "any")
                    page.screenshot(path=str(OUT / f"{name}--{view.name}.png"))
                    if view.mobile:
                        page.screenshot(path=str(OUT / f"{name}--{view.name}-full.png"), full_page=True)
                        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                        page.wait_for_timeout(300)
                        page.screenshot(path=str(OUT / f"{name}--{view.name}-end.png"))
                context.close()
            browser.close()
            if not args.no_webkit:
                webkit_shots(server.url, kinds)
    for png in sorted(OUT.glob("*.png")):
        print(png.relative_to(ROOT))
    return 0


AT_END = "scrollY > 0 || innerHeight >= document.body.scrollHeight"


def webkit_shots(url: str, kinds: dict[str, str]) -> None:
    driver = WebKitGTK()
    try:
        tab = WebDriverTab(driver.session(service_workers=False))
        for kind, path in kinds.items():
            tab.goto(url + path)
            name = kind.replace("/", "_").replace("*", "any")
            tab.screenshot(OUT / f"{name}--phone-webkit.png")
            # Scrolled again until it holds: a page still laying itself out may put the reader back at the top.
            tab.wait(f"window.scrollTo(0, document.body.scrollHeight); return {AT_END}")
            tab.screenshot(OUT / f"{name}--phone-webkit-end.png")
        tab.session.close()
    finally:
        driver.close()


if __name__ == "__main__":
    sys.exit(main())
