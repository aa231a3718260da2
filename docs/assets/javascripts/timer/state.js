/* The timer's state, derived from timestamps only (no DOM, no storage, no clock of its own).

   Time is never counted in ticks. The state stores when the running phase ends (a timestamp in
   Date.now() units) or, while paused, how much of it was left; everything on screen is derived
   from that and the current time, so a background tab, a sleeping laptop or a reload shows the
   right time as soon as the page looks again. Every function returns a new state. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("../lib/widget.js"));
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.timer = Object.assign(ns.timer || {}, factory(ns.widget)); }
})(globalThis, function (W) {
  "use strict";

  const VERSION = 1;
  const MINUTE = 60000;
  // Limits for a saved state: nothing the timer itself makes comes near them.
  const MAX_PHASE_MS = 24 * 60 * MINUTE;

  /**
   * A fresh, not yet started timer state for the given phases.
   * @param {{key: string, title: string, phases: {naam: string, minuten: number}[]}} session
   * @param {{auto?: boolean, rev?: number}} [options] rev: the revision to count on from (the one in
   *   storage), so that other tabs see the fresh state as the later one
   */
  function create(session, options) {
    const phases = session.phases.map((p) => ({
      naam: p.naam, wat: p.wat || "", wie: p.wie || "", groep: p.groep || "", blok: p.blok || "", ronde: p.ronde || "",
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
   * The saved form of a state (localStorage, and the message to other tabs): a record {v, data}.
   * @returns {string}
   */
  function serialize(s) {
    return W.encode(VERSION, s);
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

  /* ---- the saved form (v2): references and progress, never the method's text

     A record names its session by key (the address) and by a fingerprint of its planned steps, and
     holds only where the clock is: the phase, what is left, the adjusted lengths, what each phase
     took. The page rebuilds the phases from its own data, so no step text, however long, and no
     number of steps the handbook allows can make a saved session unreadable. */

  const RECORD_VERSION = 2;
  const RECORD_LIMITS = { phases: 5000, key: 4000, title: 300, rev: 2 ** 31 };
  const WALL_MAX = 8.64e15; // the largest time a Date can hold

  /** A short, stable fingerprint of the planned steps (FNV-1a, twice, over planOf). */
  function fingerprint(phases) {
    const text = planOf(phases);
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
    return a.toString(36) + "-" + b.toString(36);
  }

  /** Whether a revision number is one this timer could have made: a whole number from 0 up to a bound. */
  function isRevision(rev) {
    return Number.isSafeInteger(rev) && rev >= 0 && rev <= RECORD_LIMITS.rev;
  }

  /**
   * The record of a state at `now` (this page's clock), stamped with the wall clock `wall`: what is
   * left is a duration, so a reader elsewhere needs only the time since the stamp.
   */
  function toRecord(s, now, wall) {
    return {
      key: s.key, plan: fingerprint(s.phases), title: String(s.title).slice(0, RECORD_LIMITS.title),
      index: s.index, running: s.running, left: s.done ? 0 : remaining(s, now), at: wall,
      ms: s.phases.map((p) => p.ms), spent: s.spent.map((x) => x || 0),
      started: s.started, done: s.done, auto: s.auto, signalled: s.signalled, warned: s.warned,
      rev: s.rev, tab: s.tab || "",
    };
  }

  /** Whether a parsed record is one this version can use: right types, every number within bounds. */
  function isRecord(r) {
    const num = (x, low, high) => typeof x === "number" && Number.isFinite(x) && x >= low && x <= high;
    const int = (x, low, high) => Number.isInteger(x) && num(x, low, high);
    if (!r || typeof r !== "object" || Array.isArray(r)) return false;
    if (typeof r.key !== "string" || !r.key || r.key.length > RECORD_LIMITS.key) return false;
    if (typeof r.plan !== "string" || !/^[0-9a-z]{1,8}-[0-9a-z]{1,8}$/.test(r.plan)) return false;
    if (typeof r.title !== "string" || r.title.length > RECORD_LIMITS.title) return false;
    if (!["running", "done", "auto", "started"].every((name) => typeof r[name] === "boolean")) return false;
    if (!Array.isArray(r.ms) || r.ms.length < 1 || r.ms.length > RECORD_LIMITS.phases) return false;
    if (!r.ms.every((x) => num(x, 0, MAX_PHASE_MS))) return false;
    const last = r.ms.length - 1;
    if (!int(r.index, 0, last)) return false;
    const leftOk = r.running ? num(r.left, -MAX_PHASE_MS, MAX_PHASE_MS) : num(r.left, -MAX_PHASE_MS, r.ms[r.index]);
    return leftOk && num(r.at, 0, WALL_MAX) &&
      Array.isArray(r.spent) && r.spent.length <= r.ms.length && r.spent.every((x) => num(x, 0, MAX_PHASE_MS)) &&
      int(r.signalled, -1, last) && int(r.warned, -1, last) &&
      isRevision(r.rev) && typeof r.tab === "string" && /^[0-9a-z]{0,32}$/.test(r.tab);
  }

  /**
   * Rebuild a running state from a record and the fresh state of the same session (its phases come
   * from the page's data). `elapsed`: how long ago the record's durations were measured (the time
   * since its stamp for a stored record, 0 for a message that just arrived; never negative, so a
   * clock set back between writing and reading adds no time).
   * @returns {object|null} null when the record is of another session or other steps
   */
  function revive(record, fresh, now, elapsed) {
    if (!isRecord(record) || record.key !== fresh.key || record.ms.length !== fresh.phases.length) return null;
    if (record.plan !== fingerprint(fresh.phases)) return null;
    const ago = Math.max(0, Number.isFinite(elapsed) ? elapsed : 0);
    const phases = fresh.phases.map((p, i) => Object.assign({}, p, { ms: record.ms[i] }));
    return Object.assign({}, fresh, {
      phases, index: record.index, running: record.running,
      endsAt: record.running ? now + record.left - ago : null, left: record.left,
      spent: record.spent.slice(), started: record.started, done: record.done, auto: record.auto,
      signalled: record.signalled, warned: record.warned, rev: record.rev, tab: record.tab,
    });
  }

  /**
   * A clock in Date.now() units that moves with the monotonic clock only. `ahead()` says how far the
   * wall clock has run ahead of it since the page opened, which is what a sleep looks like on the
   * platforms whose monotonic clock stands still in sleep, and also what a forward correction of the
   * computer's clock looks like; the page decides what to make of it (see view.js, runSession).
   */
  function steadyClock(wall, mono) {
    const offset = wall() - mono();
    let caught = 0;
    return {
      now: () => offset + caught + mono(),
      ahead: () => wall() - (offset + caught + mono()),
      catchUp(ms) {
        if (Number.isFinite(ms) && ms > 0) caught += ms;
      },
    };
  }

  return {
    RECORD_VERSION, STATE_VERSION: VERSION, MAX_PHASE_MS, fingerprint, isRevision, toRecord, isRecord, revive, steadyClock,
    MINUTE, create, remaining, start, pause, toggle, next, previous, adjust, restart, advance, view, format,
    wholeMinutes, serialize, planOf, isNewer,
  };
});
