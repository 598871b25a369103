"""What Korean search relies on in Material's search, checked in the installed Material at build time
(hooks/guidekit/material_search.py): the installed Material passes; a stand-in with one thing changed, as a
Material release could change it (tests/guidedev/material_copy.py), fails with a message naming it."""

from __future__ import annotations

import re

import pytest

from guidedev.material_copy import BASE_HTML, material_copy
from guidekit import material_search as ms
from guidekit import shared_constants

KEYUP = ('fromEvent(el, "keyup")', 'fromEvent(el, "input")')


def failure(package, version="9.8.2") -> str:
    with pytest.raises(ms.MaterialChanged) as err:
        ms.check_material(package, version)
    return str(err.value)


def test_the_installed_material_does_what_korean_search_relies_on():
    assert ms.problems(ms.installed_package()) == []
    assert ms.check_material() is None
    assert ms.in_tested_range(ms.installed_version()), "requirements.txt pins a Material outside TESTED_VERSIONS"


def test_the_stand_in_unchanged_passes_as_the_installed_one(tmp_path):
    assert ms.problems(material_copy(tmp_path)) == []


def test_the_message_numbers_are_the_ones_the_scripts_get():
    assert (
        shared_constants.shared()["material"] == ms.MESSAGE_TYPES == {"setup": 0, "ready": 1, "query": 2, "result": 3}
    )


def test_a_renumbered_message_type_is_caught_with_the_numbers_material_has(tmp_path):
    message = failure(material_copy(tmp_path, {ms.MESSAGES: ("SETUP,", "SETUP = 1,")}))
    assert (
        f"설치된 Material: {ms.source_path(ms.MESSAGES)}: SearchMessageType {{ SETUP=1, READY=2, QUERY=3, RESULT=4 }}"
        in message
    )
    assert "이것에 기대는 파일: overrides/assets/javascripts/workers/ko-search.js," in message


def test_the_enum_written_another_way_with_the_same_numbers_passes(tmp_path):
    shipped = ms.read_shipped(ms.installed_package()).sources
    original = next(text for name, text in shipped.items() if name.endswith(ms.MESSAGES))
    written = re.search(r"enum SearchMessageType \{[^}]*\}", original).group(0)  # with its comments
    compact = "enum SearchMessageType{SETUP=0,READY,QUERY,RESULT=3}"
    assert ms.problems(material_copy(tmp_path / "a", {ms.MESSAGES: (written, compact)})) == []
    swapped = "enum SearchMessageType {\n SETUP, READY,\n RESULT, QUERY\n}"
    assert "SearchMessageType { SETUP=0, READY=1, RESULT=2, QUERY=3 }" in failure(
        material_copy(tmp_path / "b", {ms.MESSAGES: (written, swapped)})
    )


def test_another_result_shape_is_caught(tmp_path):
    message = failure(material_copy(tmp_path, {ms.SEARCH: ("items: SearchItem[][]", "items: SearchItem[]")}))
    assert "- 기대: 작업자가 돌려주는 결과의 모양 {items: SearchItem[][]}" in message
    assert (
        f"설치된 Material: {ms.source_path(ms.SEARCH)}: interface SearchResult {{ items: SearchItem[] suggest?: string[] }}"
        in message
    )


def test_a_module_worker_is_caught(tmp_path):
    message = failure(
        material_copy(tmp_path, {ms.START_WORKER: ("new Worker(url)", 'new Worker(url, { type: "module" })')})
    )
    assert f'설치된 Material: {ms.source_path(ms.START_WORKER)}: new Worker(url, {{ type: "module" }})' in message
    assert "overrides/main.html" in message


def test_a_missing_worker_file_is_caught_with_its_name(tmp_path):
    message = failure(material_copy(tmp_path, worker_file=False))
    worker = re.search(
        r"search\.[0-9a-f]+\.min\.js", (ms.installed_package() / "templates" / "base.html").read_text()
    ).group(0)
    assert (
        f"설치된 Material: templates/assets/javascripts/workers/에 없음: {worker} (있는 파일: {worker}.map)" in message
    )


def test_a_worker_named_otherwise_is_caught(tmp_path):
    message = failure(
        material_copy(
            tmp_path, {BASE_HTML: ('"assets/javascripts/workers/search.', '"assets/javascripts/workers/find.')}
        )
    )
    assert "설치된 Material: templates/base.html의 작업자 이름: find." in message


def test_no_lunr_on_the_worker_is_caught(tmp_path):
    message = failure(material_copy(tmp_path, {ms.WORKER_MAIN: ("self.lunr = lunr", "")}))
    assert f"설치된 Material: {ms.source_path(ms.WORKER_MAIN)}에 없음: self.lunr = lunr" in message
    assert "이것에 기대는 파일: overrides/assets/javascripts/workers/ko-search.js\n" in message


