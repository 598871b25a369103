"""Facts not compared with their sources for long: the two limits come from the data file (`meta.review`),
and every date here is counted from the data's own dates, so no test goes stale with the calendar."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from guide_copy import GUIDE, with_fact
from guidekit.errors import GuideDataError
from guidekit.freshness import (
    DeployStopped,
    check_review_limits,
    deploy_mode,
    report,
    stale_facts,
    stop_deploy,
)
from guidekit.site_settings import SiteSettings, read_settings

pytestmark = pytest.mark.reads_guide

REVIEW = GUIDE.meta.review
LATEST = max(f.checked_date for f in GUIDE.facts.values())
EARLIEST = min(f.checked_date for f in GUIDE.facts.values())
# Two facts last compared with their sources long before the latest check, the older first in the report.
OLDER, OLD = sorted(GUIDE.facts)[:2]
OLDER_DAY = LATEST - timedelta(days=REVIEW.stop_deploy_after_days + 40)
OLD_DAY = LATEST - timedelta(days=REVIEW.every_days + 20)
STALE = with_fact(with_fact(GUIDE, OLDER, checked=OLDER_DAY.isoformat()), OLD, checked=OLD_DAY.isoformat())


def test_the_limits_are_the_data_files():
    assert ("meta", "review", "every_days") in GUIDE.marks, "meta.review.every_days is written in the data file"
    assert 0 < REVIEW.every_days <= REVIEW.stop_deploy_after_days


def test_facts_not_checked_for_long_are_listed_oldest_first():
    stale = stale_facts(STALE, LATEST)
    assert [s.fact.key for s in stale] == [OLDER, OLD]
    assert stale[0].age_days == (LATEST - OLDER_DAY).days
    assert [s.line for s in stale] == [STALE.line_of("facts", k, "checked") for k in (OLDER, OLD)]
    assert all(s.line for s in stale)


def test_nothing_is_stale_on_the_day_of_the_check():
    assert stale_facts(GUIDE, LATEST) == []
    assert stale_facts(GUIDE, EARLIEST + timedelta(days=REVIEW.every_days)) == []
    assert stale_facts(GUIDE, EARLIEST + timedelta(days=REVIEW.every_days + 1)) != []


def test_report_lists_age_and_source_and_marks_what_stops_a_deploy():
    text = report(stale_facts(STALE, LATEST), STALE)
    older, old = (line for line in text.splitlines() if line.startswith("  - facts."))
    assert f"facts.{OLDER}" in older and f"{(LATEST - OLDER_DAY).days}일" in older
    assert STALE.facts[OLDER].source in older and OLDER_DAY.isoformat() in older
    assert f"{REVIEW.stop_deploy_after_days}일도 넘었어요" in older
    assert "넘었어요" not in old
    assert "meta.review.every_days" in text.splitlines()[0]


def test_a_deploy_stops_on_facts_past_the_stop_limit_and_names_each():
    stop_deploy(STALE, OLDER_DAY + timedelta(days=REVIEW.stop_deploy_after_days))  # on the limit: not past it
    with pytest.raises(DeployStopped) as err:
        stop_deploy(STALE, LATEST)
    message = str(err.value)
    assert [s.fact.key for s in err.value.stale] == [OLDER]
    line = STALE.line_of("facts", OLDER, "checked")
    assert f"{STALE.file}:{line} facts.{OLDER}.checked: {OLDER_DAY.isoformat()}" in message
    assert f"{(LATEST - OLDER_DAY).days}일 전" in message and STALE.facts[OLDER].source in message
    assert f"facts.{OLD}" not in message
    assert "meta.review.stop_deploy_after_days" in message
    # Later both are past it, in the order of their age.
    later = OLD_DAY + timedelta(days=REVIEW.stop_deploy_after_days + 1)
    with pytest.raises(DeployStopped) as err:
        stop_deploy(STALE, later)
    assert [s.fact.key for s in err.value.stale if s.fact.key in (OLDER, OLD)] == [OLDER, OLD]


def test_a_stop_limit_shorter_than_the_notice_limit_is_a_mistake():
    check_review_limits(GUIDE)
    meta = dataclasses.replace(
        GUIDE.meta, review=dataclasses.replace(REVIEW, stop_deploy_after_days=REVIEW.every_days - 1)
    )
    with pytest.raises(GuideDataError) as err:
        check_review_limits(dataclasses.replace(GUIDE, meta=meta))
    assert err.value.key_path == "meta.review.stop_deploy_after_days"
    assert err.value.line == GUIDE.line_of("meta", "review", "stop_deploy_after_days")


@pytest.mark.parametrize(
    ("value", "on"), [(None, False), ("", False), ("0", False), ("false", False), ("1", True), (" TRUE ", True)]
)
def test_deploy_mode_is_a_switch(value, on):
    assert deploy_mode(value) is on


def test_a_deploy_switch_that_is_neither_on_nor_off_is_a_mistake():
    with pytest.raises(GuideDataError) as err:
        deploy_mode("maybe")
    assert "GUIDE_DEPLOY" in str(err.value) and "maybe" in str(err.value)


def test_settings_from_mkdocs_extra(tmp_path):
    assert read_settings({}, tmp_path) == SiteSettings(True, ())


CONFIG = """site_name: x
extra:
  page_scoped_assets:
    - javascripts/there.js
    - javascripts/missing.js
  fact_freshness:
    max_age_days: 180
"""


@pytest.mark.parametrize(
    ("extra", "key_path", "line", "says"),
    [
        ({"fact_freshness": {"max_age_days": 180}}, "extra.fact_freshness", 6, "meta.review"),
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
