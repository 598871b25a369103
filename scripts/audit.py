"""`make audit`: Lighthouse (mobile) on one page of each kind, for our site and for a stock Material build
of the same Markdown (the median of three runs each), plus the gzipped first load of each kind of page
and what our offline copy downloads after the first visit. An audit to read, not a gate: Lighthouse's
performance figure wobbles from run to run.

The stock site is the twin of tests/guidedev/twin.py: the same final Markdown built with plain Material,
so both columns show the same words; only the theme work differs.

Usage: python scripts/audit.py [--all] [--runs N]   (--all: every page, not one per kind; N defaults to 3)"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from guidedev.support import ROOT, build_site, launch_chromium, site_pages
from guidedev.twin import dump_markdown, stock_config
from guidedev.webaudit import GzipServer, first_load_bytes, offline_copy, page_types

OUT = ROOT / "build" / "audit"
LIGHTHOUSE = ROOT / "tests" / "vendor" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
CHROME_FLAGS = "--no-sandbox --headless=new --disable-gpu --disable-background-networking --no-first-run"


# ── Lighthouse ───────────────────────────────────────────────────────────────


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--locale=en",
    ]
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores: dict[str, Any] = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["failed"] = sorted(
        a["id"]
        for c in CATEGORIES
        if c != "performance"
        for ref in data["categories"][c]["auditRefs"]
        if (a := data["audits"][ref["id"]])["score"] is not None and a["score"] < 1 and ref["weight"] > 0
    )
    return scores


def median_scores(runs: list[dict]) -> dict:
    out: dict[str, Any] = {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
    out["failed"] = sorted({a for r in runs for a in r["failed"]})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="audit every page, not one of each kind")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median is shown)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `make audit` (it runs `npm ci --prefix tests/vendor`).", file=sys.stderr)
        return 2
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    ours, stock_docs = OUT / "ours", OUT / "stock" / "docs"
    result = build_site(ours)
    if result.returncode:
        print(result.stderr, file=sys.stderr)
        return 1
    dump_markdown(stock_docs, ROOT, OUT / "dump-site")
    result = build_site(OUT / "stock" / "site", config=stock_config(stock_docs))
    if result.returncode:
        print(result.stderr, file=sys.stderr)
        return 1

    pages = site_pages(ours)
    kinds = {p or "home": p for p in pages} if args.all else page_types(ours, pages)
    rows = []
    with GzipServer(ours) as our_server, GzipServer(OUT / "stock" / "site") as stock_server:
        for kind, path in kinds.items():
            row: dict[str, Any] = {"kind": kind, "path": "/" + path}
            for name, server in (("ours", our_server), ("stock", stock_server)):
                runs = [
                    lighthouse(server.url + path, OUT / f"lh-{name}-{kind.replace('/', '_')}-{i}.json")
                    for i in range(args.runs)
                ]
                row[name] = median_scores(runs)
            rows.append(row)
            print(f"  {kind}: ours {row['ours']} stock {row['stock']}", file=sys.stderr)
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for row in rows:
                path = row["path"][1:]
                row["load"] = {
                    "ours": sum(first_load_bytes(browser, our_server.url + path).values()),
                    "stock": sum(first_load_bytes(browser, stock_server.url + path).values()),
                }
            copy = offline_copy(browser, ours)
            browser.close()

    print_table(rows, copy)
    (OUT / "report.json").write_text(
        json.dumps({"pages": rows, "offline_copy": copy}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"\nReports: {OUT.relative_to(ROOT)}/ (lh-*.json, report.json)")
    return 0


def print_table(rows: list[dict], copy: dict) -> None:
    cols = " ".join(f"{SHORT[c]:>4}" for c in CATEGORIES)
    print(
        f"\nLighthouse {json.loads((LIGHTHOUSE.resolve().parent.parent / 'package.json').read_text())['version']}"
        f" (mobile), ours vs stock Material on the same Markdown; first load = gzipped HTML, CSS and JS"
    )
    print(
        f"{'page type':<20} {'path':<28} | ours {cols} | stock {cols} | first load ours / stock"
        " | ours below 100 (not perf)"
    )
    for r in rows:
        o = " ".join(f"{r['ours'][c]:>4}" for c in CATEGORIES)
        s = " ".join(f"{r['stock'][c]:>4}" for c in CATEGORIES)
        load = f"{r['load']['ours'] / 1024:5.1f} / {r['load']['stock'] / 1024:5.1f} KiB"
        failed = ", ".join(r["ours"]["failed"]) or "-"
        print(f"{r['kind']:<20} {r['path']:<28} |      {o} |       {s} | {load:>23} | {failed}")
    print(
        f"offline copy (ours, after the first visit): {len(copy['files'])} files, "
        f"{copy['sent'] / 1024:.0f} KiB sent gzipped, {copy['stored'] / 1024:.0f} KiB stored"
    )


if __name__ == "__main__":
    sys.exit(main())
