"""Every blank has its field, one name per detail. A detail (guide.yml `details`) is what a shopper types
once; the page fills every blank of its label from one store on the device. A blank under another name for
the same detail (수령일 for 받은 날, or 받은날) would stay empty while the shopper believes it was filled,
so the build refuses:

- a checklist blank that is not a detail's label;
- a message blank that is neither a detail's label nor in its template's `free_text` (the blanks the
  shopper writes by hand each time), and a `free_text` name its template does not use or that is a
  detail's own;
- a blank or `free_text` name that is a detail's `also_called` name, or differs from a detail's name only
  in spacing;
- one name (spacing aside) for two details, and a deadline helper without the two dates it fills."""

from __future__ import annotations

import difflib
import re

from .errors import GuideDataError, key_path
from .model import Detail, Guide, MessageTemplate
from .particles import form_after
from .syntax import PLACEHOLDER

# The details whose labels name the deadline helper's two date fields, in the order the helper shows them
# (arrival, then the day the shopper found the product differs from its advert).
HELPER_DETAILS = ("received_date", "known_date")

# Every name of every detail, without its spaces -> the detail it names.
DetailNames = dict[str, Detail]


def check_blanks(guide: Guide) -> None:
    names = detail_names(guide)
    _check_checklist_blanks(guide, names)
    for t in guide.message_templates:
        _check_free_text(guide, t, names)
        _check_template_blanks(guide, t, names)
    flagged = next((cl for cl in guide.checklists if cl.deadline_helper), None)
    if flagged is not None:
        deadline_helper_details(guide, f"checklists[{flagged.pos}]({flagged.id})", "deadline_helper: true")


def template_blanks(body: str) -> list[str]:
    """The names of a message's [blanks], each once, in the order they first appear."""
    return list(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(body)))


def detail_names(guide: Guide) -> DetailNames:
    """Labels and `also_called` names of all details. Spacing is ignored, since a blank spaced differently
    is the same name to a reader and a different one to the device; two details may not share a name."""
    names: DetailNames = {}
    first: dict[str, tuple] = {}
    for d in guide.details:
        spelled = [(("label",), d.label), *((("also_called", j), n) for j, n in enumerate(d.also_called))]
        for where, name in spelled:
            key = _squash(name)
            other = names.get(key)
            if other is not None and other.id != d.id:
                path = ("details", d.pos, *where)
                raise GuideDataError(
                    guide.file,
                    f"이름 '{name}'{form_after(name, '이')} details의 두 항목({other.id}, {d.id})에 있어요. "
                    "한 이름이 두 정보를 가리키면 어느 값을 채울지 정할 수 없어요.",
                    line=guide.line_of(*path),
                    key_path=key_path(path),
                    found=f"{name} — {key_path(first[key])}에도 있어요(띄어쓰기는 보지 않아요)",
                    expected="details 전체에서 서로 다른 label과 also_called",
                )
            names.setdefault(key, d)
            first.setdefault(key, ("details", d.pos, *where))
    return names


def other_name_for(name: str, names: DetailNames) -> Detail | None:
    """The detail `name` is another name for (an `also_called` name, or one of its names spaced
    differently); None when `name` is a label as written, or names no detail."""
    detail = names.get(_squash(name))
    return detail if detail is not None and detail.label != name else None


def _check_checklist_blanks(guide: Guide, names: DetailNames) -> None:
    labels = [d.label for d in guide.details]
    for cl in guide.checklists:
        for i, blank in enumerate(cl.blanks):
            path = ("checklists", cl.pos, "blanks", i)
            detail = other_name_for(blank, names)
            if detail is not None:
                raise _another_name(guide, path, blank, detail, found=blank, expected=detail.label)
            if blank not in labels:
                raise GuideDataError(
                    guide.file,
                    f"체크리스트 칸 '{blank}'{form_after(blank, '가')} details에 없어요. 한 기기에서 적은 값이 모든 "
                    "체크리스트와 문구에 들어가려면 칸 이름이 details의 이름과 같아야 해요.",
                    line=guide.line_of(*path),
                    key_path=key_path(path),
                    found=blank,
                    expected=_closest(blank, labels) or "details에 이 이름을 더하거나, 있는 이름 중 하나",
                )


