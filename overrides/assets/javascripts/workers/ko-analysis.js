/* Korean search's reading of words, with no worker and no page: what the search worker (ko-search.js) runs
   when search opens and for every query, and what node's tests (tests/js/ko-analysis.test.mjs) import.
   Material's search worker is a classic worker, so the build inlines this module into ko-search.js
   (hooks/guidekit/classic.py); the site never loads it as a file.

   - every section gets a field with the two-syllable pieces (bigrams) of its words, of their stems
     ("깨졌어요", "깨진", "깨짐" -> 깨지다), of its synonyms and other wordings; another the same for the
     heading. A typed query is cut the same way, so spacing, particles, endings and conjugation stop
     mattering: "중복결제" meets "중복 결제", "안받아줘요" meets "받아 주지".
   - a query of first consonants only (ㅂㅍ) becomes the site's words that start with them (반품);
   - a word the site does not have is read as the site's word one jamo away (반폼 -> 반품);
   - when nothing matches, the answer is a list of ways on instead of an empty page.
   Words without Hangul (FAQ, 1372, 09:00) pass through unchanged. */
import CONSTANTS from "../guide-constants.js";

/* The index fields this fills, as the build declares them (hooks/guidekit/search_ko.py). */
export const FIELDS = CONSTANTS.search;

const HANGUL = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g;
const IS_HANGUL = /^[\uac00-\ud7a3]+$/;
const WORD = /[\uac00-\ud7a3]+/g;
const INITIALS_ONLY = /^[\u3131-\u314e]{2,}$/;
const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
/* What one typed word weighs in all (lunr takes whole-number boosts only, so its pieces share 6). */
const WORD_WEIGHT = 6;
/* A two-syllable word is corrected only to one of the site's common words (in this many sections):
   two syllables have many near neighbours, and most of them are not what was meant. */
const COMMON = 10;

/* ── syllables ─────────────────────────────────────────────────────────────────────────────── */

/* A syllable as [initial, vowel, final] indices (Unicode order); and back. */
function parts(ch) {
  const c = ch.charCodeAt(0) - 0xac00;
  return [Math.floor(c / 588), Math.floor((c % 588) / 28), c % 28];
}
function syllable(l, v, t) {
  return String.fromCharCode(0xac00 + l * 588 + v * 28 + t);
}
const V = { A: 0, AE: 1, EO: 4, YEO: 6, O: 8, WA: 9, WAE: 10, OE: 11, U: 13, WO: 14, EU: 18, I: 20 };
const T = { NONE: 0, N: 4, D: 7, L: 8, M: 16, B: 17, S: 19, SS: 20, H: 27 };
const L = { NG: 11, R: 5, H: 18 };

function withFinal(word, t) {
  const p = parts(word.slice(-1));
  return word.slice(0, -1) + syllable(p[0], p[1], t);
}
function finalOf(word) {
  return word ? parts(word.slice(-1))[2] : -1;
}
/** 반품 -> ㅂㅍ */
export function initials(word) {
  let out = "";
  for (const ch of word) out += INITIALS[parts(ch)[0]];
  return out;
}

/* ── words -> stems ───────────────────────────────────────────────────────────────────────── */

/* Trailing particles, dropped from a word's end when at least two syllables remain ("쿠폰이" -> "쿠폰",
   but "문의" stays "문의"). Longest first. Not the particles an inserted value takes (those are
   guidekit/particles.py's, shared as CONSTANTS.particles): these are every ending a search word may carry. */
const PARTICLES = [
  "에서는",
  "으로는",
  "에게서",
  "이라도",
  "이라고",
  "까지는",
  "부터는",
  "에서",
  "에게",
  "한테",
  "으로",
  "까지",
  "부터",
  "처럼",
  "보다",
  "이나",
  "이랑",
  "라고",
  "에는",
  "와는",
  "과는",
  "을",
  "를",
  "은",
  "는",
  "이",
  "가",
  "에",
  "의",
  "도",
  "만",
  "로",
  "와",
  "과",
  "랑",
  "나",
  "요",
];

