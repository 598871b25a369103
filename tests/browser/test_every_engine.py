"""A reader's journeys written once and run in every engine a Korean phone may use: Chromium (Android's
browsers and in-app views), WebKit (every browser on an iPhone, KakaoTalk's in-app one included) and Gecko
(Firefox on Android, and on a desktop), through guidedev.tabs. The run ends with a table of journeys ×
engines (tests/conftest.py).

Most journeys run as an in-app browser may: with no service worker at all. There every page, search, the
checklists, the typed details and the messages must work, the guide must not claim to work offline, and
nothing may reach the console (the host puts a recorder at the top of each page, `watch=True`). The offline
copy's own journeys run with the worker.

The deeper checks in the other modules run in Chromium alone, each for what only Playwright's Chromium gives
and WebDriver does not: a fixed clock for the deadline tables (test_checklists_browser, test_my_case_browser),
answers rewritten on their way (routes: pinned holidays, stock stylesheets in test_pruned_css), print media
and PDFs (checklists, 내 사건, test_csp), the DevTools protocol (installability and the network in
test_offline, typing through an input method in test_search), and axe-core over every page (test_a11y)."""

from __future__ import annotations

import re

import pytest

from guidedev import hand_checked as hand
from guidedev import webaudit
from guidedev.civil_dates import for_fact, site_holidays
from guidedev.pdfs import a4_sheets, pdf_text
from guidedev.searchprobe import DEV_QUERIES, ENTER_JS, EXTRA_QUERIES, load_queries
from guidedev.support import load_project_guide, site_pages
from guidedev.tabs import WEBKIT
from guidedev.webaudit import Host
from guidekit.checklists import storage_key
from guidekit.shared_constants import DEADLINES
from guidekit.urls import checklist_page

pytestmark = pytest.mark.browser

GUIDE = load_project_guide()
LABEL = {d.id: d.label for d in GUIDE.details}
ORDER = "20261126-77001"
NO_PRINT = "WebKitGTK 2.50's WebDriver has no Print Page command (it answers `unknown command`) and no print media"
NO_WORKER_CLAIM = "인터넷 없이도 볼 수 있어요"
# The shared waiting script (webaudit), as a function body for a Tab.
COPY_READY = f"return await ({webaudit.COPY_READY})()"


WORKERS_JS = """const r = await navigator.serviceWorker.getRegistration();
return r && {installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state, active: r.active && r.active.state}"""


def checklist_url(host: Host, checklist_id: str) -> str:
    return host.url + checklist_page(checklist_id).removesuffix(".md") + "/"


def field(label: str) -> str:
    """A detail's text field on a checklist, by the label the data file gives it."""
    return f'input.blank__field[data-blank="{label}"]'


@pytest.fixture(scope="module")
def host(built_site):
    """The built site as a host serves it, each page with the console recorder."""
    with Host(built_site[0], watch=True) as served:
        yield served


@pytest.fixture
def quiet(tab):
    """The tab, and after the test: nothing reached its console."""
    yield tab
    problems = tab.problems()
    assert not problems, f"{tab.engine}: reached the console:\n" + "\n".join(problems)


def tap_text(tab, within: str, text: str) -> None:
    """Taps the link or button inside `within` whose text is `text`."""
    found = tab.js(
        """const el = [...document.querySelectorAll(arguments[0] + ' a, ' + arguments[0] + ' button')]
             .find(e => e.innerText.trim() === arguments[1]);
           if (el) el.setAttribute('data-test-target', ''); return !!el""",
        within,
        text,
    )
    assert found, f"no link or button {text!r} in {within}"
    tab.tap("[data-test-target]")
    tab.js("document.querySelector('[data-test-target]')?.removeAttribute('data-test-target')")


