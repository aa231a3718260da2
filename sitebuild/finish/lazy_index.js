// Finish (theme_fixes.defer_search_index) puts this function into the theme's bundle, where the bundle
// makes its search index: `index$ = <form> ? fetchIndex() : EMPTY` becomes
// `index$ = <form> ? (this function)(fetchIndex, EMPTY.constructor, document, location) : EMPTY`.
// The theme fetches, parses and hands the whole index (~450 KB) to its search worker on every page load,
// before the reader has done anything; this index is fetched the first time the reader reaches for
// search (focus in the search field, the search toggle, a keyboard shortcut that focuses it), or at once
// when the address asks for a search or for highlighted search words. `load` is the theme's own fetch,
// called once and shared by every subscriber, so the theme sees the index it always saw, a little later.
(function deferIndex(load, Observable, doc, loc) {
  "use strict";
  let shared = null;
  const start = () => shared || (shared = load());
  const wanted = () => /[?&](q|h)=/.test(loc.search);
  const inSearch = (target) => Boolean(target && target.closest && target.closest(".md-search, form[name='search']"));
  return new Observable((subscriber) => {
    let inner = null;
    const off = () => {
      doc.removeEventListener("focusin", onFocus, true);
      doc.removeEventListener("change", onChange, true);
    };
    const go = () => {
      if (inner) return;
      off();
      inner = start().subscribe(subscriber);
    };
    function onFocus(event) {
      if (inSearch(event.target)) go();
    }
    function onChange(event) {
      if (event.target && event.target.id === "__search") go();
    }
    if (shared || wanted()) go();
    else {
      doc.addEventListener("focusin", onFocus, true);
      doc.addEventListener("change", onChange, true);
    }
    return () => {
      off();
      if (inner) inner.unsubscribe();
    };
  });
})