export function stripParticle(word) {
  for (const end of PARTICLES) {
    if (word.length - end.length >= 2 && word.endsWith(end)) return word.slice(0, -end.length);
  }
  return word;
}

/* Endings that follow a verb's stem directly (after a vowel or ㄹ, or with 으 after a consonant). */
// biome-ignore format: a table, one group of endings a line
const STEM_ENDINGS = [
  "습니다", "습니까", "으려면", "으려고", "으니까", "으세요", "는데요", "거든요", "잖아요",
  "려면", "려고", "니까", "세요", "셨어요", "는데", "지만", "네요", "나요", "는지", "도록", "거나", "으면", "으니",
  "지요", "고요", "게요", "겠어요", "겠다",
  "고", "지", "게", "기", "는", "면", "니", "다", "죠", "자", "음", "은", "을", "던",
];
/* Endings that follow the -아/-어 form ("받아요", "받아서", "받아도"); "" is the bare form ("받아"). */
const INFINITIVE_ENDINGS = ["야지", "서요", "요", "서", "도", "야", ""];
/* Endings after a past-tense ㅆ ("받았어요", "받았는데"). */
// biome-ignore format: a table
const PAST_ENDINGS = [
  "습니다", "는데요", "거든요", "잖아요", "어요", "는데", "지만", "네요", "나요", "는지", "으면", "어서",
  "어", "다", "고", "죠", "음", "을", "기", "지",
];
/* Endings carried by the stem's last syllable as a final: 간, 갈, 감, 갑니다 ('' = nothing after). */
// biome-ignore format: a table
const FINAL_ENDINGS = [
  ["니다", [T.B]], ["니까", [T.B]], ["가요", [T.N]], ["데요", [T.N]], ["데", [T.N]],
  ["까요", [T.L]], ["게요", [T.L]], ["래요", [T.L]], ["대요", [T.N]], ["", [T.N, T.L, T.M]],
];
/* Helpers after the -아/-어 form: 받아 주다, 잃어버리다, 해 보다, 되어 있다, 하고 싶다. */
// biome-ignore format: a table
const AUXILIARIES = [
  "아주", "어주", "여주", "해주", "아버리", "어버리", "해버리", "아보", "어보", "해보",
  "아있", "어있", "고싶", "고있", "아드리", "어드리", "해드리", "아놓", "어놓", "아두", "어두",
];
/* Stems too common to carry meaning on their own (하다, 되다, 주다, 있다 ...). */
const LIGHT = new Set([
  "하",
  "되",
  "주",
  "있",
  "않",
  "이",
  "아니",
  "싶",
  "버리",
  "보",
  "놓",
  "두",
  "같",
  "드리",
  "시",
  "지",
]);

/* The -아/-어 form of a verb -> its possible stems: 받아 -> 받, 깨져 -> 깨지, 줘 -> 주, 돼 -> 되,
   해 -> 하, 몰라 -> 모르, 써 -> 쓰, 도와 -> 돕, 어려워 -> 어렵, 걸어 -> 걷, 나아 -> 낫, 그래 -> 그렇. */
