"""Draw the app icons (docs/images/icons/): the favicon as SVG, and the PNGs the web app manifest and
iPhones use: 192 and 512 px on a rounded tile ("any"), the same sizes full-bleed for masking ("maskable": the
bag and tick sit inside the middle 80 %, the part every launcher keeps), and 180 px for the iPhone home
screen (which rounds the corners itself). Chromium draws the SVG; no text, so no font is needed.
Run `make icons` after changing the drawing, and commit the files: the build only ships them."""

from __future__ import annotations

from playwright.sync_api import sync_playwright

from guidedev.support import ROOT, launch_chromium

OUT = ROOT / "docs" / "images" / "icons"
NAVY, WHITE, ORANGE = "#1f3a5f", "#ffffff", "#b34700"  # docs/stylesheets/extra.css: primary and accent
# A shopping bag with a tick: the order that got sorted out. Drawn on a 512 grid.
GLYPH = f"""
<path d="M204 236V170a52 52 0 0 1 104 0v66" fill="none" stroke="{WHITE}" stroke-width="22"/>
<path d="M140 196h232a20 20 0 0 1 20 18l14 170a20 20 0 0 1-20 22H126a20 20 0 0 1-20-22l14-170a20 20 0 0 1 20-18z"
  fill="{WHITE}"/>
<circle cx="204" cy="240" r="13" fill="{NAVY}"/><circle cx="308" cy="240" r="13" fill="{NAVY}"/>
<path d="M198 318l42 42 76-86" fill="none" stroke="{ORANGE}" stroke-width="30" stroke-linecap="round"
  stroke-linejoin="round"/>"""


def svg(rounded: bool) -> str:
    tile = f'<rect width="512" height="512" rx="{112 if rounded else 0}" fill="{NAVY}"/>'
    # Full-bleed tiles are masked to a circle as small as 80 % of the side: the drawing shrinks to fit it.
    glyph = GLYPH if rounded else f'<g transform="translate(256 256) scale(0.9) translate(-256 -256)">{GLYPH}</g>'
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">{tile}{glyph}</svg>\n'


PNGS = {
    "icon-192.png": (192, True),
    "icon-512.png": (512, True),
    "maskable-192.png": (192, False),
    "maskable-512.png": (512, False),
    "apple-touch-icon.png": (180, False),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "favicon.svg").write_text(svg(rounded=True), encoding="utf-8")
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for name, (size, rounded) in PNGS.items():
            page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
            body = svg(rounded).replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(f"<html><body style='margin:0;background:transparent'>{body}</body></html>")
            page.screenshot(path=str(OUT / name), omit_background=True)
            page.close()
        browser.close()
    for f in sorted(OUT.iterdir()):
        print(f"{f.relative_to(ROOT)} ({f.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
