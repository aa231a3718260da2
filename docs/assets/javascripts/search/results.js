/* The header search's pure parts: Pagefind's result data turned into what the list shows, the excerpt
   split into plain text and marked words (so no HTML from the index ever reaches innerHTML), the
   shortcut keys and the moves of the arrow keys. No DOM here, so `node --test tests/js/` can require it;
   view.js does the page. */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    const ns = (root.Intervisie = root.Intervisie || {});
    ns.search = api;
  }
})(globalThis, function () {
  "use strict";

  /** Sections shown under a page: enough to jump straight to the right part, few enough to scan. */
  const MAX_SECTIONS = 3;
  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  /**
   * Text from Pagefind's index with its character references read back (it stores text HTML-escaped).
   * @param {string} text
   * @returns {string}
   */
  function decode(text) {
    return String(text).replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()] : all;
    });
  }

  /**
   * An excerpt as parts: Pagefind wraps each found word in <mark>; everything else is plain text.
   * @param {string} excerpt
   * @returns {{text: string, mark: boolean}[]}
   */
  function excerptParts(excerpt) {
    const parts = [];
    String(excerpt || "").split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
      if (!piece) return;
      const marked = /^<mark>(.*)<\/mark>$/s.exec(piece);
      const text = decode((marked ? marked[1] : piece).replace(/<[^>]*>/g, ""));
      if (text) parts.push({ text, mark: Boolean(marked) });
    });
    return parts;
  }

  /**
   * What one result shows: the page's title and excerpt, then its best sections (headings of the page
   * that matched, Pagefind's sub_results), each with its own address (#id).
   * @param {{url: string, meta?: {title?: string}, excerpt?: string, sub_results?: object[]}} data
   * @returns {{url: string, title: string, parts: object[], sections: {url: string, title: string, parts: object[]}[]}}
   */
  function resultView(data) {
    const title = decode((data.meta && data.meta.title) || data.url);
    const sections = (data.sub_results || [])
      // The page's own heading comes back as a section too: the title above already says it.
      .filter((sub) => sub && sub.url && sub.url !== data.url && sub.url.includes("#") && sub.title &&
        decode(sub.title) !== title)
      .slice(0, MAX_SECTIONS)
      .map((sub) => ({ url: sub.url, title: decode(sub.title), parts: excerptParts(sub.excerpt) }));
    return { url: data.url, title, parts: excerptParts(data.excerpt), sections };
  }

  /**
   * The line the live region reads out.
   * @param {number} count results Pagefind found
   * @param {number} shown results in the list
   * @returns {string}
   */
  function statusText(count, shown) {
    if (count === 0) return "Geen resultaten. Probeer een ander woord.";
    if (count === 1) return "1 resultaat";
    return count > shown ? `${count} resultaten, de beste ${shown} staan hieronder` : `${count} resultaten`;
  }

  /**
   * Whether a key press asks for search: "/" or "s", as in the theme, unless the reader is typing or
   * holds a modifier.
   * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean}} event
   * @param {boolean} typing
   * @returns {boolean}
   */
  function isShortcut(event, typing) {
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return false;
    return event.key === "/" || event.key === "s" || event.key === "S";
  }

  /**
   * Where the arrow keys move: -1 is the search field, 0..count-1 the links of the list. Up from the
   * first link goes back to the field; down from the last stays there.
   * @param {number} current
   * @param {number} delta +1 or -1
   * @param {number} count
   * @returns {number}
   */
  function nextIndex(current, delta, count) {
    if (count <= 0) return -1;
    return Math.max(-1, Math.min(count - 1, current + delta));
  }

  return { MAX_SECTIONS, decode, excerptParts, resultView, statusText, isShortcut, nextIndex };
});
