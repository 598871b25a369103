"""Load docs/data/guide.yml once per build: read and decode, parse with positions, validate against the
schema, check ids, references, blank names and the review limits, and return the typed `Guide`. Every
failure is one `GuideDataError` naming file, line, key path and what is expected."""

from __future__ import annotations

import json
from pathlib import Path

from .blank_checks import check_blanks
from .checks import check_references, check_unique_ids
from .data_text import check_texts
from .errors import GuideDataError
from .freshness import check_review_limits
from .model import Guide, guide_from_data
from .right_checks import check_rights
from .schema_messages import describe, validate
from .yaml_positions import Marks, at_found_text, parse_yaml, read_text, with_column

DATA_FILE = Path("data") / "guide.yml"  # inside the docs folder
SCHEMA_FILE = Path("data") / "guide.schema.json"


def load_guide(data_path: Path, schema_path: Path, shown: str | None = None) -> Guide:
    """Read, parse, validate. `shown` is the file name used in messages (relative to the project)."""
    shown = shown or str(data_path)
    return guide_from_text(read_text(data_path, shown), schema_path, shown)


def guide_from_text(text: str, schema_path: Path, shown: str) -> Guide:
    """The data file's text -> `Guide`, after every check, on every build."""
    if not text.strip():
        raise GuideDataError(shown, "파일이 비어 있어요.", expected="meta:, facts: 로 시작하는 안내서 데이터")
    data, marks = parse_yaml(text, shown)
    try:
        return guide_from_checked(data, marks, shown, json.loads(schema_path.read_text(encoding="utf-8")))
    except GuideDataError as exc:
        raise (at_found_text(exc, text) if exc.file == shown else exc) from None


def guide_from_checked(data, marks: Marks, file: str, schema: dict) -> Guide:
    """Parsed data -> `Guide`, after every check. Tests pass edited copies of the real data through here."""
    if not isinstance(data, dict):
        raise GuideDataError(
            file,
            "파일 맨 위는 '키: 값' 묶음이어야 해요.",
            line=1,
            column=1,
            key_path="(파일 전체)",
            found=describe(data),
            expected="meta:, facts: 같은 키로 시작하는 내용",
        )
    try:
        validate(data, schema, marks, file)
        check_texts(data, marks, file, schema)
        check_unique_ids(data, marks, file)
        guide = guide_from_data(data, marks, file)
        check_references(guide)
        check_blanks(guide)
        check_rights(guide)
        check_review_limits(guide)
    except GuideDataError as exc:
        raise (with_column(exc, marks) if exc.file == file else exc) from None
    return guide
