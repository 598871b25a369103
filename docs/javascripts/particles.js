/* The particle after an inserted value: 을/를, 이/가, 은/는, 과/와, (으)로 … picked by how the value ends when
   read aloud, as the build picks them after a fact (hooks/guidekit/particles.py, whose tables come to this
   file in the shared constants). checklists.js fetches it only on a page with a particle right after a
   [blank]; node's tests (tests/js/particles.test.mjs) check it against particles.py on a table of words. */
import CONSTANTS from "../assets/javascripts/guide-constants.js";

const FORMS = new Map(CONSTANTS.particles.flatMap((pair) => pair.map((form) => [form, pair])));
const { digits, letters, trailing } = CONSTANTS.reading;
const RIEUL = 8; // ㄹ among the final consonants

function trimEnd(text) {
  let end = text.length;
  while (end > 0 && trailing.includes(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/* `자주 묻는 질문(FAQ)` -> `자주 묻는 질문`: a closing parenthesis at the end ends a gloss. */
function stripGloss(text) {
  let out = text;
  while (out.endsWith(")")) {
    let depth = 0;
    let i = out.length - 1;
    for (; i >= 0; i--) {
      if (out[i] === ")") depth += 1;
      else if (out[i] === "(") depth -= 1;
      if (depth === 0) break;
    }
    if (i <= 0) return out; // unbalanced, or the whole text is in parentheses: read it as it is
    out = out.slice(0, i).trimEnd();
  }
  return out;
}

function reading(coda) {
  return { coda: !!coda, rieul: coda === "ㄹ" };
}

/** How `text` ends when read aloud: { coda, rieul }, or null when it cannot be read (an emoji …). */
export function ending(text) {
  const shown = trimEnd(stripGloss(trimEnd(text)));
  if (!shown) return null;
  const last = shown[shown.length - 1];
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return { coda: final !== 0, rieul: final === RIEUL };
  }
  // A number ending in zeros is read by its unit (십 백 천 만): like 영, a consonant that is not ㄹ.
  if (last in digits) return reading(digits[last]);
  if (last === "%") return reading(""); // 퍼센트
  if (/[A-Za-z]/.test(last)) return reading(letters[last.toLowerCase()]);
  return null;
}

/** The form of `particle` (either form may be given) after a text ending as `end`. */
export function fit(particle, end) {
  const [withCoda, without] = FORMS.get(particle);
  if (withCoda.startsWith("으로") && end.rieul) return without; // 길로, 서울로
  return end.coda ? withCoda : without;
}

/** Both forms, as Korean writes a particle after a text it cannot read: 을(를), (으)로. */
export function both(particle) {
  const [withCoda, without] = FORMS.get(particle);
  if (withCoda.endsWith(without)) return `(${withCoda.slice(0, -without.length)})${without}`;
  return `${withCoda}(${without})`;
}

/** The form of `particle` to write after `text`: the fitting one, or both when its end cannot be read. */
export function formAfter(text, particle) {
  const end = ending(text);
  return end ? fit(particle, end) : both(particle);
}

export function isParticle(text) {
  return FORMS.has(text);
}

/** The particle after a blank: the form that fits the filled value, both forms while it is empty. */
export function particleAfter(value, shown, particle) {
  return value ? formAfter(shown, particle) : both(particle);
}
