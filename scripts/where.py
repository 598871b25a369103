"""`make where FACT=agent_hours`: which pages (file:line), generated pages, scenarios, checklists, FAQ
entries and message templates use a fact of docs/data/guide.yml, before an editor changes it. Without
FACT, every fact with the places that use it. An unknown key exits 1 with the closest keys."""

from __future__ import annotations

import argparse
import sys

from guidedev.support import ROOT, load_project_guide
from guidekit.errors import GuideDataError
from guidekit.fact_uses import describe, fact_uses, overview, unknown_fact_message
from guidekit.pages import generated_pages


def editor_pages(docs=ROOT / "docs") -> dict[str, str]:
    """src_uri -> Markdown of every page in docs/ (the data folder holds none)."""
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("fact", nargs="?", default="", help="a key under facts: (leave out for every fact)")
    args = parser.parse_args(argv)
    try:
        guide = load_project_guide()
        if args.fact and args.fact not in guide.facts:
            print(unknown_fact_message(guide, args.fact), file=sys.stderr)
            return 1
        uses = fact_uses(guide, editor_pages(), generated_pages(guide))
    except GuideDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(describe(guide, args.fact, uses[args.fact]) if args.fact else overview(guide, uses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
