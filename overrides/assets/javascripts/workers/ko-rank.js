/* The first answer. Material's search (lunr) finds every section that shares a piece with the query; this
   module decides their order, so that Enter (which opens the first) lands on the section that answers
   what was asked. It runs in the search worker (inlined into ko-search.js by the build) and in node's tests
   (tests/js/ko-rank.test.mjs), with no page.

   A query is read word by word (readQuery):
   - question words from the data file's `search.questions` (어디, 몇 시, 며칠까지 …) are not searched for:
     they say what kind of answer is wanted (a menu path, hours, a deadline, an amount), and the places that
     state a value of that kind (a fact from the same table) come first and show it in their snippet;
   - negations (안, 못, 없음, 않아요, glued or not) are no words to find either: they make the query negative,
     and the wordings that are negative too ("판매자가 연락이 안 돼요") fit it better;
   - light words (됨, 해요, 좀 …) count for nothing; what is left is the content: each word with the pieces
     of its forms (as typed without particles, its stems, its first-consonant or one-jamo reading, or two
     site words it is glued from).
   A section is scored (score) by how well one of its wordings fits the whole query (its heading; for a FAQ
   entry its question and other wordings; a scenario's section also those of the FAQ entries that ask the
   same, `lend` in the index) and by how much of the query its text covers, then by the answer kind and by
   what the section is (a scenario's journey before the FAQ's short answer unless a value was asked for;
   pages that collect others last). A query whose words no section covers is weak (weakness): the no-match
   list then follows the few results, or replaces them when they share almost nothing with the query. */
import {
  analyse,
  bigrams,
  compact,
  corrected,
  fromInitials,
  known,
  plain,
  stemKey,
  stripParticle,
  synonymsFor,
  verbStems,
} from "./ko-analysis.js";

const QUERY_INITIALS = /^[\u3131-\u314e]{2,}$/;
const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
/* Letters and digits (1372, FAQ, 09:00): pieces of their own, as lunr's index has them. */
const LATIN_RUN = /[0-9a-z]+/g;
/* A form matched by fewer of its pieces than this shares a syllable by chance, not a word (and a glued
   승인번호 is not found by 번호 alone). */
const PARTIAL = 0.6;

/* Words that carry no content in a query: forms of 하다/되다/있다/주다 standing alone, fillers, and the
   question words that ask for no particular kind of answer (어떻게: the steps are every section's answer). */
// biome-ignore format: a table
const LIGHT_WORDS = new Set([
  "됨", "돼", "돼요", "되요", "되나요", "되나", "됐어요", "됐음", "됐는데", "됐다", "되는", "되면", "되는데", "됩니다",
  "해", "해요", "해줘", "해줘요", "해줌", "해주세요", "해줘야", "했어요", "했는데", "했음", "함", "하는", "하면", "하고",
  "할", "하나요", "해야", "해야해요", "합니다", "해서", "있어요", "있음", "있나요", "있어", "주세요", "줘요", "줌", "줘",
  "요", "좀", "너무", "진짜", "정말", "그냥", "제", "내", "저", "것", "거", "게", "수", "등", "이거", "그거", "어떻게",
  "어떡해", "어떡해요", "어떻게요", "뭐", "뭘", "뭐예요", "뭔가요", "뭐죠", "왜", "누가", "무엇", "어떤", "법", "하는법",
  "싶어요", "싶음", "싶은데", "싶다", "당함", "당했어요", "같아요", "같음", "같아", "같은데", "같습니다", "방법", "방법은", "하는방법", "오래", "계속", "자꾸", "많이", "빨리", "제발", "완전", "엄청", "혹시", "혹시나", "이제", "근데", "그런데", "저기",
]);
const NEG_ALONE = new Set(["안", "못"]);
/* What a verb made of a noun starts with: 나다, 되다, 하다, 당하다 (박살났어요, 취소됨, 취소당함). */
const PREDICATE = /^(났|나|됐|되|돼|됨|했|해|하|함|당)/;
/* 없다, 않다, 아니다 in any form: 없음, 없어요, 않아요, 아니에요, 아님. */
const NEG_STEM = /^(없|않|아니|아닌|아님)/;

/* ── the question table ───────────────────────────────────────────────────────────────────── */

