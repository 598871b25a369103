"""Hostile text in every display string of the data file at once, built and read in a browser: every page
shows it as typed, runs nothing from it (a `window.__pwned` sentinel), reports no Content-Security-Policy
violation and carries no direction control; or the build refuses it with one clean message.

What the loader refuses outright (HTML tags, Markdown links, backticks, invisible characters, markers in
plain fields), with one clean message, is tested place by place in tests/unit/test_data_text.py and end
to end by the broken-data fixtures; here go the strings that pass it and only look dangerous, so every
build must succeed and every page is read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from guidedev.datapaths import display_paths, max_length
from guidedev.searchprobe import INPUT, open_search
from guidedev.support import NO_WORKER, SiteServer, build_site, copy_project, site_pages
from guidedev.webaudit import RECORD_POLICY_VIOLATIONS
from guidekit.yaml_positions import parse_yaml

pytestmark = pytest.mark.browser

# Allowed by the loader, and each a way in if a value were ever put into a page unescaped, unescaped twice,
# or into an attribute.
SNEAKY = [
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    "&#60;img src=x onerror=window.__pwned=2&#62;",
    '" onmouseover="window.__pwned=3" x="',
    "' autofocus onfocus='window.__pwned=4' x='",
    "javascript:window.__pwned=5",
    "*굵게* _기울임_ ~~취소~~ | 칸 | {: .x } \\ ^위^ [ ]",
]
TRICKY = st.text(alphabet="가나다 <>&;#'\"*_~|\\{}()!=+^:/.-", min_size=1, max_size=20).filter(
    lambda t: t.strip() and not re.search(r"<[A-Za-z/!?]|\{\{|\}\}|\*\*", t)
)
# Places whose text other parts of the data must match word for word, or that the build computes with.
KEEP = re.compile(
    r"^(checklists\.\d+\.blanks|scenarios\.\d+\.see\.\d+\.text|details\.\d+\.(label|also_called)|"
    r"message_templates\.\d+\.free_text|facts\.\w+\.(unit|attribution)|style\.)"
)
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _plant(project: Path, payload: str) -> int:
    data_file = project / "docs/data/guide.yml"
    schema = json.loads((project / "docs/data/guide.schema.json").read_text("utf-8"))
    data, _ = parse_yaml(data_file.read_text("utf-8"), "guide.yml")
    paths = [p for p in display_paths(data, schema) if not KEEP.match(".".join(map(str, p)))]
    for path in paths:
        node = data
        for part in path[:-1]:
            node = node[part]
        # At the start, so what a particle or a check reads at the end of a value stays the same.
        value = payload + " " + node[path[-1]]
        limit = max_length(path, schema)
        node[path[-1]] = value if limit is None or len(value) <= limit else node[path[-1]]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    data_file.write_text("# yaml-language-server: $schema=guide.schema.json\n" + text, "utf-8")
    return len(paths)


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


# Each example is a whole build read page by page (about 12 s). `make test` and CI read every sneaky string
# at once; `make test-deep` (HYPOTHESIS_PROFILE=deep) adds strings drawn from the same characters (under the
# derandomized CI profile a drawn one was the same string on every run, for another build's worth of time).
DRAWN = 5 if settings.default.max_examples > 100 else 0


@settings(
    max_examples=max(DRAWN, 1),
    phases=(Phase.explicit, Phase.generate) if DRAWN else (Phase.explicit,),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=TRICKY)
@example(payload=" ".join(SNEAKY))
def test_hostile_text_in_every_display_string_shows_as_text_and_never_runs(browser, workdir, payload):
    project = copy_project(workdir / f"p{abs(hash(payload))}")
    planted = _plant(project, payload)
    assert planted > 500
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    # Every payload here passes the loader's rules by construction, so nothing may stop the build.
    assert result.returncode == 0, (payload, result.stderr[-2000:])
    with SiteServer(site) as server:
        context = browser.new_context(**NO_WORKER, viewport={"width": 390, "height": 844})
        context.add_init_script(RECORD_POLICY_VIOLATIONS)
        dialogs: list[str] = []
        context.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = context.new_page()
        problems = []
        for path in [*site_pages(site), "no-such-page/"]:
            page.goto(server.url + path, wait_until="load")
            page.mouse.move(50, 300)
            state = page.evaluate(
                "() => ({pwned: window.__pwned, csp: window.__csp, text: document.body.innerText,"
                ' js: [...document.querySelectorAll(\'[href^="javascript:" i], [src^="javascript:" i]\')].length})'
            )
            if state["pwned"] is not None or state["csp"] or state["js"]:
                problems.append(f"{path}: {state['pwned']} {state['csp']} {state['js']}")
            if BIDI.search(state["text"]):
                problems.append(f"{path}: a direction control reached the page")
            if path in ("", "faq/") and _normal(payload) not in _normal(state["text"]):
                problems.append(f"{path}: the text is not shown as typed")
        # The search list, and its no-match list (topic titles in HTML), both from the data.
        page.goto(server.url, wait_until="load")
        open_search(page)
        for query in ("반품", "아무말대잔치존재안함"):
            page.fill(INPUT, query)
            page.wait_for_selector(".md-search-result__item", timeout=15000)
            if page.evaluate("window.__pwned") is not None or page.evaluate("window.__csp").__len__():
                problems.append(f"search {query}: ran or was blocked")
        context.close()
    assert not dialogs and not problems, (payload, dialogs, problems)
