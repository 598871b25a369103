"""A bigger copy of the project, for measuring how the build grows (make bench-build): the hand-written
topic pages, the data file, or both, multiplied. Everything is written into a folder outside docs/; the
copy builds under `strict` like the original, so what is timed is a build an editor could have.

- pages ×N: every hand-written page but the home page gets N-1 copies beside it (payment.md ->
  payment-2.md …), listed in the nav under the original's section.
- data ×N: every fact, scenario, checklist, message and FAQ entry gets N-1 copies with their ids suffixed
  (`double_charge` -> `double_charge_2`), and the references between them and to facts follow. Copy k of a
  page then shows copy k of the data; a fact or scenario no page shows would stop a strict build."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .support import ROOT, copy_project
from .twin import config_section_match

FACT = re.compile(r"(\{\{\s*fact\.)([a-z][a-z0-9_]*)")
MARKER = re.compile(r"(<!--\s*guide:scenario\s+)([a-z0-9_]+)")
# Lists whose entries are copied; each (list, field) names the list its value is an id of.
COPIED = ("scenarios", "checklists", "message_templates", "faq")
ID_FIELDS = {
    ("scenarios", "message"): "message_templates",
    ("scenarios", "checklist"): "checklists",
    ("message_templates", "scenario"): "scenarios",
}
IF_FAILS_FIELDS = {"message": "message_templates", "checklist": "checklists"}


def topic_pages(docs: Path) -> list[str]:
    """The hand-written pages that get copies: every Markdown page in docs/ but the home page."""
    return sorted(p.name for p in docs.glob("*.md") if p.name != "index.md")


def _copy_name(name: str, k: int) -> str:
    stem, _, ext = name.rpartition(".")
    return f"{stem}-{k}.{ext}"


def _rename(text: str, k: int, facts: set[str], scenarios: set[str], pages: list[str]) -> str:
    """A page's or data string's text as copy k says it: suffixed facts and scenarios, copied pages."""
    text = FACT.sub(lambda m: m.group(1) + (f"{m.group(2)}_{k}" if m.group(2) in facts else m.group(2)), text)
    text = MARKER.sub(lambda m: m.group(1) + (f"{m.group(2)}_{k}" if m.group(2) in scenarios else m.group(2)), text)
    for page in pages:
        text = re.sub(rf"(?<![\w./-]){re.escape(page)}(?=[#)\s\"']|$)", _copy_name(page, k), text)
    return text


def _nav_with_copies(nav: list, copies: dict[str, list[str]]) -> list:
    out: list = []
    for item in nav:
        if isinstance(item, dict):
            ((title, target),) = item.items()
            if isinstance(target, list):
                out.append({title: _nav_with_copies(target, copies)})
                continue
            out.append(item)
            out += [{f"{title} ({i + 2})": copy} for i, copy in enumerate(copies.get(target, []))]
        else:
            out.append(item)
    return out


def scale_data(data: dict, n: int, pages: list[str] | None = None) -> dict:
    """The data with every fact and every entry of COPIED multiplied n times (ids suffixed _2 … _n). With
    `pages`, links into those pages point at the page copy of the same number."""
    facts = set(data["facts"])
    scenarios = {s["id"] for s in data["scenarios"]}
    out = {**data, "facts": dict(data["facts"])}
    for k in range(2, n + 1):
        for key, fact in data["facts"].items():
            copy = _deep(fact, k, facts, scenarios, pages or [])
            if copy.get("shown_with"):
                copy["shown_with"] = [f"{other}_{k}" for other in copy["shown_with"]]
            out["facts"][f"{key}_{k}"] = copy
    for name in COPIED:
        entries = list(data[name])
        for k in range(2, n + 1):
            for entry in data[name]:
                copy = _deep(entry, k, facts, scenarios, pages or [])
                copy["id"] = f"{entry['id']}_{k}"
                for (list_name, field), _target in ID_FIELDS.items():
                    if list_name == name and copy.get(field):
                        copy[field] = f"{copy[field]}_{k}"
                fails = copy.get("if_fails")
                if name == "scenarios" and isinstance(fails, dict):
                    for field in IF_FAILS_FIELDS:
                        if fails.get(field):
                            fails[field] = f"{fails[field]}_{k}"
                entries.append(copy)
        out[name] = entries
    return out


def _deep(value, k: int, facts: set[str], scenarios: set[str], pages: list[str]):
    if isinstance(value, dict):
        return {key: _deep(v, k, facts, scenarios, pages) for key, v in value.items()}
    if isinstance(value, list):
        return [_deep(v, k, facts, scenarios, pages) for v in value]
    if isinstance(value, str):
        return _rename(value, k, facts, scenarios, pages)
    return value


def scaled_project(dest: Path, *, pages: int = 1, data: int = 1, source: Path = ROOT) -> Path:
    """A copy of the project `source` in `dest` with the topic pages ×`pages` and the data ×`data` (page
    copy k shows data copy k, so `data` must not exceed `pages`)."""
    # Imported here: a bench of another checkout must import that checkout's guidekit, not this one's.
    from guidekit.urls import checklist_page
    from guidekit.yaml_positions import parse_yaml

    if data > pages:
        raise ValueError("every data copy needs a page copy to show it: data must not exceed pages")
    project = copy_project(dest, source)
    docs = project / "docs"
    names = topic_pages(docs)
    data_file = docs / "data" / "guide.yml"
    guide, _ = parse_yaml(data_file.read_text(encoding="utf-8"), "guide.yml")
    facts = set(guide["facts"])
    scenarios = {s["id"] for s in guide["scenarios"]}
    copies: dict[str, list[str]] = {}
    for name in names:
        text = (docs / name).read_text(encoding="utf-8")
        for k in range(2, pages + 1):
            body = _rename(text, k, *((facts, scenarios) if k <= data else (set(), set())), names)
            (docs / _copy_name(name, k)).write_text(body, encoding="utf-8")
            copies.setdefault(name, []).append(_copy_name(name, k))
    if data > 1:
        scaled = scale_data(guide, data, names)
        data_file.write_text(_dump(scaled), encoding="utf-8")
        for checklist in guide["checklists"]:  # each copied checklist has its own generated page
            page = checklist_page(checklist["id"])
            copies[page] = [checklist_page(f"{checklist['id']}_{k}") for k in range(2, data + 1)]
    if copies:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        nav = config_section_match(text, "nav")
        if nav is None:
            raise ValueError("mkdocs.yml has no nav:")
        new_nav = yaml.safe_dump(
            {"nav": _nav_with_copies(yaml.safe_load(nav.group(0))["nav"], copies)}, allow_unicode=True, sort_keys=False
        )
        config.write_text(text[: nav.start()] + new_nav + text[nav.end() :], encoding="utf-8")
    return project


def _dump(data: dict) -> str:
    """YAML that the guide's loader reads back as the same values (a date-like text comes out quoted)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)


def data_lines(project: Path = ROOT) -> int:
    return (project / "docs" / "data" / "guide.yml").read_text(encoding="utf-8").count("\n")
