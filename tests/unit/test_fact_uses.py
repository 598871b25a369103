"""`make where`: which pages and data entries use a fact. Expectations are read from the data file and the
pages themselves (which entry names which fact), never from today's wording."""

from __future__ import annotations

import subprocess
import sys

import pytest

from guide_copy import GUIDE, MARKS, RAW
from guidedev.edits import resolve
from guidedev.support import CHECKOUT, ROOT
from guidekit.blocks import BLOCKS
from guidekit.context import RenderContext
from guidekit.expand import expand_page
from guidekit.fact_uses import GROUPS, describe, fact_uses, overview, unknown_fact_message
from guidekit.pages import generated_pages
from guidekit.render import TEMPLATES
from guidekit.syntax import block_marker, fact_keys, fact_marker

pytestmark = pytest.mark.reads_guide

DOCS = ROOT / "docs"
PAGES = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))}
GENERATED = generated_pages(GUIDE)
USES = fact_uses(GUIDE, PAGES, GENERATED)


def _data_entries_naming(list_name: str) -> list[tuple[str, str]]:
    """(entry id, fact key) for every fact an entry's texts name, read from the raw file."""
    found = []

    def walk(value, entry_id):
        if isinstance(value, str):
            found.extend((entry_id, key) for key in fact_keys(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v, entry_id)
        elif isinstance(value, list):
            for v in value:
                walk(v, entry_id)

    for entry in RAW.get(list_name) or []:
        walk(entry, entry["id"])
    return found


def test_every_fact_is_shown_by_some_page_as_the_strict_build_requires():
    shown = {key for key, uses in USES.items() if any(u.group in ("page", "generated") for u in uses)}
    assert shown == set(GUIDE.facts)


def test_a_fact_written_in_a_page_is_found_at_its_line():
    for src, text in PAGES.items():
        lines = text.splitlines()
        for key, uses in USES.items():
            for use in uses:
                if use.group == "page" and use.place.startswith(f"docs/{src}:") and use.what == fact_marker(key):
                    line = lines[int(use.place.rsplit(":", 1)[1]) - 1]
                    assert key in fact_keys(line), (use, line)


def test_a_block_in_a_page_is_found_at_its_line():
    blocks = [u for uses in USES.values() for u in uses if u.group == "page" and u.what.startswith("guide:")]
    assert blocks
    for use in blocks:
        src, line = use.place.removeprefix("docs/").rsplit(":", 1)
        name, _, arg = use.what.removeprefix("guide:").partition(" ")
        assert PAGES[src].splitlines()[int(line) - 1].strip() == block_marker(name, arg or None), use


@pytest.mark.parametrize(
    ("list_name", "group"), [(g, g) for g in ("scenarios", "checklists", "faq", "message_templates")]
)
def test_every_data_entry_that_names_a_fact_is_listed_under_its_kind(list_name, group):
    naming = _data_entries_naming(list_name)
    assert naming, f"no entry of {list_name} names a fact"
    for entry_id, key in naming:
        assert any(u.group == group and u.entry == f"{list_name}[id={entry_id}]" for u in USES[key]), (entry_id, key)


def test_a_data_use_names_its_key_path_and_line():
    data_uses = [u for uses in USES.values() for u in uses if u.place.startswith(f"{GUIDE.file}:")]
    for key, uses in USES.items():
        for use in uses:
            if use.place.startswith(f"{GUIDE.file}:") and not use.what.startswith("facts."):
                path = resolve(RAW, use.what)
                value = RAW
                for part in path:
                    value = value[part]
                assert key in fact_keys(value), use
                assert int(use.place.rsplit(":", 1)[1]) == MARKS[path][0], use
    assert data_uses


def test_facts_shown_together_are_listed():
    for fact in GUIDE.facts.values():
        for other in fact.shown_with:
            assert any(u.what == f"facts.{fact.key}.shown_with" for u in USES[other])


def test_the_summary_template_lines_are_named():
    template = TEMPLATES / "pages" / "summary.md"
    for n, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
        for key in fact_keys(line):
            shown = f"hooks/guidekit/templates/pages/summary.md:{n}"
            assert any(u.place == "summary.md" and shown in u.what for u in USES[key]), (key, n)


def test_a_page_of_its_own():
    scenario = GUIDE.scenarios[0]
    key = sorted(GUIDE.facts)[0]
    page = f"# 제목\n\n{fact_marker(key)}를 봐요.\n\n{block_marker('scenario', scenario.id)}\n\n```\n{fact_marker(key)}\n```\n"
    uses = fact_uses(GUIDE, {"new.md": page})
    assert next(u.place for u in uses[key] if u.group == "page") == "docs/new.md:3"
    assert not [u for u in uses[key] if u.place == "docs/new.md:8"], "a fenced example is not a use"
    in_scenario = {k for k in GUIDE.facts if any(u.entry == f"scenarios[id={scenario.id}]" for u in USES[k])}
    for k in in_scenario:
        assert any(u.place == "docs/new.md:5" for u in uses[k]), k


def test_describe_and_overview_name_every_place():
    key = max(USES, key=lambda k: len({u.group for u in USES[k]}))
    text = describe(GUIDE, key, USES[key])
    assert text.splitlines()[0].startswith(f"facts.{key} ")
    for use in USES[key]:
        assert f"  {use.place}  {use.what}" in text
    for group in {u.group for u in USES[key]}:
        assert GROUPS[group] in text
    lines = overview(GUIDE, USES).splitlines()
    assert len(lines) == len(GUIDE.facts) + 1
    assert all(line.split(":", 1)[0].strip() in GUIDE.facts for line in lines[1:])


def test_an_unknown_fact_names_the_closest_keys():
    key = sorted(GUIDE.facts)[0]
    message = unknown_fact_message(GUIDE, key[:-1])
    assert key in message and GUIDE.file in message


def test_the_script_exits_1_on_an_unknown_fact_and_0_on_a_known_one():
    key = sorted(GUIDE.facts)[0]
    script = str(CHECKOUT / "scripts" / "where.py")
    bad = subprocess.run([sys.executable, script, key + "x"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and key in bad.stderr and "Traceback" not in bad.stderr
    good = subprocess.run([sys.executable, script, key], capture_output=True, text=True, cwd=ROOT)
    assert good.returncode == 0 and good.stdout.startswith(f"facts.{key} ")


@pytest.mark.parametrize("src", sorted(PAGES) + sorted(GENERATED))
def test_a_page_uses_the_facts_its_expansion_shows(src):
    """The same facts as the build's own expansion of the page (what its unused-fact check counts)."""
    ctx = RenderContext(guide=GUIDE, where=src, url_for=lambda link, origin: link)
    expand_page(PAGES.get(src) or GENERATED[src], ctx, BLOCKS)
    listed = {k for k, uses in USES.items() if any(u.place == src or u.place.startswith(f"docs/{src}:") for u in uses)}
    assert listed == set(ctx.used)
