// Korean search's reading of words (overrides/assets/javascripts/workers/ko-analysis.js) in node: stems of
// conjugated forms, the pieces a section is cut into, synonyms, and queries read against an index that the
// build's own Python made (guidekit/search_ko.py enrich_index: the fields and config it writes are the
// ones the analysis reads). The worker the site serves is assembled from these modules by the build
// (guidekit/classic.py); the last tests run that assembled script and expect the same answers.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import vm from "node:vm";

import CONSTANTS from "../../overrides/assets/javascripts/guide-constants.js";
import {
  analyse,
  attestedStems,
  bigrams,
  corrected,
  FIELDS,
  fallback,
  initials,
  normalise,
  plain,
  prepareSynonyms,
  setup,
  stripParticle,
  synonymsFor,
  verbStems,
} from "../../overrides/assets/javascripts/workers/ko-analysis.js";
import { python } from "./guide-constants.mjs";

// [form, a stem it must give (null: none at all)]
const STEMS = [
  ["받았어요", "받"], // -았- past
  ["깨져서", "깨지"], // ㅣ + 어 -> ㅕ
  ["줘요", null], // 주다 is too common to mean anything alone
  ["안받아줘요", "받"], // 안 glued, helper 주다 after -아
  ["보여요", "보이"],
  ["몰라요", "모르"], // 르 irregular
  ["써요", "쓰"], // ㅡ dropped
  ["도와요", "돕"], // ㅂ irregular
  ["어려워요", "어렵"],
  ["걸어요", "걷"], // ㄷ irregular
  ["나았어요", "낫"], // ㅅ irregular
  ["그래요", "그렇"], // ㅎ irregular
  ["잃어버림", "잃"], // -ㅁ nominal, helper 버리다
  ["받음", "받"], // -음 nominal
  ["받기", "받"], // -기 nominal
  ["교환돼요", "교환"], // 되다 verb -> its noun
  ["취소하고싶어", "취소"],
  ["갑니다", "가"],
  ["깨짐", "깨지"],
  ["먹으면", "먹"],
  ["팔면", "팔"],
];

test("conjugated forms lead to their stem", () => {
  for (const [form, stem] of STEMS) {
    const stems = verbStems(form);
    if (stem) assert.ok(stems.includes(stem), `${form}: ${stems}`);
    else assert.deepEqual(stems, [], form);
  }
  assert.equal(new Set(verbStems("안받아줘요")).size, verbStems("안받아줘요").length, "each stem once");
});

test("particles come off a word only when two syllables remain", () => {
  assert.equal(stripParticle("쿠폰이"), "쿠폰");
  assert.equal(stripParticle("문의"), "문의");
  assert.equal(stripParticle("상담원에게서"), "상담원");
  assert.equal(stripParticle("반품으로는"), "반품");
});

test("pieces, first consonants and HTML as text", () => {
  assert.deepEqual(bigrams("반품배송비"), ["반품", "품배", "배송", "송비"]);
  assert.deepEqual(bigrams("환"), ["환"]);
  assert.deepEqual(bigrams(""), []);
  assert.equal(initials("송장번호"), "ㅅㅈㅂㅎ");
  assert.equal(initials("까치"), "ㄲㅊ");
  assert.deepEqual(
    plain("<p>주문 &amp; <strong>취소</strong> &#44032;&#x AC00;&lt;</p>").split(/\s+/).filter(Boolean),
    ["주문", "&", "취소", "가&#x", "AC00;<"],
  );
  assert.equal(plain(null), "");
});

test("sections are cut into pieces of words and stems, each piece once", () => {
  const grams = analyse(["중복 결제", "반품배송비를", "깨져서 왔어요"], null).split(" ");
  assert.deepEqual(grams, [...new Set(grams)]);
  for (const piece of ["중복", "결제", "송비", "깨지"]) assert.ok(grams.includes(piece), piece);
  assert.ok(!grams.includes("복결"), "not read across a space");
  // with attested stems only: 반품 gives the rule's slip 반푸, which no other word attests
  const attested = attestedStems(["반품", "받아 주세요", "받은 날", "깨지다"]);
  assert.ok(attested.받 && attested.깨지 && !attested.반푸);
  assert.ok(!analyse(["반품"], attested).split(" ").includes("반푸"));
});

test("synonyms ignore spacing and bring the whole group, raw or prepared", () => {
  const groups = [
    ["중복 결제", "이중결제"],
    ["가송장", "허위송장"],
  ];
  for (const g of [groups, prepareSynonyms(groups)]) {
    assert.deepEqual(synonymsFor("카드가 중복결제 됐어요", g), ["중복 결제", "이중결제"]);
    assert.deepEqual(synonymsFor("송장 번호", g), []);
  }
});

test("before an index is set up, a query is cut as typed", () => {
  assert.equal(normalise("중복 결제"), "중복*^6 결제*^6");
  assert.equal(normalise("FAQ"), "faq*^6");
  assert.equal(normalise("09:00"), "09*^6 00*^6");
  assert.ok(normalise("환").includes("화다"), "every rule's stem, unchecked"); // 환 -> 화다? 활다?
});

