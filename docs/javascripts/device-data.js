/* "What this site stored on this device" on the offline page: counts it, and clears it after the reader
   confirms. Only this site's data: on a shared host (user.github.io/a/ and /b/) the other sites keep theirs.
   Without this script the box stays hidden, and nothing was stored either. */
(function () {
  "use strict";

  var box = document.querySelector(".device-data");
  if (!box) return;
  var OURS = "kshop-help/";  // hooks/guidekit/checklists.py STORAGE_PREFIX and DETAILS_KEY
  var CACHE_PREFIX = "guide-offline";  // hooks/guidekit/offline.py CACHE_PREFIX
  var root = window.__md_scope || new URL(".", window.location);
  // Material keeps the palette under the site's folder; offline.js counts failed update checks under the cache's name.
  var mine = [OURS, root.pathname + ".__", CACHE_PREFIX + " " + root.pathname + " "];
  var summary = box.querySelector(".device-data__summary");
  var dialog = box.querySelector(".device-data__confirm");

  function keys(storage) {
    var out = [];
    try {
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (mine.some(function (p) { return key.indexOf(p) === 0; })) out.push(key);
      }
    } catch (e) { /* storage blocked: nothing of ours there */ }
    return out;
  }
  function ourCaches() {
    if (!window.caches) return Promise.resolve([]);
    var prefix = CACHE_PREFIX + " " + root.pathname + " ";
    return caches.keys().then(function (names) {
      return names.filter(function (n) { return n.indexOf(prefix) === 0; });
    });
  }
  function copySize(names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (r) {
          return cache.match(r).then(function (res) { return res.blob(); }).then(function (b) { return b.size; });
        }));
      }); });
    })).then(function (lists) {
      var sizes = [].concat.apply([], lists);
      return { files: sizes.length, bytes: sizes.reduce(function (a, b) { return a + b; }, 0) };
    });
  }

  function show() {
    var stored = keys(window.localStorage);
    var ticks = stored.filter(function (k) { return k.indexOf(OURS + "checklist/") === 0; }).length;
    var typed = stored.indexOf(OURS + "details") >= 0;
    return ourCaches().then(copySize).then(function (copy) {
      var parts = [];
      if (ticks) parts.push("체크 표시가 있는 체크리스트 " + ticks + "개");
      if (typed) parts.push("적어 둔 정보");
      if (stored.length > ticks + (typed ? 1 : 0)) parts.push("화면 설정");
      if (copy.files) parts.push("오프라인 사본(파일 " + copy.files + "개, 약 " + (copy.bytes / 1048576).toFixed(1) + "MB)");
      summary.textContent = parts.length
        ? "지금 이 기기에 있는 것: " + parts.join(", ") + "."
        : "지금 이 기기에 저장된 이 안내서의 내용은 없어요.";
    });
  }

  function forget() {
    [window.localStorage, window.sessionStorage].forEach(function (storage) {
      keys(storage).forEach(function (k) { storage.removeItem(k); });
    });
    var registration = navigator.serviceWorker
      ? navigator.serviceWorker.getRegistration(root.href).then(function (r) { return r && r.unregister(); })
      : Promise.resolve();
    return registration
      .then(ourCaches)
      .then(function (names) { return Promise.all(names.map(function (n) { return caches.delete(n); })); })
      .then(show)
      .then(function () {
        summary.textContent += " 모두 지웠어요. 다음에 이 안내서를 열면 오프라인 사본을 다시 받아 둬요.";
      });
  }

  box.hidden = false;
  show();
  box.querySelector(".device-data__forget").addEventListener("click", function () {
    if (dialog && dialog.showModal) dialog.showModal();
    else if (window.confirm(dialog ? dialog.querySelector("p").textContent : "")) forget();
  });
  if (dialog) {
    dialog.addEventListener("close", function () {
      if (dialog.returnValue === "forget") forget();
    });
  }
})();
