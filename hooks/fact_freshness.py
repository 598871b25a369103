"""Hook: list facts older than `extra.fact_freshness.max_age_days` (mkdocs.yml) as a notice on every
build. The notice does not fail a strict build unless `fail_when_stale` is on (a deploy job can set
GUIDE_FAIL_ON_STALE=true for that)."""

from __future__ import annotations

from datetime import date

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from guidekit import state
from guidekit.freshness import report, settings, stale_facts

log = get_plugin_logger(__name__)


def on_config(config):
    guide = state.get(config).guide
    max_age, fail = settings(config.extra)
    stale = stale_facts(guide, date.today(), max_age)
    if stale and fail:
        raise PluginError(report(stale, guide, max_age) + "\n  (fail_when_stale가 켜져 있어서 빌드를 멈춰요.)")
    if stale:
        log.info("알림: " + report(stale, guide, max_age))
    return config
