"""Korean particles after inserted text: 을/를, 이/가, 으로/로 … must fit how the text before them ends,
and a fact or a button name can change its ending whenever the data file changes.

Two halves, one rule:
- `fit_particles` runs before a page or data text is rendered: a particle written right after a
  `{{ fact.key }}` marker (either form) becomes the form that fits the fact's value, so editors never pick.
- `particle_problems` reads a rendered page: after every inserted fact (`data-fact`), the particle must
  fit the text shown. It catches what the first half cannot see (a value typed into a template, a raw
  HTML span), so a wrong particle cannot reach a reader unnoticed.

How the end of a text is read (the way a reader says it aloud):
- a parenthesis at the end is a gloss and is skipped: 자주 묻는 질문(FAQ) → 질문;
- Hangul: the final consonant (받침) of the last syllable; ㄹ matters for 으로/로;
- digits: as a number is read: 1372 → …이, 10 → 십, 100 → 백, 7 → 칠(ㄹ);
- Latin letters: by their letter names: FAQ → 큐, URL → 엘(ㄹ), MY → 와이.
Anything else (an emoji, an unknown symbol) has no reading: both forms are written, as Korean does when
it cannot tell (을(를), (으)로), never a guess.

Why our own function and not a library: `tossi` (the maintained-at-the-time choice) reads parentheses and
digits but picks a Latin-lettered word by guesswork and has had no release since 2017; the rules above
are short, fully tested (tests/unit/test_particles.py), and need no dependency."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .html_events import Event, article, events, replay
from .shared_constants import DIGIT_CODA, LETTER_CODA, PARTICLE_PAIRS, TRAILING

# (form after a final consonant, form after a vowel), shared with the pages' scripts (shared_constants.py).
PAIRS = PARTICLE_PAIRS
_FORMS = {form: pair for pair in PAIRS for form in pair}
_ALTERNATION = "|".join(sorted(_FORMS, key=len, reverse=True))
# A particle is only a particle when no Hangul syllable follows it (가장, 이번 … are words, not particles).
PARTICLE = re.compile(rf"(?P<particle>{_ALTERNATION})(?![가-힣])")

# Particles with one form whatever comes before them: nothing to fit, but drawn together with the value
# like the others (JOINED below), so none starts a line on its own.
INVARIANT = ("에서", "에게", "에", "까지", "부터", "의", "도", "만", "처럼", "보다", "하고")
_ANY = "|".join(sorted([*_FORMS, *INVARIANT], key=len, reverse=True))
# One particle or a run of them (에서도, 으로는), when no Hangul syllable follows.
JOINED = re.compile(rf"(?:{_ANY})+(?![가-힣])")

_HANGUL_START, _HANGUL_END = 0xAC00, 0xD7A3
_RIEUL = 8  # index of ㄹ among the final consonants
# How digits and Latin letters are read, and what is skipped at the end (shared_constants.py; None = a vowel).
_DIGIT_CODA = {digit: coda or None for digit, coda in DIGIT_CODA.items()}
_LETTER_CODA = LETTER_CODA
_TRAILING = TRAILING


@dataclass(frozen=True)
class Ending:
    """How a text ends when read aloud: with a final consonant or not, and whether that consonant is ㄹ."""

    coda: bool
    rieul: bool = False


def ending(text: str) -> Ending | None:
    """The reading of the end of `text`, or None when it cannot be read (see the module docstring)."""
    text = _strip_gloss(text.rstrip(_TRAILING)).rstrip(_TRAILING)
    if not text:
        return None
    last = text[-1]
    if _HANGUL_START <= ord(last) <= _HANGUL_END:
        final = (ord(last) - _HANGUL_START) % 28
        return Ending(final != 0, final == _RIEUL)
    if last in _DIGIT_CODA:
        # A number ending in zeros is read by its last unit (십 백 천 만): like 영, a consonant that is not ㄹ,
        # so the last digit decides either way.
        coda = _DIGIT_CODA[last]
        return Ending(coda is not None, coda == "ㄹ")
    if last == "%":
        return Ending(False)  # 퍼센트
    if last.isascii() and last.isalpha():
        coda = _LETTER_CODA.get(last.lower())
        return Ending(coda is not None, coda == "ㄹ")
    return None


def _strip_gloss(text: str) -> str:
    """`자주 묻는 질문(FAQ)` → `자주 묻는 질문`: a closing parenthesis at the end ends a gloss."""
    while text.endswith(")"):
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                break
        else:
            return text
        if i == 0:
            return text  # the whole text is in parentheses: read it as it is
        text = text[:i].rstrip()
    return text


def fit(particle: str, end: Ending) -> str:
    """The form of `particle` (either form may be given) that follows a text ending as `end`."""
    with_coda, without = _FORMS[particle]
    if with_coda.startswith("으로") and end.rieul:
        return without  # 길로, 서울로: ㄹ takes 로
    return with_coda if end.coda else without


def both(particle: str) -> str:
    """Both forms at once, the way Korean writes a particle after a text it cannot read: 을(를), (으)로."""
    with_coda, without = _FORMS[particle]
    if with_coda.endswith(without):
        return f"({with_coda[: -len(without)]}){without}"
    return f"{with_coda}({without})"


def form_after(text: str, particle: str) -> str:
    """The form of `particle` to write after `text`: the fitting one, or both when its end cannot be read."""
    end = ending(text)
    return fit(particle, end) if end else both(particle)


def fits(particle: str, end: Ending) -> bool:
    return fit(particle, end) == particle


def fit_particles(text: str, spoken, marker: re.Pattern) -> str:
    """Every particle written right after a marker made to fit the marker's value.

    `spoken(match)` returns the text the marker will show (or None when it is not a fact: left as is)."""
    out, pos = [], 0
    for m in marker.finditer(text):
        out.append(text[pos : m.end()])
        pos = m.end()
        shown = spoken(m)
        p = PARTICLE.match(text, pos)
        if shown is None or not p:
            continue
        end = ending(shown)
        out.append(fit(p.group("particle"), end) if end else both(p.group("particle")))
        pos = p.end()
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class ParticleProblem:
    key: str
    shown: str
    particle: str
    expected: str | None  # None: the text's ending cannot be read

    def message(self) -> str:
        if self.expected is None:
            reason = f"값의 끝을 읽을 수 없으니 '{both(self.particle)}'처럼 두 꼴을 함께 써 주세요"
            return f"'{self.shown}' 뒤의 '{self.particle}': {reason}(facts.{self.key})."
        return f"'{self.shown}{self.particle}' → '{self.shown}{self.expected}' (facts.{self.key} 뒤의 조사)."


def particle_problems(page: str | list[Event]) -> list[ParticleProblem]:
    """Particles in a rendered page (its HTML, or its article's events) that do not fit the inserted fact
    right before them."""
    finder = _AfterFacts()
    replay(finder, events(article(page)) if isinstance(page, str) else page)
    problems = []
    for key, shown, after in finder.pairs:
        p = PARTICLE.match(after)
        if not p:
            continue
        end = ending(shown)
        particle = p.group("particle")
        if end is None:
            if not after.startswith(both(particle)):
                problems.append(ParticleProblem(key, shown, particle, None))
        elif not fits(particle, end):
            problems.append(ParticleProblem(key, shown, particle, fit(particle, end)))
    return problems


class _AfterFacts:
    """(fact key, text shown, the text right after it) for every element with `data-fact`. Closing tags
    between the fact and the text (`<strong>…</strong>을`) do not separate them; an opening tag does. A
    particle drawn inside the fact (`<span class="josa">`, joined to the last of a row of buttons) counts
    as the text after it."""

    def __init__(self):
        self.pairs: list[tuple[str, str, str]] = []
        self._stack: list[tuple[str, str | None]] = []  # (tag, fact key or None)
        self._capture: list[list] = []  # [key, depth, text, particle] for each fact element being read
        self._waiting: tuple[str, str] | None = None  # a fact just closed, waiting for the text after it
        self._josa_depth = 0  # > 0 while inside a `josa` span

    def handle_starttag(self, tag, attrs):
        self._flush("")
        attributes = attrs
        key = attributes.get("data-fact")
        if tag in _VOID:
            return
        if self._josa_depth or "josa" in (attributes.get("class") or "").split():
            self._josa_depth += 1
        self._stack.append((tag, key))
        if key:
            self._capture.append([key, len(self._stack), [], []])

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, _key = self._stack.pop()
            self._josa_depth = max(self._josa_depth - 1, 0)
            if self._capture and self._capture[-1][1] == len(self._stack) + 1:
                key_, _, parts, josa = self._capture.pop()
                if josa:
                    self.pairs.append((key_, "".join(parts), "".join(josa)))
                else:
                    self._waiting = (key_, "".join(parts))
            if open_tag == tag:
                break

    def handle_data(self, data):
        for capture in self._capture:
            capture[3 if self._josa_depth else 2].append(data)
        if self._waiting and not self._capture:
            self._flush(data)

    def _flush(self, data: str) -> None:
        if self._waiting:
            key, shown = self._waiting
            self.pairs.append((key, shown, data))
            self._waiting = None


_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
