/* The offline copy: register the worker (sw.js at the site root, written by hooks/offline.py) once the page
   has loaded, so it never competes with the page for the network; when a newer build's copy is ready,
   show the note (partials/update-note.html). Tapping it lets the new worker take over, and every open page
   of the guide reloads, so none keeps running on another build's files. When the host keeps answering the
   update check with an error (sw.js gone or broken), the copy can never move on by itself: the other note
   says so and links the page where the copy can be cleared. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  /* this file is assets/javascripts/offline.js */
  var root = new URL("../../", document.currentScript.src);
  var worker = new URL("sw.js", root);
  /* Failed update checks in a row before the reader is told: one or two may be a host's passing trouble. */
  var STUCK_AFTER = 3;
  /* Counted across page views and visits, apart for each site on a host (user.github.io/a/ and /b/). */
  var FAILED = "guide-offline " + root.pathname + " failed update checks";
  var reloading = false;

  function offer(registration) {
    var note = document.querySelector(".guide-update__note");
    if (!note || !registration.waiting || !navigator.serviceWorker.controller) return;
    note.hidden = false;
    note.querySelector(".guide-update__go").onclick = function () {
      if (registration.waiting) registration.waiting.postMessage("guide-offline:update");
    };
    note.querySelector(".guide-update__later").onclick = function () {
      note.hidden = true;
    };
  }

  function failures() {
    try {
      return Number(window.localStorage.getItem(FAILED)) || 0;
    } catch (e) {
      return 0;
    }
  }
  function setFailures(count) {
    try {
      if (count) window.localStorage.setItem(FAILED, String(count));
      else window.localStorage.removeItem(FAILED);
    } catch (e) {
      /* storage blocked: the note just never shows */
    }
  }

  /* The check failed, and update() does not say why: sw.js is asked for once more. Only an error from the
     host counts; with no network (a phone offline, or a signal too weak) the copy is doing what it is for.
     A newer build already waiting is offered by the other note instead. */
  function checkFailed(registration) {
    return fetch(worker, { cache: "no-store" }).then(
      function (response) {
        if (response.ok) return;
        var count = failures() + 1;
        setFailures(count);
        var note = document.querySelector(".guide-update__stuck");
        if (!note || count < STUCK_AFTER || registration.waiting) return;
        note.querySelector(".guide-update__offline").href = new URL("offline/", root).href;
        note.hidden = false;
        note.querySelector(".guide-update__close").onclick = function () {
          note.hidden = true;
        };
      },
      function () {
        /* no network */
      },
    );
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });

  function register() {
    navigator.serviceWorker
      .register(worker)
      .then(function (registration) {
        offer(registration);
        registration.addEventListener("updatefound", function () {
          var incoming = registration.installing;
          if (!incoming) return;
          incoming.addEventListener("statechange", function () {
            if (incoming.state === "installed") offer(registration);
          });
        });
        /* No copy runs this page (a first visit, or the copy was just cleared): none is stuck, the count
         starts anew. */
        if (!navigator.serviceWorker.controller) return setFailures(0);
        /* Ask for a newer build on every page view: a browser's own checks can be hours apart. */
        return registration.update().then(
          function () {
            setFailures(0);
          },
          function () {
            return checkFailed(registration);
          },
        );
      })
      .catch(function () {
        /* no offline copy here (private window, blocked storage): the site works online */
      });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
