// The first answer's ranking (overrides/assets/javascripts/workers/ko-rank.js) in node, over a small index that
// the build's own Python makes (guidekit/search_ko.py enrich_index, with the `intents` build.py gives it):
// how a query is read (question words, negations, light words, glued words), how sections are scored, and
// what the list becomes (the value asked for in the snippet, the ways on under weak results). The whole
// site's dev queries land where they must in tests/test_search_landing.py, over the built site.
import assert from "node:assert/strict";
import { test } from "node:test";

import { FIELDS, fallback, learnt, setup } from "../../overrides/assets/javascripts/workers/ko-analysis.js";
import {
  answerBlock,
  arrange,
  markValue,
  matchOf,
  prepare,
  questionTable,
  readQuery,
  score,
  weakness,
} from "../../overrides/assets/javascripts/workers/ko-rank.js";
import { python } from "./guide-constants.mjs";

const QUESTIONS = [
  { asks: ["어디", "어딨", "가는 길"], values: ["MY쇼핑 › 주문배송"] },
  { asks: ["언제", "몇 시", "몇시", "시간"], values: ["평일 09:00–18:00"] },
  { asks: ["언제", "며칠", "기한", "며칠까지"], values: ["7일"] },
];

const DOCS = [
  { location: "payment/", title: "결제 오류", text: "" },
  {
    location: "payment/#double-charge",
    title: "돈이 두 번 빠져나갔어요",
    text: "<p>승인 번호 두 건을 챙겨 상담톡에서 한 건을 취소해 달라고 해요.</p><ul><li>주문 번호를 복사해요.</li></ul>",
  },
  {
    location: "payment/#paid-no-order",
    title: "결제는 됐는데 주문이 안 보여요",
    text: "<p>다시 결제하지 말고 주문 화면부터 확인해요.</p>",
  },
  { location: "dispute/", title: "분쟁 해결", text: "" },
  {
    location: "dispute/#seller-silent",
    title: "판매자가 답을 안 해요",
    text: "<p>판매자에게 다시 글로 알리고, 답이 없으면 카카오에 중재를 요청해요.</p>",
  },
  {
    location: "dispute/#seller",
    title: "판매자가 반품을 거부해요",
    text: "<p>판매자 정보에서 판매자 연락처를 찾아 다시 요청해요.</p>",
  },
  { location: "chat/", title: "챗봇과 상담원", text: "" },
  {
    location: "chat/#agent",
    title: "사람 상담원과 이야기하고 싶어요",
    text:
      "<p>상담하기로 들어가 상담원 연결이라고 입력해요. 상담원에게 주문 번호를 알려요. 대화는 캡처해 둬요. " +
      "기다리는 동안 창을 닫지 말아요. 상담원이 약속한 날짜는 적어 둬요.</p>" +
      "<p>원본 글에 따르면 상담원은 평일 09:00–18:00에 답해요 &amp; 주말은 쉬어요.</p>",
  },
  { location: "faq/", title: "자주 묻는 질문", text: "", boost: 2 },
  {
    location: "faq/#faq-agent-hours",
    title: "상담원은 언제 답해요?",
    text: "<p>상담원은 평일 09:00–18:00에 답해요.</p>",
    boost: 2,
  },
  {
    location: "faq/#faq-double-charge",
    title: "돈이 두 번 결제됐어요",
    text: "<p>승인 번호 두 건을 알려요.</p>",
    boost: 2,
  },
  {
    location: "faq/#faq-seller-silent",
    title: "판매자가 답을 안 해요",
    text: "<p>다시 알려요.</p>",
    boost: 2,
  },
  {
    location: "faq/#faq-order-number",
    title: "주문 번호는 어디서 찾아요?",
    text: "<p>MY쇼핑 › 주문배송에서 주문을 열면 주문 번호가 있어요.</p>",
    boost: 2,
  },
  { location: "summary/", title: "핵심 요약", text: "<p>승인 번호 두 건 상담원 평일 09:00–18:00</p>", boost: 0.5 },
];

function enriched() {
  const script = `import json, sys
from guidekit.search_ko import enrich_index
index = json.load(sys.stdin)
aliases = {
    "faq/#faq-double-charge": ["결제가 두 번 됐어요", "이중결제"],
    "faq/#faq-seller-silent": ["판매자가 연락이 안 돼요", "판매자 잠수"],
    "faq/#faq-agent-hours": ["상담 시간"],
    "faq/#faq-order-number": ["주문번호"],
}
intents = {
    "scenarios": ["payment/#double-charge", "payment/#paid-no-order", "dispute/#seller-silent", "dispute/#seller", "chat/#agent"],
    "collectors": ["summary/"],
    "lend": {"payment/#double-charge": ["faq/#faq-double-charge"], "dispute/#seller-silent": ["faq/#faq-seller-silent"]},
    "questions": ${JSON.stringify(QUESTIONS)},
}
fallback = [{"location": "", "title": "찾는 말과 맞는 곳이 없어요", "text": "<p>짧게</p>"},
            {"location": "payment/", "title": "결제", "text": "<p>돈이 두 번 빠져나갔어요</p>"}]
print(json.dumps(enrich_index(index, aliases, [["중복 결제", "이중결제"], ["거부", "안해줘요"]], fallback=fallback, intents=intents), ensure_ascii=False))`;
  return JSON.parse(python(["-c", script], JSON.stringify({ config: { lang: ["ko"] }, docs: DOCS })));
}

