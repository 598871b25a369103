"""A printed page read back with poppler's tools (poppler-utils; scripts/browsers.sh installs them)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def a4_sheets(path: Path) -> int:
    """How many sheets the PDF has; fails unless they are A4 portrait."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size and abs(float(size.group(1)) - 595) < 2 and abs(float(size.group(2)) - 842) < 2, "not A4 portrait"
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert pages, info
    return int(pages.group(1))


def pdf_text(path: Path, first: int | None = None, layout: bool = True) -> str:
    """The text of the PDF (of sheet `first` alone, if given); `layout` keeps columns side by side."""
    args = ["pdftotext"] + (["-layout"] if layout else []) + (["-f", str(first), "-l", str(first)] if first else [])
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
