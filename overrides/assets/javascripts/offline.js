/* The offline copy: register the worker (sw.js at the site root, written by hooks/offline.py) once the page
   has loaded, so it never competes with the page for the network; when a newer build's copy is ready,
   show the note (partials/update-note.html). Tapping it lets the new worker take over, and every open page
   of the guide reloads, so none keeps running on another build's files. When the host keeps answering the
   update check with an error (sw.js gone or broken), the copy can never move on by itself: the other note
   says so and links the page where the copy can be cleared. A classic script: its names stay in this block.
   The cache prefix comes on the script tag (overrides/main.html, from hooks/guidekit/shared_constants.py). */
{
  const script = document.currentScript;
  if ("serviceWorker" in navigator && script) {
    /* The footer and the offline page say the guide opens offline only where this holds (extra.css). */
    document.documentElement.classList.add("can-keep-copy");
    /* this file is assets/javascripts/offline.js */
    const root = new URL("../../", script.src);
    const worker = new URL("sw.js", root);
    const prefix = script.dataset.cachePrefix;
    /* Failed update checks in a row before the reader is told: one or two may be a host's passing trouble. */
    const STUCK_AFTER = 3;
    /* Counted across page views and visits, apart for each site on a host (user.github.io/a/ and /b/). */
    const FAILED = `${prefix} ${root.pathname} failed update checks`;
    let reloading = false;

    const offer = (registration) => {
      const note = document.querySelector(".guide-update__note");
      if (!note || !registration.waiting || !navigator.serviceWorker.controller) return;
      note.hidden = false;
      note.querySelector(".guide-update__go").onclick = () => {
        if (registration.waiting) registration.waiting.postMessage(`${prefix}:update`);
      };
      note.querySelector(".guide-update__later").onclick = () => {
        note.hidden = true;
      };
    };

    const failures = () => {
      try {
        return Number(window.localStorage.getItem(FAILED)) || 0;
      } catch {
        return 0;
      }
    };
    const setFailures = (count) => {
      try {
        if (count) window.localStorage.setItem(FAILED, String(count));
        else window.localStorage.removeItem(FAILED);
      } catch {
        /* storage blocked: the note just never shows */
      }
    };

    /* The check failed, and update() does not say why: sw.js is asked for once more. Only an error from the
       host counts; with no network (a phone offline, or a signal too weak) the copy is doing what it is for.
       A newer build already waiting is offered by the other note instead. */
    const checkFailed = (registration) =>
      fetch(worker, { cache: "no-store" }).then(
        (response) => {
          if (response.ok) return;
          const count = failures() + 1;
          setFailures(count);
          const note = document.querySelector(".guide-update__stuck");
          if (!note || count < STUCK_AFTER || registration.waiting) return;
          note.querySelector(".guide-update__offline").href = new URL("offline/", root).href;
          note.hidden = false;
          note.querySelector(".guide-update__close").onclick = () => {
            note.hidden = true;
          };
        },
        () => {
          /* no network */
        },
      );

    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });

    const register = () => {
      navigator.serviceWorker
        .register(worker)
        .then((registration) => {
          offer(registration);
          registration.addEventListener("updatefound", () => {
            const incoming = registration.installing;
            if (!incoming) return;
            incoming.addEventListener("statechange", () => {
              if (incoming.state === "installed") offer(registration);
            });
          });
          /* No copy runs this page (a first visit, or the copy was just cleared): none is stuck, the count
             starts anew. */
          if (!navigator.serviceWorker.controller) return setFailures(0);
          /* Ask for a newer build on every page view: a browser's own checks can be hours apart. */
          return registration.update().then(
            () => setFailures(0),
            () => checkFailed(registration),
          );
        })
        .catch(() => {
          /* no offline copy here (private window, blocked storage): the site works online, and says so */
          document.documentElement.classList.remove("can-keep-copy");
        });
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }
}