function ranking() {
  const index = enriched();
  setup(index);
  return prepare(index, learnt(), FIELDS);
}

const prepared = ranking();
const read = (query) => readQuery(query, prepared.table, learnt());
const first = (query) => {
  const reading = read(query);
  return [...score(reading, prepared).entries()].sort((a, b) => b[1].score - a[1].score)[0][0];
};

test("the question table: asking words longest first, spaced ones joined, values without spacing", () => {
  const table = questionTable(QUESTIONS);
  assert.deepEqual(
    table.asks.map(([word]) => word),
    [...table.asks.map(([word]) => word)].sort((a, b) => b.length - a.length),
  );
  assert.deepEqual([...new Map(table.asks).get("언제")], [1, 2]);
  assert.ok(table.spaced.includes("몇 시") && table.spaced.includes("가는 길"));
  assert.deepEqual(table.values[0], ["my쇼핑›주문배송"]); // compared without case too
});

test("question words are no words to find: they say what kind of answer is wanted", () => {
  for (const [query, words, kinds] of [
    ["반품 며칠까지", ["반품"], [2]],
    ["반품기한", ["반품"], [2]], // glued at the end
    ["주문 번호 어딨어요", ["주문", "번호"], [0]],
    ["상담원 몇 시까지 해요", ["상담원"], [1]], // spaced 몇 시, 해요 a light word
    ["환불 언제", ["환불"], [1, 2]],
  ]) {
    const reading = read(query);
    assert.deepEqual(
      reading.words.map((w) => w.text),
      words,
      query,
    );
    assert.deepEqual([...reading.kinds].sort(), kinds, query);
    assert.equal(reading.lunr, words.join(" "), query);
  }
  // nothing but a question word: it is what is searched for
  assert.deepEqual(
    read("기한").words.map((w) => w.text),
    ["기한"],
  );
});

test("negations make a query negative and never stand alone as a match", () => {
  for (const [query, words] of [
    ["판매자 연락 안됨", ["판매자", "연락"]],
    ["판매자 연락안됨", ["판매자", "연락"]], // glued after a known word
    ["포인트 안 돌아옴", ["포인트", "돌아옴"]],
    ["포인트 안돌아옴", ["포인트", "돌아옴"]], // glued before a verb
    ["결제는 됐는데 주문 없음", ["결제는", "주문"]],
    ["주문이 없어요", ["주문이"]],
  ]) {
    const reading = read(query);
    assert.equal(reading.neg, true, query);
    assert.deepEqual(
      reading.words.map((w) => w.text),
      words,
      query,
    );
  }
  assert.equal(read("중복 결제").neg, false);
  // a synonym group's word is meant whole: 안해줘요 is 거부, not 안 + 해 주다
  const refused = read("환불 안해줘요");
  assert.deepEqual(
    refused.words.map((w) => w.text),
    ["환불", "안해줘요"],
  );
});

test("letters and digits are words of their own; glued words are read as the words they are made of", () => {
  assert.deepEqual(read("1372 faq").words[0].forms, [["1372"]]);
  const twice = read("두번").words[0];
  assert.ok(
    twice.forms.some((form) => form.join() === "두,번"),
    JSON.stringify(twice.forms),
  );
  const glued = read("주문번호").words[0];
  assert.ok(glued.forms.some((form) => form.includes("주문") && form.includes("번호")));
});

test("a form counts only when most of its pieces are there", () => {
  const word = { forms: [["승인", "번호"]] };
  assert.equal(matchOf(new Set(["승인", "번호"]), word), 1);
  assert.equal(matchOf(new Set(["번호"]), word), 0); // 승인번호 is not found by 번호 alone
  assert.equal(matchOf(new Set(["두", "번"]), { forms: [["두번"], ["두", "번"]] }), 1);
});

test("a problem lands on its scenario, found by the FAQ's other wordings it lends, not on the FAQ entry", () => {
  assert.equal(first("결제가 두번 됐어요"), "payment/#double-charge");
  assert.equal(first("이중결제"), "payment/#double-charge");
  assert.equal(first("판매자 잠수"), "dispute/#seller-silent");
});

