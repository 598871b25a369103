/* Checklists and message templates (the return-deadline helper is deadline-helper.js, which fills in the
   dates a checklist's reset or undo changes: `_guideUpdate`). Everything stays in this browser:
   ticks go to localStorage under one key per checklist, what the shopper typed under one key for all
   checklists and messages; nothing is sent anywhere.
   Without this script the pages still read and print; the buttons stay hidden. */
(function () {
  "use strict";

  var WEEKDAYS = ["일", "월", "화", "수", "목", "금", "토"];

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function save(key, state) {
    try { window.localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode: ticks just aren't kept */ }
  }
  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
  }
  function say(el, text) {
    if (!el) return;
    el.textContent = text;
    window.clearTimeout(el._guideTimer);
    el._guideTimer = window.setTimeout(function () { el.textContent = ""; }, 4000);
  }

  /* ── The printed sheet's date: today as a calendar day (UTC, as the deadline helper counts days) ── */
  function korean(day) {
    return day.getUTCFullYear() + "년 " + (day.getUTCMonth() + 1) + "월 " + day.getUTCDate() + "일 (" +
      WEEKDAYS[day.getUTCDay()] + ")";
  }
  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  /* ── The shopper's details: typed once (in a checklist blank or under a message), kept on this device
     under one key, and shown in every blank and every message [placeholder] of the same name ── */
  var DETAILS = "kshop-help/details";  // hooks/guidekit/checklists.py DETAILS_KEY
  /* Direction controls and zero-width characters (pasted along with a number, or typed on purpose) would
     reverse the words around a filled blank, here and in the message the shopper pastes elsewhere. */
  var INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
  function clean(value) { return typeof value === "string" ? value.replace(INVISIBLE, "") : ""; }

  function setDetail(name, value) {
    var details = load(DETAILS);
    value = clean(value);
    if (value) details[name] = value; else delete details[name];
    save(DETAILS, details);
  }
  function showDetails(except) {
    var details = load(DETAILS);
    document.querySelectorAll("input[data-blank]").forEach(function (field) {
      if (field === except) return;  // the field being typed in keeps its own caret
      field.value = clean(details[field.getAttribute("data-blank")]);
      field.classList.toggle("has-value", !!field.value);
    });
    document.querySelectorAll("mark.msg-blank[data-detail]").forEach(function (mark) {
      var name = mark.getAttribute("data-detail");
      var value = clean(details[name]);
      mark.textContent = value || "[" + name + "]";
      mark.classList.toggle("msg-blank--filled", !!value);
    });
  }
  function setupDetailField(field) {
    field.addEventListener("input", function () {
      setDetail(field.getAttribute("data-blank"), field.value.trim() ? field.value : "");
      field.classList.toggle("has-value", !!field.value);
      showDetails(field);
    });
  }

  function setupChecklist(list) {
    var key = list.getAttribute("data-storage-key");
    var state = load(key);
    state.items = state.items || {};
    var boxes = list.querySelectorAll("input.checklist__box");
    var fields = list.querySelectorAll("input[data-blank]");
    if (state.blanks) {
      // Blanks used to be kept per checklist: move them to the shared details once, never over newer ones.
      var details = load(DETAILS);
      Object.keys(state.blanks).forEach(function (name) { if (!details[name]) details[name] = state.blanks[name]; });
      save(DETAILS, details);
      delete state.blanks;
      save(key, state);
    }
    var undo = list.querySelector(".checklist-undo");
    var status = list.querySelector(".checklist__status");
    var saved = null;  // what the last 초기화 cleared, until the shopper changes something else
    function store() {
      if (Object.keys(state.items).length) save(key, state); else forget(key);
    }
    function dropUndo() {
      saved = null;
      if (undo) undo.hidden = true;
    }
    function show() {
      boxes.forEach(function (box) { box.checked = !!state.items[box.getAttribute("data-item")]; });
      list.querySelectorAll(".deadline-helper").forEach(function (h) { if (h._guideUpdate) h._guideUpdate(); });
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) state.items[box.getAttribute("data-item")] = true;
        else delete state.items[box.getAttribute("data-item")];
        store();
        dropUndo();
      });
    });
    fields.forEach(function (field) { field.addEventListener("input", dropUndo); });
    show();
    var reset = list.querySelector(".checklist-reset");
    if (!reset) return;
    reset.addEventListener("click", function () {
      var details = load(DETAILS);
      var cleared = {};
      fields.forEach(function (field) {
        var name = field.getAttribute("data-blank");
        if (details[name]) cleared[name] = details[name];
      });
      var ticks = Object.keys(state.items).length, typed = Object.keys(cleared).length;
      if (!ticks && !typed) { say(status, "지울 체크나 적은 내용이 없어요."); return; }
      saved = { items: state.items, details: cleared };
      state.items = {};
      store();
      Object.keys(cleared).forEach(function (name) { setDetail(name, ""); });
      showDetails();
      show();
      var what = [];
      if (ticks) what.push("체크 " + ticks + "개");
      if (typed) what.push("적은 칸 " + typed + "개");
      status.textContent = what.join("와 ") + "를 지웠어요. 실수였다면 되돌리기를 누르세요.";
      window.clearTimeout(status._guideTimer);
      undo.hidden = false;
    });
    undo.addEventListener("click", function () {
      if (!saved) return;
      state.items = saved.items;
      store();
      Object.keys(saved.details).forEach(function (name) { setDetail(name, saved.details[name]); });
      dropUndo();
      showDetails();
      show();
      reset.focus();
      say(status, "지우기 전으로 되돌렸어요.");
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  function setupCopy(button) {
    var status = button.parentNode.querySelector(".msg-copy__status");
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) return;
      var open = target.querySelectorAll("mark.msg-blank:not(.msg-blank--filled)").length;
      copyText(target.textContent).then(function () {
        say(status, open ? "복사했어요. 남은 대괄호 칸 " + open + "개는 바꿔서 보내요." : "복사했어요. 빈칸 없이 채워졌어요.");
      }, function () {
        say(status, "복사하지 못했어요. 글을 길게 눌러 직접 복사해요.");
      });
    });
  }

  function stampPrintDate() {
    document.querySelectorAll("[data-print-date]").forEach(function (el) { el.textContent = korean(today()); });
  }

  function init() {
    if (document.body.hasAttribute("data-guide-checklists")) return;
    document.body.setAttribute("data-guide-checklists", "");
    document.querySelectorAll(".checklist__tools, .checklist__reset, .msg-template__tools, .msg-fill, .checklist-print").forEach(function (el) {
      el.hidden = false;
    });
    document.querySelectorAll(".checklist-print").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".checklist[data-storage-key]").forEach(setupChecklist);
    document.querySelectorAll("input[data-blank]").forEach(setupDetailField);
    showDetails();
    // Another tab of this site changed a detail: show it here too.
    window.addEventListener("storage", function (e) { if (e.key === DETAILS) showDetails(); });
    stampPrintDate();
    window.addEventListener("beforeprint", stampPrintDate);
    document.querySelectorAll(".msg-copy").forEach(setupCopy);
    document.querySelectorAll("[data-page-address]").forEach(function (el) {
      if (!/^https?:/.test(el.textContent) && /^https?:$/.test(location.protocol)) el.textContent = el.href;
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
