/* 내 사건 without the page: the shopper's dates turned into every deadline the guide knows, which thing to
   do next, and the case as plain text. The periods come from the page (the data file's facts, written by
   the build); the counting is deadline-math.js. my-case.js puts it on the page; node's tests (tests/js/)
   check it against dates worked out by hand. */
import CONSTANTS from "../assets/javascripts/guide-constants.js";
import { afterUnits, daysLeft, earlier, parseDay } from "./deadline-math.js";

/** Each deadline: what it counts from (the role of a date the shopper gives) and how ("days", "months",
    "business"): hooks/guidekit/shared_constants.py, the same table the build dates the page's rows by. */
const RULES = CONSTANTS.deadlines;
export const KINDS = Object.keys(RULES);

/** `periods`: { withdrawal: 7, "mismatch-months": 3, … } by kind, as the page gives them; `dates`: { paid, received, known, returned,
    mediation } as ISO days (or empty). The 안 날 defaults to the day the goods came: a visible defect is
    known on that day. Returns { kind: result or null, …, first } where `first` is the kind of the
    mismatch limit that ends first (null when unsure or not both there). */
export function caseDeadlines(calendar, periods, dates) {
  const day = (role) => parseDay(dates[role] || "") || null;
  const from = Object.fromEntries(Object.keys(dates).map((k) => [k, day(k)]));
  from.known = from.known || from.received;
  const out = {};
  for (const [kind, rule] of Object.entries(RULES)) {
    const start = from[rule.from];
    const n = periods[kind];
    if (!start || !Number.isInteger(n)) {
      out[kind] = null;
      continue;
    }
    out[kind] = afterUnits(calendar, rule.count, start, n);
  }
  const a = out["mismatch-months"];
  const b = out["mismatch-known"];
  const first = a && b ? earlier(a, b) : null;
  out.first = first === null ? null : first === a ? "mismatch-months" : "mismatch-known";
  return out;
}

/* A deadline still open today: certain and not past, or not certain (then it is at least `atLeast`). */
function open(result, today) {
  if (!result) return false;
  if (!result.certain) return true;
  return daysLeft(result, today) >= 0;
}
function past(result, today) {
  return !!result && result.certain && daysLeft(result, today) < 0;
}

/** The next thing to do: { step, deadline (a kind or null), template (a message id or null), also }.
    `sent` is the set of message ids the shopper marked as sent. The written withdrawal notice comes
    first whenever that right is still open: it is what keeps it. */
export function nextStep(deadlines, dates, sent, today) {
  const has = (role) => !!parseDay(dates[role] || "");
  const d = deadlines;
  const also = has("received") && open(d.instalment, today) && !sent.has("instalment_defense") ? "instalment" : null;
  const step = (name, deadline = null, template = null) => ({ step: name, deadline, template, also });

  if (has("mediation") && open(d["mediation-answer"], today)) return step("mediation-answer", "mediation-answer");
  if (has("returned")) {
    if (past(d.refund, today))
      return sent.has("kakao_mediation")
        ? step("file-1372", "refund")
        : step("refund-late", "refund", "kakao_mediation");
    return step("refund-wait", "refund");
  }
  if (sent.has("kakao_mediation")) return step("file-1372");
  if (has("received")) {
    if (sent.has("withdrawal_notice")) return step("send-back", null, "seller_silence_reminder");
    if (open(d.withdrawal, today)) return step("withdrawal", "withdrawal", "withdrawal_notice");
    const mismatch = d.first || (open(d["mismatch-known"], today) ? "mismatch-known" : null);
    if (mismatch && open(d[mismatch], today)) return step("mismatch", mismatch, "withdrawal_notice");
    return step("expired", "withdrawal");
  }
  if (has("paid")) {
    if (!past(d.supply, today)) return step("supply-wait", "supply");
    if (!sent.has("ask_ship_date")) return step("supply-late", "supply", "ask_ship_date");
    return step("ask-mediation", "supply", "kakao_mediation");
  }
  return step("start");
}

/** The deadlines that have a date, in time order (a not-certain one by the earliest it can be), with
    `today` placed among them: [{ kind, day }] where kind "today" marks today. */
export function timeline(deadlines, today) {
  const rows = KINDS.filter((k) => deadlines[k]).map((k) => ({
    kind: k,
    day: deadlines[k].date || deadlines[k].atLeast,
  }));
  const todayIso = today.toISOString().slice(0, 10);
  rows.push({ kind: "today", day: todayIso });
  // Stable: two deadlines on one day keep the order of KINDS; today goes before a deadline on today.
  return rows
    .map((row, i) => ({ row, i: row.kind === "today" ? -1 : i }))
    .sort((x, y) => (x.row.day < y.row.day ? -1 : x.row.day > y.row.day ? 1 : x.i - y.i))
    .map((x) => x.row);
}

/** The case as plain text for a form (1372's online form takes no formatting): `sections` is
    [{ title, lines: [[label, value] or text] }]; empty sections are left out. */
export function caseText(title, sections) {
  const out = [title];
  for (const section of sections) {
    const lines = section.lines.filter((l) => (Array.isArray(l) ? l[1] : l));
    if (!lines.length) continue;
    out.push("", `[${section.title}]`);
    for (const line of lines) out.push(Array.isArray(line) ? `- ${line[0]}: ${line[1]}` : `- ${line}`);
  }
  return out.join("\n");
}
