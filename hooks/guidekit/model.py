"""The guide as typed values: what the generators read once the data file has been parsed and checked.

The JSON Schema (docs/data/guide.schema.json) stays the one place the data's rules are written: editors
get completion from it in their editor, and the Korean error messages are made from it. These classes
only give the validated data names and types; tests/unit/test_model.py keeps their fields equal to the
schema's keys, so neither can change without the other."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import key_path
from .yaml_positions import Marks, nearest_mark

UNOFFICIAL = ("guide", "conflict")


@dataclass(frozen=True)
class Fact:
    key: str
    kind: str
    value: Any
    label: str
    source: str
    confidence: str
    checked: str
    unit: str | None = None
    note: str | None = None
    source_title: str | None = None
    attribution: str | None = None
    shown_with: tuple[str, ...] = ()

    @property
    def unofficial(self) -> bool:
        return self.confidence in UNOFFICIAL

    @property
    def from_source_guide(self) -> bool:
        return self.confidence == "guide"

    @property
    def checked_date(self) -> date:
        return date.fromisoformat(self.checked)

    @property
    def source_is_url(self) -> bool:
        return self.source.startswith("https://")

    def as_text(self) -> str:
        """The value as plain text, for places where markup does not belong (titles, search, pasted messages)."""
        if self.kind == "path":
            return " › ".join(self.value)
        if self.kind == "keywords":
            return ", ".join(f"'{v}'" for v in self.value)
        if self.kind == "list":
            return ", ".join(self.value)
        if self.kind == "number":
            return f"{self.value}{self.unit}"
        return str(self.value)


@dataclass(frozen=True)
class SourceGuide:
    label: str
    date: str


@dataclass(frozen=True)
class Review:
    """How often facts are compared with their sources again (guidekit/freshness.py reads it)."""

    every_days: int
    stop_deploy_after_days: int


@dataclass(frozen=True)
class Meta:
    site_title: str
    short_title: str
    description: str
    source_guide: SourceGuide
    review: Review


@dataclass(frozen=True)
class WordingRule:
    avoid: tuple[str, ...]
    use: str
    why: str
    unless: str | None = None


@dataclass(frozen=True)
class Style:
    """What the build checks in every page's text (guidekit/prose_checks.py)."""

    numbers_allowed: tuple[str, ...] = ()
    wording: tuple[WordingRule, ...] = ()


# Entries of the data's lists. `pos` is the entry's index in its list, so a message can name its line.


@dataclass(frozen=True)
class Topic:
    pos: int
    id: str
    title: str
    blurb: str
    link: str
    also: tuple[SeeAlsoPage, ...] = ()


@dataclass(frozen=True)
class SeeAlsoPage:
    """A place a home card lists beside its scenarios (판매자가 이렇게 말하면 under 분쟁)."""

    title: str
    link: str


@dataclass(frozen=True)
class Timing:
    """얼마나 걸려요 · 언제까지, each line under the kind of content it is: the law, Kakao's help pages, other
    public bodies, the source guide, this guide's own advice, and what could not be verified. The build
    checks each line's kind against the facts it uses (guidekit/right_checks.py)."""

    law: tuple[str, ...] = ()
    kakao: tuple[str, ...] = ()
    official: tuple[str, ...] = ()
    source_guide: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()


# The kinds in the order a page shows them (their headings are in templates/blocks/scenario.html).
TIMING_KINDS: tuple[str, ...] = ("law", "kakao", "official", "source_guide", "advice", "unverified")


@dataclass(frozen=True)
class IfFails:
    """The next rung when a scenario's steps did not work, with what the shopper sends and prints there."""

    text: str
    link: str
    label: str
    message: str | None = None
    checklist: str | None = None


@dataclass(frozen=True)
class SeeAlso:
    """A place a scenario's text points to in quotes ('판매자가 이렇게 말하면'), made a link there."""

    text: str
    link: str


@dataclass(frozen=True)
class Scenario:
    pos: int
    id: str
    topic: str
    title: str
    answer: str
    link: str
    prepare: tuple[str, ...]
    steps: tuple[str, ...]
    timing: Timing
    if_fails: IfFails
    message: str | None = None
    checklist: str | None = None
    notice: str | None = None
    notice_at: int = 1
    see: tuple[SeeAlso, ...] = ()
    aliases: tuple[str, ...] = ()  # other wordings people search this problem by


