"""What Korean search takes for granted inside Material for MkDocs' search, written once, and the check that
the installed Material still does it that way.

Korean search is no fork of Material's search: it wraps it (overrides/main.html, workers/ko-search.js,
ko-search-input.js), and so leans on internals no Material release promises to keep: the worker's message
numbers, `self.lunr`, the index fetched with an XMLHttpRequest, how the result list is laid out, the `keyup`
the search box listens to. An upgrade that changed one of them would not fail anywhere: search would just
answer nothing, or the index would load with every page. So the build reads them in the Material it runs
with, and stops with one message naming what changed (hooks/guide.py, on_config, when Korean search is on).

Material ships the TypeScript it was built from in its source maps (`sourcesContent` of
templates/assets/javascripts/bundle.*.min.js.map and workers/search.*.min.js.map): each assumption is read
there, comments left out and whitespace free, but precisely: a renumbered enum, fetch() for the index, a
module worker, a box that listens to `input` each fail their check; a reformatted file does not."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

# Written and tested on 9.8.2 (requirements.txt pins it); a later 9.8.x is taken as the same search. Outside
# the range the build goes on with a warning as long as every check below passes.
TESTED_WITH = "9.8.2"
TESTED_VERSIONS = ">=9.8.2,<9.9"

# Material's SearchMessageType (integrations/search/worker/message/index.ts): what the page and the worker
# send each other. The scripts read them as CONSTANTS.material (shared_constants.py).
MESSAGE_TYPES = {"setup": 0, "ready": 1, "query": 2, "result": 3}

_JS = "templates/assets/javascripts"
_MAPS = (f"{_JS}/bundle.*.min.js.map", f"{_JS}/workers/search.*.min.js.map")
_BASE_HTML = "templates/base.html"
_SRC = "src/templates/assets/javascripts/"
# Material's sources the checks read, by their path under src/templates/assets/javascripts/ (lunr's own file
# by its path in node_modules).
MESSAGES = "integrations/search/worker/message/index.ts"
WORKER_MAIN = "integrations/search/worker/main/index.ts"
SEARCH = "integrations/search/_/index.ts"
START_WORKER = "browser/worker/index.ts"
SEARCH_COMPONENT = "components/search/_/index.ts"
REQUEST = "browser/request/index.ts"
BUNDLE = "bundle.ts"
RESULT_ITEM = "templates/search/index.tsx"
QUERY_BOX = "components/search/query/index.ts"
LUNR = "node_modules/lunr/lunr.js"
WORKER_FILE = re.compile(r"search\.[0-9a-f]+\.min\.js")

# Our files, as the messages name them.
_KO_SEARCH = "overrides/assets/javascripts/workers/ko-search.js"
_KO_INPUT = "overrides/assets/javascripts/ko-search-input.js"
_MAIN_HTML = "overrides/main.html"
_SITE_SEARCH = "tests/js/site-search.mjs"
_PROBES = ("tests/guidedev/searchprobe.py", "tests/browser/test_search.py")


class MaterialChanged(Exception):
    """The installed Material does not do what Korean search relies on. One message, never a traceback."""


class _Missing(Exception):
    """A file the check reads is not in the installed Material."""


@dataclass(frozen=True)
class Shipped:
    """What the checks read from one Material package."""

    sources: dict[str, str]  # source path as the maps name it -> its text
    workers: tuple[str, ...]  # the file names in templates/assets/javascripts/workers/
    base_html: str

    def source(self, path: str) -> str:
        """A source file's text without its comments; `path` as in MESSAGES and the others."""
        wanted = source_path(path)
        for name, text in self.sources.items():
            if name == wanted or name.endswith("/" + wanted):
                return _code(text)
        raise _Missing(f"소스 맵에 없음: {wanted}")


def source_path(path: str) -> str:
    """A source's path as Material's repository and its source maps name it."""
    return path if path.startswith("node_modules/") else _SRC + path


