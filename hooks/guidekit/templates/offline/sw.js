/* This guide's offline copy, written by hooks/offline.py at every build from the built site: every page,
   the files they load, the search index and workers, the icons. Each file is fetched past the HTTP cache and
   checked against its hash in this build, so a phone's copy is one build, whole, or nothing. A new build's
   worker fills its own cache in the background and waits: it takes over on the next visit, or at once when
   the reader taps the "new version" note (the page reloads). Old copies of this site are then removed.
   A page this copy does not hold (one a later build added) comes from the network with its files, so it
   never runs on this copy's stylesheets and scripts, which may be another build's under the same names. */
"use strict";
const VERSION = {{ version | tojson }};
const FILES = {{ files | tojson }};
const FALLBACK = {{ fallback | tojson }};
const ROOT = new URL("./", self.location);
/* One host may carry several sites (user.github.io/a/ and /b/): this site's caches carry its folder. */
const PREFIX = {{ prefix | tojson }} + " " + ROOT.pathname + " ";
const CACHE = PREFIX + VERSION;
const KEYS = new Set(FILES.map(([url]) => new URL(url, ROOT).href));
/* The pages among them (`payment/`, `404.html`): what a reader's tab may show from this copy. */
const PAGES = new Set([...KEYS].filter((href) => href.endsWith("/") || href.endsWith(".html")));

self.addEventListener("install", (event) => event.waitUntil(fill()));

self.addEventListener("activate", (event) => event.waitUntil(dropOldCopies()));

self.addEventListener("message", (event) => {
  if (event.data === {{ (prefix ~ ":update") | tojson }}) self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
  event.respondWith(answer(event, url));
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

/* `payment/index.html`, `payment/?q=x` and `payment/#top` are all the page `payment/`. */
function address(url) {
  const href = url.origin + url.pathname;
  return href.endsWith("/index.html") ? href.slice(0, -"index.html".length) : href;
}

/* A file answered to a page carries `no-cache`: Chromium keeps a page's stylesheets, scripts and images in
   memory and gives them to the tab's next page without asking this worker while their headers call them
   fresh (the host's max-age), and that next page may be of another build (one this copy lacks, or back). */
async function answer(event, url) {
  const response = await reply(event, url);
  if (event.request.mode === "navigate" || (response.type !== "basic" && response.type !== "default")) return response;
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-cache");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function reply(event, url) {
  const request = event.request;
  const href = address(url);
  if (request.mode === "navigate" && !KEYS.has(href) && KEYS.has(href + "/")) {
    /* `payment` is the page `payment/`, as the server would answer */
    return Response.redirect(href + "/" + url.search, 301);
  }
  const ours = await forThisCopy(event, href);
  if (ours) {
    const hit = await kept(request, href);
    if (hit) return hit;
  }
  try {
    /* Past the HTTP cache as well: it may still hold this copy's build of a file under the same name. */
    return await fetch(request, ours ? undefined : { cache: "no-cache" });
  } catch (error) {
    /* No network: the copy's file is the best there is (offline, a new page is this copy's 404 page). */
    const fallback = (!ours && (await kept(request, href))) || (request.mode === "navigate" && (await notFound()));
    if (fallback) return fallback;
    throw error;
  }
}

/* Whether the request belongs to a page of this copy: the navigation to one, or a file asked for by a tab
   that shows one. Decided from the request alone, so a worker the browser stopped and started again
   answers the same. A tab at an address the copy does not hold shows the host's 404 page of its build, or
   offline this copy's: network first is right for both. A request with no tab behind it (the browser's
   own) is answered from the copy.
   Search: the tab fetches the index (Material's bundle) and starts the search worker (`ko-search.js?base=…`),
   so a new page gets both from its own build. What that worker loads itself (Material's worker, named by
   its hash, and Lunr's language files) is asked for by the worker, whose address does not say which page
   started it, so it comes from this copy when the copy has it: the same bytes under the same names in any
   build made with the same Material; a build with another Material names its worker differently. */
async function forThisCopy(event, href) {
  if (event.request.mode === "navigate") return KEYS.has(href);
  /* Only the tabs are looked up. Firefox answers clients.get() for a worker from that worker's own thread,
     which is blocked in importScripts() while this request waits: the search never started there. */
  const windows = event.clientId ? await self.clients.matchAll({ type: "window" }) : [];
  const client = windows.find((each) => each.id === event.clientId);
  if (!client) return true;
  return PAGES.has(address(new URL(client.url)));
}

async function kept(request, href) {
  const hit = KEYS.has(href) && (await caches.match(href, { cacheName: CACHE }));
  if (!hit) return null;
  /* Answered as the address asked for: a worker started as `ko-search.js?base=…` reads its own address. */
  return hit.url === request.url ? hit : new Response(hit.body, hit);
}

/* The site's 404 page, for an address the copy does not hold, as the host answers it. */
async function notFound() {
  const page = await caches.match(new URL(FALLBACK, ROOT).href, { cacheName: CACHE });
  return page && new Response(page.body, { status: 404, headers: page.headers });
}