@dataclass(frozen=True)
class Detail:
    """What a shopper types once (an order number, a date) and finds again in every checklist blank and
    message placeholder of that name on the device. `also_called` are the other names people use for it:
    never a blank's name, so that one detail has one store (guidekit/blank_checks.py)."""

    pos: int
    id: str
    label: str
    kind: str = "text"  # or "date": a date field, and a date the page writes out in messages
    also_called: tuple[str, ...] = ()
    hint: str | None = None


@dataclass(frozen=True)
class SellerClaim:
    """판매자가 이렇게 말하면: an excuse for refusing a return, and the law's answer with its article."""

    pos: int
    id: str
    claim: str
    answer: str
    article: str
    link: str | None = None


@dataclass(frozen=True)
class OrderStatus:
    pos: int
    id: str
    status: str
    cancel: str
    return_: str  # `return` in the data file
    source: str
    confidence: str
    checked: str


@dataclass(frozen=True)
class EscalationStep:
    pos: int
    id: str
    title: str
    text: str
    link: str


@dataclass(frozen=True)
class ChecklistItem:
    pos: int
    id: str
    text: str
    link: str


@dataclass(frozen=True)
class Checklist:
    pos: int
    id: str
    title: str
    intro: str
    blanks: tuple[str, ...]
    items: tuple[ChecklistItem, ...]
    deadline_helper: bool = False


@dataclass(frozen=True)
class MessageTemplate:
    pos: int
    id: str
    scenario: str
    title: str
    to: str
    body: str
    exercises: str | None = None
    step: str | None = None
    free_text: tuple[str, ...] = ()  # its blanks that are no detail: written by hand each time


@dataclass(frozen=True)
class Faq:
    pos: int
    id: str
    topic: str
    question: str
    answer: str
    link: str
    aliases: tuple[str, ...]
    scenario: str | None = None  # the scenario that answers the same problem (search lands there)


@dataclass(frozen=True)
class SearchQuestion:
    """A kind of answer a search can ask for (어디 -> a menu path, 며칠까지 -> a deadline): the words that
    ask it, and the facts whose values answer it (ko-rank.js puts the places that state one first)."""

    pos: int
    answer: str
    asks: tuple[str, ...]
    facts: tuple[str, ...]


@dataclass(frozen=True)
class ExtraHoliday:
    """A 임시공휴일 the holidays package does not know yet: the deadline helper treats it as a public
    holiday (guidekit/public_holidays.py)."""

    pos: int
    date: str
    name: str
    source: str
    checked: str


# The lists of the data file, by key, with the class of their entries.
LISTS: dict[str, type] = {
    "topics": Topic,
    "scenarios": Scenario,
    "order_statuses": OrderStatus,
    "escalation": EscalationStep,
    "checklists": Checklist,
    "details": Detail,
    "seller_claims": SellerClaim,
    "message_templates": MessageTemplate,
    "faq": Faq,
    "extra_holidays": ExtraHoliday,
}


