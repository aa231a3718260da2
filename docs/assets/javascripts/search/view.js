/* The header search (overrides/main.html, [data-search]): asks Pagefind's index that the finish stage
   wrote into pagefind/ (sitebuild/finish/search.py) and shows the results as links, best first.

   Nothing is fetched until the reader reaches for search (focus, the icon, "/" or "s"), not even this
   script: reach.js in the common script adds it then. Then come pagefind.js and, per typed word, the
   few index chunks it needs. The element sits outside what Material's instant navigation swaps, so it
   is set up once per full page load; a navigation only closes it. The results' style comes beside this
   script (reach.js adds it); no result shows before it applies. Results are built with text nodes:
   nothing from the index goes through innerHTML. */
(() => {
  "use strict";
  const S = globalThis.Intervisie && globalThis.Intervisie.search;
  const root = document.querySelector("[data-search]");
  if (!S || !root || root.dataset.searchReady) return;
  root.dataset.searchReady = "1";

  const input = root.querySelector("[data-search-input]");
  const panel = root.querySelector("[data-search-panel]");
  const list = root.querySelector("[data-search-results]");
  const status = root.querySelector("[data-search-status]");
  const opener = root.querySelector("[data-search-open]");
  const closer = root.querySelector("[data-search-close]");
  const SHOWN = 8;
  const DELAY_MS = 120; // one search per pause in typing, not one per key
  // The site root, correct under any sub-path (Material's and Zensical's inline script set it).
  const scope = new URL(typeof __md_scope === "undefined" ? "./" : __md_scope, location.href);
  let engine = null;
  let asked = 0; // the number of the newest search: an older answer that arrives late is dropped
  let timer = 0;
  // The results' style, which reach.js adds: asked for at each search, so one that failed comes again.
  const styled = () => globalThis.Intervisie.partStyle("search", root);

  /** Pagefind's module, loaded once, on first use. */
  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", scope).href).then(async (pagefind) => {
        await pagefind.options({ baseUrl: scope.pathname, excerptLength: 22 });
        await pagefind.init();
        return pagefind;
      });
      engine.catch(() => { engine = null; }); // offline before the first visit finished: try again later
    }
    return engine;
  }

  function text(tag, className, value) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (value) el.textContent = value;
    return el;
  }

  function excerpt(parts) {
    const el = text("span", "ih-search__excerpt");
    for (const part of parts) el.append(part.mark ? text("mark", "", part.text) : document.createTextNode(part.text));
    return el;
  }

  function item(view) {
    const li = text("li", "ih-search__item");
    const link = text("a", "ih-search__result");
    link.href = view.url;
    link.dataset.searchResult = "";
    link.append(text("span", "ih-search__title", view.title), excerpt(view.parts));
    li.append(link);
    if (view.sections.length) {
      const sections = text("ul", "ih-search__sections");
      for (const section of view.sections) {
        const a = text("a", "ih-search__section");
        a.href = section.url;
        a.dataset.searchSection = "";
        a.append(text("span", "ih-search__section-title", section.title), excerpt(section.parts));
        const sub = text("li");
        sub.append(a);
        sections.append(sub);
      }
      li.append(sections);
    }
    return li;
  }

  function show(query, views, count) {
    list.replaceChildren(...views.map(item));
    list.dataset.searchQuery = query; // which query the list answers (the tests wait for it)
    status.textContent = S.statusText(count, views.length);
    root.classList.toggle("ih-search--results", true);
  }

  async function run(query) {
    const mine = ++asked;
    if (!query) {
      list.replaceChildren();
      delete list.dataset.searchQuery;
      status.textContent = "";
      root.classList.remove("ih-search--results");
      return;
    }
    try {
      const [pagefind] = await Promise.all([load(), styled()]);
      const found = await pagefind.search(query);
      if (mine !== asked || !found) return;
      const data = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
      if (mine !== asked) return;
      show(query, data.map(S.resultView), found.results.length);
    } catch (error) {
      if (mine !== asked) return;
      list.replaceChildren();
      status.textContent = "Zoeken lukt nu niet. Is er verbinding? Probeer het straks opnieuw.";
      root.classList.add("ih-search--results");
    }
  }

  function open(focus) {
    root.classList.add("ih-search--open");
    if (opener) opener.setAttribute("aria-expanded", "true");
    if (focus) {
      // Asked for (the icon, "/" or "s"): fetch while the reader types the first word. Mere focus, as
      // when the Tab key passes through the header, fetches nothing.
      load().catch(() => undefined);
      input.focus();
      input.select();
    }
  }

  function close(returnFocus) {
    root.classList.remove("ih-search--open");
    if (opener) opener.setAttribute("aria-expanded", "false");
    if (returnFocus && opener && getComputedStyle(opener).display !== "none") opener.focus();
    else if (root.contains(document.activeElement)) document.activeElement.blur();
  }

  function links() {
    return Array.from(list.querySelectorAll("a[href]"));
  }

  input.addEventListener("focus", () => open(false));
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value.trim()), DELAY_MS);
  });
  // Enter in the field opens the best result, as the theme's search did; the form itself never submits.
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("[data-search-result]");
    if (first) first.click();
  });
  if (opener) opener.addEventListener("click", () => open(true));
  if (closer) closer.addEventListener("click", () => close(true));

  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    if (!all.length) return;
    event.preventDefault();
    const next = S.nextIndex(all.indexOf(document.activeElement), event.key === "ArrowDown" ? 1 : -1, all.length);
    (next < 0 ? input : all[next]).focus();
  });
  // A click on a result (or anywhere outside the search) closes the panel; instant navigation keeps
  // this element, so without it the list would stay over the next page.
  list.addEventListener("click", (event) => {
    if (event.target.closest("a[href]")) close(false);
  });
  document.addEventListener("click", (event) => {
    if (root.classList.contains("ih-search--open") && !root.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", (event) => {
    const typing = Boolean(event.target && event.target.closest &&
      event.target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
    if (!S.isShortcut(event, typing)) return;
    event.preventDefault();
    open(true);
  });
  if (window.document$) {
    // The theme's document$ hands a new subscriber the page it already shows, at once: that is no
    // navigation, and closing then would shut the field that reach.js opened a moment ago.
    let replayed = true;
    window.document$.subscribe(() => {
      if (!replayed && root.classList.contains("ih-search--open")) close(false);
    });
    replayed = false;
  }
  // Added at the reader's first reach (reach.js), maybe after it: go on from where that left the field.
  // Open means asked for (the icon, "/" or "s"), so Pagefind comes at once; whatever was typed is searched.
  if (root.classList.contains("ih-search--open")) {
    open(false);
    load().catch(() => undefined);
  } else if (document.activeElement === input) {
    open(false);
  }
  if (input.value.trim()) run(input.value.trim());
  root.classList.add("ih-search--ready");
})();
