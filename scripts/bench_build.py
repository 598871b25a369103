"""`make bench-build`: how long an editor waits for our build, side by side with the stock twin (the same
final Markdown built with plain Material, tests/guidedev/twin.py), at today's size and with the topic
pages ×20 (a scaled copy made by tests/guidedev/scale.py under build/bench/; nothing goes into docs/).

Prints, in one run:
- `mkdocs build --strict`, wall time of the command: rounds of ours, ours with the page checks in the
  build's own process (GUIDE_CHECKS_HERE) and stock, one after the other, the order turning each round;
  the median of each and the ratio of the medians;
- `mkdocs serve`: from saving an edit to the new text being served, ours (an edit to guide.yml) and stock
  (the same words edited in the page), median of several edits;
- loading and checking a data file of 10,000+ lines (the data ×N), with the C YAML loader and the pure one;
- the Korean search field (ko-search.js `setup`, in Chromium) over each size's search index;
- the time of each of our hooks' steps, median of fresh builds, and per page.

Figures only; the tests check behaviour. Usage:
  python scripts/bench_build.py [--runs N] [--pages N] [--project DIR] [--skip serve,search]
`--project` benches another checkout (e.g. a worktree of an older commit) with its own hooks."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import yaml

from guidedev.scale import data_lines, scale_data, scaled_project
from guidedev.support import ROOT, free_port

OUT = ROOT / "build" / "bench"
STEPS_MARK = "BENCH-STEPS "
EDITED_FACT, EDITED_PAGE = "chatbot_hours", "chat/"  # a fact, and a page that shows it


# ── one build, timed ─────────────────────────────────────────────────────────


def _env(project: Path) -> dict:
    # Each copy holds its own hooks/ (MkDocs puts a hook's folder first on sys.path while loading it), so a
    # build runs the benched checkout's code, not this one's. Python keeps bytecode as on any machine that
    # does not turn it off: with PYTHONDONTWRITEBYTECODE set (this sandbox sets it), every build of ours
    # compiled the hooks from source while stock Material's installed packages had theirs.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(config: Path, site: Path, project: Path, env: dict | None = None) -> float:
    """Seconds for `mkdocs build --strict` of `config`, the whole command as an editor runs it."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    result = subprocess.run(
        cmd, cwd=config.parent, env={**_env(project), **(env or {})}, capture_output=True, text=True
    )
    took = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return took


# Our build with the page checks done in the build's own process (guidekit/beside.py), to show what the
# second process gives; run in the same rounds as the other two, so all three see the same machine.
HERE = {"GUIDE_CHECKS_HERE": "1"}


