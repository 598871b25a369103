"""Checklist pages and blocks: data in, Markdown/HTML out."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from guide_copy import GUIDE, context, edited, with_fact
from guidedev.edits import edit_at
from guidekit.blocks import BLOCKS
from guidekit.checklists import (
    checklist_block,
    checklist_index_block,
    checklist_sheet_block,
    deadline_helper_block,
)
from guidekit.errors import GuideDataError
from guidekit.expand import expand_page
from guidekit.pages import generated_pages
from guidekit.public_holidays import for_guide
from guidekit.render import md_text
from guidekit.urls import CHECKLIST_INDEX_PAGE, PRINT_ALL_PAGE, checklist_page

pytestmark = pytest.mark.reads_guide

CHECKLISTS = GUIDE.checklists


def checklist_pages(guide, site_url=""):
    return {src: md for src, md in generated_pages(guide, site_url).items() if src.startswith("checklists/")}


def test_issue_checklists_exist_with_items_and_blanks():
    # by id: an editor may retitle a checklist
    wanted = {"prepare", "evidence_photos", "payment_error", "delivery_delay", "before_return", "dispute_steps"}
    assert wanted <= {c.id for c in CHECKLISTS}
    assert all(c.title and c.items and c.blanks for c in CHECKLISTS)


def test_one_page_per_checklist_plus_index_and_print_all():
    pages = checklist_pages(GUIDE)
    assert set(pages) == {CHECKLIST_INDEX_PAGE, PRINT_ALL_PAGE} | {checklist_page(c.id) for c in CHECKLISTS}
    assert checklist_page("before_return") == "checklists/before-return.md"


def test_no_checklists_no_pages():
    def without_checklists(data):
        data.pop("checklists")
        for s in data["scenarios"]:
            s.pop("checklist", None)
            s["if_fails"].pop("checklist", None)

    assert checklist_pages(edited(without_checklists)) == {}


def test_checklist_page_is_title_block_and_address():
    md = checklist_pages(GUIDE, "https://example.org/guide/")[checklist_page(CHECKLISTS[0].id)]
    assert f"# {CHECKLISTS[0].title}" in md
    assert f"<!-- guide:checklist {CHECKLISTS[0].id} -->" in md
    assert "https://example.org/guide/checklists/prepare/" in md
    assert 'href="./"' in md  # the address links to the page itself


def test_print_all_has_every_sheet_in_order_with_relative_addresses():
    md = checklist_pages(GUIDE)[PRINT_ALL_PAGE]
    ids = re.findall(r"<!-- guide:checklist-sheet (\w+) -->", md)
    assert ids == [c.id for c in CHECKLISTS]
    assert 'href="../before-return/"' in md


def test_block_has_every_item_blank_link_and_fact():
    html = str(checklist_block(context(), "before_return"))
    cl = GUIDE.find("checklists", "before_return")
    for item in cl.items:
        assert f'data-item="{item.id}"' in html
        assert f'href="/{item.link}"' in html
    for blank in cl.blanks:
        assert f">{blank}</label>" in html
    assert f"{GUIDE.facts['withdrawal_days'].value}{GUIDE.facts['withdrawal_days'].unit}" in html
    assert 'data-checklist="before_return"' in html
    assert "{{" not in html and "**" not in html


def test_every_checkbox_and_field_has_its_own_label():
    for cl in CHECKLISTS:
        html = str(checklist_block(context(), cl.id))
        ids = re.findall(r'<input[^>]* id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), cl.id
        for input_id in ids:
            assert re.search(rf'<label[^>]* for="{re.escape(input_id)}"', html), (cl.id, input_id)


def test_sheet_carries_its_title_and_own_check_dates():
    html = str(checklist_sheet_block(context(), "dispute_steps"))
    assert 'class="checklist__title"' in html and str(md_text(GUIDE.find("checklists", "dispute_steps").title)) in html
    official = {GUIDE.facts[k].checked for k in ("phone_1372", "hours_1372", "ecmc_name")}
    assert f"공식 출처와 대조한 날: {min(official)}" in html
    # button_seller_info comes from the blog post: the sheet names the day it was written, as that.
    assert f'원본 글: <span class="nowrap">{GUIDE.meta.source_guide.date}에</span> 쓰인 블로그 글' in html


def test_data_text_is_escaped_everywhere():
    def hostile(data):
        cl = data["checklists"][0]
        cl["title"] = "<script>alert(1)</script>"
        cl["intro"] = "<b>intro</b>"
        cl["blanks"] = ["<i>번호</i>"]
        cl["items"][0]["text"] = "<script>x</script> **굵게**"

    guide = edited(hostile, checked=False)
    cl = guide.checklists[0]
    html = str(checklist_sheet_block(context(guide), cl.id)) + str(checklist_index_block(context(guide)))
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<strong>굵게</strong>" in html
    md = checklist_pages(guide)[checklist_page(cl.id)]
    assert "<script>" not in md and "# &lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_md_text_shows_the_value_as_typed_in_a_paragraph_a_heading_and_a_table():
    import html

    import markdown

    value = "a*b*_c_ [x](javascript:y) ![i](x.png) <z> `q` {: .x } ~~s~~ | \\ &amp; 'q' \"d\""
    source = f"# 제목 {md_text(value)}\n\n앞 {md_text(value)} 뒤\n\n| 칸 |\n| --- |\n| {md_text(value)} |\n"
    out = markdown.markdown(source, extensions=["attr_list", "md_in_html", "tables", "toc"])
    assert not re.search(r"<(a|img|em|strong|code|del)\b", out), out
    texts = [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in out.splitlines()]
    assert len([t for t in texts if value in t]) == 3, out


def test_unknown_checklist_names_the_known_ones():
    with pytest.raises(GuideDataError) as err:
        expand_page("x\n<!-- guide:checklist nope -->", context(), BLOCKS)
    assert err.value.line == 2 and "prepare" in str(err.value)


def test_index_links_every_checklist_and_print_all():
    html = str(checklist_index_block(context()))
    for cl in CHECKLISTS:
        assert f'href="/{checklist_page(cl.id)}"' in html
    assert f'href="/{PRINT_ALL_PAGE}"' in html


def test_deadline_helper_numbers_come_from_facts():
    html = str(deadline_helper_block(context(), "before_return"))
    for attr, key in [
        ("withdrawal-days", "withdrawal_days"),
        ("mismatch-months", "mismatch_months"),
        ("mismatch-known-days", "mismatch_known_days"),
    ]:
        assert f'data-{attr}="{GUIDE.facts[key].value}"' in html
    assert 'id="dl-before-return-arrival"' in html


def test_deadline_helper_carries_the_holidays_and_their_years():
    """The helper applies 민법 제161조 with the holidays the build makes for the years around its day, and says
    which years those are (a year outside them is 확인 필요, never a guessed date)."""
    ctx = context()
    ctx.today = date(2026, 12, 6)
    html = str(deadline_helper_block(ctx, "before_return"))
    cal = for_guide(GUIDE.extra_holidays, date(2026, 12, 6))
    assert 'data-holiday-years="2025-2028"' in html
    dates = re.search(r'data-holidays="([^"]*)"', html).group(1).split()
    assert dates == list(cal.dates) and "2026-12-25" in dates
    assert re.search(r"data-from-data>2025년부터 2028년까지</span>", html)
    assert "민법 제161조" in html


def test_deadline_helper_refuses_a_fact_in_other_units():
    guide = with_fact(GUIDE, "mismatch_months", unit="일")
    with pytest.raises(GuideDataError) as err:
        deadline_helper_block(context(guide))
    assert err.value.key_path == "facts.mismatch_months" and err.value.line


def test_only_flagged_checklists_get_the_helper():
    for cl in CHECKLISTS:
        html = str(checklist_block(context(), cl.id))
        assert ("deadline-helper" in html) == cl.deadline_helper, cl.id


# ── The data file's checklist section is checked like the rest of it ──


def _load(tmp_path, text):
    from guidedev.support import ROOT
    from guidekit.load import load_guide

    f = tmp_path / "guide.yml"
    f.write_text(text, encoding="utf-8")
    return load_guide(f, ROOT / "docs/data/guide.schema.json", "docs/data/guide.yml")


def _data_text():
    from guidedev.support import ROOT

    return (ROOT / "docs/data/guide.yml").read_text(encoding="utf-8")


def test_duplicate_item_id_in_a_checklist_is_reported(tmp_path):
    first = yaml.safe_load(_data_text())["checklists"][0]["items"][0]["id"]
    edit = {"at": "checklists[0].items[1].id", "line": "{indent}{key}: " + first}
    text, where = edit_at(_data_text(), edit, "guide.yml")
    with pytest.raises(GuideDataError) as err:
        _load(tmp_path, text)
    assert err.value.key_path == where and err.value.line


def test_unknown_checklist_key_is_reported(tmp_path):
    text, where = edit_at(_data_text(), {"at": "checklists[id=prepare].blanks", "after": "{spaces}colour: red"}, "g")
    with pytest.raises(GuideDataError) as err:
        _load(tmp_path, text)
    assert err.value.key_path == where.replace(".blanks", ".colour")


def test_repeated_blank_is_reported(tmp_path):
    edit = {"at": "checklists[id=prepare].blanks", "line": "{indent}{key}: [주문 번호, 주문 번호]"}
    text, where = edit_at(_data_text(), edit, "guide.yml")
    with pytest.raises(GuideDataError) as err:
        _load(tmp_path, text)
    assert err.value.key_path == where


def test_print_button_on_a_checklist_page_but_not_on_each_print_all_sheet():
    assert "checklist-print" in str(checklist_block(context(), "prepare"))
    assert "checklist-print" not in str(checklist_sheet_block(context(), "prepare"))
    assert "checklist-print" in checklist_pages(GUIDE)[PRINT_ALL_PAGE]  # one button for the whole page