/** The data file's question table as the index carries it ([{asks, values}]) -> the asking words
    (spacing removed) with the kinds each asks for, longest first, and each kind's values (spacing removed). */
export function questionTable(questions) {
  const asks = new Map();
  (questions || []).forEach((row, kind) => {
    for (const word of row.asks || []) {
      const key = compact(word);
      if (!asks.has(key)) asks.set(key, new Set());
      asks.get(key).add(kind);
    }
  });
  return {
    asks: [...asks.entries()].sort((a, b) => b[0].length - a[0].length),
    spaced: (questions || []).flatMap((row) => (row.asks || []).filter((word) => /\s/.test(word))),
    values: (questions || []).map((row) => (row.values || []).map(compact).filter(Boolean)),
  };
}

/* ── reading a query ──────────────────────────────────────────────────────────────────────── */

function isLight(word) {
  return LIGHT_WORDS.has(word) || LIGHT_WORDS.has(stripParticle(word));
}

function isSynonym(word, site) {
  const flat = compact(word);
  return (site.groups || []).some((group) => group.compact.includes(flat));
}

function isNegation(word) {
  if (NEG_ALONE.has(word) || NEG_STEM.test(word)) return true;
  // 안됨, 안돼요, 못함: 안/못 before a light verb
  return /^[안못]/.test(word) && word.length >= 2 && isLight(word.slice(1));
}

/** The pieces of each way a content word may be meant, as lists of index pieces (all must be there). */
function formsOf(word, site) {
  if (!/^[\uac00-\ud7a3\u3131-\u314e]+$/.test(word)) {
    // 1372, faq, 09:00–18:00, my쇼핑: the letter and digit runs, and the Hangul runs' pieces
    const form = (word.match(LATIN_RUN) || []).concat(
      ...(word.match(HANGUL_RUN) || []).map((run) => bigrams(stripParticle(run))),
    );
    return { forms: [form], guessed: false };
  }
  if (QUERY_INITIALS.test(word)) return { forms: fromInitials(word).map((found) => bigrams(found)), guessed: false };
  const base = stripParticle(word);
  const stems = verbStems(word).filter((stem) => !site.stems || site.stems[stem]);
  const forms = [];
  let guessed = false;
  if (known(base) || stems.length || base.length < 2) forms.push(bigrams(base));
  else {
    const near = corrected(base);
    if (near) {
      forms.push(bigrams(near));
      guessed = true;
    } else forms.push(bigrams(base));
  }
  for (const stem of stems) forms.push(bigrams(stemKey(stem)));
  // glued words: 두번 -> 두 번, 같은상품 -> 같은 상품, 결제됨 -> 결제 (되다)
  if (!known(base) && base.length === 2) forms.push([base[0], base[1]]);
  // a known word with a verb glued on: 박살났어요 -> 박살 (나다), 오배송됐어요 -> 오배송 (되다)
  for (let i = 2; i < base.length && !known(base); i++) {
    const rest = base.slice(i);
    if (known(base.slice(0, i)) && (isLight(rest) || PREDICATE.test(rest))) forms.push(bigrams(base.slice(0, i)));
  }
  for (let i = 2; i <= base.length - 2; i++) {
    const left = base.slice(0, i);
    const right = base.slice(i);
    const rightStems = verbStems(right).filter((stem) => !site.stems || site.stems[stem]);
    if (known(left) && (known(stripParticle(right)) || rightStems.length)) {
      const tail = known(stripParticle(right)) ? bigrams(stripParticle(right)) : bigrams(stemKey(rightStems[0]));
      forms.push(bigrams(left).concat(tail));
    }
  }
  return { forms, guessed };
}

/** A query as typed -> what it asks: its content words (each {text, forms}), whether it is negative, the
    kinds of answer its question words ask for, and the text to give lunr (the content words only). */
