"""Drive Material's real search box the way a person does and read what the results list shows.
Shared by the browser test of search and by `make bench-search` (scripts/bench_search.py).

Typing: Korean keyboards go through an input method, which for every syllable fires keydown and keyup
with key code 229 around the text change. Playwright's own typing inserts Hangul without any key
events (Material listens for keyup), so each character is sent as keydown(229) + insertText + keyup(229)
over the DevTools protocol. ASCII characters are sent as ordinary key presses."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from guidedev.support import ROOT
from guidekit.urls import FAQ_PAGE, faq_anchor, page_url

INPUT = "input.md-search__input"
# Every result entry a reader can see, in order: `a` elements not inside a closed "more" section.
ENTRIES_JS = """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
  .filter(a => !a.closest('details:not([open])') && a.getClientRects().length > 0)
  .map(a => ({href: a.getAttribute('href'), text: a.innerText.replace(/\\s+/g, ' ').trim()}))"""
# The link Enter opens (its resolved href), by the rule of the page's own script: ko-search-input.js where
# the page has it (the first entry, or the first section after a page heading with no text of its own),
# else Material's (components/search: the link whose article has the highest score, the first of equals).
ENTER_JS = """() => {
  const result = document.querySelector('.md-search-result')
  if (document.querySelector('script[src*="ko-search-input.js"]')) {
    const links = result.querySelectorAll('.md-search-result__list > li:first-child > a')
    let first = links[0]
    if (first && links[1] && !first.querySelector('article > :not(h1):not(.md-search-result__icon)')) first = links[1]
    return first ? first.href : null
  }
  let best = null, top = -Infinity
  for (const a of result.querySelectorAll(':first-child [href]')) {
    const score = parseFloat(a.firstElementChild.getAttribute('data-md-score'))
    if (score > top) { best = a; top = score }
  }
  return best ? best.href : null
}"""
# Enter's destination, held: the page's next navigation (whatever starts it: a link's click, location.assign;
# the Navigation API sees them all) is recorded in window.__went and cancelled, so the page and its loaded
# search stay for the next query. One navigation only: the page navigates freely again after it.
HOLD_JS = """() => {
  if (!window.__holding) {
    window.__holding = true
    navigation.addEventListener('navigate', ev => {
      if (window.__went !== null) return
      window.__went = ev.destination.url
      ev.preventDefault()
    })
  }
  window.__went = null
}"""
WATCH_JS = """() => {
  const w = window.__probe = {key: 0, change: 0, sent: 0, answered: 0, answer: 0}
  // The box's value changes on 'input'; ko-search-input.js starts the search right then, before the key's
  // own keyup, so timing from keyup would miss the change (and wait out the whole timeout).
  document.addEventListener('input', () => { w.key = performance.now() }, true)
  new MutationObserver(() => { w.change = performance.now() })
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true})
  // Queries to Material's worker (type 2) and its answers (type 3), counted: the list is final once every
  // query sent has been answered, after the last key, and drawn.
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (m) {
    if (m && m.type === 2) {
      w.sent++
      if (!this.__probed) {
        this.__probed = true
        this.addEventListener('message', ev => { if (ev.data && ev.data.type === 3) { w.answered++; w.answer = performance.now() } })
      }
    }
    return post.apply(this, arguments)
  }
}"""
# Ready: the result line shows Material's prompt ("검색어를 입력하세요"), which replaces "initialising" once the
# worker has built its index (at once for stock Material, which builds it while the page loads).
READY_JS = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  const prompt = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']
  const r = window.__ready = {start: performance.now(), at: 0}
  const done = () => { if (!r.at && meta.textContent.trim() === prompt) r.at = performance.now() }
  new MutationObserver(done).observe(meta, {childList: true, subtree: true, characterData: true})
  done()
}"""
# The query sets, kept in the project so a plain clone can test search. The dev set is a copy of the team's
# shared one (tests/test_build.py checks that they match where ../shared exists).
DEV_QUERIES = Path(__file__).parents[1] / "data" / "search-queries-dev.yml"
DEV2_QUERIES = Path(__file__).parents[1] / "data" / "search-queries-dev-2.yml"
# The team's query files, by name in ../shared/search/, and our copies.
SHARED_COPIES = {"queries-dev.yml": DEV_QUERIES, "queries-dev-2.yml": DEV2_QUERIES}
EXTRA_QUERIES = Path(__file__).parents[1] / "data" / "search-queries-extra.yml"
# Round 3 (issue 27): everyday wordings, negations and question words; ours alone.
DEV3_QUERIES = Path(__file__).parents[1] / "data" / "search-queries-dev-3.yml"
# Every set whose queries must land right, by the name the bench prints.
QUERY_SETS = {"dev": DEV_QUERIES, "dev-2": DEV2_QUERIES, "dev-3": DEV3_QUERIES, "extra": EXTRA_QUERIES}


