"""Checklists in Chromium: ticks kept in the browser, one A4 sheet per checklist, the print-all page,
the return-deadline helper's dates, copy buttons, and the pages without JavaScript."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import pytest
import yaml

from guidedev import hand_checked as hand
from guidedev.civil_dates import Deadline, first_of, for_fact, site_holidays
from guidedev.civil_dates import deadline as deadline_for
from guidedev.pdfs import a4_sheets, pdf_text
from guidedev.support import NO_WORKER, ROOT, load_project_guide
from guidekit.checklists import storage_key
from guidekit.public_holidays import covered_years
from guidekit.syntax import text_parts
from guidekit.urls import checklist_page

pytestmark = pytest.mark.browser

GUIDE = load_project_guide()
CHECKLISTS = GUIDE.checklists
WEEKDAYS = "월화수목금토일"
# Text that belongs to the screen or the site around a checklist, never to its printed sheet.
NOT_ON_PAPER = ["이 페이지 정보의 출처", "인쇄하기", "초기화", "설명 보기", "검색", "비공식 안내서예요", "이전"]


def nav_titles(entries=None) -> list[str]:
    if entries is None:
        entries = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    out = []
    for entry in entries:
        ((title, value),) = entry.items()
        out += [title] + (nav_titles(value) if isinstance(value, list) else [])
    return out


def url_of(site_url: str, checklist_id: str) -> str:
    return site_url + checklist_page(checklist_id).removesuffix(".md") + "/"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_pieces(text: str) -> list[str]:
    """What must be readable on paper for one data text: its words and the values of its facts."""
    pieces = []
    for plain, key in text_parts(text, "test"):
        if not key:
            pieces.append(plain)
            continue
        fact = GUIDE.facts[key]
        if fact.kind in ("path", "keywords"):
            pieces += list(fact.value)
        elif fact.kind == "number":
            pieces.append(f"{fact.value}{fact.unit}")
        elif fact.kind == "url":  # shown without its scheme and trailing slash (templates/blocks/fact.html)
            pieces.append(str(fact.value).removeprefix("https://").rstrip("/"))
        else:
            pieces.append(str(fact.value))
    return [squash(p.replace("**", "")) for p in pieces if squash(p.replace("**", ""))]


def pdf_of(page, tmp_path, name: str):
    path = tmp_path / f"{name}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4")
    return path, a4_sheets(path)


@pytest.fixture
def desk(pages):
    with pages.lend("desk", {**NO_WORKER, "viewport": {"width": 1280, "height": 900}, "locale": "ko-KR"}) as page:
        yield page


@pytest.fixture
def no_js(pages):
    options = {**NO_WORKER, "viewport": {"width": 390, "height": 844}, "locale": "ko-KR", "java_script_enabled": False}
    with pages.lend("no_js", options) as page:
        yield page


# ── Ticks ──────────────────────────────────────────────────────────────────────────────────────


def test_tick_and_blank_survive_reload_and_reset_clears_the_ticks(site_url, phone):
    cl = next(c for c in CHECKLISTS if c.id == "payment_error")
    item = cl.items[1].id
    phone.goto(url_of(site_url, cl.id))
    box = phone.locator(f'input.checklist__box[data-item="{item}"]')
    assert not box.is_checked()
    phone.click(f'label[for="{box.get_attribute("id")}"]')  # the label text ticks the box
    field = phone.get_by_label(cl.blanks[0], exact=True)
    field.fill("20261126-0001")
    phone.reload()
    assert box.is_checked()
    assert field.input_value() == "20261126-0001"
    stored = json.loads(phone.evaluate("k => localStorage.getItem(k)", storage_key("checklist/" + cl.id)))
    assert stored["items"] == {item: True}  # keyed by item id, so reordering items keeps the tick
    other = next(c for c in CHECKLISTS if c.id != cl.id)
    phone.goto(url_of(site_url, other.id))
    assert phone.locator("input.checklist__box:checked").count() == 0  # one checklist's ticks stay its own
    phone.goto(url_of(site_url, cl.id))
    phone.get_by_role("button", name="초기화").click()
    assert not box.is_checked() and field.input_value() == "20261126-0001"  # a shared detail stays
    assert "지웠어요" in phone.locator(".checklist__status").inner_text()
    phone.reload()
    assert not box.is_checked()
    assert phone.evaluate("k => localStorage.getItem(k)", storage_key("checklist/" + cl.id)) is None


def test_every_field_has_a_label(site_url, phone):
    for cl in CHECKLISTS:
        phone.goto(url_of(site_url, cl.id))
        unlabelled = phone.eval_on_selector_all(
            "article input",
            "els => els.filter(e => !(e.labels && e.labels.length && e.labels[0].textContent.trim()))"
            ".map(e => e.id || e.outerHTML)",
        )
        assert not unlabelled, (cl.id, unlabelled)
        assert phone.locator("article input.checklist__box").count() == len(cl.items)


def test_print_button_opens_the_print_dialog(site_url, phone):
    phone.goto(url_of(site_url, CHECKLISTS[0].id))
    phone.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    phone.get_by_role("button", name="인쇄하기").click()
    assert phone.evaluate("window.__printed") == 1


# ── Paper ──────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=[c.id for c in CHECKLISTS])
def test_checklist_prints_on_one_a4_page_with_every_item_and_no_navigation(site_url, desk, tmp_path, checklist):
    desk.goto(url_of(site_url, checklist.id), wait_until="networkidle")
    before = date.today()
    path, pages = pdf_of(desk, tmp_path, checklist.id)
    printed_on = {squash(f"인쇄한 날: {d.year}년 {d.month}월 {d.day}일") for d in (before, date.today())}
    assert pages == 1, f"{checklist['id']} prints on {pages} pages"
    text = pdf_text(path)
    flat = squash(text)
    for item in checklist.items:
        for piece in expected_pieces(item.text):
            assert piece in flat, (item.id, piece)
    for blank in checklist.blanks:
        assert squash(blank) in flat
    assert squash(checklist.title) in flat
    assert re.search(r"(대조한날:|원본글:)20\d\d-\d\d-\d\d", flat)  # dates in their true sense
    assert squash(url_of(site_url, checklist.id)) in flat  # the address, filled in by the script
    assert any(day in flat for day in printed_on), "the foot of the sheet gives the day it was printed"
    for detail in GUIDE.details:  # an input's example text is a hint on screen, never ink on paper
        assert not detail.hint or squash(detail.hint) not in flat, detail.hint
    own = squash(
        " ".join(
            [
                checklist.title,
                checklist.intro,
                *checklist.blanks,
                GUIDE.meta.site_title,
                "이 체크리스트 주소",
            ]
            + [" ".join(expected_pieces(i.text)) for i in checklist.items]
        )
    )
    navigation = [t for t in nav_titles() if squash(t) not in own]
    assert len(navigation) >= 10
    for word in NOT_ON_PAPER + navigation:
        assert squash(word) not in flat, (checklist.id, word)


def test_boxes_print_as_dark_squares(site_url, desk):
    desk.goto(url_of(site_url, CHECKLISTS[0].id))
    desk.emulate_media(media="print")
    style = desk.eval_on_selector(
        "input.checklist__box",
        """e => { const s = getComputedStyle(e);
        return [s.borderTopColor, s.borderTopWidth, s.borderTopLeftRadius, s.width, s.height]; }""",
    )
    assert style[0] == "rgb(0, 0, 0)" and float(style[1].removesuffix("px")) >= 2.5, style
    assert style[2] == "0px" and style[3] == style[4], style


def test_print_all_gives_each_checklist_its_own_sheet(site_url, desk, tmp_path):
    desk.goto(site_url + "checklists/print-all/", wait_until="networkidle")
    path, pages = pdf_of(desk, tmp_path, "print-all")
    assert pages == len(CHECKLISTS)
    for n, cl in enumerate(CHECKLISTS, 1):
        sheet = squash(pdf_text(path, n))
        assert sheet.startswith(squash(cl.title)), (n, sheet[:60])
        assert all(p in sheet for item in cl.items for p in expected_pieces(item.text)), cl.id
        assert squash(url_of(site_url, cl.id)) in sheet


def test_without_javascript_the_checklist_reads_and_prints(site_url, no_js, tmp_path):
    cl = next(c for c in CHECKLISTS if c.deadline_helper)
    no_js.goto(url_of(site_url, cl.id))
    assert no_js.locator("input.checklist__box").count() == len(cl.items)
    assert no_js.locator(".checklist__label").first.is_visible()
    assert not no_js.get_by_role("button", name="초기화").is_visible()
    path, pages = pdf_of(no_js, tmp_path, "no-js")
    assert pages == 1
    flat = squash(pdf_text(path))
    assert all(p in flat for item in cl.items for p in expected_pieces(item.text))
    assert "checklists/" in flat  # the address without the script: the page's path


# ── Deadline helper ────────────────────────────────────────────────────────────────────────────


def korean(day: date) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일 ({WEEKDAYS[day.weekday()]})"


def deadline(page, kind: str) -> str | None:
    """The deadline the helper shows for `kind`, as its <time datetime> (None when it shows none)."""
    time = page.locator(f'dd[data-deadline="{kind}"] .deadline-date time')
    return time.get_attribute("datetime") if time.count() else None


FACTS = GUIDE.facts
DAYS = FACTS["withdrawal_days"].value
# The build's holidays (the years around today, with the data file's own), as the page gets them.
HOLIDAYS = site_holidays(GUIDE.extra_holidays)
# The hand-checked tables hold while the data file's periods are the ones they were checked for;
# otherwise the oracle gives the dates (tests/unit/test_civil_dates.py keeps the two equal).
HAND = hand.applies(GUIDE, hand.HELPER_PERIODS)


def helper_dates(arrival: str, known: str | None = None) -> dict[str, Deadline]:
    """The helper's three deadlines for a day received (and a day known), by the oracle."""
    return {
        "withdrawal": for_fact(FACTS["withdrawal_days"], arrival, HOLIDAYS),
        "mismatch-months": for_fact(FACTS["mismatch_months"], arrival, HOLIDAYS),
        "mismatch-known": for_fact(FACTS["mismatch_known_days"], known or arrival, HOLIDAYS),
    }


