/* 내 사건 on the page (hooks/guidekit/templates/blocks/my_case_*.html). The details are the shared ones
   (checklists.js keeps the fields); this keeps the log of what was sent when (the device's "case"),
   gathers the evidence ticked on the checklists, and wires print, copy and clear. The deadlines and the
   next step (case-view.js, with the counting) are fetched only once there is something to count, the copy
   (case-summary.js) with them, and clearing (case-clear.js) on its first tap: a first visit with nothing
   typed loads only what shows the empty form. The offline copy follows these imports.
   Without this script the page prints as a form to fill in by hand. */
import { showDetails } from "./checklists.js";
import { isoDay, longDate, parseDay, today } from "./days.js";
import { pageStore } from "./device-store.js";
import { onEveryPage } from "./page-ready.js";

const store = pageStore();

let counting = null;
let loaded = null; // the modules, once here: a copy must happen within the tap (Safari refuses it later)
function counted() {
  counting =
    counting ||
    Promise.all([import("./case-view.js"), import("./case-summary.js")]).then((modules) => {
      loaded = Object.assign({}, ...modules);
      return loaded;
    });
  return counting;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function readLog() {
  return store.read("case") || { sent: [] };
}

function setup(page) {
  const box = page.querySelector(".case-deadlines");
  const sentBox = page.querySelector(".case-sent");

  function dates() {
    const details = store.details();
    const out = {};
    page.querySelectorAll("input[data-case-date]").forEach((input) => {
      const value = details[input.getAttribute("data-blank")] || "";
      out[input.getAttribute("data-case-date")] = parseDay(value) ? value : "";
    });
    return out;
  }

  function showSent() {
    if (!sentBox) return;
    const log = readLog();
    let any = false;
    sentBox.querySelectorAll(".case-sent__item").forEach((item) => {
      const what = item.getAttribute("data-sent");
      const entries = log.sent
        .map((e, i) => ({ ...e, i }))
        .filter((e) => e.what === what)
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      const shown = item.querySelector(".case-sent__dates");
      shown.textContent = "";
      entries.forEach((entry, n) => {
        if (n) shown.append(", ");
        const day = el("time", "", longDate(entry.date));
        day.dateTime = entry.date;
        const remove = el("button", "case-sent__remove", "기록 지우기");
        remove.type = "button";
        remove.setAttribute("aria-label", `${longDate(entry.date)} 기록 지우기`);
        remove.addEventListener("click", () => {
          const now = readLog();
          now.sent.splice(entry.i, 1);
          store.write("case", now);
          render();
        });
        const mark = el("span", "case-sent__entry");
        mark.append("보낸 날 ", day, " ", remove);
        shown.append(mark);
      });
      item.classList.toggle("case-sent__item--sent", entries.length > 0);
      any = any || entries.length > 0;
    });
    sentBox.querySelector(".case-sent__none").hidden = any;
  }

  function showEvidence() {
    let any = false;
    page.querySelectorAll(".case-evidence__group").forEach((group) => {
      const ticks = (store.read(`checklist/${group.getAttribute("data-checklist")}`) || { items: {} }).items;
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

  function render() {
    showSent();
    showEvidence();
    const given = dates();
    const sent = readLog().sent;
    if (!counting && !Object.values(given).some(Boolean) && !sent.length) {
      // Nothing to count: the empty form and its first step.
      box.querySelectorAll(".case-row").forEach((row) => {
        row.hidden = true;
      });
      box.querySelector(".case-deadlines__empty").hidden = false;
      return;
    }
    box.setAttribute("data-counting", ""); // until the counting is here and has drawn (tests wait for it)
    counted().then((m) => {
      m.drawCase(page, dates(), new Set(readLog().sent.map((e) => e.what)), today());
      box.removeAttribute("data-counting");
    });
  }

  /* ── Marking a message as sent ── */
  if (sentBox) {
    sentBox.querySelectorAll(".case-sent__tools").forEach((tools) => {
      tools.hidden = false;
    });
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
      window.dispatchEvent(new Event("beforeprint")); // the heading's date is today's
      const copy = window.__guideCopy || ((t) => navigator.clipboard.writeText(t));
      const text = (m) => m.caseSummary(page, readLog().sent);
      (loaded ? copy(text(loaded)) : counted().then((m) => copy(text(m)))).then(
        () => {
          status.textContent = "사건 요약을 복사했어요. 1372 온라인 상담 신청서의 내용 칸에 붙여 넣어요.";
        },
        () => {
          status.textContent = "복사하지 못했어요. 인쇄하기로 한 장에 담아 가요.";
        },
      );
    });
  }

  /* ── Clearing the case: named first, undoable across a reload until the next change ── */
  const clear = page.querySelector(".case-clear");
  const undoButton = clear?.querySelector(".case-clear__undo");
  function dropUndo() {
    if (!clear) return;
    store.remove("undo/case");
    undoButton.hidden = true;
  }
  if (clear) {
    clear.hidden = false;
    if (store.read("undo/case")) undoButton.hidden = false;
    const after = () => {
      showDetails();
      render();
    };
    clear.querySelector(".case-clear__start").addEventListener("click", () => {
      import("./case-clear.js").then((m) => m.askToClear(store, clear, after));
    });
    undoButton.addEventListener("click", () => {
      import("./case-clear.js").then((m) => m.undoClear(store, clear, after));
    });
  }

  for (const input of page.querySelectorAll("input[data-blank]")) input.addEventListener("input", dropUndo);
  document.addEventListener("guide:details", render);
  window.addEventListener("storage", (e) => {
    if (e.key?.startsWith(store.prefix)) render();
  });
  render();
}

function init() {
  const box = document.querySelector(".case-deadlines:not([data-case-ready])");
  if (!box) return;
  box.setAttribute("data-case-ready", "");
  setup(box.closest("article") || document);
}

onEveryPage(init);
