/* Checklists and message templates. Everything stays in this browser (device-store.js): each checklist's
   ticks under its own key, what the shopper typed under one key shared by every checklist, message and
   내 사건; nothing is sent anywhere. A checklist's 초기화 clears only its own ticks (the details are
   shared, so they are cleared only from 내 사건 or the offline page, after a confirmation naming them),
   and its 되돌리기 is kept until the next change, across a reload.
   Without this script the pages still read and print; the buttons stay hidden. */
import { longDate, parseDay, today } from "./days.js";
import { clean, pageStore } from "./device-store.js";
import { blankText } from "./message-fill.js";
import { onEveryPage } from "./page-ready.js";

const store = pageStore();

/* The particle rules, fetched only by a page with a particle right after a blank (most have none). */
let particleRules = null;
function particles() {
  particleRules = particleRules || import("./particles.js");
  return particleRules;
}

function say(el, text, keep) {
  if (!el) return;
  el.textContent = text;
  window.clearTimeout(el._guideTimer);
  if (!keep)
    el._guideTimer = window.setTimeout(() => {
      el.textContent = "";
    }, 4000);
}

/* ── The shopper's details: typed once (in a checklist blank, under a message, on 내 사건), kept on this
   device, and shown in every blank and every message [placeholder] of the same name ── */

/* A date field prints the date the Korean way, whatever format the browser's date picker shows. */
function printedDate(field) {
  let shown = field.parentNode.querySelector(".blank__print");
  if (!shown) {
    shown = document.createElement("span");
    shown.className = "blank__print";
    shown.setAttribute("aria-hidden", "true");
    field.parentNode.appendChild(shown);
  }
  const day = parseDay(field.value);
  shown.textContent = day ? longDate(day) : "";
}

export function showDetails(except) {
  const details = store.details();
  document.querySelectorAll("input[data-blank]").forEach((field) => {
    if (field === except) return; // the field being typed in keeps its own caret
    const value = clean(details[field.getAttribute("data-blank")]);
    // A date field takes only a date: an older free-text value stays stored and shows in the messages.
    field.value = field.type === "date" && !parseDay(value) ? "" : value;
    field.classList.toggle("has-value", !!field.value);
    if (field.type === "date") printedDate(field);
  });
  document.querySelectorAll("mark.msg-blank[data-detail]").forEach((mark) => {
    const name = mark.getAttribute("data-detail");
    const value = clean(details[name]);
    mark.textContent = blankText(name, value, mark.getAttribute("data-kind"));
    mark.classList.toggle("msg-blank--filled", !!value);
    // A particle right after the blank (the build marks it): the form that fits what the blank now shows.
    const josa = mark.nextElementSibling;
    if (josa?.matches(".msg-josa[data-particle]") && mark.nextSibling === josa) {
      const shown = mark.textContent;
      particles().then((m) => {
        josa.textContent = m.particleAfter(value, shown, josa.getAttribute("data-particle"));
      });
    }
  });
  document.dispatchEvent(new CustomEvent("guide:details"));
}

function setupDetailField(field) {
  field.addEventListener("input", () => {
    store.setDetail(field.getAttribute("data-blank"), field.value);
    field.classList.toggle("has-value", !!field.value);
    if (field.type === "date") printedDate(field);
    showDetails(field);
  });
}

function setupChecklist(list) {
  const name = `checklist/${list.getAttribute("data-checklist")}`;
  const undoName = `undo/${name}`;
  let state = store.read(name) || { items: {} };
  const boxes = list.querySelectorAll("input.checklist__box");
  const undo = list.querySelector(".checklist-undo");
  const status = list.querySelector(".checklist__status");
  const reset = list.querySelector(".checklist-reset");

  function keep() {
    if (Object.keys(state.items).length) store.write(name, state);
    else store.remove(name);
  }
  function show() {
    boxes.forEach((box) => {
      box.checked = !!state.items[box.getAttribute("data-item")];
    });
  }
  function offerUndo(count) {
    if (!undo) return;
    undo.hidden = false;
    say(status, `체크 ${count}개를 지웠어요. 실수였다면 되돌리기를 누르세요.`, true);
  }
  function dropUndo() {
    store.remove(undoName);
    if (undo) undo.hidden = true;
  }
  boxes.forEach((box) => {
    box.addEventListener("change", () => {
      if (box.checked) state.items[box.getAttribute("data-item")] = true;
      else delete state.items[box.getAttribute("data-item")];
      keep();
      dropUndo();
    });
  });
  show();
  if (!reset) return;
  const pending = store.read(undoName);
  if (pending?.items && Object.keys(pending.items).length) offerUndo(Object.keys(pending.items).length);
  reset.addEventListener("click", () => {
    const ticks = Object.keys(state.items).length;
    if (!ticks) {
      say(status, "지울 체크가 없어요. 적어 둔 정보는 내 사건에서 지워요.");
      return;
    }
    store.write(undoName, { items: state.items });
    state = { items: {} };
    keep();
    show();
    offerUndo(ticks);
  });
  undo.addEventListener("click", () => {
    const saved = store.read(undoName);
    if (!saved?.items) return;
    state = { items: { ...state.items, ...saved.items } };
    keep();
    dropUndo();
    show();
    reset.focus();
    say(status, "지우기 전으로 되돌렸어요.");
  });
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise((resolve, reject) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    document.body.removeChild(area);
    if (ok) resolve();
    else reject(new Error("copy failed"));
  });
}
window.__guideCopy = copyText; // my-case.js copies the case summary the same way

function setupCopy(button) {
  const status = button.parentNode.querySelector(".msg-copy__status");
  button.addEventListener("click", () => {
    const target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    const open = target.querySelectorAll("mark.msg-blank:not(.msg-blank--filled)").length;
    copyText(target.textContent).then(
      () => {
        say(
          status,
          open ? `복사했어요. 남은 대괄호 칸 ${open}개는 바꿔서 보내요.` : "복사했어요. 빈칸 없이 채워졌어요.",
        );
      },
      () => {
        say(status, "복사하지 못했어요. 글을 길게 눌러 직접 복사해요.");
      },
    );
  });
}

function stampPrintDate() {
  document.querySelectorAll("[data-print-date]").forEach((el) => {
    el.textContent = longDate(today());
  });
}

function init() {
  if (document.body.hasAttribute("data-guide-checklists")) return;
  document.body.setAttribute("data-guide-checklists", "");
  document
    .querySelectorAll(".checklist__tools, .checklist__reset, .msg-template__tools, .msg-fill, .checklist-print")
    .forEach((el) => {
      el.hidden = false;
    });
  document.querySelectorAll(".checklist-print").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  document.querySelectorAll(".checklist[data-checklist]").forEach(setupChecklist);
  document.querySelectorAll("input[data-blank]").forEach(setupDetailField);
  showDetails();
  // Another tab of this site changed a detail: show it here too.
  window.addEventListener("storage", (e) => {
    if (e.key === `${store.prefix}details`) showDetails();
  });
  stampPrintDate();
  window.addEventListener("beforeprint", stampPrintDate);
  document.querySelectorAll(".msg-copy").forEach(setupCopy);
  document.querySelectorAll("[data-page-address]").forEach((el) => {
    if (!/^https?:/.test(el.textContent) && /^https?:$/.test(location.protocol)) el.textContent = el.href;
  });
}

onEveryPage(init);
