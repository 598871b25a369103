"""Korean analysis for the search index (hooks/guidekit/search_ko.py)."""

from __future__ import annotations

from guidekit.search_ko import (
    FIELD,
    SEPARATOR,
    TITLE_FIELD,
    analyse,
    bigrams,
    enrich_index,
    hangul_words,
    plain,
    synonyms_for,
)


def test_bigrams_cut_a_word_into_overlapping_pairs():
    assert bigrams("반품배송비") == ["반품", "품배", "배송", "송비"]
    assert bigrams("택") == ["택"]
    assert bigrams("") == []


def test_hangul_words_leave_out_digits_latin_and_punctuation():
    assert hangul_words("반품배송비는 3일, FAQ(자주 묻는 질문)") == ["반품배송비는", "일", "자주", "묻는", "질문"]


def test_analyse_is_distinct_sorted_and_per_word():
    field = analyse("중복 결제", "중복 결제가")
    grams = field.split(" ")
    assert grams == sorted(set(grams))
    assert {"중복", "결제", "제가"} <= set(grams)
    assert "복결" not in grams  # not read across the space


def test_infix_of_a_compound_is_findable():
    assert "송비" in analyse("반품배송비를 내요").split()


def test_plain_drops_markup_and_entities():
    assert plain("<p>주문 &amp; <strong>취소</strong></p>").split() == ["주문", "&", "취소"]


def test_synonyms_ignore_spacing_and_bring_the_whole_group():
    groups = [["중복 결제", "이중결제"], ["가송장", "허위송장"]]
    assert synonyms_for("<p>카드가 중복결제 됐어요</p>", groups) == ["중복 결제", "이중결제"]
    assert synonyms_for("송장 번호", groups) == []


def test_enrich_index_adds_the_field_aliases_and_synonyms():
    index = {
        "config": {
            "lang": ["en"],
            "separator": "[\\s\\-]+",
            "pipeline": [],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
        },
        "docs": [
            {
                "location": "faq/#faq-double-charge",
                "title": "돈이 두 번 결제됐어요",
                "text": "<p>승인 번호를 알려요</p>",
            },
            {"location": "payment/", "title": "결제 오류", "text": "<p>중복 결제일 수 있어요</p>"},
        ],
    }
    out = enrich_index(index, {"faq/#faq-double-charge": ["돈이 두 번 나갔어요"]}, [["중복 결제", "이중결제"]])
    assert out["config"]["separator"] == SEPARATOR
    fields = out["config"]["fields"]
    assert FIELD in fields and fields[TITLE_FIELD]["boost"] > fields["title"]["boost"]
    faq, page = (set(d[FIELD].split()) for d in out["docs"])
    assert {"나갔", "승인", "결제"} <= faq
    faq_heading = set(out["docs"][0][TITLE_FIELD].split())
    assert {"결제", "나갔"} <= faq_heading and "승인" not in faq_heading  # heading + other wordings only
    assert {"이중", "중결"} <= page  # the synonym 이중결제 finds a page that only says 중복 결제
    assert out["docs"][1]["text"] == "<p>중복 결제일 수 있어요</p>"  # snippets untouched


def test_separator_splits_quotes_brackets_and_menu_arrows():
    import re

    parts = [p for p in re.split(SEPARATOR, "'상담원 연결' 질문(FAQ) 카카오톡›더보기 09:00–18:00") if p]
    assert parts == ["상담원", "연결", "질문", "FAQ", "카카오톡", "더보기", "09", "00", "18", "00"]