def _code(text: str) -> str:
    """Text without /* */ and // comments, so a commented-out line never passes a check. A // comment starts a
    line or follows a blank: `https://` in a string is no comment."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"(?:^|(?<=\s))//[^\n]*", "", text, flags=re.M)


def _flat(text: str, limit: int = 160) -> str:
    """Code as one short line for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def read_shipped(package_dir: Path) -> Shipped:
    sources: dict[str, str] = {}
    for pattern in _MAPS:
        for path in sorted(package_dir.glob(pattern)):
            try:
                data = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                continue  # a map that cannot be read gives no sources; the checks then name what is missing
            names, texts = data.get("sources") or [], data.get("sourcesContent") or []
            sources.update({n: t for n, t in zip(names, texts, strict=False) if isinstance(t, str)})
    workers_dir = package_dir / _JS / "workers"
    workers = tuple(sorted(p.name for p in workers_dir.iterdir())) if workers_dir.is_dir() else ()
    try:
        base_html = (package_dir / _BASE_HTML).read_text("utf-8")
    except OSError:
        base_html = ""
    return Shipped(sources, workers, base_html)


# ── The checks: each gives None when Material does what we rely on, else what it does instead ──────────


def _enum_values(body: str) -> dict[str, int | str]:
    """A TypeScript enum's members and their values (numbered from 0 on, or from the last number given)."""
    values: dict[str, int | str] = {}
    following = 0
    for member in (m.strip() for m in body.split(",")):
        if not member:
            continue
        name, _, value = (part.strip() for part in member.partition("="))
        if not value:
            values[name] = following
        elif re.fullmatch(r"-?\d+", value):
            values[name] = int(value)
        else:
            values[name] = value  # a string or a computed value: never one of our numbers
        last = values[name]
        following = last + 1 if isinstance(last, int) else following
    return values


def _message_types(shipped: Shipped) -> str | None:
    m = re.search(r"\benum\s+SearchMessageType\s*\{([^}]*)\}", shipped.source(MESSAGES))
    if m is None:
        return f"{source_path(MESSAGES)}에 없음: enum SearchMessageType"
    found = _enum_values(m.group(1))
    if found == {name.upper(): number for name, number in MESSAGE_TYPES.items()}:
        return None
    members = ", ".join(f"{name}={value}" for name, value in found.items())
    return f"{source_path(MESSAGES)}: SearchMessageType {{ {members} }}"


def _result_shape(shipped: Shipped) -> str | None:
    m = re.search(r"\binterface\s+SearchResult\s*\{([^}]*)\}", shipped.source(SEARCH))
    if m is None:
        return f"{source_path(SEARCH)}에 없음: interface SearchResult"
    if re.search(r"(?:^|[\s;,])items\s*:\s*SearchItem\s*\[\s*\]\s*\[\s*\]", m.group(1)):
        return None
    return f"{source_path(SEARCH)}: interface SearchResult {{ {_flat(m.group(1))} }}"


def _worker_start(shipped: Shipped) -> str | None:
    if not re.search(r"\bsetupSearchWorker\s*\(\s*config\.search\b", shipped.source(SEARCH_COMPONENT)):
        return f"{source_path(SEARCH_COMPONENT)}에 없음: setupSearchWorker(config.search, …)"
    start = shipped.source(START_WORKER)
    if not re.search(r"\bnew\s+Worker\s*\(\s*url\s*\)", start):
        made = re.search(r"\bnew\s+Worker\s*\([^)]*\)", start)
        where = source_path(START_WORKER)
        return f"{where}: {_flat(made.group(0))}" if made else f"{where}에 없음: new Worker(url)"
    main = shipped.source(WORKER_MAIN)
    if not re.search(r"""(?<![.\w])addEventListener\s*\(\s*["']message["']""", main):
        return f'{source_path(WORKER_MAIN)}에 없음: addEventListener("message", …)'
    if not re.search(r"(?<![.\w])postMessage\s*\(", main):
        return f"{source_path(WORKER_MAIN)}에 없음: postMessage(…)"
    if not re.search(r"\bimportScripts\b", main):
        return f"{source_path(WORKER_MAIN)}에 없음: importScripts"
    return None