test("a negative query fits a negative wording: 연락 안 됨 is the silent seller, not the seller's contact", () => {
  assert.equal(first("판매자 연락 안됨"), "dispute/#seller-silent");
  assert.equal(first("판매자 연락처"), "dispute/#seller");
});

test("a value asked for puts the short answer stating it first, among sections about the same thing", () => {
  assert.equal(first("상담원 몇시까지"), "faq/#faq-agent-hours");
  assert.equal(first("상담원 연결"), "chat/#agent"); // no value asked: the journey
  assert.equal(first("주문 번호 어딨어요"), "faq/#faq-order-number");
  // pages that collect others never come first, even stating the value
  const reading = read("상담원 몇시");
  const scores = score(reading, prepared);
  assert.ok(scores.get("summary/").score < scores.get("faq/#faq-agent-hours").score);
});

test("the snippet shows the value asked for, marked and escaped", () => {
  const block = answerBlock(DOCS.find((d) => d.location === "chat/#agent").text, ["평일09:00–18:00"]);
  assert.equal(
    block,
    "<p>원본 글에 따르면 상담원은 <mark data-md-highlight>평일 09:00–18:00</mark>에 답해요 &amp; 주말은 쉬어요.</p>",
  );
  assert.equal(answerBlock("<p>없음</p>", ["평일09:00–18:00"]), null);
  // values are compared without case: the path's MY쇼핑 is found as the table has it, my쇼핑
  assert.equal(
    answerBlock("<li>MY쇼핑 › 주문배송</li>", ["my쇼핑›주문배송"]),
    "<p><mark data-md-highlight>MY쇼핑 › 주문배송</mark></p>",
  );
  const reading = read("상담원 몇시까지");
  const items = [
    [
      { location: "chat/", title: "챗봇과 상담원", text: "", score: 1, terms: {} },
      {
        location: "chat/#agent",
        title: "사람 <mark>상담원</mark>",
        text: "<p><mark>상담원</mark> 연결</p>",
        score: 2,
        terms: {},
      },
    ],
  ];
  const { items: out } = arrange(items, reading, prepared, fallback());
  const agent = out.flat().find((item) => item.location === "chat/#agent");
  assert.match(agent.text, /^<p>원본 글에 따르면 상담원은 <mark data-md-highlight>평일 09:00–18:00<\/mark>/);
  assert.match(agent.text, /<p><mark>상담원<\/mark> 연결<\/p>$/); // Material's own snippet kept after it
});

test("the list: best section first in its page's group, every group with its page, ways on for weak queries", () => {
  const reading = read("중복 결제");
  const { items, level } = arrange([], reading, prepared, fallback());
  assert.equal(level, "strong");
  assert.equal(items[0][0].location, "payment/#double-charge");
  for (const group of items) {
    const page = group[0].location.split("#")[0];
    assert.ok(
      group.some((item) => item.location === page),
      page,
    );
    assert.ok(group.every((item) => item.location.split("#")[0] === page));
    assert.ok(group.every((item, i) => i === 0 || item.score <= group[0].score));
  }
  // nothing the site knows: the ways on only
  const junk = arrange([], read("아무말대잔치존재안함"), prepared, fallback());
  assert.equal(junk.level, "none");
  assert.ok(junk.items.every((group) => group[0].score === -1));
  // partly known: the few results that share most, then the ways on
  const weak = read("중복 결제 상담원"); // every word known, no section with all three
  const scores = score(weak, prepared);
  assert.equal(weakness(scores, weak, prepared), "weak");
  const list = arrange([], weak, prepared, fallback()).items;
  assert.ok(list[0][0].score > 0);
  assert.equal(list.at(-1)[0].score, -1);
  // only negations: nothing to find
  assert.equal(arrange([], read("안 돼요"), prepared, fallback()).level, "none");
});

test("a snippet that already says the value gets it marked where it stands", () => {
  assert.equal(
    markValue("<p>상담원은 평일 09:00–18:00에 답해요.</p>", ["평일09:00–18:00"]),
    "<p>상담원은 <mark data-md-highlight>평일 09:00–18:00</mark>에 답해요.</p>",
  );
  // already marked, or split by a tag: left as it is
  const marked = "<p><mark data-md-highlight>평일 09:00–18:00</mark></p>";
  assert.equal(markValue(marked, ["평일09:00–18:00"]), marked);
  const split = "<p>평일 <b>09:00–18:00</b></p>";
  assert.equal(markValue(split, ["평일09:00–18:00"]), split);
  // Material's marks on words inside it give way to one mark around the whole value
  assert.equal(
    markValue("<p>MY쇼핑›<mark>주문</mark>배송 열기</p>", ["my쇼핑›주문배송"]),
    "<p><mark data-md-highlight>MY쇼핑›주문배송</mark> 열기</p>",
  );
});
