// Phase timer and session agenda (/timer/): progressive enhancement of [data-timer].
//
// Time is never counted in ticks. The state stores when the running phase ends (a timestamp in
// Date.now() units) or, while paused, how much of it was left; everything on screen is derived
// from that and the current time, so a background tab, a sleeping laptop or a reload shows the
// right time as soon as the page looks again. While the page lives, "the current time" moves with
// the monotonic performance.now(), so correcting the computer's clock does not move the timer;
// the wall clock only counts when a page restores a saved state, or wakes up after sleep.
//
// One session, several views: every tab on the same session writes each change to localStorage
// with a revision number and broadcasts it; a tab that hears of a later revision adopts it.
//
// URL contract (documented on the page itself):
//   ?methode=<slug>               the steps of one method
//   ?agenda=voorbeeld             the handbook's example agenda (&methode=<slug> fills its method slot)
//   ?agenda=<item>,<item>,...     a session: each item is key or key:minutes, where key is a block
//                                 from /api/agenda.json or a method slug (minutes 1-600)
//   &minuten=<n>                  fit the whole session into n minutes
//   &bewerk=1                     open the agenda in the planner instead of running it
(function () {
  "use strict";

  const STORAGE_KEY = "intervisie.timer.v1";
  const VERSION = 1;
  const MINUTE = 60000;
  const MAX_MINUTES = 600;
  const MAX_ITEMS = 20;
  const MAX_METHODS = 2;
  const KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // Limits for a saved state: nothing the timer itself makes comes near them.
  const MAX_PHASE_MS = 24 * 60 * MINUTE;
  const MAX_PHASES = 200;
  const MAX_TEXT = 2000;
  const CHANNEL = "intervisie-timer";
  // A wall clock this far ahead of the monotonic one means the computer slept (see monotonicClock).
  const SLEEP_MS = 1000;

  const NL = {
    noData: "De gegevens van de timer konden niet worden geladen. Laad de pagina opnieuw om het nog eens te proberen.",
    badMinutes: (raw) =>
      `Het aantal minuten in het webadres („${raw}”) is geen heel getal van 1 tot en met ${MAX_MINUTES}. ` +
      "De timer gebruikt daarom de gewone tijden.",
    unknownMethod: (slug) =>
      `De methode „${slug}” staat niet in dit handboek. Kies hieronder een methode of stel zelf een sessie samen.`,
    badAgenda: "De agenda in het webadres is niet te lezen. Stel hieronder zelf een sessie samen.",
    unknownItem: (key) => `Het onderdeel „${key}” uit de agenda is onbekend en is overgeslagen.`,
    tooFew: (minutes, steps) =>
      `In ${minutes} ${minutes === 1 ? "minuut" : "minuten"} passen geen ${steps} stappen: elke stap krijgt ` +
      `minstens 1 minuut. Kies ${steps} minuten of meer.`,
    corrupt: "De bewaarde stand van de timer was beschadigd of van een oudere versie en is gewist. Je begint opnieuw.",
    fitted: (total, was) => `Passend gemaakt op ${total} minuten (was ${was} minuten).`,
    tooManyMethods: `Een sessie heeft hoogstens ${MAX_METHODS} methoden.`,
    copied: "De link staat op het klembord.",
    copyFailed: "Kopiëren lukte niet; selecteer de link hieronder en kopieer hem zelf.",
    emptyAgenda: "De agenda is leeg. Voeg eerst een onderdeel toe.",
    ready: "Klaar om te starten",
    running: "Loopt",
    paused: "Gepauzeerd",
    warn: "▲ Bijna tijd",
    alert: "◆ Rond af",
    over: "■ Tijd is om",
    overWait: "■ Tijd is om: druk op Volgende",
    start: "Start",
    resume: "Verder",
    pause: "Pauze",
    restartConfirm: "Zeker? Klik nog eens",
    end: "einde van de sessie",
    onTime: "precies op schema",
    behind: (m) => `${m} min achter op de agenda`,
    ahead: (m) => `${m} min voor op de agenda`,
    phaseOf: (i, n) => `Fase ${i} van ${n}`,
    announcePhase: (i, n, name, m) => `Fase ${i} van ${n}: ${name}, ${m} ${m === 1 ? "minuut" : "minuten"}.`,
    announceEnd: (name) => `De tijd voor ${name} is om.`,
    announceMinute: (name) => `Nog 1 minuut voor ${name}.`,
    done: (used, planned) => `De sessie is klaar. Gebruikt: ${used} minuten, gepland: ${planned} minuten.`,
    exampleTitle: "Voorbeeldagenda",
    ownTitle: "Eigen sessie",
    methodSlot: "hier komt de methode",
    blocks: "Onderdelen",
    methods: "Methoden",
    up: (name) => `${name} omhoog`,
    down: (name) => `${name} omlaag`,
    remove: (name) => `${name} verwijderen`,
    minutesOf: (name) => `Minuten voor ${name}`,
    minutesFixed: (problem, name, m) => ({
      empty: `Bij ${name} staat geen aantal minuten; de timer houdt ${m} ${m === 1 ? "minuut" : "minuten"} aan.`,
      low: `Minder dan 1 minuut kan niet: ${name} krijgt nu 1 minuut.`,
      high: `Meer dan ${MAX_MINUTES} minuten kan niet: ${name} krijgt nu ${MAX_MINUTES} minuten.`,
      fraction: `Alleen hele minuten: ${name} krijgt nu ${m} ${m === 1 ? "minuut" : "minuten"}.`,
    })[problem],
    resumeLink: (title, phase) => `${title}, verder bij ${phase}`,
  };

  /* ------------------------------------------------------------------ pure logic */

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
    if (!Number.isInteger(total) || total < 1 || total > MAX_MINUTES) return { ok: false, message: NL.badMinutes(total) };
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
      if (/^\d{1,4}$/.test(raw) && +raw >= 1 && +raw <= MAX_MINUTES) minuten = +raw;
      else notes.push(NL.badMinutes(clip(raw)));
    }
    return { methode: text("methode"), agenda: text("agenda"), minuten, bewerk: params.get("bewerk") === "1", notes };
  }

  /**
   * Parse an agenda string such as "opening:10,vijfstappenmethode,pauze:10".
   * @param {string} text
   * @returns {{key: string, minuten: number|null}[] | null} null when the text does not follow the format
   */
  function parseAgenda(text) {
    const parts = String(text).split(",");
    if (!parts.length || parts.length > MAX_ITEMS) return null;
    const items = [];
    for (const part of parts) {
      const match = /^([a-z0-9-]+)(?::(\d{1,3}))?$/.exec(part.trim());
      if (!match || !KEY_RE.test(match[1])) return null;
      const minuten = match[2] === undefined ? null : +match[2];
      if (minuten !== null && (minuten < 1 || minuten > MAX_MINUTES)) return null;
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

  /**
   * Index a list of records by one of their fields. A Map, so that a key from the address bar such
   * as "constructor" or "__proto__" is just an unknown key, never something every object has.
   * @param {object[]} list
   * @param {string} field
   * @returns {Map<string, object>}
   */
  function byKey(list, field) {
    return new Map(list.map((item) => [item[field], item]));
  }

  function clip(text) {
    const s = String(text);
    return s.length > 40 ? s.slice(0, 40) + "…" : s;
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
    const methods = byKey(api.methoden, "slug");
    const blocks = byKey(agenda.onderdelen.concat(agenda.bouwstenen), "sleutel");
    let title = "";
    let phases = null;
    let items = null;
    if (query.agenda === "voorbeeld") {
      title = NL.exampleTitle;
      const method = query.methode && methods.get(query.methode);
      if (query.methode && !method) notes.push(NL.unknownMethod(clip(query.methode)));
      items = agenda.onderdelen.map((b) =>
        b.methode && method ? { key: method.slug, minuten: null } : { key: b.sleutel, minuten: null });
    } else if (query.agenda) {
      title = NL.ownTitle;
      items = parseAgenda(query.agenda);
      if (!items) notes.push(NL.badAgenda);
      else {
        items = items.filter((it) => {
          const known = blocks.has(it.key) || methods.has(it.key);
          if (!known) notes.push(NL.unknownItem(clip(it.key)));
          return known;
        });
        if (!items.length) items = null;
      }
    } else if (query.methode) {
      const method = methods.get(query.methode);
      if (!method) notes.push(NL.unknownMethod(clip(query.methode)));
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
   * A fresh, not yet started timer state for the given phases.
   * @param {{key: string, title: string, phases: {naam: string, minuten: number}[]}} session
   * @param {{auto?: boolean, rev?: number}} [options] rev: the revision to count on from (the one in
   *   storage), so that other tabs see the fresh state as the later one
   */
  function create(session, options) {
    const phases = session.phases.map((p) => ({
      naam: p.naam, wat: p.wat || "", wie: p.wie || "", groep: p.groep || "",
      ms: p.minuten * MINUTE, plan: p.minuten * MINUTE,
    }));
    return {
      v: VERSION, key: session.key, title: session.title, phases,
      index: 0, running: false, endsAt: null, left: phases[0].ms, spent: [],
      started: false, done: false, auto: Boolean(options && options.auto), signalled: -1, warned: -1,
      rev: (options && options.rev) || 0, tab: "",
    };
  }

  /** Milliseconds left in the current phase at `now`; negative in overtime. */
  function remaining(s, now) {
    return s.running ? s.endsAt - now : s.left;
  }

  /** Start or resume the clock. */
  function start(s, now) {
    if (s.running || s.done) return s;
    return Object.assign({}, s, { running: true, started: true, endsAt: now + s.left });
  }

  /** Pause: keep what is left, forget the end time. */
  function pause(s, now) {
    if (!s.running) return s;
    return Object.assign({}, s, { running: false, left: s.endsAt - now, endsAt: null });
  }

  function toggle(s, now) {
    return s.running ? pause(s, now) : start(s, now);
  }

  function elapsedIn(s, now) {
    return s.phases[s.index].ms - remaining(s, now);
  }

  function goTo(s, index, now, spent) {
    const left = s.phases[index].ms;
    return Object.assign({}, s, {
      index, spent, left, endsAt: s.running ? now + left : null, signalled: -1, warned: -1,
    });
  }

  /** Move to the next phase (or finish the session after the last one). */
  function next(s, now) {
    if (s.done) return s;
    const spent = s.spent.slice();
    spent[s.index] = Math.max(0, elapsedIn(s, now));
    if (s.index === s.phases.length - 1) {
      return Object.assign({}, s, { spent, running: false, endsAt: null, left: 0, done: true });
    }
    return goTo(s, s.index + 1, now, spent);
  }

  /** Go back one phase, which starts again with its full time. */
  function previous(s, now) {
    if (s.done) return Object.assign(goTo(s, s.index, now, s.spent.slice(0, s.index)), { done: false });
    const index = Math.max(0, s.index - 1);
    return goTo(s, index, now, s.spent.slice(0, index));
  }

  /**
   * Add (or with a negative delta take away) time of the current phase. Taking time away stops
   * at zero; in overtime only adding has an effect; no phase grows beyond 24 hours.
   */
  function adjust(s, delta, now) {
    if (s.done) return s;
    const left = remaining(s, now);
    const room = MAX_PHASE_MS - s.phases[s.index].ms; // so that a saved state always stays valid
    const newLeft = delta >= 0 ? left + Math.min(delta, room) : left > 0 ? Math.max(0, left + delta) : left;
    const change = newLeft - left;
    if (!change) return s;
    const phases = s.phases.slice();
    phases[s.index] = Object.assign({}, phases[s.index], { ms: phases[s.index].ms + change });
    return Object.assign({}, s, {
      phases,
      left: s.running ? s.left : newLeft,
      endsAt: s.running ? s.endsAt + change : null,
      signalled: newLeft > 0 ? -1 : s.signalled,
      warned: newLeft > MINUTE ? -1 : s.warned,
    });
  }

  /** Back to the first phase with the planned times; settings stay. */
  function restart(s) {
    const phases = s.phases.map((p) => Object.assign({}, p, { ms: p.plan }));
    return Object.assign({}, s, {
      phases, index: 0, running: false, endsAt: null, left: phases[0].ms, spent: [],
      started: false, done: false, signalled: -1, warned: -1,
    });
  }

  /**
   * With automatic advance: move past every phase that has ended, each new phase starting exactly
   * when the previous one ended (so big jumps of the clock land on the right phase and second).
   */
  function advance(s, now) {
    if (!s.running || !s.auto) return s;
    let out = s;
    while (out.index < out.phases.length - 1 && out.endsAt <= now) {
      const spent = out.spent.slice();
      spent[out.index] = out.phases[out.index].ms;
      const index = out.index + 1;
      out = Object.assign({}, out, {
        index, spent, endsAt: out.endsAt + out.phases[index].ms, signalled: -1, warned: -1,
      });
    }
    return out;
  }

  /**
   * Everything the display needs at `now`.
   * @returns {{index: number, count: number, phase: object, next: object|null, left: number,
   *   level: "ok"|"warn"|"alert"|"over", sessionLeft: number, used: number, progress: number, drift: number}}
   */
  function view(s, now) {
    const phase = s.phases[s.index];
    const left = s.done ? 0 : remaining(s, now);
    const done = s.spent.slice(0, s.index).reduce((sum, ms) => sum + (ms || 0), 0);
    const used = s.done ? s.spent.reduce((sum, ms) => sum + (ms || 0), 0) : done + Math.max(0, phase.ms - left);
    const later = s.phases.slice(s.index + 1).reduce((sum, p) => sum + p.ms, 0);
    const sessionLeft = s.done ? 0 : Math.max(0, left) + later;
    const planned = s.phases.reduce((sum, p) => sum + p.plan, 0);
    const ratio = phase.ms > 0 ? left / phase.ms : 0;
    const level = left <= 0 && !s.done ? "over" : ratio <= 0.05 ? "alert" : ratio <= 0.2 ? "warn" : "ok";
    return {
      index: s.index,
      count: s.phases.length,
      phase,
      next: s.phases[s.index + 1] || null,
      left,
      level: s.done ? "ok" : level,
      sessionLeft,
      used,
      planned,
      progress: used + sessionLeft > 0 ? used / (used + sessionLeft) : 1,
      drift: used + sessionLeft - planned,
    };
  }

  /**
   * A phase's time as on the clock: "m:ss" or "h:mm:ss"; overtime as "+m:ss".
   * @param {number} ms
   * @returns {string}
   */
  function format(ms) {
    const clock = (total) => {
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const sec = String(total % 60).padStart(2, "0");
      return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
    };
    if (ms > -1000) return clock(Math.ceil(Math.max(0, ms) / 1000));
    return "+" + clock(Math.floor(-ms / 1000));
  }

  /** Whole minutes for sentences, at least 1 for any positive time. */
  function wholeMinutes(ms) {
    return Math.max(ms > 0 ? 1 : 0, Math.round(ms / MINUTE));
  }

  /**
   * The saved form of a state (localStorage), with a version.
   * @returns {string}
   */
  function serialize(s) {
    return JSON.stringify({ v: VERSION, state: s });
  }

  /**
   * Whether a parsed state is one this version can run: the right types, and every number within
   * what the timer itself could have made (so a phase of 10^300 seconds is refused).
   * @param {*} s
   * @param {number} now current time, to judge when a running phase ends
   * @returns {boolean}
   */
  function isValidState(s, now) {
    const num = (x, low, high) => typeof x === "number" && Number.isFinite(x) && x >= low && x <= high;
    const text = (x) => typeof x === "string" && x.length <= MAX_TEXT;
    const flags = ["running", "done", "auto", "started"];
    if (!s || typeof s !== "object" || s.v !== VERSION || !text(s.key) || !text(s.title)) return false;
    if (!flags.every((name) => typeof s[name] === "boolean")) return false;
    if (!Array.isArray(s.phases) || s.phases.length < 1 || s.phases.length > MAX_PHASES) return false;
    const last = s.phases.length - 1;
    const phasesOk = s.phases.every((p) => p && typeof p === "object" &&
      text(p.naam) && text(p.wat) && text(p.wie) && text(p.groep) &&
      num(p.ms, 0, MAX_PHASE_MS) && num(p.plan, MINUTE, MAX_PHASE_MS));
    if (!phasesOk || !Number.isInteger(s.index) || !num(s.index, 0, last)) return false;
    const current = s.phases[s.index];
    // While running, `left` is only what was left at the last pause.
    const timeOk = s.running
      ? num(s.endsAt, now - MAX_PHASE_MS, now + MAX_PHASE_MS) && num(s.left, -MAX_PHASE_MS, MAX_PHASE_MS)
      : num(s.left, -MAX_PHASE_MS, current.ms);
    return timeOk &&
      Array.isArray(s.spent) && s.spent.length <= s.phases.length &&
      s.spent.every((x) => x === null || num(x, 0, MAX_PHASE_MS)) &&
      Number.isInteger(s.signalled) && num(s.signalled, -1, last) &&
      Number.isInteger(s.warned) && num(s.warned, -1, last) &&
      (s.rev === undefined || (Number.isSafeInteger(s.rev) && s.rev >= 0)) &&
      (s.tab === undefined || (typeof s.tab === "string" && s.tab.length <= 64));
  }

  /**
   * Read a saved state back. Anything that is not exactly a state of this version, with sane
   * numbers, is refused.
   * @param {string|null} text
   * @param {number} now current time (Date.now() units)
   * @returns {{state: object|null, discarded: boolean}}
   */
  function restore(text, now) {
    if (text === null || text === undefined) return { state: null, discarded: false };
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { state: null, discarded: true };
    }
    const s = data && data.v === VERSION ? data.state : null;
    if (!isValidState(s, now)) return { state: null, discarded: true };
    s.spent = s.spent.map((x) => x || 0);
    s.rev = s.rev || 0;
    s.tab = s.tab || "";
    return { state: s, discarded: false };
  }

  /**
   * The planned steps of a state or a session, as text to compare: the same session from the same
   * handbook gives the same text.
   * @param {{naam: string, plan?: number, minuten?: number}[]} phases
   * @returns {string}
   */
  function planOf(phases) {
    return JSON.stringify(phases.map((ph) => [ph.naam, ph.plan === undefined ? ph.minuten * MINUTE : ph.plan]));
  }

  /**
   * Whether `incoming` is a later revision than `current`. Equal revisions (two tabs that changed
   * the same state at once) go to the higher tab id, so that every tab settles on the same one.
   * @param {{rev: number, tab: string}} incoming
   * @param {{rev: number, tab: string}} current
   * @returns {boolean}
   */
  function isNewer(incoming, current) {
    if (incoming.rev !== current.rev) return incoming.rev > current.rev;
    return incoming.tab > current.tab;
  }

  /**
   * A clock in Date.now() units that, while the page lives, moves with a monotonic clock: setting
   * the computer's clock back or forward does not move it. resync() adopts the wall clock only when
   * that is clearly ahead, which is what sleep looks like (the monotonic clock may stop then; the
   * wall clock never runs backwards during sleep).
   * @param {() => number} wall e.g. Date.now
   * @param {() => number} mono e.g. () => performance.now()
   * @returns {{now: () => number, resync: () => void}}
   */
  function monotonicClock(wall, mono) {
    let offset = wall() - mono();
    return {
      now: () => offset + mono(),
      resync() {
        const ahead = wall() - (offset + mono());
        if (ahead > SLEEP_MS) offset += ahead;
      },
    };
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
    if (value < 1) return { minuten: 1, problem: "low" };
    if (value > MAX_MINUTES) return { minuten: MAX_MINUTES, problem: "high" };
    if (!Number.isInteger(value)) return { minuten: Math.max(1, Math.round(value)), problem: "fraction" };
    return { minuten: value, problem: null };
  }

  window.Intervisie = window.Intervisie || {};
  const api = {
    STORAGE_KEY, MAX_MINUTES, fit, parseQuery, parseAgenda, formatAgenda, buildSession, create, remaining, start,
    pause, toggle, next, previous, adjust, restart, advance, view, format, serialize, restore, isNewer,
    planOf, monotonicClock, readMinutes,
    /** Phase-end chimes signalled so far on this page (a hook for tests without audio hardware). */
    chimes: 0,
  };
  window.Intervisie.timer = api;

  /* ------------------------------------------------------------------ browser side */

  let page = null; // everything the current page started; null when there is no timer

  function $(sel) {
    return page.root.querySelector(sel);
  }

  function $$(sel) {
    return Array.from(page.root.querySelectorAll(sel));
  }

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  function listen(target, type, handler, options) {
    target.addEventListener(type, handler, options);
    page.cleanup.push(() => target.removeEventListener(type, handler, options));
  }

  function note(lines) {
    const el = $("[data-timer-note]");
    const text = lines.filter(Boolean).join(" ");
    setText(el, text);
    el.hidden = !text;
  }

  function announce(text) {
    const el = $("[data-timer-live]");
    // A new text node each time, so the same sentence twice is still read.
    el.textContent = "";
    window.setTimeout(() => {
      if (page) el.textContent = text;
    }, 50);
  }

  function readSaved() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null;
    }
  }

  /** Now, on this page's monotonic clock (see monotonicClock). */
  function clockNow() {
    return page.clock.now();
  }

  /** A random id for this view of the session, to break ties between revisions. */
  function newTabId() {
    const words = new Uint32Array(2);
    window.crypto.getRandomValues(words);
    return Array.from(words, (w) => w.toString(36)).join("");
  }

  /** Whether a state is of the session this page runs (same address, same steps). */
  function sameSession(s) {
    return Boolean(page.state) && s.key === page.state.key && planOf(s.phases) === page.plan;
  }

  /**
   * Write a state to localStorage, unless storage already holds a later revision of the same
   * session from another tab (which that tab's broadcast brings here anyway).
   * @returns {string} the saved form, also when storage is unavailable
   */
  function store(s) {
    const text = serialize(s);
    const stored = restore(readSaved(), clockNow()).state;
    if (stored && sameSession(stored) && isNewer(stored, s)) return text;
    try {
      window.localStorage.setItem(STORAGE_KEY, text);
    } catch (e) {
      /* private mode or full storage: the timer still works, it just cannot resume after a reload */
    }
    return text;
  }

  /* ---- one session in every tab */

  /**
   * Listen for changes from other tabs: a BroadcastChannel message, or (in browsers without one,
   * and for a change another tab wrote but could not broadcast) the storage event.
   */
  function openChannel() {
    listen(window, "storage", (event) => {
      if (event.key === STORAGE_KEY && event.newValue) receive(event.newValue);
    });
    if (typeof window.BroadcastChannel !== "function") return;
    const channel = new window.BroadcastChannel(CHANNEL);
    channel.onmessage = (event) => receive(event.data);
    page.channel = channel;
    page.cleanup.push(() => channel.close());
  }

  /** Tell the other tabs about a change made here. */
  function publish(text) {
    try {
      if (page.channel) page.channel.postMessage(text);
    } catch (e) {
      /* the storage event still tells them */
    }
  }

  /** A state from another tab: adopt it when it is a later revision of this session. */
  function receive(text) {
    if (!page || !page.state || typeof text !== "string") return;
    const incoming = restore(text, clockNow()).state;
    if (incoming && sameSession(incoming) && isNewer(incoming, page.state)) show(incoming);
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* nothing to forget */
    }
  }

  async function fetchJSON(src) {
    const response = await fetch(new URL(src, document.baseURI), { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${src}: ${response.status}`);
    return response.json();
  }

  /* ---- sound: a soft two-tone chime, scheduled ahead on the AudioContext clock */

  function ensureAudio() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    try {
      if (!page.audio.ctx) page.audio.ctx = new Ctx();
      if (page.audio.ctx.state === "suspended") page.audio.ctx.resume().catch(() => {});
    } catch (e) {
      page.audio.ctx = null;
    }
  }

  function tone(at, frequency, peak, length) {
    const ctx = page.audio.ctx;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(peak, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + length + 0.05);
    page.audio.nodes.push(osc);
  }

  function chimeAt(at) {
    tone(at, 659.25, 0.25, 1.6);
    tone(at + 0.35, 880, 0.2, 1.8);
  }

  function cancelSound() {
    page.audio.nodes.forEach((osc) => {
      try {
        osc.stop();
        osc.disconnect();
      } catch (e) {
        /* already stopped */
      }
    });
    page.audio.nodes = [];
    page.audio.scheduledFor = null;
  }

  /** (Re)schedule the phase-end chime and the optional one-minute signal for the running phase. */
  function scheduleSound() {
    cancelSound();
    const s = page.state;
    const ctx = page.audio.ctx;
    if (!ctx || page.muted || !s || !s.running || s.done) return;
    const left = remaining(s, clockNow());
    if (left <= 0) return;
    const at = ctx.currentTime + left / 1000;
    try {
      chimeAt(at);
      if (page.warnSound && left > MINUTE && s.phases[s.index].ms >= 2 * MINUTE) {
        tone(at - 60, 523.25, 0.08, 1.0);
      }
      page.audio.scheduledFor = s.endsAt;
    } catch (e) {
      page.audio.scheduledFor = null;
    }
  }

  /** A phase has ended: count it, make sure it is heard once, and mark it on the page. */
  function signalEnd(endsAt) {
    if (page.muted) return;
    api.chimes += 1;
    page.root.dataset.timerChimed = String(api.chimes);
    const ctx = page.audio.ctx;
    if (ctx && page.audio.scheduledFor !== endsAt) {
      try {
        chimeAt(ctx.currentTime + 0.05);
      } catch (e) {
        /* no sound, the screen still shows it */
      }
    }
  }

  /* ---- wake lock: keep the projector on while the timer runs */

  async function syncWakeLock() {
    const want = page && page.state && page.state.running && document.visibilityState === "visible";
    if (!want) {
      if (page && page.wake) {
        const lock = page.wake;
        page.wake = null;
        lock.release().catch(() => {});
      }
      return;
    }
    if (page.wake || page.wakePending || !("wakeLock" in navigator)) return;
    page.wakePending = true;
    try {
      const lock = await navigator.wakeLock.request("screen");
      if (!page || !page.state || !page.state.running) {
        lock.release().catch(() => {});
        return;
      }
      page.wake = lock;
      lock.addEventListener("release", () => {
        if (page && page.wake === lock) page.wake = null;
      });
    } catch (e) {
      /* not allowed now (hidden tab, battery saver): try again on the next visibilitychange */
    } finally {
      if (page) page.wakePending = false;
    }
  }

  /* ---- running a session */

  /** A change made in this tab: a new revision, stored and told to the other tabs. */
  function update(next) {
    const rev = Math.max(next.rev, page.state ? page.state.rev : 0) + 1;
    const stamped = Object.assign({}, next, { rev, tab: page.tabId });
    show(stamped);
    publish(store(stamped));
  }

  /**
   * What follows from the time alone (a phase ended, the last minute began): every tab works it
   * out by itself, so it keeps its revision and is only stored, for a reload.
   */
  function keep(next) {
    show(next);
    store(next);
  }

  /** Make `next` the state on screen: redraw, announce and reschedule what changed. */
  function show(next) {
    const before = page.state;
    page.state = next;
    $("[data-timer-auto]").checked = next.auto;
    if (!before || before.index !== next.index || before.done !== next.done) {
      renderProgramme();
      if (next.done) {
        const v = view(next, clockNow());
        announce(NL.done(wholeMinutes(v.used), wholeMinutes(v.planned)));
      } else if (before && next.started) {
        const p = next.phases[next.index];
        announce(NL.announcePhase(next.index + 1, next.phases.length, p.naam, wholeMinutes(p.ms)));
      }
    }
    if (!before || before.running !== next.running || before.endsAt !== next.endsAt || before.index !== next.index) {
      scheduleSound();
      syncWakeLock();
    }
    render();
  }

  function tick() {
    if (!page || !page.state) return;
    const now = clockNow();
    let s = page.state;
    const endsAt = s.endsAt;
    const before = s.index;
    s = advance(s, now);
    const moved = s.index !== before;
    let ended = moved;
    if (s.running && !s.done && remaining(s, now) <= 0 && s.signalled !== s.index) {
      s = Object.assign({}, s, { signalled: s.index });
      ended = true;
      if (!moved) announce(NL.announceEnd(s.phases[s.index].naam));
    }
    const left = remaining(s, now);
    if (s.running && !s.done && left > 0 && left <= MINUTE && s.warned !== s.index && s.phases[s.index].ms >= 2 * MINUTE) {
      s = Object.assign({}, s, { warned: s.index });
      announce(NL.announceMinute(s.phases[s.index].naam));
    }
    if (ended) signalEnd(endsAt);
    if (s !== page.state) keep(s);
    else render();
  }

  /**
   * The line under the clock. "Press Volgende" is for the procesbegeleider alone: the projector,
   * which the group sees, only says that the time is up.
   */
  function levelText(v, s, projector) {
    if (s.done) return "";
    if (v.level === "over") return (s.auto && v.next) || projector ? NL.over : NL.overWait;
    const state = !s.started ? NL.ready : s.running ? NL.running : NL.paused;
    if (v.level === "warn") return `${NL.warn} · ${state}`;
    if (v.level === "alert") return `${NL.alert} · ${state}`;
    return state;
  }

  function durationText(ms) {
    return format(Math.max(0, ms));
  }

  function render() {
    const s = page.state;
    const v = view(s, clockNow());
    const root = page.root;
    root.dataset.level = v.level;
    root.dataset.running = String(s.running);
    const group = v.phase.groep && v.phase.groep !== s.title ? ` · ${v.phase.groep}` : "";
    setText($("[data-timer-context]"), `${s.title} · ${NL.phaseOf(v.index + 1, v.count)}${group}`);
    setText($("[data-timer-phase]"), v.phase.naam);
    setText($("[data-timer-what]"), v.phase.wat + (v.phase.wie ? ` (${v.phase.wie})` : ""));
    setText($("[role=timer]"), format(v.left));
    setText($("[data-timer-level]"), levelText(v, s, root.classList.contains("ih-timer--projector")));
    setText($("[data-timer-upcoming]"), v.next ? `${v.next.naam} (${wholeMinutes(v.next.ms)} min)` : NL.end);
    setText($("[data-timer-total]"), durationText(v.sessionLeft));
    const drift = Math.round(v.drift / MINUTE);
    setText($("[data-timer-drift]"), drift > 0 ? NL.behind(drift) : drift < 0 ? NL.ahead(-drift) : NL.onTime);
    const percent = Math.round(v.progress * 1000) / 10;
    $("[data-timer-fill]").style.width = `${percent}%`;
    $("[data-timer-bar]").setAttribute("aria-valuenow", String(Math.round(percent)));
    setText($("[data-timer-start]"), s.running ? NL.pause : s.started ? NL.resume : NL.start);
    $("[data-timer-start]").disabled = s.done;
    $("[data-timer-next]").disabled = s.done;
    $("[data-timer-plus]").disabled = s.done;
    $("[data-timer-minus]").disabled = s.done;
    const done = $("[data-timer-done]");
    done.hidden = !s.done;
    if (s.done) setText(done, NL.done(wholeMinutes(v.used), wholeMinutes(v.planned)));
  }

  function renderProgramme() {
    const s = page.state;
    const list = $("[data-timer-programme]");
    list.textContent = "";
    let offset = 0;
    s.phases.forEach((p, i) => {
      const li = document.createElement("li");
      li.dataset.minutes = String(wholeMinutes(p.ms));
      if (i === s.index && !s.done) li.setAttribute("aria-current", "step");
      if (i < s.index || s.done) li.classList.add("ih-timer__past");
      const when = document.createElement("span");
      when.className = "ih-timer__when";
      when.textContent = format(offset);
      const name = document.createElement("strong");
      name.textContent = p.naam;
      const min = document.createElement("span");
      min.className = "ih-timer__min";
      min.textContent = `${wholeMinutes(p.ms)} min`;
      li.append(when, " ", name, " ", min);
      if (p.groep && p.groep !== s.title) {
        const group = document.createElement("span");
        group.className = "ih-timer__group";
        group.textContent = p.groep;
        li.append(" ", group);
      }
      list.append(li);
      offset += p.ms;
    });
  }

  function renderFitReport(changes, was, total) {
    const box = $("[data-timer-fitreport]");
    box.textContent = "";
    box.hidden = !changes;
    if (!changes) return;
    const p = document.createElement("p");
    p.textContent = NL.fitted(total, was);
    box.append(p);
    if (changes.length) {
      const ul = document.createElement("ul");
      changes.forEach((c) => {
        const li = document.createElement("li");
        li.textContent = `${c.naam}: ${c.van} → ${c.naar} min`;
        ul.append(li);
      });
      box.append(ul);
    }
  }

  function onAction(action, event) {
    if (!page.state) return;
    const now = clockNow();
    const s = page.state;
    if (action === "start") {
      ensureAudio();
      update(toggle(s, now));
    } else if (action === "next") update(next(s, now));
    else if (action === "prev") update(previous(s, now));
    else if (action === "plus") update(adjust(s, MINUTE, now));
    else if (action === "minus") update(adjust(s, -MINUTE, now));
    else if (action === "restart") {
      const button = $("[data-timer-restart]");
      if (!page.confirmRestart) {
        page.confirmRestart = true;
        button.textContent = NL.restartConfirm;
        page.confirmTimer = window.setTimeout(() => {
          if (!page) return;
          page.confirmRestart = false;
          button.textContent = "Opnieuw";
        }, 4000);
        return;
      }
      window.clearTimeout(page.confirmTimer);
      page.confirmRestart = false;
      button.textContent = "Opnieuw";
      update(restart(s));
    }
    // A mouse click leaves focus on the button, and the next space would press it again
    // instead of pausing: give focus back to the page for pointer users only.
    if (event && event.detail > 0 && event.currentTarget && event.currentTarget.blur) event.currentTarget.blur();
  }

  function isTyping(target) {
    return Boolean(target.closest && target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
  }

  function onKey(event) {
    if (!page || !page.state || $("[data-timer-run]").hidden) return;
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const onControl = event.target.closest && event.target.closest("button, a, summary");
    let action = null;
    if (event.key === " " || event.key === "Spacebar") action = onControl ? null : "start";
    else if (event.key === "ArrowRight" || event.key === "PageDown") action = "next";
    else if (event.key === "ArrowLeft" || event.key === "PageUp") action = "prev";
    else if (event.key === "+" || event.key === "=") action = "plus";
    else if (event.key === "-" || event.key === "−") action = "minus";
    else if (event.key === "Escape" && page.root.classList.contains("ih-timer--projector")) {
      setProjector(false);
      return;
    }
    if (!action) return;
    event.preventDefault();
    onAction(action, null);
  }

  function setProjector(on) {
    const root = page.root;
    root.classList.toggle("ih-timer--projector", on);
    document.documentElement.classList.toggle("ih-projector-open", on);
    $("[data-timer-projector]").setAttribute("aria-pressed", String(on));
    const full = document.fullscreenElement;
    if (on && !full && root.requestFullscreen) root.requestFullscreen().catch(() => {});
    if (!on && full && document.exitFullscreen) document.exitFullscreen().catch(() => {});
    if (page.state) render(); // the projector leaves out what only the procesbegeleider needs
  }

  function setMuted(muted) {
    page.muted = muted;
    $("[data-timer-mute]").setAttribute("aria-pressed", String(!muted));
    try {
      window.localStorage.setItem(`${STORAGE_KEY}.stil`, muted ? "1" : "0");
    } catch (e) {
      /* a setting only */
    }
    scheduleSound();
  }

  function runSession(result) {
    const saved = restore(readSaved(), clockNow());
    const notes = result.notes.slice();
    if (saved.discarded) {
      forget();
      notes.push(NL.corrupt);
    }
    // Resume only the same session, unfinished, with the same steps (the handbook may have changed since).
    page.plan = planOf(result.session.phases);
    const same = saved.state && saved.state.key === result.session.key && !saved.state.done &&
      planOf(saved.state.phases) === page.plan;
    const s = same ? saved.state : create(result.session, {
      auto: Boolean(saved.state && saved.state.auto), rev: saved.state ? saved.state.rev : 0,
    });
    note(notes);
    $("[data-timer-choose]").hidden = true;
    $("[data-timer-run]").hidden = false;
    renderFitReport(result.changes, result.was, page.query.minuten);
    const edit = $("[data-timer-edit-link]");
    const items = result.session.items ||
      (page.query.methode && !page.query.agenda ? [{ key: page.query.methode, minuten: null }] : null);
    if (items) edit.href = `?agenda=${formatAgenda(items)}${page.query.minuten ? `&minuten=${page.query.minuten}` : ""}&bewerk=1`;
    else edit.hidden = true;
    const auto = $("[data-timer-auto]");
    auto.checked = s.auto;
    listen(auto, "change", () => update(Object.assign({}, page.state, { auto: auto.checked })));
    const warnSound = $("[data-timer-warnsound]");
    try {
      page.warnSound = window.localStorage.getItem(`${STORAGE_KEY}.signaal`) === "1";
      page.muted = window.localStorage.getItem(`${STORAGE_KEY}.stil`) === "1";
    } catch (e) {
      /* defaults */
    }
    warnSound.checked = page.warnSound;
    listen(warnSound, "change", () => {
      page.warnSound = warnSound.checked;
      try {
        window.localStorage.setItem(`${STORAGE_KEY}.signaal`, warnSound.checked ? "1" : "0");
      } catch (e) {
        /* a setting only */
      }
      scheduleSound();
    });
    setMuted(page.muted);
    const actions = { start: "start", next: "next", prev: "prev", plus: "plus", minus: "minus", restart: "restart" };
    Object.entries(actions).forEach(([attr, action]) => {
      const button = $(`[data-timer-${attr}]`);
      listen(button, "click", (event) => onAction(action, event));
    });
    listen($("[data-timer-projector]"), "click", () => setProjector(!page.root.classList.contains("ih-timer--projector")));
    listen($("[data-timer-mute]"), "click", () => setMuted(!page.muted));
    listen(document, "keydown", onKey);
    listen(document, "fullscreenchange", () => {
      if (!document.fullscreenElement && page.root.classList.contains("ih-timer--projector")) setProjector(false);
    });
    // Coming back from a hidden tab, a frozen page or the back/forward cache: the computer may have
    // slept, so let the wall clock catch up.
    const wake = () => {
      page.clock.resync();
      tick();
      scheduleSound();
      syncWakeLock();
    };
    listen(document, "visibilitychange", () => {
      if (document.visibilityState === "visible") wake();
    });
    listen(document, "resume", wake);
    listen(window, "pageshow", (event) => {
      if (event.persisted) wake();
    });
    // After a reload the browser only allows sound after a gesture: the first one anywhere will do.
    const unlock = () => {
      if (page.state && page.state.started) ensureAudio();
      scheduleSound();
    };
    listen(document, "pointerdown", unlock, { once: true });
    page.interval = window.setInterval(tick, 250);
    if (same) show(s);
    else update(s);
    openChannel();
    tick();
  }

  /* ---- choosing and planning a session */

  function plannerOptions(agenda, api) {
    const select = $("[data-timer-add-select]");
    select.textContent = "";
    const groups = [
      [NL.blocks, agenda.onderdelen.concat(agenda.bouwstenen).filter((b) => !b.methode)
        .map((b) => [b.sleutel, `${b.naam} (${b.minuten} min)`])],
      [NL.methods, api.methoden.slice().sort((a, b) => a.titel.localeCompare(b.titel, "nl"))
        .map((m) => [m.slug, `${m.titel} (${m.tijd && m.tijd.per_onderwerp && m.minuten_per_ronde
          ? `${m.minuten_eenmalig} min + ${m.minuten_per_ronde} per onderwerp` : `${m.totaal_minuten} min`})`])],
    ];
    groups.forEach(([label, options]) => {
      const group = document.createElement("optgroup");
      group.label = label;
      options.forEach(([value, text]) => group.append(new Option(text, value)));
      select.append(group);
    });
  }

  function runPlanner(result, agenda, apiData) {
    const builder = $("[data-timer-builder]");
    builder.hidden = false;
    const methods = byKey(apiData.methoden, "slug");
    const blocks = byKey(agenda.onderdelen.concat(agenda.bouwstenen), "sleutel");
    const known = (key) => blocks.has(key) || methods.has(key);
    const info = (key) => (methods.has(key)
      ? { naam: methods.get(key).titel, minuten: methods.get(key).totaal_minuten, methode: true }
      : { naam: blocks.get(key).naam, minuten: blocks.get(key).minuten, methode: false });
    const startItems = (keys) => keys.filter(known).map((key) => ({ key, minuten: info(key).minuten }));
    let items = startItems(agenda.startsessie);
    if (page.query.agenda && page.query.bewerk) {
      const parsed = page.query.agenda === "voorbeeld"
        ? agenda.onderdelen.map((b) => ({ key: b.sleutel, minuten: null }))
        : parseAgenda(page.query.agenda);
      if (parsed) {
        items = parsed.filter((it) => known(it.key)).map((it) => ({ key: it.key, minuten: it.minuten || info(it.key).minuten }));
      }
    }
    let initialReport;
    if (page.query.minuten && items.length) {
      const was = items.reduce((sum, it) => sum + it.minuten, 0);
      const fitted = fit(items.map((it) => ({ naam: info(it.key).naam, minuten: it.minuten })), page.query.minuten);
      if (fitted.ok) {
        fitted.steps.forEach((step, i) => (items[i].minuten = step.minuten));
        initialReport = NL.fitted(page.query.minuten, was);
      } else initialReport = fitted.message;
    }
    plannerOptions(agenda, apiData);
    const report = $("[data-timer-builder-report]");

    const link = () => {
      const url = new URL(window.location.href);
      url.search = `?agenda=${formatAgenda(items)}`;
      url.hash = "";
      return url.href;
    };

    const draw = () => {
      const list = $("[data-timer-items]");
      const focusKey = document.activeElement && document.activeElement.dataset.plannerFocus;
      list.textContent = "";
      items.forEach((it, i) => {
        const data = info(it.key);
        const li = document.createElement("li");
        li.className = "ih-planner__item";
        li.dataset.key = it.key;
        const name = document.createElement("span");
        name.className = "ih-planner__name";
        name.textContent = data.naam;
        if (data.methode) {
          const badge = document.createElement("span");
          badge.className = "ih-badge";
          badge.textContent = "methode";
          name.append(" ", badge);
        } else if (blocks.get(it.key).methode) {
          const badge = document.createElement("span");
          badge.className = "ih-badge";
          badge.textContent = NL.methodSlot;
          name.append(" ", badge);
        }
        const input = document.createElement("input");
        input.type = "number";
        input.min = "1";
        input.max = String(MAX_MINUTES);
        input.step = "1";
        input.inputMode = "numeric";
        input.value = String(it.minuten);
        input.setAttribute("aria-label", NL.minutesOf(data.naam));
        input.dataset.plannerFocus = `min-${i}`;
        // Typed minutes count at once; what cannot be used is said, and set right when leaving the field.
        input.addEventListener("input", () => {
          const read = readMinutes(input.value, it.minuten);
          it.minuten = read.minuten;
          summarise(read.problem ? NL.minutesFixed(read.problem, data.naam, read.minuten) : "");
        });
        input.addEventListener("change", () => {
          input.value = String(it.minuten);
        });
        const unit = document.createElement("span");
        unit.textContent = "min";
        const buttons = document.createElement("span");
        buttons.className = "ih-planner__buttons";
        const mk = (label, text, focus, disabled, handler) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "md-button ih-planner__small";
          b.textContent = text;
          b.setAttribute("aria-label", label);
          b.dataset.plannerFocus = focus;
          b.disabled = disabled;
          b.addEventListener("click", handler);
          return b;
        };
        buttons.append(
          mk(NL.up(data.naam), "↑", `up-${i - 1}`, i === 0, () => move(i, -1)),
          mk(NL.down(data.naam), "↓", `down-${i + 1}`, i === items.length - 1, () => move(i, 1)),
          mk(NL.remove(data.naam), "✕", "remove", false, () => {
            items.splice(i, 1);
            refresh();
          }),
        );
        li.append(name, input, unit, buttons);
        list.append(li);
      });
      // Keep keyboard focus on the moved item's button so repeated moves are easy.
      if (focusKey) {
        const [kind, index] = focusKey.split("-");
        const target = kind === "up" || kind === "down"
          ? list.querySelector(`[data-planner-focus="${kind}-${+index + (kind === "up" ? -1 : 1)}"]`)
          : null;
        const fallback = list.querySelectorAll("li")[+index];
        if (target && !target.disabled) target.focus();
        else if ((kind === "up" || kind === "down") && fallback) fallback.querySelector("button:not([disabled])").focus();
      }
    };

    const move = (i, by) => {
      const j = i + by;
      if (j < 0 || j >= items.length) return;
      [items[i], items[j]] = [items[j], items[i]];
      refresh();
    };

    const refresh = (message) => {
      draw();
      summarise(message);
    };

    // Everything that follows from the items, except the list itself (which holds the focus while typing).
    const summarise = (message) => {
      const total = items.reduce((sum, it) => sum + it.minuten, 0);
      setText($("[data-timer-builder-total]"), `${total} min`);
      const href = link();
      $("[data-timer-builder-start]").href = `?agenda=${formatAgenda(items)}`;
      $("[data-timer-link]").value = href;
      if (message !== undefined) setText(report, message);
      const table = $("[data-timer-builder-print]");
      table.textContent = "";
      items.forEach((it) => {
        const row = table.insertRow();
        row.insertCell().textContent = info(it.key).naam;
        row.insertCell().textContent = `${it.minuten} min`;
      });
      const foot = table.insertRow();
      foot.insertCell().textContent = "Samen";
      foot.insertCell().textContent = `${total} min`;
      if (window.history.replaceState && (page.query.bewerk || page.edited)) {
        window.history.replaceState(window.history.state, "", `?agenda=${formatAgenda(items)}&bewerk=1`);
      }
    };

    listen($("[data-timer-add]"), "click", () => {
      const key = $("[data-timer-add-select]").value;
      if (!known(key)) return;
      if (methods.has(key) && items.filter((it) => methods.has(it.key)).length >= MAX_METHODS) {
        setText(report, NL.tooManyMethods);
        return;
      }
      items.push({ key, minuten: info(key).minuten });
      page.edited = true;
      refresh("");
    });
    listen($("[data-timer-fit]"), "click", () => {
      const raw = $("[data-timer-fit-minutes]").value.trim();
      const total = /^\d{1,4}$/.test(raw) ? +raw : NaN;
      const was = items.reduce((sum, it) => sum + it.minuten, 0);
      const fitted = fit(items.map((it) => ({ naam: info(it.key).naam, minuten: it.minuten })), total);
      if (!fitted.ok) {
        setText(report, Number.isNaN(total) ? NL.badMinutes(clip(raw)) : fitted.message);
        return;
      }
      fitted.steps.forEach((step, i) => (items[i].minuten = step.minuten));
      page.edited = true;
      const changed = fitted.changes.map((c) => `${c.naam} ${c.van} → ${c.naar}`).join(", ");
      refresh(`${NL.fitted(total, was)}${changed ? ` ${changed}.` : ""}`);
    });
    listen($("[data-timer-copy]"), "click", async () => {
      const href = link();
      try {
        await navigator.clipboard.writeText(href);
        setText(report, NL.copied);
      } catch (e) {
        setText(report, NL.copyFailed);
        $("[data-timer-link]").select();
      }
    });
    listen($("[data-timer-load-example]"), "click", () => {
      items = agenda.onderdelen.map((b) => ({ key: b.sleutel, minuten: b.minuten }));
      page.edited = true;
      refresh("");
    });
    refresh(initialReport);
  }

  function showResume(apiData) {
    const saved = restore(readSaved(), clockNow());
    if (saved.discarded) {
      forget();
      note([NL.corrupt]);
      return;
    }
    const s = saved.state;
    if (!s || s.done || !s.started) return;
    const link = $("[data-timer-resume-link]");
    link.href = `?${s.key}`;
    link.textContent = NL.resumeLink(s.title, s.phases[s.index].naam);
    $("[data-timer-resume]").hidden = false;
  }

  async function setup() {
    const root = document.querySelector("[data-timer]");
    if (!root) return;
    const mine = {
      root, cleanup: [], audio: { ctx: null, nodes: [], scheduledFor: null }, wake: null, state: null,
      muted: false, warnSound: false, channel: null, plan: "", tabId: newTabId(),
      clock: monotonicClock(() => Date.now(), () => window.performance.now()),
    };
    page = mine;
    page.query = parseQuery(window.location.search);
    // Printing from the timer prints the agenda only; the attribute narrows the print CSS.
    $$("[data-timer-print]").forEach((button) => listen(button, "click", () => {
      document.documentElement.dataset.ihPrint = "agenda";
      window.print();
    }));
    listen(window, "afterprint", () => delete document.documentElement.dataset.ihPrint);
    let apiData;
    let agenda;
    try {
      [apiData, agenda] = await Promise.all([fetchJSON(root.dataset.src), fetchJSON(root.dataset.agendaSrc)]);
    } catch (e) {
      if (page === mine) note([NL.noData]);
      return;
    }
    if (page !== mine) return; // the visitor already went elsewhere
    const result = buildSession(page.query, apiData, agenda);
    if (result.session && !page.query.bewerk) {
      runSession(result);
      return;
    }
    note(result.notes);
    runPlanner(result, agenda, apiData);
    if (!page.query.agenda && !page.query.methode) showResume(apiData);
  }

  function teardown() {
    if (!page) return;
    const old = page;
    page = null;
    window.clearInterval(old.interval);
    window.clearTimeout(old.confirmTimer);
    old.cleanup.forEach((fn) => fn());
    old.audio.nodes.forEach((osc) => {
      try {
        osc.stop();
      } catch (e) {
        /* already stopped */
      }
    });
    if (old.audio.ctx) old.audio.ctx.close().catch(() => {});
    if (old.wake) old.wake.release().catch(() => {});
    document.documentElement.classList.remove("ih-projector-open");
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
  }

  if (typeof document$ !== "undefined") {
    // eslint-disable-next-line no-undef
    document$.subscribe(() => {
      teardown();
      setup();
    });
  } else {
    document.addEventListener("DOMContentLoaded", () => {
      teardown();
      setup();
    });
  }
})();
