/* The first stored form of a session (v1: one copy of the whole state under intervisie.timer.v1, from
   before every session had a record of its own in intervisie.timer.v2): read back by the rules it was
   written under, and moved into a record (timer/sync.js, readAll). Only a browser that still holds one
   needs this, once: it is the part "timer-v1" (extra.widget_parts in mkdocs.yml), which timer/view.js
   asks for beside the page's data when that key is in storage. In node it requires timer/state.js and
   exports both, as `node --test tests/js/` expects. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    const T = require("./state.js");
    module.exports = Object.assign({}, T, factory(require("../lib/widget.js"), T));
  } else {
    const ns = root.Intervisie;
    ns.timer = Object.assign(ns.timer, factory(ns.widget, ns.timer));
  }
})(globalThis, function (W, T) {
  "use strict";

  const { MINUTE, MAX_PHASE_MS, STATE_VERSION: VERSION, isRevision, toRecord, isRecord } = T;
  // Limits for a saved state: nothing the timer itself makes comes near them.
  const MAX_PHASES = 200;
  const MAX_TEXT = 2000;

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
      (p.blok === undefined || text(p.blok)) && (p.ronde === undefined || text(p.ronde)) &&
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
      (s.rev === undefined || isRevision(s.rev)) &&
      (s.tab === undefined || (typeof s.tab === "string" && s.tab.length <= 64));
  }

  /**
   * Read a saved state back: the record {v, data}, or the form before it ({v: 1, state}), which
   * pages from before the shared storage wrote and other tabs may still send. Anything that is
   * not exactly a state of this version, with sane numbers, is refused.
   * @param {string|null} text
   * @param {number} now current time (Date.now() units)
   * @returns {{state: object|null, discarded: boolean}}
   */
  function restore(text, now) {
    const { data: s, discarded } = W.decode(text, {
      version: VERSION,
      migrate: (old) => (old && old.v === 1 && Object.hasOwn(old, "state") ? old.state : null),
      validate: (candidate) => isValidState(candidate, now),
    });
    if (!s) return { state: null, discarded };
    s.spent = s.spent.map((x) => x || 0);
    s.rev = s.rev || 0;
    s.tab = s.tab || "";
    return { state: s, discarded: false };
  }

  /**
   * A saved state of the first form (v1, a copy of everything) as a record, when it is still
   * readable by the rules it was written under. Its times were Date.now() units.
   */
  function recordFromV1(text, wall) {
    const old = restore(text, wall);
    if (!old.state) return { record: null, discarded: old.discarded };
    const record = toRecord(old.state, wall, wall);
    return isRecord(record) ? { record, discarded: false } : { record: null, discarded: true };
  }

  return { isValidState, restore, recordFromV1 };
});
