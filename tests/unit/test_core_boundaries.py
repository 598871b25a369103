"""The core (hooks/guidekit) works without MkDocs, and no sentence a reader sees is written in Python."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap

from guidedev.support import ROOT

CORE = ROOT / "hooks" / "guidekit"

# Imports the whole core and runs a build's steps with `mkdocs` and `material` unimportable.
WITHOUT_MKDOCS = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    from pathlib import Path

    class Blocked:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "material", "properdocs"):
                raise ImportError(f"blocked: {name}")

    sys.meta_path.insert(0, Blocked())
    import guidekit
    for info in pkgutil.walk_packages(guidekit.__path__, "guidekit."):
        importlib.import_module(info.name)
    from guidekit.build import GuideBuild
    from guidekit.urls import page_url

    root = Path(sys.argv[1])
    build = GuideBuild.load(root / "docs", root)
    files = build.generated_files()
    pages = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")} | set(files)
    build.know_pages({src: page_url(src) for src in pages if src.endswith(".md")})
    done = [build.expand(files[src] if src in files else (root / "docs" / src).read_text("utf-8"), src, src)
            for src in sorted(pages) if src.endswith(".md")]
    assert all("{{" not in page.markdown for page in done)
    print(len(done), "pages", len(build.used_facts), "facts", "mkdocs loaded:", "mkdocs" in sys.modules)
    """
)


def test_core_builds_every_page_with_mkdocs_blocked():
    result = subprocess.run([sys.executable, "-c", WITHOUT_MKDOCS, str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "mkdocs loaded: False" in result.stdout, result.stdout


def test_no_core_file_names_the_engine():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("mkdocs", "material") for n in names), (path.name, names)


# ── Page text lives in templates ──────────────────────────────────────────────────────────────

HANGUL = re.compile("[\uac00-\ud7a3]")
# Calls whose text is for an editor or the terminal, not a reader: errors and log lines.
MESSAGE_CALLS = {"GuideDataError", "PluginError", "info", "warning", "error", "print"}
# Modules whose only job is an editor's messages, and functions that return build messages.
# Modules whose Korean is editors' messages, or grammar data rather than page text (particles.py: the
# particle pairs; shared_constants.py: the same pairs, how digits are read and the deadline units, shared
# with the scripts; prose_checks.py, right_checks.py and blank_checks.py: the checks' patterns and their
# messages; freshness.py and fact_uses.py: what `make stale`, `make where` and a stopped deploy tell editors;
# material_search.py: what a build tells whoever upgraded Material).
MESSAGE_MODULES = {
    "freshness.py",
    "fact_uses.py",
    "errors.py",
    "yaml_positions.py",
    "yaml_messages.py",
    "schema_messages.py",
    "data_text.py",
    "site_settings.py",
    "staging.py",
    "prose_checks.py",
    "right_checks.py",
    "blank_checks.py",
    "particles.py",
    "shared_constants.py",
    "material_search.py",
}
MESSAGE_FUNCTIONS = {"report", "unused_fact_messages", "unshown_scenario_messages", "missing_anchors", "_suggest"}
# Korean that is data, not text: units a fact must have, and patterns (the Hangul range, an article number).
NOT_TEXT = {"일", "개월", "영업일", "[가-힣]+", r"제\d+조"}


def korean_literals_outside_messages(path, root=ROOT) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            allowed.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.FunctionDef) and node.name in MESSAGE_FUNCTIONS:
            allowed |= {id(sub) for sub in ast.walk(node)}
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in MESSAGE_CALLS:
                allowed |= {id(sub) for sub in ast.walk(node)}
    return [
        f"{path.relative_to(root)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and HANGUL.search(node.value)
        and id(node) not in allowed
        and node.value not in NOT_TEXT
    ]


def test_no_reader_facing_korean_in_python():
    """Every sentence a reader sees is in Markdown (docs/) or a template (hooks/guidekit/templates/); Korean
    in Python is only for editors' error messages and build notices."""
    files = [*ROOT.joinpath("hooks").rglob("*.py"), *ROOT.joinpath("scripts").glob("*.py")]
    hits = [hit for f in files if f.name not in MESSAGE_MODULES for hit in korean_literals_outside_messages(f)]
    assert not hits, "\n".join(hits)


def test_the_check_finds_a_page_sentence(tmp_path):
    """Planted in a temporary folder, never in hooks/: a file there would change the code under any build
    running at the same time, and stay behind if the test were interrupted."""
    planted = tmp_path / "hooks" / "guidekit" / "page.py"
    planted.parent.mkdir(parents=True)
    planted.write_text('def page():\n    return "# 핵심 요약\\n\\n급할 때 이 페이지만 보면 돼요."\n', "utf-8")
    assert korean_literals_outside_messages(planted, root=tmp_path) == [
        "hooks/guidekit/page.py:2: '# 핵심 요약\\n\\n급할 때 이 페이지만 보면 돼요.'"
    ]


# ── A mistake in a page template is an editor's message too ──────────────────────────────────


def _render_broken(tmp_path, monkeypatch, text: str):
    import shutil

    from guide_copy import GUIDE
    from guidekit import render
    from guidekit.errors import GuideDataError
    from guidekit.pages import generated_pages

    templates = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, templates)
    (templates / "pages" / "summary.md").write_text(text, "utf-8")
    monkeypatch.setattr(render, "TEMPLATES", templates)
    monkeypatch.setattr(render._pages, "loader", render.FileSystemLoader(templates))
    render._pages.cache.clear()
    try:
        generated_pages(GUIDE)
    except GuideDataError as exc:
        return exc
    finally:
        render._pages.cache.clear()
    raise AssertionError("expected a GuideDataError")


def test_unclosed_tag_in_a_page_template_names_file_and_line(tmp_path, monkeypatch):
    err = _render_broken(tmp_path, monkeypatch, "# 핵심 요약\n\n{% if guide.checklists %}\n열린 채로 끝나요.\n")
    assert err.file.endswith("templates/pages/summary.md") and err.line and "문법" in err.problem


def test_unknown_fact_in_a_page_template_names_file_and_line(tmp_path, monkeypatch):
    err = _render_broken(tmp_path, monkeypatch, "# 핵심 요약\n\n상담은 {{ fact.agent_hour }}에 해요.\n")
    assert err.file.endswith("templates/pages/summary.md") and err.line == 3 and "agent_hour" in str(err)


def test_a_template_edited_between_two_builds_of_one_process_is_used_by_the_second(tmp_path):
    """`mkdocs serve` keeps one process: templates are not checked against their files on every use, but
    once a build, and an edited one is compiled again (guidekit/render.py)."""
    import os

    from jinja2 import Environment, FileSystemLoader

    from guidekit.render import forget_edited_templates

    (tmp_path / "t.html").write_text("첫 빌드", "utf-8")
    env = Environment(loader=FileSystemLoader(tmp_path), auto_reload=False)
    assert env.get_template("t.html").render() == "첫 빌드"
    (tmp_path / "t.html").write_text("둘째 빌드", "utf-8")
    stat = (tmp_path / "t.html").stat()
    os.utime(tmp_path / "t.html", (stat.st_atime, stat.st_mtime + 5))
    assert env.get_template("t.html").render() == "첫 빌드"  # within one build: as compiled
    forget_edited_templates((env,))
    assert env.get_template("t.html").render() == "둘째 빌드"
