"""Hostile text pasted into the data file shows as text and never runs: no dialog, no console error,
no request for an injected image, on any page of a site built from it."""

from __future__ import annotations

import pytest

from guidedev.support import SiteServer, build_site, copy_project, site_pages

pytestmark = pytest.mark.browser

PAYLOADS = {
    "    value: 주말·공휴일 휴무\n": "    value: \"주말<script>alert('fact')</script>\"\n",
    "    label: 쇼핑포인트를 함께 쓰는 곳\n": "    label: \"<img src=x onerror=alert('label')>\"\n",
    "    title: 판매자에게 직접\n": "    title: \"<svg onload=alert('title')>\"\n",
    "    blurb: 취소, 반품, 교환을 하고 싶거나 환불이 카드에 안 보여요.\n": "    blurb: \"<script>alert('blurb')</script> **굵게**\"\n",
    "    claim: 포장을 뜯었으니 반품은 안 돼요.\n": "    claim: \"<script>alert('claim')</script>\"\n",
    "    answer: 보내지 마세요.": "    answer: <img src=/injected.png onerror=alert('answer')> 보내지 마세요.",
    "    label: 상담원과 이야기하기\n": "    label: \"<svg onload=alert('next')>\"\n",
    "      - 상담원이 약속한 취소 날짜는 화면을 캡처해 둬요.\n": "      - \"<img src=/injected.png onerror=alert('step')> 캡처해 둬요\"\n",
    "    cancel: 취소할 수 없어요.\n": "    cancel: \"<a href=javascript:alert('status')>눌러 보세요</a>\"\n",
    "  description: ": "  description: \"\\\"><script>alert('meta')</script> ",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "p")
    data = project / "docs/data/guide.yml"
    text = data.read_text(encoding="utf-8")
    for old, new in PAYLOADS.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    if text.count('description: "\\"><script>') == 1:
        text = text.replace("안내서예요.\n", '안내서예요."\n', 1)
    data.write_text(text, encoding="utf-8")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    with SiteServer(site) as server:
        yield site, server.url


def test_injected_markup_never_runs(hostile_site, browser):
    site, url = hostile_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    dialogs, errors, injected_requests = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: ("injected" in r.url or r.url.endswith("/x")) and injected_requests.append(r.url))
    shown = ""
    for path in site_pages(site):
        page.goto(url + path, wait_until="networkidle")
        for link in page.locator("a[href^='javascript:']").all():
            errors.append(f"{path}: a javascript: link was rendered: {link.inner_text()}")
        shown += page.locator("body").inner_text()
    context.close()
    assert not dialogs, dialogs
    assert not errors, errors
    assert not injected_requests, injected_requests
    # the text is there, as text
    assert "<script>alert('fact')</script>" in shown
    assert "<img src=/injected.png onerror=alert('step')>" in shown
