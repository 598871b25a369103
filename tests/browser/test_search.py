"""Search as a reader uses it: queries typed key by key into Material's search box at phone width must
bring the answer into the first four visible result entries. Also the query normalisation itself
(ko-search.js, run in the browser) and that the Korean pieces stay out of sight."""

from __future__ import annotations

import pytest

from guidedev.searchprobe import DEV_QUERIES, EXTRA_QUERIES, SearchBox, load_queries
from guidedev.support import load_project_guide
from guidekit.search_ko import bigrams

pytestmark = pytest.mark.browser

GUIDE = load_project_guide()
DEV = load_queries(DEV_QUERIES, GUIDE)
EXTRA = load_queries(EXTRA_QUERIES, GUIDE)
WORKER_JS = "assets/javascripts/workers/ko-search.js"


@pytest.fixture(scope="module")
def phone_search(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="ko-KR", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    box = SearchBox(page, site_url)
    box.requests = requests
    yield box
    context.close()


@pytest.fixture(scope="module")
def ko(browser, site_url):
    """ko-search.js loaded into a plain page: the same file the worker runs, minus the worker part."""
    page = browser.new_page()
    page.goto(site_url + "404.html")
    page.add_script_tag(url=site_url + WORKER_JS)
    yield page.evaluate
    page.close()


def test_dev_and_extra_queries_are_distinct_and_enough():
    assert len(DEV) >= 25 and len(EXTRA) >= 15
    assert not {q.q for q in DEV} & {q.q for q in EXTRA}


@pytest.mark.parametrize("query", DEV + EXTRA, ids=[q.q for q in DEV + EXTRA])
def test_query_brings_the_answer_into_the_first_four_entries(phone_search, query):
    entries, _ = phone_search.search(query.q)
    shown = "\n".join(f"  {i + 1}. {e['text'][:90]}" for i, e in enumerate(entries[:4])) or "  (nothing)"
    assert query.answered_by(entries), f"'{query.q}' needs {query.any} in one of:\n{shown}"


def test_search_runs_through_the_korean_worker_and_hides_fragment_terms(phone_search):
    assert any(u.split("?")[0].endswith(WORKER_JS) for u in phone_search.requests)
    phone_search.search("환불받으려면")
    page = phone_search.page
    assert page.locator(".md-search-result__link").count() > 0
    # Material would list the unmatched bigram "불받" as a missing term; it means nothing to a reader.
    terms = page.locator(".md-search-result__terms")
    assert all(not terms.nth(i).is_visible() for i in range(terms.count()))


def test_pasted_text_is_searched_without_any_key(phone_search):
    page = phone_search.page
    page.locator("input.md-search__input").fill("")
    phone_search.settle()
    page.locator("input.md-search__input").focus()
    page.keyboard.insert_text("가송장")  # like a paste from the long-press menu: an input event, no keyup
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0", timeout=5000)
    assert "송장" in page.locator(".md-search-result__list").inner_text()


def test_the_first_entry_of_the_answer_shows_the_answer_not_just_a_title(phone_search):
    entries, _ = phone_search.search("반품 배송비")
    answer = next(e for e in entries[:4] if "배송비" in e["text"])
    assert len(answer["text"]) > 40


@pytest.mark.parametrize(
    "typed, sent",
    [
        ("환불받으려면", "환불 불받^1"),
        ("중복결제", "중복 복결^1 결제^1"),
        ("중복 결제", "중복 결제"),
        ("쿠폰이 사라졌어요", "쿠폰 사라 라졌^1"),
        ("돈이 두 번 빠져나갔어요", "돈이 빠져 져나^1 나갔^1"),
        ("문의", "문의"),
        ("환", "환"),
        ("FAQ", "faq"),
        ("1372에 전화", "1372 전화"),
        ("09:00", "09 00"),
        ('"상담원 연결"', "상담 담원^1 연결"),
    ],
)
def test_query_normalisation(ko, typed, sent):
    assert ko(f"koSearch.normalise({typed!r})") == sent


def test_js_and_python_cut_words_the_same_way(ko):
    words = {w for q in GUIDE.faq for w in q.question.split()}
    for word in sorted(words):
        assert ko(f"koSearch.bigrams({word!r})") == bigrams(word)


def test_results_sent_back_to_the_page_carry_no_bigram_fields(browser, site_url):
    page = browser.new_page()
    page.add_init_script("""(() => { const post = Worker.prototype.postMessage; window.__result = null;
      Worker.prototype.postMessage = function (m) {
        if (m && m.type === 2)
          this.addEventListener('message', ev => { if (ev.data.type === 3) window.__result = ev.data.data })
        return post.apply(this, arguments) } })()""")
    SearchBox(page, site_url).search("환불")
    docs = page.evaluate("window.__result.items.flat().flatMap(d => [d, d.parent || {}])")
    page.close()
    assert docs and not any("ko" in d or "kt" in d for d in docs)
