"""The settings in mkdocs.yml's `extra:` that our hooks read, checked like the data file: a wrong value
stops the build with one Korean message that names mkdocs.yml, the line, the key path and what is
expected (before, a typo here ended in a ValueError or FileNotFoundError traceback).

- `fact_freshness.max_age_days`   facts not checked for longer than this many days are listed (default 180)
- `fact_freshness.fail_when_stale`   true: such facts stop the build (text from `!ENV` is read as a switch)
- `korean_search`                 false: Material's search as shipped (the stock twin of make bench-search)
- `page_scoped_assets`            stylesheets and scripts in docs/ linked only from the pages that use them"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GuideDataError

DEFAULT_MAX_AGE_DAYS = 180
_SWITCH = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


@dataclass(frozen=True)
class SiteSettings:
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    fail_when_stale: bool = False
    korean_search: bool = True
    page_scoped_assets: tuple[str, ...] = ()


class _Reader:
    def __init__(self, config_file: str, config_text: str):
        self.file, self.text = config_file, config_text

    def line_of(self, key: str) -> int | None:
        m = re.search(rf"^\s*-?\s*{re.escape(key)}\s*:", self.text, re.M)
        return self.text.count("\n", 0, m.start()) + 1 if m else None

    def fail(self, key_path: str, problem: str, found: Any, expected: str, near: str = "") -> GuideDataError:
        """`near`: text on the line at fault, when it is not the key's own (an entry of a list)."""
        shown = found if isinstance(found, str) else repr(found)
        at = self.text.find(near) if near else -1
        line = self.text.count("\n", 0, at) + 1 if at >= 0 else self.line_of(key_path.rsplit(".", 1)[-1])
        return GuideDataError(
            self.file,
            problem,
            line=line,
            key_path=key_path,
            found=shown,
            expected=expected,
        )


def read_settings(extra: Any, docs_dir: Path, config_file: str = "mkdocs.yml", config_text: str = "") -> SiteSettings:
    """The checked settings; `config_text` is mkdocs.yml as written, for line numbers."""
    r = _Reader(config_file, config_text)
    if not isinstance(extra, Mapping):
        raise r.fail("extra", "extra는 '키: 값' 묶음이어야 해요.", extra, "extra: 아래에 들여 쓴 키: 값")
    fresh = extra.get("fact_freshness") or {}
    if not isinstance(fresh, Mapping):
        raise r.fail(
            "extra.fact_freshness", "fact_freshness는 '키: 값' 묶음이어야 해요.", fresh, "max_age_days: 180 같은 줄"
        )
    unknown = [k for k in fresh if k not in ("max_age_days", "fail_when_stale")]
    if unknown:
        raise r.fail(
            f"extra.fact_freshness.{unknown[0]}",
            f"모르는 키 '{unknown[0]}'가 있어요(오타인지 확인해 주세요).",
            unknown[0],
            "쓸 수 있는 키: max_age_days, fail_when_stale",
        )
    return SiteSettings(
        max_age_days=_max_age(r, fresh.get("max_age_days", DEFAULT_MAX_AGE_DAYS)),
        fail_when_stale=_switch(r, "extra.fact_freshness.fail_when_stale", fresh.get("fail_when_stale")),
        korean_search=_korean_search(r, extra.get("korean_search", True)),
        page_scoped_assets=_assets(r, extra.get("page_scoped_assets"), docs_dir),
    )


def scoped_assets(
    extra: Any, docs_dir: Path, config_file: str = "mkdocs.yml", config_text: str = ""
) -> tuple[str, ...]:
    """Only `page_scoped_assets`, for the hook that reads nothing else (hooks/page_assets.py)."""
    value = extra.get("page_scoped_assets") if isinstance(extra, Mapping) else None
    return _assets(_Reader(config_file, config_text), value, docs_dir)


def _max_age(r: _Reader, value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise r.fail(
            "extra.fact_freshness.max_age_days", "며칠인지 정수로 적어야 해요.", value, "1 이상의 정수(일). 예: 180"
        )
    return value


def _switch(r: _Reader, key_path: str, value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in (*_SWITCH, ""):
        return _SWITCH.get(value.strip().lower(), False)
    raise r.fail(key_path, "켜기·끄기 값이어야 해요.", value, "true 또는 false")


def _korean_search(r: _Reader, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise r.fail("extra.korean_search", "켜기·끄기 값이어야 해요.", value, "true 또는 false (없으면 true)")


def _assets(r: _Reader, value: Any, docs_dir: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise r.fail(
            "extra.page_scoped_assets", "파일 경로의 목록이어야 해요.", value, "- javascripts/checklists.js 같은 줄"
        )
    for path in value:
        if not path.endswith((".css", ".js")):
            raise r.fail(
                "extra.page_scoped_assets", f"'{path}'는 CSS나 JS 파일이 아니에요.", path, ".css나 .js 파일", near=path
            )
        if not (docs_dir / path).is_file():
            raise r.fail(
                "extra.page_scoped_assets",
                f"'{path}' 파일이 {docs_dir.name}/ 폴더에 없어요.",
                path,
                f"{docs_dir.name}/ 안의 경로. 예: javascripts/checklists.js",
                near=path,
            )
    return tuple(value)
