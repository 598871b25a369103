"""The deadline oracle (guidedev.civil_dates) against the rules one at a time, and against every date worked
out by hand (guidedev.hand_checked): the browser tests expect the oracle's dates once an editor changes a
period, so it must give exactly the hand-checked ones for the periods they were checked for."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from guidedev import hand_checked as hand
from guidedev.civil_dates import (
    HOLIDAY,
    SATURDAY,
    SUNDAY,
    Holidays,
    deadline,
    first_of,
    months_end,
    site_holidays,
)
from guidekit.public_holidays import korean_holidays

# The package's holidays alone, as the tables were checked.
PACKAGE = Holidays.of(korean_holidays(2025, 2028))
NONE = Holidays(2000, 2100, frozenset())  # weekends only


def d(text: str) -> date:
    return date.fromisoformat(text)


# ── The rules ──


def test_days_leave_out_the_first_day():
    assert deadline("2026-11-26", 7, "일", NONE).iso == "2026-12-03"  # Thu + 7: Thu
    assert deadline("2026-12-28", 7, "일", NONE).iso == "2027-01-04"  # over the year end


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        ("2026-12-18", 3, "2027-03-18"),  # 기산일 12-19: the day before 03-19
        ("2026-01-30", 1, "2026-02-28"),  # 기산일 01-31, February has no 31st: its last day (③)
        ("2027-01-30", 1, "2027-02-28"),
        ("2028-01-30", 1, "2028-02-29"),  # leap year
        ("2026-01-31", 1, "2026-02-28"),  # 기산일 02-01: the whole of February (①)
        ("2026-02-28", 1, "2026-03-31"),  # 기산일 03-01: the whole of March, not 03-28
        ("2026-03-30", 1, "2026-04-30"),  # 기산일 03-31, April has 30 days
        ("2026-05-15", 1, "2026-06-15"),
        ("2026-10-31", 3, "2027-01-31"),  # 기산일 11-01: November, December, January
        ("2026-11-15", 2, "2027-01-15"),  # over the year end
        ("2026-06-14", 12, "2027-06-14"),
        ("2026-06-14", 25, "2028-07-14"),
    ],
)
def test_months_end_by_the_calendar(start, n, end):
    assert months_end(d(start), n) == d(end)


def test_a_last_day_off_moves_to_the_next_working_day_and_says_why():
    sat = deadline("2026-12-19", 7, "일", PACKAGE)  # Sat 12-26, Sun 12-27
    assert (sat.iso, sat.last_day, sat.why) == ("2026-12-28", d("2026-12-26"), SATURDAY)
    assert sat.says() == "12월 26일이 토요일이라 12월 28일(월)까지예요"
    sun = deadline("2026-09-20", 7, "일", PACKAGE)
    assert (sun.iso, sun.why) == ("2026-09-28", SUNDAY)
    chuseok = deadline("2027-09-07", 7, "일", PACKAGE)  # 추석 Tue 09-14 … Thu 09-16
    assert (chuseok.iso, chuseok.why) == ("2027-09-17", HOLIDAY)
    plain = deadline("2026-12-16", 7, "일", PACKAGE)  # Wed 12-23
    assert (plain.iso, plain.why, plain.says()) == ("2026-12-23", None, None)


def test_business_days_skip_weekends_and_holidays_and_never_move():
    assert deadline("2026-12-14", 3, "영업일", PACKAGE).iso == "2026-12-17"
    assert deadline("2026-12-23", 3, "영업일", PACKAGE).iso == "2026-12-29"  # Thu, (Fri 25, weekend), Mon, Tue
    assert deadline("2026-12-26", 1, "영업일", PACKAGE).iso == "2026-12-28"  # from a Saturday
    assert deadline("2027-09-10", 1, "영업일", PACKAGE).iso == "2027-09-13"
    assert deadline("2027-09-13", 1, "영업일", PACKAGE).iso == "2027-09-17"  # 추석 09-14 … 16
    assert deadline("2026-12-23", 3, "영업일", PACKAGE).why is None


def test_a_holiday_of_the_data_file_counts_like_the_packages():
    extra = SimpleNamespace(date="2026-12-24", name="임시공휴일")  # as the data file's extra_holidays give it
    with_extra = site_holidays([extra], date(2026, 12, 7))
    assert deadline("2026-12-17", 7, "일", with_extra).iso == "2026-12-28"  # 24, 25, weekend
    assert deadline("2026-12-17", 7, "일", site_holidays([], date(2026, 12, 7))).iso == "2026-12-24"


def test_a_weekday_of_a_year_without_holidays_is_not_guessed():
    with pytest.raises(ValueError, match="2029"):
        deadline("2028-12-27", 7, "일", PACKAGE)  # Wed 2029-01-03


def test_the_first_of_two_limits_is_the_months_on_the_same_day():
    a = deadline("2026-12-18", 3, "개월", PACKAGE)
    assert first_of(a, a) == "months"
    assert first_of(a, deadline("2026-12-18", 30, "일", PACKAGE)) == "known"


# ── The hand-checked tables ──


@pytest.mark.parametrize("arrival", list(hand.HELPER))
def test_the_helper_table(arrival):
    p = hand.HELPER_PERIODS
    got = (
        deadline(arrival, p["withdrawal_days"], "일", PACKAGE).iso,
        deadline(arrival, p["mismatch_months"], "개월", PACKAGE).iso,
        deadline(arrival, p["mismatch_known_days"], "일", PACKAGE).iso,
    )
    assert got == hand.HELPER[arrival]


@pytest.mark.parametrize("day_off", list(hand.MOVED))
def test_the_moved_table(day_off):
    arrival, moved, says = hand.MOVED[day_off]
    got = deadline(arrival, hand.HELPER_PERIODS["withdrawal_days"], "일", PACKAGE)
    assert (got.last_day.isoformat(), got.iso, got.says()) == (day_off, moved, says)


def test_the_days_left_and_printed_examples():
    p, t = hand.HELPER_PERIODS, hand.DAYS_LEFT
    assert deadline(t["received"], p["withdrawal_days"], "일", PACKAGE).iso == t["withdrawal"]
    by_known = deadline(t["known"], p["mismatch_known_days"], "일", PACKAGE)
    by_months = deadline(t["received"], p["mismatch_months"], "개월", PACKAGE)
    assert by_known.iso == t["mismatch-known"]
    assert "mismatch-" + first_of(by_months, by_known) == t["first"]
    assert deadline(t["received_earlier"], p["withdrawal_days"], "일", PACKAGE).iso == t["withdrawal_earlier"]
    printed = hand.PRINTED
    assert deadline(printed["received"], p["withdrawal_days"], "일", PACKAGE).iso == printed["withdrawal"]
    assert deadline(printed["received"], p["mismatch_months"], "개월", PACKAGE).says() == printed["says"]


def test_the_my_case_table():
    from guidekit.shared_constants import DEADLINES

    dates = {**hand.CASE_DATES, "known_date": hand.CASE_DATES["received_date"]}
    got = {
        kind: deadline(dates[start], hand.CASE_PERIODS[fact], unit, PACKAGE).iso
        for kind, (fact, unit, start) in DEADLINES.items()
    }
    assert got == hand.CASE
    withdrawal = DEADLINES["withdrawal"]
    says = deadline(dates[withdrawal[2]], hand.CASE_PERIODS[withdrawal[0]], withdrawal[1], PACKAGE).says()
    assert says == hand.CASE_WITHDRAWAL_SAYS
