/*
 * Korean-aware queries for Material's own search worker (loaded in its place; see overrides/main.html).
 *
 * The index has a field `ko` with the two-syllable pieces (bigrams) of every Hangul word of every
 * section (hooks/guidekit/search_ko.py). Here a typed query is cut the same way before Material's
 * worker sees it, so spacing, particles and endings stop mattering:
 *   "환불받으려면" -> "환불 불받",  "중복결제" -> "중복 복결 결제" (meets 중복 and 결제 of "중복 결제").
 * Words without Hangul (FAQ, 1372, 09:00) pass through unchanged.
 */
(function (scope) {
  "use strict"

  /* The index fields added by hooks/guidekit/search_ko.py (FIELD, TITLE_FIELD). */
  var FIELDS = ["ko", "kt"]
  var HANGUL = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g
  var IS_HANGUL = /^[\uac00-\ud7a3]+$/

  /* Trailing particles and polite endings, longest first. One is dropped from a word's end when at
     least two syllables remain, so "쿠폰이" -> "쿠폰" but "문의" stays "문의". */
  var ENDINGS = [
    "으려면", "하려면", "었어요", "았어요", "였어요", "했어요", "인가요", "이에요",
    "려면", "어요", "아요", "해요", "예요", "에요", "세요", "나요", "까요", "네요", "는데",
    "에서", "에게", "으로", "까지", "부터", "처럼",
    "요", "죠", "을", "를", "은", "는", "이", "가", "에", "의", "도", "만", "로", "와", "과"
  ]

  function stripEnding(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var end = ENDINGS[i]
      if (word.length - end.length >= 2 && word.slice(-end.length) === end)
        return word.slice(0, -end.length)
    }
    return word
  }

  function bigrams(run) {
    if (run.length < 2)
      return run ? [run] : []
    var out = []
    for (var i = 0; i < run.length - 1; i++)
      out.push(run.slice(i, i + 2))
    return out
  }

  /* Query as typed -> query for Material's worker (space-separated terms). Each Hangul word is cut
     into bigrams. Material appends a prefix wildcard to every term; only a word's first bigram keeps it
     (so "반품" still finds and highlights "반품배송비는" in the text), the others are sent as exact
     terms ("^1", a boost of one, is the only way to stop Material adding the wildcard): expanding every
     bigram against the whole vocabulary made searches several times slower. One-syllable words
     (두, 번, 안, 온 …) are dropped when the query has anything longer, as they match half the index. */
  function normalise(query) {
    var terms = [], single = [], seen = {}
    function add(list, term, exact) {
      if (!seen[term]) {
        seen[term] = true
        list.push(exact ? term + "^1" : term)
      }
    }
    var words = query.toLowerCase().replace(/["'“”‘’^~*:+]/g, " ").trim().split(/\s+/)
    for (var w = 0; w < words.length; w++) {
      var parts = words[w].match(HANGUL) || []
      for (var p = 0; p < parts.length; p++) {
        var part = parts[p]
        if (IS_HANGUL.test(part)) {
          part = p === parts.length - 1 ? stripEnding(part) : part
          if (part.length === 1) {
            add(single, part, false)
          } else {
            var grams = bigrams(part)
            for (var g = 0; g < grams.length; g++)
              add(terms, grams[g], g > 0)
          }
        } else if (/[0-9a-z]/.test(part)) {
          add(terms, part, false)
        }
      }
    }
    return (terms.length ? terms : single).join(" ")
  }

  scope.koSearch = { normalise: normalise, stripEnding: stripEnding, bigrams: bigrams }

  /* Inside the worker: wrap the message listener Material's worker is about to register, so a query
     message (type 2) reaches it normalised, then load Material's worker (its name comes as ?base=). */
  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    var add = scope.addEventListener
    scope.addEventListener = function (type, listener, options) {
      if (type !== "message")
        return add.call(scope, type, listener, options)
      return add.call(scope, type, function (ev) {
        var data = ev.data
        if (data && data.type === 2 && typeof data.data === "string")
          data = { type: 2, data: normalise(data.data) }
        var done = listener.call(scope, { data: data })
        /* Once Material has built its index (setup, type 0), the bigram fields have done their job.
           Dropping them from the documents spares highlighting them and copying them back to the
           page with every result, which was most of the time a search took. */
        if (data && data.type === 0 && data.data && Array.isArray(data.data.docs))
          Promise.resolve(done).then(function () {
            data.data.docs.forEach(function (doc) {
              delete doc[FIELDS[0]]
              delete doc[FIELDS[1]]
            })
          })
        return done
      }, options)
    }
    scope.importScripts(new URL(scope.location.href).searchParams.get("base"))
  }
})(self)
