"""What keeps a right from being lost on the way: checks over the validated data that a page cannot be
trusted to do by itself.

- A journey where a right is at stake (the law lines cite the withdrawal or the instalment articles and
  the journey can end in a dispute) sends the written notice that exercises it, before any wait for the
  seller, Kakao or 1372: a withdrawal takes effect the day it is sent (전자상거래법 제17조 제5항, 할부거래법
  제8조), whatever the seller answers.
- Each 얼마나 걸려요 line stands under the kind of content it is, judged from the facts it uses: a law line
  cites its article and uses official facts only; unofficial facts appear only where the source guide or
  the unverified are named.
- Wherever the limits of 제17조 제2항 are given, the exception of 제3항 (defective or mismatched goods) is
  given with them.
- A message template never puts a particle right after a [blank] (a typed '3' would read '3로'), and
  every instruction to the shopper in a template is inside brackets, so nothing unfilled is sent as if
  it were the shopper's words."""

from __future__ import annotations

import re

from .errors import GuideDataError, key_path
from .model import TIMING_KINDS, Guide, Scenario
from .syntax import PLACEHOLDER, fact_keys

ARTICLE = re.compile(r"제\d+조")
# The articles whose right is exercised by a written notice.
WITHDRAWAL_LAW = re.compile(r"제17조")
INSTALMENT_LAW = re.compile(r"할부거래법|instalment_law_name|제8조|제16조")
UNVERIFIED_WORDS = ("찾지 못했", "확인하지 못했", "확인되지 않았")
ESCALATION = re.compile(r"중재|1372|상담톡|fact\.route_fastest")
# Rungs past the seller: a journey that can end there can lose a right to the clock while it waits.
DISPUTE_LINKS = ("dispute.md", "#seller-says")
NOTICE_FOR = {"instalment": "instalment_defense", "withdrawal": "withdrawal_notice"}
LIMITS = re.compile(r"제17조 제2항")
EXCEPTION = re.compile(r"제3항")


def check_rights(guide: Guide) -> None:
    for s in guide.scenarios:
        _check_timing_kinds(guide, s)
        _check_notice(guide, s)
    _check_notice_templates(guide)
    _check_limits(guide)
    _check_template_blanks(guide)


def _fail(guide: Guide, path: tuple, message: str, found: str, expected: str) -> GuideDataError:
    return GuideDataError(
        guide.file,
        message,
        line=guide.line_of(*path),
        key_path=key_path(path),
        found=found,
        expected=expected,
    )


def _check_timing_kinds(guide: Guide, s: Scenario) -> None:
    for kind in TIMING_KINDS:
        for i, text in enumerate(getattr(s.timing, kind)):
            path = ("scenarios", s.pos, "timing", kind, i)
            facts = [guide.facts[k] for k in fact_keys(text) if k in guide.facts]
            unofficial = [f.key for f in facts if f.unofficial]
            says_unverified = any(w in text for w in UNVERIFIED_WORDS)
            problem = expected = None
            if kind == "law" and not ARTICLE.search(text):
                problem, expected = "법 줄에 조문이 없어요.", "(전자상거래법 제17조 제1항)처럼 조문을 함께 적기"
            elif kind in ("law", "kakao", "official", "advice") and unofficial:
                problem = f"비공식 사실({', '.join(unofficial)})을 '{kind}' 줄에 썼어요."
                expected = "원본 글의 사실은 source_guide에, 출처끼리 엇갈리는 사실은 unverified에 적기"
            elif kind == "kakao" and "카카오 도움말" not in text:
                problem, expected = (
                    "카카오 도움말 줄이 누구의 안내인지 말하지 않아요.",
                    "'카카오 도움말에 따르면'으로 시작하기",
                )
            elif kind == "source_guide" and "원본 글" not in text:
                problem, expected = (
                    "원본 글 줄이 원본 글의 말이라고 밝히지 않아요.",
                    "'원본 글은 …라고 해요'처럼 밝히기",
                )
            elif kind == "unverified" and not says_unverified:
                problem, expected = (
                    "확인하지 못한 것 줄이 무엇을 확인하지 못했는지 말하지 않아요.",
                    "'…는 찾지 못했어요'처럼 말하기",
                )
            elif kind != "unverified" and says_unverified:
                problem, expected = (
                    "확인하지 못한 내용이 다른 종류의 제목 아래에 있어요.",
                    "이 줄을 timing.unverified로 옮기기",
                )
            elif kind not in ("kakao", "source_guide") and "카카오 도움말에 따르면" in text:
                problem, expected = (
                    "카카오 도움말의 안내가 다른 종류의 제목 아래에 있어요.",
                    "이 줄을 timing.kakao로 옮기기",
                )
            if problem:
                raise _fail(guide, path, problem, text, expected or "")


