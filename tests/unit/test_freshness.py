from __future__ import annotations

from datetime import date

from guidedev.support import ROOT
from guidekit.freshness import report, settings, stale_facts
from guidekit.load import load_guide

GUIDE = load_guide(ROOT / "docs/data/guide.yml", ROOT / "docs/data/guide.schema.json", "docs/data/guide.yml")


def test_guide_facts_go_stale_first_and_oldest_lead():
    stale = stale_facts(GUIDE, date(2026, 11, 26), 180)
    assert stale and all(s.fact.confidence == "guide" for s in stale)
    assert stale[0].age_days == (date(2026, 11, 26) - date(2026, 2, 6)).days
    assert all(s.line for s in stale)


def test_nothing_is_stale_on_the_day_of_the_check():
    assert stale_facts(GUIDE, date(2026, 2, 6), 180) == []


def test_report_lists_age_and_source():
    text = report(stale_facts(GUIDE, date(2026, 11, 26), 180), GUIDE, 180)
    assert "facts.agent_hours" in text and "293일" in text and "source guide" in text


def test_settings_from_mkdocs_extra():
    assert settings({}) == (180, False)
    assert settings({"fact_freshness": {"max_age_days": 30, "fail_when_stale": "true"}}) == (30, True)