def first_limit(dates: dict[str, Deadline]) -> str:
    return "mismatch-" + first_of(dates["mismatch-months"], dates["mismatch-known"])


@pytest.mark.parametrize("arrival", list(hand.HELPER))
def test_deadline_helper_dates(site_url, phone, arrival):
    dates = helper_dates(arrival)
    expected = hand.HELPER[arrival] if HAND else tuple(d.iso for d in dates.values())
    phone.goto(url_of(site_url, "before_return"))
    phone.fill(".deadline-helper__arrival", arrival)
    for kind, day in zip(dates, expected, strict=True):
        assert deadline(phone, kind) == day, (arrival, kind)
        dd = phone.locator(f'dd[data-deadline="{kind}"]')
        assert korean(date.fromisoformat(day)) in dd.inner_text(), (arrival, kind, dd.inner_text())
    first = first_limit(dates)
    assert "deadline--first" in phone.locator(f'dd[data-deadline="{first}"]').get_attribute("class")


def _off_day_case(day_off: str) -> tuple[str, str, str]:
    """(received on, moved to, why) for the withdrawal deadline whose last day is `day_off`."""
    if HAND:
        return hand.MOVED[day_off]
    arrival = (date.fromisoformat(day_off) - timedelta(days=DAYS)).isoformat()
    moved = for_fact(FACTS["withdrawal_days"], arrival, HOLIDAYS)
    return arrival, moved.iso, moved.says() or ""


