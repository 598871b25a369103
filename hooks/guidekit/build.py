"""One build of the guide, as the engine adapter (hooks/guide.py) drives it, in this order:

1. `GuideBuild.load`       read and check the data file (a new object for every build: nothing outlives it);
                           `freshness`: facts not checked for long, a deploy stopped by the oldest
2. `generated_files`       the pages and files made from the data
3. `know_pages`            every page of the site, generated ones included, for resolving links
4. `expand`                each page's markers filled in, its sources box added, its check date worked out
5. `check_output`          each rendered page read as a reader sees it: particles, bare numbers, wording
6. `problems`              once every page is rendered: links to missing anchors, facts no page used, and
                           what `check_output` found
7. `search_index`          Material's search index with the Korean fields added

The object holds everything one build shares (the guide, the link book, the facts used so far) and knows
nothing of MkDocs: another engine needs only another adapter."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from .beside import Beside
from .blocks import BLOCKS
from .context import RenderContext
from .expand import expand_page, unused_fact_messages
from .freshness import report, stale_facts, stop_deploy
from .html_events import article
from .load import DATA_FILE, SCHEMA_FILE, guide_from_text
from .model import Guide
from .pages import generated_pages
from .prose_checks import check_inputs, page_problems
from .render import forget_edited_templates, render
from .scenarios import cards_block, unshown_scenario_messages
from .search_ko import enrich_index
from .seo import robots_txt
from .sources import page_sources_box
from .urls import (
    CHECKLIST_INDEX_PAGE,
    CHECKLISTS_FOLDER,
    FAQ_PAGE,
    MESSAGES_PAGE,
    MY_CASE_PAGE,
    PRINT_ALL_PAGE,
    SOURCES_PAGE,
    SUMMARY_PAGE,
    LinkBook,
    faq_anchor,
)
from .yaml_positions import read_text

ROBOTS = "robots.txt"


# Pages that only gather what other pages say: found, but after the pages they gather from. A checklist
# is a tool for a problem, not its answer: it comes after the section that explains the problem.
COLLECTOR_BOOSTS = {CHECKLIST_INDEX_PAGE: 0.3, SUMMARY_PAGE: 0.5}
CHECKLIST_BOOST = 0.35


@dataclass
class PageResult:
    markdown: str
    dates: str  # the dates the page's footer states for the facts it shows (templates/blocks/dates_line.html)


# The problems of every page checked in this process, by what the checks read (guidekit/prose_checks.py
# `check_inputs`). Only in memory: the code that checks cannot change while the process runs.
_CHECKED: dict[tuple, list[str]] = {}


@dataclass
class GuideBuild:
    guide: Guide
    site_url: str = ""
    links: LinkBook = field(default_factory=lambda: LinkBook({}))
    used_facts: set[str] = field(default_factory=set)
    prose_problems: list[str] = field(default_factory=list)
    # The page checks run beside the build (guidekit/beside.py): each page's article goes there as it is
    # written, the problems come back once every page is done.
    _checking: Beside | None = None
    _checked: list = field(default_factory=list)  # (where, check inputs, known problems or None), in order
    scenarios_shown: set[str] = field(default_factory=set)
    facts_drawn: dict = field(default_factory=dict)  # markup the same on every page (RenderContext.drawn)
    today: date = field(default_factory=date.today)  # one day for every page, should the build cross midnight

    @classmethod
    def load(cls, docs_dir: Path, project_dir: Path, site_url: str = "") -> GuideBuild:
        data = docs_dir / DATA_FILE
        try:
            shown = data.resolve().relative_to(project_dir.resolve()).as_posix()
        except ValueError:
            shown = str(data)
        forget_edited_templates()
        return cls(guide_from_text(read_text(data, shown), docs_dir / SCHEMA_FILE, shown), site_url or "")

    # ── Before the pages ────────────────────────────────────────────────────────────────────────

    def freshness(self, deploy: bool = False) -> str | None:
        """The notice about facts not compared with their sources for longer than the data's
        `meta.review.every_days` (None when there are none). A deploy build first stops (DeployStopped) when
        any fact is past `meta.review.stop_deploy_after_days`."""
        if deploy:
            stop_deploy(self.guide, self.today)
        stale = stale_facts(self.guide, self.today)
        return report(stale, self.guide) if stale else None

    def theme_values(self) -> dict:
        """What the theme templates read (overrides/): the site's short title and the guide's check dates."""
        return {
            "meta": {"short_title": self.guide.meta.short_title, "site_title": self.guide.meta.site_title},
            "dates": str(render("dates_line.html", dates=self.guide.dates([]))),
        }

    def generated_files(self) -> dict[str, str]:
        """src_uri -> content of every page and file made from the data."""
        return {**generated_pages(self.guide, self.site_url), ROBOTS: robots_txt(self.site_url)}

    def know_pages(self, page_urls: dict[str, str]) -> None:
        """src_uri -> URL of every page in the site, once all pages (generated ones too) are known."""
        self.links = LinkBook(page_urls)

    def not_found_cards(self) -> str:
        """The home page's problem cards for the 404 page, which can be served at any path: links from the
        site's root path (the sub-path of `site_url`, as MkDocs builds that page)."""
        root = self.root_path
        ctx = RenderContext(
            guide=self.guide, where="404.html", url_for=lambda link, origin: root + self.links.url_for(link, "", origin)
        )
        return str(cards_block(ctx))

    @property
    def root_path(self) -> str:
        root = urlsplit(self.site_url).path or "/"
        return root if root.endswith("/") else root + "/"

    # ── Each page ────────────────────────────────────────────────────────────────────────────────

    def expand(self, markdown: str, src_uri: str, where: str, first_line: int = 1) -> PageResult:
        """Fill in a page's fact references and blocks; `where` names the page in messages, `first_line` is
        the line of its file `markdown` starts on (below the front matter)."""
        from_url = self.links.page_urls[src_uri]
        ctx = RenderContext(
            guide=self.guide,
            where=where,
            url_for=lambda link, origin: self.links.url_for(link, from_url, origin),
            drawn=self.facts_drawn,
            today=self.today,
        )
        markdown = expand_page(markdown, ctx, BLOCKS, first_line)
        self.used_facts.update(ctx.used)
        self.scenarios_shown |= ctx.scenarios_shown
        if ctx.used and src_uri != SOURCES_PAGE:
            href = self.links.url_for(SOURCES_PAGE, from_url, where)
            markdown += (
                "\n\n" + str(page_sources_box(list(ctx.used.values()), self.guide, href, self.facts_drawn)) + "\n"
            )
        return PageResult(markdown, str(render("dates_line.html", dates=ctx.dates)))

    def check_output(self, html: str, where: str) -> None:
        """Read a rendered page as a reader sees it (guidekit/prose_checks.py); problems are reported with
        the others once every page is done. A page whose checks read the same as in an earlier build of
        this process (`mkdocs serve`: most pages, after one edit) has the same problems."""
        text = article(html)
        key = check_inputs(text, self.guide)
        if key in _CHECKED:
            self._checked.append((where, key, _CHECKED[key]))
            return
        if self._checking is None:
            guide = self.guide
            self._checking = Beside(lambda page: page_problems(page, guide))
        self._checking.submit(text)
        self._checked.append((where, key, None))

    def _collect_checks(self) -> None:
        found = iter(self._checking.results() if self._checking is not None else [])
        if len(_CHECKED) > 4 * len(self._checked) + 100:
            _CHECKED.clear()  # pages gone from the site: keep the memory to about what one build needs
        for where, key, known in self._checked:
            problems = known if known is not None else next(found)
            _CHECKED[key] = problems
            self.prose_problems += [f"{where}: {problem}" for problem in problems]
        self._checking, self._checked = None, []

    # ── After the pages ──────────────────────────────────────────────────────────────────────────

    def problems(self, anchors: dict[str, set[str]]) -> list[str]:
        """Links the data hands out to anchors no page has, facts and scenarios no page shows, and what the
        page checks found."""
        self._collect_checks()
        return (
            self.links.missing_anchors(anchors)
            + unused_fact_messages(self.guide, self.used_facts)
            + unshown_scenario_messages(self.guide, self.scenarios_shown)
            + self.prose_problems
        )

    def search_index(self, index: dict) -> dict:
        """Material's search index made ready for Korean search: each FAQ entry also found by its other
        wordings, the synonyms, the ways on when nothing matches, and the pages that only collect others
        ranked below what they collect (the print-all sheet, a copy of every checklist, is left out)."""
        urls = self.search_locations()
        faq_url = urls.get(FAQ_PAGE)
        aliases = {f"{faq_url}#{faq_anchor(q.id)}": list(q.aliases) for q in self.guide.faq} if faq_url else {}
        for s in self.guide.scenarios:
            at = self.search_location(s.link)
            if s.aliases and at is not None:
                aliases[at] = list(s.aliases)
        return enrich_index(
            index,
            aliases,
            [list(group) for group in self.guide.synonyms],
            fallback=self.search_fallback(),
            boosts={
                url: COLLECTOR_BOOSTS.get(page, CHECKLIST_BOOST)
                for page, url in urls.items()
                if page in COLLECTOR_BOOSTS or page.startswith(f"{CHECKLISTS_FOLDER}/")
            },
            left_out=tuple(urls[page] for page in (PRINT_ALL_PAGE,) if page in urls),
            intents=self.search_intents(),
        )

    def search_intents(self) -> dict:
        """What the first answer is chosen by (search_ko.enrich_index): the scenarios' sections, the FAQ
        entries that ask the same as a scenario, and the question words with the facts that answer them."""
        urls = self.search_locations()
        scenarios = {s.id: self.search_location(s.link) for s in self.guide.scenarios}
        faq_url = urls.get(FAQ_PAGE)
        lend: dict[str, list[str]] = {}
        for q in self.guide.faq:
            to = scenarios.get(q.scenario or "")
            if faq_url is not None and to is not None:
                lend.setdefault(to, []).append(f"{faq_url}#{faq_anchor(q.id)}")
        return {
            "scenarios": sorted({loc for loc in scenarios.values() if loc is not None}),
            # pages made of other pages' parts: the message texts, the shopper's own case
            "collectors": [urls[page] for page in (MESSAGES_PAGE, MY_CASE_PAGE) if page in urls],
            "lend": lend,
            "questions": [
                {"asks": list(q.asks), "values": [self.guide.facts[key].as_text() for key in q.facts]}
                for q in self.guide.search_questions
            ],
        }

    def search_location(self, link: str) -> str | None:
        """'payment.md#double-charge' as Material's search index names it ('payment/#double-charge'), or None
        for a page the site does not have."""
        page, _, anchor = link.partition("#")
        url = self.search_locations().get(page)
        return f"{url}#{anchor}" if url is not None and anchor else url

    def search_locations(self) -> dict[str, str]:
        """src_uri -> the location Material's search index gives that page (the home page is '', where the
        link book says './')."""
        return {page: url.removeprefix("./") for page, url in self.links.page_urls.items()}

    def search_fallback(self) -> list[dict]:
        """The entries search offers when nothing matches: how to search, every problem page with its
        questions, the FAQ (templates/blocks/search_fallback.json)."""
        urls = self.search_locations()
        topics = [
            {
                "location": urls[topic.link.partition("#")[0]],
                "title": topic.title,
                "questions": [s.title for s in self.guide.scenarios if s.topic == topic.id],
            }
            for topic in self.guide.topics
            if topic.link.partition("#")[0] in urls
        ]
        return json.loads(
            render(
                "search_fallback.json",
                home=urls.get("index.md", ""),
                topics=topics,
                faq=urls.get(FAQ_PAGE, ""),
                faq_count=len(self.guide.faq),
            )
        )
