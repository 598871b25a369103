"""Search as a reader uses it: queries typed key by key into Material's search box at phone width must
bring the answer into the first four visible result entries, and none may end on an empty list; Enter must
open the section each query names (`lands`). Also the Korean reading of words itself (ko-search.js, run in
the browser over the real index), what shows when nothing matches, what Enter opens, and that the index
waits until search opens."""

from __future__ import annotations

import pytest

from guidedev.pagepool import PHONE
from guidedev.searchprobe import (
    DEV2_QUERIES,
    DEV_QUERIES,
    EXTRA_QUERIES,
    INPUT,
    QUERY_SETS,
    SearchBox,
    load_queries,
    location_of,
)
from guidedev.support import NO_WORKER, load_project_guide

pytestmark = pytest.mark.browser

GUIDE = load_project_guide()
DEV = load_queries(DEV_QUERIES, GUIDE)
DEV2 = load_queries(DEV2_QUERIES, GUIDE)
EXTRA = load_queries(EXTRA_QUERIES, GUIDE)
ALL = DEV + DEV2 + EXTRA
# Every query that names where Enter lands: the four sets (dev-3 too), by set.
LANDING = [(name, query) for name, path in QUERY_SETS.items() for query in load_queries(path, GUIDE)]
NO_MATCH = "article[data-md-score='-1.00']"
WORKER_JS = "assets/javascripts/workers/ko-search.js"


@pytest.fixture(scope="module")
def phone_search(browser, site_url):
    context = browser.new_context(**NO_WORKER, **PHONE)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    box = SearchBox(page, site_url, key_delay=0.02)  # the list is read once settled, at any pace
    box.requests = requests
    yield box
    context.close()


@pytest.fixture(scope="module")
def ko(browser, site_url):
    """ko-search.js loaded into a plain page: the same file the worker runs, minus the worker part, set up
    with the site's real search index as the worker is when search opens."""
    page = browser.new_page()
    page.goto(site_url + "404.html")
    page.add_script_tag(url=site_url + WORKER_JS)
    page.evaluate("async url => koSearch.setup(await (await fetch(url)).json())", site_url + "search/search_index.json")
    yield page.evaluate
    page.close()


def test_query_sets_are_distinct_and_enough():
    assert len(DEV) >= 25 and len(DEV2) >= 20 and len(EXTRA) >= 15
    assert len({q.q for q in ALL}) == len(ALL)


@pytest.mark.parametrize("query", ALL, ids=[q.q for q in ALL])
def test_query_brings_the_answer_into_the_first_four_entries(phone_search, query):
    entries, _ = phone_search.search(query.q)
    shown = "\n".join(f"  {i + 1}. {e['text'][:90]}" for i, e in enumerate(entries[:4])) or "  (nothing)"
    assert query.answered_by(entries), f"'{query.q}' needs {query.any} in one of:\n{shown}"
    # An answer first: the ways on may follow a weak result, never stand in for one.
    top = phone_search.page.locator(".md-search-result__list > li:first-child article").first
    assert top.get_attribute("data-md-score") != "-1.00", f"'{query.q}' matched nothing"


@pytest.mark.parametrize("n", range(len(LANDING)), ids=[f"{name}:{query.q}" for name, query in LANDING])
def test_enter_opens_the_section_the_query_names(phone_search, site_url, n):
    """The first entry (the one Enter opens, by ko-search-input.js's rule) is a place the query names, and
    Enter sets off there. The page is kept (SearchBox.press_enter): a landing is a URL, and each query on a
    page of its own would load the page and its search index again. A real Enter that loads its page is
    test_enter_opens_the_first_result_shown."""
    name, query = LANDING[n]
    entries, _ = phone_search.search(query.q)
    first = phone_search.enter_href()
    no_match = phone_search.page.locator(NO_MATCH).first.is_visible()
    went = phone_search.press_enter()
    shown = "\n".join(
        f"  {i + 1}. {location_of(e['href'], site_url) or '(home)'}  {e['text'][:70]}"
        for i, e in enumerate(entries[:4])
    )
    expected = " or ".join(repr(loc) for loc in query.lands)
    first_at = location_of(first, site_url) if first else None
    assert first_at in query.lands, f"{name}: '{query.q}' shows {first_at!r} first, expected {expected}:\n{shown}"
    assert went and location_of(went, site_url) == first_at, f"'{query.q}': Enter went to {went}, not {first}"
    if query.fallback:
        assert no_match, f"'{query.q}' matched nothing, but the list of problems is not shown:\n{shown}"


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
    phone_search.reopen()  # a landing test's Enter closed it
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
        # A word's pieces share one weight; only the first keeps Material's prefix wildcard.
        ("중복결제", "중복*^2 복결^2 결제^2"),
        ("중복 결제", "중복*^6 결제*^6"),
        ("쿠폰이 사라졌어요", "쿠폰*^6 사라*^1 라졌^1 졌어^1 라지^1"),  # the site has 사라졌어요 too
        ("문의", "문의*^6"),
        ("환", "환"),
        ("FAQ", "faq*^6"),
        ("1372에 전화", "1372*^6 전화*^6"),
        ("09:00", "09*^6 00*^6"),
        ('"상담원 연결"', "상담*^3 담원^3 연결*^6"),
        # Conjugated, contracted and nominal forms meet on the stem the site uses.
        ("깨졌어요", "깨지^6"),
        ("깨짐", "깨지^6"),
        ("부서졌어요", "부서*^1 서졌^1 졌어^1 서지^1"),  # stem, and the form as the site writes it
        ("망가져서", "망가^3 가지^3"),
        # First consonants become the site's words; a one-jamo slip its nearest word.
        ("ㅂㅍ", "반품*^6"),
        ("반폼", "반품*^3"),  # a slip weighs half
        ("중복겔제", "중복*^1 복결^1 결제^1"),
    ],
)
def test_query_normalisation(ko, typed, sent):
    assert ko(f"koSearch.normalise({typed!r})") == sent


