// What the guide keeps on the device (docs/javascripts/device-store.js): scoped keys, the one-time move of
// the keys from before scoping, and values of the wrong shape dropped with a warning, never passed on.
import assert from "node:assert/strict";
import { test } from "node:test";

import { clean, openStore, parseStored, prefixFor } from "../../docs/javascripts/device-store.js";

class Memory {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
  }
  get length() {
    return this.map.size;
  }
  key(i) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}
const at = (path) => new URL(path, "https://owner.github.io");

test("keys are scoped to the site's folder", () => {
  assert.equal(prefixFor(at("/")), "kshop-help:/:");
  assert.equal(prefixFor(at("/guide/")), "kshop-help:/guide/:");
  assert.equal(prefixFor(at("/guide/index.html")), "kshop-help:/guide/:");
});

test("two copies on one host neither see nor clear each other's data", () => {
  const storage = new Memory();
  const a = openStore(storage, at("/a/"));
  const b = openStore(storage, at("/b/"));
  a.setDetail("주문 번호", "111");
  b.setDetail("주문 번호", "222");
  assert.equal(a.details()["주문 번호"], "111");
  for (const name of a.names()) a.remove(name);
  assert.deepEqual(a.details(), {});
  assert.equal(b.details()["주문 번호"], "222");
});

test("keys from before scoping move once to the first copy, old detail names to today's", () => {
  const storage = new Memory({
    "kshop-help/details": JSON.stringify({ "주문 번호": "123", 수령일: "2026-12-18", "안 날": "2026-12-20" }),
    "kshop-help/checklist/prepare": JSON.stringify({ items: { photos: true } }),
  });
  const a = openStore(storage, at("/a/"));
  a.migrate();
  assert.deepEqual(a.details(), { "주문 번호": "123", "받은 날": "2026-12-18", "광고와 다른 걸 안 날": "2026-12-20" });
  assert.deepEqual(a.read("checklist/prepare"), { items: { photos: true } });
  assert.equal(storage.getItem("kshop-help/details"), null);
  const b = openStore(storage, at("/b/"));
  b.migrate();
  assert.deepEqual(b.details(), {});
});

test("an old name never overwrites a value already under today's name", () => {
  const storage = new Memory({
    "kshop-help:/:details": JSON.stringify({ "받은 날": "2026-12-19", 수령일: "2026-12-18" }),
  });
  const store = openStore(storage, at("/"));
  store.migrate();
  assert.deepEqual(store.details(), { "받은 날": "2026-12-19" });
});

for (const name of ["details", "checklist/prepare", "case", "undo/checklist/prepare", "undo/case"]) {
  for (const [bad, text] of [
    ["a number", "42"],
    ["a string", '"hello"'],
    ["an array", "[]"],
    ["broken JSON", '{"items": '],
    ["null", "null"],
  ]) {
    test(`${bad} under ${name} is dropped with a warning`, () => {
      const storage = new Memory({ [`kshop-help:/:${name}`]: text });
      const warnings = [];
      const store = openStore(storage, at("/"), (m) => warnings.push(m));
      assert.equal(store.read(name), null);
      assert.equal(storage.getItem(`kshop-help:/:${name}`), null, "dropped");
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], new RegExp(name.replace("/", "\\/")));
    });
  }
}

test("parts of the wrong shape are dropped, the rest kept", () => {
  const warnings = [];
  const storage = new Memory({
    "kshop-help:/:details": JSON.stringify({ "주문 번호": "123", "송장 번호": 456, "받은 날": ["x"] }),
    "kshop-help:/:checklist/prepare": JSON.stringify({ items: { a: true, b: "yes" } }),
    "kshop-help:/:case": JSON.stringify({
      sent: [{ what: "withdrawal_notice", date: "2026-12-20" }, { what: 3 }, "x"],
    }),
  });
  const store = openStore(storage, at("/"), (m) => warnings.push(m));
  assert.deepEqual(store.details(), { "주문 번호": "123" });
  assert.deepEqual(store.read("checklist/prepare"), { items: { a: true } });
  assert.deepEqual(store.read("case"), { sent: [{ what: "withdrawal_notice", date: "2026-12-20" }] });
  assert.equal(warnings.length, 3);
  // Rewritten clean: the next read has nothing to warn about.
  store.details();
  assert.equal(warnings.length, 3);
});

test("storage that throws reads as empty and keeps nothing", () => {
  const broken = {
    length: 0,
    key: () => null,
    getItem() {
      throw new Error("blocked");
    },
    setItem() {
      throw new Error("full");
    },
    removeItem() {
      throw new Error("blocked");
    },
  };
  const store = openStore(broken, at("/"));
  store.migrate();
  store.setDetail("주문 번호", "1");
  assert.deepEqual(store.details(), {});
});

test("invisible direction controls are taken out of what is stored", () => {
  assert.equal(clean("12\u202e34\u200b"), "1234");
  const store = openStore(new Memory(), at("/"));
  store.setDetail("주문 번호", "\u202e\u200b");
  assert.deepEqual(store.details(), {});
});

test("parseStored names the problem", () => {
  assert.deepEqual(parseStored("details", null), [null, null]);
  assert.equal(parseStored("details", "{")[1], "not JSON");
  assert.equal(parseStored("nobody", "{}")[1], "unknown key");
});
