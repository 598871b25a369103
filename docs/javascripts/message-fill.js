/* What a message's [blank] shows once the shopper's detail fills it: the stored value, a date written out
   in words, or the blank itself while empty. The particle right after a blank is particles.js's. No page in
   here: checklists.js puts it on the page; node's tests (tests/js/particles.test.mjs) check it. */
import { longDate, parseDay } from "./days.js";

/** What the blank [name] shows: the stored value (a date written out in words), or the blank itself. */
export function blankText(name, value, kind) {
  const day = kind === "date" && parseDay(value);
  if (day) return longDate(day);
  return value || `[${name}]`;
}
