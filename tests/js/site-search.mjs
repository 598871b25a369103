// A built site's search, in node, with no browser: Material's own search worker and ours (as the site serves
// them: site/assets/javascripts/workers/) run in a worker-like vm context, fed the site's search index; the
// results are laid out as Material's result list lays them out (templates/search/index.tsx in Material's
// source; the build checks it still does, hooks/guidekit/material_search.py) and Enter is read as the
// site's pages read it: ko-search-input.js where the site uses it, else Material's own rule (a stock build:
// Material's worker alone). Used by the node tests of ranking, by search-run.mjs (tests/test_search_landing.py,
// `make bench-search` with --no-browser).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const WORKERS = "assets/javascripts/workers";
const CONSTANTS = "assets/javascripts/guide-constants.js";

/** Material's worker message numbers (setup 0, ready 1, query 2, result 3), read from the built site's
    guide-constants.js rather than written here: this file also runs without make test-js's loader. Where
    they come from, and the build's check of them against the installed Material: hooks/guidekit/material_search.py. */
function messageTypes(siteDir) {
  const text = fs.readFileSync(path.join(siteDir, CONSTANTS), "utf8");
  const types = JSON.parse(text.replace(/^export default /, "").replace(/;\s*$/, "")).material;
  if (!types) throw new Error(`${CONSTANTS} in ${siteDir} has no Material message numbers: build the site again`);
  return types;
}

// Tags inside a line of text: gone without a trace, as in the browser's innerText ("<mark>09</mark>:00" is
// "09:00"); any other tag parts words.
const INLINE = /<\/?(?:a|abbr|b|code|del|em|i|ins|kbd|mark|s|small|span|strong|sub|sup|u)(?:\s[^>]*)?>/gi;

/** The plain text of a result's HTML (highlight marks and entities gone), as a reader sees it. */
export function textOf(html) {
  return String(html || "")
    .replace(INLINE, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** One group of Material's result (a page's items) as its list shows them: the page first (with its text
    only when it is the best match and no section ties it), the sections that tie the group's best score,
    then the others folded under "more" (not visible until opened). */
export function layout(group) {
  const threshold = group[0].score;
  const docs = [...group];
  const parent = docs.findIndex((doc) => !String(doc.location).includes("#"));
  const [article] = docs.splice(parent, 1);
  let index = docs.findIndex((doc) => doc.score < threshold);
  if (index === -1) index = docs.length;
  const entry = (doc, teaser, folded) => ({
    location: doc.location,
    title: textOf(doc.title),
    text: teaser ? textOf(doc.text) : "",
    score: doc.score,
    folded,
  });
  return [
    entry(article, parent === 0 && index === 0, false),
    ...docs.slice(0, index).map((doc) => entry(doc, true, false)),
    ...docs.slice(index).map((doc) => entry(doc, true, true)),
  ];
}

/** Where Enter goes (ko-search-input.js): the first entry, unless it is a page heading with no text of
    its own and a section follows it unfolded. */
export function enterTarget(groups) {
  const first = groups[0];
  if (!first) return null;
  if (!first[0].text && first[1] && !first[1].folded) return first[1].location;
  return first[0].location;
}

/** Where Enter goes on a stock build (Material's components/search: the link whose article has the
    highest `data-md-score`, two decimals as the page writes it; the first of equals in the list's order).
    The best score is always in the first group: groups come in the order of their best section. */
export function materialEnter(groups) {
  const first = groups[0];
  if (!first) return null;
  const shown = (entry) => Number(entry.score.toFixed(2));
  return first.reduce((best, entry) => (shown(entry) > shown(best) ? entry : best)).location;
}

/** Whether the site's pages run our search (ko-search.js in the worker's place, ko-search-input.js's
    Enter): overrides/main.html adds both only when the korean_search hook is on. */
function usesKoreanSearch(siteDir) {
  return fs.readFileSync(path.join(siteDir, "index.html"), "utf8").includes("ko-search-input.js");
}

/** The built site at `siteDir`, searchable: `await site.search(query)` gives Material's answer (`items`),
    the entries a reader sees in order (`visible`, each with its `score`; -1 for the entries shown when
    nothing matched) and where Enter goes (`enter`). */
export async function openSite(siteDir) {
  const workers = path.join(siteDir, WORKERS);
  const base = fs.readdirSync(workers).find((name) => /^search\.[0-9a-f]+\.min\.js$/.test(name));
  if (!base) throw new Error(`no Material search worker in ${workers}: build the site first`);
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, "search", "search_index.json"), "utf8"));
  const MESSAGE = messageTypes(siteDir);
  const korean = usesKoreanSearch(siteDir);
  const script = korean ? "ko-search.js" : base;

  const scope = {};
  const listeners = [];
  const waiting = [];
  Object.assign(scope, {
    console: { ...console, warn() {} },
    URL,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    location: { href: `http://127.0.0.1/${WORKERS}/${script}?base=${encodeURIComponent(base)}` },
    addEventListener(type, listener) {
      if (type === "message") listeners.push(listener);
    },
    postMessage(message) {
      const next = waiting.shift();
      if (next) next(message);
    },
    importScripts(...urls) {
      for (const url of urls) {
        const file = path.join(workers, new URL(url, scope.location.href).pathname.split("/").pop());
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      }
    },
  });
  scope.self = scope;
  const context = vm.createContext(scope);
  // `self instanceof WorkerGlobalScope` is how ko-search.js knows it runs as the worker.
  vm.runInContext("globalThis.WorkerGlobalScope = { [Symbol.hasInstance]: (v) => v === globalThis }", context);
  const worker = path.join(workers, script);
  vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });

  const send = (message) =>
    new Promise((resolve) => {
      waiting.push(resolve);
      for (const listener of listeners) listener.call(scope, { data: message });
    });
  const ready = await send({ type: MESSAGE.setup, data: { ...index, options: { suggest: false } } });
  if (ready?.type !== MESSAGE.ready) throw new Error(`the worker answered the index with ${JSON.stringify(ready)}`);

  return {
    index,
    /** Why a query ranks as it does: its reading and the best sections' scores (ko-search.js). */
    explain: (query) => scope.koSearch.explain(query),
    async search(query) {
      const answer = await send({ type: MESSAGE.query, data: query });
      const items = answer?.data?.items || [];
      const groups = items.map(layout);
      return {
        items,
        groups,
        visible: groups.flat().filter((entry) => !entry.folded),
        enter: korean ? enterTarget(groups) : materialEnter(groups),
      };
    },
  };
}
