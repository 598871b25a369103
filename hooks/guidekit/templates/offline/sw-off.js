/* `mkdocs serve`: no offline copy while editing. A worker left on this address by a built site (served
   here earlier) is replaced by this one, which removes that site's copies and itself and reloads its pages,
   so an editor never sees a stale page. */
"use strict";
const PREFIX = {{ prefix | tojson }} + " " + new URL("./", self.location).pathname + " ";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX)) await caches.delete(name);
  }
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
