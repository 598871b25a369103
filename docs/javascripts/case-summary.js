/* 내 사건 as plain text for the 1372 online form (it takes no formatting): what the page shows, read off
   the page — each filled field, each dated deadline with its article, what was sent when, the evidence
   ticked — under the page's own headings. Loaded by my-case.js with the counting. */
import { caseText } from "./case-file.js";
import { longDate, parseDay } from "./days.js";

function heading(page, id) {
  const h = page.querySelector(`#${id}`);
  return h ? h.textContent.replace(/#$/, "").trim() : id;
}

function text(node, selector) {
  const found = node.querySelector(selector);
  return found ? found.textContent.trim() : "";
}

/** The case on `page` as text; `sent` is the log [{ what, date }]. */
export function caseSummary(page, sent) {
  const details = [...page.querySelectorAll(".case-details input[data-blank]")].map((input) => {
    const label = input.labels?.[0] ? input.labels[0].firstChild.textContent : input.getAttribute("data-blank");
    const day = input.type === "date" && parseDay(input.value);
    return [label.trim(), day ? longDate(day) : input.value.trim()];
  });
  const due = [...page.querySelectorAll(".case-row[data-deadline]:not([hidden])")]
    .filter((row) => row.getAttribute("data-deadline") !== "today")
    .map((row) => {
      const law = text(row, ".case-row__law");
      return [text(row, ".case-row__what"), text(row, ".case-row__when strong") + (law ? ` (${law})` : "")];
    });
  const titles = new Map(
    [...page.querySelectorAll(".case-sent__item")].map((i) => [
      i.getAttribute("data-sent"),
      text(i, ".case-sent__what"),
    ]),
  );
  const log = sent
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((e) => [longDate(e.date), titles.get(e.what) || e.what]);
  const evidence = [...page.querySelectorAll(".case-evidence li[data-item]:not([hidden])")].map((li) =>
    li.textContent.trim(),
  );
  const head = page.querySelector(".case-print-head");
  return caseText(head ? head.textContent.trim() : document.title, [
    { title: heading(page, "case-details"), lines: details },
    { title: heading(page, "case-deadlines"), lines: due },
    { title: heading(page, "case-sent"), lines: log },
    { title: heading(page, "case-evidence"), lines: evidence },
  ]);
}
