// 내 사건's logic (docs/javascripts/case-file.js): the shopper's dates to every deadline kind, the next
// thing to do, the timeline with today, and the copied text. Holidays from the same Python the build runs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { caseDeadlines, caseText, KINDS, nextStep, timeline } from "../../docs/javascripts/case-file.js";
import { holidayCalendar, parseDay } from "../../docs/javascripts/deadline-math.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.GUIDE_PYTHON || path.join(ROOT, ".venv", "bin", "python");
const CAL = holidayCalendar(
  JSON.parse(
    execFileSync(
      PYTHON,
      ["-m", "guidekit.public_holidays", "--first", "2025", "--last", "2028", path.join(ROOT, "docs")],
      { encoding: "utf8" },
    ),
  ),
);

// The periods as the page writes them from the data file's facts (checked in tests/unit/test_my_case.py).
const PERIODS = {
  supply: 3,
  withdrawal: 7,
  instalment: 7,
  "mismatch-months": 3,
  "mismatch-known": 30,
  refund: 3,
  "mediation-answer": 15,
};

// [what, dates, kind, deadline, moved from] — each checked by hand on a calendar.
const TABLE = [
  [
    "withdrawal: received Fri 12-18, 12-25 is 기독탄신일",
    { received: "2026-12-18" },
    "withdrawal",
    "2026-12-28",
    "2026-12-25",
  ],
  ["instalment: same 7일 from the goods", { received: "2026-12-18" }, "instalment", "2026-12-28", "2026-12-25"],
  [
    "withdrawal: received Sun 09-20, ends Sun 09-27",
    { received: "2026-09-20" },
    "withdrawal",
    "2026-09-28",
    "2026-09-27",
  ],
  [
    "mismatch-months: 3개월 from 09-26 ends Sat 12-26",
    { received: "2026-09-26" },
    "mismatch-months",
    "2026-12-28",
    "2026-12-26",
  ],
  [
    "mismatch-known defaults to the day received",
    { received: "2026-11-25" },
    "mismatch-known",
    "2026-12-28",
    "2026-12-25",
  ],
  [
    "mismatch-known from the day it was known",
    { received: "2026-11-01", known: "2026-11-26" },
    "mismatch-known",
    "2026-12-28",
    "2026-12-26",
  ],
  [
    "supply: 3영업일 from a Wednesday over 기독탄신일 and a weekend",
    { paid: "2026-12-23" },
    "supply",
    "2026-12-29",
    null,
  ],
  ["supply: 3영업일 over 추석 2026", { paid: "2026-09-23" }, "supply", "2026-09-30", null],
  ["refund: 3영업일 from a Friday", { returned: "2026-12-18" }, "refund", "2026-12-23", null],
  ["refund: 3영업일 over 설날 2027 and its 대체공휴일", { returned: "2027-02-05" }, "refund", "2027-02-12", null],
  [
    "mediation-answer: 15일 ends on 기독탄신일",
    { mediation: "2026-12-10" },
    "mediation-answer",
    "2026-12-28",
    "2026-12-25",
  ],
  ["mediation-answer: 15일 on plain weekdays", { mediation: "2026-11-16" }, "mediation-answer", "2026-12-01", null],
];

for (const [what, dates, kind, deadline, movedFrom] of TABLE) {
  test(`${what} -> ${deadline}`, () => {
    const got = caseDeadlines(CAL, PERIODS, dates)[kind];
    assert.equal(got.date, deadline);
    assert.equal(got.moved, movedFrom !== null);
    if (movedFrom) assert.equal(got.lastDay, movedFrom);
  });
}

test("every kind has a row in the table, and none is computed without its date", () => {
  assert.deepEqual(new Set(TABLE.map((row) => row[2])), new Set(KINDS));
  const none = caseDeadlines(CAL, PERIODS, {});
  for (const kind of KINDS) assert.equal(none[kind], null, kind);
  assert.equal(none.first, null);
});

test("of the two mismatch limits, the one that ends first", () => {
  // Known the day it came: 30일 ends long before 3개월.
  assert.equal(caseDeadlines(CAL, PERIODS, { received: "2026-10-01" }).first, "mismatch-known");
  // Known two and a half months later: 3개월 ends first.
  assert.equal(caseDeadlines(CAL, PERIODS, { received: "2026-10-01", known: "2026-12-15" }).first, "mismatch-months");
});

test("a date outside the years the holidays cover is 확인 필요, never a wrong date", () => {
  const got = caseDeadlines(CAL, PERIODS, { received: "2028-12-25" }).withdrawal;
  assert.equal(got.certain, false);
  assert.equal(got.date, null);
  assert.equal(got.atLeast, "2029-01-01");
});

