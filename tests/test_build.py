"""The real site builds under `strict: true` with no warning, every page comes from Markdown plus the
data file, and no text is copied from the source guide."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from guidedev.searchprobe import QUERY_SETS, SHARED_COPIES, differences_from_shared, load_queries
from guidedev.support import ROOT, load_project_guide
from guidekit.syntax import LEFTOVERS

pytestmark = pytest.mark.reads_guide


def test_strict_build_has_no_warnings(built_site):
    _, result = built_site
    assert "WARNING" not in result.stderr, result.stderr


def nav_pages(entries=None) -> list[str]:
    """Every page file named in mkdocs.yml's nav, sections included."""
    if entries is None:
        entries = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    out = []
    for entry in entries:
        (value,) = entry.values()
        out += nav_pages(value) if isinstance(value, list) else [value]
    return out


def test_every_nav_page_is_built(built_site):
    site, _ = built_site
    for src in nav_pages():
        if src.endswith("index.md"):
            out = site / src.removesuffix("index.md") / "index.html"
        else:
            out = site / (src.removesuffix(".md") + "/index.html")
        assert out.exists(), src


def test_no_fact_reference_or_block_marker_survives(built_site):
    site, _ = built_site
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not any(marker in text for marker in LEFTOVERS), html


def test_nothing_written_into_docs(strict_build):
    """The build adds its pages in memory, never as files in docs/: every file there, a new page an editor
    has not committed yet included, is byte for byte what it was before the build."""
    assert strict_build.docs_after == strict_build.docs_before, "the strict build wrote into docs/"


def test_our_scripts_ship_without_their_comments_imported_modules_too(built_site):
    """The comments say why for whoever edits the code; a phone need not download them. The modules no page
    links (device-store.js, case-file.js, fetched by import) are ours as much as those it links."""
    site, _ = built_site
    scripts = sorted((site / "javascripts").glob("*.js"))
    assert {"device-store.js", "case-file.js", "days.js", "deadline-math.js"} <= {p.name for p in scripts}
    for path in scripts:
        text = path.read_text("utf-8")
        assert not re.search(r"^\s*(/\*|//)", text, re.M), path.name


def test_data_file_is_not_published(built_site):
    site, _ = built_site
    assert not (site / "data").exists()


def test_every_page_names_itself_unofficial_and_dated(built_site):
    site, _ = built_site
    for html in site.rglob("index.html"):
        if html.parent.name in ("search",):
            continue
        text = html.read_text(encoding="utf-8")
        assert "비공식 안내서" in text, html
        # Each date in its true sense: when official facts were compared with their sources, and the day the
        # blog post behind the unofficial ones was written (never one span mixing the two).
        assert re.search(r"(대조한 날: |원본 글: (<span[^>]*>)?)20\d\d-\d\d-\d\d", text), html
        assert not re.search(r"20\d\d-\d\d-\d\d ~ ", text), html


def test_register_is_haeyo_throughout():
    """One register: no 합니다체 sentence endings in pages or data text."""
    formal = re.compile(r"(습니다|합니다|됩니다|입니다|십시오)[.!?]?(\s|$)")
    files = (
        list((ROOT / "docs").rglob("*.md"))
        + [ROOT / "docs/data/guide.yml"]
        + list((ROOT / "hooks").rglob("*.py"))
        + list((ROOT / "hooks").rglob("*.html"))
        + list((ROOT / "hooks").rglob("*.md"))  # the generated pages' templates
        + list((ROOT / "overrides").rglob("*.html"))
    )
    hits = [
        f"{f.relative_to(ROOT)}: {m.group(0)}" for f in files for m in formal.finditer(f.read_text(encoding="utf-8"))
    ]
    assert not hits, hits


