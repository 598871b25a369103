"""What the JSON Schema cannot say about the data: ids are unique within their list, and an entry that
names another by id (a scenario's topic, its message, its checklist) names one that exists, and every topic
has a scenario. The names of the blanks a shopper fills in are checked in guidekit/blank_checks.py."""

from __future__ import annotations

import dataclasses

from .errors import GuideDataError, key_path
from .model import LISTS, Guide
from .yaml_positions import Marks, nearest_mark


def check_unique_ids(data: dict, marks: Marks, file: str) -> None:
    for name in LISTS:
        seen: dict[str, int] = {}
        for i, entry in enumerate(data.get(name) or []):
            _check_unique(entry.get("id"), seen, (name, i, "id"), marks, file)
            inner: dict[str, int] = {}
            for j, item in enumerate(entry.get("items") or []):
                if isinstance(item, dict):
                    _check_unique(item.get("id"), inner, (name, i, "items", j, "id"), marks, file)


def _check_unique(value, seen: dict, path: tuple, marks: Marks, file: str) -> None:
    if value is None:
        return
    if value in seen:
        line, col = nearest_mark(marks, path)
        raise GuideDataError(
            file,
            f"id '{value}'가 같은 목록에 두 번 있어요.",
            line=line,
            column=col,
            key_path=key_path(path),
            found=f"{key_path(path[:-2] + (seen[value], 'id'))}와 같음",
            expected="목록 안에서 서로 다른 id",
        )
    seen[value] = path[-2]


# (list, field, list it must name an id of): references a JSON Schema cannot check. A dotted field is
# inside an object of the entry; an optional field left out (None) names nothing.
REFERENCES = (
    ("scenarios", "topic", "topics"),
    ("scenarios", "message", "message_templates"),
    ("scenarios", "checklist", "checklists"),
    ("scenarios", "if_fails.message", "message_templates"),
    ("scenarios", "if_fails.checklist", "checklists"),
    ("faq", "topic", "topics"),
    ("faq", "scenario", "scenarios"),
    ("message_templates", "scenario", "scenarios"),
)


def check_references(guide: Guide) -> None:
    """Every entry that names another entry by id names one that exists, a scenario's `see` is pointed to
    by its text, and every topic has a scenario."""
    for list_name, field_name, target in REFERENCES:
        ids = {t.id for t in guide.entries(target)}
        path = tuple(field_name.split("."))
        for entry in guide.entries(list_name):
            named = entry
            for part in path:
                named = getattr(named, part)
            if named is not None and named not in ids:
                raise GuideDataError(
                    guide.file,
                    f"{path[-1]} '{named}'가 {target}에 없어요.",
                    line=guide.line_of(list_name, entry.pos, *path),
                    key_path=key_path((list_name, entry.pos, *path)),
                    found=named,
                    expected="다음 중 하나: " + ", ".join(sorted(ids)),
                )
    _check_see(guide)
    _check_topics_have_scenarios(guide)
    _check_faq_scenarios(guide)
    _check_search_questions(guide)


def _check_faq_scenarios(guide: Guide) -> None:
    """A FAQ entry that names its scenario sends readers to that scenario: its "자세한 안내" link and the
    scenario's section must be the same place, or search would land somewhere its link does not go."""
    for q in guide.faq:
        scenario = guide.find("scenarios", q.scenario) if q.scenario else None
        if scenario is not None and q.link != scenario.link:
            path = ("faq", q.pos, "link")
            raise GuideDataError(
                guide.file,
                f"scenario 줄은 이 질문이 시나리오 {scenario.id}의 문제라고 하는데, "
                "link가 그 시나리오의 link와 달라요. 자세한 안내가 다른 곳으로 가요.",
                line=guide.line_of(*path),
                key_path=key_path(path),
                found=q.link,
                expected=f"link 줄을 지우기(그 시나리오의 link를 써요: {scenario.link}), "
                "또는 다른 문제라면 scenario 줄을 지우기",
            )


def _check_search_questions(guide: Guide) -> None:
    """Each kind of answer a search question asks for is answered by facts that exist."""
    for question in guide.search_questions:
        for i, key in enumerate(question.facts):
            if key not in guide.facts:
                path = ("search", "questions", question.pos, "facts", i)
                raise GuideDataError(
                    guide.file,
                    f"'{question.answer}'에 답하는 사실로 적은 {key}가 facts에 없어요.",
                    line=guide.line_of(*path),
                    key_path=key_path(path),
                    found=key,
                    expected="facts에 있는 열쇠(예: agent_hours)",
                )


def _check_topics_have_scenarios(guide: Guide) -> None:
    """A topic is a card on the home page listing its scenarios: one that no scenario names is an empty card."""
    named = {s.topic for s in guide.scenarios}
    for topic in guide.topics:
        if topic.id not in named:
            path = ("topics", topic.pos, "id")
            raise GuideDataError(
                guide.file,
                f"이 주제({topic.id})를 가리키는 시나리오가 없어요. 홈 화면에 시나리오 없는 빈 카드가 생겨요.",
                line=guide.line_of(*path),
                key_path=key_path(path),
                found=topic.id,
                expected=f"이 주제의 시나리오를 scenarios에 더하고 그 시나리오에 topic 줄(topic: {topic.id})을 적거나, "
                "필요 없는 주제면 topics에서 이 항목을 지워 주세요.",
            )


def _check_see(guide: Guide) -> None:
    """A scenario's `see` names a place its own text points to in quotes: otherwise the link never shows."""
    for s in guide.scenarios:
        texts = [s.answer, *s.prepare, *s.steps, *(t for kind in dataclasses.astuple(s.timing) for t in kind)]
        for i, see in enumerate(s.see):
            if not any(f"'{see.text}'" in t for t in texts):
                raise GuideDataError(
                    guide.file,
                    f"see의 '{see.text}'를 이 시나리오의 글에서 작은따옴표로 가리키지 않아요. "
                    "링크가 어디에도 생기지 않아요.",
                    line=guide.line_of("scenarios", s.pos, "see", i, "text"),
                    key_path=key_path(("scenarios", s.pos, "see", i, "text")),
                    found=see.text,
                    expected="단계나 안내에 '…' 로 적은 말 그대로",
                )
