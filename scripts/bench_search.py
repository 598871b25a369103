"""`make bench-search`: build the same pages twice, once with Material's stock search settings and once
with ours (the korean_search hook), and print side by side how many queries each answers in the real
search box, how many land right on Enter, how big each search index is, and how long results take after
the last key with Chromium's CPU slowed down 4x. Prints figures only; the tests check behaviour.

`--no-browser` (`make bench-search BENCH_ARGS=--no-browser`): after the two builds, each site's own search
worker answers every query of the four sets in node (tests/js/search-run.mjs), in a few seconds: answers in
the first four entries and Enter landing right per set, the node time, and where ours lands wrong."""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from guidedev.nodesearch import run_searches, shown_entries
from guidedev.searchprobe import QUERY_SETS, Query, SearchBox, load_queries, location_of, open_search
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
    hits, landed, latencies, missed = 0, 0, [], []
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
            # Where Enter goes, by the page's own rule (ours: the first entry; stock: the best score).
            enter = box.enter_href()
            landed += enter is not None and location_of(enter, server.url) in q.lands
            if samples:
                latencies.append(statistics.median(samples))
        page.close()
    latencies.sort()
    return {
        "at_load": at_load,
        "ready": ready,
        "samples": latencies,
        "answered": hits,
        "landed": landed,
        "total": len(queries),
        "missed": missed,
        "bytes": len(index),
        "gzip": len(gzip.compress(index, 9)),
    }


def pct(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.0f} %)"


def print_table(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'stock Material':>16}  {'ours':>16}")
    for label, a, b in rows:
        print(f"{label:{width}}  {a:>16}  {b:>16}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--no-browser", action="store_true", help="answers and landings only, from each site's worker run in node"
    )
    args = parser.parse_args()
    guide = load_project_guide()
    sets = {name: load_queries(path, guide) for name, path in QUERY_SETS.items()}
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
        if args.no_browser:
            return report_node({name: dest for name, (dest, _) in sites.items()}, sets)
        return report_browser({name: dest for name, (dest, _) in sites.items()}, sets)


def report_node(sites: dict[str, Path], sets: dict[str, list[Query]]) -> int:
    """Every query of every set through each site's worker in node, one run per site."""
    queries = [q for qs in sets.values() for q in qs]
    runs, wall = {}, {}
    for name, site in sites.items():
        start = time.perf_counter()
        runs[name] = run_searches(site, queries)
        wall[name] = time.perf_counter() - start
    # Each set's slice of the runs, in the sets' order.
    per_set: dict[str, dict[str, list[tuple[Query, dict]]]] = {name: {} for name in sites}
    for name, results in runs.items():
        at = 0
        for set_name, qs in sets.items():
            per_set[name][set_name] = list(zip(qs, results[at : at + len(qs)], strict=True))
            at += len(qs)

    def answered(name: str, set_name: str) -> str:
        pairs = per_set[name][set_name]
        return pct(sum(q.answered_by(shown_entries(r)) for q, r in pairs), len(pairs))

    def landed(name: str, set_name: str) -> str:
        pairs = per_set[name][set_name]
        return pct(sum(r["enter"] in q.lands for q, r in pairs), len(pairs))

    rows = []
    for set_name in sets:
        rows.append((f"{set_name} answered (top 4)", answered("stock", set_name), answered("ours", set_name)))
        rows.append((f"{set_name} Enter lands right", landed("stock", set_name), landed("ours", set_name)))
    total = len(queries)

    def landed_all(name: str) -> str:
        return pct(sum(r["enter"] in q.lands for q, r in zip(queries, runs[name], strict=True)), total)

    def calls(name: str) -> list[float]:
        return [r["ms"] for r in runs[name]]

    rows += [
        ("all Enter lands right", landed_all("stock"), landed_all("ours")),
        (f"node run, {total} queries, wall", f"{wall['stock']:.2f} s", f"{wall['ours']:.2f} s"),
        ("  of it the search calls", f"{sum(calls('stock')):.0f} ms", f"{sum(calls('ours')):.0f} ms"),
        ("  slowest search call", f"{max(calls('stock')):.1f} ms", f"{max(calls('ours')):.1f} ms"),
    ]
    print_table(rows)
    misses = [(s, q, r) for s, pairs in per_set["ours"].items() for q, r in pairs if r["enter"] not in q.lands]
    print(f"\nEnter lands wrong, ours: {len(misses)} of {total}")
    for set_name, q, r in misses:
        where = "(nowhere)" if r["enter"] is None else repr(r["enter"])
        print(f"  {set_name:6} {q.q!r} -> {where}, expected {' or '.join(repr(x) for x in q.lands)}")
    return 0


