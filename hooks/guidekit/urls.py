"""Where things live in the built site, and site links turned into URLs.

The generated pages' addresses, the anchors generated sections get, and `LinkBook`: a site link written
in the data file (`payment.md#double-charge`) becomes a URL relative to the page that shows it, and is
remembered so that its anchor can be checked once every page is rendered."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .errors import GuideDataError

EXTERNAL = ("https://", "tel:", "mailto:")

SUMMARY_PAGE = "summary.md"
FAQ_PAGE = "faq.md"
SOURCES_PAGE = "sources.md"
MESSAGES_PAGE = "messages.md"
MY_CASE_PAGE = "my-case.md"
CHECKLISTS_FOLDER = "checklists"
CHECKLIST_INDEX_PAGE = f"{CHECKLISTS_FOLDER}/index.md"
PRINT_ALL_PAGE = f"{CHECKLISTS_FOLDER}/print-all.md"


def slug(identifier: str) -> str:
    """A data id as it appears in an address or an HTML id: 'before_return' -> 'before-return'."""
    return identifier.replace("_", "-")


def checklist_page(checklist_id: str) -> str:
    """'before_return' -> 'checklists/before-return.md'."""
    return f"{CHECKLISTS_FOLDER}/{slug(checklist_id)}.md"


def faq_anchor(faq_id: str) -> str:
    return "faq-" + slug(faq_id)


def message_anchor(template_id: str) -> str:
    return "msg-" + slug(template_id)


def fact_anchor(key: str) -> str:
    """The row of a fact on the sources page."""
    return f"{SOURCES_PAGE}#fact-{key}"


def page_url(src_uri: str) -> str:
    """'checklists/prepare.md' -> 'checklists/prepare/' (the site uses directory URLs)."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"


def relative_url(to_url: str, from_url: str) -> str:
    """'payment/' seen from 'delivery/' -> '../payment/'. Both are paths from the site root; a last part
    of `from_url` with a dot in it is a file, not a folder. Gives what MkDocs' own helper gives (a unit test
    compares them), written here so the core needs no MkDocs."""
    to_url, from_url = to_url or ".", from_url or "."
    folder, _, last = from_url.rpartition("/")
    if "." in last:
        from_url = folder
    here, there = _parts(from_url), _parts(to_url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return rel + "/" if to_url.endswith("/") else rel


def _parts(path: str) -> list[str]:
    """Path segments with '.' and '..' resolved; going above the root stays at the root."""
    out: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if out:
                out.pop()
        elif part and part != ".":
            out.append(part)
    return out


@dataclass
class LinkBook:
    """src_uri -> url of every page in the build, plus each link handed out, for the anchor check."""

    page_urls: dict[str, str]
    handed_out: list[tuple[str, str, str]] = field(default_factory=list)  # (target src_uri, anchor, where)
    _digest: str | None = field(default=None, repr=False, compare=False)

    def url_for(self, link: str, from_url: str, where: str) -> str:
        if link.startswith(EXTERNAL):
            return link  # the schema allows only these schemes; nothing to resolve
        target, _, frag = link.partition("#")
        if target not in self.page_urls:
            raise GuideDataError(
                where,
                f"링크 대상 페이지 '{target}'가 사이트에 없어요.",
                found=link,
                expected="docs/ 안에 있는 페이지. 예: " + ", ".join(sorted(self.page_urls)[:4]),
            )
        if frag:
            self.handed_out.append((target, frag, where))
        return relative_url(self.page_urls[target], from_url) + (f"#{frag}" if frag else "")

    def digest(self) -> str:
        """A hash of every page's URL (the same pages and URLs give the same text)."""
        if self._digest is None:
            self._digest = hashlib.sha256(json.dumps(sorted(self.page_urls.items())).encode()).hexdigest()
        return self._digest

    def missing_anchors(self, anchors: dict[str, set[str]]) -> list[str]:
        """Messages for every handed-out link whose anchor the target page does not have."""
        out = []
        for target, frag, where in dict.fromkeys(self.handed_out):
            if frag not in anchors.get(target, set()):
                out.append(f"{where}: '{target}#{frag}' — 그 페이지에 '#{frag}' 제목(앵커)이 없어요.")
        return out
