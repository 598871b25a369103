"""Make the link-preview image (docs/images/share-card.png, 1200×630) that KakaoTalk and other chat apps
show under a shared link. The text comes from the data file's `meta` and `topics`; Chromium draws it with
the machine's Korean fonts (no network). Run `make share-card` after changing the title, and commit the
PNG: the site build only ships it, so building needs neither a browser nor Korean fonts."""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

import yaml
from playwright.sync_api import sync_playwright

from guidekit.seo import SHARE_IMAGE, SHARE_IMAGE_SIZE
from support import ROOT, launch_chromium

OUT = ROOT / "docs" / SHARE_IMAGE

PAGE = """<!doctype html><html lang="ko"><meta charset="utf-8"><style>
  html, body {{ margin: 0; }}
  body {{ width: {w}px; height: {h}px; box-sizing: border-box; padding: 72px 80px; background: #1f3a5f;
         color: #fff; font-family: "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
         display: flex; flex-direction: column; word-break: keep-all; }}
  .badge {{ align-self: flex-start; background: #fff3bf; color: #5c3c00; font-size: 30px; font-weight: 700;
           padding: 6px 20px; border-radius: 12px; }}
  h1 {{ font-size: 80px; line-height: 1.25; margin: 40px 0 0; font-weight: 700; text-wrap: balance; }}
  .topics {{ margin-top: auto; display: flex; flex-wrap: wrap; gap: 14px; }}
  .topics span {{ border: 3px solid #ffffffb3; border-radius: 40px; padding: 6px 24px; font-size: 32px;
                  font-weight: 700; }}
</style><body>
  <div class="badge">비공식 안내서</div>
  <h1>{title}</h1>
  <div class="topics">{topics}</div>
</body></html>"""


def card_html(guide: dict) -> str:
    w, h = SHARE_IMAGE_SIZE
    topics = "".join(f"<span>{escape(t['title'])}</span>" for t in guide["topics"])
    return PAGE.format(w=w, h=h, title=escape(guide["meta"]["site_title"]), topics=topics)


def main() -> None:
    guide = yaml.safe_load((ROOT / "docs" / "data" / "guide.yml").read_text(encoding="utf-8"))
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