@pytest.mark.parametrize("day_off", list(hand.MOVED))  # 기독탄신일, a Sunday, a Saturday
def test_a_last_day_off_work_moves_and_says_why(site_url, fresh_phone, day_off):
    """민법 제161조, as the issue found it missing: the withdrawal deadline on 기독탄신일 or a Sunday is the
    next working day, and the helper says so instead of "지났어요" on the day between."""
    phone = fresh_phone  # the clock is the page's until it closes
    arrival, moved, says = _off_day_case(day_off)
    phone.clock.set_fixed_time(datetime.fromisoformat(moved) - timedelta(days=1) + timedelta(hours=12))
    phone.goto(url_of(site_url, "before_return"))
    phone.fill(".deadline-helper__arrival", arrival)
    assert deadline(phone, "withdrawal") == moved
    text = phone.locator('dd[data-deadline="withdrawal"]').inner_text()
    assert says in text and "오늘부터 1일 남았어요" in text and "지났어요" not in text, text


def test_outside_the_years_it_knows_the_helper_says_check_instead_of_a_date(site_url, phone):
    phone.goto(url_of(site_url, "before_return"))
    helper = phone.locator(".deadline-helper")
    first, last = covered_years(date.today())
    assert helper.get_attribute("data-holiday-years") == f"{first}-{last}"
    assert f"{first}년부터 {last}년까지" in helper.locator(".deadline-helper__note").inner_text()
    # The last day a weekday in the year after the last one it knows: whether it is a holiday is not known.
    last_day = next(d for d in (date(last + 1, 1, 1) + timedelta(days=i) for i in range(7)) if d.weekday() < 5)
    arrival = last_day - timedelta(days=DAYS)
    phone.fill(".deadline-helper__arrival", arrival.isoformat())
    dd = phone.locator('dd[data-deadline="withdrawal"]')
    assert deadline(phone, "withdrawal") is None
    text = dd.inner_text()
    assert "확인 필요" in text and f"{last + 1}년 공휴일" in text and "지났어요" not in text, text
    assert dd.locator("time").get_attribute("datetime") == last_day.isoformat()  # "적어도 … 까지는 돼요"
    assert "deadline--unknown" in dd.get_attribute("class")


