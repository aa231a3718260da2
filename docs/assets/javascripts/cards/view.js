/* Reflection cards on /kaarten/, on the page: draw cards at random from one or more decks, on a
   laptop or a projector. The round itself is cards/deck.js; this file only applies it. Without
   this script the page still lists every card by deck. */
(function () {
  "use strict";

  const W = window.Intervisie.widget;
  const C = window.Intervisie.cards;

  const STORAGE_KEY = "intervisie.kaarten.v1";
  const VERSION = 1; // of /api/cards.json

  /** Sentences only the script makes; the page's own (data-text-* on the note) are read with message(). */
  const NL = {
    methodDeck: (name) => `Methode: ${name}`,
    chosen: (n) => `${n} kaarten gekozen`,
    noDeck: "Geen stapel gekozen",
    where: (i, n) => `Kaart ${i} van ${n}`,
    newRound: (n) => `Nieuwe ronde met ${n} kaarten.`,
    // A link's part that is not used is named, with why (issue 31).
    badShort: (raw) => `De korte link (kort=„${raw}”) past niet bij de stapels en kaarten van deze versie ` +
      "van het handboek en is niet gebruikt.",
    badRound: (raw) => `„${raw}” is geen gedeelde ronde (ronde= is een code van hoogstens zeven letters en ` +
      "cijfers); de kaarten worden gewoon geschud.",
    notKept: "Deze ronde is niet bewaard: de opslag van deze browser is vol of staat het niet toe. Na herladen begin je opnieuw.",
  };

  /** Everything about the widget on the current page; null when the page has none. */
  let ui = null;

  /**
   * A message from the page's HTML (data-text-* on the note), with {placeholders} filled in as text.
   * @param {string} name e.g. "unknownCard" for data-text-unknown-card
   * @param {Record<string, string>} [values]
   */
  function message(name, values = {}) {
    return W.fill(ui.el.note.dataset[`text${name[0].toUpperCase()}${name.slice(1)}`], values);
  }

  function idsOf(keys) {
    return keys.flatMap((key) => ui.decks.get(key).kaarten.map((card) => card.id));
  }

  function setNote(text) {
    ui.el.note.textContent = text;
    ui.el.note.hidden = !text;
  }

  /** The saved round, or why there is none: a saved value that does not fit these decks is wiped. */
  function readSaved() {
    const { data, discarded } = ui.slot.load();
    if (discarded) ui.slot.remove();
    return { saved: data, corrupt: discarded };
  }

  function save() {
    // Private mode or full storage: the round still works, it just does not survive a reload; the note says so.
    const ok = ui.selected.length
      ? ui.slot.write({ decks: ui.selected, round: ui.round, ...(ui.seed === null ? {} : { seed: ui.seed }) })
      : ui.slot.remove();
    const note = ui.el.note.textContent;
    if (!ok && !note.includes(NL.notKept)) setNote(note ? `${note} ${NL.notKept}` : NL.notKept);
  }

  function shownId() {
    return ui.round.shown >= 0 ? ui.round.drawn[ui.round.shown] : null;
  }

  /** Keep the address bar shareable: the chosen decks, the card on the table, a shared round's seed. */
  function syncUrl() {
    ui.address.write(`${C.cardLink(location.pathname, ui.selected, shownId(), ui.seed)}${location.hash}`);
  }

  function theme(deck) {
    return deck.soort === "methode" ? NL.methodDeck(deck.naam) : deck.naam;
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
      el.theme.textContent = ui.selected.length ? NL.chosen(round.ids.length) : NL.noDeck;
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
    if (announce) ui.say(announce);
    if (ui.share) {
      const all = ui.order.flatMap((key) => ui.decks.get(key).kaarten.map((c) => c.id));
      const base = location.origin + location.pathname;
      ui.share.update(C.qrLink(base, ui.order, all, ui.selected, id, ui.seed), C.cardLink(base, ui.selected, id, ui.seed),
        ui.seed !== null);
    }
  }

  function describe(note) {
    const { card, deck } = ui.cards.get(shownId());
    const where = NL.where(ui.round.shown + 1, ui.round.ids.length);
    const before = note ? note + " " : "";
    return `${before}${where}, ${theme(deck)}: ${card.vraag}`;
  }

  function drawCard() {
    if (!ui || !ui.ready) return;
    if (ui.round.ids.length === 0) {
      setNote(message("none"));
      return;
    }
    const result = C.draw(ui.round, C.drawSource(ui.seed));
    ui.round = result.round;
    const note = result.reshuffled ? message("reshuffled") : ui.round.left.length === 0 ? message("last") : "";
    setNote(note);
    render({ turn: true, announce: describe(note) });
    save();
    syncUrl();
  }

  function move(delta) {
    if (!ui || !ui.ready) return;
    const next = C.step(ui.round, delta);
    if (next.shown === ui.round.shown) return; // already at the first or the newest card
    ui.round = next;
    setNote("");
    render({ announce: describe("") });
    save();
    syncUrl();
  }

  function chooseDecks() {
    ui.selected = ui.order.filter((key) => ui.el.boxes.some((box) => box.checked && box.value === key));
    ui.round = C.newRound(idsOf(ui.selected), C.random);
    ui.seed = null; // other decks: no longer the round the phones have
    setNote(ui.selected.length ? "" : message("none"));
    render({ announce: ui.selected.length ? NL.newRound(ui.round.ids.length) : message("none") });
    save();
    syncUrl();
  }

  const ARROWS = new Map([["ArrowLeft", -1], ["ArrowRight", 1]]);

  /**
   * Space draws a card, except where space already means something (form controls, links, buttons). In projector
   * view the arrow keys (and a presenter's clicker, which sends them) go back and forward through the round.
   */
  function onKey(event) {
    if (!ui || !ui.ready) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (ui.projector.on && ARROWS.has(event.key)) {
      if (W.isTyping(target, "[role='dialog']")) return;
      event.preventDefault();
      move(ARROWS.get(event.key));
      return;
    }
    if (event.key !== " " || event.repeat) return;
    if (W.isTyping(target, "button, a[href], summary, [role='dialog']")) return;
    event.preventDefault();
    drawCard();
  }

  /**
   * The decks and card a link asks for, with a note for each unknown one.
   * @param {(key: string) => boolean} isDeck
   * @param {(id: string) => boolean} isCard
   * @param {string} [search] the link's query, when it is not (yet) the address's
   */
  function readParams(isDeck, isCard, search = location.search) {
    const params = new URLSearchParams(search);
    const asked = (params.get("stapel") || "").split(",").map((k) => k.trim()).filter(Boolean);
    const unknown = asked.filter((key) => !isDeck(key));
    const notes = [];
    if (unknown.length) {
      const namen = unknown.map((k) => `‘${W.clip(k)}’`).join(", ");
      notes.push(message(unknown.length === 1 ? "unknownDeck" : "unknownDecks", { namen }));
    }
    let card = params.get("kaart");
    if (card !== null && !isCard(card)) {
      notes.push(message("unknownCard", { naam: `‘${W.clip(card)}’` }));
      card = null;
    }
    return { decks: asked.filter(isDeck), card, notes };
  }

  /** Decide which decks and round to start with: link parameters, then the saved round, then the default. */
  function start(data) {
    ui.order = data.stapels.map((deck) => deck.sleutel);
    ui.decks = new Map(data.stapels.map((deck) => [deck.sleutel, deck]));
    ui.cards = new Map(data.stapels.flatMap((deck) => deck.kaarten.map((card) => [card.id, { card, deck }])));
    ui.slot = W.storage(STORAGE_KEY, { migrate: C.migrateSaved, validate: (saved) => C.isSaved(saved, ui.decks) });
    const notes = [];
    const { saved, corrupt } = readSaved();
    if (corrupt) notes.push(message("corrupt"));

    let params = new URLSearchParams(location.search);
    const round = params.get("ronde");
    if (params.has("kort")) {
      // A scanned compact code: write it out as the usual link before reading it.
      const all = ui.order.flatMap((key) => ui.decks.get(key).kaarten.map((c) => c.id));
      const short = C.expandShort(params.get("kort"), ui.order, all);
      if (!short) notes.push(NL.badShort(W.clip(params.get("kort"))));
      const seed = C.readSeed(params.get("ronde"));
      const link = C.cardLink(location.pathname, short ? short.decks : [], short && short.card, seed) + location.hash;
      ui.address.write(link);
      // Read the written-out link itself: a browser may refuse (or postpone) the write to the address.
      params = new URLSearchParams(new URL(link, location.href).search);
    }
    if (round !== null && C.readSeed(round) === null) notes.push(NL.badRound(W.clip(round)));
    const asked = readParams((key) => ui.decks.has(key), (id) => ui.cards.has(id), `?${params}`);
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
      ui.round = C.newRound(idsOf(wanted), C.random);
    } else if (saved) {
      ui.selected = saved.decks;
      ui.round = saved.round;
    } else {
      ui.selected = data.stapels.filter((deck) => deck.soort === "reflectie").map((deck) => deck.sleutel);
      ui.round = C.newRound(idsOf(ui.selected), C.random);
    }
    const seed = C.readSeed(params.get("ronde"));
    if (seed !== null && ui.selected.length) {
      // A shared round: the same order as every other device with this link, up to the card it names.
      ui.seed = seed;
      const same = saved && saved.seed === seed && sameDecks && (!card || saved.round.drawn.includes(card));
      ui.round = same ? C.showCard(saved.round, card || saved.round.drawn[saved.round.shown]) : C.seededRound(idsOf(ui.selected), seed, card);
    } else {
      const resumed = saved && !(wanted.length && !sameDecks);
      ui.seed = resumed && Number.isInteger(saved.seed) && C.readSeed(C.seedText(saved.seed)) === saved.seed ? saved.seed : null;
      if (card) ui.round = C.showCard(ui.round, card);
    }

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

  function setup(root, life) {
    const q = (sel) => root.querySelector(sel);
    const mine = {
      root, ready: false, selected: [], round: C.newRound([]), seed: null, share: null,
      el: {
        note: q("[data-card-note]"), app: q("[data-cards-app]"), card: q("[data-card]"), theme: q("[data-card-theme]"),
        question: q("[data-card-question]"), left: q("[data-card-left]"), live: q("[data-card-live]"),
        draw: q("[data-card-draw]"), prev: q("[data-card-prev]"), next: q("[data-card-next]"),
        projector: q("[data-card-projector]"),
        boxes: [...root.querySelectorAll("[data-card-decks] input[type=checkbox]")],
      },
    };
    ui = mine;
    life.onLeave(() => {
      if (ui === mine) ui = null;
    });
    const { el } = ui;
    // Every card drawn is read at once: the reader asked for it.
    ui.say = W.announcer(el.live, life, { gap: 0 });
    // Drawing cards quickly writes the address more often than browsers allow: W.address paces it.
    ui.address = W.address(life);
    ui.projector = W.projector(root, life, {
      className: "ih-cards--projector",
      pageClass: "ih-cards-projecting",
      onChange(on) {
        el.projector.textContent = on ? el.projector.dataset.labelOn : el.projector.dataset.labelOff;
        if (on && ui.share) ui.share.draw();
        el.draw.focus();
      },
    });
    ui.emptyText = el.question.dataset.emptyText;
    // The page itself names every deck and card, so a link's unknown parts are reported before the fetch.
    const deckKeys = new Set(el.boxes.map((box) => box.value));
    const cardIds = new Set([...document.querySelectorAll("[data-card-item]")].map((li) => li.dataset.cardItem));
    setNote(readParams((key) => deckKeys.has(key), (id) => cardIds.has(id)).notes.join(" "));
    life.listen(el.draw, "click", drawCard);
    life.listen(el.card, "click", drawCard);
    life.listen(el.prev, "click", () => move(-1));
    life.listen(el.next, "click", () => move(1));
    life.listen(el.projector, "click", () => ui.projector.toggle());
    ui.share = C.createShare({
      stage: q("[data-card-stage]"),
      life,
      shown: () => ui.projector.on,
      onShareRound() {
        if (!ui || !ui.ready || !ui.selected.length) return;
        ui.seed = C.newSeed();
        ui.round = C.seededRound(idsOf(ui.selected), ui.seed, null);
        ui.round = C.draw(ui.round).round;
        setNote("");
        render({ turn: true, announce: describe("") });
        save();
        syncUrl();
      },
    });
    for (const box of el.boxes) life.listen(box, "change", chooseDecks);
    life.listen(document, "keydown", onKey);

    const check = (data) => data.versie === VERSION && Array.isArray(data.stapels);
    W.fetchJSON([root.dataset.src], { signal: life.signal, check }).then(([data]) => start(data), () => {
      // Without the decks the table cannot work: hide it and point to the card list below.
      el.app.hidden = true;
      root.removeAttribute("aria-busy");
      setNote(message("failed"));
    });
  }

  W.mount("[data-cards]", setup);
})();