def report_browser(sites: dict[str, Path], sets: dict[str, list[Query]]) -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        # Latency on the shared sets (below); dev-3 and our own variants are typed once, for their answers
        # and landings alone.
        res = {
            name: {
                "dev": measure(dest, sets["dev"], browser, opening=True),
                "dev2": measure(dest, sets["dev-2"], browser),
                "dev3": measure(dest, sets["dev-3"], browser, repeats=0),
                "extra": measure(dest, sets["extra"], browser, repeats=0),
            }
            for name, dest in sites.items()
        }
        browser.close()
    dev, dev2 = sets["dev"], sets["dev-2"]

    def ms(v):
        return "-" if v is None else f"{v:.0f} ms"

    s, o = res["stock"], res["ours"]
    # Latency over both shared sets: dev-2 brings the first-consonant and typo paths.
    timed = {name: sorted(res[name]["dev"]["samples"] + res[name]["dev2"]["samples"]) for name in res}

    def med(name):
        return statistics.median(timed[name]) if timed[name] else None

    def p90(name):
        return timed[name][int(0.9 * (len(timed[name]) - 1))] if timed[name] else None

    def answered(r):
        return pct(r["answered"], r["total"])

    def landed(r):
        return pct(r["landed"], r["total"])

    rows = [
        ("dev queries answered (top 4)", answered(s["dev"]), answered(o["dev"])),
        ("dev-2 queries answered (top 4)", answered(s["dev2"]), answered(o["dev2"])),
        ("dev-3 queries answered (top 4)", answered(s["dev3"]), answered(o["dev3"])),
        ("own variants answered (top 4)", answered(s["extra"]), answered(o["extra"])),
        ("dev Enter lands right", landed(s["dev"]), landed(o["dev"])),
        ("dev-2 Enter lands right", landed(s["dev2"]), landed(o["dev2"])),
        ("dev-3 Enter lands right", landed(s["dev3"]), landed(o["dev3"])),
        ("own variants Enter lands right", landed(s["extra"]), landed(o["extra"])),
        ("search index, bytes", f"{s['dev']['bytes']:,}", f"{o['dev']['bytes']:,}"),
        ("search index, gzip -9 bytes", f"{s['dev']['gzip']:,}", f"{o['dev']['gzip']:,}"),
        ("index bytes fetched before search opens", f"{s['dev']['at_load']:,}", f"{o['dev']['at_load']:,}"),
        (f"tap on search -> index ready, CPU {THROTTLE}x", ms(s["dev"]["ready"]), ms(o["dev"]["ready"])),
        (f"last key -> results, median, CPU {THROTTLE}x", ms(med("stock")), ms(med("ours"))),
        (f"last key -> results, p90, CPU {THROTTLE}x", ms(p90("stock")), ms(p90("ours"))),
        (f"last key -> results, slowest query, CPU {THROTTLE}x", ms(timed["stock"][-1]), ms(timed["ours"][-1])),
    ]
    print_table(rows)
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
        missed = [q for r in res[name].values() for q in r["missed"]]
        print(f"not answered, {name}: {', '.join(missed) if missed else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
