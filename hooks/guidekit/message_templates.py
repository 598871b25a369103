"""Ready-made messages for 상담톡 and seller inquiries, from `message_templates` in the data: the page
`messages.md`, one section per template with its scenario, the text with its [blanks] marked, and a
copy button. Fact references in a message become plain text, because the message is pasted as text."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .checklists import md_text
from .data import Fact, Guide
from .refs import REF, RenderContext, _fact_key
from .render import render

MESSAGES_PAGE = "messages.md"
_BLANK = re.compile(r"\[[^\[\]\n]+\]")


def anchor_of(template_id: str) -> str:
    return "msg-" + template_id.replace("_", "-")


def messages_page_markdown(guide: Guide) -> str:
    templates = guide.data.get("message_templates") or []
    parts = [
        '---\ntitle: "상담톡 문구"\ndescription: "상담톡이나 판매자 문의에 그대로 붙여 넣는 문구예요. '
        '대괄호 칸만 내 정보로 바꿔요."\n---\n\n',
        "# 상담톡 문구\n\n",
        "상황에 맞는 문구를 복사해 상담톡이나 판매자 문의 창에 붙여 넣어요. **[대괄호]** 칸은 내 주문 정보로 "
        "바꿔 써요. 필요한 번호를 미리 모으려면 [상담 전 준비물](checklists/prepare.md) 체크리스트를 써요.\n\n",
    ]
    for t in templates:
        parts.append(
            f"## {md_text(t['title'])} {{#{anchor_of(t['id'])}}}\n\n<!-- guide:message-template {t['id']} -->\n\n"
        )
    return "".join(parts)


def plain_text(ctx: RenderContext, text: str, where: str) -> tuple[str, list[Fact]]:
    """Fact references as the fact's plain text, and the facts used (shown under the message with their
    source label, since the pasted text cannot carry a badge)."""
    used: dict[str, Fact] = {}

    def repl(m):
        fact = ctx.fact(_fact_key(m.group("body"), where, None), where=where)
        used[fact.key] = fact
        return fact.as_text()

    return REF.sub(repl, text), list(used.values())


def mark_blanks(text: str) -> Markup:
    """Escape the message, then highlight each [blank] so it is easy to spot before sending."""
    out, pos = [], 0
    for m in _BLANK.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(Markup('<mark class="msg-blank">{}</mark>').format(m.group(0)))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def message_template_block(ctx: RenderContext, template_id: str | None) -> Markup:
    """`<!-- guide:message-template ID -->`"""
    i, t = ctx.entry("message_templates", template_id, "문구")
    where = ctx.guide.where("message_templates", i)
    scenario_i, scenario = next((j, s) for j, s in enumerate(ctx.guide["scenarios"]) if s["id"] == t["scenario"])
    body, facts = plain_text(ctx, t["body"], where)
    return render(
        "message_template.html",
        t=t,
        dom_id=anchor_of(t["id"]),
        body=mark_blanks(body),
        facts=[{"label": f.label, "shown": ctx.render_fact(f)} for f in facts],
        scenario_title=scenario["title"],
        scenario_href=ctx.url_for(scenario["link"], ctx.guide.where("scenarios", scenario_i, "link")),
    )