function infinitiveStems(form, out) {
  if (!form) return;
  const last = form.slice(-1);
  const prev = form.slice(0, -1);
  const [l, v, t0] = parts(last);
  if (t0 !== T.NONE) return;
  if (l === L.NG && (v === V.A || v === V.EO || v === V.YEO) && prev) {
    const t = finalOf(prev);
    if (t === T.SS) {
      infinitiveStems(withFinal(prev, T.NONE), out); // 받았어 -> 받아 -> 받
      return;
    }
    out.push(prev);
    if (v === V.YEO) out.push(`${prev}이`); // 보여 -> 보이
    if (t === T.NONE) out.push(withFinal(prev, T.S)); // 나아 -> 낫
    if (t === T.L) out.push(withFinal(prev, T.D)); // 걸어 -> 걷
    return;
  }
  if (v === V.YEO) out.push(prev + syllable(l, V.I, 0)); // 져 -> 지, 보여 -> 보이
  if (v === V.WO) {
    out.push(prev + syllable(l, V.U, 0)); // 줘 -> 주
    if (l === L.NG && prev) out.push(withFinal(prev, T.B)); // 어려워 -> 어렵
  }
  if (v === V.WA) {
    out.push(prev + syllable(l, V.O, 0)); // 봐 -> 보
    if (l === L.NG && prev) out.push(withFinal(prev, T.B)); // 도와 -> 돕
  }
  if (v === V.WAE) out.push(prev + syllable(l, V.OE, 0)); // 돼 -> 되
  if (v === V.AE) {
    if (l === L.H)
      out.push(`${prev}하`); // 해 -> 하
    else out.push(form); // 보내 -> 보내
    if (prev) out.push(prev + syllable(l, V.EO, T.H)); // 그래 -> 그렇
  }
  if (v === V.A || v === V.EO) {
    out.push(form); // 가 -> 가, 서 -> 서
    out.push(prev + syllable(l, V.EU, 0)); // 써 -> 쓰, 아파 -> 아프
    if (l === L.R && finalOf(prev) === T.L) out.push(`${withFinal(prev, T.NONE)}르`); // 몰라 -> 모르
  }
}

/* A word as typed -> the stems it may be a form of. Rules, not a dictionary: some candidates are not
   words at all (반품 -> 반푸); the index keeps only stems the site itself attests (see `setup`). */
const stemCache = new Map();
export function verbStems(word) {
  if (!stemCache.has(word)) stemCache.set(word, findStems(word));
  return stemCache.get(word);
}

/* -으 endings follow a final consonant, the others a vowel or ㄹ (먹으면, 가면, 팔면); so do 음, 은, 을. */
function endingFits(end, rest) {
  if (end[0] === "으" || end === "음" || end === "은" || end === "을") return finalOf(rest) !== T.NONE;
  return true;
}

function findStems(word) {
  let out = [];
  for (const end of STEM_ENDINGS) {
    if (word.length > end.length && word.endsWith(end)) {
      const rest = word.slice(0, -end.length);
      if (endingFits(end, rest)) out.push(rest);
    }
  }
  for (const end of INFINITIVE_ENDINGS) {
    if (word.length > end.length && (!end || word.endsWith(end)))
      infinitiveStems(end ? word.slice(0, -end.length) : word, out);
  }
  for (const end of PAST_ENDINGS) {
    if (word.length > end.length && word.endsWith(end)) {
      const rest = word.slice(0, -end.length);
      if (finalOf(rest) === T.SS) infinitiveStems(withFinal(rest, T.NONE), out); // 받았 -> 받아 -> 받
    }
  }
  if (finalOf(word) === T.SS) infinitiveStems(withFinal(word, T.NONE), out);
  for (const [end, finals] of FINAL_ENDINGS) {
    const rest = end ? word.slice(0, -end.length) : word;
    if (rest && (!end || word.endsWith(end)) && finals.indexOf(finalOf(rest)) >= 0) {
      out.push(withFinal(rest, T.NONE)); // 깨짐 -> 깨지, 간 -> 가
      if (finalOf(rest) !== T.L) out.push(withFinal(rest, T.L)); // 판 -> 팔
    }
  }
  // helpers and 하다/되다 verbs: 받아주 -> 받, 취소하 -> 취소, 교환되 -> 교환
  let more = [];
  for (const stem of out) {
    for (const end of AUXILIARIES) {
      if (stem.length > end.length && stem.endsWith(end)) {
        const rest = stem.slice(0, -end.length);
        if (end[0] === "고") more.push(rest);
        else if (end[0] === "해") more.push(`${rest}하`);
        else infinitiveStems(rest + end[0], more);
      }
    }
  }
  out = out.concat(more);
  out = out.concat(out.filter((stem) => stem.length >= 3 && /[하되]$/.test(stem)).map((stem) => stem.slice(0, -1)));
  // 안/못 glued to the verb: 안받아줘요, 못받음
  if (/^[안못]/.test(word) && word.length >= 2) out = out.concat(verbStems(word.slice(1)));
  more = [];
  for (const stem of out) {
    // a past form is no stem: 왔 -> 와 -> 오
    if (finalOf(stem) === T.SS) infinitiveStems(withFinal(stem, T.NONE), more);
    else more.push(stem);
  }
  const stems = [];
  for (const stem of more) if (stem && !LIGHT.has(stem) && !stems.includes(stem)) stems.push(stem);
  return stems;
}

