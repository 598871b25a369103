/* 내 사건 on the page (hooks/guidekit/templates/blocks/my_case_*.html): dates each deadline row from the
   shopper's dates and puts the rows in time order with today among them, shows the one next step that
   fits (case-file.js) with the message to send, keeps the log of what was sent when, gathers the evidence
   ticked on the checklists, and copies the whole case as plain text. Every word is the page's; the
   details are the shared ones (checklists.js keeps the fields), the log is this device's "case".
   Without this script the page prints as a form to fill in by hand. */
import { showDetails } from "./checklists.js";
import { isoDay, longDate, monthDay, parseDay, weekday } from "./days.js";
import { pageStore } from "./device-store.js";

const store = pageStore();

/* The counting (case-file.js, deadline-math.js, and case-summary.js for the copy) is fetched once there is something to count: a first
   visit with nothing typed loads only what shows the empty form. The offline copy follows these imports. */
let counting = null;
let loaded = null;  // the same, once here: copying must happen within the tap (Safari refuses it later)
function arithmetic() {
  counting = counting || Promise.all([import("./case-file.js"), import("./deadline-math.js"), import("./case-summary.js")])
    .then((modules) => {
      loaded = Object.assign({}, ...modules);
      return loaded;
    });
  return counting;
}
const WHY = { saturday: "토요일", sunday: "일요일", holiday: "공휴일" };

function today() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function time(day) {
  const node = el("time", "", longDate(day));
  node.dateTime = day;
  return node;
}

function left(n) {
  if (n > 0) return `오늘부터 ${n}일 남았어요`;
  if (n === 0) return "오늘이 마지막 날이에요";
  return `${-n}일 지났어요`;
}

function readLog() {
  return store.read("case") || { sent: [] };
}

/* ── The deadlines ── */

function showDeadline(math, row, result, first, now) {
  const when = row.querySelector(".case-row__when");
  when.textContent = "";
  row.classList.remove("case-row--past", "case-row--first", "case-row--unknown");
  row.hidden = !result;
  if (!result) return;
  const date = el("strong", "deadline-date");
  if (!result.certain) {
    date.textContent = "확인 필요";
    const why = el("span", "deadline-why", `${result.unknownYear}년 공휴일을 몰라서 날짜를 정할 수 없어요. 적어도 `);
    why.append(time(result.atLeast), "까지는 돼요.");
    when.append(date, " ", why);
    row.classList.add("case-row--unknown");
    return;
  }
  date.appendChild(time(result.date));
  const n = math.daysLeft(result, now);
  when.append(date, " ", el("span", "deadline-left", left(n)));
  if (first) {
    when.append(" ", el("span", "deadline-first", "먼저 오는 날"));
    row.classList.add("case-row--first");
  }
  if (result.moved) {
    const text = `${monthDay(result.lastDay)}이 ${WHY[result.why]}이라 ${monthDay(result.date)}(${weekday(result.date)})까지예요.`;
    when.append(" ", el("span", "deadline-why", text));
  }
  if (n < 0) row.classList.add("case-row--past");
}

/* ── The page ── */

