/* The return-deadline helper (hooks/guidekit/templates/blocks/deadline_helper.html): the shopper enters
   the day the goods came (and the day they saw they differ from the ad) and sees each deadline as a
   <time datetime> with its weekday, moved off a Saturday, Sunday or public holiday as 민법 제161조 moves it,
   or "확인 필요" when the holidays of that year are not known. The periods (7일, 3개월, 30일), the holidays
   and their years are the page's data attributes, written by the build; the counting is deadline-math.js.
   Without this script the helper prints as blanks to fill in by hand. The two dates are shared details
   (checklists.js stores them and prints them the Korean way). */
import {
  afterDays,
  afterMonths,
  calendarFromAttributes,
  daysLeft,
  earlier,
  longDate,
  monthDay,
  parseDay,
  weekday,
} from "./deadline-math.js";

const WHY = { saturday: "토요일", sunday: "일요일", holiday: "공휴일" };

function today() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function piece(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

function time(day) {
  const el = piece("time", "", longDate(day));
  el.dateTime = day;
  return el;
}

function left(n) {
  if (n > 0) return "오늘부터 " + n + "일 남았어요";
  if (n === 0) return "오늘이 마지막 날이에요";
  return -n + "일 지났어요";
}

/* One deadline into its <dd>: the date, days left (screen only: on paper it would go stale), whether it
   comes first of the two that both apply, and why 제161조 moved it; or 확인 필요 with why. */
function show(dd, result, first) {
  dd.textContent = "";
  dd.classList.remove("deadline--first", "deadline--past", "deadline--unknown");
  if (!result) {
    dd.appendChild(piece("span", "deadline-blank"));
    return;
  }
  const date = piece("strong", "deadline-date");
  if (!result.certain) {
    date.textContent = "확인 필요";
    const why = piece("span", "deadline-why", `이 계산기는 ${result.unknownYear}년 공휴일을 몰라서 마감일을 정할 수 없어요. 적어도 `);
    why.append(time(result.atLeast), "까지는 돼요. 달력에서 공휴일을 확인해요.");
    dd.append(date, " ", why);
    dd.classList.add("deadline--unknown");
    return;
  }
  date.appendChild(time(result.date));
  const n = daysLeft(result, today());
  dd.append(date, " ", piece("span", "deadline-left", left(n)));
  if (first) {
    dd.append(" ", piece("span", "deadline-first", "먼저 오는 날"));
    dd.classList.add("deadline--first");
  }
  if (result.moved) {
    const text = `${monthDay(result.lastDay)}이 ${WHY[result.why]}이라 ${monthDay(result.date)}(${weekday(result.date)})까지예요.`;
    dd.append(piece("span", "deadline-why", text));
  }
  if (n < 0) dd.classList.add("deadline--past");
}

function setup(box) {
  const arrival = box.querySelector(".deadline-helper__arrival");
  const known = box.querySelector(".deadline-helper__known");
  const calendar = calendarFromAttributes(box.getAttribute("data-holiday-years"), box.getAttribute("data-holidays"));
  function update() {
    const days = parseInt(box.getAttribute("data-withdrawal-days"), 10);
    const months = parseInt(box.getAttribute("data-mismatch-months"), 10);
    const knownDays = parseInt(box.getAttribute("data-mismatch-known-days"), 10);
    const got = parseDay(arrival.value);
    const knew = parseDay(known.value) || got;
    const byMonths = got && afterMonths(calendar, got, months);
    const byKnown = knew && afterDays(calendar, knew, knownDays);
    // Of the two limits that both apply, the first as 제161조 leaves them; none marked when that is unsure.
    const first = byMonths && byKnown ? earlier(byMonths, byKnown) : null;
    show(box.querySelector('[data-deadline="withdrawal"]'), got && afterDays(calendar, got, days), false);
    show(box.querySelector('[data-deadline="mismatch-months"]'), byMonths, first === byMonths);
    show(box.querySelector('[data-deadline="mismatch-known"]'), byKnown, first === byKnown);
    // (checklists.js keeps the inputs' values and their printed form: they are the shared details.)
  }
  for (const input of [arrival, known]) {
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  }
  // The dates are shared details: typed on 내 사건, in another tab or another field of this page.
  document.addEventListener("guide:details", update);
  update();
}

function init() {
  document.querySelectorAll(".deadline-helper:not([data-helper-ready])").forEach((box) => {
    box.setAttribute("data-helper-ready", "");
    setup(box);
  });
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(init);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
