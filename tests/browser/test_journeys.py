"""A shopper's journeys on a phone, by tapping from the home page: each problem's first step is one tap
away, its message and checklist are linked right there, what they typed once fills every message they
copy (blanks they did not fill stay visible), and 초기화 clears only its own ticks and can be undone."""

from __future__ import annotations

import json

import pytest

from guidedev.pagepool import PHONE
from guidedev.support import NO_WORKER, load_project_guide
from guidekit.checklists import storage_key
from guidekit.syntax import PLACEHOLDER, text_parts
from guidekit.urls import checklist_page

pytestmark = pytest.mark.browser

GUIDE = load_project_guide()
SCENARIOS = GUIDE.scenarios
ORDER = "20261126-77001"
# The details' names as the data file gives them (the fields' labels and the messages' blanks).
LABEL = {d.id: d.label for d in GUIDE.details}
ORDER_NO, TRACKING_NO = LABEL["order_number"], LABEL["tracking_number"]
SELLER_NAME, SELLER_CONTACT = LABEL["seller_name"], LABEL["seller_contact"]
RECEIVED, SENT = LABEL["received_date"], LABEL["notice_sent_date"]


def checklist_url(site_url: str, checklist_id: str) -> str:
    return site_url + checklist_page(checklist_id).removesuffix(".md") + "/"


def messages_of(s) -> list[str]:
    return [m for m in (s.message, s.if_fails.message) if m]


@pytest.fixture
def clip_phone(pages, site_url):
    """A phone page that may read the clipboard."""

    def grant(context):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))

    with pages.lend("clip_phone", {**NO_WORKER, **PHONE}, grant) as page:
        yield page


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_one_tap_from_home_reaches_the_answer_and_its_first_step(site_url, phone, scenario):
    phone.goto(site_url)
    phone.locator(".problem-cards").get_by_role("link", name=scenario.title, exact=True).tap()  # tap 1
    anchor = scenario.link.split("#")[1]
    phone.wait_for_url(f"**#{anchor}")
    heading = phone.locator(f"h2#{anchor}")
    block = phone.locator(f'.scenario[data-scenario="{scenario.id}"]')
    # The heading is at the top of the screen and the scenario under it; its answer is on screen at once.
    assert heading.is_visible() and 0 <= heading.bounding_box()["y"] < 200
    answer = block.locator(".scenario__answer")
    assert answer.bounding_box()["y"] < 844
    # In the order of the content guide: answer, what to have, steps (at most 7), how long, if it fails.
    labels = block.locator("h3.scenario__label").all_inner_texts()
    assert labels == ["준비할 것", "이렇게 해요", "얼마나 걸려요 · 언제까지", "안 되면"]
    steps = block.locator("ol.steps > li")
    assert 1 <= steps.count() <= 7 and steps.first.inner_text().strip()
    # The next rung is a link that leads somewhere real.
    next_link = block.locator(".scenario__next-link")
    assert next_link.inner_text().startswith("다음 단계:")


# The scenarios that link a message, by the page they are on: the order number is typed once per page, and
# the first scenario of each is reached from home as a shopper does (every one is, in the test above).
WITH_MESSAGES: dict[str, list] = {}
for _s in SCENARIOS:
    if messages_of(_s):
        WITH_MESSAGES.setdefault(_s.link.split("#")[0], []).append(_s)