def _law_text(s: Scenario) -> str:
    return " ".join(s.timing.law)


def right_at_stake(s: Scenario) -> str | None:
    """'instalment' or 'withdrawal' when the journey's law lines give a right that a written notice
    exercises and the journey can end in a dispute; None otherwise."""
    law = _law_text(s)
    disputed = s.topic == "dispute" or any(part in s.if_fails.link for part in DISPUTE_LINKS)
    if not disputed:
        return None
    if INSTALMENT_LAW.search(law):
        return "instalment"
    if WITHDRAWAL_LAW.search(law):
        return "withdrawal"
    return None


def _check_notice(guide: Guide, s: Scenario) -> None:
    base = ("scenarios", s.pos)
    right = right_at_stake(s)
    if right and not s.notice:
        raise _fail(
            guide,
            (*base, "id"),
            "권리가 걸린 시나리오인데 그 권리를 쓰는 서면 통지 단계가 없어요. 판매자가 답하지 않거나 거절하는 동안 "
            "기한이 지나지 않게, 기한 안에 글로 알리는 단계가 있어야 해요.",
            s.id,
            f"notice: {NOTICE_FOR[right]} 와 notice_at(몇 번째 단계)",
        )
    if not s.notice:
        return
    t = guide.find("message_templates", s.notice)
    if t is None or not t.exercises:
        ids = [m.id for m in guide.message_templates if m.exercises]
        raise _fail(
            guide,
            (*base, "notice"),
            "notice는 권리를 쓰는 통지 문구여야 해요.",
            s.notice,
            "다음 중 하나: " + ", ".join(ids),
        )
    if right and t.exercises != right:
        raise _fail(
            guide,
            (*base, "notice"),
            "이 시나리오의 권리와 통지 문구의 권리가 달라요.",
            f"{s.notice} ({t.exercises})",
            f"{right} 통지",
        )
    if len(s.steps) + 1 > 7:
        raise _fail(
            guide,
            (*base, "steps"),
            "통지 단계까지 더하면 단계가 7개를 넘어요.",
            f"{len(s.steps) + 1}단계",
            "7단계 이하",
        )
    if s.notice_at > len(s.steps) + 1:
        raise _fail(
            guide,
            (*base, "notice_at"),
            "notice_at이 단계 수보다 커요.",
            str(s.notice_at),
            f"1부터 {len(s.steps) + 1}까지",
        )
    for i, step in enumerate(s.steps[: s.notice_at - 1]):
        if ESCALATION.search(step):
            raise _fail(
                guide,
                (*base, "steps", i),
                "서면 통지보다 앞에서 중재·상담톡·1372를 기다리게 해요. 기다리는 동안 기한이 지날 수 있어요.",
                step,
                f"notice_at을 {i + 1} 이하로 당기기",
            )


def _check_notice_templates(guide: Guide) -> None:
    for t in guide.message_templates:
        path = ("message_templates", t.pos)
        if t.exercises and not t.step:
            raise _fail(
                guide,
                (*path, "exercises"),
                "통지 문구에 시나리오 단계 문장(step)이 없어요.",
                t.id,
                "step: 조문을 든 한 문장",
            )
        if t.step and not t.exercises:
            raise _fail(
                guide,
                (*path, "step"),
                "step은 권리를 쓰는 통지 문구(exercises)에만 써요.",
                t.id,
                "exercises를 더하거나 step을 빼기",
            )
        if t.exercises and "[보낸 날]" not in t.body:
            raise _fail(
                guide,
                (*path, "body"),
                "통지 문구에 보낸 날 칸이 없어요. 효력은 보낸 날 생겨요.",
                t.id,
                "보낸 날: [보낸 날]",
            )
        if t.step and not ARTICLE.search(t.step):
            raise _fail(
                guide,
                (*path, "step"),
                "통지 단계 문장에 조문이 없어요.",
                t.step,
                "(전자상거래법 제17조 제5항)처럼 조문",
            )


