"""List the blanks of each message template that the shopper writes by hand each time (its `free_text` in
docs/data/guide.yml): the ones no typed detail fills. A to-do list for whoever decides which of them should
become details; `python scripts/free_text_blanks.py`."""

from __future__ import annotations

import sys

from guidedev.support import load_project_guide
from guidekit.errors import GuideDataError
from guidekit.message_templates import free_text_blanks


def main() -> int:
    try:
        guide = load_project_guide()
    except GuideDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for template_id, names in free_text_blanks(guide).items():
        print(template_id)
        for name in names:
            print(f"  [{name}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