export function readQuery(query, table, site) {
  let text = String(query || "")
    .toLowerCase()
    .replace(/["'“”‘’^~*:+?!.,]/g, " ");
  for (const spaced of table.spaced) text = text.split(spaced).join(compact(spaced));
  const typed = text.trim().split(/\s+/).filter(Boolean);
  const reading = { words: [], neg: false, kinds: new Set(), asked: [] };
  const content = [];
  for (let word of typed) {
    if (!/[\uac00-\ud7a3\u3131-\u314e]/.test(word)) {
      content.push(word);
      continue;
    }
    // question words, at the start (어딨어요, 며칠까지) or glued at the end (반품기한, 상담가능시간)
    let asked = null;
    for (const [ask, kinds] of table.asks) {
      if (word.startsWith(ask) || (word.endsWith(ask) && word.length - ask.length >= 2)) {
        asked = [ask, kinds];
        break;
      }
    }
    if (asked) {
      const [ask, kinds] = asked;
      for (const kind of kinds) reading.kinds.add(kind);
      reading.asked.push(word);
      if (word.startsWith(ask)) continue;
      word = word.slice(0, -ask.length);
    }
    // a word the synonym groups know is meant as a whole: 안해줘요 is 거부, not 안 + 해 주다
    if (isSynonym(word, site)) {
      content.push(word);
      continue;
    }
    if (isNegation(word)) {
      reading.neg = true;
      continue;
    }
    if (isLight(word)) continue;
    // 안/못 glued before a verb (안와요, 못받음) or a negation glued after a noun (연락안됨, 주문없음)
    if (/^[안못]/.test(word) && word.length >= 2 && !known(word)) {
      reading.neg = true;
      word = word.slice(1);
      if (isLight(word)) continue;
    } else {
      for (let i = 2; i < word.length; i++) {
        if (known(word.slice(0, i)) && isNegation(word.slice(i))) {
          reading.neg = true;
          word = word.slice(0, i);
          break;
        }
      }
    }
    content.push(word);
  }
  // nothing but question words ("공휴일", "기한"): they are what is searched for
  if (!content.length) for (const word of reading.asked) content.push(word);
  for (const word of content) {
    const { forms, guessed } = formsOf(word, site);
    reading.words.push({ text: word, forms, weight: guessed ? 0.9 : 1 });
  }
  reading.lunr = content.join(" ");
  return reading;
}

/* ── the site's sections ──────────────────────────────────────────────────────────────────── */

/** One wording (a heading, a question, another wording): its pieces (spacing ignored, so 두번 meets
    "두 번"; stems and synonyms too), its content words and whether it is negative. */
function wording(text, site, table) {
  const grams = new Set();
  for (const run of compact(text).match(HANGUL_RUN) || []) for (const gram of bigrams(run)) grams.add(gram);
  const withSynonyms = [text].concat(synonymsFor(text, site.groups || []));
  for (const run of withSynonyms.join(" ").toLowerCase().match(LATIN_RUN) || []) grams.add(run);
  oneSyllableWords(text, grams);
  for (const piece of analyse(withSynonyms, site.stems).split(" ")) if (piece) grams.add(piece);
  const read = readQuery(text, table, site);
  // each content word's weight, as a query word's (rare words decide), from how many sections have its
  // rarest piece: a cheap stand-in for counting sections per word, made once per wording
  const N = site.texts.length || 1;
  const weightsOf = read.words.map((word) => {
    let df = N;
    for (const piece of word.forms[0] || []) df = Math.min(df, site.grams[piece] || 0);
    return df ? Math.sqrt(Math.log(1 + N / (1 + df))) : 0;
  });
  return { grams, words: read.words, weights: weightsOf, neg: read.neg };
}

/* 답을, 돈이: a one-syllable word with its particle is a piece of its own, and the word alone another, so
   a query's 답 or 돈 finds it. */
const ONE_SYLLABLE_WITH_PARTICLE = /^([\uac00-\ud7a3])[을를이가은는도만에와과로의]$/;
function oneSyllableWords(text, into) {
  for (const word of text.match(HANGUL_RUN) || []) {
    const m = ONE_SYLLABLE_WITH_PARTICLE.exec(word);
    if (m) into.add(m[1]);
  }
}

/** Everything ranking needs to know of the index, made once when search opens (after ko-analysis setup,
    before Material drops the fields): per section its pieces, wordings, role and the answer kinds it
    states; the no-match entries. */
export function prepare(index, site, fields) {
  const ko = index.config[fields.config] || {};
  const table = questionTable(ko.questions);
  const scenarios = new Set(ko.scenarios || []);
  const collectors = new Set(ko.collectors || []);
  const byLocation = new Map(index.docs.map((doc) => [doc.location, doc]));
  const lentTo = new Map();
  for (const [to, from] of Object.entries(ko.lend || {})) lentTo.set(to, from);
  const docs = new Map();
  for (const doc of index.docs) {
    const text = plain(doc.text);
    const flat = compact(text);
    const texts = [plain(doc.title)].concat(doc[fields.aliases] || []);
    for (const from of lentTo.get(doc.location) || []) {
      const faq = byLocation.get(from);
      if (faq) texts.push(plain(faq.title), ...(faq[fields.aliases] || []));
    }
    const page = doc.location.split("#")[0];
    const kinds = new Set();
    table.values.forEach((values, kind) => {
      if (values.some((value) => flat.includes(value))) kinds.add(kind);
    });
    const wordings = texts.map((t) => wording(t, site, table));
    // what a section is found by includes the wordings lent to it
    const pieces = new Set(String(doc[fields.field] || "").split(" "));
    for (const w of wordings) for (const gram of w.grams) pieces.add(gram);
    const all = texts.concat(text).join(" ");
    oneSyllableWords(all, pieces);
    for (const run of all
      .concat(" ", synonymsFor(all, site.groups || []).join(" "))
      .toLowerCase()
      .match(LATIN_RUN) || [])
      pieces.add(run);
    docs.set(doc.location, {
      location: doc.location,
      doc,
      pieces,
      wordings,
      role: roleOf(doc, page, scenarios, collectors, fields),
      kinds,
      size: text.length,
    });
  }
  return { table, docs, site, size: index.docs.length };
}

function roleOf(doc, page, scenarios, collectors, fields) {
  if (collectors.has(page) || (doc.boost !== undefined && doc.boost < 1)) return "collector";
  if (scenarios.has(doc.location)) return "scenario";
  if (doc[fields.aliases]) return "faq";
  return doc.location.includes("#") ? "section" : "page";
}

/* ── scoring ──────────────────────────────────────────────────────────────────────────────── */

/** How much of `word` a set of pieces holds: the best of its forms, by the share of their pieces present. */
export function matchOf(pieces, word) {
  let best = 0;
  for (const form of word.forms) {
    if (!form.length) continue;
    let found = 0;
    for (const piece of form) if (pieces.has(piece)) found++;
    best = Math.max(best, found / form.length);
  }
  return best < PARTIAL ? 0 : best;
}

/* A section's role, as a small lead among equal fits: with no value asked for, a problem's journey (the
   scenario) before the FAQ's short answer; when a value is asked for, the short answer stating it first.
   Pages that only collect others (checklists, summary, messages, my case) never come first on a tie. */
const ROLE = {
  plain: { scenario: 0.08, section: 0.03, faq: 0.02, page: 0.02, collector: -0.3 },
  asking: { faq: 0.06, scenario: 0.03, section: 0.03, page: 0.02, collector: -0.3 },
};

/** The weight of each content word: rare words decide, words on every page hardly count, and a word no
    section has (a name, a slip too far to read) cannot tell sections apart, so it weighs nothing. */
function weights(reading, prepared) {
  return reading.words.map((word) => {
    let df = 0;
    for (const doc of prepared.docs.values()) if (matchOf(doc.pieces, word) > 0) df++;
    // square-rooted: a word on two pages is not four times a word on twenty (오래, 박스 would decide)
    return df ? word.weight * Math.sqrt(Math.log(1 + prepared.size / (1 + df))) : 0;
  });
}

function fit(wordingOf, reading, w, total, queryPieces) {
  let found = 0;
  reading.words.forEach((word, i) => {
    found += w[i] * matchOf(wordingOf.grams, word);
  });
  const recall = total ? found / total : 0;
  if (!recall) return 0;
  // how much of the wording the query says: "판매자 연락" fits "판매자가 연락이 안 돼요" better than a
  // long question that merely contains both words
  let own = 0;
  let said = 0;
  wordingOf.words.forEach((word, i) => {
    own += wordingOf.weights[i];
    if (matchOf(queryPieces, word) > 0) said += wordingOf.weights[i];
  });
  const precision = own ? said / own : 1;
  let polarity = 0;
  if (reading.neg) polarity = wordingOf.neg ? 0.08 : -0.04;
  else if (wordingOf.neg) polarity = -0.02;
  // a wording that says exactly what was typed, no more and no less
  const exact = recall >= 0.99 && precision >= 0.99 ? 0.05 : 0;
  return recall * (0.7 + 0.3 * precision) + polarity + exact;
}

/** Every section's score for a reading: {location -> {score, cover, intent, stated}}; `weights` gives
    each content word's weight. */
export function score(reading, prepared) {
  const w = weights(reading, prepared);
  reading.weights = w;
  const total = w.reduce((a, b) => a + b, 0);
  const queryPieces = new Set();
  for (const word of reading.words) for (const form of word.forms) for (const piece of form) queryPieces.add(piece);
  const typed = reading.words.map((word) => word.text).join(" ");
  for (const run of compact(typed).match(HANGUL_RUN) || []) for (const gram of bigrams(run)) queryPieces.add(gram);
  // a wording's 상품 is said by a query's 물건 (the data file's synonym groups)
  for (const piece of analyse(synonymsFor(typed, prepared.site.groups || []), prepared.site.stems).split(" "))
    if (piece) queryPieces.add(piece);
  const asking = reading.kinds.size > 0;
  const roles = asking ? ROLE.asking : ROLE.plain;
  const out = new Map();
  for (const doc of prepared.docs.values()) {
    let covered = 0;
    reading.words.forEach((word, i) => {
      covered += w[i] * matchOf(doc.pieces, word);
    });
    const cover = total ? covered / total : 0;
    // the wording that fits best, and a little for what its wordings say together ("택배 분실" and
    // "배송완료인데 안 왔어요" together say "택배가 안 왔는데 배송완료")
    let best = 0;
    let together = 0;
    reading.words.forEach((word, i) => {
      let found = 0;
      for (const wordingOf of doc.wordings) found = Math.max(found, matchOf(wordingOf.grams, word));
      together += w[i] * found;
    });
    // and a little for a second wording that fits too: a section several ways of asking lead to is
    // more surely the one meant than one that happens to share the words once
    let second = 0;
    for (const wordingOf of doc.wordings) {
      const f = fit(wordingOf, reading, w, total, queryPieces);
      if (f > best) [best, second] = [f, best];
      else second = Math.max(second, f);
    }
    const intent = best ? 0.85 * best + 0.15 * (total ? together / total : 0) + 0.05 * second : 0;
    const stated = asking && [...reading.kinds].some((kind) => doc.kinds.has(kind));
    if (!cover && !intent) continue;
    out.set(doc.location, {
      score: intent + 0.5 * cover + roles[doc.role],
      cover,
      intent,
      stated,
      size: doc.size,
      collector: doc.role === "collector",
    });
  }
  // A value asked for reorders the sections about the right thing, it does not pull up another topic:
  // among those that fit about as well as the best, the ones stating it first, the shortest (where the
  // snippet is the answer) ahead.
  let bestIntent = 0;
  for (const s of out.values()) if (!s.collector) bestIntent = Math.max(bestIntent, s.intent);
  for (const s of out.values()) {
    if (!s.stated || s.intent < bestIntent - 0.2) s.stated = false;
    else s.score += 0.2 + 0.4 * Math.min(1, 300 / Math.max(s.size, 1));
  }
  return out;
}

/** How well the best results cover the query: "strong" (some section has every content word the site
    knows, and it knows most of them), "weak" (the best has at least half), or "none". */
export function weakness(scores, reading, prepared) {
  const w = reading.weights || weights(reading, prepared); // score() has made them for this reading
  const known = w.filter(Boolean).length;
  if (!known) return "none";
  let best = 0;
  for (const s of scores.values()) best = Math.max(best, s.cover, s.intent);
  // most of what was typed is on no page: what matched is a word on the side
  if (best >= 0.99 && known * 2 >= w.length) return "strong";
  return best >= 0.5 ? "weak" : "none";
}

/* ── the list ─────────────────────────────────────────────────────────────────────────────── */

/* More than a reader scrolls through; the count above the list is of these. */
const LIST_KEEP = 40;
/* A weak query's results shown above the ways on: the few that share most with it. */
const WEAK_LIST_KEEP = 3;
const BLOCK_END = /<\/(?:p|li|td|th|h[1-6]|dd|dt|blockquote|summary)>/i;

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The block of a section's text (a paragraph, a list item, a cell) that states one of `values` (spacing
    removed), as HTML with the value marked; or null. */
export function answerBlock(html, values) {
  for (const block of String(html || "").split(BLOCK_END)) {
    const text = plain(block).replace(/\s+/g, " ").trim();
    const flat = compact(text);
    for (const value of values) {
      if (!value || !flat.includes(value)) continue;
      // the value as written in the text, whatever its spacing
      const pattern = new RegExp(spaced(value), "iu");
      const m = pattern.exec(text);
      if (!m) continue;
      const before = text.slice(0, m.index);
      const after = text.slice(m.index + m[0].length);
      return `<p>${escapeHtml(before)}<mark data-md-highlight>${escapeHtml(m[0])}</mark>${escapeHtml(after)}</p>`;
    }
  }
  return null;
}

/** The first block of a section's text, for a section lunr did not return (so it has no snippet). */
function firstBlock(html) {
  for (const block of String(html || "").split(BLOCK_END)) {
    const text = plain(block).replace(/\s+/g, " ").trim();
    if (text) return `<p>${escapeHtml(text)}</p>`;
  }
  return "";
}

/** Material's result (`items`: the matches grouped by page, as its list shows them) in our order: the
    sections by score, each page's group where its best section falls, the value asked for in the snippet;
    for a weak query the ways on (`ways`, the no-match entries) after the few results, or instead of them.
    Returns the new items, or null to leave Material's as they are. */
export function arrange(items, reading, prepared, ways) {
  const scores = score(reading, prepared);
  const level = reading.words.length ? weakness(scores, reading, prepared) : "none";
  const found = new Map();
  for (const group of items || []) for (const item of group) found.set(item.location, item);
  let ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  if (level === "none") ranked = [];
  else if (level === "weak")
    ranked = ranked.filter(([, s]) => Math.max(s.cover, s.intent) >= 0.5).slice(0, WEAK_LIST_KEEP);
  else ranked = ranked.slice(0, LIST_KEEP);
  const values = [...reading.kinds].flatMap((kind) => prepared.table.values[kind] || []);
  const groups = new Map();
  for (const [location, s] of ranked) {
    const doc = prepared.docs.get(location).doc;
    const item = { ...(found.get(location) || { location, title: doc.title, text: firstBlock(doc.text), terms: {} }) };
    item.score = Math.round(s.score * 1000) / 1000;
    if (s.stated) {
      if (!compactIncludesAny(plain(item.text), values)) {
        const block = answerBlock(doc.text, values);
        if (block) item.text = block + item.text;
      } else item.text = markValue(item.text, values);
    }
    const page = location.split("#")[0];
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(item);
  }
  const out = [];
  for (const [page, group] of groups) {
    if (!group.some((item) => item.location === page)) {
      const article = prepared.docs.get(page)?.doc;
      group.push({ ...(found.get(page) || article || { location: page, title: page, text: "" }), score: 0, terms: {} });
    }
    out.push(group);
  }
  if (level !== "strong" && ways) for (const group of ways.items) out.push(group);
  return { items: out, level };
}

/** The snippet with the value asked for marked where it stands. Material may have marked words inside it
    already (주문배송 in a path): those marks give way to one around the whole value. */
export function markValue(html, values) {
  for (const value of values) {
    if (!value) continue;
    const pattern = new RegExp(`(${spaced(value, "(?:</?mark[^>]*>)*")})`, "iu");
    const m = pattern.exec(html);
    if (!m || /<mark[^>]*>[^<]*$/.test(html.slice(0, m.index))) continue;
    const inner = m[1].replace(/<\/?mark[^>]*>/g, "");
    return `${html.slice(0, m.index)}<mark data-md-highlight>${inner}</mark>${html.slice(m.index + m[1].length)}`;
  }
  return html;
}

/* A value without its spacing as a pattern that allows any spacing between its characters. */
function spaced(value, between = "") {
  return [...value].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(`${between}\\s*${between}`);
}

function compactIncludesAny(text, values) {
  const flat = compact(text);
  return values.some((value) => value && flat.includes(value));
}
