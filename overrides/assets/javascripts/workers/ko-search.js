/* Korean search for Material's own search worker (loaded in its place; see overrides/main.html).

   The shipped index is Material's, plus the FAQ's other wordings and, in its config, the synonym groups
   and the no-result entries (hooks/guidekit/search_ko.py). Everything Korean happens in the browser, once
   when search opens and then per query, so the index stays small; the reading of words is ko-analysis.js.

   Written as an ES module, but Material starts this worker with `new Worker(url)`, a classic worker: the
   build inlines the imports (hooks/guidekit/classic.py), and the site serves one classic script. Loaded
   into a page (the browser tests, make bench-build), it only sets `koSearch`. */
import CONSTANTS from "../guide-constants.js";
import {
  analyse,
  bigrams,
  corrected,
  FIELDS,
  fallback,
  initials,
  initialsTable,
  normalise,
  plain,
  prepareSynonyms,
  setup,
  stripParticle,
  synonymsFor,
  verbStems,
} from "./ko-analysis.js";

/* Material's message numbers (setup, query, result), as hooks/guidekit/material_search.py checks them in the
   installed Material at every build. */
const MESSAGE = CONSTANTS.material;

/* Korean pieces make nearly every section match a little (주문, 결제 are everywhere), and Material
   highlights and sends back every match, which took most of a search's time. Only the best sections go
   on: more than a reader scrolls through, and the count above the list is of those. */
const KEEP = 40;
function keepBest(lunr) {
  if (!lunr?.Index) return;
  const search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (...args) {
    return search.apply(this, args).slice(0, KEEP);
  };
}

self.koSearch = {
  normalise,
  stripParticle,
  verbStems,
  bigrams,
  analyse,
  plain,
  setup,
  initials,
  corrected,
  synonymsFor,
  prepareSynonyms,
};

const isIndex = (data) => data?.type === MESSAGE.setup && Array.isArray(data.data?.docs);

/* Inside the worker: hold Material's worker until the first message (the index, sent when search
   opens), then load it with our listener in front: setup builds the Korean fields first, a query goes
   in normalised, and an empty result comes back as the ways on. */
function wrapWorker(scope) {
  const listeners = [];
  const post = scope.postMessage.bind(scope);
  const addListener = scope.addEventListener;
  let loaded = false;
  let lastQuery = null;
  scope.addEventListener = (type, listener, options) => {
    if (type !== "message") return addListener.call(scope, type, listener, options);
    listeners.push(listener);
  };
  scope.postMessage = (message) => {
    const empty = message?.type === MESSAGE.result && message.data?.items && !message.data.items.length;
    const ways = empty && lastQuery ? fallback() : null;
    return post(ways ? { type: MESSAGE.result, data: ways } : message);
  };
  addListener.call(scope, "message", (ev) => {
    let data = ev.data;
    if (!loaded) {
      loaded = true;
      scope.importScripts(new URL(scope.location.href).searchParams.get("base"));
      keepBest(scope.lunr);
    }
    if (isIndex(data)) setup(data.data);
    if (data && data.type === MESSAGE.query && typeof data.data === "string") {
      lastQuery = data.data.trim();
      data = { type: MESSAGE.query, data: normalise(data.data) };
    }
    const done = listeners.map((listener) => listener.call(scope, { data }));
    /* Once Material has built its index (setup), the bigram fields have done their job. Dropping them
       spares highlighting them and copying them back to the page with every result. */
    if (isIndex(data))
      Promise.all(done).then(() => {
        for (const doc of data.data.docs) {
          delete doc[FIELDS.field];
          delete doc[FIELDS.title];
        }
        // the first-consonant table, once the index is ready, so neither opening nor ㅂㅍ waits for it
        setTimeout(initialsTable, 0);
      });
  });
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) wrapWorker(self);
