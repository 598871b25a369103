/* 내 사건's deadlines and next step on the page: each row dated from the shopper's dates (case-file.js
   counts, deadline-math.js knows the holidays), the rows in time order with today among them, and the one
   step that fits, with its message brought under it. Fetched by my-case.js once there is something to
   count; every word is the page's. */
import { caseDeadlines, nextStep, timeline } from "./case-file.js";
import { isoDay, longDate } from "./days.js";
import { calendarFromAttributes } from "./deadline-math.js";
import { showDeadline, time } from "./deadline-view.js";

const homes = new Map(); // each message moved under the next step, and where it came from

function showRow(row, result, first, now) {
  row.hidden = !result;
  row.classList.remove("case-row--past", "case-row--first", "case-row--unknown");
  if (!result) return;
  const shown = showDeadline(row.querySelector(".case-row__when"), result, first, now);
  row.classList.toggle("case-row--unknown", shown.unknown);
  row.classList.toggle("case-row--first", shown.first);
  row.classList.toggle("case-row--past", shown.past);
}

function fillTimes(scope, deadlines, refs) {
  scope.querySelectorAll("time[data-ref]").forEach((node) => {
    const result = deadlines[refs[node.getAttribute("data-ref")] || node.getAttribute("data-ref")];
    const day = result && (result.date || result.atLeast);
    node.textContent = day ? longDate(day) + (result.certain ? "" : " 이후(확인 필요)") : "";
    if (day) node.dateTime = day;
    else node.removeAttribute("datetime");
  });
}

/* The h3 in 보낼 글 right before `node` (the message, or the comment left where it was). */
function heading(node) {
  const h = node.previousElementSibling;
  return h && h.tagName === "H3" ? h : null;
}

function showNext(page, step, deadlines) {
  const next = page.querySelector(".case-next");
  if (!next) return;
  next.querySelectorAll(".case-step").forEach((p) => {
    p.hidden = p.getAttribute("data-step") !== step.step;
    if (!p.hidden) fillTimes(p, deadlines, { mismatch: step.deadline });
  });
  const also = next.querySelector(".case-next__also");
  if (also) {
    also.hidden = step.also !== also.getAttribute("data-also");
    fillTimes(also, deadlines, {});
  }
  // The message to send goes under the step, its heading in 보낼 글 hidden; the one shown before goes back.
  for (const [message, home] of homes) {
    if (message.getAttribute("data-template") === step.template) continue;
    home.parentNode.insertBefore(message, home);
    if (heading(message)) heading(message).hidden = false;
    home.remove();
    homes.delete(message);
  }
  const message = step.template && page.querySelector(`.msg-template[data-template="${step.template}"]`);
  const slot = next.querySelector(".case-next__message");
  if (message && slot && !homes.has(message)) {
    const home = document.createComment("message home");
    message.parentNode.insertBefore(home, message);
    if (heading(home)) heading(home).hidden = true;
    homes.set(message, home);
    slot.appendChild(message);
  }
}

/** Draw the deadlines of `dates` ({ paid, received, … }) and the next step on `page`, on `now`; `sent` is
    the set of message ids marked as sent. */
export function drawCase(page, dates, sent, now) {
  const box = page.querySelector(".case-deadlines");
  box._calendar =
    box._calendar || calendarFromAttributes(box.getAttribute("data-holiday-years"), box.getAttribute("data-holidays"));
  const rows = new Map(
    [...box.querySelectorAll(".case-row[data-deadline]")].map((r) => [r.getAttribute("data-deadline"), r]),
  );
  const periods = {};
  for (const [kind, row] of rows)
    if (row.hasAttribute("data-period")) periods[kind] = parseInt(row.getAttribute("data-period"), 10);
  const deadlines = caseDeadlines(box._calendar, periods, dates);
  let had = 0;
  for (const [kind, row] of rows) {
    if (kind === "today") continue;
    showRow(row, deadlines[kind], deadlines.first === kind, now);
    if (deadlines[kind]) had += 1;
  }
  const todayRow = rows.get("today");
  todayRow.hidden = !had;
  todayRow.querySelector(".case-row__when").replaceChildren(time(isoDay(now)));
  box.querySelector(".case-deadlines__empty").hidden = had > 0;
  const list = box.querySelector(".case-timeline");
  for (const { kind } of timeline(deadlines, now)) list.appendChild(rows.get(kind));
  showNext(page, nextStep(deadlines, dates, sent, now), deadlines);
}