@dataclass
class Query:
    q: str
    any: list[list[str]]
    # Where Enter must land: Material search locations ('payment/#double-charge', 'faq/', '' the home page),
    # any one of them.
    lands: tuple[str, ...] = ()
    # Nothing on the site is about it: the entries shown when nothing matches must be on the list.
    fallback: bool = False

    def answered_by(self, entries: list[dict], first: int = 4) -> bool:
        """Every group of `any` is matched (one alternative) within one of the first entries."""
        return any(
            all(any(alt.lower() in e["text"].lower() for alt in group) for group in self.any) for e in entries[:first]
        )


# What a query names instead of writing today's wording, so that an editor's correct edit of a fact, a
# question or a heading never turns the search test red: `{{ fact.key }}` a fact's value as plain text,
# `{{ faq.id }}` a FAQ question, `{{ scenario.id }}` the heading of the section the scenario's `link` opens
# (the page's own words, as its search entry shows them).
REFERENCE = re.compile(r"\{\{\s*(fact|faq|scenario)\.([a-z][a-z0-9_]*)\s*\}\}")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*\{#(?P<anchor>[^\s}]+)[^}]*\}\s*$", re.M)


def section_heading(link: str, docs: Path) -> str:
    """The heading text of 'page.md#anchor' in `docs` (headings there carry their anchor: `{#anchor}`)."""
    page, _, anchor = link.partition("#")
    for m in _HEADING.finditer((docs / page).read_text("utf-8")):
        if m.group("anchor") == anchor:
            return m.group(1)
    raise LookupError(f"no heading {{#{anchor}}} in {docs / page}")


def resolve(text: str, guide, where: str = "queries") -> str:
    """`text` with every reference replaced by what it names in `guide` (and the pages beside it)."""

    def named(m: re.Match) -> str:
        kind, key = m.groups()
        if kind == "fact":
            return guide.facts[key].as_text()
        entry = guide.find("faq" if kind == "faq" else "scenarios", key)
        if entry is None:
            raise LookupError(f"{where}: no {kind} with id {key}")
        return entry.question if kind == "faq" else section_heading(entry.link, ROOT / "docs")

    return REFERENCE.sub(named, text)


def search_location(link: str) -> str:
    """A site link as the data writes it -> the location Material's search index gives that page or section:
    'payment.md#two-points' -> 'payment/#two-points', 'faq.md' -> 'faq/', 'index.md' -> ''."""
    page, _, anchor = link.partition("#")
    return page_url(page) + (f"#{anchor}" if anchor else "")


def landing(text: str, guide, where: str) -> str:
    """One `lands` entry as a search location: `{{ scenario.id }}` the section its `link` opens, `{{ faq.id }}`
    the FAQ entry, or a site link ('payment.md#two-points')."""
    m = REFERENCE.fullmatch(text.strip())
    if m is None:
        if "{{" in text:
            raise LookupError(f"{where}: lands {text!r} is neither {{{{ scenario.id }}}}, {{{{ faq.id }}}} nor a link")
        return search_location(text.strip())
    kind, key = m.groups()
    if kind == "fact":
        raise LookupError(f"{where}: lands {text!r} names a fact; name a scenario, a FAQ entry or a page")
    entry = guide.find("faq" if kind == "faq" else "scenarios", key)
    if entry is None:
        raise LookupError(f"{where}: lands names no {kind} with id {key} in the guide")
    return f"{search_location(FAQ_PAGE)}#{faq_anchor(key)}" if kind == "faq" else search_location(entry.link)


def load_queries(path: Path, guide=None) -> list[Query]:
    """A queries file (list of {q, any, lands, fallback}); references (REFERENCE) in `q` and `any` are read
    from `guide`, and `lands` (one entry or a list) become search locations (landing)."""
    queries = []
    for item in yaml.safe_load(path.read_text("utf-8")):
        where = f"{path.name}, query {item['q']!r}"
        lands = item.get("lands", ())
        queries.append(
            Query(
                resolve(item["q"], guide, path.name),
                [[resolve(a, guide, path.name) for a in group] for group in item["any"]],
                tuple(landing(x, guide, where) for x in ([lands] if isinstance(lands, str) else lands)),
                bool(item.get("fallback", False)),
            )
        )
    return queries


def location_of(url: str, site_url: str) -> str:
    """A page's URL (or a result's href) as a search location: its path below the site's root and its
    hash; the query Material adds for highlighting (?h=) is no part of where it lands."""
    parts = urlsplit(urljoin(site_url, url))
    root = urlsplit(site_url).path
    path = parts.path.removeprefix(root) if parts.path.startswith(root) else parts.path
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def differences_from_shared(ours: Path, theirs: Path, guide) -> list[str]:
    """How our copy of a team query file differs from theirs, other than by naming what theirs writes as a
    value of a fact: a group of ours made only of references matches theirs when each, read today, holds
    one of theirs' words ('{{ fact.agent_hours }}' for '09:00'), or when no fact holds them any more (the
    value was corrected since theirs was written, and ours follows it)."""
    mine, shared = (yaml.safe_load(p.read_text("utf-8")) for p in (ours, theirs))
    if len(mine) != len(shared):
        return [f"{len(mine)} queries here, {len(shared)} in {theirs}"]
    values = [fact.as_text() for fact in guide.facts.values()]
    problems = []
    for a, b in zip(mine, shared, strict=True):
        if a["q"] != b["q"] or len(a["any"]) != len(b["any"]):
            problems.append(f"{a['q']!r} is not {b['q']!r} with the same groups")
            continue
        for group, words in zip(a["any"], b["any"], strict=True):
            if group == words:
                continue
            named = all(REFERENCE.fullmatch(alt.strip()) for alt in group)
            today = [resolve(alt, guide, ours.name) for alt in group]
            held = all(any(w in value for w in words) for value in today)
            gone = not any(w in value for w in words for value in values)
            if not (named and (held or gone)):
                problems.append(f"{a['q']!r}: {group} is neither {words} nor a reference to it")
    return problems


def open_search(page) -> float:
    """Open search on a loaded page as a reader does; return ms from the tap until the index is ready to
    answer (the result line shows Material's prompt)."""
    page.evaluate(READY_JS)
    # Phone: the magnifier button in the header opens the search; desktop: the box is in the header.
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        button.click()
    else:
        page.click(INPUT)
    page.wait_for_selector(INPUT, state="visible")
    page.wait_for_function("() => window.__ready.at > 0", timeout=30000)
    return page.evaluate("() => window.__ready.at - window.__ready.start")


class SearchBox:
    """Material's search on one open page."""

    def __init__(self, page, url: str, key_delay: float = 0.06):
        """`key_delay`: seconds between keys (a quick typist's pace; the bench times each key at it, a test
        that only reads the final list may type faster)."""
        self.page, self.cdp, self.key_delay = page, page.context.new_cdp_session(page), key_delay
        page.goto(url, wait_until="networkidle")
        open_search(page)
        page.evaluate(WATCH_JS)

    def throttle(self, rate: float) -> None:
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})

    def reopen(self) -> None:
        """Open search again when a result has closed it (Enter, a click), as the magnifier does; the index
        is still loaded. The label is clicked from the page: Playwright's click would wait for the header's
        transition to end (most of a second)."""
        if self.page.evaluate("() => document.getElementById('__search').checked"):
            return
        self.page.evaluate("() => document.querySelector('label.md-header__button[for=__search]').click()")
        self.page.wait_for_function(f"() => document.activeElement?.matches({INPUT!r})")

    def type(self, text: str) -> None:
        self.reopen()
        box = self.page.locator(INPUT)
        box.fill("")
        box.focus()
        self.type_more(text)

    def type_more(self, text: str) -> None:
        for ch in text:
            if ch.isascii():
                self.page.keyboard.press("Space" if ch == " " else ch)
            else:
                self.cdp.send(
                    "Input.dispatchKeyEvent", {"type": "rawKeyDown", "windowsVirtualKeyCode": 229, "key": "Process"}
                )
                self.cdp.send("Input.insertText", {"text": ch})
                self.cdp.send(
                    "Input.dispatchKeyEvent", {"type": "keyUp", "windowsVirtualKeyCode": 229, "key": "Process"}
                )
            time.sleep(self.key_delay)

    def settle(self, quiet_ms: float = 100, timeout_s: float = 5.0) -> float | None:
        """Wait until every query sent to the worker has its answer, the last one after the last key, and
        the list has been still for `quiet_ms` since; return ms from the last input to the last change
        of the list (None when nothing changed after the last key)."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            w = self.page.evaluate("() => ({...window.__probe, now: performance.now()})")
            answered = w["sent"] and w["answered"] == w["sent"] and w["answer"] >= w["key"]
            if answered and w["now"] - max(w["change"], w["answer"]) > quiet_ms:
                return w["change"] - w["key"] if w["change"] > w["key"] else None
            # Poll gently: every look is a round trip through the (throttled) page's main thread.
            time.sleep(0.05)
        return None

    def enter_href(self) -> str | None:
        """The URL Enter would open now (ENTER_JS), None when the list has no link."""
        return self.page.evaluate(ENTER_JS)

    def press_enter(self) -> str | None:
        """Press Enter in the box; return the URL the page then sets off to (None: nowhere). The navigation
        is held (HOLD_JS): the page stays, with its search, for the next query."""
        self.page.evaluate(HOLD_JS)
        self.page.locator(INPUT).press("Enter")
        # Enter's handlers click the link within the key's own event, so the navigation has begun by now.
        return self.page.evaluate("() => { const went = window.__went; window.__went = undefined; return went }")

    def search(self, text: str, repeats: int = 0) -> tuple[list[dict], list[float]]:
        """Type the query; return the visible entries and the latencies of the last key (ms). With
        `repeats`, the last character is deleted and typed again that many times for more samples."""
        self.type(text)
        latencies = [self.settle()]
        entries = self.page.evaluate(ENTRIES_JS)
        for _ in range(repeats):
            self.page.keyboard.press("Backspace")
            self.settle()
            self.type_more(text[-1])
            latencies.append(self.settle())
        return entries, [x for x in latencies if x is not None]
