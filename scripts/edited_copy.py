"""`make test-edited`: a copy of the project in which every fact has another valid value of its kind and
every title another wording (guidedev.factedits), for running the suite against it
(GUIDE_PROJECT_ROOT=<copy>). A correct edit by an editor must never turn the suite red; this is the whole
suite's check of that, browsers included. tests/test_fact_edits.py runs the quick part on every `make test`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from guidedev.factedits import edit_project
from guidedev.support import copy_project


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path, help="folder for the copy (emptied first)")
    args = parser.parse_args(argv)
    shutil.rmtree(args.dest, ignore_errors=True)
    project = copy_project(args.dest)
    edits = edit_project(project)
    print(f"{len(edits)}개 값을 바꾼 복사본: {project}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