def _worker_file(shipped: Shipped) -> str | None:
    if 'id="__config"' not in shipped.base_html:
        return f'{_BASE_HTML}에 없음: <script id="__config">'
    m = re.search(r'"search"\s*:\s*"assets/javascripts/workers/([^"]*)"', shipped.base_html)
    if m is None:
        return f'{_BASE_HTML}의 __config에 없음: "search": "assets/javascripts/workers/…"'
    name = m.group(1)
    if not WORKER_FILE.fullmatch(name):
        return f"{_BASE_HTML}의 작업자 이름: {name}"
    if name not in shipped.workers:
        return f"{_JS}/workers/에 없음: {name} (있는 파일: {', '.join(shipped.workers) or '없음'})"
    return None


def _lunr(shipped: Shipped) -> str | None:
    if not re.search(r"\bself\.lunr\s*=\s*lunr\b", shipped.source(WORKER_MAIN)):
        return f"{source_path(WORKER_MAIN)}에 없음: self.lunr = lunr"
    search = shipped.source(SEARCH)
    if not re.search(r"\bindex\s*:\s*lunr\.Index\b", search) or not re.search(r"\bthis\.index\.search\s*\(", search):
        return f"{source_path(SEARCH)}에 없음: this.index.search(…) (index: lunr.Index)"
    if not re.search(r"\blunr\.Index\.prototype\.search\s*=\s*function\b", shipped.source(LUNR)):
        return f"{LUNR}에 없음: lunr.Index.prototype.search"
    return None


def _index_request(shipped: Shipped) -> str | None:
    bundle = shipped.source(BUNDLE)
    if not re.search(
        r"""\brequestJSON\s*(?:<[^>()]*>)?\s*\(\s*new\s+URL\s*\(\s*["'`]search/search_index\.json["'`]""", bundle
    ):
        if re.search(r"\bfetch\s*\(", bundle):
            return f"{source_path(BUNDLE)}: 검색 색인을 fetch()로 받아요"
        return f'{source_path(BUNDLE)}에 없음: requestJSON(new URL("search/search_index.json", …))'
    request = shipped.source(REQUEST)
    xhr = re.search(r"\bnew\s+XMLHttpRequest\s*\(\s*\)", request)
    if not xhr or not re.search(r"\.open\s*\(", request) or not re.search(r"\.send\s*\(", request):
        if not xhr and re.search(r"\bfetch\s*\(", request):
            return f"{source_path(REQUEST)}: XMLHttpRequest 대신 fetch()로 받아요"
        return f"{source_path(REQUEST)}에 없음: new XMLHttpRequest(), open(…), send(…)"
    return None


def _function(code: str, name: str) -> str | None:
    """The text of `function name(…)` up to the next top-level function (or the end)."""
    m = re.search(rf"\bfunction\s+{name}\s*\(", code)
    if m is None:
        return None
    end = re.search(r"^(?:export\s+)?function\b", code[m.end() :], re.M)
    return code[m.start() : m.end() + end.start()] if end else code[m.start() :]


# What renderSearchResultItem must do for ko-search-input.js's Enter and site-search.mjs's layout() to read
# the list as Material draws it: (pattern, what it stands for).
_LAYOUT = (
    (r"\bthreshold\s*=\s*result\s*\[\s*0\s*\]\s*\.score\b", "threshold = result[0].score"),
    (r"""\.includes\s*\(\s*["']#["']\s*\)""", '페이지 글(location에 "#" 없음)을 맨 앞에'),
    (r"\.score\s*<\s*threshold\b", "점수가 threshold보다 낮은 섹션은 접기"),
    (r"""<details\s+class\s*=\s*["']md-search-result__more["']""", '<details class="md-search-result__more">'),
)
_DOCUMENT = (
    (r"""\bclass\s*=\s*["']md-search-result__link["']""", '<a class="md-search-result__link">'),
    (r"""\bclass\s*=\s*["']md-search-result__icon\b""", '페이지 글의 <div class="md-search-result__icon">'),
    (r"<h1\b", "페이지 글의 <h1>"),
)


