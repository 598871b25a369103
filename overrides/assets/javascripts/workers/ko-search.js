/*
 * Korean search for Material's own search worker (loaded in its place; see overrides/main.html).
 *
 * The shipped index is Material's, plus the FAQ's other wordings (`ka`) and, in its config, the synonym
 * groups and the no-result entries (hooks/guidekit/search_ko.py). Everything Korean happens here, once
 * when search opens and then per query, so the index stays small:
 *   - every section gets a field `ko` with the two-syllable pieces (bigrams) of its words, of their
 *     stems ("깨졌어요", "깨진", "깨짐" -> 깨지다), of its synonyms and other wordings; `kt` the same for
 *     the heading. A typed query is cut the same way, so spacing, particles, endings and conjugation
 *     stop mattering: "중복결제" meets "중복 결제", "안받아줘요" meets "받아 주지".
 *   - a query of first consonants only (ㅂㅍ) becomes the site's words that start with them (반품);
 *   - a word the site does not have is read as the site's word one jamo away (반폼 -> 반품);
 *   - when nothing matches, the answer is a list of ways on instead of an empty page.
 * Words without Hangul (FAQ, 1372, 09:00) pass through unchanged.
 */
(function (scope) {
  "use strict";

  var FIELD = "ko",
    TITLE_FIELD = "kt",
    ALIASES = "ka";
  var HANGUL = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g;
  var IS_HANGUL = /^[\uac00-\ud7a3]+$/;
  var WORD = /[\uac00-\ud7a3]+/g;
  var INITIALS_ONLY = /^[\u3131-\u314e]{2,}$/;
  var INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  /* What one typed word weighs in all (lunr takes whole-number boosts only, so its pieces share 6). */
  var WORD_WEIGHT = 6;
  /* A two-syllable word is corrected only to one of the site's common words (in this many sections):
     two syllables have many near neighbours, and most of them are not what was meant. */
  var COMMON = 10;

  /* ── syllables ─────────────────────────────────────────────────────────────────────────────── */

  /* A syllable as [initial, vowel, final] indices (Unicode order); and back. */
  function parts(ch) {
    var c = ch.charCodeAt(0) - 0xac00;
    return [Math.floor(c / 588), Math.floor((c % 588) / 28), c % 28];
  }
  function syllable(l, v, t) {
    return String.fromCharCode(0xac00 + l * 588 + v * 28 + t);
  }
  var V = { A: 0, AE: 1, EO: 4, YEO: 6, O: 8, WA: 9, WAE: 10, OE: 11, U: 13, WO: 14, EU: 18, I: 20 };
  var T = { NONE: 0, N: 4, D: 7, L: 8, M: 16, B: 17, S: 19, SS: 20, H: 27 };
  var L = { NG: 11, R: 5, H: 18 };

  function withFinal(word, t) {
    var p = parts(word.slice(-1));
    return word.slice(0, -1) + syllable(p[0], p[1], t);
  }
  function finalOf(word) {
    return word ? parts(word.slice(-1))[2] : -1;
  }
  function initials(word) {
    var out = "";
    for (var i = 0; i < word.length; i++) out += INITIALS[parts(word[i])[0]];
    return out;
  }

  /* ── words -> stems ───────────────────────────────────────────────────────────────────────── */

  /* Trailing particles, dropped from a word's end when at least two syllables remain ("쿠폰이" -> "쿠폰",
     but "문의" stays "문의"). Longest first. */
  var PARTICLES = [
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

  function stripParticle(word) {
    for (var i = 0; i < PARTICLES.length; i++) {
      var end = PARTICLES[i];
      if (word.length - end.length >= 2 && word.slice(-end.length) === end) return word.slice(0, -end.length);
    }
    return word;
  }

  /* Endings that follow a verb's stem directly (after a vowel or ㄹ, or with 으 after a consonant). */
  var STEM_ENDINGS = [
    "습니다",
    "습니까",
    "으려면",
    "으려고",
    "으니까",
    "으세요",
    "는데요",
    "거든요",
    "잖아요",
    "려면",
    "려고",
    "니까",
    "세요",
    "셨어요",
    "는데",
    "지만",
    "네요",
    "나요",
    "는지",
    "도록",
    "거나",
    "으면",
    "으니",
    "지요",
    "고요",
    "게요",
    "겠어요",
    "겠다",
    "고",
    "지",
    "게",
    "기",
    "는",
    "면",
    "니",
    "다",
    "죠",
    "자",
    "음",
    "은",
    "을",
    "던",
  ];
  /* Endings that follow the -아/-어 form ("받아요", "받아서", "받아도"); "" is the bare form ("받아"). */
  var INFINITIVE_ENDINGS = ["야지", "서요", "요", "서", "도", "야", ""];
  /* Endings after a past-tense ㅆ ("받았어요", "받았는데"). */
  var PAST_ENDINGS = [
    "습니다",
    "는데요",
    "거든요",
    "잖아요",
    "어요",
    "는데",
    "지만",
    "네요",
    "나요",
    "는지",
    "으면",
    "어서",
    "어",
    "다",
    "고",
    "죠",
    "음",
    "을",
    "기",
    "지",
  ];
  /* Endings carried by the stem's last syllable as a final: 간, 갈, 감, 갑니다 ('' = nothing after). */
  var FINAL_ENDINGS = [
    ["니다", [T.B]],
    ["니까", [T.B]],
    ["가요", [T.N]],
    ["데요", [T.N]],
    ["데", [T.N]],
    ["까요", [T.L]],
    ["게요", [T.L]],
    ["래요", [T.L]],
    ["대요", [T.N]],
    ["", [T.N, T.L, T.M]],
  ];
  /* Helpers after the -아/-어 form: 받아 주다, 잃어버리다, 해 보다, 되어 있다, 하고 싶다. */
  var AUXILIARIES = [
    "아주",
    "어주",
    "여주",
    "해주",
    "아버리",
    "어버리",
    "해버리",
    "아보",
    "어보",
    "해보",
    "아있",
    "어있",
    "고싶",
    "고있",
    "아드리",
    "어드리",
    "해드리",
    "아놓",
    "어놓",
    "아두",
    "어두",
  ];
  /* Stems too common to carry meaning on their own (하다, 되다, 주다, 있다 ...). */
  var LIGHT = {
    하: 1,
    되: 1,
    주: 1,
    있: 1,
    않: 1,
    이: 1,
    아니: 1,
    싶: 1,
    버리: 1,
    보: 1,
    놓: 1,
    두: 1,
    같: 1,
    드리: 1,
    시: 1,
    지: 1,
  };

  /* The -아/-어 form of a verb -> its possible stems: 받아 -> 받, 깨져 -> 깨지, 줘 -> 주, 돼 -> 되,
     해 -> 하, 몰라 -> 모르, 써 -> 쓰, 도와 -> 돕, 어려워 -> 어렵, 걸어 -> 걷, 나아 -> 낫, 그래 -> 그렇. */
  function infinitiveStems(form, out) {
    if (!form) return;
    var last = form.slice(-1),
      prev = form.slice(0, -1),
      p = parts(last);
    if (p[2] !== T.NONE) return;
    var l = p[0],
      v = p[1];
    if (l === L.NG && (v === V.A || v === V.EO || v === V.YEO) && prev) {
      var t = finalOf(prev);
      if (t === T.SS) return infinitiveStems(withFinal(prev, T.NONE), out); // 받았어 -> 받아 -> 받
      out.push(prev);
      if (v === V.YEO) out.push(prev + "이"); // 보여 -> 보이
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
        out.push(prev + "하"); // 해 -> 하
      else out.push(form); // 보내 -> 보내
      if (prev) out.push(prev + syllable(l, V.EO, T.H)); // 그래 -> 그렇
    }
    if (v === V.A || v === V.EO) {
      out.push(form); // 가 -> 가, 서 -> 서
      out.push(prev + syllable(l, V.EU, 0)); // 써 -> 쓰, 아파 -> 아프
      if (l === L.R && finalOf(prev) === T.L)
        // 몰라 -> 모르
        out.push(withFinal(prev, T.NONE) + "르");
    }
  }

  /* A word as typed -> the stems it may be a form of. Rules, not a dictionary: some candidates are not
     words at all (반품 -> 반푸); the index keeps only stems the site itself attests (see `setup`). */
  var stemCache = {};
  function verbStems(word) {
    if (!stemCache.hasOwnProperty(word)) stemCache[word] = findStems(word);
    return stemCache[word];
  }

  function findStems(word) {
    var out = [],
      i,
      end,
      rest;
    for (i = 0; i < STEM_ENDINGS.length; i++) {
      end = STEM_ENDINGS[i];
      if (word.length > end.length && word.slice(-end.length) === end) {
        rest = word.slice(0, -end.length);
        // 으- endings follow a final consonant, the others a vowel or ㄹ (먹으면, 가면, 팔면)
        var t = finalOf(rest);
        if (end[0] === "으" ? t !== T.NONE : end === "음" || end === "은" || end === "을" ? t !== T.NONE : true)
          out.push(rest);
      }
    }
    for (i = 0; i < INFINITIVE_ENDINGS.length; i++) {
      end = INFINITIVE_ENDINGS[i];
      if (word.length > end.length && (!end || word.slice(-end.length) === end))
        infinitiveStems(end ? word.slice(0, -end.length) : word, out);
    }
    for (i = 0; i < PAST_ENDINGS.length; i++) {
      end = PAST_ENDINGS[i];
      if (word.length > end.length && word.slice(-end.length) === end) {
        rest = word.slice(0, -end.length);
        if (finalOf(rest) === T.SS) infinitiveStems(withFinal(rest, T.NONE), out); // 받았 -> 받아 -> 받
      }
    }
    if (finalOf(word) === T.SS) infinitiveStems(withFinal(word, T.NONE), out);
    for (i = 0; i < FINAL_ENDINGS.length; i++) {
      end = FINAL_ENDINGS[i][0];
      rest = end ? word.slice(0, -end.length) : word;
      if (rest && (!end || word.slice(-end.length) === end) && FINAL_ENDINGS[i][1].indexOf(finalOf(rest)) >= 0) {
        out.push(withFinal(rest, T.NONE)); // 깨짐 -> 깨지, 간 -> 가
        if (finalOf(rest) !== T.L) out.push(withFinal(rest, T.L)); // 판 -> 팔
      }
    }
    // helpers and 하다/되다 verbs: 받아주 -> 받, 취소하 -> 취소, 교환되 -> 교환
    var more = [];
    for (i = 0; i < out.length; i++) {
      var stem = out[i];
      for (var a = 0; a < AUXILIARIES.length; a++) {
        end = AUXILIARIES[a];
        if (stem.length > end.length && stem.slice(-end.length) === end) {
          rest = stem.slice(0, -end.length);
          if (end[0] === "고") more.push(rest);
          else if (end[0] === "해") more.push(rest + "하");
          else infinitiveStems(rest + end[0], more);
        }
      }
    }
    out = out.concat(more);
    for (i = 0, more = []; i < out.length; i++)
      if (out[i].length >= 3 && /[하되]$/.test(out[i])) more.push(out[i].slice(0, -1));
    out = out.concat(more);
    // 안/못 glued to the verb: 안받아줘요, 못받음
    if (/^[안못]/.test(word) && word.length >= 2) {
      var inner = verbStems(word.slice(1));
      out = out.concat(inner);
    }
    var seen = {},
      stems = [];
    for (
      i = 0, more = [];
      i < out.length;
      i++ // a past form is no stem: 왔 -> 와 -> 오
    )
      if (finalOf(out[i]) === T.SS) infinitiveStems(withFinal(out[i], T.NONE), more);
      else more.push(out[i]);
    out = more;
    for (i = 0; i < out.length; i++)
      if (out[i] && !seen[out[i]] && !LIGHT[out[i]]) {
        seen[out[i]] = true;
        stems.push(out[i]);
      }
    return stems;
  }

  /* The index key of a stem: its bigrams; a one-syllable stem keeps its 다 (받 -> 받다) so it is a piece
     like the others. */
  function stemKey(stem) {
    return stem.length === 1 ? stem + "다" : stem;
  }

  function bigrams(run) {
    if (run.length < 2) return run ? [run] : [];
    var out = [];
    for (var i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
    return out;
  }

  /* Every indexed piece of one word: the bigrams of the word and of its attested stems. */
  function wordGrams(word, attested) {
    var grams = bigrams(word),
      stems = verbStems(word);
    for (var i = 0; i < stems.length; i++)
      if (!attested || attested[stems[i]]) grams = grams.concat(bigrams(stemKey(stems[i])));
    return grams;
  }

  /* The stems the site attests: written in dictionary form somewhere (깨지다, as the synonyms have them),
     or reached from two different words (받아, 받은). A rule's slip (반품 -> 반푸) comes from one word only. */
  function attestedStems(texts) {
    var from = {},
      attested = {},
      seen = {};
    for (var t = 0; t < texts.length; t++) {
      var words = texts[t].match(WORD) || [];
      for (var w = 0; w < words.length; w++) {
        var word = words[w];
        if (seen[word]) continue;
        seen[word] = true;
        var stems = verbStems(word),
          base = stripParticle(word);
        for (var s = 0; s < stems.length; s++) {
          var stem = stems[s];
          if (word === stem + "다") attested[stem] = true;
          from[stem] = from[stem] || {};
          from[stem][base] = true;
        }
      }
    }
    for (var stem2 in from) if (Object.keys(from[stem2]).length >= 2) attested[stem2] = true;
    return attested;
  }

  /* ── the index ─────────────────────────────────────────────────────────────────────────────── */

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  function plain(html) {
    return String(html || "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, function (m, e) {
        if (e[0] === "#")
          return String.fromCharCode(
            e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
          );
        return ENTITIES[e.toLowerCase()] || m;
      });
  }

  function compact(text) {
    return text.replace(/\s+/g, "").toLowerCase();
  }

  /* The synonym groups with each word's spacing-free form, made once per index: every section is
     compared with every word, and compacting the words again for each section cost more than the rest. */
  function prepareSynonyms(groups) {
    return groups.map(function (group) {
      return { words: group, compact: group.map(compact) };
    });
  }

  /* Every word of every synonym group that has a member in the text (spacing ignored). `groups` are raw
     groups or prepared ones (prepareSynonyms). */
  function synonymsFor(text, groups) {
    var flat = compact(text),
      found = [];
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g].compact ? groups[g] : { words: groups[g], compact: groups[g].map(compact) };
      for (var w = 0; w < group.compact.length; w++)
        if (flat.indexOf(group.compact[w]) >= 0) {
          found = found.concat(group.words);
          break;
        }
    }
    return found;
  }

  /* The `ko` value of some texts: their distinct pieces, space-separated. */
  function analyse(texts, attested, counts) {
    var seen = {},
      out = [];
    for (var t = 0; t < texts.length; t++) {
      var words = texts[t].match(WORD) || [];
      for (var w = 0; w < words.length; w++) {
        var grams = wordGrams(words[w], attested);
        for (var g = 0; g < grams.length; g++)
          if (!seen[grams[g]]) {
            seen[grams[g]] = true;
            out.push(grams[g]);
          }
        if (counts) counts.words[stripParticle(words[w])] = (counts.words[stripParticle(words[w])] || 0) + 1;
      }
    }
    if (counts) for (var i = 0; i < out.length; i++) counts.grams[out[i]] = (counts.grams[out[i]] || 0) + 1;
    return out.join(" ");
  }

  /* What the site says, for reading queries: how many sections have each piece, how often each word
     occurs, and (built on first use) the site's words and two-word phrases by first consonants. */
  var site = { grams: {}, words: {}, texts: [], initials: null, fallback: [], stems: null };

  function setup(index) {
    var config = index.config,
      ko = config.ko || {},
      groups = prepareSynonyms(ko.synonyms || []);
    site = { grams: {}, words: {}, texts: [], initials: null, fallback: ko.fallback || [], stems: null };
    var bodies = [],
      heads = [],
      i;
    for (i = 0; i < index.docs.length; i++) {
      var doc = index.docs[i],
        text = plain(doc.text),
        extra = doc[ALIASES] || [];
      var body = [doc.title, text].concat(extra),
        head = [doc.title].concat(extra);
      bodies.push(body.concat(synonymsFor(body.join(" "), groups)));
      heads.push(head.concat(synonymsFor(head.join(" "), groups)));
      site.texts.push(doc.title + "\n" + text);
    }
    site.stems = attestedStems([].concat.apply([], bodies));
    for (i = 0; i < index.docs.length; i++) {
      index.docs[i][FIELD] = analyse(bodies[i], site.stems, site);
      index.docs[i][TITLE_FIELD] = analyse(heads[i], site.stems);
      delete index.docs[i][ALIASES];
    }
  }

  function initialsTable() {
    if (site.initials) return site.initials;
    var table = {};
    function add(word, n) {
      if (word.length < 2) return;
      var key = initials(word);
      table[key] = table[key] || {};
      table[key][word] = (table[key][word] || 0) + n;
    }
    for (var w in site.words) add(w, site.words[w]);
    // two-word phrases as people type them glued: 송장 번호 -> ㅅㅈㅂㅎ
    for (var i = 0; i < site.texts.length; i++) {
      var words = site.texts[i].split(/[^\uac00-\ud7a3]*\s[^\uac00-\ud7a3]*/);
      for (var j = 0; j + 1 < words.length; j++)
        if (IS_HANGUL.test(words[j]) && IS_HANGUL.test(words[j + 1])) add(words[j] + stripParticle(words[j + 1]), 1);
    }
    return (site.initials = table);
  }

  /* ㅂㅍ -> the site's most frequent words with exactly those first consonants (반품), else those that
     start with them. */
  function fromInitials(typed) {
    var table = initialsTable(),
      found = table[typed],
      best = [];
    if (!found) {
      found = {};
      for (var key in table)
        if (key.indexOf(typed) === 0) for (var w in table[key]) found[w] = (found[w] || 0) + table[key][w];
    }
    for (var word in found) best.push([word, found[word]]);
    best.sort(function (a, b) {
      return b[1] - a[1];
    });
    return best.slice(0, 2).map(function (x) {
      return x[0];
    });
  }

  function known(word) {
    var grams = bigrams(word);
    for (var i = 0; i < grams.length; i++) if (!site.grams[grams[i]]) return false;
    return grams.length > 0;
  }

  /* A word the site does not have -> the site's word that differs by one jamo in one syllable (a wrong
     consonant or vowel, a missing or extra final), the one whose pieces the site uses most. */
  function corrected(word) {
    var best = null,
      bestScore = 0;
    for (var i = 0; i < word.length; i++) {
      var p = parts(word[i]),
        sizes = [19, 21, 28];
      for (var slot = 0; slot < 3; slot++)
        for (var k = 0; k < sizes[slot]; k++) {
          if (k === p[slot]) continue;
          var q = p.slice();
          q[slot] = k;
          var candidate = word.slice(0, i) + syllable(q[0], q[1], q[2]) + word.slice(i + 1);
          if (!known(candidate)) continue;
          var grams = bigrams(candidate),
            score = 0;
          for (var g = 0; g < grams.length; g++) score += site.grams[grams[g]];
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

  /* Query as typed -> query for Material's worker (space-separated terms). Each Hangul word is cut into
     bigrams, with those of its stems. Material appends a prefix wildcard to every term; only a word's
     first bigram keeps it (so "반품" still finds and highlights "반품배송비는" in the text), the others are
     sent as exact terms (a "^boost" is the only way to stop Material adding the wildcard):
     expanding every bigram against the whole vocabulary made searches several times slower. One-syllable
     words (두, 번, 안, 온 …) are dropped when the query has anything longer, as they match half the index.
     With the site's pieces known (inside the worker), stems the site never uses are left out, a word of
     first consonants becomes the site's words, and an unknown word its nearest known one. */
  function normalise(query) {
    var terms = [],
      single = [],
      seen = {},
      checked = site.stems !== null,
      word = [];
    function add(list, term, exact) {
      if (!seen[term]) {
        seen[term] = true;
        list.push([term, exact]);
      }
    }
    /* A stem is never in the text as such (깨지 for 깨졌어요): its pieces are matched exactly, which
       spares lunr expanding a wildcard over the whole vocabulary for each. */
    function addWord(text, stem) {
      var grams = bigrams(text);
      for (var g = 0; g < grams.length; g++) add(word, grams[g], stem || g > 0);
    }
    /* Every typed word weighs the same, however many pieces it has: "배송준비중 취소" is as much about
       취소 as about 배송준비중, though the first gives four pieces and the second one. */
    /* A word read as another (a slip) weighs half: what was typed exactly ranks first. */
    var guessed = false;
    function endWord() {
      var boost = Math.max(1, Math.floor(WORD_WEIGHT / (guessed ? 2 : 1) / word.length));
      guessed = false;
      for (var i = 0; i < word.length; i++) terms.push(word[i][0] + (word[i][1] ? "" : "*") + "^" + boost);
      word = [];
    }
    var words = query
      .toLowerCase()
      .replace(/["'“”‘’^~*:+]/g, " ")
      .trim()
      .split(/\s+/);
    for (var w = 0; w < words.length; w++) {
      endWord();
      if (checked && INITIALS_ONLY.test(words[w])) {
        var found = fromInitials(words[w]);
        for (var f = 0; f < found.length; f++) addWord(found[f]);
        continue;
      }
      var pieces = words[w].match(HANGUL) || [];
      for (var p = 0; p < pieces.length; p++) {
        var piece = pieces[p];
        if (IS_HANGUL.test(piece)) {
          var base = p === pieces.length - 1 ? stripParticle(piece) : piece;
          var stems = (p === pieces.length - 1 ? verbStems(piece) : []).filter(function (stem) {
            return !checked || site.stems[stem];
          });
          var hits = stems.length;
          if (!checked || known(base) || hits) {
            // the word as written first, so its first piece keeps the wildcard that highlights it
            if (base.length === 1 && !hits) add(single, base, false);
            else if (base.length > 1 && (!checked || known(base) || !hits)) addWord(base);
            for (var s = 0; s < stems.length; s++) addWord(stemKey(stems[s]), true);
          } else {
            var near = base.length >= 2 ? corrected(base) : null;
            if (near) {
              addWord(near);
              guessed = true;
            } else if (base.length === 1) add(single, base, false);
            else addWord(base);
          }
        } else if (/[0-9a-z]/.test(piece)) {
          add(word, piece, false);
        }
      }
    }
    endWord();
    return terms.length
      ? terms.join(" ")
      : single
          .map(function (t) {
            return t[0];
          })
          .join(" ");
  }

  /* No match: the ways on (how to search, the problem pages, the FAQ), made by the build from the data
     file. A score of -1 marks them, so the page hides the count of matches (stylesheets/overrides.css). */
  function fallback() {
    return {
      items: site.fallback.map(function (doc) {
        return [Object.assign({ score: -1, terms: {} }, doc)];
      }),
    };
  }

  /* Korean pieces make nearly every section match a little (주문, 결제 are everywhere), and Material
     highlights and sends back every match, which took most of a search's time. Only the best sections go
     on: more than a reader scrolls through, and the count above the list is of those. */
  var KEEP = 40;
  function keepBest(lunr) {
    if (!lunr || !lunr.Index) return;
    var search = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function () {
      return search.apply(this, arguments).slice(0, KEEP);
    };
  }

  scope.koSearch = {
    normalise: normalise,
    stripParticle: stripParticle,
    verbStems: verbStems,
    bigrams: bigrams,
    analyse: analyse,
    plain: plain,
    setup: setup,
    initials: initials,
    corrected: corrected,
    synonymsFor: synonymsFor,
    prepareSynonyms: prepareSynonyms,
  };

  /* Inside the worker: hold Material's worker until the first message (the index, sent when search
     opens), then load it with our listener in front: setup builds the Korean fields first, a query goes
     in normalised, and an empty result comes back as the ways on. */
  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    var listeners = [],
      post = scope.postMessage.bind(scope),
      loaded = false;
    var addListener = scope.addEventListener;
    scope.addEventListener = function (type, listener, options) {
      if (type !== "message") return addListener.call(scope, type, listener, options);
      listeners.push(listener);
    };
    var lastQuery = null;
    scope.postMessage = function (message) {
      if (
        message &&
        message.type === 3 &&
        message.data &&
        message.data.items &&
        !message.data.items.length &&
        lastQuery &&
        site.fallback.length
      )
        message = { type: 3, data: fallback() };
      return post(message);
    };
    addListener.call(scope, "message", function (ev) {
      var data = ev.data;
      if (!loaded) {
        loaded = true;
        scope.importScripts(new URL(scope.location.href).searchParams.get("base"));
        keepBest(scope.lunr);
      }
      if (data && data.type === 0 && data.data && Array.isArray(data.data.docs)) setup(data.data);
      if (data && data.type === 2 && typeof data.data === "string") {
        lastQuery = data.data.trim();
        data = { type: 2, data: normalise(data.data) };
      }
      var done = listeners.map(function (listener) {
        return listener.call(scope, { data: data });
      });
      /* Once Material has built its index (setup), the bigram fields have done their job. Dropping them
         spares highlighting them and copying them back to the page with every result. */
      if (data && data.type === 0 && data.data && Array.isArray(data.data.docs))
        Promise.all(done).then(function () {
          data.data.docs.forEach(function (doc) {
            delete doc[FIELD];
            delete doc[TITLE_FIELD];
          });
          // the first-consonant table, once the index is ready, so neither opening nor ㅂㅍ waits for it
          setTimeout(initialsTable, 0);
        });
    });
  }
})(self);
