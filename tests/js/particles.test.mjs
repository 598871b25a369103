// Filling a message's [blank] (docs/javascripts/message-fill.js) and the particle after it (particles.js) against the
// build's own rules (hooks/guidekit/particles.py form_after), asked of the project's Python for the same
// table of words, never a copy of its answers that could drift.
import assert from "node:assert/strict";
import { test } from "node:test";

import { blankText } from "../../docs/javascripts/message-fill.js";
import { both, ending, formAfter, isParticle, particleAfter } from "../../docs/javascripts/particles.js";
import { python } from "./guide-constants.mjs";

// Hangul with and without a final (ㄹ apart for 으로), digits as read (1 일, 2 이, 10 십, 100 백, 1000 천,
// 10000 만, 7 칠), %, Latin letters by their names (L 엘, M 엠, R 알, Q 큐), a gloss in parentheses, quotes
// and dots at the end, digits of other scripts, an emoji and an empty value (no reading: both forms).
const WORDS = [
  "양말",
  "신발",
  "사과",
  "서울",
  "길",
  "책",
  "카카오페이",
  "주문 번호",
  "2026년 12월 18일 (금)",
  "1372",
  "1",
  "2",
  "3",
  "6",
  "7",
  "8",
  "10",
  "20",
  "100",
  "1000",
  "10000",
  "100000",
  "12,000",
  "5%",
  "FAQ",
  "URL",
  "MY",
  "PC",
  "KakaoPay",
  "Q",
  "자주 묻는 질문(FAQ)",
  "(괄호만)",
  "상품 '양말'",
  "주문…",
  "감사!",
  "🙂",
  "",
  "   ",
  "a(b)(c)",
  "x)",
];
const PARTICLES = ["을", "를", "이", "가", "은", "는", "과", "와", "으로", "로", "이라고", "예요", "으로는", "이나"];

test("the particle after a value is the one particles.py picks, for every word and particle", () => {
  const script = `import json, sys
from guidekit.particles import form_after
words, particles = json.load(sys.stdin)
print(json.dumps([[form_after(w, p) for p in particles] for w in words], ensure_ascii=False))`;
  const expected = JSON.parse(python(["-c", script], JSON.stringify([WORDS, PARTICLES])));
  const got = WORDS.map((w) => PARTICLES.map((p) => formAfter(w, p)));
  WORDS.forEach((word, i) => {
    assert.deepEqual(got[i], expected[i], `after ${JSON.stringify(word)}`);
  });
});

test("the readings that matter, by hand", () => {
  assert.equal(formAfter("양말", "를"), "을");
  assert.equal(formAfter("사과", "을"), "를");
  assert.equal(formAfter("서울", "으로"), "로"); // ㄹ takes 로
  assert.equal(formAfter("책", "로"), "으로");
  assert.equal(formAfter("1372", "이"), "가"); // 천삼백칠십이: ends in a vowel
  assert.equal(formAfter("1377", "가"), "이"); // ...칠
  assert.equal(formAfter("10", "이"), "이"); // 십
  assert.equal(formAfter("2", "이"), "가"); // 이
  assert.equal(formAfter("URL", "으로"), "로"); // 엘
  assert.equal(formAfter("FAQ", "은"), "는"); // 큐
  assert.equal(formAfter("자주 묻는 질문(FAQ)", "를"), "을"); // the gloss is skipped
  assert.equal(formAfter("🙂", "을"), "을(를)");
  assert.equal(formAfter("🙂", "로"), "(으)로");
  assert.deepEqual(ending("양말"), { coda: true, rieul: true });
  assert.equal(ending(""), null);
});

test("both forms, as Korean writes them when the end cannot be read", () => {
  assert.equal(both("를"), "을(를)");
  assert.equal(both("이"), "이(가)");
  assert.equal(both("와"), "과(와)");
  assert.equal(both("로"), "(으)로");
  assert.equal(both("라고"), "(이)라고");
  assert.ok(isParticle("으로") && !isParticle("에서"));
});

test("a blank shows the value, a date in words, or itself while empty", () => {
  assert.equal(blankText("상품 이름", "양말", null), "양말");
  assert.equal(blankText("상품 이름", "", null), "[상품 이름]");
  assert.equal(blankText("받은 날", "2026-12-18", "date"), "2026년 12월 18일 (금)");
  assert.equal(blankText("받은 날", "지난주", "date"), "지난주"); // an older free-text value, shown as typed
  assert.equal(blankText("주문 번호", "2026-12-18", null), "2026-12-18"); // not a date field
});

test("the particle after a blank fits what the blank shows, both forms while it is empty", () => {
  assert.equal(particleAfter("양말", "양말", "를"), "을");
  assert.equal(particleAfter("", "[상품 이름]", "를"), "을(를)");
  // a date is read as written out: ...18일 (금) -> the gloss is skipped, 일 has ㄹ
  assert.equal(particleAfter("2026-12-18", "2026년 12월 18일 (금)", "로"), "로");
  assert.equal(particleAfter("2026-12-18", "2026년 12월 18일 (금)", "가"), "이");
});
