"""Which facts have not been compared with their sources for too long, by the two limits the data file sets
(`meta.review`): past `every_days` a fact is listed on every build and by `make stale`; past
`stop_deploy_after_days` a deploy build (GUIDE_DEPLOY=1, set only by .github/workflows/deploy.yml) stops
and names each one. Facts from the source guide keep the guide's date until someone checks them, so they
show up here first.

The limits live in the data file, beside the dates they judge, so an editor changes both in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import GuideDataError
from .model import Fact, Guide

DEPLOY_ENV = "GUIDE_DEPLOY"
_SWITCH = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


@dataclass(frozen=True)
class StaleFact:
    fact: Fact
    age_days: int
    line: int | None  # the line of the fact's `checked`, the one an editor changes


def stale_facts(guide: Guide, today: date, max_age_days: int | None = None) -> list[StaleFact]:
    """Facts checked more than `max_age_days` (the data's `meta.review.every_days`) ago, oldest first."""
    limit = guide.meta.review.every_days if max_age_days is None else max_age_days
    out = [
        StaleFact(f, (today - f.checked_date).days, guide.line_of("facts", f.key, "checked"))
        for f in guide.facts.values()
    ]
    return sorted((s for s in out if s.age_days > limit), key=lambda s: (-s.age_days, s.fact.key))


def check_review_limits(guide: Guide) -> None:
    """A stop limit shorter than the notice limit would stop a deploy over facts no build had listed yet."""
    review = guide.meta.review
    if review.stop_deploy_after_days < review.every_days:
        raise GuideDataError(
            guide.file,
            "배포를 멈추는 날수가 알림 날수보다 짧아요.",
            line=guide.line_of("meta", "review", "stop_deploy_after_days"),
            key_path="meta.review.stop_deploy_after_days",
            found=str(review.stop_deploy_after_days),
            expected=f"meta.review.every_days({review.every_days}) 이상의 날수",
        )


def report(stale: list[StaleFact], guide: Guide, max_age_days: int | None = None) -> str:
    limit = guide.meta.review.every_days if max_age_days is None else max_age_days
    stop = guide.meta.review.stop_deploy_after_days
    if not stale:
        return f"모든 사실이 {limit}일 안에 확인됐어요."
    lines = [f"{len(stale)}개 사실을 {limit}일 넘게 다시 확인하지 않았어요 ({guide.file}, meta.review.every_days):"]
    for s in stale:
        past_stop = f" — 배포를 멈추는 {stop}일도 넘었어요" if s.age_days > stop else ""
        lines.append(
            f"  - facts.{s.fact.key} (줄 {s.line}): {s.age_days}일 전({s.fact.checked}) 확인, "
            f"출처 {s.fact.source}, 신뢰도 {s.fact.confidence}{past_stop}"
        )
    lines.append("  출처와 다시 확인한 뒤에는 checked를 확인한 날로 고쳐 주세요.")
    return "\n".join(lines)


class DeployStopped(GuideDataError):
    """The deploy build's stop: one message naming every fact past `meta.review.stop_deploy_after_days`,
    each with the line of its `checked`, its age, its date and its source."""

    def __init__(self, guide: Guide, stale: list[StaleFact]):
        self.stale = stale
        stop = guide.meta.review.stop_deploy_after_days
        super().__init__(
            guide.file,
            f"배포를 멈춰요: 사실 {len(stale)}개를 {stop}일 넘게 출처와 다시 대조하지 않았어요"
            f" (meta.review.stop_deploy_after_days: {stop}).",
            expected="위 사실을 출처(원본 글에서 온 사실은 원본 글)와 다시 대조하고 checked를 대조한 날로 "
            "고쳐요. 값이 달라졌으면 값과 출처도 함께 고쳐요.",
        )

    def _lines(self) -> list[str]:
        first, *rest = super()._lines()
        facts = [
            f"  - {self.file}:{s.line} facts.{s.fact.key}.checked: {s.fact.checked} "
            f"({s.age_days}일 전), 출처 {s.fact.source}"
            for s in self.stale
        ]
        return [first, *facts, *rest]


def stop_deploy(guide: Guide, today: date) -> None:
    """Raise DeployStopped when any fact is past the data's stop limit."""
    stale = stale_facts(guide, today, guide.meta.review.stop_deploy_after_days)
    if stale:
        raise DeployStopped(guide, stale)


def deploy_mode(value: str | None) -> bool:
    """Whether GUIDE_DEPLOY's text turns deploy mode on. A value that is neither on nor off is a mistake in
    the workflow, not a quiet 'off': the deploy would then skip its check."""
    if value is None or not value.strip():
        return False
    switch = _SWITCH.get(value.strip().lower())
    if switch is None:
        raise GuideDataError(
            f"환경 변수 {DEPLOY_ENV}",
            "켜기·끄기 값이어야 해요.",
            found=value,
            expected="1 또는 0 (true, false도 돼요)",
        )
    return switch
