/* The return-deadline helper (hooks/guidekit/templates/blocks/deadline_helper.html): the shopper enters
   the day the goods came (and the day they saw they differ from the ad) and sees each deadline as a
   <time datetime> with its weekday, moved off a Saturday, Sunday or public holiday as 민법 제161조 moves it,
   or "확인 필요" when the holidays of that year are not known. The periods (7일, 3개월, 30일), the holidays
   and their years are the page's data attributes, written by the build; the counting is deadline-math.js.
   Without this script the helper prints as blanks to fill in by hand. The two dates are shared details
   (checklists.js stores them and prints them the Korean way). */

import CONSTANTS from "../assets/javascripts/guide-constants.js";
import { today } from "./days.js";
import { afterUnits, calendarFromAttributes, earlier, parseDay } from "./deadline-math.js";
import { el, showDeadline } from "./deadline-view.js";
import { onEveryPage } from "./page-ready.js";

/* One deadline into its <dd>, or a line to fill in by hand when there is no date yet. */
function show(dd, result, first) {
  dd.classList.remove("deadline--first", "deadline--past", "deadline--unknown");
  if (!result) {
    dd.replaceChildren(el("span", "deadline-blank"));
    return;
  }
  const shown = showDeadline(dd, result, first, today());
  dd.classList.toggle("deadline--unknown", shown.unknown);
  dd.classList.toggle("deadline--first", shown.first);
  dd.classList.toggle("deadline--past", shown.past);
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
    // each kind counted in the unit its fact is written in (hooks/guidekit/shared_constants.py)
    const after = (kind, start, n) => start && afterUnits(calendar, CONSTANTS.deadlines[kind].count, start, n);
    const byMonths = after("mismatch-months", got, months);
    const byKnown = after("mismatch-known", knew, knownDays);
    // Of the two limits that both apply, the first as 제161조 leaves them; none marked when that is unsure.
    const first = byMonths && byKnown ? earlier(byMonths, byKnown) : null;
    show(box.querySelector('[data-deadline="withdrawal"]'), after("withdrawal", got, days), false);
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

onEveryPage(init);