@pytest.mark.parametrize(
    "form, stem",
    [
        ("받았어요", "받"),  # -았- past
        ("깨져서", "깨지"),  # ㅣ + 어 -> ㅕ
        ("줘요", None),  # 주다 is too common to mean anything alone
        ("안받아줘요", "받"),  # 안 glued, helper 주다 after -아
        ("보여요", "보이"),
        ("몰라요", "모르"),  # 르 irregular
        ("써요", "쓰"),  # ㅡ dropped
        ("도와요", "돕"),  # ㅂ irregular
        ("어려워요", "어렵"),
        ("걸어요", "걷"),  # ㄷ irregular
        ("나았어요", "낫"),  # ㅅ irregular
        ("그래요", "그렇"),  # ㅎ irregular
        ("잃어버림", "잃"),  # -ㅁ nominal, helper 버리다
        ("받음", "받"),  # -음 nominal
        ("받기", "받"),  # -기 nominal
        ("교환돼요", "교환"),  # 되다 verb -> its noun
        ("취소하고싶어", "취소"),
        ("갑니다", "가"),
    ],
)
def test_conjugated_forms_lead_to_their_stem(ko, form, stem):
    stems = ko(f"koSearch.verbStems({form!r})")
    assert stem in stems if stem else stems == [], stems


def test_sections_are_cut_into_pieces_of_words_and_stems(ko):
    grams = ko("koSearch.analyse(['중복 결제', '반품배송비를', '깨져서 왔어요'], null).split(' ')")
    assert grams == list(dict.fromkeys(grams))  # each piece once
    assert {"중복", "결제", "송비", "깨지"} <= set(grams)  # infix of a compound, stem of a form
    assert "복결" not in grams  # not read across a space: "중복결제" typed still meets 중복 and 결제
    assert ko("koSearch.plain('<p>주문 &amp; <strong>취소</strong></p>')").split() == ["주문", "&", "취소"]


def test_synonyms_ignore_spacing_and_bring_the_whole_group(ko):
    groups = [["중복 결제", "이중결제"], ["가송장", "허위송장"]]
    assert ko(f"koSearch.synonymsFor('카드가 중복결제 됐어요', {groups})") == ["중복 결제", "이중결제"]
    assert ko(f"koSearch.synonymsFor('송장 번호', {groups})") == []
    # prepared once per index (the spacing-free words made up front): the same answers
    prepared = f"koSearch.prepareSynonyms({groups})"
    assert ko(f"koSearch.synonymsFor('카드가 중복결제 됐어요', {prepared})") == ["중복 결제", "이중결제"]
    assert ko(f"koSearch.synonymsFor('송장 번호', {prepared})") == []


def test_first_consonants_and_slips_need_a_common_word(ko):
    assert ko("koSearch.normalise('ㅅㅈㅂㅎ')").startswith("송장*")  # 송장 번호, written apart
    assert ko("koSearch.corrected('뷁뷁')") is None  # nothing one jamo away: the word is kept as typed


