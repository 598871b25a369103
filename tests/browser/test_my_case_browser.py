"""내 사건 on a phone: the shopper's dates become every deadline as a <time datetime> (민법 제157·160·161조,
영업일), placed in time order with today; the next thing to do brings the written withdrawal notice first;
what was sent is logged with its date; the case prints on one grayscale A4 sheet and copies as text with
the order number and every deadline; a date typed on a checklist reaches it; it all works offline after
one visit; a stored value of the wrong shape breaks no page; clearing names what it clears and can be
undone across a reload.

The pages carry the holidays of the years around the build; here every page gets 2025–2028 (from the same
Python the build runs), and the phone's clock is 2026-12-20 in Seoul, so the table below holds in any year."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from guidedev import hand_checked as hand
from guidedev.civil_dates import WEEKDAYS, Holidays, for_fact
from guidedev.pagepool import PHONE
from guidedev.pdfs import a4_sheets, pdf_text
from guidedev.support import NO_WORKER, load_project_guide
from guidedev.webaudit import COPY_READY
from guidekit.checklists import storage_key
from guidekit.public_holidays import korean_holidays
from guidekit.shared_constants import DEADLINES

pytestmark = pytest.mark.browser

GUIDE = load_project_guide()
ORDER = "20261218-55501"
SEOUL = timezone(timedelta(hours=9))
TODAY = datetime(2026, 12, 20, 10, 0, tzinfo=SEOUL)
LABEL = {d.id: d.label for d in GUIDE.details}

# The shopper's dates (the 안 날 is the day received), and each deadline: worked out by hand on a calendar
# while the data file's periods are the ones they were checked for (tests/js/case-file.test.mjs checks the
# same kinds against more dates), else the oracle's (tests/unit/test_civil_dates.py keeps the two equal).
DATES = hand.CASE_DATES
HOLIDAYS = korean_holidays(2025, 2028, [(h.date, h.name) for h in GUIDE.extra_holidays])
_FROM = {**DATES, "known_date": DATES["received_date"]}
BY_ORACLE = {
    kind: for_fact(GUIDE.facts[fact], _FROM[start], Holidays.of(HOLIDAYS))
    for kind, (fact, _unit, start) in DEADLINES.items()
}
HAND = hand.applies(GUIDE, hand.CASE_PERIODS)
EXPECTED = hand.CASE if HAND else {kind: d.iso for kind, d in BY_ORACLE.items()}
WITHDRAWAL_SAYS = hand.CASE_WITHDRAWAL_SAYS if HAND else BY_ORACLE["withdrawal"].says()


def long_date(day: str) -> str:
    """A day as the page writes it: 2026년 12월 28일 (월)."""
    d = date.fromisoformat(day)
    return f"{d.year}년 {d.month}월 {d.day}일 ({WEEKDAYS[d.weekday()]})"


YEARS = re.compile(r'data-holiday-years="[^"]*" data-holidays="[^"]*"')


def _pinned_holidays(route):
    response = route.fetch()
    body = response.text()
    pinned = f'data-holiday-years="2025-2028" data-holidays="{" ".join(HOLIDAYS.dates)}"'
    route.fulfill(response=response, body=YEARS.sub(pinned, body))


SEOUL_PHONE = {**PHONE, "timezone_id": "Asia/Seoul"}


def _set_clock(context, pin_holidays=True):
    context.clock.set_fixed_time(TODAY)
    if pin_holidays:
        context.route(re.compile(r".*/$"), _pinned_holidays)


def _phone(browser, pin_holidays=True, **options):
    context = browser.new_context(**{**NO_WORKER, **SEOUL_PHONE, **options})
    _set_clock(context, pin_holidays)
    return context


@pytest.fixture
def case_phone(pages, site_url):
    """A phone in Seoul on TODAY, with the holidays pinned, that may use the clipboard; `errors` and
    `warnings` collect what the page reports. Lent by the pool: the clock, the route and the listeners are
    the same for every test, set once."""

    def prepare(context):
        _set_clock(context)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))

    with pages.lend("case_phone", {**NO_WORKER, **SEOUL_PHONE}, prepare) as page:
        if not hasattr(page, "errors"):
            page.errors, page.warnings = [], []
            page.on("pageerror", lambda e: page.errors.append(str(e)))
            page.on("console", lambda m: page.warnings.append(m.text) if m.type == "warning" else None)
        page.errors.clear(), page.warnings.clear()
        yield page


def field(page, detail_id: str):
    """The 내 사건 field of a detail (a date field's label also carries its hint, so not by label)."""
    return page.locator(f'.case-details input[data-blank="{LABEL[detail_id]}"]')


def counted(page):
    """Wait until the page has counted what was just typed (it fetches the arithmetic when first needed)."""
    page.wait_for_function("() => !document.querySelector('.case-deadlines').hasAttribute('data-counting')")


def fill_case(page, site_url, dates=DATES):
    page.goto(site_url + "my-case/")
    field(page, "order_number").fill(ORDER)
    field(page, "product_name").fill("겨울 패딩")
    field(page, "seller_name").fill("행복상점")
    for detail, day in dates.items():
        field(page, detail).fill(day)
    counted(page)


def shown_deadlines(page) -> dict[str, str]:
    counted(page)
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.case-row[data-deadline]:not([hidden])')]
             .map(row => [row.dataset.deadline, row.querySelector('time') && row.querySelector('time').dateTime]))"""
    )


def test_every_deadline_from_the_shoppers_dates_in_time_order_with_today(case_phone, site_url):
    fill_case(case_phone, site_url)
    shown = shown_deadlines(case_phone)
    assert shown == {**EXPECTED, "today": TODAY.date().isoformat()}
    withdrawal = case_phone.locator('.case-row[data-deadline="withdrawal"]')
    assert not WITHDRAWAL_SAYS or WITHDRAWAL_SAYS in withdrawal.inner_text()
    assert long_date(EXPECTED["withdrawal"]) in withdrawal.inner_text()
    article = GUIDE.facts[DEADLINES["withdrawal"][0]].source_title
    assert withdrawal.locator(".case-row__law").inner_text() in article
    for kind in EXPECTED:
        law = case_phone.locator(f'.case-row[data-deadline="{kind}"] .case-row__law').inner_text()
        assert "제" in law and "조" in law, kind
    order = case_phone.eval_on_selector_all(
        ".case-row[data-deadline]:not([hidden])", "rows => rows.map(r => r.querySelector('time').dateTime)"
    )
    assert order == sorted(order), "not in time order"
    past = case_phone.locator('.case-row[data-deadline="supply"]').evaluate(
        "r => r.classList.contains('case-row--past')"
    )
    assert past == (EXPECTED["supply"] < TODAY.date().isoformat())
    assert not case_phone.errors


def test_a_date_typed_on_a_checklist_fills_my_case_the_helper_and_every_message(case_phone, site_url):
    case_phone.goto(site_url + "checklists/before-return/")
    case_phone.locator(".deadline-helper__arrival").fill("2026-12-18")
    helper = case_phone.locator('.deadline-helper [data-deadline="withdrawal"] time')
    assert helper.get_attribute("datetime") == EXPECTED["withdrawal"]
    case_phone.goto(site_url + "my-case/")
    assert field(case_phone, "received_date").input_value() == "2026-12-18"
    assert shown_deadlines(case_phone)["withdrawal"] == EXPECTED["withdrawal"]
    case_phone.goto(site_url + "messages/")
    notice = case_phone.locator('.msg-template[data-template="withdrawal_notice"] pre').inner_text()
    assert "2026년 12월 18일 (금)" in notice and f"[{LABEL['received_date']}]" not in notice


def test_the_next_step_is_the_written_notice_then_what_was_sent_is_logged(case_phone, site_url):
    case_phone.goto(site_url + "my-case/")
    # Nothing typed: the first step, no deadline, and the arithmetic not even fetched.
    assert case_phone.locator(".case-step:not([hidden])").get_attribute("data-step") == "start"
    assert shown_deadlines(case_phone) == {}
    assert not case_phone.evaluate(
        "performance.getEntriesByType('resource').some(e => /case-file|deadline-math/.test(e.name))"
    )
    fill_case(case_phone, site_url, {"received_date": "2026-12-18"})
    step = case_phone.locator(".case-step:not([hidden])")
    assert step.get_attribute("data-step") == "withdrawal"
    assert step.locator("time").get_attribute("datetime") == EXPECTED["withdrawal"]
    # The notice itself is right under the step, filled in, ready to copy.
    notice = case_phone.locator('.case-next .msg-template[data-template="withdrawal_notice"]')
    assert notice.is_visible() and ORDER in notice.locator("pre").inner_text()
    item = case_phone.locator('.case-sent__item[data-sent="withdrawal_notice"]')
    item.locator("input.case-sent__date").fill("2026-12-19")
    item.get_by_role("button", name="보냈어요").tap()
    counted(case_phone)
    assert item.locator("time").get_attribute("datetime") == "2026-12-19"
    assert case_phone.locator(".case-step:not([hidden])").get_attribute("data-step") == "send-back"
    # The notice went back to 보낼 글 under its own heading; the reminder to a silent seller came up instead.
    assert case_phone.locator(".case-next .msg-template").get_attribute("data-template") == "seller_silence_reminder"
    back = case_phone.locator('#case-messages ~ .msg-template[data-template="withdrawal_notice"]')
    assert back.is_visible()
    assert back.evaluate("m => m.previousElementSibling.tagName === 'H3' && !m.previousElementSibling.hidden")
    # The day a right was exercised is the detail every message's [보낸 날] shows.
    assert field(case_phone, "notice_sent_date").input_value() == "2026-12-19"
    case_phone.reload()
    counted(case_phone)
    assert (
        case_phone.locator('.case-sent__item[data-sent="withdrawal_notice"] time').get_attribute("datetime")
        == "2026-12-19"
    )
    assert case_phone.locator(".case-step:not([hidden])").get_attribute("data-step") == "send-back"
    # The goods are back with the seller: the refund clock.
    field(case_phone, "return_arrived_date").fill("2026-12-23")
    counted(case_phone)
    assert case_phone.locator(".case-step:not([hidden])").get_attribute("data-step") == "refund-wait"


def _grayscale(pdf, tmp_path) -> int:
    """The largest difference between the colour channels of any pixel of the printed page."""
    prefix = tmp_path / "sheet"
    subprocess.run(["pdftoppm", "-r", "40", str(pdf), str(prefix)], check=True)
    worst = 0
    for ppm in tmp_path.glob("sheet*.ppm"):
        data = ppm.read_bytes()
        header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        pixels = data[header.end() :]
        for i in range(0, len(pixels) - 2, 3):
            r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
            worst = max(worst, max(r, g, b) - min(r, g, b))
    return worst


def test_the_case_prints_on_one_grayscale_a4_sheet(case_phone, site_url, tmp_path):
    fill_case(case_phone, site_url)
    case_phone.goto(site_url + "checklists/evidence-photos/")
    for n in (0, 1, 2):
        box = case_phone.locator("input.checklist__box").nth(n)
        case_phone.click(f'label[for="{box.get_attribute("id")}"]')
    case_phone.goto(site_url + "my-case/")
    counted(case_phone)  # the deadlines drawn: nothing above the button moves while it is tapped
    notice = case_phone.locator('.case-sent__item[data-sent="withdrawal_notice"]')
    notice.get_by_role("button", name="보냈어요").tap()
    notice.locator(".case-sent__dates").filter(has_text="2026").wait_for()
    counted(case_phone)
    assert case_phone.locator(".case-evidence li[data-item]:not([hidden])").count() == 3
    case_phone.emulate_media(media="print")
    pdf = tmp_path / "case.pdf"
    case_phone.pdf(path=str(pdf), format="A4")
    sheets = a4_sheets(pdf)
    assert sheets == 1, f"내 사건 prints on {sheets} sheets"
    text = pdf_text(pdf)
    squashed = re.sub(r"\s+", "", text)
    notice_title = GUIDE.find("message_templates", "withdrawal_notice").title
    sent = f"보낸 날 {long_date(TODAY.date().isoformat())}"  # the script's words (my-case.js)
    for needed in (ORDER, *map(long_date, (EXPECTED["withdrawal"], EXPECTED["mismatch-months"])), notice_title, sent):
        assert re.sub(r"\s+", "", needed) in squashed, needed
    assert "문구복사하기" not in squashed  # the messages stay on screen
    assert _grayscale(pdf, tmp_path) <= 24


def test_the_copied_summary_holds_the_order_number_and_every_deadline(case_phone, site_url):
    fill_case(case_phone, site_url)
    case_phone.get_by_role("button", name="사건 요약 복사").tap()
    case_phone.wait_for_function("() => document.querySelector('.case-tools__status').textContent.includes('복사')")
    text = case_phone.evaluate("navigator.clipboard.readText()")
    assert ORDER in text and "행복상점" in text
    for day in EXPECTED.values():
        y, m, d = (int(x) for x in day.split("-"))
        assert f"{y}년 {m}월 {d}일" in text, day
    assert "제17조" in text
    assert "<" not in text and "**" not in text


def test_reset_on_a_checklist_never_clears_the_case_and_clearing_it_names_what_goes(case_phone, site_url):
    fill_case(case_phone, site_url, {"received_date": "2026-12-18"})
    case_phone.goto(site_url + "checklists/before-return/")
    box = case_phone.locator("input.checklist__box").first
    case_phone.click(f'label[for="{box.get_attribute("id")}"]')
    case_phone.get_by_role("button", name="초기화").tap()
    case_phone.goto(site_url + "my-case/")
    assert field(case_phone, "order_number").input_value() == ORDER
    case_phone.get_by_role("button", name="내 사건 지우기").tap()
    dialog = case_phone.locator("dialog.case-clear__confirm")
    expect(dialog).to_be_visible()  # its script comes with the first tap
    names = dialog.locator(".case-clear__names li").all_inner_texts()
    assert set(names) >= {LABEL["order_number"], LABEL["received_date"], LABEL["seller_name"]}
    dialog.get_by_role("button", name="그대로 두기").tap()
    assert field(case_phone, "order_number").input_value() == ORDER
    case_phone.get_by_role("button", name="내 사건 지우기").tap()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="지우기", exact=True).tap()
    expect(field(case_phone, "order_number")).to_have_value("")
    assert shown_deadlines(case_phone) == {}
    case_phone.reload()
    undo = case_phone.get_by_role("button", name="되돌리기")
    assert undo.is_visible()
    undo.tap()
    expect(field(case_phone, "order_number")).to_have_value(ORDER)
    assert shown_deadlines(case_phone)["withdrawal"] == EXPECTED["withdrawal"]


BAD = {"a number": "42", "a string": '"hello"', "an empty list": "[]", "broken JSON": '{"items": '}
KEYS = ["details", "checklist/before_return", "case", "undo/checklist/before_return", "undo/case"]


@pytest.mark.parametrize("bad", BAD, ids=list(BAD))
def test_a_stored_value_of_the_wrong_shape_breaks_no_page(case_phone, site_url, bad):
    case_phone.goto(site_url)
    case_phone.evaluate(
        "([keys, value]) => keys.forEach(k => localStorage.setItem(k, value))",
        [[storage_key(k) for k in KEYS], BAD[bad]],
    )
    for page in ("my-case/", "checklists/before-return/", "messages/", "offline/"):
        case_phone.goto(site_url + page)
        case_phone.wait_for_load_state("load")
    assert not case_phone.errors, case_phone.errors
    assert sum("kshop-help" in w for w in case_phone.warnings) >= len(KEYS)
    # Dropped, and the pages work: a date typed now gives its deadline, a tick is kept.
    left = case_phone.evaluate("keys => keys.map(k => localStorage.getItem(k))", [storage_key(k) for k in KEYS])
    assert left == [None] * len(KEYS)
    fill_case(case_phone, site_url, {"received_date": "2026-12-18"})
    assert shown_deadlines(case_phone)["withdrawal"] == EXPECTED["withdrawal"]


def test_my_case_works_offline_after_one_visit(browser, site_url):
    # No pinned holidays here: offline, the pages come from the copy the worker made, as built (the years
    # around the build, which include 2026 until 2028).
    context = _phone(browser, pin_holidays=False, service_workers="allow")
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="load")
        page.evaluate(COPY_READY)
        context.set_offline(True)
        page.goto(site_url + "my-case/")  # never opened online: the copy holds every page
        field(page, "received_date").fill("2026-12-18")
        assert (
            shown_deadlines(page)["withdrawal"] == EXPECTED["withdrawal"]
        )  # the arithmetic, fetched now, from the copy
        assert page.locator(".case-step:not([hidden])").get_attribute("data-step") == "withdrawal"
    finally:
        context.unroute_all(behavior="ignoreErrors")
        context.close()


def test_nothing_of_the_case_leaves_the_device(case_phone, site_url):
    sent = []
    origin = site_url.rstrip("/")

    def leaving(request):
        if request.method != "GET" or not request.url.startswith(origin):
            sent.append(request.url)

    case_phone.on("request", leaving)
    try:
        fill_case(case_phone, site_url)
        case_phone.get_by_role("button", name="사건 요약 복사").tap()
    finally:
        case_phone.remove_listener("request", leaving)  # the page goes back to the pool
    assert not sent, sent
    stored = json.loads(case_phone.evaluate("k => localStorage.getItem(k)", storage_key("details")))
    assert stored[LABEL["order_number"]] == ORDER
