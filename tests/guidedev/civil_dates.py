"""An oracle of the deadlines the site counts, written from the rules and not from the site's script
(docs/javascripts/deadline-math.js), so that a browser test can expect the right date for whatever period
the data file gives today and for any period an editor writes tomorrow.

The rules, as 민법 and the site state them:
- 제157조: a period counted in days, weeks, months or years leaves out its first day. Received on D, "N일"
  counts D+1 as day 1 and ends at the end of D+N.
- 제160조: months count by the calendar, not as 30 days. ① A period that starts on the 1st of a month
  (기산일 = D+1 is the 1st) is N whole calendar months and ends on the last day of the N-th of them.
  ② Otherwise it ends on the day before the day in the final month that has the 기산일's number;
  ③ when the final month has no such day (기산일 31일, final month of 30 days or February), on that
  month's last day.
- 제161조: a last day that is a Saturday or a public holiday (Sunday is one) moves to the next day that is
  neither.
- 영업일 (the site's word, tests/unit and the page's own note): a day that is not a Saturday, a Sunday or a
  public holiday. "N영업일" after D is the N-th such day after D; it is never a day off, so 제161조 has
  nothing to move.

The holidays are the ones the site ships (guidekit.public_holidays: the `holidays` package with the data
file's `extra_holidays`), for the years they cover; a date that depends on a weekday outside those years
raises instead of guessing."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from guidekit.public_holidays import HolidayCalendar, covered_years, korean_holidays

SATURDAY, SUNDAY, HOLIDAY = "토요일", "일요일", "공휴일"
WEEKDAYS = "월화수목금토일"


@dataclass(frozen=True)
class Holidays:
    """The public holidays known for the years `first` … `last`."""

    first: int
    last: int
    days: frozenset[date]

    @classmethod
    def of(cls, shipped: HolidayCalendar) -> Holidays:
        return cls(shipped.first, shipped.last, frozenset(date.fromisoformat(d) for d in shipped.dates))

    def day_off(self, day: date) -> str | None:
        """What makes `day` a day off (토요일, 일요일, 공휴일, in the order the site names them), or None."""
        if day.weekday() == 5:
            return SATURDAY
        if day.weekday() == 6:
            return SUNDAY
        if not self.first <= day.year <= self.last:
            raise ValueError(f"the holidays of {day.year} are not known ({self.first}–{self.last})")
        return HOLIDAY if day in self.days else None


def site_holidays(extra_holidays: Iterable = (), today: date | None = None) -> Holidays:
    """The holidays a build on `today` ships, with the data file's `extra_holidays` entries."""
    first, last = covered_years(today or date.today())
    return Holidays.of(korean_holidays(first, last, ((h.date, h.name) for h in extra_holidays)))


@dataclass(frozen=True)
class Deadline:
    """The last day to act (`day`); `last_day` is the period's end by the calendar (제157조, 제160조) and
    `why` what that day is when 제161조 moved the deadline past it."""

    day: date
    last_day: date
    why: str | None = None

    @property
    def iso(self) -> str:
        return self.day.isoformat()

    def says(self) -> str | None:
        """The reason the site gives for a moved deadline, e.g. '12월 25일이 공휴일이라 12월 28일(월)까지예요'."""
        if self.why is None:
            return None
        last, day = self.last_day, self.day
        return (
            f"{last.month}월 {last.day}일이 {self.why}이라 {day.month}월 {day.day}일({WEEKDAYS[day.weekday()]})까지예요"
        )


def _moved_past_days_off(last_day: date, holidays: Holidays) -> Deadline:
    """제161조: from the last day by the calendar to the first day that is not a day off."""
    why = holidays.day_off(last_day)
    day = last_day
    while holidays.day_off(day):
        day += timedelta(days=1)
    return Deadline(day, last_day, why)


def days_end(start: date, n: int) -> date:
    """제157조: the N-th day counted from the day after `start`."""
    return start + timedelta(days=n)


def months_end(start: date, n: int) -> date:
    """제157조, 제160조: the last day by the calendar of N months counted from the day after `start`."""
    first = start + timedelta(days=1)  # 기산일
    if first.day == 1:  # ①: whole calendar months, the N-th ending on its last day
        year, month = divmod(first.month - 1 + n - 1, 12)
        year, month = first.year + year, month + 1
        return date(year, month, calendar.monthrange(year, month)[1])
    year, month = divmod(first.month - 1 + n, 12)  # the final month
    year, month = first.year + year, month + 1
    length = calendar.monthrange(year, month)[1]
    if first.day > length:  # ③
        return date(year, month, length)
    return date(year, month, first.day) - timedelta(days=1)  # ②


def after_days(start: date, n: int, holidays: Holidays) -> Deadline:
    return _moved_past_days_off(days_end(start, n), holidays)


def after_months(start: date, n: int, holidays: Holidays) -> Deadline:
    return _moved_past_days_off(months_end(start, n), holidays)


def after_business_days(start: date, n: int, holidays: Holidays) -> Deadline:
    """The N-th 영업일 after `start`."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += holidays.day_off(day) is None
    return Deadline(day, day)


# The units the data file writes a period in (the facts' `unit:`).
BY_UNIT = {"일": after_days, "개월": after_months, "영업일": after_business_days}


def deadline(start: date | str, n: int, unit: str, holidays: Holidays) -> Deadline:
    """The deadline of a period of `n` `unit`s (일, 개월, 영업일) that runs from `start`."""
    day = date.fromisoformat(start) if isinstance(start, str) else start
    return BY_UNIT[unit](day, n, holidays)


def for_fact(fact, start: date | str, holidays: Holidays) -> Deadline:
    """The deadline of a number fact of the data file (its value in its unit) that runs from `start`."""
    return deadline(start, fact.value, fact.unit, holidays)


def first_of(by_months: Deadline, by_known: Deadline) -> str:
    """Which of the two limits of a mismatched product ends first ('months' on the same day): the one the
    site marks 먼저 오는 날."""
    return "months" if by_months.day <= by_known.day else "known"