/* The index key of a stem: its bigrams; a one-syllable stem keeps its 다 (받 -> 받다) so it is a piece
   like the others. */
export function stemKey(stem) {
  return stem.length === 1 ? `${stem}다` : stem;
}

export function bigrams(run) {
  if (run.length < 2) return run ? [run] : [];
  const out = [];
  for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
  return out;
}

/* Every indexed piece of one word: the bigrams of the word and of its attested stems. */
function wordGrams(word, attested) {
  let grams = bigrams(word);
  for (const stem of verbStems(word)) if (!attested || attested[stem]) grams = grams.concat(bigrams(stemKey(stem)));
  return grams;
}

/* The stems the site attests: written in dictionary form somewhere (깨지다, as the synonyms have them),
   or reached from two different words (받아, 받은). A rule's slip (반품 -> 반푸) comes from one word only. */
export function attestedStems(texts) {
  const from = {};
  const attested = {};
  const seen = new Set();
  for (const text of texts) {
    for (const word of text.match(WORD) || []) {
      if (seen.has(word)) continue;
      seen.add(word);
      const base = stripParticle(word);
      for (const stem of verbStems(word)) {
        if (word === `${stem}다`) attested[stem] = true;
        from[stem] = from[stem] || {};
        from[stem][base] = true;
      }
    }
  }
  for (const stem in from) if (Object.keys(from[stem]).length >= 2) attested[stem] = true;
  return attested;
}

/* ── the index ─────────────────────────────────────────────────────────────────────────────── */

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
/** An index entry's HTML as text. */
export function plain(html) {
  return String(html || "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e) => {
      if (e[0] === "#")
        return String.fromCharCode(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] || m;
    });
}

export function compact(text) {
  return text.replace(/\s+/g, "").toLowerCase();
}

/* The synonym groups with each word's spacing-free form, made once per index: every section is
   compared with every word, and compacting the words again for each section cost more than the rest. */
export function prepareSynonyms(groups) {
  return groups.map((group) => ({ words: group, compact: group.map(compact) }));
}

/* Every word of every synonym group that has a member in the text (spacing ignored). `groups` are raw
   groups or prepared ones (prepareSynonyms). */
export function synonymsFor(text, groups) {
  const flat = compact(text);
  let found = [];
  for (const raw of groups) {
    const group = raw.compact ? raw : { words: raw, compact: raw.map(compact) };
    if (group.compact.some((word) => flat.includes(word))) found = found.concat(group.words);
  }
  return found;
}

/* The pieces value of some texts: their distinct pieces, space-separated. With `counts`, also counts how
   many sections have each piece and how often each word occurs. */
export function analyse(texts, attested, counts) {
  const seen = new Set();
  const out = [];
  for (const text of texts) {
    for (const word of text.match(WORD) || []) {
      for (const gram of wordGrams(word, attested)) {
        if (!seen.has(gram)) {
          seen.add(gram);
          out.push(gram);
        }
      }
      if (counts) {
        const base = stripParticle(word);
        counts.words[base] = (counts.words[base] || 0) + 1;
      }
    }
  }
  if (counts) for (const gram of out) counts.grams[gram] = (counts.grams[gram] || 0) + 1;
  return out.join(" ");
}

