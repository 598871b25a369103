"""The holidays the deadline helper ships: the package's Korean public holidays with 대체공휴일, the data file's
임시공휴일 merged in, and the years they cover; a wrong `extra_holidays:` entry stops the load with its line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from guidedev.support import ROOT, load_project_guide
from guidekit.errors import GuideDataError
from guidekit.load import load_guide
from guidekit.public_holidays import covered_years, for_guide, korean_holidays

pytestmark = pytest.mark.reads_guide

DATA = ROOT / "docs" / "data" / "guide.yml"
SCHEMA = ROOT / "docs" / "data" / "guide.schema.json"
END = "extra_holidays: []\n"


def test_known_days_from_the_package():
    dates = set(korean_holidays(2025, 2028).dates)
    assert "2026-12-25" in dates  # 기독탄신일, a Friday: the 12월 25일
    assert {"2026-09-24", "2026-09-25", "2026-09-26"} <= dates  # 추석 전날, 추석, 다음날 (Thu–Sat)
    # 설날 2027 falls Sat–Mon; its Saturday and Sunday give one 대체공휴일, the Tuesday.
    assert {"2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"} <= dates
    assert "2027-02-10" not in dates
    assert {"2025-10-08", "2027-12-27", "2028-10-05"} <= dates  # 대체공휴일 of 추석, 기독탄신일, 추석 (with 개천절)
    assert "2025-01-27" in dates  # 임시공휴일 the package already knows
    assert {"2026-06-03", "2028-04-12"} <= dates  # 지방선거일, 국회의원 선거일
    assert "2026-09-27" not in dates  # a plain Sunday is not listed: the helper knows Sundays itself


def test_dates_are_sorted_iso_days_within_the_years():
    cal = korean_holidays(2025, 2028)
    assert list(cal.dates) == sorted(cal.dates) and len(set(cal.dates)) == len(cal.dates)
    assert all(date.fromisoformat(d).year in range(2025, 2029) for d in cal.dates)
    assert dict(cal.names)["2026-12-25"] == "기독탄신일"


def test_editors_days_are_merged_in_their_years_only():
    extra = [("2027-05-04", "임시공휴일"), ("2031-01-02", "임시공휴일"), ("2026-12-25", "다른 이름")]
    cal = korean_holidays(2025, 2028, extra)
    assert "2027-05-04" in cal.dates and "2031-01-02" not in cal.dates
    assert dict(cal.names)["2026-12-25"] == "기독탄신일"  # the package's name stays
    assert list(cal.dates) == sorted(cal.dates)


def test_a_build_covers_last_year_to_two_years_ahead():
    assert covered_years(date(2026, 12, 6)) == (2025, 2028)
    assert covered_years(date(2027, 1, 1)) == (2026, 2029)
    with pytest.raises(ValueError):
        korean_holidays(2028, 2025)


def test_the_data_files_extra_holidays_reach_the_calendar(tmp_path):
    entry = "extra_holidays:\n  - date: 2027-05-04\n    name: 임시공휴일\n    source: https://www.mois.go.kr/\n    checked: 2026-12-06\n"
    guide = _load(tmp_path, entry)
    assert guide.extra_holidays[0].date == "2027-05-04"
    cal = for_guide(guide.extra_holidays, date(2026, 12, 6))
    assert (cal.first, cal.last) == (2025, 2028) and "2027-05-04" in cal.dates


GOOD = {"date": "2027-05-04", "name": "임시공휴일", "source": "https://www.mois.go.kr/", "checked": "2026-12-06"}


@pytest.mark.parametrize(
    ("change", "path", "says"),
    [
        ({"date": "2027-02-30"}, "extra_holidays[0].date", "YYYY-MM-DD"),
        ({"source": None}, "extra_holidays[0]", "'source'"),
        ({"source": "행안부 발표"}, "extra_holidays[0].source", "https://"),
        ({"day": "화"}, "extra_holidays[0].day", "'day'"),
    ],
)
def test_a_wrong_entry_names_its_line_and_key(tmp_path, change, path, says):
    fields = {k: v for k, v in (GOOD | change).items() if v is not None}
    entry = "".join(f"{'  - ' if i == 0 else '    '}{k}: {v}\n" for i, (k, v) in enumerate(fields.items()))
    with pytest.raises(GuideDataError) as err:
        _load(tmp_path, "extra_holidays:\n" + entry)
    assert path in str(err.value) and says in str(err.value), str(err.value)
    text = DATA.read_text(encoding="utf-8")
    assert err.value.line is not None and err.value.line > text.count("\n") - 2  # at the entry, the file's end


def test_the_command_prints_what_the_site_ships():
    out = subprocess.run(
        [sys.executable, "-m", "guidekit.public_holidays", "--first", "2026", "--last", "2027", str(ROOT / "docs")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    extra = [(h.date, h.name) for h in load_project_guide().extra_holidays]
    assert json.loads(out) == {"first": 2026, "last": 2027, "dates": list(korean_holidays(2026, 2027, extra).dates)}


def _load(tmp_path, end: str):
    text = DATA.read_text(encoding="utf-8")
    assert text.endswith(END), "extra_holidays: is no longer the data file's last key"
    f = tmp_path / "guide.yml"
    f.write_text(text.removesuffix(END) + end, encoding="utf-8")
    return load_guide(f, SCHEMA, "docs/data/guide.yml")