test("a stored value that is not a day counts as no date", () => {
  assert.equal(caseDeadlines(CAL, PERIODS, { received: "12월 18일" }).withdrawal, null);
  assert.equal(caseDeadlines(CAL, PERIODS, { received: "2026-02-30" }).withdrawal, null);
});

const day = (iso) => parseDay(iso);
function next(dates, sent, today) {
  return nextStep(caseDeadlines(CAL, PERIODS, dates), dates, new Set(sent), day(today));
}

test("next step: nothing entered yet", () => {
  assert.equal(next({}, [], "2026-12-06").step, "start");
});

test("next step: the written withdrawal notice first while the right is open, 제161조 included", () => {
  // Received 12-18: 12-25 is a holiday, so on 12-26 the right is still open (until 12-28).
  const got = next({ received: "2026-12-18" }, [], "2026-12-26");
  assert.deepEqual(
    [got.step, got.deadline, got.template, got.also],
    ["withdrawal", "withdrawal", "withdrawal_notice", "instalment"],
  );
  assert.equal(next({ received: "2026-12-18" }, [], "2026-12-28").step, "withdrawal");
  // Once the instalment notice is sent, it is no longer offered.
  assert.equal(next({ received: "2026-12-18" }, ["instalment_defense"], "2026-12-26").also, null);
});

test("next step: after 7일, the mismatch limit; after both, expired", () => {
  const mismatch = next({ received: "2026-12-01" }, [], "2026-12-20");
  assert.deepEqual(
    [mismatch.step, mismatch.deadline, mismatch.template],
    ["mismatch", "mismatch-known", "withdrawal_notice"],
  );
  assert.equal(next({ received: "2026-10-01" }, [], "2026-12-20").step, "expired");
});

test("next step: notice sent, then the goods back, then the refund clock", () => {
  const back = next({ received: "2026-12-18" }, ["withdrawal_notice"], "2026-12-20");
  assert.deepEqual([back.step, back.template], ["send-back", "seller_silence_reminder"]);
  const wait = next({ received: "2026-12-18", returned: "2026-12-23" }, ["withdrawal_notice"], "2026-12-24");
  assert.deepEqual([wait.step, wait.deadline], ["refund-wait", "refund"]);
  const late = next({ received: "2026-12-18", returned: "2026-12-23" }, ["withdrawal_notice"], "2026-12-30");
  assert.deepEqual([late.step, late.template], ["refund-late", "kakao_mediation"]);
  assert.equal(
    next({ received: "2026-12-18", returned: "2026-12-23" }, ["withdrawal_notice", "kakao_mediation"], "2026-12-30")
      .step,
    "file-1372",
  );
});

test("next step: paid but nothing came", () => {
  assert.equal(next({ paid: "2026-12-23" }, [], "2026-12-29").step, "supply-wait");
  const late = next({ paid: "2026-12-23" }, [], "2026-12-30");
  assert.deepEqual([late.step, late.template], ["supply-late", "ask_ship_date"]);
  assert.equal(next({ paid: "2026-12-23" }, ["ask_ship_date"], "2026-12-30").template, "kakao_mediation");
});

test("next step: a mediation proposal to answer comes before everything else", () => {
  const got = next({ received: "2026-12-18", mediation: "2026-12-10" }, [], "2026-12-20");
  assert.deepEqual([got.step, got.deadline], ["mediation-answer", "mediation-answer"]);
});

test("timeline: deadlines by date with today among them", () => {
  const deadlines = caseDeadlines(CAL, PERIODS, { paid: "2026-12-14", received: "2026-12-18" });
  const order = timeline(deadlines, day("2026-12-20")).map((r) => `${r.kind} ${r.day}`);
  assert.deepEqual(order, [
    "supply 2026-12-17",
    "today 2026-12-20",
    "withdrawal 2026-12-28",
    "instalment 2026-12-28",
    "mismatch-known 2027-01-18",
    "mismatch-months 2027-03-18",
  ]);
  // Today before a deadline that falls today.
  assert.deepEqual(
    timeline(deadlines, day("2026-12-28"))
      .slice(0, 3)
      .map((r) => r.kind),
    ["supply", "today", "withdrawal"],
  );
});

test("case text: sections with their lines, empty ones left out", () => {
  const text = caseText("사건 요약", [
    {
      title: "주문",
      lines: [
        ["주문 번호", "2026120612345"],
        ["상품 이름", ""],
      ],
    },
    { title: "보낸 기록", lines: [] },
    { title: "기한", lines: [["반품", "2026년 12월 28일 (월)"]] },
  ]);
  assert.equal(text, "사건 요약\n\n[주문]\n- 주문 번호: 2026120612345\n\n[기한]\n- 반품: 2026년 12월 28일 (월)");
});