def test_year_boundary_example_from_the_issue(site_url, phone):
    arrival = "2026-12-28"
    expected = hand.HELPER[arrival][0] if HAND else helper_dates(arrival)["withdrawal"].iso
    assert expected[:4] == "2027"  # the deadline crosses into the next year
    phone.goto(url_of(site_url, "before_return"))
    phone.fill(".deadline-helper__arrival", arrival)
    assert deadline(phone, "withdrawal") == expected


def _left(deadline_day: str, today: date) -> str:
    """What the helper says of the days left (docs/javascripts/deadline-view.js)."""
    n = (date.fromisoformat(deadline_day) - today).days
    return f"오늘부터 {n}일 남았어요" if n > 0 else "오늘이 마지막 날이에요" if n == 0 else f"{-n}일 지났어요"


def test_known_date_and_days_left(site_url, fresh_phone):
    phone = fresh_phone  # the clock is the page's until it closes
    t = hand.DAYS_LEFT
    today = date.fromisoformat(t["today"])
    now = helper_dates(t["received"], t["known"])
    earlier = helper_dates(t["received_earlier"])["withdrawal"].iso
    if HAND:
        withdrawal, known, first = t["withdrawal"], t["mismatch-known"], t["first"]
        earlier = t["withdrawal_earlier"]
    else:
        withdrawal, known, first = now["withdrawal"].iso, now["mismatch-known"].iso, first_limit(now)
    phone.clock.set_fixed_time(datetime(today.year, today.month, today.day, 12))
    phone.goto(url_of(site_url, "before_return"))
    phone.fill(".deadline-helper__arrival", t["received"])
    assert _left(withdrawal, today) in phone.locator('dd[data-deadline="withdrawal"]').inner_text()
    phone.fill(".deadline-helper__known", t["known"])
    assert deadline(phone, "mismatch-known") == known
    assert "deadline--first" in phone.locator(f'dd[data-deadline="{first}"]').get_attribute("class")
    phone.fill(".deadline-helper__arrival", t["received_earlier"])
    assert _left(earlier, today) in phone.locator('dd[data-deadline="withdrawal"]').inner_text()


