/* This guide's offline copy, written by hooks/offline.py at every build from the built site: every page,
   the files they load, the search index and workers, the icons. Each file is fetched past the HTTP cache and
   checked against its hash in this build, so a phone's copy is one build, whole, or nothing. A new build's
   worker fills its own cache in the background and waits: it takes over on the next visit, or at once when
   the reader taps the "new version" note (the page reloads). Old copies of this site are then removed. */
"use strict";
const VERSION = {{ version | tojson }};
const FILES = {{ files | tojson }};
const FALLBACK = {{ fallback | tojson }};
const ROOT = new URL("./", self.location);
/* One host may carry several sites (user.github.io/a/ and /b/): this site's caches carry its folder. */
const PREFIX = {{ prefix | tojson }} + " " + ROOT.pathname + " ";
const CACHE = PREFIX + VERSION;
const KEYS = new Set(FILES.map(([url]) => new URL(url, ROOT).href));

self.addEventListener("install", (event) => event.waitUntil(fill()));

self.addEventListener("activate", (event) => event.waitUntil(dropOldCopies()));

self.addEventListener("message", (event) => {
  if (event.data === "guide-offline:update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
  event.respondWith(answer(request, url));
});

async function fill() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(FILES.map(async ([url, integrity]) => {
      const href = new URL(url, ROOT).href;
      const response = (await unchanged(href, integrity)) || (await fetch(href, { cache: "no-cache", integrity }));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(href, response);
    }));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/* A file the previous copy already holds with the same bytes is not downloaded again. */
async function unchanged(href, integrity) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.match(href, { cacheName: name });
    if (!old) continue;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", await old.clone().arrayBuffer()));
    if ("sha384-" + btoa(String.fromCharCode(...digest)) === integrity) return old;
  }
  return null;
}

async function dropOldCopies() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

async function answer(request, url) {
  let href = url.origin + url.pathname;
  if (href.endsWith("/index.html")) href = href.slice(0, -"index.html".length);
  if (KEYS.has(href)) {
    const hit = await caches.match(href, { cacheName: CACHE });
    /* Answered as the address asked for: a worker started as `ko-search.js?base=…` reads its own address. */
    if (hit) return hit.url === request.url ? hit : new Response(hit.body, hit);
  } else if (request.mode === "navigate" && KEYS.has(href + "/")) {
    /* `payment` is the page `payment/`, as the server would answer */
    return Response.redirect(href + "/" + url.search, 301);
  }
  try {
    return await fetch(request);
  } catch (error) {
    const page = request.mode === "navigate" && (await caches.match(new URL(FALLBACK, ROOT).href, { cacheName: CACHE }));
    if (page) return new Response(page.body, { status: 404, headers: page.headers });
    throw error;
  }
}
