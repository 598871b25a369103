"""`make bench-search`: build the same pages twice, once with Material's stock search settings and once
with ours (the korean_search hook), and print side by side how many queries each answers in the real
search box, how big each search index is, and how long results take after the last key with Chromium's
CPU slowed down 4x. Prints figures only; the browser test checks behaviour."""

from __future__ import annotations

import gzip
import os
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from guidedev.searchprobe import DEV2_QUERIES, DEV_QUERIES, EXTRA_QUERIES, SearchBox, load_queries, open_search
from guidedev.support import ROOT, SiteServer, build_site, launch_chromium, load_project_guide

THROTTLE = 4
# The last key of every query is typed 1 + REPEATS times; a query's latency is the median of those,
# which keeps one stall of a busy machine from deciding the figure.
REPEATS = 4


def stock_config(cfg: Path) -> Path:
    """mkdocs.yml with our Korean search switched off and without our search stylesheet: Material's search
    exactly as shipped, over the same pages. Written beside mkdocs.yml (the data file is found from there)."""
    cfg.write_text(
        "INHERIT: mkdocs.yml\nextra_css:\n  - stylesheets/extra.css\nextra:\n  korean_search: false\n", "utf-8"
    )
    return cfg


def index_bytes_before_search(url: str, browser) -> int:
    """Bytes of the search index a reader downloads with a page, before opening search."""
    page = browser.new_page()
    sizes: list[int] = []
    page.on(
        "requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]) if "search_index" in r.url else None
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    page.close()
    return sum(sizes)


def open_ms(url: str, browser, runs: int = 5) -> float:
    """Median ms from tapping search to an index ready to answer, on a fresh phone page at 4x slowdown
    (stock Material has fetched and built its index while the page loaded; ours starts on the tap)."""
    samples = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        page.goto(url, wait_until="networkidle")
        samples.append(open_search(page))
        page.close()
    return statistics.median(samples)


def measure(site: Path, queries, browser, repeats: int = REPEATS, opening: bool = False) -> dict:
    index = (site / "search" / "search_index.json").read_bytes()
    hits, latencies, missed = 0, [], []
    with SiteServer(site) as server:
        at_load = index_bytes_before_search(server.url, browser) if opening else None
        ready = open_ms(server.url, browser) if opening else None
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        box = SearchBox(page, server.url)
        box.throttle(THROTTLE)
        for q in queries:
            entries, samples = box.search(q.q, repeats=repeats)
            if q.answered_by(entries):
                hits += 1
            else:
                missed.append(q.q)
            if samples:
                latencies.append(statistics.median(samples))
        page.close()
    latencies.sort()
    return {
        "at_load": at_load,
        "ready": ready,
        "samples": latencies,
        "answered": hits,
        "total": len(queries),
        "missed": missed,
        "bytes": len(index),
        "gzip": len(gzip.compress(index, 9)),
    }


def main() -> int:
    guide = load_project_guide()
    dev = load_queries(DEV_QUERIES, guide)
    dev2 = load_queries(DEV2_QUERIES, guide)
    extra = load_queries(EXTRA_QUERIES, guide)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp_name:
        tmp = Path(tmp_name)
        cfg = ROOT / f".bench-stock-{tmp.name}.yml"
        sites = {"stock": (tmp / "stock", stock_config(cfg)), "ours": (tmp / "ours", None)}
        try:
            for name, (dest, config) in sites.items():
                result = build_site(dest, config) if config else build_site(dest)
                if result.returncode != 0:
                    print(f"{name} build failed:\n{result.stderr[-2000:]}")
                    return 1
        finally:
            cfg.unlink()
        with sync_playwright() as p:
            browser = launch_chromium(p)
            res = {
                name: {
                    "dev": measure(dest, dev, browser, opening=True),
                    "dev2": measure(dest, dev2, browser),
                    "extra": measure(dest, extra, browser, repeats=0),
                }
                for name, (dest, _) in sites.items()
            }
            browser.close()

    def pct(r):
        return f"{r['answered']}/{r['total']} ({100 * r['answered'] / r['total']:.0f} %)"

    def ms(v):
        return "-" if v is None else f"{v:.0f} ms"

    s, o = res["stock"], res["ours"]
    # Latency over both shared sets: dev-2 brings the first-consonant and typo paths.
    timed = {name: sorted(res[name]["dev"]["samples"] + res[name]["dev2"]["samples"]) for name in res}

    def med(name):
        return statistics.median(timed[name]) if timed[name] else None

    def p90(name):
        return timed[name][int(0.9 * (len(timed[name]) - 1))] if timed[name] else None

    rows = [
        ("dev queries answered (top 4)", pct(s["dev"]), pct(o["dev"])),
        ("dev-2 queries answered (top 4)", pct(s["dev2"]), pct(o["dev2"])),
        ("own variants answered (top 4)", pct(s["extra"]), pct(o["extra"])),
        ("search index, bytes", f"{s['dev']['bytes']:,}", f"{o['dev']['bytes']:,}"),
        ("search index, gzip -9 bytes", f"{s['dev']['gzip']:,}", f"{o['dev']['gzip']:,}"),
        ("index bytes fetched before search opens", f"{s['dev']['at_load']:,}", f"{o['dev']['at_load']:,}"),
        (f"tap on search -> index ready, CPU {THROTTLE}x", ms(s["dev"]["ready"]), ms(o["dev"]["ready"])),
        (f"last key -> results, median, CPU {THROTTLE}x", ms(med("stock")), ms(med("ours"))),
        (f"last key -> results, p90, CPU {THROTTLE}x", ms(p90("stock")), ms(p90("ours"))),
        (f"last key -> results, slowest query, CPU {THROTTLE}x", ms(timed["stock"][-1]), ms(timed["ours"][-1])),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'stock Material':>16}  {'ours':>16}")
    for label, a, b in rows:
        print(f"{label:{width}}  {a:>16}  {b:>16}")
    print(
        f"\nindex size, ours / stock: {o['dev']['bytes'] / s['dev']['bytes']:.2f}x "
        f"(gzip {o['dev']['gzip'] / s['dev']['gzip']:.2f}x)"
    )
    print(
        f"latency: per query the median of {1 + REPEATS} timings of its last key; over the "
        f"{len(dev) + len(dev2)} dev and dev-2 queries; "
        f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    for name in ("stock", "ours"):
        missed = res[name]["dev"]["missed"] + res[name]["dev2"]["missed"] + res[name]["extra"]["missed"]
        print(f"not answered, {name}: {', '.join(missed) if missed else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
