// `node tests/js/search-run.mjs <site-dir> < queries.json`: every query of a JSON list ([{q, lands, fallback}],
// only `q` is read) searched in the built site at <site-dir> with its own assembled worker (site-search.mjs;
// no constants loader, no browser), printed as a JSON list in the same order: where Enter goes (`enter`), the
// first four entries a reader sees (`top`: location, title, the first 120 characters of the text, and
// `shown`, the title and the whole text as the browser's result entry reads), the time of the search call in
// ms, and whether the entries shown when nothing matches are on the list (`fallbackShown`).
// Read by tests/test_search_landing.py and scripts/bench_search.py --no-browser.
import { openSite } from "./site-search.mjs";

const SHOWN = 4;
const TEXT = 120;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  process.stderr.write("usage: node tests/js/search-run.mjs <site-dir> < queries.json\n");
  process.exit(2);
}
const queries = JSON.parse(await readStdin());
const site = await openSite(siteDir);
const results = [];
for (const { q } of queries) {
  const start = performance.now();
  const { visible, enter } = await site.search(q);
  const ms = performance.now() - start;
  results.push({
    q,
    enter,
    top: visible.slice(0, SHOWN).map(({ location, title, text }) => ({
      location,
      title,
      text: text.slice(0, TEXT),
      shown: `${title} ${text}`.trim(),
    })),
    ms,
    fallbackShown: visible.some((entry) => entry.score === -1),
  });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