def _check_free_text(guide: Guide, t: MessageTemplate, names: DetailNames) -> None:
    labels = {d.label for d in guide.details}
    blanks = template_blanks(t.body)
    for j, name in enumerate(t.free_text):
        path = ("message_templates", t.pos, "free_text", j)
        detail = other_name_for(name, names)
        if detail is not None:
            raise _another_name(
                guide, path, name, detail, found=name, expected=f"free_text에서 빼고, 문구에는 [{detail.label}]"
            )
        if name in labels:
            raise GuideDataError(
                guide.file,
                f"free_text의 '{name}'{form_after(name, '은')} details의 이름이에요. 이 칸은 적어 둔 값으로 "
                "채워지니, 손으로 적는 칸(free_text)이 아니에요.",
                line=guide.line_of(*path),
                key_path=key_path(path),
                found=name,
                expected=f"free_text에서 '{name}' 빼기",
            )
        if name not in blanks:
            unlisted = [b for b in blanks if b not in labels and b not in t.free_text]
            raise GuideDataError(
                guide.file,
                f"free_text의 '{name}'{form_after(name, '이')} 이 문구에 [{name}] 칸으로 없어요. "
                "문구의 칸 이름을 고쳤다면 free_text도 똑같이 고쳐요.",
                line=guide.line_of(*path),
                key_path=key_path(path),
                found=name,
                expected=(
                    "문구의 칸 이름 그대로: " + ", ".join(f"'{b}'" for b in unlisted)
                    if unlisted
                    else f"free_text에서 '{name}' 빼기"
                ),
            )


def _check_template_blanks(guide: Guide, t: MessageTemplate, names: DetailNames) -> None:
    labels = [d.label for d in guide.details]
    path = ("message_templates", t.pos, "body")
    for name in template_blanks(t.body):
        detail = other_name_for(name, names)
        if detail is not None:
            raise _another_name(guide, path, name, detail, found=f"[{name}]", expected=f"[{detail.label}]")
        if name in labels or name in t.free_text:
            continue
        near = _closest(name, labels)
        raise GuideDataError(
            guide.file,
            f"문구의 칸 [{name}]{form_after(name, '이')} details의 이름도 아니고 이 문구의 free_text에도 없어요. "
            "적어 둔 값이 들어갈 칸이면 details의 이름으로 쓰고, 보낼 때마다 손으로 적는 칸이면 free_text에 "
            "적어요.",
            line=guide.line_of(*path),
            key_path=key_path(path),
            found=f"[{name}]",
            expected=(f"[{near}], 또는 " if near else "details의 이름, 또는 ") + f"free_text에 '{name}' 더하기",
        )


def _another_name(guide: Guide, path: tuple, name: str, detail: Detail, *, found: str, expected: str) -> GuideDataError:
    """The error for a name that is another name for `detail`: said as an also_called name, or as one of
    its names spaced differently."""
    spelled = next(n for n in (detail.label, *detail.also_called) if _squash(n) == _squash(name))
    if spelled == detail.label:
        problem = (
            f"'{name}'{form_after(name, '이')} details의 '{detail.label}'{form_after(detail.label, '과')} "
            "띄어쓰기만 달라요."
        )
    elif spelled == name:
        problem = (
            f"'{name}'{form_after(name, '은')} details의 '{detail.label}'{form_after(detail.label, '을')} "
            "다르게 부르는 이름(also_called)이에요."
        )
    else:
        problem = (
            f"'{name}'{form_after(name, '은')} details의 '{detail.label}'{form_after(detail.label, '을')} 다르게 "
            f"부르는 이름 '{spelled}'{form_after(spelled, '과')} 띄어쓰기만 달라요."
        )
    return GuideDataError(
        guide.file,
        problem + " 한 정보에 이름이 둘이면 적어 둔 값이 이 칸에 들어가지 않아요.",
        line=guide.line_of(*path),
        key_path=key_path(path),
        found=found,
        expected=expected,
    )


def deadline_helper_details(guide: Guide, where: str, what: str) -> tuple[Detail, Detail]:
    """The details whose labels name the deadline helper's two date fields, so the dates typed there fill
    [받은 날] everywhere else. `what` in `where` (a page, a checklist) put the helper there: the message
    says so."""
    found = []
    for detail_id in HELPER_DETAILS:
        detail = guide.find("details", detail_id)
        if detail is None:
            raise GuideDataError(
                guide.file,
                f"반품 기한 계산 칸의 두 날짜 칸은 details의 {HELPER_DETAILS[0]}와 {HELPER_DETAILS[1]}의 label을 "
                "이름으로 써요. "
                f"details에 id '{detail_id}'{form_after(detail_id, '가')} 없어요.",
                line=guide.line_of("details"),
                key_path="details",
                found=f"id가 {detail_id}인 항목 없음 — 계산 칸을 붙이는 곳: {where}의 {what}",
                expected=f"details에 id: {detail_id}, kind: date인 항목",
            )
        if detail.kind != "date":
            raise GuideDataError(
                guide.file,
                f"details의 '{detail.label}'({detail_id})에는 반품 기한 계산 칸의 날짜가 들어가요. kind: date여야 "
                "체크리스트와 문구의 같은 칸에도 날짜로 들어가요.",
                line=guide.line_of("details", detail.pos, "kind"),
                key_path=key_path(("details", detail.pos, "kind")),
                found=f"kind: {detail.kind}",
                expected="kind: date",
            )
        found.append(detail)
    return found[0], found[1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _closest(name: str, labels: list[str]) -> str | None:
    near = difflib.get_close_matches(name, labels, n=1, cutoff=0.75)
    return near[0] if near else None
