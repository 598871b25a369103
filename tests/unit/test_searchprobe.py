"""Where a search query must land (guidedev.searchprobe): `lands` in the query files, as the data names it,
becomes the location Material's search index gives that page or section, and a URL in the browser becomes
one too, so the two compare."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from guidedev.searchprobe import landing, load_queries, location_of, search_location


class Guide:
    """The two lists `landing` reads, with `find` as the real guide has it."""

    def __init__(self):
        self.scenarios = [SimpleNamespace(id="double_charge", link="payment.md#double-charge")]
        self.faq = [SimpleNamespace(id="approval_number", question="승인 번호는 어디서 봐요?")]

    def find(self, list_name, entry_id):
        return next((e for e in getattr(self, list_name) if e.id == entry_id), None)


@pytest.mark.parametrize(
    ("link", "location"),
    [
        ("payment.md#two-points", "payment/#two-points"),
        ("faq.md", "faq/"),
        ("index.md", ""),
        ("checklists/index.md", "checklists/"),
        ("checklists/prepare.md#x", "checklists/prepare/#x"),
    ],
)
def test_site_links_become_search_locations(link, location):
    assert search_location(link) == location


def test_lands_names_a_scenarios_section_a_faq_entry_or_a_link():
    guide = Guide()
    assert landing("{{ scenario.double_charge }}", guide, "q") == "payment/#double-charge"
    assert landing("{{faq.approval_number}}", guide, "q") == "faq/#faq-approval-number"
    assert landing("cancel-return.md#return-fee", guide, "q") == "cancel-return/#return-fee"
    assert landing("index.md", guide, "q") == ""


@pytest.mark.parametrize(
    ("lands", "told"),
    [
        ("{{ scenario.no_such }}", "no scenario with id no_such"),
        ("{{ faq.no_such }}", "no faq with id no_such"),
        ("{{ fact.agent_hours }}", "names a fact"),
        ("{{ scenario.Double }}", "neither"),
    ],
)
def test_an_unknown_landing_names_the_file_and_the_query(tmp_path, lands, told):
    path = tmp_path / "queries.yml"
    path.write_text(f'- {{q: "중복 결제", any: [["중복"]], lands: "{lands}"}}\n', encoding="utf-8")
    with pytest.raises(LookupError, match=told) as caught:
        load_queries(path, Guide())
    assert "queries.yml" in str(caught.value) and "'중복 결제'" in str(caught.value)


def test_a_query_file_gives_every_landing_and_whether_nothing_matches(tmp_path):
    path = tmp_path / "queries.yml"
    path.write_text(
        '- {q: "승인", any: [["승인"]], lands: ["{{ faq.approval_number }}", "payment.md"]}\n'
        '- {q: "뷁", any: [["x"]], lands: "index.md", fallback: true}\n'
        '- {q: "결제", any: [["결제"]]}\n',
        encoding="utf-8",
    )
    first, nothing, unnamed = load_queries(path, Guide())
    assert (first.lands, first.fallback) == (("faq/#faq-approval-number", "payment/"), False)
    assert (nothing.lands, nothing.fallback) == (("",), True)
    assert unnamed.lands == ()  # told by the landing test, which needs every query to name one


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("http://127.0.0.1:8123/payment/?h=%EC%A4%91%EB%B3%B5#double-charge", "payment/#double-charge"),
        ("http://127.0.0.1:8123/", ""),
        ("http://127.0.0.1:8123/faq/", "faq/"),
        ("../faq/#faq-x", "faq/#faq-x"),
    ],
)
def test_urls_in_the_browser_become_search_locations(url, location):
    assert location_of(url, "http://127.0.0.1:8123/") == location
