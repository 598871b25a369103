"""Where each fact comes from: a collapsible box at the end of every page listing the facts it used,
and the generated page `sources.md` listing them all."""

from __future__ import annotations

from markupsafe import Markup

from .data import Fact, Guide
from .render import render

CONFIDENCE_LABEL = {
    "official": "공식 출처",
    "guide": "비공식(블로그 글) — 앱에서 확인하세요",
    "conflict": "출처끼리 엇갈림 — 직접 확인하세요",
}
SOURCES_PAGE = "sources.md"


def _row(fact: Fact, guide: Guide) -> dict:
    is_url = fact.source.startswith("https://")
    return {
        "key": fact.key,
        "label": fact.label,
        "text": fact.as_text(),
        "note": fact.note,
        "href": fact.source if is_url else None,
        "source_label": fact.source.removeprefix("https://").rstrip("/")
        if is_url
        else guide["meta"]["source_guide"]["label"] + f" ({guide['meta']['source_guide']['date']})",
        "confidence": fact.confidence,
        "confidence_label": CONFIDENCE_LABEL[fact.confidence],
        "checked": fact.checked,
    }


def page_sources_box(facts: list[Fact], guide: Guide, sources_href: str) -> Markup:
    rows = [_row(f, guide) for f in sorted(facts, key=lambda f: f.label)]
    return render("page_sources.html", facts=rows, sources_href=sources_href)


def sources_page_markdown(guide: Guide) -> str:
    groups = [
        ("공식 출처", "official"),
        ("출처끼리 엇갈리는 정보", "conflict"),
        ("비공식 정보(원본 블로그 글)", "guide"),
    ]
    parts = [
        "# 출처와 확인 날짜\n",
        "이 안내서에 나오는 시간, 기한, 메뉴 경로, 전화번호는 모두 아래 표 하나에서 가져와요. "
        "**비공식** 표시가 붙은 정보는 개인이 쓴 블로그 글에서 왔고 카카오가 확인해 준 것이 아니에요. "
        "앱 화면이 다르면 앱을 따르세요.\n",
    ]
    for title, conf in groups:
        facts = [f for f in guide.facts.values() if f.confidence == conf]
        if not facts:
            continue
        parts.append(f"## {title} {{#{conf}}}\n")
        parts.append(str(render("sources_table.html", facts=[_row(f, guide) for f in facts], label=title)) + "\n")
    parts.append("## 공식 출처에서 찾지 못한 것 {#not-found}\n")
    parts.append(
        "카카오 고객센터 전화번호, 상담원 운영 시간의 공식 안내, 중복 결제를 처리하는 카카오의 공식 절차, "
        "취소된 주문의 쿠폰이 돌아오는지, 가송장에 대한 카카오의 제재는 공식 자료에서 확인하지 못했어요. "
        "그래서 이 안내서는 이런 내용을 사실처럼 적지 않아요.\n"
    )
    return "\n".join(parts)
