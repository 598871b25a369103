// The deadline arithmetic (docs/javascripts/deadline-math.js) against a table checked by hand with a
// calendar, on the holidays the site ships: generated here by the same Python code the build runs
// (guidekit/public_holidays.py, with the data file's extra_holidays), never a copy that could drift.
// Run by `make test-js` (part of `make test-fast` and `make test`): node --test tests/js/*.test.mjs
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import {
  afterBusinessDays,
  afterDays,
  afterMonths,
  calendarFromAttributes,
  daysLeft,
  earlier,
  holidayCalendar,
  isoDay,
  longDate,
  monthDay,
  monthsEnd,
  parseDay,
  restDay,
} from "../../docs/javascripts/deadline-math.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.GUIDE_PYTHON || path.join(ROOT, ".venv", "bin", "python");

function shipped(first, last) {
  const args = [
    "-m",
    "guidekit.public_holidays",
    "--first",
    String(first),
    "--last",
    String(last),
    path.join(ROOT, "docs"),
  ];
  try {
    return JSON.parse(execFileSync(PYTHON, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
  } catch (error) {
    throw new Error(
      `the holidays come from the project's Python (${PYTHON} ${args.join(" ")}); run \`make install-dev\` or set GUIDE_PYTHON.\n${error.stderr || error}`,
    );
  }
}

// The years the table needs; the build ships its own year -1 … +2 from the same function.
const SHIPPED = shipped(2025, 2028);
const CAL = holidayCalendar(SHIPPED);

const RUN = { days: afterDays, months: afterMonths, "business-days": afterBusinessDays };

// [what, kind, start, n, last day by the calendar, deadline (null: 확인 필요), why it moved, at least]
// Checked by hand: the weekday of each day, the holidays from the package's list (2026-12-25 기독탄신일;
// 추석 2026-09-24..26; 설날 2027-02-06..08 with 대체공휴일 02-09; 2027-12-27 대체 for 기독탄신일 on a Saturday;
// 2025-10-08 대체 for 추석, 2025-10-09 한글날; 2026-03-01 삼일절 on a Sunday, 대체 03-02; 2026-07-17 제헌절;
// 2028-10-02..04 추석 with 개천절 10-03 and 대체 10-05; 2028-01-01 신정 on a Saturday).
const TABLE = [
  // 7일 (제157조: received D, ends D+7)
  [
    "issue: received Fri 12-18, 7일 ends on 기독탄신일 (Fri), then Sat and Sun",
    "days",
    "2026-12-18",
    7,
    "2026-12-25",
    "2026-12-28",
    "holiday",
  ],
  ["issue: received Sun 09-20, 7일 ends on a Sunday", "days", "2026-09-20", 7, "2026-09-27", "2026-09-28", "sunday"],
  ["7일 ends on a Saturday", "days", "2026-12-19", 7, "2026-12-26", "2026-12-28", "saturday"],
  [
    "7일 ends on 추석 전날: the whole 추석 span and the weekend after",
    "days",
    "2026-09-17",
    7,
    "2026-09-24",
    "2026-09-28",
    "holiday",
  ],
  [
    "7일 ends in 설날 2027: 설날 다음날, then its 대체공휴일",
    "days",
    "2027-02-01",
    7,
    "2027-02-08",
    "2027-02-10",
    "holiday",
  ],
  [
    "7일 ends on a 대체공휴일 (기독탄신일 on a Saturday)",
    "days",
    "2027-12-20",
    7,
    "2027-12-27",
    "2027-12-28",
    "holiday",
  ],
  ["7일 ends on 추석's 대체공휴일, then 한글날", "days", "2025-10-01", 7, "2025-10-08", "2025-10-10", "holiday"],
  ["7일 over the year end onto 신정 on a Saturday", "days", "2027-12-25", 7, "2028-01-01", "2028-01-03", "saturday"],
  ["7일 over the year end, a plain Monday", "days", "2026-12-28", 7, "2027-01-04", "2027-01-04", null],
  ["7일 on plain weekdays", "days", "2026-11-26", 7, "2026-12-03", "2026-12-03", null],
  // 15일, 30일
  ["15일 ends on 추석 다음날, a Saturday", "days", "2026-09-11", 15, "2026-09-26", "2026-09-28", "saturday"],
  ["15일 ends on 기독탄신일", "days", "2026-12-10", 15, "2026-12-25", "2026-12-28", "holiday"],
  ["30일 ends on 기독탄신일", "days", "2026-11-25", 30, "2026-12-25", "2026-12-28", "holiday"],
  ["30일 ends on a Saturday", "days", "2026-11-26", 30, "2026-12-26", "2026-12-28", "saturday"],
  // 개월 (제160조: the day before the 기산일's date in the last month, or that month's last day)
  [
    "1월 31일 + 1개월: 2월 28일, a Saturday, then 삼일절 (Sun) and its 대체공휴일",
    "months",
    "2026-01-31",
    1,
    "2026-02-28",
    "2026-03-03",
    "saturday",
  ],
  ["1월 31일 + 3개월: 4월 30일", "months", "2026-01-31", 3, "2026-04-30", "2026-04-30", null],
  [
    "1월 30일 + 1개월: 기산일 1월 31일, February has no 31st, so its last day",
    "months",
    "2026-01-30",
    1,
    "2026-02-28",
    "2026-03-03",
    "saturday",
  ],
  [
    "1월 31일 + 1개월 in 2027: 2월 28일 is a Sunday, 3월 1일 삼일절",
    "months",
    "2027-01-31",
    1,
    "2027-02-28",
    "2027-03-02",
    "sunday",
  ],
  ["1월 31일 + 3개월 in 2027", "months", "2027-01-31", 3, "2027-04-30", "2027-04-30", null],
  ["leap year: 1월 31일 + 1개월 ends 2월 29일", "months", "2028-01-31", 1, "2028-02-29", "2028-02-29", null],
  [
    "leap year: 기산일 11월 30일 + 3개월, February 2028 has no 30th",
    "months",
    "2027-11-29",
    3,
    "2028-02-29",
    "2028-02-29",
    null,
  ],
  [
    "received 2월 29일: 기산일 3월 1일, so 1개월 is all of March (not 3월 29일)",
    "months",
    "2028-02-29",
    1,
    "2028-03-31",
    "2028-03-31",
    null,
  ],
  ["received 2월 29일 + 3개월: 5월 31일 (not 5월 29일)", "months", "2028-02-29", 3, "2028-05-31", "2028-05-31", null],
  [
    "received 2월 28일 (2026) + 1개월: 3월 31일 (not 3월 28일)",
    "months",
    "2026-02-28",
    1,
    "2026-03-31",
    "2026-03-31",
    null,
  ],
  ["3개월 ends on 제헌절", "months", "2026-04-17", 3, "2026-07-17", "2026-07-20", "holiday"],
  ["3개월 ends on a Saturday", "months", "2026-09-26", 3, "2026-12-26", "2026-12-28", "saturday"],
  [
    "3개월 ends on 추석 전날 2028, with 개천절 and a 대체공휴일 after",
    "months",
    "2028-07-02",
    3,
    "2028-10-02",
    "2028-10-06",
    "holiday",
  ],
  // 3영업일 (the n-th day after D that is no Saturday, Sunday or holiday; never moved by 제161조)
  ["3영업일 over a weekend", "business-days", "2026-12-17", 3, "2026-12-22", "2026-12-22", null],
  ["3영업일 from a Friday", "business-days", "2026-12-18", 3, "2026-12-23", "2026-12-23", null],
  ["3영업일 over 기독탄신일 and a weekend", "business-days", "2026-12-23", 3, "2026-12-29", "2026-12-29", null],
  [
    "3영업일 counted from the day before a holiday never ends on one",
    "business-days",
    "2026-12-24",
    3,
    "2026-12-30",
    "2026-12-30",
    null,
  ],
  ["3영업일 over 추석 and a weekend", "business-days", "2026-09-23", 3, "2026-09-30", "2026-09-30", null],
  ["3영업일 over 설날 2027 with its 대체공휴일", "business-days", "2027-02-05", 3, "2027-02-12", "2027-02-12", null],
  // Outside the years the holidays cover (2025–2028 here): 확인 필요, with the earliest it can be
  ["7일 ends on a weekday of 2029", "days", "2028-12-25", 7, "2029-01-01", null, null, "2029-01-01"],
  [
    "7일 ends on a Sunday; the Monday after is in 2029",
    "days",
    "2028-12-24",
    7,
    "2028-12-31",
    null,
    "sunday",
    "2029-01-01",
  ],
  ["3영업일 running into 2029", "business-days", "2028-12-28", 3, "2029-01-02", null, null, "2029-01-02"],
  ["3개월 ending in 2029", "months", "2028-11-15", 3, "2029-02-15", null, null, "2029-02-15"],
  ["received in 2024, the last day 2024-05-08", "days", "2024-05-01", 7, "2024-05-08", null, null, "2024-05-08"],
  [
    "received in 2024, but the last day is a Monday of 2025: certain",
    "days",
    "2024-12-30",
    7,
    "2025-01-06",
    "2025-01-06",
    null,
  ],
];

test("the table uses the holidays the build makes", () => {
  assert.deepEqual([SHIPPED.first, SHIPPED.last], [2025, 2028]);
  for (const day of ["2026-12-25", "2026-09-24", "2026-09-25", "2026-09-26", "2027-02-09", "2027-12-27"]) {
    assert.ok(CAL.dates.has(day), day);
  }
});

for (const [what, kind, start, n, lastDay, deadline, why, atLeast] of TABLE) {
  test(`${what}: ${start} + ${n} ${kind} -> ${deadline || "확인 필요"}`, () => {
    const got = RUN[kind](CAL, start, n);
    assert.equal(got.kind, kind);
    assert.equal(got.lastDay, lastDay, "last day by the calendar");
    assert.equal(got.date, deadline, "deadline");
    assert.equal(got.certain, deadline !== null);
    assert.equal(got.atLeast, deadline || atLeast, "at least");
    assert.equal(got.moved, got.atLeast !== lastDay);
    assert.equal(got.why, why, "why it moved");
    assert.equal(got.unknownYear, deadline === null ? parseDay(atLeast).getUTCFullYear() : null, "year not known");
  });
}

test("every kind of period lands on a Saturday or holiday somewhere in the table, and is moved", () => {
  const moved = new Set(TABLE.filter((row) => row[6] === "saturday" && row[5]).map((row) => `${row[1]} ${row[3]}`));
  const byHoliday = new Set(TABLE.filter((row) => row[6] === "holiday").map((row) => `${row[1]} ${row[3]}`));
  for (const kind of ["days 7", "days 15", "days 30", "months 3"]) {
    assert.ok(moved.has(kind), `${kind} on a Saturday`);
    assert.ok(byHoliday.has(kind), `${kind} on a holiday`);
  }
});

// ── Against the definitions, for every day of the covered years ──

function* days(from, to) {
  for (let d = parseDay(from); isoDay(d) <= to; d = new Date(d.getTime() + 86400000)) yield d;
}
const off = (d) => restDay(CAL, d) !== "";

test("제161조: a deadline is never a Saturday, Sunday or holiday, and every day it skipped was one", () => {
  for (const start of days("2025-01-01", "2028-09-20")) {
    // + 3개월 from 09-30 reaches 2029
    for (const [kind, n] of [
      ["days", 7],
      ["days", 15],
      ["days", 30],
      ["months", 3],
      ["months", 1],
    ]) {
      const got = RUN[kind](CAL, start, n);
      assert.ok(got.certain, `${isoDay(start)} ${kind} ${n}`);
      assert.ok(!off(got.date), `${isoDay(start)} ${kind} ${n}: ${got.date}`);
      for (const d of days(got.lastDay, got.date)) {
        if (isoDay(d) < got.date) assert.ok(off(d), `${isoDay(d)} skipped but a working day`);
      }
    }
  }
});

test("제160조: months end the day before the 기산일's date n months on, or that month's last day", () => {
  for (const start of days("2025-01-01", "2028-12-31")) {
    for (const n of [1, 2, 3, 6, 12]) {
      const first = new Date(start.getTime() + 86400000); // 기산일
      const y = first.getUTCFullYear(),
        m = first.getUTCMonth() + n,
        d = first.getUTCDate();
      const target = new Date(Date.UTC(y, m, d));
      const expected =
        target.getUTCDate() === d
          ? new Date(target.getTime() - 86400000) // the corresponding date exists: the day before it
          : new Date(Date.UTC(y, m + 1, 0)); // it does not (Date.UTC rolled over): the month's last day
      assert.equal(isoDay(monthsEnd(start, n)), isoDay(expected), `${isoDay(start)} + ${n}개월`);
    }
  }
});

test("N영업일: exactly N working days after the start, the last of them the answer", () => {
  for (const start of days("2025-01-01", "2028-12-20")) {
    for (const n of [1, 3, 5]) {
      const got = afterBusinessDays(CAL, start, n);
      const working = [...days(isoDay(new Date(start.getTime() + 86400000)), got.date)].filter((d) => !off(d));
      assert.equal(working.length, n, `${isoDay(start)} + ${n}영업일`);
      assert.equal(isoDay(working.at(-1)), got.date);
    }
  }
});

// ── Which comes first ──

test("earlier: the first of two deadlines, the first one on a tie, null when it is not certain", () => {
  const months = afterMonths(CAL, "2026-12-18", 3); // 2027-03-18 (Thu)
  const known = afterDays(CAL, "2027-03-10", 30); // 2027-04-09 (Fri)
  assert.equal(months.date, "2027-03-18");
  assert.equal(known.date, "2027-04-09");
  assert.equal(earlier(months, known), months);
  assert.equal(earlier(known, months), months);
  assert.equal(earlier(months, months), months);
  const unsure = afterDays(CAL, "2028-12-25", 7); // at least 2029-01-01
  assert.equal(earlier(months, unsure), months);
  assert.equal(earlier(unsure, months), months);
  const late = afterDays(CAL, "2028-12-27", 7); // Wed 2029-01-03: not known
  const weekend = afterDays(CAL, "2028-12-27", 3); // Sat 12-30, Sun 12-31, then Mon 2029-01-01: not known
  assert.deepEqual([late.certain, weekend.certain, weekend.atLeast], [false, false, "2029-01-01"]);
  assert.equal(earlier(late, weekend), null);
  const certainLate = afterDays(CAL, "2028-12-22", 5); // Wed 2028-12-27
  assert.equal(certainLate.date, "2028-12-27");
  assert.equal(earlier(certainLate, unsure), certainLate);
  assert.equal(earlier(unsure, certainLate), certainLate);
});

// ── Days and the page's attributes ──

test("parseDay takes real calendar days only", () => {
  assert.equal(isoDay(parseDay("2028-02-29")), "2028-02-29");
  for (const bad of ["2027-02-29", "2026-13-01", "2026-2-3", "", null, "2026-12-18T00:00"]) {
    assert.equal(parseDay(bad), null, String(bad));
  }
});

test("dates read the Korean way", () => {
  assert.equal(longDate("2026-12-28"), "2026년 12월 28일 (월)");
  assert.equal(monthDay("2026-12-25"), "12월 25일");
});

test("the page's attributes give the calendar; without them every weekday is 확인 필요", () => {
  const cal = calendarFromAttributes("2025-2028", SHIPPED.dates.join(" "));
  assert.deepEqual([cal.first, cal.last, cal.dates.size], [2025, 2028, SHIPPED.dates.length]);
  assert.equal(afterDays(cal, "2026-12-18", 7).date, "2026-12-28");
  const none = calendarFromAttributes(null, null);
  const got = afterDays(none, "2026-12-19", 7); // Saturday 12-26: moved at least to Monday, whose status is unknown
  assert.deepEqual(
    [got.certain, got.date, got.atLeast, got.moved, got.why],
    [false, null, "2026-12-28", true, "saturday"],
  );
  assert.throws(() => holidayCalendar({ first: 2028, last: 2025, dates: [] }), RangeError);
});

test("days left count from today to the moved deadline, never past when 제161조 extends it", () => {
  const got = afterDays(CAL, "2026-12-18", 7);
  assert.equal(daysLeft(got, "2026-12-26"), 2); // a Saturday after 12-25: not passed
  assert.equal(daysLeft(got, "2026-12-28"), 0);
  assert.equal(daysLeft(got, "2026-12-29"), -1);
  assert.equal(daysLeft(afterDays(CAL, "2028-12-25", 7), "2026-12-01"), null);
});