// A small site: pages as Material indexes them, given their Korean part by the build's own Python.
const DOCS = [
  {
    location: "return/",
    title: "반품 기한",
    text: "<p>반품은 받은 날부터 7일 안에 해요. 반품 신청은 앱에서 해요.</p>",
  },
  { location: "return/#fee", title: "반품 배송비", text: "<p>반품 배송비는 판매자가 내요. 반품 기한 안에 알려요.</p>" },
  {
    location: "payment/",
    title: "중복 결제",
    text: "<p>중복 결제는 카드 승인이 두 번 난 거예요. 결제 취소를 요청해요.</p>",
  },
  {
    location: "payment/#cancel",
    title: "결제 취소",
    text: "<p>결제 취소는 상담톡에서 요청해요. 결제 금액을 적어요.</p>",
  },
  {
    location: "delivery/",
    title: "송장 번호",
    text: "<p>송장 번호로 택배를 찾아요. 송장 번호가 없으면 판매자에게 물어요.</p>",
  },
  { location: "broken/", title: "깨진 상품", text: "<p>상품이 깨져서 왔어요? 깨진 사진을 찍어요. 깨지다.</p>" },
  { location: "faq/#faq-double", title: "두 번 결제됐어요", text: "<p>결제 취소를 요청해요.</p>" },
  ...Array.from({ length: 12 }, (_, i) => ({
    location: `more/#${i}`,
    title: `반품 안내 ${i}`,
    text: "<p>반품 반품 결제 결제 중복 송장 번호 깨진</p>",
  })),
];

function enriched() {
  const script = `import json, sys
from guidekit.search_ko import enrich_index
index = json.load(sys.stdin)
aliases = {"faq/#faq-double": ["이중결제 됐어요"]}
synonyms = [["중복 결제", "이중결제"]]
fallback = [{"location": "search-help/", "title": "찾는 요령", "text": "짧게"}]
print(json.dumps(enrich_index(index, aliases, synonyms, fallback=fallback), ensure_ascii=False))`;
  return JSON.parse(python(["-c", script], JSON.stringify({ config: { lang: ["ko"] }, docs: DOCS })));
}

test("the fields the build declares are the ones the analysis fills and reads", () => {
  const index = enriched();
  assert.deepEqual(FIELDS, CONSTANTS.search);
  for (const field of [FIELDS.field, FIELDS.title]) assert.ok(field in index.config.fields, field);
  assert.deepEqual(index.docs.find((d) => d.location === "faq/#faq-double")[FIELDS.aliases], ["이중결제 됐어요"]);
  setup(index);
  for (const doc of index.docs) {
    assert.equal(typeof doc[FIELDS.field], "string");
    assert.equal(typeof doc[FIELDS.title], "string");
    // the other wordings stay until the ranking has read them (ko-search.js drops them with the fields)
    if (doc.location === "faq/#faq-double") assert.deepEqual(doc[FIELDS.aliases], ["이중결제 됐어요"]);
  }
  const faq = index.docs.find((d) => d.location === "faq/#faq-double");
  assert.ok(faq[FIELDS.title].split(" ").includes("이중"), "the FAQ's other wording counts as its heading");
  assert.ok(faq[FIELDS.field].split(" ").includes("중복"), "and brings its synonyms");
});

// [typed, sent to Material's worker] on the small site above
const QUERIES = [
  ["중복결제", "중복*^2 복결^2 결제^2"],
  ["중복 결제", "중복*^6 결제*^6"],
  ["깨졌어요", "깨지^6"],
  ["ㅂㅍ", "반품*^6"],
  ["반폼", "반품*^3"], // a slip weighs half
  ["ㅅㅈㅂㅎ", "송장*^2 장번^2 번호^2"], // 송장 번호, written apart
  ["1372에 전화", "1372*^6 전화*^6"], // a word the site lacks, nothing one jamo away: kept as typed
  ["환", "환"], // one syllable, nothing longer typed
];

test("queries read against the site: stems it uses, first consonants, one-jamo slips", () => {
  setup(enriched());
  for (const [typed, sent] of QUERIES) assert.equal(normalise(typed), sent, typed);
  assert.equal(corrected("뷁뷁"), null);
  assert.deepEqual(fallback().items[0][0], {
    score: -1,
    terms: {},
    location: "search-help/",
    title: "찾는 요령",
    text: "짧게",
  });
});

test("the worker the build assembles answers as the module does", () => {
  const script = `import sys
from pathlib import Path
from guidekit.classic import classic_script
from guidekit import shared_constants
root = Path("overrides")
def read(p):
    return shared_constants.module() if p == shared_constants.MODULE else (root / p).read_text("utf-8")
sys.stdout.write(classic_script("assets/javascripts/workers/ko-search.js", read))`;
  const worker = python(["-c", script]);
  assert.ok(!/^\s*(import|export)\b/m.test(worker), "a classic script");
  const scope = {};
  scope.self = scope;
  vm.createContext(scope);
  vm.runInContext(worker, scope, { filename: path.join("site", "ko-search.js") });
  scope.koSearch.setup(enriched());
  setup(enriched());
  for (const [typed] of QUERIES) assert.equal(scope.koSearch.normalise(typed), normalise(typed), typed);
  for (const [form] of STEMS) assert.deepEqual([...scope.koSearch.verbStems(form)], verbStems(form), form);
});
