/* The offline copy: register the worker (sw.js at the site root, written by hooks/offline.py) once the page
   has loaded, so it never competes with the page for the network; when a newer build's copy is ready,
   show the note (partials/update-note.html). Tapping it lets the new worker take over, and every open page
   of the guide reloads, so none keeps running on another build's files. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  /* this file is assets/javascripts/offline.js */
  var worker = new URL("../../sw.js", document.currentScript.src);
  var reloading = false;

  function offer(registration) {
    var note = document.querySelector(".guide-update__note");
    if (!note || !registration.waiting || !navigator.serviceWorker.controller) return;
    note.hidden = false;
    note.querySelector(".guide-update__go").onclick = function () {
      if (registration.waiting) registration.waiting.postMessage("guide-offline:update");
    };
    note.querySelector(".guide-update__later").onclick = function () { note.hidden = true; };
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });

  function register() {
    navigator.serviceWorker.register(worker).then(function (registration) {
      offer(registration);
      registration.addEventListener("updatefound", function () {
        var incoming = registration.installing;
        if (!incoming) return;
        incoming.addEventListener("statechange", function () {
          if (incoming.state === "installed") offer(registration);
        });
      });
      /* Ask for a newer build on every page view: a browser's own checks can be hours apart. */
      if (navigator.serviceWorker.controller) return registration.update();
    }).catch(function () { /* no offline copy here (private window, blocked storage): the site works online */ });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
