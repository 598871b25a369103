from __future__ import annotations

from datetime import date

from guide_copy import GUIDE, with_fact
from guidekit.freshness import report, settings, stale_facts

# Two facts last compared with their sources long ago, the older first in the report.
OLD = with_fact(with_fact(GUIDE, "agent_hours", checked="2026-02-06"), "withdrawal_days", checked="2026-04-01")


def test_facts_not_checked_for_long_are_listed_oldest_first():
    stale = stale_facts(OLD, date(2026, 11, 26), 180)
    assert [s.fact.key for s in stale] == ["agent_hours", "withdrawal_days"]
    assert stale[0].age_days == (date(2026, 11, 26) - date(2026, 2, 6)).days
    assert all(s.line for s in stale)


def test_nothing_is_stale_on_the_day_of_the_check():
    latest = max(f.checked_date for f in GUIDE.facts.values())
    assert stale_facts(GUIDE, latest, 180) == []


def test_report_lists_age_and_source():
    text = report(stale_facts(OLD, date(2026, 11, 26), 180), OLD, 180)
    assert "facts.agent_hours" in text and "293일" in text and "source guide" in text


def test_settings_from_mkdocs_extra():
    assert settings({}) == (180, False)
    assert settings({"fact_freshness": {"max_age_days": 30, "fail_when_stale": "true"}}) == (30, True)
