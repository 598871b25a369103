"""What rendering one page needs, and what it leaves behind: the guide, how a site link becomes a URL
relative to the page, and the facts the page used (for its sources box and the date in its footer)."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from .errors import GuideDataError
from .model import Fact, Guide, date_span
from .render import inline_markup, render
from .syntax import text_parts
from .urls import fact_anchor


@dataclass
class RenderContext:
    guide: Guide
    where: str
    url_for: Callable[[str, str], str]
    used: dict[str, Fact] = field(default_factory=dict)

    def fact(self, key: str, line: int | None = None, where: str | None = None) -> Fact:
        fact = self.guide.facts.get(key)
        if fact is None:
            raise GuideDataError(
                where or self.where,
                f"모르는 사실 키 '{key}'를 쓰고 있어요.",
                line=line,
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

    def render_fact(self, fact: Fact) -> Markup:
        """The fact's value as markup; the first time a page shows an unofficial fact it carries a badge
        linking to the fact's source row."""
        first = fact.key not in self.used
        self.used[fact.key] = fact
        badge_href = self.url_for(fact_anchor(fact.key), self.where) if first and fact.unofficial else None
        return render("fact.html", fact=fact, badge_href=badge_href)

    def inline(self, text: str, where: str) -> Markup:
        """Data text -> safe inline HTML: escaped, **bold** allowed, fact references expanded."""
        out = []
        for plain, key in text_parts(text, where):
            out.append(self.render_fact(self.fact(key, where=where)) if key else inline_markup(plain))
        return Markup("").join(out)

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
    def checked_span(self) -> str | None:
        """The check dates of the facts this page used, as one span; None when it used none."""
        return date_span(f.checked for f in self.used.values())


def _suggest(key: str, facts: dict) -> str:
    close = difflib.get_close_matches(key, facts.keys(), n=3)
    hint = f" 비슷한 키: {', '.join(close)}" if close else ""
    return f"docs/data/guide.yml의 facts에 있는 키.{hint}"
