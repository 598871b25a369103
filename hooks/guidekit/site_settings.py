"""The settings in mkdocs.yml's `extra:` that our hooks read, checked like the data file: a wrong value
stops the build with one Korean message that names mkdocs.yml, the line, the key path and what is
expected (before, a typo here ended in a ValueError or FileNotFoundError traceback).

- `korean_search`                 false: Material's search as shipped (the stock twin of make bench-search)
- `page_scoped_assets`            stylesheets and scripts in docs/ linked only from the pages that use them

The limits for facts not checked for long were here (`fact_freshness`); they moved to the data file
(`meta.review`, guidekit/freshness.py), and a mkdocs.yml that still has them is told where they went."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GuideDataError, position_of


@dataclass(frozen=True)
class SiteSettings:
    korean_search: bool = True
    page_scoped_assets: tuple[str, ...] = ()


class _Reader:
    def __init__(self, config_file: str, config_text: str):
        self.file, self.text = config_file, config_text

    def place_of(self, key: str) -> tuple[int | None, int | None]:
        """The line and column where `key:` is written (the first such key in the file)."""
        m = re.search(rf"^[ \t]*(?:-[ \t]*)?({re.escape(key)})[ \t]*:", self.text, re.M)
        return position_of(self.text, m.start(1)) if m else (None, None)

    def fail(self, key_path: str, problem: str, found: Any, expected: str, near: str = "") -> GuideDataError:
        """`near`: text on the line at fault, when it is not the key's own (an entry of a list)."""
        shown = found if isinstance(found, str) else repr(found)
        at = self.text.find(near) if near else -1
        line, column = position_of(self.text, at) if at >= 0 else self.place_of(key_path.rsplit(".", 1)[-1])
        return GuideDataError(
            self.file,
            problem,
            line=line,
            column=column,
            key_path=key_path,
            found=shown,
            expected=expected,
        )


def read_settings(extra: Any, docs_dir: Path, config_file: str = "mkdocs.yml", config_text: str = "") -> SiteSettings:
    """The checked settings; `config_text` is mkdocs.yml as written, for line numbers."""
    r = _Reader(config_file, config_text)
    if not isinstance(extra, Mapping):
        raise r.fail("extra", "extra는 '키: 값' 묶음이어야 해요.", extra, "extra: 아래에 들여 쓴 키: 값")
    if "fact_freshness" in extra:
        # Two places for one limit would disagree one day: the old setting is refused, not read.
        raise r.fail(
            "extra.fact_freshness",
            "fact_freshness 설정은 데이터 파일로 옮겼어요(docs/data/guide.yml의 meta.review).",
            extra["fact_freshness"],
            "mkdocs.yml에서 fact_freshness 묶음을 지우고, 날수는 meta.review의 every_days(알림)와 "
            "stop_deploy_after_days(배포 멈춤)에 적어요.",
        )
    return SiteSettings(
        korean_search=_korean_search(r, extra.get("korean_search", True)),
        page_scoped_assets=_assets(r, extra.get("page_scoped_assets"), docs_dir),
    )


def scoped_assets(
    extra: Any, docs_dir: Path, config_file: str = "mkdocs.yml", config_text: str = ""
) -> tuple[str, ...]:
    """Only `page_scoped_assets`, for the hook that reads nothing else (hooks/page_assets.py)."""
    value = extra.get("page_scoped_assets") if isinstance(extra, Mapping) else None
    return _assets(_Reader(config_file, config_text), value, docs_dir)


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
