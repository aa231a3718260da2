/* The card on the table on every screen (issue 12): in projector mode a small QR code and the link
   open the current card on a participant's phone, and a shared round (`&ronde=<seed>`, base 36) lets
   every device that opens the round's link draw the same order.

   The seed only picks an order of card ids; the link holds deck keys, a card id and that number, never
   anything the group says. Long deck lists and card ids make a link too long for a coarse QR code; the
   code then carries `kort=<decks>.<cards>-<deck>.<deck>...-<card>` instead of stapel= and kaart=: base-36
   places in /api/cards.json's order of decks and of all cards, after the number of each (a page with
   other numbers, from another version of the handbook, ignores it). The pure part (seed, order, link) runs under node; createShare is the DOM. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./deck.js"), null);
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.cards = Object.assign(ns.cards || {}, factory(ns.cards, ns.qr)); }
})(globalThis, function (C, Q) {
  "use strict";

  const SEED_RE = /^[0-9a-z]{1,7}$/;
  // Another order for the second pass through the deck, the same on every device.
  const RESHUFFLE = 0x9e3779b9;

  /** The seed in a `ronde` value, or null when it is not one (at most 2^32 - 1). */
  function readSeed(text) {
    if (typeof text !== "string" || !SEED_RE.test(text)) return null;
    const n = parseInt(text, 36);
    return n <= 0xffffffff ? n : null;
  }

  function seedText(seed) {
    return (seed >>> 0).toString(36);
  }

  /** A fresh 32-bit seed from the browser's random source. */
  function newSeed(rng = C.cryptoSource) {
    return rng() >>> 0;
  }

  /**
   * The round a seed makes over `ids`, drawn up to and including `card` (so a phone that opens the link
   * for the fifth card holds the same round as the projector, with the same cards still to come).
   * @param {string[]} ids
   * @param {number} seed
   * @param {string|null} [card]
   */
  function seededRound(ids, seed, card) {
    let round = C.newRound(ids, C.seeded(seed));
    if (!card || !round.ids.includes(card)) return round;
    while (round.drawn[round.shown] !== card && round.left.length) round = C.draw(round).round;
    return round;
  }

  /** The source for drawing in a round: seeded rounds reshuffle alike everywhere. */
  function drawSource(seed) {
    return seed === null ? C.random : C.seeded((seed ^ RESHUFFLE) >>> 0);
  }

  /**
   * The link to a card: decks, card and (for a shared round) the seed.
   * @param {string} base absolute URL of /kaarten/
   * @param {string[]} decks
   * @param {string|null} card
   * @param {number|null} seed
   */
  function cardLink(base, decks, card, seed) {
    const parts = [];
    if (decks.length) parts.push(`stapel=${decks.join(",")}`);
    if (card) parts.push(`kaart=${encodeURIComponent(card)}`);
    if (seed !== null) parts.push(`ronde=${seedText(seed)}`);
    return base + (parts.length ? `?${parts.join("&")}` : "");
  }

  const SHORT_RE = /^([0-9a-z]{1,3})\.([0-9a-z]{1,4})-((?:[0-9a-z]{1,3}\.){0,49}[0-9a-z]{1,3})(?:-([0-9a-z]{1,4}))?$/;

  /**
   * The link for the QR code: the compact form when it is shorter than cardLink, as it nearly always is.
   * A shorter link makes a code with fewer, larger modules, which a phone reads from further away.
   * @param {string} base
   * @param {string[]} order every deck key, in the order of /api/cards.json
   * @param {string[]} all every card id, in the order of /api/cards.json
   */
  function qrLink(base, order, all, decks, card, seed) {
    const full = cardLink(base, decks, card, seed);
    const n = (x) => x.toString(36);
    const places = decks.map((key) => order.indexOf(key));
    const at = card ? all.indexOf(card) : -1;
    if (places.includes(-1) || !places.length) return full;
    const current = at >= 0 ? "-" + n(at) : "";
    const short = `kort=${n(order.length)}.${n(all.length)}-${places.map(n).join(".")}${current}`;
    const round = seed === null ? "" : "&ronde=" + seedText(seed);
    const compact = `${base}?${short}${round}`;
    return compact.length < full.length ? compact : full;
  }

  /**
   * The decks and card of a compact `kort` value, or null when it does not fit these decks and cards.
   * @returns {{decks: string[], card: string|null}|null}
   */
  function expandShort(text, order, all) {
    const match = SHORT_RE.exec(typeof text === "string" ? text : "");
    if (!match || parseInt(match[1], 36) !== order.length || parseInt(match[2], 36) !== all.length) return null;
    const decks = match[3].split(".").map((x) => order[parseInt(x, 36)]);
    const card = match[4] === undefined ? null : all[parseInt(match[4], 36)];
    if (decks.includes(undefined) || card === undefined) return null;
    return { decks, card };
  }

  /**
   * The QR box in the card table's projector view (in the page: macros/templates/cards/widget.html).
   * The code is drawn only while the box can be seen: encoding one costs about 50 ms on a slow phone,
   * on every card, for a box that is hidden outside projection.
   * @param {{stage: Element, life: object, onShareRound: () => void, shown: () => boolean}} page
   * @returns {{update: (code: string, url: string, shared: boolean) => void, draw: () => void}}
   *   update: code is the link in the QR code (qrLink), url the readable link beside it (cardLink);
   *   draw: call when the box becomes visible
   */
  function createShare({ stage, life, onShareRound, shown }) {
    const $ = (sel) => stage.querySelector(sel);
    const code = $("[data-card-share-qr]");
    const link = $("[data-card-share-link]");
    const note = $("[data-card-share-note]");
    const button = $("[data-card-share-round]");
    life.listen(button, "click", onShareRound);
    let wanted = "";
    let drawn = "";
    const draw = () => {
      if (!shown() || wanted === drawn) return;
      drawn = wanted;
      const svg = Q && wanted ? Q.svg(wanted, code.dataset.textLabel) : null;
      code.innerHTML = svg ? svg.markup : ""; // our own markup; the label is escaped by qr.js
      code.hidden = !svg;
    };
    return {
      update(codeUrl, url, shared) {
        note.textContent = shared ? note.dataset.textShared : "";
        button.hidden = shared;
        if (link.getAttribute("href") !== url) {
          link.href = url;
          link.textContent = url;
        }
        wanted = codeUrl;
        draw();
      },
      draw,
    };
  }

  return { readSeed, seedText, newSeed, seededRound, drawSource, cardLink, qrLink, expandShort, createShare };
});
