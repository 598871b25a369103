/* Run a page's setup once the page is there, and again for each page Material's instant navigation
   swaps in (document$), when that is on. One place for it: the scripts that set up a page share it. */

export function onEveryPage(init) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
