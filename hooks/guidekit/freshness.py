"""Which facts have not been checked for too long. Facts from the source guide keep the guide's date
until someone checks them, so they show up here first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Fact, Guide
from .site_settings import DEFAULT_MAX_AGE_DAYS


@dataclass(frozen=True)
class StaleFact:
    fact: Fact
    age_days: int
    line: int | None


def stale_facts(guide: Guide, today: date, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> list[StaleFact]:
    out = [StaleFact(f, (today - f.checked_date).days, guide.line_of("facts", f.key)) for f in guide.facts.values()]
    return sorted((s for s in out if s.age_days > max_age_days), key=lambda s: (-s.age_days, s.fact.key))


def report(stale: list[StaleFact], guide: Guide, max_age_days: int) -> str:
    if not stale:
        return f"모든 사실이 {max_age_days}일 안에 확인됐어요."
    lines = [f"{len(stale)}개 사실을 {max_age_days}일 넘게 다시 확인하지 않았어요 ({guide.file}):"]
    for s in stale:
        lines.append(
            f"  - facts.{s.fact.key} (줄 {s.line}): {s.age_days}일 전({s.fact.checked}) 확인, "
            f"출처 {s.fact.source}, 신뢰도 {s.fact.confidence}"
        )
    lines.append("  확인한 뒤에는 checked 날짜를 오늘로 고쳐 주세요.")
    return "\n".join(lines)
