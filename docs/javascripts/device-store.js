/* What this guide keeps on the shopper's device (localStorage), and nothing else: the details they typed
   (by name, shared by every checklist, message and 내 사건), each checklist's ticks, the 내 사건 log of
   what was sent when, and what the last reset cleared (so 되돌리기 survives a reload).

   - Keys are scoped to the site's folder: two copies of the guide on one host (user.github.io/a/ and
     /b/) never read or wipe each other's data. Keys written before scoping ("SITE/details",
     "SITE/checklist/ID") are moved once to the first copy that runs.
   - Every value is checked for its shape when read. One of the wrong shape (from an older version,
     another tab, a hand edit) is dropped with a console warning, never passed on to break a page.
   No page in here: checklists.js, my-case.js and device-data.js use it, and node's tests (tests/js/). */

import CONSTANTS from "../assets/javascripts/guide-constants.js";

/* The site's name in every key (hooks/guidekit/shared_constants.py, written into the site by the build). */
const SITE = CONSTANTS.storage;
const LEGACY = `${SITE}/`;

/* Detail names used before each had one name (the deadline helper's 수령일 and 안 날): moved to the
   name the data file gives the same detail, unless that one already has a value. */
const RENAMED = { 수령일: "받은 날", "안 날": "광고와 다른 걸 안 날" };

/* Direction controls and zero-width characters (pasted along with a number, or typed on purpose) would
   reverse the words around a filled blank, here and in the message the shopper pastes elsewhere. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function clean(value) {
  return typeof value === "string" ? value.replace(INVISIBLE, "") : "";
}

/** The key prefix of the copy of the guide whose root is `scope` (a URL): "SITE:/a/:". */
export function prefixFor(scope) {
  let path = scope?.pathname ? scope.pathname : "/";
  if (!path.endsWith("/")) path = path.slice(0, path.lastIndexOf("/") + 1);
  return `${SITE}:${path}:`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/* The shape of each kind of value: the value as it may be used, or null when it cannot be. Parts of the
   wrong shape inside a value of the right one are left out (and counted, for the warning). */
const SHAPES = {
  details(value, dropped) {
    if (!isPlainObject(value)) return null;
    const out = {};
    for (const [name, text] of Object.entries(value)) {
      if (typeof text === "string" && clean(text)) out[name] = clean(text);
      else dropped.push(name);
    }
    return out;
  },
  ticks(value, dropped) {
    if (!isPlainObject(value) || !isPlainObject(value.items || {})) return null;
    const items = {};
    for (const [id, on] of Object.entries(value.items || {})) {
      if (on === true) items[id] = true;
      else dropped.push(id);
    }
    return { items };
  },
  case(value, dropped) {
    if (!isPlainObject(value)) return null;
    const sent = [];
    for (const entry of Array.isArray(value.sent) ? value.sent : []) {
      if (isPlainObject(entry) && typeof entry.what === "string" && ISO_DAY.test(entry.date || "")) {
        sent.push({ what: entry.what, date: entry.date });
      } else {
        dropped.push(JSON.stringify(entry));
      }
    }
    return { sent };
  },
  undo(value, dropped) {
    if (!isPlainObject(value)) return null;
    const out = {};
    if ("items" in value) out.items = SHAPES.ticks(value, dropped)?.items || {};
    if ("details" in value) out.details = SHAPES.details(value.details, dropped) || {};
    if ("case" in value) out.case = SHAPES.case(value.case, dropped) || { sent: [] };
    return out;
  },
};

/** Which shape the value under `name` has: "details", "case", "checklist/ID" (ticks), "undo/…". */
export function shapeOf(name) {
  if (name === "details") return "details";
  if (name === "case") return "case";
  if (name.startsWith("checklist/")) return "ticks";
  if (name.startsWith("undo/")) return "undo";
  return null;
}

/** `text` as stored under `name`, checked: [value, problem]. Value is null when nothing usable is there. */
export function parseStored(name, text) {
  if (text === null || text === undefined) return [null, null];
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return [null, "not JSON"];
  }
  const shape = SHAPES[shapeOf(name)];
  if (!shape) return [null, "unknown key"];
  const dropped = [];
  const checked = shape(value, dropped);
  if (checked === null) return [null, `not the shape of ${shapeOf(name)}`];
  return [checked, dropped.length ? `dropped ${dropped.join(", ")}` : null];
}

/** The store of the copy of the guide whose root is `scope`, on `storage` (window.localStorage; in
    tests a Map-like stand-in). `warn` is console.warn. Storage that throws (private mode, blocked) reads
    as empty and keeps nothing. */
export function openStore(storage, scope, warn = () => {}) {
  const prefix = prefixFor(scope);
  const key = (name) => prefix + name;

  function raw(k) {
    try {
      return storage.getItem(k);
    } catch {
      return null;
    }
  }
  function put(k, text) {
    try {
      storage.setItem(k, text);
      return true;
    } catch {
      return false;
    }
  }
  function drop(k) {
    try {
      storage.removeItem(k);
    } catch {
      /* nothing stored */
    }
  }

  function read(name) {
    const [value, problem] = parseStored(name, raw(key(name)));
    if (problem) {
      warn(`${SITE}: ${key(name)}: ${problem}; ${value === null ? "dropped it" : "kept the rest"}.`);
      if (value === null) drop(key(name));
      else put(key(name), JSON.stringify(value));
    }
    return value;
  }
  function write(name, value) {
    return put(key(name), JSON.stringify(value));
  }
  function remove(name) {
    drop(key(name));
  }
  /** The names (without the prefix) of everything this copy stored. */
  function names() {
    const out = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
      }
    } catch {
      /* storage blocked: nothing of ours there */
    }
    return out;
  }

  /* Keys from before scoping: moved here once (the first copy of the guide to run takes them), and the
     old detail names moved to today's. */
  function migrate() {
    const old = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(LEGACY)) old.push(k);
      }
    } catch {
      return;
    }
    for (const k of old) {
      const name = k.slice(LEGACY.length);
      if (shapeOf(name) && raw(key(name)) === null) put(key(name), raw(k));
      drop(k);
    }
    const details = read("details");
    if (!details) return;
    let changed = false;
    for (const [before, now] of Object.entries(RENAMED)) {
      if (before in details) {
        if (!details[now]) details[now] = details[before];
        delete details[before];
        changed = true;
      }
    }
    if (changed) write("details", details);
  }

  return {
    prefix,
    read,
    write,
    remove,
    names,
    migrate,
    details: () => read("details") || {},
    setDetail(name, value) {
      const details = read("details") || {};
      const text = clean(value).trim() ? clean(value) : "";
      if (text) details[name] = text;
      else delete details[name];
      if (Object.keys(details).length) write("details", details);
      else remove("details");
    },
  };
}

let shared = null;

/** The store of the page's copy of the guide (Material gives the site's root as __md_scope); one per page,
    whichever script asks first moves the old keys. */
export function pageStore() {
  if (shared) return shared;
  let storage = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const scope = window.__md_scope || new URL(".", window.location.href);
  shared = openStore(storage || NO_STORAGE, scope, (m) => console.warn(m));
  shared.migrate();
  return shared;
}

const NO_STORAGE = {
  length: 0,
  key: () => null,
  getItem: () => null,
  setItem() {
    throw new Error("no storage");
  },
  removeItem() {},
};