/* What the site says, for reading queries: how many sections have each piece, how often each word
   occurs, and (built on first use) the site's words and two-word phrases by first consonants. */
let site = { grams: {}, words: {}, texts: [], initials: null, fallback: [], stems: null, groups: [] };

/** Material's index (as the worker receives it) given its Korean fields, and the site's words learnt. */
export function setup(index) {
  const ko = index.config[FIELDS.config] || {};
  const groups = prepareSynonyms(ko.synonyms || []);
  site = { grams: {}, words: {}, texts: [], initials: null, fallback: ko.fallback || [], stems: null, groups };
  const bodies = [];
  const heads = [];
  for (const doc of index.docs) {
    const text = plain(doc.text);
    const extra = doc[FIELDS.aliases] || [];
    const body = [doc.title, text].concat(extra);
    const head = [doc.title].concat(extra);
    bodies.push(body.concat(synonymsFor(body.join(" "), groups)));
    heads.push(head.concat(synonymsFor(head.join(" "), groups)));
    site.texts.push(`${doc.title}\n${text}`);
  }
  site.stems = attestedStems(bodies.flat());
  index.docs.forEach((doc, i) => {
    doc[FIELDS.field] = analyse(bodies[i], site.stems, site);
    doc[FIELDS.title] = analyse(heads[i], site.stems);
  });
}

/** What setup learnt about the site: its pieces (sections per piece), words, attested stems and the
    synonym groups. ko-rank.js reads queries and sections against it. */
export function learnt() {
  return site;
}

/** The site's words and two-word phrases by their first consonants (made once, on first use). */
export function initialsTable() {
  if (site.initials) return site.initials;
  const table = {};
  function add(word, n) {
    if (word.length < 2) return;
    const key = initials(word);
    table[key] = table[key] || {};
    table[key][word] = (table[key][word] || 0) + n;
  }
  for (const word in site.words) add(word, site.words[word]);
  // two-word phrases as people type them glued: 송장 번호 -> ㅅㅈㅂㅎ
  for (const text of site.texts) {
    const words = text.split(/[^\uac00-\ud7a3]*\s[^\uac00-\ud7a3]*/);
    for (let j = 0; j + 1 < words.length; j++)
      if (IS_HANGUL.test(words[j]) && IS_HANGUL.test(words[j + 1])) add(words[j] + stripParticle(words[j + 1]), 1);
  }
  site.initials = table;
  return table;
}

/* ㅂㅍ -> the site's most frequent words with exactly those first consonants (반품), else those that
   start with them. */
export function fromInitials(typed) {
  const table = initialsTable();
  let found = table[typed];
  if (!found) {
    found = {};
    for (const key in table)
      if (key.startsWith(typed)) for (const w in table[key]) found[w] = (found[w] || 0) + table[key][w];
  }
  return Object.entries(found)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map((x) => x[0]);
}

export function known(word) {
  const grams = bigrams(word);
  return grams.length > 0 && grams.every((gram) => site.grams[gram]);
}

/** A word the site does not have -> the site's word that differs by one jamo in one syllable (a wrong
    consonant or vowel, a missing or extra final), the one whose pieces the site uses most; or null. */
export function corrected(word) {
  let best = null;
  let bestScore = 0;
  const sizes = [19, 21, 28];
  for (let i = 0; i < word.length; i++) {
    const p = parts(word[i]);
    for (let slot = 0; slot < 3; slot++)
      for (let k = 0; k < sizes[slot]; k++) {
        if (k === p[slot]) continue;
        const q = p.slice();
        q[slot] = k;
        const candidate = word.slice(0, i) + syllable(q[0], q[1], q[2]) + word.slice(i + 1);
        if (!known(candidate)) continue;
        const score = bigrams(candidate).reduce((sum, gram) => sum + site.grams[gram], 0);
        if (candidate.length === 2 && score < COMMON) continue;
        if (score > bestScore) {
          best = candidate;
          bestScore = score;
        }
      }
  }
  return best;
}

