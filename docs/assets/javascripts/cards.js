// Reflection cards on /kaarten/: draw cards at random from one or more decks, on a laptop or a projector.
// Pure logic (unbiased random integers, shuffling, the round) lives in Intervisie.cards so tests can call it
// with page.evaluate; the DOM code below only applies that state. Without this script the page still lists
// every card by deck.
window.Intervisie = window.Intervisie || {};

(() => {
  "use strict";

  const STORAGE_KEY = "intervisie.kaarten.v1";
  const VERSION = 1;
  const TWO_32 = 2 ** 32;

  // --- Pure logic -----------------------------------------------------------------------------------

  const pool = new Uint32Array(256);
  let poolAt = pool.length;

  /**
   * A uniform random 32-bit unsigned integer from crypto.getRandomValues (fetched 256 at a time).
   * @returns {number}
   */
  function cryptoSource() {
    if (poolAt >= pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    return pool[poolAt++];
  }

  /**
   * A small seeded source of 32-bit integers (mulberry32), for deterministic tests only.
   * @param {number} seed
   * @returns {() => number}
   */
  function seeded(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
  }

  /**
   * An unbiased integer in [0, n). Values at or above floor(2^32 / n) * n are rejected and drawn again,
   * because `x % n` over the full 32-bit range would favour the small results.
   * @param {number} n number of possible results, 1 to 2^32
   * @param {() => number} [rng] source of uniform integers in [0, 2^32)
   * @returns {number}
   */
  function randomInt(n, rng = cryptoSource) {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`randomInt: n must be 1..2^32, not ${n}`);
    const limit = Math.floor(TWO_32 / n) * n;
    for (;;) {
      const x = rng();
      if (!Number.isInteger(x) || x < 0 || x >= TWO_32) throw new RangeError(`randomInt: source gave ${x}`);
      if (x < limit) return x % n;
    }
  }

  /**
   * A shuffled copy of `items` (Fisher–Yates from the end): every order is equally likely. With `avoidFirst`,
   * every order that does not start with it is equally likely: when the shuffle puts it first, it trades places
   * with one of the other positions, chosen at random.
   * @template T
   * @param {Iterable<T>} items
   * @param {() => number} [rng]
   * @param {T} [avoidFirst] an item that must not come first (when there is another)
   * @returns {T[]}
   */
  function shuffle(items, rng = cryptoSource, avoidFirst = undefined) {
    const a = Array.from(items);
    for (let i = a.length - 1; i > 0; i--) {
      const j = randomInt(i + 1, rng);
      [a[i], a[j]] = [a[j], a[i]];
    }
    if (a.length > 1 && avoidFirst !== undefined && a[0] === avoidFirst) {
      const j = 1 + randomInt(a.length - 1, rng);
      [a[0], a[j]] = [a[j], a[0]];
    }
    return a;
  }

  /**
   * @typedef {{ids: string[], left: string[], drawn: string[], shown: number}} Round
   * `left` is the shuffled rest of the deck (the next card is the last one), `drawn` the cards of this round in
   * the order they were drawn, `shown` the index in `drawn` of the card on the table (-1: none yet).
   */

  /**
   * A fresh round over the card ids `ids`.
   * @param {string[]} ids
   * @param {() => number} [rng]
   * @param {string} [notFirst] a card that must not be the first one drawn (the one still on the table)
   * @returns {Round}
   */
  function newRound(ids, rng = cryptoSource, notFirst = undefined) {
    // shuffle() gives the drawing order; the deck is drawn from its end.
    return { ids: Array.from(ids), left: shuffle(ids, rng, notFirst).reverse(), drawn: [], shown: -1 };
  }

  /**
   * Draw the next card from the end of the deck; when the deck is used up, reshuffle it into a new round first,
   * whose first card is never the card on the table.
   * @param {Round} round
   * @param {() => number} [rng]
   * @returns {{round: Round, id: string | null, reshuffled: boolean}}
   */
  function draw(round, rng = cryptoSource) {
    if (round.ids.length === 0) return { round, id: null, reshuffled: false };
    const reshuffled = round.left.length === 0;
    const from = reshuffled ? newRound(round.ids, rng, round.drawn[round.shown]) : round;
    const id = from.left[from.left.length - 1];
    const drawn = [...from.drawn, id];
    return { round: { ids: from.ids, left: from.left.slice(0, -1), drawn, shown: drawn.length - 1 }, id, reshuffled };
  }

  /**
   * Go back (-1) or forward (+1) through the cards drawn in this round.
   * @param {Round} round
   * @param {number} delta
   * @returns {Round}
   */
  function step(round, delta) {
    if (round.drawn.length === 0) return round;
    return { ...round, shown: Math.min(Math.max(round.shown + delta, 0), round.drawn.length - 1) };
  }

  /**
   * Put a given card on the table (for shared links): an undrawn card counts as drawn from now on.
   * @param {Round} round
   * @param {string} id
   * @returns {Round}
   */
  function showCard(round, id) {
    const at = round.drawn.indexOf(id);
    if (at >= 0) return { ...round, shown: at };
    if (!round.left.includes(id)) return round;
    const drawn = [...round.drawn, id];
    return { ...round, left: round.left.filter((x) => x !== id), drawn, shown: drawn.length - 1 };
  }

  /**
   * Whether a saved value is a consistent round over exactly the card ids `ids`.
   * @param {unknown} value
   * @param {string[]} ids
   * @returns {boolean}
   */
  function isRound(value, ids) {
    if (!value || typeof value !== "object") return false;
    const { ids: own, left, drawn, shown } = /** @type {Round} */ (value);
    const strings = (a) => Array.isArray(a) && a.every((x) => typeof x === "string");
    if (![own, left, drawn].every(strings) || !Number.isInteger(shown)) return false;
    const wanted = new Set(ids);
    const seen = new Set([...left, ...drawn]);
    return (
      own.length === wanted.size && own.every((id) => wanted.has(id)) &&
      seen.size === left.length + drawn.length && seen.size === wanted.size &&
      [...seen].every((id) => wanted.has(id)) &&
      shown >= (drawn.length ? 0 : -1) && shown < drawn.length
    );
  }

  const api = { cryptoSource, seeded, randomInt, shuffle, newRound, draw, step, showCard, isRound };
  /** The random source the page uses; tests may replace it with a seeded one. */
  api.random = cryptoSource;
  window.Intervisie.cards = api;

  // --- DOM ------------------------------------------------------------------------------------------

  /**
   * A message from the page's HTML (data-text-* on the note), with {placeholders} filled in as text.
   * @param {string} name e.g. "unknownCard" for data-text-unknown-card
   * @param {Record<string, string>} [values]
   */
  function message(name, values = {}) {
    const key = `text${name[0].toUpperCase()}${name.slice(1)}`;
    const fill = (all, field) => (Object.hasOwn(values, field) ? values[field] : all);
    return (ui.el.note.dataset[key] || "").replace(/\{(\w+)\}/g, fill);
  }

  /** Everything about the widget on the current page; null when the page has none. */
  let ui = null;

  function short(text) {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }

  function idsOf(keys) {
    return keys.flatMap((key) => ui.decks.get(key).kaarten.map((card) => card.id));
  }

  function setNote(text) {
    ui.el.note.textContent = text;
    ui.el.note.hidden = !text;
  }

  function readSaved() {
    let raw = null;
    try {
      raw = localStorage.getItem(STORAGE_KEY);
    } catch {
      return { saved: null, corrupt: false };
    }
    if (raw === null) return { saved: null, corrupt: false };
    try {
      const value = JSON.parse(raw);
      const keys = value && value.version === VERSION && Array.isArray(value.decks) ? value.decks : null;
      if (keys && keys.length && new Set(keys).size === keys.length && keys.every((k) => ui.decks.has(k)) &&
          isRound(value.round, idsOf(keys))) {
        return { saved: { decks: keys, round: value.round }, corrupt: false };
      }
    } catch {
      // fall through: unreadable JSON is as corrupt as a wrong shape
    }
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing else to do
    }
    return { saved: null, corrupt: true };
  }

  function save() {
    try {
      if (ui.selected.length) {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, decks: ui.selected, round: ui.round }));
      } else {
        localStorage.removeItem(STORAGE_KEY);
      }
    } catch {
      // private mode or full storage: the round just does not survive a reload
    }
  }

  function shownId() {
    return ui.round.shown >= 0 ? ui.round.drawn[ui.round.shown] : null;
  }

  /** Keep the address bar shareable: the chosen decks and the card on the table. */
  function syncUrl() {
    const parts = [];
    if (ui.selected.length) parts.push(`stapel=${ui.selected.join(",")}`);
    const id = shownId();
    if (id) parts.push(`kaart=${id}`);
    const url = `${location.pathname}${parts.length ? `?${parts.join("&")}` : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
  }

  function theme(deck) {
    return deck.soort === "methode" ? `Methode: ${deck.naam}` : deck.naam;
  }

  function render({ turn = false, announce = "" } = {}) {
    const { el, round } = ui;
    const id = shownId();
    if (id) {
      const { card, deck } = ui.cards.get(id);
      el.theme.textContent = theme(deck);
      el.question.textContent = card.vraag;
      el.question.dataset.cardId = id;
    } else {
      el.theme.textContent = ui.selected.length ? `${round.ids.length} kaarten gekozen` : "Geen stapel gekozen";
      el.question.textContent = ui.emptyText;
      el.question.dataset.cardId = "";
    }
    el.left.textContent = String(round.left.length);
    el.prev.disabled = round.shown <= 0;
    el.next.disabled = round.shown >= round.drawn.length - 1;
    el.draw.disabled = round.ids.length === 0;
    for (const box of el.boxes) box.checked = ui.selected.includes(box.value);
    if (turn) {
      el.card.classList.remove("ih-card--turn");
      void el.card.offsetWidth; // restart the animation
      el.card.classList.add("ih-card--turn");
    }
    if (announce) el.live.textContent = announce;
  }

  function describe(note) {
    const { card, deck } = ui.cards.get(shownId());
    const where = `Kaart ${ui.round.shown + 1} van ${ui.round.ids.length}`;
    return `${note ? `${note} ` : ""}${where}, ${theme(deck)}: ${card.vraag}`;
  }

  function drawCard() {
    if (!ui || !ui.ready) return;
    if (ui.round.ids.length === 0) {
      setNote(message("none"));
      return;
    }
    const result = draw(ui.round, api.random);
    ui.round = result.round;
    const note = result.reshuffled ? message("reshuffled") : ui.round.left.length === 0 ? message("last") : "";
    setNote(note);
    render({ turn: true, announce: describe(note) });
    save();
    syncUrl();
  }

  function move(delta) {
    if (!ui || !ui.ready) return;
    const next = step(ui.round, delta);
    if (next.shown === ui.round.shown) return; // already at the first or the newest card
    ui.round = next;
    setNote("");
    render({ announce: describe("") });
    save();
    syncUrl();
  }

  function chooseDecks() {
    ui.selected = ui.order.filter((key) => ui.el.boxes.some((box) => box.checked && box.value === key));
    ui.round = newRound(idsOf(ui.selected), api.random);
    setNote(ui.selected.length ? "" : message("none"));
    const count = ui.round.ids.length;
    render({ announce: ui.selected.length ? `Nieuwe ronde met ${count} kaarten.` : message("none") });
    save();
    syncUrl();
  }

  function setProjector(on) {
    const { root, el } = ui;
    ui.projector = on;
    root.classList.toggle("ih-cards--projector", on);
    document.documentElement.classList.toggle("ih-cards-projecting", on);
    el.projector.textContent = on ? el.projector.dataset.labelOn : el.projector.dataset.labelOff;
    if (on && root.requestFullscreen && !document.fullscreenElement) {
      // Without full screen (refused, or not on this device) the CSS still covers the window.
      root.requestFullscreen().catch(() => {});
    } else if (!on && document.fullscreenElement === root) {
      document.exitFullscreen().catch(() => {});
    }
    el.draw.focus();
  }

  const ARROWS = new Map([["ArrowLeft", -1], ["ArrowRight", 1]]);
  const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

  /**
   * Space draws a card, except where space already means something (form controls, links, buttons). In projector
   * view the arrow keys (and a presenter's clicker, which sends them) go back and forward through the round.
   */
  function onKey(event) {
    if (!ui || !ui.ready) return;
    if (event.key === "Escape" && ui.projector && !document.fullscreenElement) {
      setProjector(false);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    const inside = (sel) => target instanceof Element && Boolean(target.closest(`${sel}, [role='dialog']`));
    if (ui.projector && ARROWS.has(event.key)) {
      if (inside(TYPING)) return;
      event.preventDefault();
      move(ARROWS.get(event.key));
      return;
    }
    if (event.key !== " " || event.repeat) return;
    if (inside(`${TYPING}, button, a[href], summary`)) return;
    event.preventDefault();
    drawCard();
  }

  /**
   * The decks and card a link asks for, with a note for each unknown one.
   * @param {(key: string) => boolean} isDeck
   * @param {(id: string) => boolean} isCard
   */
  function readParams(isDeck, isCard) {
    const params = new URLSearchParams(location.search);
    const asked = (params.get("stapel") || "").split(",").map((k) => k.trim()).filter(Boolean);
    const unknown = asked.filter((key) => !isDeck(key));
    const notes = [];
    if (unknown.length) {
      const namen = unknown.map((k) => `‘${short(k)}’`).join(", ");
      notes.push(message(unknown.length === 1 ? "unknownDeck" : "unknownDecks", { namen }));
    }
    let card = params.get("kaart");
    if (card !== null && !isCard(card)) {
      notes.push(message("unknownCard", { naam: `‘${short(card)}’` }));
      card = null;
    }
    return { decks: asked.filter(isDeck), card, notes };
  }

  /** Decide which decks and round to start with: link parameters, then the saved round, then the default. */
  function start(data) {
    ui.order = data.stapels.map((deck) => deck.sleutel);
    ui.decks = new Map(data.stapels.map((deck) => [deck.sleutel, deck]));
    ui.cards = new Map(data.stapels.flatMap((deck) => deck.kaarten.map((card) => [card.id, { card, deck }])));
    const notes = [];
    const { saved, corrupt } = readSaved();
    if (corrupt) notes.push(message("corrupt"));

    const params = new URLSearchParams(location.search);
    const asked = readParams((key) => ui.decks.has(key), (id) => ui.cards.has(id));
    notes.push(...asked.notes);
    const card = asked.card;
    let wanted = ui.order.filter((key) => asked.decks.includes(key));
    if (card) {
      const key = ui.cards.get(card).deck.sleutel;
      if (!wanted.includes(key)) wanted = ui.order.filter((k) => k === key || wanted.includes(k));
    }

    const sameDecks = saved && wanted.length === saved.decks.length && wanted.every((k) => saved.decks.includes(k));
    if (wanted.length && !sameDecks) {
      ui.selected = wanted;
      ui.round = newRound(idsOf(wanted), api.random);
    } else if (saved) {
      ui.selected = saved.decks;
      ui.round = saved.round;
    } else {
      ui.selected = data.stapels.filter((deck) => deck.soort === "reflectie").map((deck) => deck.sleutel);
      ui.round = newRound(idsOf(ui.selected), api.random);
    }
    if (card) ui.round = showCard(ui.round, card);

    if (ui.selected.some((key) => ui.decks.get(key).soort === "methode")) {
      for (const more of ui.root.querySelectorAll("[data-card-more]")) more.open = true;
    }
    ui.ready = true;
    ui.root.removeAttribute("aria-busy");
    setNote(notes.join(" "));
    render({ announce: notes.join(" ") });
    save();
    if (params.has("stapel") || params.has("kaart")) syncUrl();
  }

  function setup() {
    const root = document.querySelector("[data-cards]");
    if (!root) return;
    const q = (sel) => root.querySelector(sel);
    const controller = new AbortController();
    const { signal } = controller;
    ui = {
      root, controller, ready: false, projector: false, selected: [], round: newRound([]),
      el: {
        note: q("[data-card-note]"), app: q("[data-cards-app]"), card: q("[data-card]"), theme: q("[data-card-theme]"),
        question: q("[data-card-question]"), left: q("[data-card-left]"), live: q("[data-card-live]"),
        draw: q("[data-card-draw]"), prev: q("[data-card-prev]"), next: q("[data-card-next]"),
        projector: q("[data-card-projector]"),
        boxes: [...root.querySelectorAll("[data-card-decks] input[type=checkbox]")],
      },
    };
    ui.emptyText = ui.el.question.dataset.emptyText;
    // The page itself names every deck and card, so a link's unknown parts are reported before the fetch.
    const deckKeys = new Set(ui.el.boxes.map((box) => box.value));
    const cardIds = new Set([...document.querySelectorAll("[data-card-item]")].map((li) => li.dataset.cardItem));
    setNote(readParams((key) => deckKeys.has(key), (id) => cardIds.has(id)).notes.join(" "));
    const { el } = ui;
    el.draw.addEventListener("click", drawCard, { signal });
    el.card.addEventListener("click", drawCard, { signal });
    el.prev.addEventListener("click", () => move(-1), { signal });
    el.next.addEventListener("click", () => move(1), { signal });
    el.projector.addEventListener("click", () => setProjector(!ui.projector), { signal });
    for (const box of el.boxes) box.addEventListener("change", chooseDecks, { signal });
    document.addEventListener("keydown", onKey, { signal });
    document.addEventListener("fullscreenchange", () => {
      if (ui && ui.projector && !document.fullscreenElement) setProjector(false);
    }, { signal });

    fetch(new URL(root.dataset.src, location.href), { signal })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((data) => {
        if (data.versie !== VERSION || !Array.isArray(data.stapels)) throw new Error("onbekende versie");
        start(data);
      })
      .catch((error) => {
        if (error.name === "AbortError" || !ui) return;
        // Without the decks the table cannot work: hide it and point to the card list below.
        ui.el.app.hidden = true;
        ui.root.removeAttribute("aria-busy");
        setNote(message("failed"));
      });
  }

  function teardown() {
    if (!ui) return;
    if (ui.projector) {
      document.documentElement.classList.remove("ih-cards-projecting");
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    }
    ui.controller.abort();
    ui = null;
  }

  const init = () => {
    teardown();
    setup();
  };
  if (window.document$) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
