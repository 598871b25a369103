from __future__ import annotations

from datetime import date

import pytest

from guide_copy import GUIDE, with_fact
from guidekit.errors import GuideDataError
from guidekit.freshness import report, stale_facts
from guidekit.site_settings import SiteSettings, read_settings

pytestmark = pytest.mark.reads_guide

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


def test_settings_from_mkdocs_extra(tmp_path):
    assert read_settings({}, tmp_path) == SiteSettings(180, False, True, ())
    loaded = read_settings({"fact_freshness": {"max_age_days": "30", "fail_when_stale": "true"}}, tmp_path)
    assert (loaded.max_age_days, loaded.fail_when_stale) == (30, True)


CONFIG = """site_name: x
extra:
  page_scoped_assets:
    - javascripts/there.js
    - javascripts/missing.js
  fact_freshness:
    max_age_days: 반년
    fail_when_stale: maybe
"""


@pytest.mark.parametrize(
    ("extra", "key_path", "line", "says"),
    [
        ({"fact_freshness": {"max_age_days": "반년"}}, "extra.fact_freshness.max_age_days", 7, "1 이상의 정수"),
        ({"fact_freshness": {"max_age_days": 0}}, "extra.fact_freshness.max_age_days", 7, "1 이상의 정수"),
        (
            {"fact_freshness": {"fail_when_stale": "maybe"}},
            "extra.fact_freshness.fail_when_stale",
            8,
            "true 또는 false",
        ),
        ({"fact_freshness": {"max_age": 30}}, "extra.fact_freshness.max_age", None, "max_age_days"),
        ({"fact_freshness": 30}, "extra.fact_freshness", 6, "max_age_days"),
        ({"korean_search": "no"}, "extra.korean_search", None, "true 또는 false"),
        ({"page_scoped_assets": ["javascripts/missing.js"]}, "extra.page_scoped_assets", 5, "docs/ 안의 경로"),
        ({"page_scoped_assets": ["javascripts/there.txt"]}, "extra.page_scoped_assets", 3, ".css나 .js"),
        ({"page_scoped_assets": "javascripts/there.js"}, "extra.page_scoped_assets", 3, "목록"),
    ],
)
def test_a_wrong_site_setting_is_one_message_with_its_line(tmp_path, extra, key_path, line, says):
    docs = tmp_path / "docs"
    (docs / "javascripts").mkdir(parents=True)
    (docs / "javascripts" / "there.js").write_text("", "utf-8")
    with pytest.raises(GuideDataError) as err:
        read_settings(extra, docs, "mkdocs.yml", CONFIG)
    assert err.value.file == "mkdocs.yml" and err.value.key_path == key_path, str(err.value)
    assert err.value.line == line, str(err.value)
    assert says in str(err.value)