function setup(box) {
  const page = box.closest("article") || document;
  const rows = new Map([...box.querySelectorAll(".case-row[data-deadline]")].map((r) => [r.getAttribute("data-deadline"), r]));
  const periods = {};
  for (const [kind, row] of rows) if (row.hasAttribute("data-period")) periods[kind] = parseInt(row.getAttribute("data-period"), 10);
  const list = box.querySelector(".case-timeline");
  const empty = box.querySelector(".case-deadlines__empty");
  const next = page.querySelector(".case-next");
  const slot = next && next.querySelector(".case-next__message");
  const sentBox = page.querySelector(".case-sent");
  const homes = new Map();  // each message moved under the next step, and where it came from
  let deadlines = {};

  function dates() {
    const details = store.details();
    const out = {};
    page.querySelectorAll("input[data-case-date]").forEach((input) => {
      const value = details[input.getAttribute("data-blank")] || "";
      out[input.getAttribute("data-case-date")] = parseDay(value) ? value : "";
    });
    return out;
  }

  function showTimeline(math, now) {
    const had = [];
    for (const [kind, row] of rows) {
      if (kind === "today") continue;
      showDeadline(math, row, deadlines[kind], deadlines.first === kind, now);
      if (deadlines[kind]) had.push(kind);
    }
    const todayRow = rows.get("today");
    todayRow.hidden = !had.length;
    const when = todayRow.querySelector(".case-row__when");
    when.textContent = "";
    when.appendChild(time(isoDay(now)));
    empty.hidden = had.length > 0;
    for (const { kind } of math.timeline(deadlines, now)) list.appendChild(rows.get(kind));
  }

  function fillTimes(scope, refs) {
    scope.querySelectorAll("time[data-ref]").forEach((node) => {
      const result = deadlines[refs[node.getAttribute("data-ref")] || node.getAttribute("data-ref")];
      const day = result && (result.date || result.atLeast);
      node.textContent = day ? longDate(day) + (result.certain ? "" : " 이후(확인 필요)") : "";
      if (day) node.dateTime = day; else node.removeAttribute("datetime");
    });
  }

  function showNext(math, now) {
    if (!next) return;
    const step = math.nextStep(deadlines, dates(), new Set(readLog().sent.map((e) => e.what)), now);
    next.querySelectorAll(".case-step").forEach((p) => {
      p.hidden = p.getAttribute("data-step") !== step.step;
      if (!p.hidden) fillTimes(p, { mismatch: step.deadline });
    });
    const also = next.querySelector(".case-next__also");
    if (also) {
      also.hidden = step.also !== also.getAttribute("data-also");
      fillTimes(also, {});
    }
    // The message to send goes under the step, its heading in 보낼 글 hidden; the one shown before goes back.
    for (const [message, home] of homes) {
      if (message.getAttribute("data-template") !== step.template) {
        home.parentNode.insertBefore(message, home);
        const heading = home.previousElementSibling;
        if (heading && heading.tagName === "H3") heading.hidden = false;
        homes.delete(message);
      }
    }
    const message = step.template && page.querySelector(`.msg-template[data-template="${step.template}"]`);
    if (message && slot && !homes.has(message)) {
      const home = document.createComment("message home");
      message.parentNode.insertBefore(home, message);
      const heading = home.previousElementSibling;
      if (heading && heading.tagName === "H3") heading.hidden = true;
      homes.set(message, home);
      slot.appendChild(message);
    }
  }

  function showSent() {
    if (!sentBox) return;
    const log = readLog();
    let any = false;
    sentBox.querySelectorAll(".case-sent__item").forEach((item) => {
      const what = item.getAttribute("data-sent");
      const entries = log.sent.map((e, i) => ({ ...e, i })).filter((e) => e.what === what).sort((a, b) => (a.date < b.date ? -1 : 1));
      const shown = item.querySelector(".case-sent__dates");
      shown.textContent = "";
      entries.forEach((entry, n) => {
        if (n) shown.append(", ");
        const mark = el("span", "case-sent__entry");
        mark.append("보낸 날 ", time(entry.date), " ");
        const undo = el("button", "case-sent__remove", "기록 지우기");
        undo.type = "button";
        undo.setAttribute("aria-label", `${longDate(entry.date)} 기록 지우기`);
        undo.addEventListener("click", () => {
          const now = readLog();
          now.sent.splice(entry.i, 1);
          store.write("case", now);
          render();
        });
        mark.append(undo);
        shown.append(mark);
      });
      item.classList.toggle("case-sent__item--sent", entries.length > 0);
      any = any || entries.length > 0;
    });
    sentBox.querySelector(".case-sent__none").hidden = any;
  }

  function showEvidence() {
    const groups = page.querySelectorAll(".case-evidence__group");
    let any = false;
    groups.forEach((group) => {
      const ticks = (store.read("checklist/" + group.getAttribute("data-checklist")) || { items: {} }).items;
      let shown = 0;
      group.querySelectorAll("li[data-item]").forEach((li) => {
        li.hidden = !ticks[li.getAttribute("data-item")];
        if (!li.hidden) shown += 1;
      });
      group.hidden = !shown;
      any = any || shown > 0;
    });
    const none = page.querySelector(".case-evidence__none");
    if (none) none.hidden = any;
  }

  /* Nothing to count yet: the empty form, its first step, and no deadline rows. */
  function showEmpty() {
    for (const row of rows.values()) row.hidden = true;
    empty.hidden = false;
    if (next) next.querySelectorAll(".case-step").forEach((p) => { p.hidden = p.getAttribute("data-step") !== "start"; });
  }

  let calendar = null;
  function render() {
    showSent();
    showEvidence();
    const given = dates();
    if (!counting && !Object.values(given).some(Boolean) && !readLog().sent.length) {
      showEmpty();
      return;
    }
    box.setAttribute("data-counting", "");  // until the counting is fetched (tests wait for it to go)
    arithmetic().then((math) => {
      calendar = calendar || math.calendarFromAttributes(box.getAttribute("data-holiday-years"), box.getAttribute("data-holidays"));
      const now = today();
      deadlines = math.caseDeadlines(calendar, periods, dates());
      showTimeline(math, now);
      showNext(math, now);
      box.removeAttribute("data-counting");
    });
  }

  /* ── Marking a message as sent ── */
  if (sentBox) {
    sentBox.querySelectorAll(".case-sent__tools").forEach((tools) => { tools.hidden = false; });
    sentBox.querySelectorAll(".case-sent__item").forEach((item) => {
      const input = item.querySelector(".case-sent__date");
      item.querySelector(".case-sent__mark").addEventListener("click", () => {
        const date = parseDay(input.value) ? input.value : isoDay(today());
        const log = readLog();
        log.sent.push({ what: item.getAttribute("data-sent"), date });
        store.write("case", log);
        dropUndo();
        // A notice that exercises a right: its date is the detail every message's [보낸 날] shows.
        const notice = sentBox.getAttribute("data-notice-detail");
        if (item.hasAttribute("data-right") && notice && !store.details()[notice]) {
          store.setDetail(notice, date);
          showDetails();
        }
        input.value = "";
        render();
      });
    });
  }

  /* ── Copy the case as plain text (case-summary.js reads it off the page) ── */
  const tools = page.querySelector(".case-tools");
  if (tools) {
    tools.hidden = false;
    const status = tools.querySelector(".case-tools__status");
    tools.querySelector(".case-copy").addEventListener("click", () => {
      window.dispatchEvent(new Event("beforeprint"));  // the heading's date is today's
      const copy = window.__guideCopy || ((t) => navigator.clipboard.writeText(t));
      const text = (math) => math.caseSummary(page, readLog().sent);
      (loaded ? copy(text(loaded)) : arithmetic().then((math) => copy(text(math)))).then(
        () => { status.textContent = "사건 요약을 복사했어요. 1372 온라인 상담 신청서의 내용 칸에 붙여 넣어요."; },
        () => { status.textContent = "복사하지 못했어요. 인쇄하기로 한 장에 담아 가요."; },
      );
    });
  }

  /* ── Clearing the case: named first, undoable across a reload until the next change (case-clear.js,
     fetched on the first tap) ── */
  const clear = page.querySelector(".case-clear");
  const undoButton = clear && clear.querySelector(".case-clear__undo");
  function dropUndo() {
    if (!clear) return;
    store.remove("undo/case");
    undoButton.hidden = true;
  }
  if (clear) {
    clear.hidden = false;
    if (store.read("undo/case")) undoButton.hidden = false;
    const after = () => { showDetails(); render(); };
    clear.querySelector(".case-clear__start").addEventListener("click", () => {
      import("./case-clear.js").then((m) => m.askToClear(store, clear, after));
    });
    undoButton.addEventListener("click", () => {
      import("./case-clear.js").then((m) => m.undoClear(store, clear, after));
    });
  }

  page.querySelectorAll("input[data-blank]").forEach((input) => input.addEventListener("input", dropUndo));
  document.addEventListener("guide:details", render);
  window.addEventListener("storage", (e) => { if (e.key && e.key.startsWith(store.prefix)) render(); });
  render();
}

function init() {
  document.querySelectorAll(".case-deadlines:not([data-case-ready])").forEach((box) => {
    box.setAttribute("data-case-ready", "");
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
