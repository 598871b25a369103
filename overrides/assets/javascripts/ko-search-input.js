/*
 * Material starts a search on `keyup` in the search box. Text that arrives without a key (pasted from
 * a KakaoTalk chat through the long-press menu, or finished by some Korean input methods without a
 * final keyup) would then sit in the box with no results. Relay every `input` as a `keyup`; Material
 * ignores a value it has already searched, so real key presses are not searched twice.
 */
document.addEventListener("input", function (ev) {
  var el = ev.target
  if (el instanceof HTMLInputElement && el.matches(".md-search__input"))
    el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
}, true)
