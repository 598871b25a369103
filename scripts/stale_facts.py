"""`make stale`: list every fact in docs/data/guide.yml older than the limit in mkdocs.yml, with its age
and source. Exit 0 either way; it is a to-do list for editors, not a gate."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from mkdocs.utils.yaml import yaml_load

from guidedev.support import ROOT, load_project_guide
from guidekit.errors import GuideDataError
from guidekit.freshness import report, stale_facts
from guidekit.site_settings import read_settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--max-age-days", type=int, help="override mkdocs.yml's extra.fact_freshness.max_age_days")
    args = parser.parse_args(argv)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        config = yaml_load(text)
        max_age = read_settings(config.get("extra") or {}, ROOT / "docs", "mkdocs.yml", text).max_age_days
        max_age = args.max_age_days if args.max_age_days is not None else max_age
        guide = load_project_guide()
    except GuideDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(report(stale_facts(guide, args.today, max_age), guide, max_age))
    return 0


if __name__ == "__main__":
    sys.exit(main())