def test_helper_reads_its_numbers_from_the_page_not_the_script(site_url, phone):
    phone.goto(site_url + "cancel-return/")
    helper = phone.locator(".deadline-helper")
    assert helper.get_attribute("data-withdrawal-days") == str(DAYS)
    helper.evaluate("e => e.setAttribute('data-withdrawal-days', String(Number(e.dataset.withdrawalDays) + 3))")
    phone.fill(".deadline-helper__arrival", "2026-03-02")
    assert deadline(phone, "withdrawal") == deadline_for("2026-03-02", DAYS + 3, "일", HOLIDAYS).iso


def test_printed_return_checklist_shows_the_computed_dates(site_url, desk, tmp_path):
    printed = hand.PRINTED
    if HAND:
        arrival, withdrawal, says = printed["received"], printed["withdrawal"], printed["says"]
    else:  # received so that the withdrawal deadline ends on a Saturday and moves, with its reason
        arrival = (date(2027, 1, 2) - timedelta(days=DAYS)).isoformat()
        moved = helper_dates(arrival)["withdrawal"]
        withdrawal, says = moved.iso, moved.says()
        assert says, moved
    desk.goto(url_of(site_url, "before_return"))
    desk.fill(".deadline-helper__arrival", arrival)
    path, pages = pdf_of(desk, tmp_path, "filled")
    assert pages == 1
    text = squash(pdf_text(path))
    assert squash(korean(date.fromisoformat(withdrawal))) in text
    assert squash(says) in text  # why, on paper too


# ── Message templates ──────────────────────────────────────────────────────────────────────────


def test_copy_button_copies_the_message(site_url, browser):
    context = browser.new_context(**NO_WORKER, locale="ko-KR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "messages/")
    template = GUIDE.message_templates[0]
    section = page.locator(f'.msg-template[data-template="{template.id}"]')
    section.get_by_role("button", name="문구 복사하기").click()
    page.wait_for_function("document.querySelector('.msg-copy__status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == section.locator("pre").inner_text()
    assert "[주문 번호]" in copied and "<" not in copied
    context.close()


def test_messages_without_javascript_hide_the_copy_button(site_url, no_js):
    no_js.goto(site_url + "messages/")
    assert no_js.locator("pre.msg-template__body").count() == len(GUIDE.message_templates)
    assert not no_js.get_by_role("button", name="문구 복사하기").first.is_visible()


def test_a_typed_detail_with_direction_controls_cannot_reverse_the_message(site_url, browser):
    """A right-to-left override pasted with an order number would have turned the message's own words
    around it backwards, on the page and in what is copied: it is dropped, and a filled blank is isolated."""
    context = browser.new_context(**NO_WORKER, locale="ko-KR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "messages/")
    field = page.locator('input[data-blank="주문 번호"]').first
    field.evaluate("f => { const d = f.closest('details'); if (d) d.open = true }")
    field.fill("2026\u202e1205\u200b77")
    mark = page.locator('mark.msg-blank[data-detail="주문 번호"]').first
    assert mark.inner_text() == "2026120577"
    assert mark.evaluate("m => getComputedStyle(m).unicodeBidi") == "isolate"
    page.reload()
    assert page.locator('mark.msg-blank[data-detail="주문 번호"]').first.inner_text() == "2026120577"
    section = mark.locator("xpath=ancestor::*[@data-template][1]")
    section.get_by_role("button", name="문구 복사하기").click()
    page.wait_for_function("document.querySelector('.msg-copy__status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "2026120577" in copied and not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", copied)
    context.close()
