"""Deadlines worked out by hand with a calendar, for the periods the data file gave when they were checked,
and the holidays of the `holidays` package alone (2026-12-25 기독탄신일, 추석 2026-09-24..26 and
2027-09-14..16, 삼일절 2026-03-01 on a Sunday with its 대체공휴일 03-02).

The browser tests expect these dates while the data file's periods are still these and it adds no holiday
of its own (`applies`); after a correct edit of a period they expect the oracle's (guidedev.civil_dates),
and tests/unit/test_civil_dates.py keeps the oracle equal to every table here. The tables are kept because
a calendar checked them, not a second program."""

from __future__ import annotations

# ── The return-deadline helper (checklists/before-return) ──

# The facts the helper counts, and the values the tables below were checked for.
HELPER_PERIODS = {"withdrawal_days": 7, "mismatch_months": 3, "mismatch_known_days": 30}

# Received on, then the three deadlines (7일, 3개월, 30일) as 민법 제157조, 제160조 and 제161조 give them. The
# "안 날" is the day received; the 30일 limit comes first.
HELPER = {
    "2026-12-18": ("2026-12-28", "2027-03-18", "2027-01-18"),  # the issue: 12-25 is a holiday; 01-17 a Sunday
    "2026-09-20": ("2026-09-28", "2026-12-21", "2026-10-20"),  # the issue: 09-27 a Sunday; 12-20 a Sunday
    "2026-12-28": ("2027-01-04", "2027-03-29", "2027-01-27"),  # over the year end; 3개월 ends on a Sunday
    "2026-01-31": ("2026-02-09", "2026-04-30", "2026-03-03"),  # a Saturday; 1월 31일 + 3개월; 삼일절's 대체공휴일
    "2028-02-25": ("2028-03-03", "2028-05-25", "2028-03-27"),  # leap February
    "2027-06-15": ("2027-06-22", "2027-09-17", "2027-07-15"),  # 3개월 ends on 추석
    "2028-02-29": ("2028-03-07", "2028-05-31", "2028-03-30"),  # 기산일 3월 1일: 5월 31일, not 5월 29일
}

# The 7일 deadline whose last day is a day off (제161조): the day off, then received on, moved to, and why.
MOVED = {
    "2026-12-25": ("2026-12-18", "2026-12-28", "12월 25일이 공휴일이라 12월 28일(월)까지예요"),
    "2026-09-27": ("2026-09-20", "2026-09-28", "9월 27일이 일요일이라 9월 28일(월)까지예요"),
    "2026-12-26": ("2026-12-19", "2026-12-28", "12월 26일이 토요일이라 12월 28일(월)까지예요"),
}

# Today 2026-11-26, received that day: 7일 ends Thu 12-03, 7 days left; known 2027-02-04: 30일 ends Sat
# 03-06, so Monday 03-08, after 3개월 (02-26) which comes first; received 11-17: 7일 ended Tue 11-24.
DAYS_LEFT = {
    "today": "2026-11-26",
    "received": "2026-11-26",
    "withdrawal": "2026-12-03",
    "known": "2027-02-04",
    "mismatch-known": "2027-03-08",
    "first": "mismatch-months",
    "received_earlier": "2026-11-17",
    "withdrawal_earlier": "2026-11-24",
}

# Received 2026-12-28, printed: 7일 ends Mon 2027-01-04; 3개월 ends Sun 03-28, so 03-29.
PRINTED = {"received": "2026-12-28", "withdrawal": "2027-01-04", "says": "3월 28일이 일요일이라 3월 29일(월)까지예요"}

# ── 내 사건 (my-case), with the holidays of 2025–2028 ──

# The period of each deadline kind (guidekit.shared_constants.DEADLINES names its fact) the table was
# checked for.
CASE_PERIODS = {
    "supply_business_days": 3,
    "withdrawal_days": 7,
    "instalment_withdrawal_days": 7,
    "mismatch_known_days": 30,
    "mismatch_months": 3,
    "refund_business_days": 3,
    "kca_accept_days": 15,
}
# The shopper's dates, by detail id (the 안 날 is the day received).
CASE_DATES = {
    "paid_date": "2026-12-14",
    "received_date": "2026-12-18",
    "return_arrived_date": "2026-12-23",
    "mediation_received_date": "2026-12-10",
}
CASE = {
    "supply": "2026-12-17",  # 3영업일 after Mon 12-14: Tue, Wed, Thu
    "withdrawal": "2026-12-28",  # 7일 ends Fri 12-25, 기독탄신일, then a weekend (제161조)
    "instalment": "2026-12-28",  # the same 7일, 할부거래법 제8조
    "mismatch-known": "2027-01-18",  # 30일 from the day it came ends Sun 01-17
    "mismatch-months": "2027-03-18",  # 3개월: 기산일 12-19, so the day before 03-19
    "refund": "2026-12-29",  # 3영업일 after Wed 12-23: Thu, (Fri 25, weekend), Mon, Tue
    "mediation-answer": "2026-12-28",  # 15일 ends on 기독탄신일
}
CASE_WITHDRAWAL_SAYS = "12월 25일이 공휴일이라 12월 28일(월)까지예요"


def applies(guide, periods: dict[str, int]) -> bool:
    """Whether a table checked for `periods` holds for `guide`: the same periods and no holiday of its own."""
    return all(guide.facts[key].value == n for key, n in periods.items()) and not guide.extra_holidays
