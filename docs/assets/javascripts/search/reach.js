/* The header search's first reach (overrides/main.html, [data-search]), in the common script of every page.

   The search script (results.js + view.js, the part "search" in extra.widget_parts) does not come with the
   page: most visits never search, and the running timer must stay light. This adds it when the reader
   reaches for search: a press on the magnifier or the field (pointerdown, touch included: before the click
   or focus, which gains the time of a tap), the field's focus, or "/" or "s". Until the script runs, this
   does what that first reach asks, so nothing is lost: the magnifier or the key opens the field and puts
   the cursor in it (a phone opens its keyboard only for a focus within the tap or key itself); view.js
   then takes over the open field and searches what was typed meanwhile. The results' style (the part's
   stylesheet) comes beside the script, and view.js shows no result before it applies (partstyle.js). No
   library: this is on every page. The header stays under instant navigation; the mark on it keeps a second
   run from listening twice. */
(() => {
  "use strict";
  const root = document.querySelector("[data-search]");
  if (!root || root.dataset.searchReach) return;
  root.dataset.searchReach = "1";
  const input = root.querySelector("[data-search-input]");
  const opener = root.querySelector("[data-search-open]");
  const scope = typeof __md_scope === "undefined" ? document.baseURI : __md_scope;
  const ready = () => root.classList.contains("ih-search--ready"); // view.js runs: it answers from now on
  let script = null;
  let engine = false;

  // The results' style (the part's stylesheet, partstyle.js) goes into the search element, which instant
  // navigation keeps; view.js asks for it again before each search, so one that failed comes again.
  const style = () => self.Intervisie.partStyle("search", root);

  function load() {
    const parts = self.Intervisie.parts; // set by the end of the common script
    if (script || ready() || !parts || !parts.search) return;
    style().catch(() => undefined); // view.js says so if it does not come
    script = document.createElement("script");
    script.src = new URL(parts.search, scope).href;
    script.onerror = () => { // offline before a first visit: the next reach asks again
      script.remove();
      script = null;
    };
    document.head.append(script);
  }

  // The magnifier, "/" or "s" ask for search outright, and view.js then fetches Pagefind at once: its
  // module (the path view.js imports) comes now, beside the search script, not a round trip after it.
  function prefetch() {
    if (engine || ready()) return;
    engine = true;
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = new URL("pagefind/pagefind.js", scope).href;
    document.head.append(link);
  }

  function open() {
    prefetch();
    load();
    root.classList.add("ih-search--open");
    if (opener) opener.setAttribute("aria-expanded", "true");
    input.focus();
    input.select();
  }

  const onOpener = (event) => opener && opener.contains(event.target);
  root.addEventListener("focusin", load);
  root.addEventListener("pointerdown", (event) => {
    load();
    if (onOpener(event)) prefetch();
  });
  root.addEventListener("click", (event) => {
    if (!ready() && onOpener(event)) open();
  });
  // The keys of results.js (isShortcut): "/" or "s" without a modifier, unless the reader is typing.
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (ready() || event.ctrlKey || event.metaKey || event.altKey || !/^[/sS]$/.test(event.key)) return;
    if (target.isContentEditable || (target.closest && target.closest("input, textarea, select"))) return;
    event.preventDefault();
    open();
  });
})();