def test_section_a_facts_appear_in_data():
    """Every fact the issue's section A named has its entry, found by key and kind (never by today's value,
    so a corrected hour or menu name keeps this green), and so do the checklist lines it asked for."""
    guide = load_project_guide()
    kinds = {key: fact.kind for key, fact in guide.facts.items()}
    wanted = {
        "agent_keywords": "keywords",
        "chatbot_hours": "text",
        "agent_hours": "text",
        "agent_closed": "text",
        "points_wait_minutes": "number",
        "preparing_stuck_days": "number",
        "tracking_stuck_days": "number",
        "withdrawal_days": "number",
        "phone_1372": "phone",
        "route_cancel": "path",
    }
    assert {key: kinds.get(key) for key in wanted} == wanted
    items = {(c.id, item.id) for c in guide.checklists for item in c.items}
    assert {
        ("prepare", "approval_numbers"),
        ("evidence_photos", "cushioning"),
        ("evidence_photos", "wrong_model"),
    } <= items
    assert any("강제 중재" in rule.avoid for rule in guide.style.wording)  # the source's word, said as theirs


def _shared_runs(seed: str, longer_than: int, root=ROOT) -> tuple[int, str, str]:
    """Whether any file the team's overlap tool reads shares a run of more than `longer_than` characters
    with the source guide, after the tool's own whitespace folding: (length found, file, the run) for the
    first such file, else (0, "", ""). A run of more than N characters exists exactly when some
    (N+1)-character piece is in both, so a set of the guide's pieces answers in milliseconds where the
    tool's difflib takes seconds."""

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text)

    size = longer_than + 1
    guide = norm(seed)
    pieces = {guide[i : i + size] for i in range(len(guide) - size + 1)}
    for path in [*root.glob("docs/**/*"), *root.glob("overrides/**/*"), *root.glob("hooks/**/*")]:
        if path.suffix not in (".md", ".yml", ".yaml", ".html", ".py", ".json") or not path.is_file():
            continue
        text = norm(path.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(text) - size + 1):
            if text[i : i + size] in pieces:
                return size, str(path.relative_to(root)), text[i : i + size]
    return 0, "", ""


def test_source_guide_is_not_copied(shared):
    """No run of more than 40 characters shared with the source guide: a copied sentence (write it afresh)."""
    seed = sorted((shared / "seed").glob("*.txt"))
    assert seed, f"no source guide in {shared / 'seed'}"
    found, where, run = _shared_runs(seed[0].read_text(encoding="utf-8"), 40)
    assert not found, f"{where} shares {run!r} (and maybe more) with the source guide: write it afresh"


def test_the_quick_overlap_check_finds_a_copied_sentence(shared, tmp_path):
    seed = sorted((shared / "seed").glob("*.txt"))[0].read_text(encoding="utf-8")
    page = tmp_path / "docs" / "copied.md"
    page.parent.mkdir()
    page.write_text("# 제목\n\n" + re.sub(r"\s+", " ", seed)[1000:1041] + "\n", encoding="utf-8")
    assert _shared_runs(seed, 40, root=tmp_path)[:2] == (41, "docs/copied.md")
    page.write_text("# 제목\n\n" + re.sub(r"\s+", " ", seed)[1000:1040] + "\n", encoding="utf-8")
    assert _shared_runs(seed, 40, root=tmp_path) == (0, "", "")