def _copy_linked_message(page, site_url: str, scenario, from_home: bool) -> list[str]:
    """Open the scenario (tapping its card on home, or by its address), tap its first message link and
    copy that message; what is wrong with the copy."""
    if from_home:
        page.goto(site_url)
        page.locator(".problem-cards").get_by_role("link", name=scenario.title, exact=True).tap()  # tap 1
    else:
        page.goto(site_url + scenario.link.replace(".md#", "/#"))
    # Tap 2 only once the page has arrived at the anchor and finished loading: a tap aimed while the page
    # was still jumping to the heading landed beside the link (seen once in 750 runs).
    page.wait_for_url(f"**#{scenario.link.split('#')[1]}")
    page.wait_for_load_state("load")
    block = page.locator(f'.scenario[data-scenario="{scenario.id}"]')
    template_id = messages_of(scenario)[0]
    template = GUIDE.find("message_templates", template_id)
    link = block.locator(".scenario__tool--message a", has_text=template.title).first
    link.scroll_into_view_if_needed()
    link.tap()  # tap 2
    page.wait_for_url(f"**/messages/#msg-{template_id.replace('_', '-')}")
    section = page.locator(f'.msg-template[data-template="{template_id}"]')
    section.get_by_role("button", name="문구 복사하기").tap()
    page.wait_for_function(
        "id => document.querySelector(`.msg-template[data-template='${id}'] .msg-copy__status`).textContent.length > 0",
        arg=template_id,
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    problems = []
    if copied != section.locator("pre").inner_text():
        problems.append(f"copied text is not the message shown: {copied!r}")
    names = {m.group(1) for m in PLACEHOLDER.finditer(template.body)}
    if ORDER_NO in names and (ORDER not in copied or f"[{ORDER_NO}]" in copied):
        problems.append(f"the typed order number is not in the copy: {copied!r}")
    # Blanks the shopper has not filled stay visible, to replace by hand.
    problems += [f"the blank [{name}] is gone" for name in names - {ORDER_NO} if f"[{name}]" not in copied]
    return [f"{scenario.id} → {template_id}: {p}" for p in problems]


@pytest.mark.parametrize("topic", WITH_MESSAGES, ids=[t.removesuffix(".md") for t in WITH_MESSAGES])
def test_the_linked_message_copies_with_the_typed_order_number(site_url, clip_phone, topic):
    page = clip_phone
    # The shopper typed the order number into a checklist a minute ago.
    page.goto(checklist_url(site_url, "prepare"))
    page.get_by_label(ORDER_NO, exact=True).fill(ORDER)
    problems = []
    for i, scenario in enumerate(WITH_MESSAGES[topic]):
        problems += _copy_linked_message(page, site_url, scenario, from_home=i == 0)
    assert not problems, "\n".join(problems)


def test_every_scenario_links_a_message_or_checklist_in_place(site_url, phone):
    """Each page is opened once (the messages page is the heaviest, and most links go there): the anchors it
    has are read then, and every link that goes to it must find its target among them."""
    targets: dict[str, list[str]] = {}

    def anchors(url: str) -> list[str]:
        if url not in targets:
            phone.goto(url)
            assert phone.locator("article h1").count() == 1, url
            targets[url] = phone.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
        return targets[url]

    by_page: dict[str, list] = {}
    for s in SCENARIOS:
        by_page.setdefault(s.link.split("#")[0], []).append(s)
    for page, scenarios in by_page.items():
        phone.goto(site_url + page.removesuffix(".md") + "/")
        links = {}
        for s in scenarios:
            block = phone.locator(f'.scenario[data-scenario="{s.id}"]')
            links[s.id] = block.locator(".scenario__tool a").evaluate_all("els => els.map(e => e.href)")
            wanted = messages_of(s) + [c for c in (s.checklist, s.if_fails.checklist) if c]
            assert len(links[s.id]) == len(wanted), s.id
        for sid, hrefs in links.items():
            for href in hrefs:
                url, _, target = href.partition("#")
                present = anchors(url)
                assert not target or present.count(target) == 1, f"{sid}: {href}"


def test_typed_details_fill_every_checklist_and_message_on_the_device(site_url, phone):
    phone.goto(checklist_url(site_url, "dispute_steps"))
    phone.get_by_label(ORDER_NO, exact=True).fill(ORDER)
    phone.get_by_label(SELLER_CONTACT, exact=True).fill("010-0000-0000")
    phone.goto(checklist_url(site_url, "filing_1372"))
    assert phone.get_by_label(ORDER_NO, exact=True).input_value() == ORDER
    assert phone.get_by_label(SELLER_CONTACT, exact=True).input_value() == "010-0000-0000"
    phone.goto(site_url + "messages/")
    summary = phone.locator('.msg-template[data-template="case_summary"]')
    text = summary.locator("pre").inner_text()
    assert ORDER in text and "010-0000-0000" in text and f"[{SELLER_NAME}]" in text
    # Typed under a message, a detail reaches every other message at once.
    fill = summary.locator("details.msg-fill")
    fill.locator("summary").tap()
    fill.get_by_label(SELLER_NAME, exact=True).fill("행복상점")
    assert "행복상점" in phone.locator('.msg-template[data-template="kakao_mediation"] pre').inner_text()
    stored = json.loads(phone.evaluate("k => localStorage.getItem(k)", storage_key("details")))
    assert stored == {ORDER_NO: ORDER, SELLER_CONTACT: "010-0000-0000", SELLER_NAME: "행복상점"}


def test_reset_clears_only_its_ticks_and_its_undo_survives_a_reload(site_url, phone):
    cl = GUIDE.find("checklists", "not_received")
    phone.goto(checklist_url(site_url, cl.id))
    first = phone.locator(f'input.checklist__box[data-item="{cl.items[0].id}"]')
    phone.click(f'label[for="{first.get_attribute("id")}"]')
    phone.get_by_label(TRACKING_NO, exact=True).fill("6012-3456-7890")
    reset = phone.get_by_role("button", name="초기화")
    # Far from 인쇄하기: after the list, not beside the print button.
    assert reset.bounding_box()["y"] > phone.locator(".checklist__items").bounding_box()["y"]
    reset.tap()
    # The ticks go; the tracking number is a shared detail (every sheet and message shows it): it stays.
    assert not first.is_checked() and phone.get_by_label(TRACKING_NO, exact=True).input_value() == "6012-3456-7890"
    assert "체크 1개" in phone.locator(".checklist__reset .checklist__status").inner_text()
    phone.reload()
    undo = phone.get_by_role("button", name="되돌리기")
    assert undo.is_visible() and not first.is_checked()
    undo.tap()
    assert first.is_checked() and not undo.is_visible()
    phone.reload()
    assert first.is_checked() and not phone.get_by_role("button", name="되돌리기").is_visible()
    stored = json.loads(phone.evaluate("k => localStorage.getItem(k)", storage_key("checklist/" + cl.id)))
    assert stored == {"items": {cl.items[0].id: True}}
    # A change after a reset ends its undo.
    reset.tap()
    phone.click(f'label[for="{first.get_attribute("id")}"]')
    assert not phone.get_by_role("button", name="되돌리기").is_visible()
    phone.reload()
    assert not phone.get_by_role("button", name="되돌리기").is_visible()


def test_keys_from_before_scoping_move_to_this_copy_once(site_url, phone):
    phone.goto(site_url)
    phone.evaluate(
        """([a, b]) => { localStorage.setItem('kshop-help/checklist/prepare', a);
                         localStorage.setItem('kshop-help/details', b); }""",
        [
            json.dumps({"items": {"photos": True}}),
            json.dumps({ORDER_NO: ORDER, "수령일": "2026-12-18"}, ensure_ascii=False),
        ],
    )
    phone.goto(checklist_url(site_url, "prepare"))
    assert phone.get_by_label(ORDER_NO, exact=True).input_value() == ORDER
    assert phone.locator('input.checklist__box[data-item="photos"]').is_checked()
    keys = phone.evaluate("Object.keys(localStorage)")
    assert not [k for k in keys if k.startswith("kshop-help/")]
    stored = json.loads(phone.evaluate("k => localStorage.getItem(k)", storage_key("details")))
    assert stored == {ORDER_NO: ORDER, RECEIVED: "2026-12-18"}  # the helper's old name, now the detail's


def test_seller_says_box_cites_an_article_for_every_excuse(site_url, phone):
    for page in ("dispute/", "cancel-return/"):
        phone.goto(site_url + page + "#seller-says")
        claims = phone.locator("dl.seller-says dt")
        assert claims.count() == len(GUIDE.seller_claims)
        laws = phone.locator("dl.seller-says .seller-says__law").all_inner_texts()
        assert all("제" in law and "조" in law for law in laws)
        for claim, shown in zip(GUIDE.seller_claims, claims.all_inner_texts(), strict=True):
            # Each claim as the data file words it: its words (a particle after a fact follows the value, so
            # not those) and the value of each fact it names.
            parts = text_parts(claim.claim, "test")
            pieces = [str(GUIDE.facts[key].value) if key else plain.strip() for plain, key in parts]
            assert all(p in shown for p in pieces if len(p) > 1 or p.isdigit()), (claim.id, shown)


def test_typed_numbers_never_take_a_wrong_particle_in_any_message(site_url, phone):
    """An order number ending in 3 and a tracking number ending in 6 would read '…3로', '…6가' if a
    template put a particle after a blank: every filled blank in every message is followed by a space,
    punctuation or the end of its line, and the copied text holds the numbers as typed."""
    order, tracking = "20261126-77003", "6012-3456-7896"
    phone.goto(site_url)
    details = {ORDER_NO: order, TRACKING_NO: tracking, RECEIVED: "2026-12-18", SENT: "2026-12-21"}
    phone.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [storage_key("details"), json.dumps(details, ensure_ascii=False)]
    )
    phone.goto(site_url + "messages/")
    after = phone.evaluate(
        """() => [...document.querySelectorAll('mark.msg-blank--filled')].map(m => {
             const next = m.nextSibling ? m.nextSibling.textContent : '';
             return [m.closest('.msg-template').dataset.template, m.textContent, next.slice(0, 1)];
           })"""
    )
    filled_templates = {t.id for t in GUIDE.message_templates if any(f"[{n}]" in t.body for n in details)}
    assert {template for template, _, _ in after} == filled_templates
    for template, value, next_char in after:
        # A date detail is written out the Korean way ("2026년 12월 18일 (금)"), any other as typed.
        assert value in details.values() or value in {"2026년 12월 18일 (금)", "2026년 12월 21일 (월)"}, (
            template,
            value,
        )
        assert not ("\uac00" <= next_char <= "\ud7a3"), (template, value, next_char)
    texts = phone.locator(".msg-template pre").all_inner_texts()
    joined = "\n".join(texts)
    assert order in joined and tracking in joined
    for value in (order, tracking):
        for text in texts:
            i = text.find(value)
            while i != -1:
                tail = text[i + len(value) : i + len(value) + 1]
                assert not ("\uac00" <= tail <= "\ud7a3"), (value, text)
                i = text.find(value, i + 1)