# ── home → answer ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.journey("home card → its answer")
def test_a_problem_card_on_home_opens_its_answer_below_the_sticky_header(quiet, host):
    tab = quiet
    for scenario in GUIDE.scenarios:
        tab.goto(host.url)
        tap_text(tab, ".problem-cards", scenario.title)
        anchor = scenario.link.split("#")[1]
        # Loaded whole before the next card: leaving a page while its modules load, Firefox reports each
        # load it drops as the script's error.
        tab.wait(
            "return location.hash === '#' + arguments[0] && document.readyState === 'complete'",
            anchor,
            what=f"#{anchor}, loaded",
        )
        # Not hidden under the header that stays on top, and on the first screen with its answer (once the
        # page has jumped to it).
        placed = """const header = document.querySelector('.md-header').getBoundingClientRect();
          const top = document.getElementById(arguments[0]).getBoundingClientRect().top;
          return header.top === 0 && top >= header.bottom - 1 && top < 200"""
        tab.wait(placed, anchor, timeout=5, what=f"#{anchor} below the header at the top of the screen")
        answer = tab.box(f'.scenario[data-scenario="{scenario.id}"] .scenario__answer')
        assert answer["y"] < 844, scenario.id
        labels = tab.texts(f'.scenario[data-scenario="{scenario.id}"] h3.scenario__label')
        assert labels == ["준비할 것", "이렇게 해요", "얼마나 걸려요 · 언제까지", "안 되면"], scenario.id


# ── search ─────────────────────────────────────────────────────────────────────────────────────

QUERIES = {q.q: q for q in load_queries(DEV_QUERIES, GUIDE) + load_queries(EXTRA_QUERIES, GUIDE)}
# A conjugated verb, a whole sentence, first consonants only, a word glued together.
SEARCHED = ["깨졌어요", "돈이 두 번 빠져나갔어요", "ㅈㅂㄱㅈ", "송장번호"]


@pytest.mark.journey("search: Korean forms, 초성, Enter")
@pytest.mark.parametrize("typed", SEARCHED)
def test_a_typed_query_finds_its_answer_and_enter_opens_it(quiet, host, typed):
    tab, query = quiet, QUERIES[typed]
    tab.goto(host.url + "delivery/")
    tab.tap("label.md-header__button[for=__search]")
    tab.wait_for("input.md-search__input")
    tab.type("input.md-search__input", typed)
    # What Enter opens, by the page's own rule, once the list shows the answer (earlier lists, for the
    # letters typed so far, may show something else for a moment).
    lands = [host.url + place for place in query.lands]
    first = tab.wait(
        f"const href = ({ENTER_JS})(); return arguments[0].some(l => href && href.replace(/\\?h=[^#]*/, '') === l) && href",
        lands,
        timeout=30,
        what=f"{lands} first for {typed!r}",
    )
    tab.press("Enter")
    # The list may still redraw for the last letter (same answer, another ?h= highlight): the place counts.
    tab.wait(
        "return document.readyState === 'complete' && arguments[0].includes(location.href.replace(/\\?h=[^#]*/, ''))",
        lands,
        what=f"Enter to open {first} (or another of {lands})",
    )
    assert tab.count("article h1") == 1


# ── checklists and typed details ─────────────────────────────────────────────────────────────


@pytest.mark.journey("checklist: ticks, details, reset, reload")
def test_ticks_and_typed_details_survive_a_reload_and_reset_can_be_undone(quiet, host):
    tab = quiet
    cl = GUIDE.find("checklists", "not_received")
    tab.goto(checklist_url(host, cl.id))
    box = f'input.checklist__box[data-item="{cl.items[0].id}"]'
    tab.tap(f'label[for="{tab.js("return document.querySelector(arguments[0]).id", box)}"]')
    tracking = field(LABEL["tracking_number"])
    tab.fill(tracking, "6012-3456-7890")
    tab.reload()
    assert tab.checked(box) and tab.value(tracking) == "6012-3456-7890"
    size = tab.box(box)
    assert size["width"] >= 20 and abs(size["width"] - size["height"]) < 1, f"the box is not a square: {size}"
    tab.tap(".checklist-reset")
    assert not tab.checked(box) and tab.value(tracking) == "6012-3456-7890"
    tab.reload()
    undo = ".checklist-undo"
    assert tab.visible(undo) and not tab.checked(box)
    tab.tap(undo)
    assert tab.checked(box) and not tab.visible(undo)
    assert tab.storage(storage_key("checklist/" + cl.id)) == {"items": {cl.items[0].id: True}}


