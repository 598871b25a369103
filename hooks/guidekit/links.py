"""Site links in the data file (`payment.md#double-charge`) turned into URLs relative to the page
that shows them, and remembered so that their anchors can be checked once every page is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

from .errors import GuideDataError

EXTERNAL = ("https://", "tel:", "mailto:")


@dataclass
class LinkBook:
    """src_uri -> url of every page in the build, plus each link handed out, for the anchor check."""

    page_urls: dict[str, str]
    handed_out: list[tuple[str, str, str]] = field(default_factory=list)  # (target src_uri, anchor, where)

    def url_for(self, link: str, from_url: str, where: str, anchor: str | None = None) -> str:
        if link.startswith(EXTERNAL):
            return link  # the schema allows only these schemes; nothing to resolve
        target, _, frag = link.partition("#")
        frag = anchor or frag
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

    def missing_anchors(self, anchors: dict[str, set[str]]) -> list[str]:
        """Messages for every handed-out link whose anchor the target page does not have."""
        out = []
        for target, frag, where in dict.fromkeys(self.handed_out):
            if frag not in anchors.get(target, set()):
                out.append(f"{where}: '{target}#{frag}' — 그 페이지에 '#{frag}' 제목(앵커)이 없어요.")
        return out


def relative_url(to_url: str, from_url: str) -> str:
    """'payment/' seen from 'delivery/' -> '../payment/'."""
    return get_relative_url(to_url or ".", from_url or ".")
