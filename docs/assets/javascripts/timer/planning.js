/* Planning a session from the address: reading ?methode=, ?agenda= and &minuten=, and fitting
   steps into a number of minutes. Pure: the API data comes in as arguments; the limits (how many
   minutes, items and methods, what a key looks like) come from the build through `configure`,
   which timer/view.js calls with the page's data-limits (macros/limits.py).

   URL contract (documented on the page itself):
     ?methode=<slug>               the steps of one method
     ?agenda=voorbeeld             the handbook's example agenda (&methode=<slug> fills its method slot)
     ?agenda=<item>,<item>,...     a session: each item is key or key:minutes, where key is a block
                                   from /api/agenda.json or a method slug
     &minuten=<n>                  fit the whole session into n minutes
     &bewerk=1                     open the agenda in the planner instead of running it */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("../lib/widget.js"), require("./text.js"));
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.timer)); }
})(globalThis, function (W, T) {
  "use strict";

  const { NL } = T;
  let configured = null;

  /**
   * Take the limits the build decided (data-limits on the timer's root).
   * @param {{minuten: [number, number], onderdelen: number, methoden: number, sleutel: string}} given
   * @returns {{minutes: [number, number], items: number, methods: number, key: RegExp}}
   */
  function configure(given) {
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
   * Scale step minutes in proportion to a new total: whole minutes (largest remainder),
   * never below one minute, adding up to exactly `total`.
   * @param {{naam: string, minuten: number}[]} steps
   * @param {number} total minutes wanted
   * @returns {{ok: true, steps: object[], changes: {naam: string, van: number, naar: number}[]} |
   *           {ok: false, message: string}}
   */
  function fit(steps, total) {
    const n = steps.length;
    if (!n) return { ok: false, message: NL.emptyAgenda };
    const [low, high] = limits().minutes;
    if (!Number.isInteger(total) || total < low || total > high) return { ok: false, message: NL.badMinutes(total, high) };
    if (total < n) return { ok: false, message: NL.tooFew(total, n) };
    const weights = steps.map((s) => Math.max(1, s.minuten));
    const result = new Array(n).fill(1);
    let free = weights.map((_, i) => i);
    // Steps whose share would drop below one minute get exactly one; share the rest again.
    for (;;) {
      const budget = total - (n - free.length);
      const weight = free.reduce((sum, i) => sum + weights[i], 0);
      const low = free.filter((i) => budget * weights[i] < weight);
      if (!low.length) {
        const rest = free.map((i) => ({ i, floor: Math.floor((budget * weights[i]) / weight), rem: (budget * weights[i]) % weight }));
        let left = budget - rest.reduce((sum, r) => sum + r.floor, 0);
        rest.forEach((r) => (result[r.i] = r.floor));
        rest
          .slice()
          .sort((a, b) => b.rem - a.rem || weights[b.i] - weights[a.i] || a.i - b.i)
          .forEach((r) => {
            if (left > 0) {
              result[r.i] += 1;
              left -= 1;
            }
          });
        break;
      }
      free = free.filter((i) => !low.includes(i));
    }
    const fitted = steps.map((s, i) => Object.assign({}, s, { minuten: result[i] }));
    const changes = steps
      .map((s, i) => ({ naam: s.naam, van: s.minuten, naar: result[i] }))
      .filter((c) => c.van !== c.naar);
    return { ok: true, steps: fitted, changes };
  }

  /**
   * Read the timer's query string.
   * @param {string} search location.search
   * @returns {{methode: string|null, agenda: string|null, minuten: number|null, bewerk: boolean, notes: string[]}}
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
    return { methode: text("methode"), agenda: text("agenda"), minuten, bewerk: params.get("bewerk") === "1", notes };
  }

  /**
   * Parse an agenda string such as "opening:10,vijfstappenmethode,pauze:10".
   * @param {string} text
   * @returns {{key: string, minuten: number|null}[] | null} null when the text does not follow the format
   */
  function parseAgenda(text) {
    const { items: most, minutes: [low, high], key } = limits();
    const parts = String(text).split(",");
    if (!parts.length || parts.length > most) return null;
    const items = [];
    for (const part of parts) {
      const match = /^([a-z0-9-]+)(?::(\d{1,4}))?$/.exec(part.trim());
      if (!match || !key.test(match[1])) return null;
      const minuten = match[2] === undefined ? null : +match[2];
      if (minuten !== null && (minuten < low || minuten > high)) return null;
      items.push({ key: match[1], minuten });
    }
    return items;
  }

  /**
   * The stable text form of an agenda, for links: "key:minutes,key:minutes".
   * @param {{key: string, minuten: number|null}[]} items
   * @returns {string}
   */
  function formatAgenda(items) {
    return items.map((it) => (it.minuten ? `${it.key}:${it.minuten}` : it.key)).join(",");
  }

  function methodPhases(method) {
    return method.stappen.map((step) => ({
      naam: step.naam,
      wat: step.wat,
      wie: step.wie || "",
      groep: method.titel,
      minuten: step.minuten,
    }));
  }

  function blockPhase(block, minuten) {
    return { naam: block.naam, wat: block.wat, wie: "", groep: "", minuten: minuten || block.minuten };
  }

  /**
   * Turn the query and the two API files into a session: a title and the phases with minutes.
   * @param {ReturnType<typeof parseQuery>} query
   * @param {{methoden: object[]}} api /api/methods.json
   * @param {{onderdelen: object[], bouwstenen: object[]}} agenda /api/agenda.json
   * @returns {{session: {key: string, title: string, phases: object[], items: object[]|null} | null,
   *            notes: string[], changes: object[]|null, was: number|null}}
   */
  function buildSession(query, api, agenda) {
    const notes = query.notes.slice();
    const methods = W.byKey(api.methoden, "slug");
    const blocks = W.byKey(agenda.onderdelen.concat(agenda.bouwstenen), "sleutel");
    let title = "";
    let phases = null;
    let items = null;
    if (query.agenda === "voorbeeld") {
      title = NL.exampleTitle;
      const method = query.methode && methods.get(query.methode);
      if (query.methode && !method) notes.push(NL.unknownMethod(W.clip(query.methode)));
      items = agenda.onderdelen.map((b) =>
        b.methode && method ? { key: method.slug, minuten: null } : { key: b.sleutel, minuten: null });
    } else if (query.agenda) {
      title = NL.ownTitle;
      items = parseAgenda(query.agenda);
      if (!items) notes.push(NL.badAgenda);
      else {
        items = items.filter((it) => {
          const known = blocks.has(it.key) || methods.has(it.key);
          if (!known) notes.push(NL.unknownItem(W.clip(it.key)));
          return known;
        });
        if (!items.length) items = null;
      }
    } else if (query.methode) {
      const method = methods.get(query.methode);
      if (!method) notes.push(NL.unknownMethod(W.clip(query.methode)));
      else {
        title = method.titel;
        phases = methodPhases(method);
      }
    }
    if (items) {
      phases = [];
      for (const it of items) {
        const method = methods.get(it.key);
        if (!method) {
          phases.push(blockPhase(blocks.get(it.key), it.minuten));
          continue;
        }
        let steps = methodPhases(method);
        if (it.minuten && it.minuten !== method.totaal_minuten) {
          const fitted = fit(steps, it.minuten);
          if (fitted.ok) steps = fitted.steps;
          else notes.push(fitted.message);
        }
        phases.push(...steps);
      }
      if (items.length === 1 && methods.has(items[0].key)) title = methods.get(items[0].key).titel;
    }
    if (!phases) return { session: null, notes, changes: null, was: null };
    let changes = null;
    const was = phases.reduce((sum, p) => sum + p.minuten, 0);
    if (query.minuten) {
      const fitted = fit(phases, query.minuten);
      if (fitted.ok) {
        phases = fitted.steps;
        changes = fitted.changes;
      } else notes.push(fitted.message);
    }
    const key = [
      query.agenda ? `agenda=${query.agenda}` : "",
      query.methode ? `methode=${query.methode}` : "",
      query.minuten ? `minuten=${query.minuten}` : "",
    ].filter(Boolean).join("&");
    return { session: { key, title, phases, items }, notes, changes, was };
  }

  /**
   * Read minutes typed for one planner item, and say what was wrong with them.
   * @param {string} raw the input's value
   * @param {number} previous the minutes so far, kept when nothing is typed
   * @returns {{minuten: number, problem: null|"empty"|"low"|"high"|"fraction"}}
   */
  function readMinutes(raw, previous) {
    const text = String(raw).trim();
    const value = Number(text);
    if (!text || !Number.isFinite(value)) return { minuten: previous, problem: "empty" };
    const [low, high] = limits().minutes;
    if (value < low) return { minuten: low, problem: "low" };
    if (value > high) return { minuten: high, problem: "high" };
    if (!Number.isInteger(value)) return { minuten: Math.max(1, Math.round(value)), problem: "fraction" };
    return { minuten: value, problem: null };
  }

  return { configure, limits, fit, parseQuery, parseAgenda, formatAgenda, buildSession, readMinutes };
});