# ── messages ───────────────────────────────────────────────────────────────────────────────────


@pytest.mark.journey("message: filled, then copied")
def test_a_detail_typed_once_fills_the_message_and_the_copy_holds_it(quiet, host):
    tab = quiet
    tab.goto(checklist_url(host, "prepare"))
    tab.fill(field(LABEL["order_number"]), ORDER)
    tab.goto(host.url + "messages/")
    template = next(t for t in GUIDE.message_templates if f"[{LABEL['order_number']}]" in t.body)
    section = f'.msg-template[data-template="{template.id}"]'
    shown = tab.text(f"{section} pre")
    assert ORDER in shown
    # Typed under a message, a detail reaches every message at once.
    tab.tap('.msg-template[data-template="case_summary"] details.msg-fill summary')
    seller = f'.msg-template[data-template="case_summary"] details.msg-fill input[data-blank="{LABEL["seller_name"]}"]'
    tab.fill(seller, "행복상점")
    assert "행복상점" in tab.text('.msg-template[data-template="kakao_mediation"] pre')
    tab.tap(f"{section} button.msg-copy")
    tab.wait("return document.querySelector(arguments[0]).textContent.length > 0", f"{section} .msg-copy__status")
    assert tab.pasted() == tab.text(f"{section} pre")


# ── the deadline helper ────────────────────────────────────────────────────────────────────────


@pytest.mark.journey("deadline helper: a date field, the holiday rule")
def test_the_date_typed_gives_the_deadline_moved_past_a_holiday(quiet, host):
    tab = quiet
    days = GUIDE.facts["withdrawal_days"]
    holidays = site_holidays(GUIDE.extra_holidays)
    tab.goto(checklist_url(host, "before_return"))
    # An empty field reads as empty: WebKit writes today's date into it, greyed here as a placeholder is.
    colour = "return getComputedStyle(document.querySelector('.deadline-helper__arrival')).color"
    empty = tab.js(colour)
    for arrival in ("2026-12-18", "2026-12-21"):
        tab.fill_date(".deadline-helper__arrival", arrival)
        assert tab.js(colour) != empty, "a given date looks like the empty field"
        expected = for_fact(days, arrival, holidays)
        shown = tab.wait(
            """const t = document.querySelector('dd[data-deadline="withdrawal"] .deadline-date time');
               return t && t.getAttribute('datetime')""",
            what="the withdrawal deadline",
        )
        assert shown == expected.iso, (arrival, shown, expected.iso)
        if expected.says():
            assert tab.text('dd[data-deadline="withdrawal"]').count(expected.iso[:4]) >= 1


# ── 내 사건 ─────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.journey("내 사건: dates → every deadline, copied")
def test_my_case_turns_the_dates_typed_into_every_deadline_in_order_and_copies_them(quiet, host):
    tab = quiet
    holidays = site_holidays(GUIDE.extra_holidays)
    tab.goto(host.url + "my-case/")
    tab.fill(f'.case-details input[data-blank="{LABEL["order_number"]}"]', ORDER)
    for detail, day in hand.CASE_DATES.items():
        tab.fill_date(f'.case-details input[data-blank="{LABEL[detail]}"]', day)
    starts = {**hand.CASE_DATES, "known_date": hand.CASE_DATES["received_date"]}
    expected = {
        kind: for_fact(GUIDE.facts[fact], starts[start], holidays).iso
        for kind, (fact, _unit, start) in DEADLINES.items()
    }
    shown = tab.wait(
        """if (document.querySelector('.case-deadlines').hasAttribute('data-counting')) return null;
           return [...document.querySelectorAll('.case-row[data-deadline]:not([hidden])')]
             .map(row => [row.dataset.deadline, row.querySelector('time').dateTime])""",
        what="the deadlines",
    )
    days = [day for _, day in shown]
    assert days == sorted(days), f"not in time order: {shown}"
    assert {kind: day for kind, day in shown if kind != "today"} == expected
    tap_text(tab, ".case-tools", "사건 요약 복사")
    tab.wait("return document.querySelector('.case-tools__status').textContent.includes('복사')")
    copied = tab.pasted()
    assert ORDER in copied and "제17조" in copied
    for day in expected.values():
        y, m, d = (int(x) for x in day.split("-"))
        assert f"{y}년 {m}월 {d}일" in copied, day