def _result_layout(shipped: Shipped) -> str | None:
    code = shipped.source(RESULT_ITEM)
    item = _function(code, "renderSearchResultItem")
    if item is None:
        return f"{source_path(RESULT_ITEM)}에 없음: renderSearchResultItem"
    document = _function(code, "renderSearchDocument") or ""
    missing = [what for pattern, what in _LAYOUT if not re.search(pattern, item)]
    missing += [what for pattern, what in _DOCUMENT if not re.search(pattern, document)]
    return f"{source_path(RESULT_ITEM)}에 없음: {', '.join(missing)}" if missing else None


def _keyup(shipped: Shipped) -> str | None:
    code = shipped.source(QUERY_BOX)
    if re.search(r"""\bfromEvent\s*\(\s*el\s*,\s*["']keyup["']\s*\)""", code):
        return None
    heard = re.findall(r"""\bfromEvent\s*\(\s*el\s*,\s*["'](\w+)["']\s*\)""", code)
    return f"{source_path(QUERY_BOX)}: 검색창이 듣는 이벤트: {', '.join(heard) or '없음'}"


@dataclass(frozen=True)
class Assumption:
    what: str  # what Korean search relies on, in words
    ours: tuple[str, ...]  # our files that rely on it
    check: Callable[[Shipped], str | None]


ASSUMPTIONS = (
    Assumption(
        "검색 작업자의 메시지 번호 SETUP=0, READY=1, QUERY=2, RESULT=3 (SearchMessageType)",
        (_KO_SEARCH, "hooks/guidekit/shared_constants.py", _SITE_SEARCH, *_PROBES),
        _message_types,
    ),
    Assumption(
        "작업자가 돌려주는 결과의 모양 {items: SearchItem[][]} (SearchResult)",
        (_KO_SEARCH, "overrides/assets/javascripts/workers/ko-analysis.js", _SITE_SEARCH),
        _result_shape,
    ),
    Assumption(
        "페이지가 config.search의 주소로 고전 작업자를 new Worker(url)로 띄우고, 작업자는 "
        'addEventListener("message")로 받아 postMessage로 답하며 importScripts를 쓸 수 있음',
        (_MAIN_HTML, _KO_SEARCH, "hooks/guidekit/classic.py", _SITE_SEARCH),
        _worker_start,
    ),
    Assumption(
        f"작업자 파일 {_JS}/workers/search.<hash>.min.js (base.html의 __config가 그 이름을 적음)",
        (_MAIN_HTML, _KO_SEARCH, _SITE_SEARCH),
        _worker_file,
    ),
    Assumption(
        "작업자 안의 lunr: self.lunr = lunr, 찾기는 lunr.Index.prototype.search",
        (_KO_SEARCH,),
        _lunr,
    ),
    Assumption(
        "페이지가 search/search_index.json을 XMLHttpRequest(open, send)로 받음",
        (_KO_INPUT, "tests/browser/test_search.py"),
        _index_request,
    ),
    Assumption(
        "결과 목록 모양(renderSearchResultItem): 페이지 글이 맨 앞, 그룹 최고 점수와 같은 섹션은 보이고 "
        "나머지는 <details>에 접힘",
        (_KO_INPUT, _SITE_SEARCH),
        _result_layout,
    ),
    Assumption(
        '검색창이 keyup에 검색함(fromEvent(el, "keyup"))',
        (_KO_INPUT,),
        _keyup,
    ),
)


