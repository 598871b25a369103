"""`make stale`: list every fact in docs/data/guide.yml not compared with its source for longer than the
data's `meta.review.every_days`, with its age and source, and mark those past `stop_deploy_after_days`
(a deploy stops on them). Exit 0 either way: a to-do list for editors, printed into the deploy log too."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from guidedev.support import load_project_guide
from guidekit.errors import GuideDataError
from guidekit.freshness import report, stale_facts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--max-age-days", type=int, help="override the data's meta.review.every_days")
    args = parser.parse_args(argv)
    try:
        guide = load_project_guide()
    except GuideDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(report(stale_facts(guide, args.today, args.max_age_days), guide, args.max_age_days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
