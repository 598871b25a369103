/* "What this site stored on this device" on the offline page: counts it, and clears it after the reader
   confirms, naming each detail they typed. Only this copy of the guide's data (device-store.js scopes
   it to the site's folder): on a shared host (user.github.io/a/ and /b/) the other copies keep theirs.
   Without this script the box stays hidden, and nothing was stored either. */
import CONSTANTS from "../assets/javascripts/guide-constants.js";
import { pageStore } from "./device-store.js";

const CACHE_PREFIX = CONSTANTS.cachePrefix; // the offline copy's cache names (hooks/guidekit/shared_constants.py)

function setup(box) {
  const store = pageStore();
  const root = window.__md_scope || new URL(".", window.location);
  // Material keeps the palette under the site's folder; offline.js counts failed update checks under the cache's name.
  const theirs = [`${root.pathname}.__`, `${CACHE_PREFIX} ${root.pathname} `];
  const summary = box.querySelector(".device-data__summary");
  const dialog = box.querySelector(".device-data__confirm");
  const names = box.querySelector(".device-data__names");
  const namesTitle = box.querySelector(".device-data__names-title");

  function otherKeys(storage) {
    const out = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (theirs.some((p) => key.indexOf(p) === 0)) out.push(key);
      }
    } catch {
      /* storage blocked: nothing of ours there */
    }
    return out;
  }
  function ourCaches() {
    if (!window.caches) return Promise.resolve([]);
    const prefix = `${CACHE_PREFIX} ${root.pathname} `;
    return caches.keys().then((all) => all.filter((n) => n.indexOf(prefix) === 0));
  }
  function copySize(cacheNames) {
    return Promise.all(
      cacheNames.map((name) =>
        caches.open(name).then((cache) =>
          cache.keys().then((requests) =>
            Promise.all(
              requests.map((r) =>
                cache
                  .match(r)
                  .then((res) => res.blob())
                  .then((b) => b.size),
              ),
            ),
          ),
        ),
      ),
    ).then((lists) => {
      const sizes = [].concat(...lists);
      return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
    });
  }

  function show() {
    const stored = store.names();
    const ticks = stored.filter((k) => k.startsWith("checklist/")).length;
    const typed = Object.keys(store.details()).length;
    const sent = (store.read("case") || { sent: [] }).sent.length;
    let settings = [];
    try {
      settings = otherKeys(window.localStorage);
    } catch {
      settings = [];
    }
    return ourCaches()
      .then(copySize)
      .then((copy) => {
        const parts = [];
        if (ticks) parts.push(`체크 표시가 있는 체크리스트 ${ticks}개`);
        if (typed) parts.push(`적어 둔 정보 ${typed}가지`);
        if (sent) parts.push(`내 사건의 보낸 기록 ${sent}건`);
        if (settings.some((k) => k.indexOf(`${root.pathname}.__`) === 0)) parts.push("화면 설정");
        if (copy.files) parts.push(`오프라인 사본(파일 ${copy.files}개, 약 ${(copy.bytes / 1048576).toFixed(1)}MB)`);
        summary.textContent = parts.length
          ? `지금 이 기기에 있는 것: ${parts.join(", ")}.`
          : "지금 이 기기에 저장된 이 안내서의 내용은 없어요.";
      });
  }

  function forget() {
    for (const name of store.names()) store.remove(name);
    [window.localStorage, window.sessionStorage].forEach((storage) => {
      try {
        for (const k of otherKeys(storage)) storage.removeItem(k);
      } catch {
        /* blocked */
      }
    });
    const registration = navigator.serviceWorker
      ? navigator.serviceWorker.getRegistration(root.href).then((r) => r?.unregister())
      : Promise.resolve();
    return registration
      .then(ourCaches)
      .then((cacheNames) => Promise.all(cacheNames.map((n) => caches.delete(n))))
      .then(show)
      .then(() => {
        summary.textContent += " 모두 지웠어요. 다음에 이 안내서를 열면 오프라인 사본을 다시 받아 둬요.";
      });
  }

  // The confirmation names each detail it will clear: they fill every checklist, message and 내 사건.
  function nameDetails() {
    if (!names) return "";
    const typed = Object.keys(store.details());
    names.textContent = "";
    for (const name of typed) {
      const li = document.createElement("li");
      li.textContent = name;
      names.appendChild(li);
    }
    names.hidden = !typed.length;
    if (namesTitle) namesTitle.hidden = !typed.length;
    return typed.join(", ");
  }

  box.hidden = false;
  show();
  box.querySelector(".device-data__forget").addEventListener("click", () => {
    const typed = nameDetails();
    if (dialog?.showModal) dialog.showModal();
    else if (window.confirm((dialog ? dialog.querySelector("p").textContent : "") + (typed ? `\n${typed}` : "")))
      forget();
  });
  if (dialog) {
    dialog.addEventListener("close", () => {
      if (dialog.returnValue === "forget") forget();
    });
  }
}

const box = document.querySelector(".device-data");
if (box) setup(box);