def paired(ours: Path, stock: Path, project: Path, runs: int) -> dict:
    """Rounds of ours, ours with the checks here, and stock, one after the other, the order turning each
    round; the median of each and the ratios to stock."""
    times: dict[str, list[float]] = {"ours": [], "here": [], "stock": []}
    builds = [("ours", ours, None), ("here", ours, HERE), ("stock", stock, None)]
    for i in range(runs):
        for name, config, env in builds[i % 3 :] + builds[: i % 3]:
            times[name].append(timed_build(config, config.parent / f"site-{name}", project, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {**med, "ratio": med["ours"] / med["stock"], "runs": times}


# ── our hooks' steps ─────────────────────────────────────────────────────────


def steps_in_this_process(config_file: str, site: str) -> None:
    """Build once with every event of our hooks timed; print the times as one JSON line."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file, site_dir=site, strict=True)
    took: dict[str, float] = defaultdict(float)

    def timed(name, method):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                took[name] += time.perf_counter() - start

        return run

    for event, methods in config.plugins.events.items():
        for i, method in enumerate(methods):
            module = getattr(method, "__module__", "") or ""
            if module.startswith("hooks/"):
                methods[i] = timed(f"{module.removeprefix('hooks/')} {event}", method)
    start = time.perf_counter()
    build(config)
    took["(whole build)"] = time.perf_counter() - start
    print(STEPS_MARK + json.dumps(took))


def step_times(config: Path, project: Path, runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        cmd = [sys.executable, __file__, "--steps-of", str(config), "--steps-site", str(config.parent / "site-steps")]
        result = subprocess.run(cmd, cwd=config.parent, env=_env(project), capture_output=True, text=True)
        line = next((x for x in result.stdout.splitlines() if x.startswith(STEPS_MARK)), None)
        if result.returncode or line is None:
            raise SystemExit(f"timed build of {config} failed:\n{result.stderr[-3000:]}")
        for name, seconds in json.loads(line.removeprefix(STEPS_MARK)).items():
            samples[name].append(seconds)
    return {name: statistics.median(v) for name, v in samples.items()}


# ── mkdocs serve ─────────────────────────────────────────────────────────────


def serve_latency(
    project: Path,
    config: Path,
    target: Path,
    url_path: str,
    *,
    edit: tuple[str, str],
    shown: tuple[str, str],
    edits: int,
) -> float:
    """Median seconds from saving `target` with edit[0] swapped for edit[1] (and back, alternately) until
    the served page at `url_path` shows shown[1] instead of shown[0] (and back)."""
    port = free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(
        cmd, cwd=config.parent, env=_env(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/{url_path}"
    original = target.read_text(encoding="utf-8")
    if edit[0] not in original:
        raise SystemExit(f"{target} does not contain {edit[0]!r}")
    try:
        _wait_for(url, shown[0], timeout=120)
        samples = []
        for i in range(edits):
            old, new = (0, 1) if i % 2 == 0 else (1, 0)
            time.sleep(1.5)  # let the watcher settle after the last build
            text = target.read_text(encoding="utf-8")
            start = time.perf_counter()
            target.write_text(text.replace(edit[old], edit[new]), encoding="utf-8")
            _wait_for(url, shown[new], timeout=60, gone=shown[old])
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)
    finally:
        target.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=20)


def _wait_for(url: str, text: str, timeout: float, gone: str | None = None) -> None:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                body = r.read().decode("utf-8")
            if text in body and (gone is None or gone not in body):
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


# ── data file and search field ───────────────────────────────────────────────


def data_load_times(project: Path, tmp: Path, min_lines: int = 10_000, runs: int = 5) -> dict:
    """Seconds to read, parse and check (schema included, nothing kept from an earlier build) a data file of
    at least `min_lines` lines (the data ×N), with the C YAML loader and with the pure-Python one."""
    import inspect

    from guidekit import load, yaml_positions

    guide, _ = yaml_positions.parse_yaml((project / "docs/data/guide.yml").read_text(encoding="utf-8"), "guide.yml")
    n = 2
    while True:
        text = yaml.safe_dump(scale_data(guide, n), allow_unicode=True, sort_keys=False, width=100_000)
        if text.count("\n") >= min_lines:
            break
        n += 1
    data = tmp / "guide.yml"
    data.write_text(text, encoding="utf-8")
    schema = project / "docs/data/guide.schema.json"
    cold = {"known_valid": False} if "known_valid" in inspect.signature(load.guide_from_checked).parameters else {}

    def load_once() -> None:
        parsed, marks = yaml_positions.parse_yaml(yaml_positions.read_text(data, "guide.yml"), "guide.yml")
        load.guide_from_checked(parsed, marks, "guide.yml", json.loads(schema.read_text(encoding="utf-8")), **cold)

    out: dict = {"lines": text.count("\n"), "times": n}
    chosen = getattr(yaml_positions, "LOADER", None)  # an older checkout has only the pure loader, no switch
    loaders = {"c": getattr(yaml_positions, "C_LOADER", None), "pure": getattr(yaml_positions, "PureLoader", None)}
    for name, loader in loaders.items():
        if (chosen is None and name == "c") or (chosen is not None and loader is None):
            out[name] = None
            continue
        if loader is not None:
            yaml_positions.LOADER = loader
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            load_once()
            samples.append(time.perf_counter() - start)
        out[name] = statistics.median(samples)
    if chosen is not None:
        yaml_positions.LOADER = chosen
    return out


def search_field_seconds(sites: dict[str, tuple[Path, int]], runs: int = 5) -> dict[str, float]:
    """Median seconds of ko-search.js `setup` (the Korean fields, made when search opens) over each site's
    index with its synonym groups repeated n times (label -> (site, n)), in Chromium without CPU slowdown."""
    from playwright.sync_api import sync_playwright

    from guidedev.support import SiteServer, launch_chromium

    out = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for name, (site, times) in sites.items():
            with SiteServer(site) as server:
                page = browser.new_page()
                page.goto(server.url + "404.html")
                page.add_script_tag(url=server.url + "assets/javascripts/workers/ko-search.js")
                samples = page.evaluate(
                    """async ([url, runs, times]) => {
                      const text = await (await fetch(url)).text(), out = []
                      for (let i = 0; i < runs; i++) {
                        const index = JSON.parse(text), groups = index.config.ko.synonyms
                        // copies of the groups, each word marked with its copy's number (never found, so
                        // every copy is compared with every section, as real groups are)
                        index.config.ko.synonyms = Array.from({ length: times }, (_, k) =>
                          groups.map(g => g.map(w => (k ? w + k : w)))).flat()
                        const start = performance.now()
                        koSearch.setup(index)
                        out.push((performance.now() - start) / 1000)
                      }
                      return out
                    }""",
                    [server.url + "search/search_index.json", runs, times],
                )
                out[name] = statistics.median(samples)
                page.close()
        browser.close()
    return out


# ── the run ──────────────────────────────────────────────────────────────────


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="paired build runs per size (median shown)")
    parser.add_argument("--pages", type=int, default=20, help="how many times the topic pages are copied")
    parser.add_argument("--edits", type=int, default=7, help="edits timed under mkdocs serve")
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to bench (default: this one)")
    parser.add_argument("--skip", default="", help="comma-separated: serve, search, data, steps")
    parser.add_argument("--steps-of", help=argparse.SUPPRESS)
    parser.add_argument("--steps-site", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.steps_of:
        steps_in_this_process(args.steps_of, args.steps_site)
        return 0
    skip = set(filter(None, args.skip.split(",")))
    project = args.project.resolve()
    # The benched checkout's guidekit for what runs in this process (data loading), before anything imports it.
    sys.path.insert(0, str(project / "hooks"))
    out = OUT if project == ROOT else OUT.with_name(f"bench-{project.name}")
    shutil.rmtree(out, ignore_errors=True)
    sizes = {
        "today": scaled_project(out / "today" / "ours", source=project),
        f"pages ×{args.pages}": scaled_project(out / f"x{args.pages}" / "ours", pages=args.pages, source=project),
    }
    rows = [build_row(label, ours, project, args.runs) for label, ours in sizes.items()]
    print_builds(rows, args.runs)
    if "serve" not in skip:
        print_serve(sizes["today"], project, args.edits)
    if "data" not in skip:
        d = data_load_times(project, out)
        c, pure = (f"{d[k]:.2f}s" if d[k] is not None else "-" for k in ("c", "pure"))
        print(
            f"\nload and check a data file of {d['lines']:,} lines (the data ×{d['times']}, schema included, "
            f"nothing kept): C loader {c}, pure-Python loader {pure}   (today's file: {data_lines(project):,} lines)"
        )
    if "search" not in skip:
        sites = {"today": (rows[0]["dir"] / "site-ours", 1)}
        sites[f"{rows[1]['label']}, synonyms ×{args.pages}"] = (rows[1]["dir"] / "site-ours", args.pages)
        field = search_field_seconds(sites)
        print("\nKorean search field (ko-search.js setup in Chromium, no slowdown), median of 5")
        print("  " + "   ".join(f"{label}: {s:.3f}s" for label, s in field.items()))
    if "steps" not in skip:
        print_steps({r["label"]: (step_times(r["dir"] / "mkdocs.yml", project, 3), r["pages"]) for r in rows})
    return 0


def build_row(label: str, ours: Path, project: Path, runs: int) -> dict:
    print(f"  {label}: making the stock twin …", file=sys.stderr)
    stock = _twin(ours, ours.parent / "stock", project)
    print(f"  {label}: {runs} rounds of ours, ours with the checks in one process, and stock …", file=sys.stderr)
    row = {"label": label, "dir": ours, **paired(ours / "mkdocs.yml", stock, project, runs)}
    row["pages"] = sum(1 for _ in (ours / "site-ours").rglob("index.html"))
    return row


def print_builds(rows: list[dict], runs: int) -> None:
    print(f"\nmkdocs build --strict, whole command, median of {runs} rounds (ours, ours with checks here, stock)")
    print("(nothing is kept between builds: every build is a first build)")
    print(f"{'content':<16} {'pages':>6} | {'ours':>7} | {'stock':>7} | ours/stock | ours, checks in one process")
    for r in rows:
        print(
            f"{r['label']:<16} {r['pages']:>6} | {r['ours']:6.2f}s | {r['stock']:6.2f}s | {r['ratio']:9.2f}× |"
            f" {r['here']:6.2f}s ({r['here'] / r['stock']:.2f}×)"
        )


def print_serve(today: Path, project: Path, edits: int) -> None:
    """The edit: a fact's value said twice. In our copy it is made in the data file; in the stock twin,
    whose page holds the final Markdown, in the page."""
    data = today / "docs/data/guide.yml"
    value = yaml.safe_load(data.read_text(encoding="utf-8"))["facts"][EDITED_FACT]["value"]
    shown = (f'data-fact="{EDITED_FACT}">{value}<', f'data-fact="{EDITED_FACT}">{value} {value}<')
    data_edit = (f"    value: {value}\n", f"    value: {value} {value}\n")
    ours = serve_latency(project, today / "mkdocs.yml", data, EDITED_PAGE, edit=data_edit, shown=shown, edits=edits)
    stock_page = today.parent / "stock" / "docs" / (EDITED_PAGE.rstrip("/") + ".md")
    stock_config = today.parent / "stock" / "mkdocs.yml"
    stock = serve_latency(project, stock_config, stock_page, EDITED_PAGE, edit=shown, shown=shown, edits=edits)
    print(f"\nmkdocs serve at today's size, save → new words served, median of {edits} edits")
    print(f"  ours (edit docs/data/guide.yml): {ours:.2f}s   stock twin (edit the page): {stock:.2f}s")


def print_steps(per: dict[str, tuple[dict[str, float], int]]) -> None:
    names = sorted({n for steps, _ in per.values() for n in steps}, key=lambda n: (n.startswith("("), n))
    print("\nour hooks, per step: seconds in the build (median of 3 fresh builds), and ms per page")
    print(f"{'step':<34} " + " | ".join(f"{label:>22}" for label in per))
    for n in names:
        cells = [
            f"{steps.get(n, 0.0):7.3f}s {1000 * steps.get(n, 0.0) / pages:7.2f}ms/p" for steps, pages in per.values()
        ]
        print(f"{n:<34} " + " | ".join(f"{c:>22}" for c in cells))


def _twin(ours: Path, dest: Path, project: Path) -> Path:
    """The stock twin, made in a fresh process: its dump build loads the copy's hooks and their guidekit."""
    code = "import sys, pathlib, guidedev.twin as t; t.make_twin(*map(pathlib.Path, sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(ours), str(dest)], env=_env(project), capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"stock twin of {ours} failed:\n{result.stderr[-3000:]}")
    return dest / "mkdocs.yml"


if __name__ == "__main__":
    sys.exit(main())