def test_no_match_offers_the_ways_on_inside_the_result_list(phone_search):
    entries, _ = phone_search.search("쀍뛟")
    page = phone_search.page
    texts = [e["text"] for e in entries]
    assert "짧게" in texts[0] and "반품 기한" in texts[0], texts[0]  # how to search, first
    assert all(any(t.title in x for x in texts) for t in GUIDE.topics)  # every problem page
    assert any(e["href"].split("?")[0].endswith("/faq/") for e in entries)
    # Material's "N개 일치" would be wrong here; its count line gives way to the first entry.
    assert not page.locator(".md-search-result__meta").is_visible()
    assert page.locator(".md-search-result__list").is_visible()
    # A real match shows the count again.
    phone_search.search("반품")
    assert page.locator(".md-search-result__meta").is_visible()


def test_enter_opens_the_first_result_shown(browser, site_url):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    box = SearchBox(page, site_url)
    box.search(str(GUIDE.facts["phone_1372"].value))  # a query that finds pages, whatever the number is
    links = page.locator(".md-search-result__list > li").first.locator(":scope > a")
    # The page's own heading is passed over for its first section when it has no text of its own.
    bare = links.count() > 1 and links.first.locator("article > :not(h1):not(.md-search-result__icon)").count() == 0
    expected = links.nth(1 if bare else 0).get_attribute("href")
    page.locator(INPUT).press("Enter")
    page.wait_for_url(expected)
    page.close()


def test_the_index_waits_until_search_opens(browser, site_url):
    page = browser.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if "search_index.json" in r.url else None)
    page.goto(site_url, wait_until="networkidle")  # no request for half a second: the page has settled
    assert fetched == [], "the search index was downloaded before anyone opened search"
    with page.expect_request("**/search/search_index.json"):
        page.click(INPUT)
    page.close()


def test_results_sent_back_to_the_page_are_the_best_and_carry_no_bigram_fields(browser, site_url):
    page = browser.new_page()
    page.add_init_script("""(() => { const post = Worker.prototype.postMessage; window.__result = null;
      Worker.prototype.postMessage = function (m) {
        if (m && m.type === 2)
          this.addEventListener('message', ev => { if (ev.data.type === 3) window.__result = ev.data.data })
        return post.apply(this, arguments) } })()""")
    # A long everyday question touches nearly every section through 주문, 결제, 안 …
    SearchBox(page, site_url).search("결제했는데 주문이 안 보여요")
    groups = page.evaluate("window.__result.items")
    docs = [d for group in groups for d in group]
    page.close()
    assert docs and not any(key in d for d in docs for key in ("ko", "kt", "ka"))
    # Only the best 40 sections come back (plus each page's own entry, which Material adds to its group).
    assert len([d for d in docs if d["score"] > 0]) <= 40


# A query asking for a value (the data file's search.questions), and the fact whose value the first entry's
# snippet must show.
VALUE_QUERIES = [
    ("상담원 몇시까지 해요", "agent_hours"),
    ("반품 며칠까지", "withdrawal_days"),
    ("주문 번호 어딨어요", "route_orders_official"),
]


@pytest.mark.parametrize("typed, fact", VALUE_QUERIES, ids=[q for q, _ in VALUE_QUERIES])
def test_the_first_entry_shows_the_value_asked_for_whole_at_phone_width(phone_search, typed, fact):
    """The snippet of the entry Enter opens states the value (marked), and at 390 px no part of it is cut off:
    the mark lies inside its entry and inside the screen."""
    phone_search.reopen()
    phone_search.search(typed)
    value = GUIDE.facts[fact].as_text()
    box = phone_search.page.evaluate(
        """value => {
          const flat = s => s.replace(/\\s+/g, '')
          const first = document.querySelector('.md-search-result__list > li:first-child')
          const links = [...first.querySelectorAll(':scope > a')]
          const entry = links.find(a => a.querySelector('article > :not(h1):not(.md-search-result__icon)')) || links[0]
          const mark = [...entry.querySelectorAll('mark')].find(m => flat(m.textContent) === flat(value))
          if (!mark) return {text: entry.innerText}
          const r = mark.getBoundingClientRect(), a = entry.querySelector('article').getBoundingClientRect()
          return {left: r.left, right: r.right, aLeft: a.left, aRight: a.right, width: innerWidth, lines: mark.getClientRects().length}
        }""",
        value,
    )
    assert "left" in box, f"'{typed}': the first entry does not mark {value!r}:\n{box.get('text', '')[:300]}"
    assert box["aLeft"] - 0.5 <= box["left"] and box["right"] <= box["aRight"] + 0.5, box
    assert box["left"] >= 0 and box["right"] <= box["width"], box