# ── every page without a service worker ─────────────────────────────────────────────────────────


@pytest.mark.journey("every page, no service worker: reads, fits, no offline claim")
def test_every_page_reads_and_fits_and_never_claims_to_work_offline(quiet, host, built_site):
    tab = quiet
    assert tab.js("return 'serviceWorker' in navigator") is False
    for path in site_pages(built_site[0]):
        tab.goto(host.url + path)
        assert tab.count("article h1") == 1, path
        width = tab.js("return [document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1], f"/{path} is wider than the phone: {width}"
        footer = tab.text(".guide-footer")
        assert NO_WORKER_CLAIM not in footer and "인터넷이 있어야" in footer, (path, footer)
        broken = tab.js(KEEP_ALL_JS)
        assert not broken, f"/{path}: Korean words cut across lines: {broken[:5]}"


# Korean words are kept whole at the end of a line (`word-break: keep-all`): between two Hangul syllables with
# no space the line never breaks. Read from where each syllable is drawn, in headings, paragraphs and lists.
KEEP_ALL_JS = """const cut = [];
for (const el of document.querySelectorAll('article h1, article h2, article p, article li, .problem-cards a')) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    let top = null;
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) { top = null; continue; }
      const hangul = /[\\uac00-\\ud7a3]/.test(text[i]) && i > 0 && /[\\uac00-\\ud7a3]/.test(text[i - 1]);
      if (hangul && top !== null && rect.top > top + rect.height / 2) cut.push(text.slice(Math.max(0, i - 4), i + 4));
      top = rect.top;
    }
  }
}
return cut;"""


@pytest.mark.journey("404 page")
def test_an_unknown_address_shows_the_guides_404_page(quiet, host):
    tab = quiet
    tab.goto(host.url + "no-such-page/")
    assert "찾을 수 없어요" in tab.js("return document.title")
    assert tab.count(".problem-cards a") > 0
    tab.tap(".problem-cards a")
    # The 404 page itself is loaded and has a heading: only a new address says the tap went somewhere.
    tab.wait(
        "return !location.pathname.includes('no-such-page') && document.readyState === 'complete'"
        " && !!document.querySelector('article h1')",
        what="the card's page",
    )


# ── printing ───────────────────────────────────────────────────────────────────────────────────


@pytest.mark.journey("print a checklist", not_in={WEBKIT: NO_PRINT})
def test_a_checklist_prints_on_one_a4_sheet_title_first_every_item_whole(quiet, host, tmp_path):
    tab = quiet
    tab.goto(checklist_url(host, "prepare"))
    title, items = tab.text("article h1"), tab.texts(".checklist__label")
    pdf = tmp_path / "prepare.pdf"
    pdf.write_bytes(tab.pdf())
    sheets = a4_sheets(pdf)
    assert sheets == 1, f"{tab.engine}: the checklist prints on {sheets} sheets"
    printed = squeezed(pdf_text(pdf, layout=False))
    # Nothing above the title (the header, its search), and every item whole, in the order on the screen.
    assert printed.startswith(squeezed(title)), f"{tab.engine}: printed first: {printed[:80]}"
    at = 0
    for item in items:
        at = printed.find(squeezed(item), at)
        assert at != -1, f"{tab.engine}: not printed whole, or out of order: {item}"


def squeezed(text: str) -> str:
    """Letters and digits only: PDF text breaks lines where the sheet does, and spaces vary by engine."""
    return re.sub(r"[\W_]+", "", text)


# ── the offline copy ─────────────────────────────────────────────────────────────────────────


@pytest.mark.journey("offline after one visit")
def test_after_one_visit_pages_search_ticks_and_the_helper_work_with_no_network(worker_tab, built_site):
    tab = worker_tab
    with Host(built_site[0]) as server:
        tab.goto(server.url)
        assert len(tab.js(COPY_READY)) == 1
        assert NO_WORKER_CLAIM in tab.text(".guide-footer")
        server.offline = True
        for path in ("payment/", "delivery/", "faq/", "messages/", "checklists/payment-error/"):
            tab.goto(server.url + path)
            assert tab.count("article h1") == 1, f"/{path} did not open offline"
        tab.tap(".checklist__label")
        tab.reload()
        assert tab.js("return document.querySelector('input.checklist__box').checked"), "the tick was lost"
        tab.tap("label.md-header__button[for=__search]")
        tab.type("input.md-search__input", "가송장")
        tab.wait("return document.querySelectorAll('.md-search-result__item').length > 0", timeout=30, what="results")
        tab.goto(server.url + "no-such-page/")
        assert "찾을 수 없어요" in tab.js("return document.title")


@pytest.mark.journey("update note: a new build offered")
def test_a_new_build_is_offered_and_taken_with_one_tap(worker_tab, built_site, next_build):
    from guidedev.nextbuild import NEW_WORDS

    tab = worker_tab
    with Host(built_site[0]) as server:
        tab.goto(server.url)
        tab.js(COPY_READY)
        tab.goto(server.url + "payment/")
        assert NEW_WORDS not in tab.text("article")
        server.deploy(next_build)
        tab.goto(server.url + "payment/")
        # The new worker downloads the whole new build before the note may show: on a busy machine, a while.
        try:
            tab.wait_for(".guide-update__note", timeout=90)
        except AssertionError as exc:
            workers = tab.js(WORKERS_JS)
            asked = [served.path for served in server.log if served.path.endswith("sw.js")]
            raise AssertionError(f"{exc}; the workers: {workers}; sw.js sent {len(asked)} times") from None
        note = tab.box(".guide-update__note")
        assert note["x"] >= 0 and note["x"] + note["width"] <= 390 and note["y"] + note["height"] <= 844, note
        assert NEW_WORDS not in tab.text("article")
        tab.tap(".guide-update__go")
        tab.wait("return document.body.innerText.includes(arguments[0])", NEW_WORDS, timeout=30, what="the new build")


@pytest.mark.journey("clear what the site stored")
def test_the_clear_data_dialog_asks_then_clears_only_this_sites_data(worker_tab, built_site):
    tab = worker_tab
    with Host(built_site[0]) as server:
        tab.goto(server.url)
        tab.js(COPY_READY)
        tab.goto(server.url + "checklists/payment-error/")
        tab.tap(".checklist__label")
        tab.js("localStorage.setItem('another-site', 'kept')")
        tab.goto(server.url + "offline/")
        tab.wait("return document.querySelector('.device-data__summary').textContent.includes('사본')")
        assert "체크리스트 1개" in tab.text(".device-data__summary")
        tab.tap(".device-data__forget")
        tab.wait_for("dialog.device-data__confirm")
        dialog = tab.box("dialog.device-data__confirm")
        assert dialog["x"] >= 0 and dialog["x"] + dialog["width"] <= 390 and dialog["height"] <= 844, dialog
        tap_text(tab, "dialog.device-data__confirm", "그대로 두기")
        assert not tab.visible("dialog.device-data__confirm")
        tab.tap(".device-data__forget")
        tap_text(tab, "dialog.device-data__confirm", "모두 지우기")
        tab.wait("return document.querySelector('.device-data__summary').textContent.includes('지웠어요')")
        assert tab.js("return Object.keys(localStorage).filter(k => k.startsWith('kshop-help:'))") == []
        assert tab.js("return localStorage.getItem('another-site')") == "kept"
        assert tab.js("return caches.keys()") == []