@dataclass(frozen=True)
class Guide:
    file: str
    meta: Meta
    facts: dict[str, Fact]
    topics: tuple[Topic, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    order_statuses: tuple[OrderStatus, ...] = ()
    escalation: tuple[EscalationStep, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    details: tuple[Detail, ...] = ()
    seller_claims: tuple[SellerClaim, ...] = ()
    message_templates: tuple[MessageTemplate, ...] = ()
    faq: tuple[Faq, ...] = ()
    extra_holidays: tuple[ExtraHoliday, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    search_questions: tuple[SearchQuestion, ...] = ()
    style: Style = field(default_factory=Style)
    marks: Marks = field(default_factory=dict, repr=False, compare=False)

    def line_of(self, *path) -> int | None:
        return nearest_mark(self.marks, tuple(path))[0]

    def place(self, *path) -> str:
        """'docs/data/guide.yml:120:5': the file, line and column of `path` (or of its closest parent)."""
        line, column = nearest_mark(self.marks, tuple(path))
        return f"{self.file}:{line}" + (f":{column}" if column else "")

    def where(self, *path) -> str:
        """'docs/data/guide.yml:120:5 (scenarios[0].link)': how messages name a place in the data."""
        return f"{self.place(*path)} ({key_path(path)})"

    def entries(self, list_name: str) -> tuple:
        return getattr(self, list_name)

    def find(self, list_name: str, entry_id: str | None):
        """The entry of `list_name` whose id is `entry_id`, or None."""
        return next((e for e in self.entries(list_name) if e.id == entry_id), None)

    def dates(self, facts) -> FactDates:
        """The dates a page or sheet that shows `facts` states, each in its true sense (none given: the
        whole guide's)."""
        facts = list(facts) or list(self.facts.values())
        return FactDates(
            checked=date_span(f.checked for f in facts if not f.from_source_guide),
            written=self.meta.source_guide.date if any(f.from_source_guide for f in facts) else None,
        )


@dataclass(frozen=True)
class FactDates:
    """`checked`: when the official facts were last compared with their sources (a span when they differ);
    `written`: the day the source guide was written, when unofficial facts from it are shown. Nobody
    checked anything on the day a blog post was written, so the two are never merged into one span."""

    checked: str | None
    written: str | None


def date_span(dates) -> str | None:
    """'2026-02-06 ~ 2026-11-26' from the earliest to the latest of `dates`; one date when they agree,
    None when there are none. Every "checked" line on a page or a printed sheet is written by this."""
    ordered = sorted(set(dates))
    if not ordered:
        return None
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]} ~ {ordered[-1]}"


# ── From validated data ─────────────────────────────────────────────────────────────────────────


def data_key(field_name: str) -> str:
    """A field's key in the data file (`return_` is `return`)."""
    return field_name.removesuffix("_")


def _entry(cls: type, pos: int, raw: dict) -> Any:
    values: dict[str, Any] = {"pos": pos}
    for f in dataclasses.fields(cls):
        key = data_key(f.name)
        if f.name == "pos" or key not in raw:
            continue
        value = raw[key]
        if cls is Checklist and key == "items":
            value = tuple(_entry(ChecklistItem, j, item) for j, item in enumerate(value))
        elif cls is Scenario and key == "timing":
            value = Timing(**_tuples(value))
        elif cls is Scenario and key == "if_fails":
            value = IfFails(**value)
        elif cls is Scenario and key == "see":
            value = tuple(SeeAlso(**v) for v in value)
        elif cls is Topic and key == "also":
            value = tuple(SeeAlsoPage(**v) for v in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return cls(**values)


def _tuples(raw: dict, keep: str = "") -> dict[str, Any]:
    """Lists as tuples (the classes are frozen), except the field `keep`, which stays as the data has it."""
    return {k: tuple(v) if isinstance(v, list) and k != keep else v for k, v in raw.items()}


def guide_from_data(data: dict, marks: Marks, file: str) -> Guide:
    """Typed values from data that the schema has accepted."""
    meta = data["meta"]
    return Guide(
        file=file,
        meta=Meta(
            site_title=meta["site_title"],
            short_title=meta["short_title"],
            description=meta["description"],
            source_guide=SourceGuide(**meta["source_guide"]),
            review=Review(**meta["review"]),
        ),
        facts={key: Fact(key=key, **_tuples(raw, keep="value")) for key, raw in data["facts"].items()},
        style=Style(
            numbers_allowed=tuple(data["style"]["numbers_allowed"]),
            wording=tuple(WordingRule(**_tuples(rule)) for rule in data["style"]["wording"]),
        ),
        synonyms=tuple(tuple(group) for group in data.get("synonyms") or []),
        search_questions=tuple(
            SearchQuestion(pos=i, **_tuples(raw))
            for i, raw in enumerate((data.get("search") or {}).get("questions") or [])
        ),
        marks=marks,
        **{
            name: tuple(_entry(cls, i, raw) for i, raw in enumerate(_with_links(name, data)))
            for name, cls in LISTS.items()
        },
    )


def _with_links(name: str, data: dict) -> list:
    """A list's raw entries; a FAQ entry that names its scenario links where that scenario does (its own
    `link` is left out, so the two cannot drift apart). An unknown scenario is reported by check_references."""
    entries = data.get(name) or []
    if name != "faq":
        return entries
    links = {s.get("id"): s.get("link") for s in data.get("scenarios") or []}
    return [
        raw if "link" in raw or "scenario" not in raw else {**raw, "link": links.get(raw["scenario"]) or ""}
        for raw in entries
    ]
