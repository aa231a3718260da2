/* Planning a session from the address: reading the query and turning it into the phases the
   timer runs. What a session is (which blocks, rounds, fitting to the time with floors and
   ceilings, clock times) is lib/plan.js, shared with the chooser and print; this file adds what
   only the timer needs: its own notes for a bad link, the session's title and key, and phases.
   The limits come from the build through `configure` (data-limits, macros/limits.py).

   URL contract (documented on the page itself):
     ?methode=<slug>               the steps of one method
     ?agenda=voorbeeld             the handbook's example agenda (&methode=<slug> fills its method slot)
     ?agenda=<item>,<item>,...     a session: each item is key or key:minutes, where key is a block
                                   from /api/agenda.json or a method slug; either may end in _n.n,
                                   the method's steps left out (1-based, data order)
     &minuten=<n>                  fit the whole session into n minutes
     &groep=<n>                    the group size (caps the rounds picked for a time)
     &rondes=<n>                   how often a method's repeating part runs (topics, case-givers)
     &start=HH:MM                  clock times for every phase and the end
     &bewerk=1                     open the agenda in the planner instead of running it
     ?toevoegen=<slug>             open the planner with the evening this browser was building plus
                                   that method (the chooser's "Voeg toe aan de avond") */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/widget.js"), require("./text.js"), require("../lib/plan.js"));
  } else { const ns = (root.Intervisie = root.Intervisie || {}); ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.timer, ns.plan)); }
})(globalThis, function (W, T, P) {
  "use strict";

  const { NL } = T;
  // Notes of this reader alone (the rest is text.js and plan.js).
  const OWN = {
    shortAlone: (raw) => `De parameter kort=„${raw}” hoort bij een volglink (samen met volg=) en wordt hier ` +
      "niet gebruikt.",
  };
  let configured = null;

  /**
   * Take the limits the build decided (data-limits on the timer's root); plan.js gets them too.
   * @param {{minuten: [number, number], onderdelen: number, methoden: number, sleutel: string,
   *          groep?: [number, number], rondes?: [number, number]}} given
   * @returns {{minutes: [number, number], items: number, methods: number, key: RegExp}}
   */
  function configure(given) {
    P.configure(given);
    configured = {
      minutes: given.minuten, items: given.onderdelen, methods: given.methoden, key: new RegExp(given.sleutel),
    };
    return configured;
  }

  function limits() {
    if (!configured) throw new Error("Intervisie.timer: configure() the limits first");
    return configured;
  }

  /**
   * Read the timer's query string.
   * @param {string} search location.search
   * @returns {{methode: string|null, agenda: string|null, minuten: number|null, groep: number|null,
   *            rondes: number|null, start: string|null, bewerk: boolean, notes: string[]}}
   */
  function parseQuery(search) {
    const params = new URLSearchParams(search);
    const notes = [];
    const text = (name) => {
      const value = (params.get(name) || "").trim();
      return value ? value : null;
    };
    const raw = text("minuten");
    let minuten = null;
    if (raw !== null) {
      const [low, high] = limits().minutes;
      if (/^\d{1,4}$/.test(raw) && +raw >= low && +raw <= high) minuten = +raw;
      else notes.push(NL.badMinutes(W.clip(raw), high));
    }
    // The newer parameters are read by plan.js, so a link means the same on every page.
    const more = new URLSearchParams();
    for (const name of ["groep", "rondes", "start"]) if (params.has(name)) more.set(name, params.get(name));
    const extra = P.decode(more);
    notes.push(...extra.notes);
    const { groep, rondes, start } = extra.request;
    // kort= is a follower's compact agenda; without volg= nothing reads it, so say so instead of dropping it.
    if (params.has("kort") && !params.has("volg")) notes.push(OWN.shortAlone(W.clip(params.get("kort") || "")));
    const toevoegen = text("toevoegen");
    return { methode: text("methode"), agenda: text("agenda"), minuten, groep, rondes, start,
      bewerk: params.get("bewerk") === "1" || Boolean(toevoegen),
      toevoegen: toevoegen && limits().key.test(toevoegen) ? toevoegen : null, notes };
  }

  /**
   * Read an agenda string such as "opening:10,vijfstappenmethode_2,pauze:10" with plan.js's reader, the
   * one the planner and every other page use: an item it cannot use is left out and named in a note
   * (an empty item, as after a trailing comma, is skipped and said; a 21st item is named as left out), the
   * rest runs.
   * @param {string} text
   * @returns {{items: {key: string, minuten: number|null, zonder?: number[]}[] | null, notes: string[]}}
   *   items null when not one item can be used
   */
  function readAgenda(text) {
    const { request, notes } = P.decode(new URLSearchParams([["agenda", String(text)]]));
    const { key } = limits();
    const items = [];
    for (const it of request.agenda || []) {
      if (!key.test(it.key)) continue;
      items.push(Object.assign({ key: it.key, minuten: it.minutes }, it.without ? { zonder: it.without } : {}));
    }
    // decode's last word on an agenda without a usable item is a general one; the timer has its own.
    if (!items.length && request.agenda === null) notes.pop();
    return { items: items.length ? items : null, notes };
  }

  /**
   * Parse an agenda string such as "opening:10,vijfstappenmethode_2,pauze:10".
   * @param {string} text
   * @returns {{key: string, minuten: number|null, zonder?: number[]}[] | null} null when no item can be
   *   used; `zonder` (steps left out) only on an item that has them. readAgenda says what was left out.
   */
  function parseAgenda(text) {
    return readAgenda(text).items;
  }

  /** The plan's steps as the timer's phases; each knows its block and, in a round, which one. */
  function phasesOf(plan) {
    return plan.blocks.flatMap((block) => block.steps.map((step) => ({
      naam: step.name,
      wat: step.what,
      wie: step.who,
      groep: block.kind === "method" ? block.title : "",
      minuten: step.minutes,
      blok: block.key,
      ronde: step.round !== null && block.rounds > 1 ? `${block.unit[0]} ${step.round}` : "",
    })));
  }

  /** The session's key: the request in the stable order of plan.encode, without the "?". */
  function keyOf(query, agenda) {
    return P.encode({ agenda, methode: query.methode, minuten: query.minuten, groep: query.groep,
      rondes: query.rondes, start: query.start }).slice(1);
  }

  /**
   * Turn the query and the two API files into a session through plan.build: a title, the phases
   * with minutes and what the fit changed.
   * @param {ReturnType<typeof parseQuery>} query
   * @param {{methoden: object[]}} api /api/methods.json
   * @param {{onderdelen: object[], bouwstenen: object[]}} agenda /api/agenda.json
   * @returns {{session: {key: string, title: string, phases: object[], items: object[]|null} | null,
   *            notes: string[], changes: string[]|null, was: number|null,
   *            rounds: number|null, plan: object|null}}
   */
  function buildSession(query, api, agenda) {
    const notes = query.notes.slice();
    const methods = W.byKey(api.methoden, "slug");
    const none = { session: null, notes, changes: null, was: null, rounds: null, plan: null };
    let items = null;
    let title = "";
    if (query.agenda === "voorbeeld") {
      items = [{ key: "voorbeeld", minuten: null }];
      title = NL.exampleTitle;
    } else if (query.agenda) {
      const read = readAgenda(query.agenda);
      items = read.items;
      notes.push(...read.notes);
      if (!items) {
        notes.push(NL.badAgenda);
        return none;
      }
      title = NL.ownTitle;
    } else if (query.methode) {
      if (!methods.has(query.methode)) {
        notes.push(NL.unknownMethod(W.clip(query.methode)));
        return none;
      }
      items = [{ key: query.methode, minuten: null }];
    } else return none;
    const request = {
      agenda: items.map((it) => ({ key: it.key, minutes: it.minuten, without: it.zonder })),
      methode: query.agenda === "voorbeeld" ? query.methode : null,
      minuten: query.minuten, groep: query.groep, rondes: query.rondes, start: query.start,
    };
    const built = P.build(request, { methods: api, agenda });
    notes.push(...built.notes);
    const phases = phasesOf(built.plan);
    if (!phases.length) return none;
    const blocks = built.plan.blocks;
    if (blocks.length === 1 && blocks[0].kind === "method") title = blocks[0].title;
    const fitted = built.fit && built.fit.ok ? built.fit : null;
    return {
      session: {
        key: keyOf(query, query.agenda ? query.agenda.split(",").map((t) => t.trim()) : null),
        title, phases,
        items: blocks.map((b) => ({ key: b.key, minuten: P.total(b), zonder: (items[b.at] || {}).zonder })),
      },
      notes,
      changes: fitted ? fitted.changes : null,
      was: built.was,
      rounds: built.rounds,
      plan: built.plan,
    };
  }

  /**
   * Whether the session the query asks for fits something to minutes, so that lib/fit.js must come first.
   * @param {ReturnType<typeof parseQuery>} query
   * @returns {boolean}
   */
  function needsFit(query) {
    return P.needsFit({ minuten: query.minuten, agenda: query.agenda ? query.agenda.split(",") : null });
  }

  return { configure, limits, parseQuery, needsFit, parseAgenda, readAgenda, buildSession, phasesOf };
});
