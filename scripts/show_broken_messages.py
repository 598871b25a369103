"""Print what each broken-data fixture makes `mkdocs build` say — the list an editor will see."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_broken_data import FIXTURES, apply_edit  # noqa: E402

from support import build_site, copy_project  # noqa: E402

for fixture in FIXTURES:
    case = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        apply_edit(project, case["edit"])
        result = build_site(Path(tmp) / "site", config=project / "mkdocs.yml")
    lines = [
        line
        for line in result.stderr.splitlines()
        if not line.startswith(("INFO", "  - facts.")) and "확인한 뒤에는" not in line
    ]
    print(f"## {fixture.stem} — {case['mistake']} (exit {result.returncode})")
    print("\n".join(lines))
    print()