@pytest.mark.full
def test_the_teams_overlap_tool_agrees(shared):
    """The team's own tool (../shared/tools/seed_overlap.py), as the guide names it; `make test` only."""
    tool = shared / "tools" / "seed_overlap.py"
    seed = sorted((shared / "seed").glob("*.txt"))
    result = subprocess.run(
        [sys.executable, str(tool), ".", str(seed[0]), "40"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(SHARED_COPIES))
def test_project_copies_of_the_dev_queries_match_the_shared_ones(shared, name):
    """The search test reads its copies in tests/data so a plain clone can run it; keep them in step. Ours
    may name by reference what theirs writes as today's value of a fact ('{{ fact.agent_hours }}')."""
    theirs, ours = shared / "search" / name, SHARED_COPIES[name]
    assert not differences_from_shared(ours, theirs, load_project_guide()), f"copy {theirs} to {ours}"


def test_search_index_ships_the_ways_on_and_leaves_out_the_print_all_copy(built_site):
    import json

    index = json.loads((built_site[0] / "search" / "search_index.json").read_text("utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert not any(loc.startswith("checklists/print-all/") for loc in locations)
    assert {d["location"]: d.get("boost") for d in index["docs"]}["checklists/"] < 1
    fallback = index["config"]["ko"]["fallback"]
    assert fallback[0]["location"] == "" and "반품 기한" in fallback[0]["text"]
    assert fallback[-1]["location"] == "faq/"
    assert len(fallback) == 2 + len(load_project_guide().topics)
    assert all(f["location"] in locations for f in fallback)
    # Buttons and fill-in boxes are for the page, not for search snippets.
    assert not any("문구 복사하기" in d["text"] or "초기화" in d["text"] for d in index["docs"])


def test_no_markup_shows_as_text_on_any_page(built_site):
    """A block's closing tag or comment that Markdown took for text would print on the shopper's sheet."""
    site, _ = built_site
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "&lt;/div" not in text and "&lt;!--" not in text, html


def test_the_shared_constants_and_the_search_worker_are_generated(built_site):
    """The constants module is made from guidekit/shared_constants.py (never a file in docs/), the search
    worker is one classic script with the analysis inlined, and the analysis module is not served alone."""
    from guidekit import shared_constants

    site, _ = built_site
    assert (site / shared_constants.MODULE).read_text("utf-8") == shared_constants.module()
    assert not (ROOT / "docs" / shared_constants.MODULE).exists()
    workers = site / "assets" / "javascripts" / "workers"
    worker = (workers / "ko-search.js").read_text("utf-8")
    assert not re.search(r"^\s*(import|export)\b", worker, re.M) and "function normalise(" in worker
    assert shared_constants.as_json() in worker
    assert not (workers / "ko-analysis.js").exists()


def test_every_query_file_names_only_what_the_guide_has():
    """Each reference in the search queries (a fact, a FAQ question, a scenario's section heading) is found."""
    guide = load_project_guide()
    for path in QUERY_SETS.values():
        for query in load_queries(path, guide):
            assert "{{" not in query.q and not any("{{" in alt for group in query.any for alt in group), query


def test_a_copy_differing_in_more_than_a_reference_is_told(tmp_path):
    guide = load_project_guide()
    hours = guide.facts["agent_hours"].as_text()
    theirs, ours = tmp_path / "theirs.yml", tmp_path / "ours.yml"
    theirs.write_text(f'- {{q: "상담", any: [["{hours[-5:]}"], ["상담"]]}}\n', encoding="utf-8")
    ours.write_text('- {q: "상담", any: [["{{ fact.agent_hours }}"], ["상담"]]}\n', encoding="utf-8")
    assert differences_from_shared(ours, theirs, guide) == []
    ours.write_text('- {q: "상담", any: [["{{ fact.agent_hours }}"], ["시간"]]}\n', encoding="utf-8")
    assert len(differences_from_shared(ours, theirs, guide)) == 1
    ours.write_text('- {q: "상담", any: [["{{ fact.phone_1372 }}"], ["상담"]]}\n', encoding="utf-8")
    assert len(differences_from_shared(ours, theirs, guide)) == 1  # names something else than theirs wrote
    # Once the hours are corrected, theirs is stale and ours, naming the fact, is the one to follow.
    theirs.write_text('- {q: "상담", any: [["25:61"], ["상담"]]}\n', encoding="utf-8")
    ours.write_text('- {q: "상담", any: [["{{ fact.agent_hours }}"], ["상담"]]}\n', encoding="utf-8")
    assert differences_from_shared(ours, theirs, guide) == []


def test_what_only_paper_shows_stays_out_of_search_snippets(built_site):
    """A print-only line (a checklist's address and print date) is for the sheet: a search snippet that
    ended in it would show an address and an empty date."""
    import json

    site, _ = built_site

    def plain(html: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()

    printed = {
        plain(m.group(2))
        for page in site.rglob("*.html")
        for m in re.finditer(
            r'<(\w+)[^>]*\bclass="[^"]*\bprint-only\b[^"]*"[^>]*>(.*?)</\1>', page.read_text("utf-8"), re.S
        )
    }
    assert printed, "no print-only line on any page (the checklist sheets have one)"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    indexed = plain(" ".join(d["title"] + " " + d["text"] for d in index["docs"]))
    assert not [line for line in printed if line[:12] in indexed], printed
