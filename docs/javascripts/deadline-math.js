/* Deadlines counted the way 민법 counts a period, on plain calendar days in UTC (no time zone or summer
   time can shift a day). No page in here: the return-deadline helper (deadline-helper.js) and node's tests
   (tests/js/) use the same functions.

   - 제157조: the first day is not counted. Received on D, "7일" ends on D+7.
   - 제160조: months count by the calendar. The period ends the day before the date in the last month that
     corresponds to the first counted day (기산일 = D+1); when that month has no such date, on its last day.
     So D = 1월 31일 (기산일 2월 1일) + 1개월 ends 2월 28일, and D = 2월 28일 (기산일 3월 1일) + 1개월 ends
     3월 31일, not 3월 28일: "the same date a month later" is wrong when D is a month's last day.
   - 제161조: a last day on a Saturday or a public holiday (Sunday is one) moves to the next day that is
     neither.
   - 영업일: days that are not a Saturday, Sunday or public holiday; "N영업일" after D is the N-th of them
     after D.

   Every answer says whether it is certain. The holidays are known only for the years the build gave
   (calendar.first … calendar.last); when the answer depends on whether a day outside them is a holiday
   (a weekday: a Saturday or Sunday is known anywhere), the date is left out (`date: null`) and `atLeast`
   says the earliest it can be, since an unknown holiday can only move a deadline later. */

import { addDays, asDay, isoDay, parseDay } from "./days.js";

// The days themselves (parsing, ISO, Korean forms) are days.js, which pages that only show dates load alone.
export { addDays, isoDay, longDate, monthDay, parseDay, weekday } from "./days.js";

/* ── Holidays ── */

/** The public holidays the build knows: `dates` (ISO days) for the years `first` … `last`. */
export function holidayCalendar({ first, last, dates }) {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first > last) {
    throw new RangeError(`holiday years ${first}…${last}`);
  }
  return Object.freeze({ first, last, dates: new Set(dates || []) });
}

// No years at all: what a page without the build's holidays gets.
const NO_HOLIDAYS = Object.freeze({ first: Infinity, last: -Infinity, dates: new Set() });

/** The holidays a page carries: `data-holidays` (ISO days, space-separated) and `data-holiday-years`
    ("2025-2028"). A page without them knows no holidays: every weekday is then "확인 필요". */
export function calendarFromAttributes(years, dates) {
  const m = /^(\d{4})-(\d{4})$/.exec(years || "");
  if (!m || +m[1] > +m[2]) return NO_HOLIDAYS;
  return holidayCalendar({ first: +m[1], last: +m[2], dates: (dates || "").split(/\s+/).filter(Boolean) });
}

/** Why `day` is not a working day: "saturday", "sunday" or "holiday"; "" when it is one; null when that
    depends on the holidays of a year the calendar does not cover. */
export function restDay(calendar, day) {
  const d = asDay(day);
  const wd = d.getUTCDay();
  if (wd === 6) return "saturday";
  if (wd === 0) return "sunday";
  const year = d.getUTCFullYear();
  if (year < calendar.first || year > calendar.last) return null;
  return calendar.dates.has(isoDay(d)) ? "holiday" : "";
}

/* ── Periods ── */

/* The answer for a period whose last day by the calendar is `last` (제157조, 제160조): moved on by
   제161조 while it is a Saturday, Sunday or holiday. */
function settle(calendar, kind, last) {
  let day = last;
  let why = null;
  let unknownYear = null;
  for (;;) {
    const rest = restDay(calendar, day);
    if (rest === null) {
      unknownYear = day.getUTCFullYear();
      break; // a working day for `atLeast`: if it is a holiday after all, the deadline is only later
    }
    if (!rest) break;
    why = why || rest;
    day = addDays(day, 1);
  }
  return answer(kind, last, day, why, unknownYear);
}

function answer(kind, last, day, why, unknownYear) {
  const certain = unknownYear === null;
  const moved = day.getTime() !== last.getTime();
  return Object.freeze({
    kind,
    date: certain ? isoDay(day) : null, // the last day to act on; null when it is not certain
    certain,
    lastDay: isoDay(last), // the last day by the calendar, before 제161조
    moved, // 제161조 moved it (to `date`, or at least to `atLeast`)
    why: moved ? why : null, // what `lastDay` is: "saturday", "sunday" or "holiday"
    atLeast: isoDay(day), // the earliest the deadline can be (== date when certain)
    unknownYear, // the first year whose holidays the answer needed and lacks
  });
}

/** Received (or started) on `start`, a period of `n` days (제157조, 제161조). */
export function afterDays(calendar, start, n) {
  return settle(calendar, "days", addDays(asDay(start), n));
}

/** Received on `start`, a period of `n` months (제157조, 제160조, 제161조). */
export function afterMonths(calendar, start, n) {
  return settle(calendar, "months", monthsEnd(asDay(start), n));
}

/** The last day by the calendar of `n` months counted from the day after `start` (제160조). */
export function monthsEnd(start, n) {
  const first = addDays(asDay(start), 1); // 기산일
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + n;
  const d = first.getUTCDate();
  const monthLength = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return d <= monthLength ? addDays(new Date(Date.UTC(y, m, d)), -1) : new Date(Date.UTC(y, m, monthLength));
}

/** The `n`-th 영업일 after `start`. Such a day is never a Saturday or holiday, so 제161조 never moves it. */
export function afterBusinessDays(calendar, start, n) {
  let day = asDay(start);
  let unknownYear = null;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    const rest = restDay(calendar, day);
    if (rest === null && unknownYear === null) unknownYear = day.getUTCFullYear();
    if (!rest) counted += 1; // an unknown weekday counts: that gives the earliest the answer can be
  }
  return answer("business-days", day, day, null, unknownYear);
}

/** Of two deadlines that both apply, the one that comes first (the first when they are the same day), or
    null when that is not certain. */
export function earlier(a, b) {
  if (a.certain && b.certain) return a.date <= b.date ? a : b;
  if (a.certain && a.date <= b.atLeast) return a;
  if (b.certain && b.date < a.atLeast) return b;
  return null;
}

/** Whole days from `today` to the answer's date: negative once it has passed, null when not certain. */
export function daysLeft(result, today) {
  if (!result.certain) return null;
  return Math.round((parseDay(result.date) - asDay(today)) / 86400000);
}

/** The deadline `n` units after `start`, by the unit's name ("days", "months", "business"), as the shared
    constants give each deadline kind its unit (hooks/guidekit/shared_constants.py DEADLINE_UNITS). */
export function afterUnits(calendar, unit, start, n) {
  const count = { days: afterDays, months: afterMonths, business: afterBusinessDays }[unit];
  if (!count) throw new Error(`no such unit: ${unit}`);
  return count(calendar, start, n);
}
