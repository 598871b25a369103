"""Make the link-preview image (docs/images/share-card.png, 1200×630) that KakaoTalk and other chat apps
show under a shared link. The text comes from the data file's `meta` and `topics`; Chromium draws it with
the machine's Korean fonts (no network). Run `make share-card` after changing the title, and commit the
PNG: the site build only ships it, so building needs neither a browser nor Korean fonts."""

from __future__ import annotations

from html import escape

from playwright.sync_api import sync_playwright

from guidedev.support import ROOT, launch_chromium, load_project_guide
from guidekit.seo import SHARE_IMAGE, SHARE_IMAGE_SIZE

OUT = ROOT / "docs" / SHARE_IMAGE
# The card's layout and words, as an HTML page with {placeholders}.
PAGE = (ROOT / "scripts" / "share_card.html").read_text(encoding="utf-8")


def card_html(guide) -> str:
    w, h = SHARE_IMAGE_SIZE
    topics = "".join(f"<span>{escape(t.title)}</span>" for t in guide.topics)
    return PAGE.format(w=w, h=h, title=escape(guide.meta.site_title), topics=topics)


def main() -> None:
    guide = load_project_guide()
    w, h = SHARE_IMAGE_SIZE
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
        page.set_content(card_html(guide))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT), full_page=False)
        browser.close()
    print(f"{OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
