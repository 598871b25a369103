// The no-browser search's reading of a result list (site-search.mjs) against what the browser shows: the
// text of an entry as innerText reads it, and where Enter goes on our site and on a stock one. The whole
// run, against a built site and the real search box, is tests/test_search_landing.py and
// tests/browser/test_search.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { enterTarget, layout, materialEnter, textOf } from "./site-search.mjs";

const doc = (location, score, text = "x") => ({ location, title: location, text, score });

test("an entry's text keeps a word whole across highlight marks and parts words across blocks", () => {
  assert.equal(textOf("<p>평일 <mark>09</mark>:<mark>00</mark>–18:00</p>"), "평일 09:00–18:00");
  assert.equal(textOf("<p>하나</p><p>둘</p>"), "하나 둘");
  assert.equal(textOf("<li>a &amp; b</li><li>&lt;c&gt;</li>"), "a & b <c>");
  assert.equal(textOf('<a href="x">주문<strong>번호</strong></a>'), "주문번호");
});

test("our Enter opens the first entry, or the first section after a page heading with no text", () => {
  // The page matched nothing of its own (score 0, appended by Material): its heading shows bare.
  const bare = layout([doc("faq/#a", 5), doc("faq/#b", 3), doc("faq/", 0)]);
  assert.equal(enterTarget([bare]), "faq/#a");
  // The page itself is the best match: it shows its text and is opened.
  const page = layout([doc("faq/", 9), doc("faq/#a", 5)]);
  assert.equal(enterTarget([page]), "faq/");
  assert.equal(enterTarget([]), null);
});

test("stock Material's Enter opens the best score shown, the first of equals", () => {
  const group = layout([doc("faq/#a", 5), doc("faq/#b", 7.001), doc("faq/", 0)]);
  assert.equal(materialEnter([group]), "faq/#b");
  // 7.001 and 7.004 are both "7.00" on the page: the first in the list wins.
  const tied = layout([doc("faq/#a", 7.004), doc("faq/#b", 7.001), doc("faq/", 0)]);
  assert.equal(materialEnter([tied]), "faq/#a");
  assert.equal(materialEnter([]), null);
});
