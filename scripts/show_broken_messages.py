"""Print what each broken-data fixture makes `mkdocs build` say — the list an editor will see.

Run it as `make broken-messages` (the .venv has guidedev; `FIXTURES="01-tab-indent 05-…"` shows only those);
it reads and builds by absolute path, so any working directory will do."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

from guidedev.edits import apply_edit
from guidedev.support import BROKEN_FIXTURES, build_site, copy_project

wanted = set(sys.argv[1:])
unknown = wanted - {f.stem for f in BROKEN_FIXTURES}
if unknown:
    print(f"tests/fixtures/broken/에 없는 예시예요: {', '.join(sorted(unknown))}", file=sys.stderr)
    sys.exit(2)

for fixture in (f for f in BROKEN_FIXTURES if not wanted or f.stem in wanted):
    case = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        apply_edit(project, case["edit"])
        result = build_site(Path(tmp) / "site", config=project / "mkdocs.yml")
    lines, in_info = [], False
    for line in result.stderr.splitlines():
        # INFO lines (and the indented lines that continue one, like the freshness notice) are not the error
        in_info = line.startswith("INFO") or (in_info and line.startswith("  "))
        if not in_info:
            lines.append(line)
    print(f"## {fixture.stem} — {case['mistake']} (exit {result.returncode})")
    print("\n".join(lines))
    print()
