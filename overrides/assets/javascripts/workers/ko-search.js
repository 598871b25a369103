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
  learnt,
  normalise,
  plain,
  prepareSynonyms,
  setup,
  stripParticle,
  synonymsFor,
  verbStems,
} from "./ko-analysis.js";
import { arrange, prepare, readQuery, score } from "./ko-rank.js";

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

/* The ranking's state once search has opened (prepare), and a way to see why a query ranks as it does
   (make bench-search, the node tests). */
let ranking = null;
self.koSearch.explain = (query, top = 8) => {
  if (!ranking) return null;
  const read = readQuery(query, ranking.table, learnt());
  const scores = [...score(read, ranking).entries()].sort((a, b) => b[1].score - a[1].score).slice(0, top);
  return {
    words: read.words.map((word, i) => `${word.text}:${(read.weights?.[i] ?? 0).toFixed(2)}`),
    neg: read.neg,
    kinds: [...read.kinds],
    top: scores.map(([location, s]) => ({ location, ...s })),
  };
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
  let reading = null;
  scope.addEventListener = (type, listener, options) => {
    if (type !== "message") return addListener.call(scope, type, listener, options);
    listeners.push(listener);
  };
  /* Material's answer to a query, in our order (ko-rank.js): the section that answers it first, and the
     ways on when nothing answers it. */
  scope.postMessage = (message) => {
    if (message?.type !== MESSAGE.result || !message.data?.items || !lastQuery) return post(message);
    if (!ranking || !reading) {
      const ways = message.data.items.length ? null : fallback();
      return post(ways ? { type: MESSAGE.result, data: ways } : message);
    }
    const { items } = arrange(message.data.items, reading, ranking, fallback());
    return post({ type: MESSAGE.result, data: { ...message.data, items } });
  };
  addListener.call(scope, "message", (ev) => {
    let data = ev.data;
    if (!loaded) {
      loaded = true;
      scope.importScripts(new URL(scope.location.href).searchParams.get("base"));
      keepBest(scope.lunr);
    }
    if (isIndex(data)) {
      setup(data.data);
      ranking = prepare(data.data, learnt(), FIELDS);
    }
    if (data && data.type === MESSAGE.query && typeof data.data === "string") {
      lastQuery = data.data.trim();
      reading = ranking ? readQuery(data.data, ranking.table, learnt()) : null;
      // lunr looks for the content words only: a question word or a negation would pull in any section
      // that happens to contain it ("없음" -> "주문이 없어요")
      data = { type: MESSAGE.query, data: normalise(reading?.lunr || data.data) };
    }
    const done = listeners.map((listener) => listener.call(scope, { data }));
    /* Once Material has built its index (setup), the bigram fields have done their job. Dropping them
       spares highlighting them and copying them back to the page with every result. */
    if (isIndex(data))
      Promise.all(done).then(() => {
        for (const doc of data.data.docs) {
          delete doc[FIELDS.field];
          delete doc[FIELDS.title];
          delete doc[FIELDS.aliases];
        }
        // the first-consonant table, once the index is ready, so neither opening nor ㅂㅍ waits for it
        setTimeout(initialsTable, 0);
      });
  });
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) wrapWorker(self);