@dataclass(frozen=True)
class Problem:
    assumption: Assumption
    found: str  # what the installed Material does instead


def problems(package_dir: Path) -> list[Problem]:
    """Every assumption the Material at `package_dir` (the `material` package's folder) breaks."""
    shipped = read_shipped(package_dir)
    found: list[Problem] = []
    for assumption in ASSUMPTIONS:
        try:
            instead = assumption.check(shipped)
        except _Missing as exc:
            instead = str(exc)
        if instead is not None:
            found.append(Problem(assumption, instead))
    return found


def changed_message(version: str, found: list[Problem]) -> str:
    lines = [
        f"설치된 mkdocs-material {version}에서 한국어 검색이 기대는 Material 검색 내부가 달라져서 빌드를 멈춰요"
        "(이대로면 검색이 조용히 깨져요)."
    ]
    for problem in found:
        lines += [
            f"- 기대: {problem.assumption.what}",
            f"  설치된 Material: {problem.found}",
            f"  이것에 기대는 파일: {', '.join(problem.assumption.ours)}",
        ]
    lines.append(
        f"할 일: requirements.txt의 mkdocs-material을 {TESTED_WITH}로 되돌리고 `make lock`, `make install`을 해요. "
        "새 Material을 쓰려면 위 파일들과 hooks/guidekit/material_search.py를 새 내부에 맞게 고치고 "
        "검색 테스트(make test-js, tests/browser/test_search.py)를 돌려요."
    )
    return "\n".join(lines)


def untested_message(version: str) -> str:
    return (
        f"mkdocs-material {version}: 한국어 검색을 시험한 범위({TESTED_VERSIONS}) 밖의 버전이에요. Material 검색 "
        f"내부에 대한 가정 {len(ASSUMPTIONS)}가지는 모두 맞아요. 검색 테스트(make test-js, "
        "tests/browser/test_search.py)가 통과하면 hooks/guidekit/material_search.py의 TESTED_VERSIONS를 넓혀요"
        "(그때까지 --strict 빌드는 이 경고에서 멈춰요)."
    )


def in_tested_range(version: str) -> bool:
    try:
        return Version(version) in SpecifierSet(TESTED_VERSIONS)
    except InvalidVersion:
        return False


def installed_package() -> Path:
    """The installed `material` package's folder (found, not imported: the core never imports the theme)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise MaterialChanged("mkdocs-material이 설치되어 있지 않아요. `make install`을 해요.")
    return Path(next(iter(spec.submodule_search_locations)))


def installed_version() -> str:
    return importlib.metadata.version("mkdocs-material")


def _stamp(package_dir: Path) -> tuple:
    """What a check's answer depends on: the files it reads, by size and time of change."""
    paths = [package_dir / _BASE_HTML, *(p for pattern in _MAPS for p in sorted(package_dir.glob(pattern)))]
    workers = package_dir / _JS / "workers"
    stamp: list[tuple] = [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.is_file()]
    if workers.is_dir():
        stamp.append(("workers", workers.stat().st_mtime_ns, tuple(sorted(p.name for p in workers.iterdir()))))
    return tuple(stamp)


# One reading per Material a process sees: `mkdocs serve` rebuilds with the same files, and the bundle's
# source map is megabytes of JSON.
_checked: dict[tuple, list[Problem]] = {}


def check_material(package_dir: Path | None = None, version: str | None = None) -> str | None:
    """Raises MaterialChanged when Material breaks an assumption; else the warning to log when its version is
    outside the tested range (None when it is in it). Defaults: the installed Material."""
    package_dir = installed_package() if package_dir is None else package_dir
    version = installed_version() if version is None else version
    key = (str(package_dir), version, _stamp(package_dir))
    if key not in _checked:
        _checked[key] = problems(package_dir)
    if _checked[key]:
        raise MaterialChanged(changed_message(version, _checked[key]))
    return None if in_tested_range(version) else untested_message(version)