def _check_limits(guide: Guide) -> None:
    """제17조 제2항's limits never stand without 제3항's exception: a seller answer cites both articles, a
    FAQ answer that names the limits names the exception too."""
    for list_name, field in (("seller_claims", "article"), ("faq", "answer")):
        for entry in guide.entries(list_name):
            text = getattr(entry, field)
            if LIMITS.search(text) and not EXCEPTION.search(text):
                raise _fail(
                    guide,
                    (list_name, entry.pos, field),
                    "제17조 제2항의 제한을 말하면서 제3항의 예외(부서졌거나 광고·계약과 다른 상품)를 말하지 않아요.",
                    text,
                    "'부서졌거나 광고·계약과 다른 상품은 이 제한이 적용되지 않아요(제17조 제3항)'를 함께 쓰고, "
                    "판매자의 말이면 article에 '제3항'을 더하기",
                )


def check_page_limits(markdown: str, where: str) -> None:
    """A page that lists 제17조 제2항's limits says, under the same heading, that 제3항 lifts them."""
    for line in limits_without_exception(markdown):
        raise GuideDataError(
            where,
            "제17조 제2항의 제한을 말하면서 같은 제목 아래에 제3항의 예외(부서졌거나 광고·계약과 다른 상품)가 없어요.",
            line=line,
            expected="'상품이 부서졌거나 광고·계약과 다르면 이 제한은 적용되지 않아요(제17조 제3항)'를 함께 쓰기",
        )


def limits_without_exception(markdown: str) -> list[int]:
    """Lines of a page section that gives 제17조 제2항's limits without 제3항's exception in the same
    section: for the page checks."""
    from .syntax import split_sections

    return [line for line, text in split_sections(markdown) if LIMITS.search(text) and not EXCEPTION.search(text)]


# A blank followed by a Hangul syllable: a particle written for one value, wrong for another.
PARTICLE_AFTER_BLANK = re.compile(r"\[[^\[\]\n]+\](?=[가-힣])")
# A line whose label is itself a blank ('- [날짜]: …') must have a blank after it too.
BLANK_LABEL_LINE = re.compile(r"^(?:- )?\[[^\[\]\n]+\]:\s*(?P<rest>.*)$")
LIST_LINE = re.compile(r"^- (?P<rest>.*)$")


def _check_template_blanks(guide: Guide) -> None:
    for t in guide.message_templates:
        path = ("message_templates", t.pos, "body")
        for line in t.body.splitlines():
            m = PARTICLE_AFTER_BLANK.search(line)
            if m:
                raise _fail(
                    guide,
                    path,
                    "문구의 [칸] 바로 뒤에 조사가 붙어 있어요. 적어 넣는 값에 따라 '3로', '6가'처럼 틀리게 읽혀요.",
                    line,
                    "'주문 번호: [주문 번호]'처럼 칸을 이름표 뒤에 두기",
                )
            rest = None
            label = BLANK_LABEL_LINE.match(line)
            listed = LIST_LINE.match(line)
            if label:
                rest = label.group("rest")
            elif listed:
                rest = listed.group("rest")
            if rest is not None and PLACEHOLDER.sub("", rest).strip(" ,/·:()") and not PLACEHOLDER.search(rest):
                raise _fail(
                    guide,
                    path,
                    "문구 안의 안내(무엇을 적을지)가 대괄호 밖에 있어요. 그대로 보내면 안내가 내 말처럼 보내져요.",
                    line,
                    "- [날짜]: [일어난 일]처럼 적을 것을 대괄호로 감싸기",
                )
