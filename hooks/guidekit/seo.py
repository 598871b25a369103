"""What search engines and chat apps read about a page: its description (front matter, else the data
file's `meta.description`), the title and image a KakaoTalk link preview shows (Open Graph and Twitter
card values), and `robots.txt`. Absolute URLs need `site_url`; when it is empty the canonical link,
`og:url`, `og:image` and the sitemap line are left out rather than pointing at a wrong host."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SHARE_IMAGE = "images/share-card.png"
SHARE_IMAGE_SIZE = (1200, 630)
LOCALE = "ko_KR"


@dataclass(frozen=True)
class Share:
    title: str
    description: str
    site_name: str
    url: str | None
    image: str | None
    image_alt: str
    locale: str = LOCALE
    image_width: int = SHARE_IMAGE_SIZE[0]
    image_height: int = SHARE_IMAGE_SIZE[1]

    @property
    def card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def base_url(site_url: str | None) -> str:
    """`site_url` with exactly one trailing slash, or '' when it is not set."""
    site_url = (site_url or "").strip()
    return site_url.rstrip("/") + "/" if site_url else ""


def page_description(front_matter: Mapping[str, Any] | None, default: str) -> str:
    """The page's own `description`, else the guide's (`default`); one line, no surrounding blanks."""
    text = (front_matter or {}).get("description") or default
    return " ".join(str(text).split())


def share_for(
    *,
    page_title: str | None,
    is_home: bool,
    page_url: str,
    description: str,
    site_name: str,
    site_url: str | None,
    short_title: str | None = None,
) -> Share:
    """The Open Graph / Twitter values of one page. `page_url` is the page's URL relative to the site
    root, as MkDocs gives it ('' for home, 'payment/')."""
    root = base_url(site_url)
    title = site_name if is_home or not page_title else f"{page_title} - {site_name}"
    return Share(
        title=title,
        description=description,
        site_name=site_name,
        url=root + page_url if root else None,
        image=root + SHARE_IMAGE if root else None,
        image_alt=f"{short_title or site_name} — {site_name}",
    )


def robots_txt(site_url: str | None) -> str:
    """Every page may be crawled; the sitemap is named when its absolute address is known."""
    lines = ["User-agent: *", "Allow: /"]
    root = base_url(site_url)
    if root:
        lines += ["", f"Sitemap: {root}sitemap.xml"]
    return "\n".join(lines) + "\n"