/* ── queries ───────────────────────────────────────────────────────────────────────────────── */

/** Query as typed -> query for Material's worker (space-separated terms). Each Hangul word is cut into
    bigrams, with those of its stems. Material appends a prefix wildcard to every term; only a word's
    first bigram keeps it (so "반품" still finds and highlights "반품배송비는" in the text), the others are
    sent as exact terms (a "^boost" is the only way to stop Material adding the wildcard):
    expanding every bigram against the whole vocabulary made searches several times slower. One-syllable
    words (두, 번, 안, 온 …) are dropped when the query has anything longer, as they match half the index.
    With the site's pieces known (after `setup`), stems the site never uses are left out, a word of
    first consonants becomes the site's words, and an unknown word its nearest known one. */
export function normalise(query) {
  const terms = [];
  const single = [];
  const seen = new Set();
  const checked = site.stems !== null;
  let word = [];
  function add(list, term, exact) {
    if (!seen.has(term)) {
      seen.add(term);
      list.push([term, exact]);
    }
  }
  /* A stem is never in the text as such (깨지 for 깨졌어요): its pieces are matched exactly, which
     spares lunr expanding a wildcard over the whole vocabulary for each. */
  function addWord(text, stem) {
    bigrams(text).forEach((gram, g) => {
      add(word, gram, stem || g > 0);
    });
  }
  /* Every typed word weighs the same, however many pieces it has: "배송준비중 취소" is as much about
     취소 as about 배송준비중, though the first gives four pieces and the second one.
     A word read as another (a slip) weighs half: what was typed exactly ranks first. */
  let guessed = false;
  function endWord() {
    const boost = Math.max(1, Math.floor(WORD_WEIGHT / (guessed ? 2 : 1) / word.length));
    guessed = false;
    for (const [term, exact] of word) terms.push(`${term}${exact ? "" : "*"}^${boost}`);
    word = [];
  }
  const words = query
    .toLowerCase()
    .replace(/["'“”‘’^~*:+]/g, " ")
    .trim()
    .split(/\s+/);
  for (const typed of words) {
    endWord();
    if (checked && INITIALS_ONLY.test(typed)) {
      for (const found of fromInitials(typed)) addWord(found);
      continue;
    }
    const pieces = typed.match(HANGUL) || [];
    pieces.forEach((piece, p) => {
      const last = p === pieces.length - 1;
      if (IS_HANGUL.test(piece)) {
        const base = last ? stripParticle(piece) : piece;
        const stems = (last ? verbStems(piece) : []).filter((stem) => !checked || site.stems[stem]);
        const hits = stems.length;
        if (!checked || known(base) || hits) {
          // the word as written first, so its first piece keeps the wildcard that highlights it
          if (base.length === 1 && !hits) add(single, base, false);
          else if (base.length > 1 && (!checked || known(base) || !hits)) addWord(base);
          for (const stem of stems) addWord(stemKey(stem), true);
        } else {
          const near = base.length >= 2 ? corrected(base) : null;
          if (near) {
            addWord(near);
            guessed = true;
          } else if (base.length === 1) add(single, base, false);
          else addWord(base);
        }
      } else if (/[0-9a-z]/.test(piece)) {
        add(word, piece, false);
      }
    });
  }
  endWord();
  return terms.length ? terms.join(" ") : single.map((t) => t[0]).join(" ");
}

/** No match: the ways on (how to search, the problem pages, the FAQ), made by the build from the data
    file, or null when the index has none. A score of -1 marks them, so the page hides the count of
    matches (stylesheets/overrides.css). */
export function fallback() {
  if (!site.fallback.length) return null;
  return { items: site.fallback.map((doc) => [Object.assign({ score: -1, terms: {} }, doc)]) };
}
