"""The editors' guide (CONTRIBUTING.md) is the project's own and stays true: every `make` target, file,
page, fact and data key it names exists, its table of contents leads to its headings, and nothing points
outside the clone (a clone has no ../shared)."""

from __future__ import annotations

import re

import pytest

from guidedev.support import CHECKOUT, ROOT, load_project_guide
from guidekit.pages import generated_pages
from guidekit.render import TEMPLATES
from guidekit.yaml_positions import parse_yaml

pytestmark = pytest.mark.reads_guide

GUIDE_FILE = CHECKOUT / "CONTRIBUTING.md"
TEXT = GUIDE_FILE.read_text(encoding="utf-8") if GUIDE_FILE.exists() else ""
DATA = load_project_guide()
RAW, _ = parse_yaml((ROOT / "docs/data/guide.yml").read_text(encoding="utf-8"), "docs/data/guide.yml")
GENERATED = set(generated_pages(DATA))

MAKE = re.compile(r"\bmake ([a-z][a-z-]*)((?: [A-Z]+=\S+)*)")
# A path in the project: a folder of the project then a file or folder name (globs allowed).
PATH = re.compile(r"(?<![\w/.])((?:docs|hooks|tests|scripts|\.github)/[A-Za-z0-9_./*-]*[A-Za-z0-9_*/])")
# A page named on its own in backticks, as a link value or a generated page: `payment.md#double-charge`.
PAGE = re.compile(r"`([\w/-]+\.md)(?:#[^`\s]*)?`")
FACT = re.compile(r"\{\{\s*fact\.([a-z][a-z0-9_]*)\s*\}\}")
DATA_KEY = re.compile(r"`((?:meta|style)(?:\.[a-z_]+)+)`")
# The guide without its code blocks, where a '## ' line is an example, not a heading.
PROSE = re.sub(r"^```.*?^```", "", TEXT, flags=re.M | re.S)
# Without the build's messages shown as examples (```text): they name a logger, not a file.
NOT_MESSAGES = re.sub(r"^```text$.*?^```", "", TEXT, flags=re.M | re.S)


def test_the_guide_is_in_the_project_and_points_nowhere_outside_it():
    assert TEXT, "CONTRIBUTING.md is missing"
    assert "../shared" not in TEXT and "shared/content" not in TEXT


def test_readme_sends_editors_to_the_guide():
    readme = (CHECKOUT / "README.md").read_text(encoding="utf-8")
    assert "../shared/content.md" not in readme
    assert "(CONTRIBUTING.md" in readme


def _targets() -> set[str]:
    makefile = (CHECKOUT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))


def test_every_make_command_is_a_target():
    found = MAKE.findall(TEXT)
    assert found
    missing = sorted({target for target, _ in found} - _targets())
    assert not missing, f"CONTRIBUTING.md names make targets the Makefile lacks: {missing}"
    for _, args in found:
        for key in re.findall(r"FACT=([a-z][a-z0-9_]*)", args):
            assert key in DATA.facts, f"make where FACT={key}: no such fact"


def _exists(path: str) -> bool:
    path = path.rstrip("/")
    if "*" in path:
        return any(CHECKOUT.glob(path))
    return (CHECKOUT / path).exists() or path.removeprefix("docs/") in GENERATED


def test_every_path_exists():
    paths = set(PATH.findall(NOT_MESSAGES))
    assert "docs/data/guide.yml" in paths and "tests/fixtures/broken/" in paths
    missing = sorted(p for p in paths if not _exists(p))
    assert not missing, f"CONTRIBUTING.md names files that are not in the project: {missing}"


def test_every_page_named_on_its_own_exists():
    pages = set(PAGE.findall(TEXT))
    assert pages
    known = GENERATED | {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    known |= {p.name for p in (TEMPLATES / "pages").glob("*.md")}
    missing = sorted(p for p in pages if p not in known and not (CHECKOUT / p).exists())
    assert not missing, f"CONTRIBUTING.md names pages the site does not have: {missing}"


def test_every_fact_and_data_key_exists():
    facts = set(FACT.findall(TEXT))
    assert facts
    assert facts <= set(DATA.facts), sorted(facts - set(DATA.facts))
    keys = set(DATA_KEY.findall(TEXT))
    assert "meta.review" in keys
    for key in keys:
        node = RAW
        for part in key.split("."):
            assert isinstance(node, dict) and part in node, f"{key}: not in docs/data/guide.yml"
            node = node[part]


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_table_of_contents_leads_to_every_section():
    headings = re.findall(r"^## (.+)$", PROSE, re.M)
    contents = PROSE.split("## 차례", 1)[1].split("\n## ", 1)[0]
    links = re.findall(r"\]\(#([^)]+)\)", contents)
    assert links == [_slug(h) for h in headings if h != "차례"]
    for anchor in re.findall(r"\]\(#([^)]+)\)", TEXT):
        assert anchor in {_slug(h) for h in headings}, anchor


@pytest.mark.parametrize(
    "anchor", re.findall(r"CONTRIBUTING\.md#([^)\s]+)", (CHECKOUT / "README.md").read_text("utf-8"))
)
def test_readme_links_into_the_guide_land_on_a_heading(anchor):
    assert anchor in {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", PROSE, re.M)}
