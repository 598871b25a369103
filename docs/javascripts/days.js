/* Calendar days as the guide writes them: "2026-12-18" in, "2026년 12월 18일 (금)" out, in UTC so that no
   time zone or summer time can shift a day. Pages that only show dates (checklists.js) load this alone;
   the counting of periods is deadline-math.js, which builds on it. */

const WEEKDAYS = ["일", "월", "화", "수", "목", "금", "토"];

/** "2026-12-18" -> a Date at 00:00 UTC, or null for anything that is not a real calendar day. */
export function parseDay(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  if (!m) return null;
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return day.getUTCFullYear() === +m[1] && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3] ? day : null;
}

/** Today on the reader's own calendar, as a day like the others (00:00 UTC). */
export function today() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** A Date -> "2026-12-18". */
export function isoDay(day) {
  return day.toISOString().slice(0, 10);
}

export function addDays(day, n) {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + n));
}

export function asDay(day) {
  const parsed = typeof day === "string" ? parseDay(day) : day;
  if (!(parsed instanceof Date) || Number.isNaN(parsed.getTime())) throw new TypeError(`not a day: ${day}`);
  return parsed;
}

/** "월" for a Monday: the weekday as a Korean calendar shows it. */
export function weekday(day) {
  return WEEKDAYS[asDay(day).getUTCDay()];
}

/** "2026년 12월 28일 (월)" */
export function longDate(day) {
  const d = asDay(day);
  return `${d.getUTCFullYear()}년 ${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일 (${WEEKDAYS[d.getUTCDay()]})`;
}

/** "12월 28일" */
export function monthDay(day) {
  const d = asDay(day);
  return `${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일`;
}
