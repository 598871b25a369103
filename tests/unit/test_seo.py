"""The page description, link-preview values and robots.txt, with and without site_url."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidekit.seo import LOCALE, SHARE_IMAGE, base_url, page_description, robots_txt, share_for

META = {"description": "데이터 파일의 설명이에요.", "short_title": "짧은 제목"}


def test_front_matter_description_wins_over_the_data_file():
    assert page_description({"description": "이 페이지 설명이에요."}, META["description"]) == "이 페이지 설명이에요."


def test_data_file_description_when_the_page_has_none():
    assert page_description({}, META["description"]) == META["description"]
    assert page_description(None, META["description"]) == META["description"]
    assert page_description({"description": ""}, META["description"]) == META["description"]


def test_description_is_one_line():
    assert page_description({"description": "  두 줄\n  설명이에요.  "}, META["description"]) == "두 줄 설명이에요."


@given(st.sampled_from(["https://x.github.io/guide", "https://x.github.io/guide/", " https://x.github.io/guide// "]))
def test_base_url_has_one_trailing_slash(url):
    assert base_url(url) == "https://x.github.io/guide/"


def test_empty_site_url_gives_no_absolute_urls():
    share = share_for(
        page_title="결제 오류", is_home=False, page_url="payment/", description="설명", site_name="사이트", site_url=""
    )
    assert share.url is None and share.image is None
    assert share.card == "summary"
    assert share.title == "결제 오류 - 사이트"
    assert share.locale == LOCALE == "ko_KR"


def test_site_url_gives_absolute_page_and_image_urls():
    share = share_for(
        page_title="결제 오류",
        is_home=False,
        page_url="payment/",
        description="설명",
        site_name="사이트",
        site_url="https://x.github.io/guide",
        short_title="짧은 제목",
    )
    assert share.url == "https://x.github.io/guide/payment/"
    assert share.image == "https://x.github.io/guide/" + SHARE_IMAGE
    assert share.card == "summary_large_image"
    assert "짧은 제목" in share.image_alt


def test_home_is_titled_by_the_site_name_alone():
    share = share_for(
        page_title="무슨 문제인가요?",
        is_home=True,
        page_url="",
        description="설명",
        site_name="사이트",
        site_url="https://x.github.io/",
    )
    assert share.title == "사이트" and share.url == "https://x.github.io/"


def test_robots_names_the_sitemap_only_with_a_site_url():
    assert robots_txt("") == "User-agent: *\nAllow: /\n"
    assert "Sitemap: https://x.github.io/guide/sitemap.xml" in robots_txt("https://x.github.io/guide")
    assert "Disallow: /\n" not in robots_txt("https://x.github.io/guide")
