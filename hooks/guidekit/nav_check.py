"""Every page in docs/ is in mkdocs.yml's nav: a page left out has no way in from the menu. MkDocs says so
in English and names only the file; this names the page and the exact line to add to the nav, where
the nav is, so that an editor who has just written a page knows what the build wants.

Plain functions over the nav as configured and the pages' text; hooks/guide.py calls them at on_files and
reports at the level `validation.omitted_files` asks for (a warning here: under `strict` it stops the build)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

import yaml

from .errors import GuideDataError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*$", re.M)
# A title YAML would read as something else than plain text: quoted in the line we suggest.
_NEEDS_QUOTES = re.compile(r"^[\[\]{}*&!|>@`%'\"#?:,-]|: | #|:$")


def nav_sources(nav) -> set[str]:
    """Every page file the nav names, sections included (links to other sites are not pages)."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, (list, dict)):
                found |= nav_sources(value)
            elif isinstance(value, str) and "://" not in value:
                found.add(value)
    return found


def missing_from_nav(pages: Iterable[str], nav) -> list[str]:
    """The pages (src_uri) that the nav does not name, in order; none when there is no nav (MkDocs then
    lists every page)."""
    if not nav:
        return []
    named = nav_sources(nav)
    return [page for page in pages if page not in named]


def page_title(source: str, src_uri: str) -> str:
    """The title a page gives itself: `title:` in its front matter, else its first `# ` heading, else its
    file name."""
    front = _FRONT_MATTER.match(source)
    body = source
    if front:
        body = source[front.end() :]
        try:
            meta = yaml.safe_load(front.group("meta"))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("title"), str) and meta["title"].strip():
            return meta["title"].strip()
    heading = _HEADING.search(body)
    return heading.group("title").strip() if heading else PurePosixPath(src_uri).stem


def nav_entry(title: str, src_uri: str, indent: int) -> str:
    """The nav line for a page, as typed in mkdocs.yml."""
    shown = json.dumps(title, ensure_ascii=False) if _NEEDS_QUOTES.search(title) else title
    return f"{' ' * indent}- {shown}: {src_uri}"


def _nav_place(config_text: str) -> tuple[int | None, int | None, int]:
    """The line and column of the `nav:` key (None when the text has none) and the spaces before its
    entries' dashes, from mkdocs.yml as written."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)  # composed only: its !ENV tags need no code
    except yaml.YAMLError:
        root = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "nav":
                indent = value.start_mark.column if isinstance(value, yaml.SequenceNode) else 2
                return key.start_mark.line + 1, key.start_mark.column + 1, indent
    return None, None, 2


def missing_pages_error(
    pages: list[tuple[str, str]], docs_name: str, config_file: str, config_text: str
) -> GuideDataError:
    """The message for pages (src_uri, title) that are not in the nav: where the nav is in mkdocs.yml and
    the line to add for each."""
    line, column, indent = _nav_place(config_text)
    names = ", ".join(f"{docs_name}/{src}" for src, _ in pages)
    entries = " / ".join(f"`{nav_entry(title, src, indent)}`" for src, title in pages)
    return GuideDataError(
        config_file,
        f"{names} 페이지가 사이트 메뉴(mkdocs.yml의 nav)에 없어요. 메뉴에 없는 페이지는 독자가 찾아갈 수 없어요.",
        line=line,
        column=column,
        key_path="nav",
        expected=f"nav 목록에서 이 페이지가 들어갈 자리에 이 줄을 넣어 주세요"
        f"(다른 항목처럼 스페이스 {indent}칸 들여쓰기): {entries}",
    )
