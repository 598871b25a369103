"""Every blank has its field, one name per detail: the checks of guidekit/blank_checks.py, one refused
mistake each, and the fields the pages draw from the details."""

from __future__ import annotations

import re

import pytest

from guide_copy import GUIDE, context, edited
from guidekit.blank_checks import HELPER_DETAILS, detail_names, other_name_for, template_blanks
from guidekit.checklists import checklist_block, deadline_helper_block
from guidekit.errors import GuideDataError
from guidekit.message_templates import free_text_blanks, mark_blanks, message_template_block

pytestmark = pytest.mark.reads_guide

LABELS = {d.label for d in GUIDE.details}


def _pos(list_name: str, entry_id: str) -> int:
    return GUIDE.find(list_name, entry_id).pos


def _refused(change) -> GuideDataError:
    with pytest.raises(GuideDataError) as err:
        edited(change)
    return err.value


def _add_line(template_id: str, line: str):
    def change(data):
        data["message_templates"][_pos("message_templates", template_id)]["body"] += "\n" + line

    return change


# ── The names ───────────────────────────────────────────────────────────────────────────────────


def test_template_blanks_are_named_once_in_order_and_spaces_alone_name_none():
    assert template_blanks("[b] [a] [b] [ ] [\n] []") == ["b", "a"]


def test_another_name_for_a_detail_is_found_by_also_called_and_by_spacing():
    names = detail_names(GUIDE)
    received = GUIDE.find("details", "received_date")
    assert "수령일" in received.also_called
    for name in ("수령일", "수령 일", "받은날", " 받은 날"):
        assert other_name_for(name, names) == received, name
    assert other_name_for("받은 날", names) is None  # the label itself
    assert other_name_for("할부 개월 수", names) is None  # no detail's


def test_the_guide_keeps_its_own_rules():
    """Every template blank is a detail or free text, never both; every detail the helper needs is a date."""
    for t in GUIDE.message_templates:
        for name in template_blanks(t.body):
            assert (name in LABELS) != (name in t.free_text), (t.id, name)
    for detail_id in HELPER_DETAILS:
        assert GUIDE.find("details", detail_id).kind == "date"


def test_free_text_blanks_lists_each_templates_hand_written_blanks_in_order():
    listed = free_text_blanks(GUIDE)
    assert "할부 개월 수" in listed["instalment_defense"]
    assert "double_charge_cancel" not in listed  # every blank of it is a detail
    for template_id, names in listed.items():
        body = GUIDE.find("message_templates", template_id).body
        assert names == [n for n in template_blanks(body) if n not in LABELS], template_id


# ── One refused mistake each ────────────────────────────────────────────────────────────────────


def test_a_template_blank_that_is_neither_a_detail_nor_free_text_is_refused():
    err = _refused(_add_line("withdrawal_notice", "반품 사유: [반품 사유]"))
    assert err.key_path == "message_templates[0].body" and err.line
    assert err.found == "[반품 사유]" and "free_text" in err.problem
    assert "free_text에 '반품 사유' 더하기" in err.expected


def test_a_near_miss_of_a_label_is_suggested():
    err = _refused(_add_line("withdrawal_notice", "판매자: [판매자 이룸]"))
    assert err.expected.startswith("[판매자 이름], 또는 ")


def test_free_text_the_template_does_not_use_is_refused_and_the_unlisted_blanks_named():
    def renamed(data):
        t = data["message_templates"][_pos("message_templates", "return_pickup_missed")]
        t["body"] = t["body"].replace("[반품 상태]", "[지금 반품 상태]")

    err = _refused(renamed)
    pos = _pos("message_templates", "return_pickup_missed")
    assert err.key_path == f"message_templates[{pos}].free_text[0]" and err.line
    assert "[반품 상태]" in err.problem and err.expected == "문구의 칸 이름 그대로: '지금 반품 상태'"


def test_free_text_that_is_a_detail_is_refused():
    def listed(data):
        data["message_templates"][0]["free_text"].append("주문 번호")

    err = _refused(listed)
    assert err.key_path == "message_templates[0].free_text[1]" and err.line
    assert "details의 이름" in err.problem and err.expected == "free_text에서 '주문 번호' 빼기"


def test_free_text_that_is_another_name_for_a_detail_is_refused():
    def listed(data):
        data["message_templates"][0]["free_text"].append("수령일")

    err = _refused(listed)
    assert err.key_path == "message_templates[0].free_text[1]"
    assert err.expected == "free_text에서 빼고, 문구에는 [받은 날]"


def test_an_also_called_name_as_a_checklist_blank_is_refused_with_the_label():
    err = _refused(lambda data: data["checklists"][0]["blanks"].append("수령일"))
    assert err.key_path == "checklists[0].blanks[3]" and err.line
    assert "also_called" in err.problem and "'받은 날'" in err.problem
    assert err.found == "수령일" and err.expected == "받은 날"


def test_an_also_called_name_in_a_template_is_refused_with_the_label():
    err = _refused(_add_line("withdrawal_notice", "수령일: [수령일]"))
    assert err.key_path == "message_templates[0].body"
    assert "also_called" in err.problem and err.found == "[수령일]" and err.expected == "[받은 날]"


@pytest.mark.parametrize(
    ("name", "says"),
    [("받은날", "'받은 날'과 띄어쓰기만 달라요"), ("수령 일", "다르게 부르는 이름 '수령일'과 띄어쓰기만 달라요")],
)
def test_a_name_spaced_differently_is_refused_in_a_checklist_and_a_template(name, says):
    err = _refused(lambda data: data["checklists"][0]["blanks"].append(name))
    assert err.key_path == "checklists[0].blanks[3]" and says in err.problem and err.expected == "받은 날"
    err = _refused(_add_line("withdrawal_notice", f"받은 날: [{name}]"))
    assert err.key_path == "message_templates[0].body" and says in err.problem and err.expected == "[받은 날]"


