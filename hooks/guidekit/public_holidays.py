"""The Korean public holidays the return-deadline helper knows, with the years it knows them for.

민법 제161조 ends a period whose last day is a Saturday or a public holiday (Sunday is one) on the next day
that is neither, and "영업일" leaves the same days out. The holidays come from the maintained `holidays`
package (관공서의 공휴일에 관한 규정 and 공휴일에 관한 법률: the lunar 설날 and 추석 spans, election days and
대체공휴일 by the substitution rules), merged with the 임시공휴일 editors keep in the data file's
`extra_holidays:` for a day the package does not know yet. The helper gets the dates together with the years
they cover, because a year it has no list for is a year it must not compute a deadline in: there it says
"확인 필요" instead of a date that may be wrong (docs/javascripts/deadline-math.js).

Years covered: the build's year −1 … +2. A shopper enters a day they received something, often weeks and at
most months back, and the longest period the helper counts runs months ahead; −1 keeps a December order
returned in January exact, and +2 keeps the helper exact through next year even when a site built in
December is not rebuilt for a year. Beyond that the package's lunar dates are still right, but the
임시공휴일 and election days of years that far out are not decided yet, so a date there would only look
certain.

`python -m guidekit.public_holidays [--first YEAR --last YEAR] [DOCS_DIR]` prints what the site ships, as
JSON: the node tests of the date arithmetic read their holidays from it, never from a copy."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import holidays

YEARS_BEFORE, YEARS_AFTER = 1, 2


@dataclass(frozen=True)
class HolidayCalendar:
    """The public holidays of the years `first` … `last` (both included), as sorted ISO dates, with the
    name of each (the package's Korean name, or the data file's)."""

    first: int
    last: int
    names: tuple[tuple[str, str], ...]  # (ISO date, name), sorted by date

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(day for day, _ in self.names)

    def as_json(self) -> str:
        return json.dumps({"first": self.first, "last": self.last, "dates": list(self.dates)}, ensure_ascii=False)


def covered_years(today: date) -> tuple[int, int]:
    """The first and last year a build on `today` gives the helper holidays for."""
    return today.year - YEARS_BEFORE, today.year + YEARS_AFTER


def korean_holidays(first: int, last: int, extra: Iterable[tuple[str, str]] = ()) -> HolidayCalendar:
    """Every public holiday of the years `first` … `last`, 대체공휴일 included, and the `extra` (ISO date,
    name) days that fall in those years. A day the package and `extra` both name keeps the package's name."""
    return _calendar(first, last, tuple(sorted(extra)))


@functools.cache
def _calendar(first: int, last: int, extra: tuple[tuple[str, str], ...]) -> HolidayCalendar:
    # Only in memory, keyed by everything that makes it: the package cannot change while the process runs.
    if first > last:
        raise ValueError(f"no years between {first} and {last}")
    known = holidays.country_holidays("KR", years=range(first, last + 1), language="ko")
    names = {day.isoformat(): name for day, name in known.items()}
    for day, name in extra:
        if first <= int(day[:4]) <= last:
            names.setdefault(day, name)
    return HolidayCalendar(first, last, tuple(sorted(names.items())))


def for_guide(extra_holidays, today: date) -> HolidayCalendar:
    """The calendar a build on `today` ships, with the data file's `extra_holidays` entries."""
    return korean_holidays(*covered_years(today), ((h.date, h.name) for h in extra_holidays))


def main(argv: list[str] | None = None) -> None:
    from .load import DATA_FILE, SCHEMA_FILE, load_guide

    parser = argparse.ArgumentParser(description="The holidays the deadline helper ships, as JSON.")
    parser.add_argument("docs", nargs="?", default="docs", help="the site's docs folder (default: docs)")
    parser.add_argument("--first", type=int, help="first year (default: this year - 1)")
    parser.add_argument("--last", type=int, help="last year (default: this year + 2)")
    args = parser.parse_args(argv)
    docs = Path(args.docs)
    guide = load_guide(docs / DATA_FILE, docs / SCHEMA_FILE)
    first, last = covered_years(date.today())
    extra = ((h.date, h.name) for h in guide.extra_holidays)
    print(korean_holidays(args.first or first, args.last or last, extra).as_json())


if __name__ == "__main__":
    main()
