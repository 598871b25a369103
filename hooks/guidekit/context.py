"""What rendering one page needs, and what it leaves behind: the guide, how a site link becomes a URL
relative to the page, and the facts the page used (for its sources box and the dates in its footer).

A page is read section by section (a section runs from one heading to the next): the unofficial facts a
section shows get one honesty note at its end, and a fact that must be shown with another (both limits
of one law) is checked within the section."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from .errors import GuideDataError
from .model import Fact, FactDates, Guide
from .particles import fit_particles
from .render import inline_markup, render
from .syntax import FACT_BODY, REF, fact_marker, fact_runs


@dataclass
class RenderContext:
    guide: Guide
    where: str
    url_for: Callable[[str, str], str]
    used: dict[str, Fact] = field(default_factory=dict)
    section: dict[str, Fact] = field(default_factory=dict)  # facts shown since the last heading
    scenarios_shown: set[str] = field(default_factory=set)
    # A fact's markup, by fact and particle: the same on every page of a build, and drawn thousands of
    # times (a build shares one dict across its pages).
    drawn: dict[tuple[str, str], Markup] = field(default_factory=dict)
    # The build's day: the deadline helper gets the holidays of the years around it (guidekit/public_holidays.py).
    today: date = field(default_factory=date.today)

    def fact(self, key: str, line: int | None = None, where: str | None = None, column: int | None = None) -> Fact:
        fact = self.guide.facts.get(key)
        if fact is None:
            raise GuideDataError(
                where or self.where,
                f"facts에 없는 사실 키를 쓰고 있어요: '{key}'",
                line=line,
                column=column,
                key_path=f"facts.{key}",
                expected=_suggest(key, self.guide.facts),
            )
        return fact

    def number_fact(self, key: str, block: str, unit: str | None = None) -> Fact:
        """A fact a block computes with: it must be a number (in `unit`, when given)."""
        fact = self.fact(key)
        if fact.kind != "number" or (unit is not None and fact.unit != unit):
            raise GuideDataError(
                self.guide.file,
                f"'guide:{block}' 블록은 사실 '{key}'를 {f'{unit!r} 단위의 ' if unit else ''}숫자로 읽어요.",
                line=self.guide.line_of("facts", key),
                key_path=f"facts.{key}",
                found=f"kind: {fact.kind}" + (f", unit: {fact.unit}" if unit else ""),
                expected="kind: number" + (f", unit: {unit}" if unit else ""),
            )
        return fact

    def render_fact(self, fact: Fact, josa: str = "") -> Markup:
        """The fact's value as markup with the particle written after it, noted as used by the page and by
        the current section."""
        self.used[fact.key] = self.section[fact.key] = fact
        markup = self.drawn.get((fact.key, josa))
        if markup is None:
            markup = self.drawn[fact.key, josa] = render("fact.html", fact=fact, josa=josa)
        return markup

    def fit(self, text: str) -> str:
        """The particle after each `{{ fact.key }}` in `text` made to fit the fact's value (guidekit/particles.py)."""

        def spoken(m) -> str | None:
            body = FACT_BODY.match(m.group("body"))
            fact = self.guide.facts.get(body.group("key")) if body else None
            return fact.as_text() if fact else None

        return fit_particles(text, spoken, REF)

    def inline(self, text: str, where: str) -> Markup:
        """Data text -> safe inline HTML: escaped, **bold** allowed, fact references expanded."""
        out: list[Markup] = []
        for plain, key, josa in fact_runs(self.fit(text), where):
            out.append(inline_markup(plain))
            if key:
                out.append(self.render_fact(self.fact(key, where=where), josa))
        return Markup("").join(out)

    def end_section(self, where: str, line: int | None = None) -> str:
        """Close the current section: check the facts that must be shown together, and return its honesty
        note (or "" when it showed no unofficial fact)."""
        shown = self.section
        self.section = {}
        for fact in shown.values():
            missing = [key for key in fact.shown_with if key not in shown]
            if missing:
                raise GuideDataError(
                    where,
                    f"사실 '{fact.key}'를 쓴 부분에 '{missing[0]}'도 함께 나와야 해요.",
                    line=line,
                    key_path=f"facts.{fact.key}.shown_with",
                    expected="같은 제목 아래에 " + ", ".join(fact_marker(k) for k in missing),
                )
        unofficial = [f for f in shown.values() if f.unofficial]
        if not unofficial:
            return ""
        return str(
            render(
                "source_note.html",
                guide=[f for f in unofficial if f.from_source_guide],
                conflict=[f for f in unofficial if not f.from_source_guide],
                written=self.guide.meta.source_guide.date,
            )
        )

    def entry(self, list_name: str, wanted: str | None):
        """The entry of `list_name` whose id is `wanted`, for a block that names one."""
        found = self.guide.find(list_name, wanted)
        if found is None:
            raise GuideDataError(
                self.where,
                f"'{wanted}'가 데이터의 {list_name}에 없어요.",
                key_path=f"{list_name}[].id",
                expected="다음 중 하나: " + (", ".join(e.id for e in self.guide.entries(list_name)) or "(없음)"),
            )
        return found

    @property
    def dates(self) -> FactDates:
        """The dates the page states for the facts it showed (the whole guide's when it showed none)."""
        return self.guide.dates(self.used.values())


def _suggest(key: str, facts: dict) -> str:
    close = difflib.get_close_matches(key, facts.keys(), n=3)
    hint = f" 비슷한 키: {', '.join(close)}" if close else ""
    return f"docs/data/guide.yml의 facts에 있는 키.{hint}"