def test_lunr_left_out_of_the_worker_is_caught(tmp_path):
    message = failure(material_copy(tmp_path, without=(ms.LUNR,)))
    assert "설치된 Material: 소스 맵에 없음: node_modules/lunr/lunr.js" in message


def test_fetch_instead_of_xmlhttprequest_is_caught(tmp_path):
    message = failure(
        material_copy(tmp_path, {ms.REQUEST: ("const req = new XMLHttpRequest()", "const req = fetch(`${url}`)")})
    )
    assert f"설치된 Material: {ms.source_path(ms.REQUEST)}: XMLHttpRequest 대신 fetch()로 받아요" in message
    assert "이것에 기대는 파일: overrides/assets/javascripts/ko-search-input.js" in message


def test_the_index_fetched_without_request_json_is_caught(tmp_path):
    message = failure(material_copy(tmp_path, {ms.BUNDLE: ("requestJSON<SearchIndex>(", "fetch(")}))
    assert f"설치된 Material: {ms.source_path(ms.BUNDLE)}: 검색 색인을 fetch()로 받아요" in message


def test_a_result_list_laid_out_otherwise_is_caught(tmp_path):
    edits = {ms.RESULT_ITEM: ('<details class="md-search-result__more">', '<div class="md-search-result__more">')}
    message = failure(material_copy(tmp_path, edits))
    assert (
        f'설치된 Material: {ms.source_path(ms.RESULT_ITEM)}에 없음: <details class="md-search-result__more">' in message
    )
    assert "tests/js/site-search.mjs" in message


def test_a_box_that_listens_to_something_else_is_caught_even_with_keyup_in_a_comment(tmp_path):
    message = failure(material_copy(tmp_path, {ms.QUERY_BOX: (KEYUP[0], f"/* {KEYUP[0]} */ {KEYUP[1]}")}))
    assert f"설치된 Material: {ms.source_path(ms.QUERY_BOX)}: 검색창이 듣는 이벤트: input" in message


def test_the_whole_message_for_one_change(tmp_path):
    message = failure(material_copy(tmp_path, {ms.QUERY_BOX: KEYUP}), version="9.9.1")
    assert message == "\n".join(
        [
            "설치된 mkdocs-material 9.9.1에서 한국어 검색이 기대는 Material 검색 내부가 달라져서 빌드를 멈춰요"
            "(이대로면 검색이 조용히 깨져요).",
            '- 기대: 검색창이 keyup에 검색함(fromEvent(el, "keyup"))',
            f"  설치된 Material: {ms.source_path(ms.QUERY_BOX)}: 검색창이 듣는 이벤트: input",
            "  이것에 기대는 파일: overrides/assets/javascripts/ko-search-input.js",
            "할 일: requirements.txt의 mkdocs-material을 9.8.2로 되돌리고 `make lock`, `make install`을 해요. "
            "새 Material을 쓰려면 위 파일들과 hooks/guidekit/material_search.py를 새 내부에 맞게 고치고 "
            "검색 테스트(make test-js, tests/browser/test_search.py)를 돌려요.",
        ]
    )


def test_every_change_is_in_the_one_message(tmp_path):
    message = failure(material_copy(tmp_path, {ms.QUERY_BOX: KEYUP, ms.WORKER_MAIN: ("self.lunr = lunr", "")}))
    assert message.count("- 기대: ") == 2 and message.count("할 일: ") == 1


def test_a_version_outside_the_tested_range_with_every_check_passing_is_a_warning(tmp_path):
    package = material_copy(tmp_path)
    assert ms.check_material(package, "9.8.2") is None
    assert ms.check_material(package, "9.8.7") is None
    warning = ms.check_material(package, "9.9.0")
    assert warning is not None and warning.startswith(
        "mkdocs-material 9.9.0: 한국어 검색을 시험한 범위(>=9.8.2,<9.9) 밖"
    )
    assert "TESTED_VERSIONS" in (ms.check_material(package, "10.0.0") or "")


def test_one_reading_per_material_until_its_files_change(tmp_path, monkeypatch):
    package = material_copy(tmp_path)
    reads = []
    read = ms.read_shipped
    monkeypatch.setattr(ms, "read_shipped", lambda p: reads.append(p) or read(p))
    assert ms.check_material(package, "9.8.2") is None
    assert ms.check_material(package, "9.8.2") is None
    assert len(reads) == 1
    # An upgrade in place: the same folder, a file changed (another size, so no clock is relied on).
    query_map = package / "templates" / "assets" / "javascripts" / "bundle.0000.min.js.map"
    query_map.write_text(query_map.read_text("utf-8").replace("keyup", "pointerup"), "utf-8")
    assert "검색창이 듣는 이벤트: pointerup" in failure(package)
    assert len(reads) == 2
