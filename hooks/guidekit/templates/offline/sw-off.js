/* `mkdocs serve`: no offline copy while editing. A worker left on this address by a built site (served
   here earlier) is replaced by this one, which removes that site's copies and itself and reloads its pages,
   so an editor never sees a stale page. */
"use strict";
const PREFIX = {{ prefix | tojson }} + " " + new URL("./", self.location).pathname + " ";

async function dropCopies() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX)) await caches.delete(name);
  }
}

/* The copies go already while this worker installs: Chromium may keep it waiting until the old worker has
   finished what it was doing, and meanwhile the old worker, finding no copy, answers from mkdocs serve. */
self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(dropCopies());
});

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  await dropCopies();
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