@pytest.mark.parametrize("name", ["주문 번호", "주문번호"])
def test_two_details_may_not_share_a_name(name):
    def shared(data):
        data["details"][_pos("details", "order_number_2")]["also_called"].append(name)

    err = _refused(shared)
    pos = _pos("details", "order_number_2")
    assert err.key_path.startswith(f"details[{pos}].also_called[") and err.line
    assert "order_number" in err.problem and "order_number_2" in err.problem
    assert "details[0].label에도 있어요" in err.found


def test_a_label_may_not_be_another_details_also_called():
    def shared(data):
        data["details"][_pos("details", "order_number")]["label"] = "수령일"

    err = _refused(shared)
    assert err.key_path.endswith(".also_called[0]") and "수령일" in err.problem


# ── The deadline helper's two date fields ───────────────────────────────────────────────────────


def _renamed(detail_id: str):
    """The detail given another id: its blanks still have their field, only the helper misses it."""

    def change(data):
        data["details"][_pos("details", detail_id)]["id"] = "other_" + detail_id

    return change


@pytest.mark.parametrize("detail_id", HELPER_DETAILS)
def test_a_checklist_with_the_helper_needs_its_two_details(detail_id):
    err = _refused(_renamed(detail_id))
    flagged = next(cl for cl in GUIDE.checklists if cl.deadline_helper)
    assert err.key_path == "details" and err.line
    assert f"checklists[{flagged.pos}]({flagged.id})의 deadline_helper: true" in err.found
    assert f"'{detail_id}'" in err.problem and err.expected == f"details에 id: {detail_id}, kind: date인 항목"


def test_the_helpers_details_are_dates():
    def text(data):
        del data["details"][_pos("details", "received_date")]["kind"]

    err = _refused(text)
    assert err.key_path == f"details[{_pos('details', 'received_date')}].kind"
    assert err.found == "kind: text" and err.expected == "kind: date"


def test_the_helper_block_on_a_page_needs_its_details_too():
    def no_helper(data):
        _renamed("known_date")(data)
        for cl in data["checklists"]:
            cl.pop("deadline_helper", None)

    guide = edited(no_helper)  # no checklist asks for the helper, so the data alone is fine
    with pytest.raises(GuideDataError) as err:
        deadline_helper_block(context(guide, where="docs/cancel-return.md"))
    assert "docs/cancel-return.md의 <!-- guide:deadline-helper -->" in err.value.found
    assert "'known_date'" in err.value.problem


# ── What the pages draw from the details ────────────────────────────────────────────────────────


def test_the_helpers_fields_are_named_by_the_details():
    html = str(deadline_helper_block(context(), "before_return"))
    arrival = re.search(r'<input class="[^"]*deadline-helper__arrival"[^>]*data-blank="([^"]+)"', html).group(1)
    known = re.search(r'<input class="[^"]*deadline-helper__known"[^>]*data-blank="([^"]+)"', html).group(1)
    assert [arrival, known] == [GUIDE.find("details", d).label for d in HELPER_DETAILS]
    assert {arrival, known} <= LABELS and "수령일" not in html
    assert 'id="dl-before-return-arrival"' in html and 'id="dl-before-return-known"' in html


def test_every_field_on_every_checklist_is_a_detail():
    for cl in GUIDE.checklists:
        names = re.findall(r'data-blank="([^"]+)"', str(checklist_block(context(), cl.id)))
        assert names and set(names) <= LABELS, cl.id


def test_a_date_blank_on_a_checklist_is_a_date_field():
    cl = next(c for c in GUIDE.checklists if "받은 날" in c.blanks)
    html = str(checklist_block(context(), cl.id))
    inputs = {
        name: tag for tag, name in re.findall(r'(<input class="blank__field[^>]*data-blank="([^"]+)"[^>]*>)', html)
    }
    assert 'type="date"' in inputs["받은 날"] and 'class="blank__field blank__field--date"' in inputs["받은 날"]
    assert 'type="text"' in inputs["주문 번호"] and "blank__field--date" not in inputs["주문 번호"]


def test_a_date_detail_in_a_message_says_so_and_gets_a_date_field():
    assert str(mark_blanks("[받은 날] [주문 번호] [반품 상태]", {"받은 날", "주문 번호"}, {"받은 날"})) == (
        '<mark class="msg-blank" data-detail="받은 날" data-kind="date">[받은 날]</mark> '
        '<mark class="msg-blank" data-detail="주문 번호">[주문 번호]</mark> '
        '<mark class="msg-blank">[반품 상태]</mark>'
    )
    html = str(message_template_block(context(), "withdrawal_notice"))
    assert '<mark class="msg-blank" data-detail="받은 날" data-kind="date">' in html
    assert '<mark class="msg-blank" data-detail="주문 번호">' in html
    sent = re.search(r'<input class="([^"]+)" type="([^"]+)" id="[^"]+" data-blank="보낸 날"', html)
    assert sent.groups() == ("blank__field blank__field--date", "date")
    # A date field shows no placeholder: its hint stands beside the label, on screen only.
    hint = GUIDE.find("details", "notice_sent_date").hint
    assert f'<span class="screen-only">({hint})</span>' in html and f'placeholder="{hint}"' not in html
