/* The page side of Korean search (the worker side is workers/ko-search.js). Loaded before Material's
   bundle, as the first part needs to be in place before it starts. A classic script: its names stay in
   this block. */
{
  const SEARCH = ".md-search__input";
  const held = [];

  /* The search index is fetched when search opens, not with every page: most readers never search, and
     on a phone the index is the largest download of the site. Material asks for it at start-up; its
     request is held here until the search toggle turns on or the box gets focus. */
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  proto.open = function (method, url, ...rest) {
    this.koIndex = /\/search_index\.json$/.test(url);
    return open.call(this, method, url, ...rest);
  };
  proto.send = function (...args) {
    const box = document.querySelector("[data-md-toggle=search]");
    if (!this.koIndex || box?.checked) return send.apply(this, args);
    held.push(() => send.apply(this, args));
  };
  const release = (ev) => {
    if (ev.target.matches(SEARCH) || (ev.target.checked && ev.target.matches("[data-md-toggle=search]")))
      while (held.length) held.shift()();
  };
  document.addEventListener("change", release, true);
  document.addEventListener("focusin", release, true);

  /* Material starts a search on `keyup` in the search box. Text that arrives without a key (pasted from
     a KakaoTalk chat through the long-press menu, or finished by some Korean input methods without a
     final keyup) would then sit in the box with no results. Relay every `input` as a `keyup`; Material
     ignores a value it has already searched, so real key presses are not searched twice. */
  document.addEventListener(
    "input",
    (ev) => {
      if (ev.target.matches(SEARCH)) ev.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    },
    true,
  );

  /* Enter opens the first result shown. Material's own Enter opens the highest-scored entry wherever it
     sits in the list. A page's heading with no text of its own gives way to its first section, which is
     what matched. */
  addEventListener(
    "keydown",
    (ev) => {
      const links = document.querySelectorAll(".md-search-result__list > li:first-child > a");
      let first = links[0];
      if (ev.key !== "Enter" || ev.isComposing || !ev.target.matches(SEARCH) || !first) return;
      if (links[1] && !first.querySelector("article > :not(h1):not(.md-search-result__icon)")) first = links[1];
      ev.preventDefault();
      ev.stopImmediatePropagation();
      first.click();
    },
    true,
  );
}
