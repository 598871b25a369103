"""Every built page tells search engines and chat apps what it is: a Korean description, Open Graph and
Twitter card tags (ko_KR), and — only when site_url is set — a canonical link, og:url and an absolute
og:image that exists; robots.txt and the sitemap follow the same rule."""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guidedev.support import ROOT, build_site, site_pages
from guidekit.seo import SHARE_IMAGE, SHARE_IMAGE_SIZE

pytestmark = pytest.mark.reads_guide

SITE_URL = "https://example.github.io/kakao-shopping-guide/"
HANGUL = re.compile("[가-힣]")
ALWAYS = [
    "og:type",
    "og:locale",
    "og:site_name",
    "og:title",
    "og:description",
    "twitter:card",
    "twitter:title",
    "twitter:description",
]
ABSOLUTE_ONLY = ["og:url", "og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:image"]


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content") or "")
        if tag == "link" and a.get("rel"):
            self.links.setdefault(a["rel"], []).append(a.get("href") or "")


def head_of(site: Path, path: str) -> _Head:
    parser = _Head()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    dest = tmp_path_factory.mktemp("site-url")
    result = build_site(dest, extra_env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    return dest


def test_every_page_has_a_korean_description_and_share_tags(built_site):
    site, _ = built_site
    problems = []
    for path in site_pages(site):
        head = head_of(site, path)
        for name in ["description", *ALWAYS]:
            values = head.meta.get(name, [])
            if len(values) != 1 or not values[0].strip():
                problems.append(f"/{path}: {name} = {values}")
        if not HANGUL.search((head.meta.get("description") or [""])[0]):
            problems.append(f"/{path}: description is not Korean")
        if head.meta.get("og:locale") != ["ko_KR"]:
            problems.append(f"/{path}: og:locale {head.meta.get('og:locale')}")
    assert not problems, "\n".join(problems)


def test_front_matter_description_is_used(built_site):
    site, _ = built_site
    front = re.search(r"^description: (.+)$", (ROOT / "docs/index.md").read_text(encoding="utf-8"), re.M).group(1)
    assert head_of(site, "").meta["description"] == [front.strip()]
    assert head_of(site, "").meta["og:description"] == [front.strip()]


def test_without_site_url_no_absolute_url_is_invented(built_site):
    site, _ = built_site
    for path in site_pages(site):
        head = head_of(site, path)
        assert "canonical" not in head.links, path
        assert not [n for n in ABSOLUTE_ONLY if n in head.meta], path
        assert head.meta["twitter:card"] == ["summary"], path
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\nAllow: /") and "Sitemap:" not in robots


def test_with_site_url_every_page_is_canonical_with_an_image(site_with_url):
    site = site_with_url
    pages = site_pages(site)
    for path in pages:
        head = head_of(site, path)
        assert head.links.get("canonical") == [SITE_URL + path], path
        assert head.meta["og:url"] == [SITE_URL + path], path
        assert head.meta["og:image"] == [SITE_URL + SHARE_IMAGE], path
        assert head.meta["twitter:card"] == ["summary_large_image"], path
        assert head.meta["og:image:width"] == [str(SHARE_IMAGE_SIZE[0])], path
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sorted(re.findall(r"<loc>([^<]+)</loc>", sitemap)) == sorted(SITE_URL + p for p in pages)


def test_share_image_is_a_1200_by_630_png_in_the_site(built_site):
    site, _ = built_site
    data = (site / SHARE_IMAGE).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == SHARE_IMAGE_SIZE
    assert len(data) < 300_000, "keep the preview image small for chat apps"
