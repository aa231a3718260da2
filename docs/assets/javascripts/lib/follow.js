/* Following a session on your own screen: the pure logic behind the timer's share link.
   No DOM, no storage, no network: `node --test tests/js/` covers it.

   A follow link is the timer's own plan link (agenda/methode/minuten/groep/rondes/start, see plan.js)
   plus one parameter `volg` with the facilitator's state at the moment the link was made:

       volg=<phase>.<stamp>.<elapsed>.<added>[.p]

   phase    index of the current phase (0-based), base 10
   stamp    wall-clock time the state was read, whole seconds since 1970, base 36
   elapsed  seconds already spent in the phase at that moment, base 36
   added    seconds added to (or, with a leading "-", taken from) the phase, base 36
   .p       present when the timer was paused

   The link holds no names and no case text: only keys, minutes, times. A phone that opens it computes the
   time left from its own clock. It cannot know what the facilitator did later (pause, +1 minute, next),
   so view() says how old its state is and never presents a guess as certain.

   Too long for a QR code (a long own agenda): the link then carries the agenda as indexes instead of
   keys, `kort=<v>~<i>[:<m>][_<s>_<s>...].<i>...` in base 36, where i is the key's place in the sorted
   list of every agenda part and method slug of /api/agenda.json and /api/methods.json, m its minutes,
   s a step left out, and v a version: seven base-36 digits of a hash of the agenda written out (keys,
   minutes, steps left out). A page that opens it expands it from its own /api data and hashes what it
   got: a deploy that renamed or added a key moves the places, the hash differs, and the link is refused
   instead of opening another session. A key added where it moves nothing keeps the link valid.
   The former format put the length of the list where v is (one to four digits): a list of the same
   length can hold other keys, so such a link cannot be checked and is refused with its own reason.

   Bounds (check): a link's numbers must be what a session can be, else the follower names the number
   instead of running a clock from it. */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else (root.Intervisie = root.Intervisie || {}).follow = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const PARAM = "volg";
  const STATE_RE = /^(\d{1,3})\.([0-9a-z]{1,8})\.([0-9a-z]{1,6})\.(-?[0-9a-z]{1,6})(\.p)?$/;
  /** Most characters of a link that still fits a version-10 QR code with error correction M (byte mode). */
  const QR_LIMIT = 213;
  /** A state this much older than the phase's planned end is "stale" even while running. */
  const GRACE_MS = 0;
  const MAX_SKEW_MS = 10 * 60 * 1000;
  /** The parameters of a timer address that make its plan, in the order a link writes them. */
  const PLAN_PARAMS = ["methode", "agenda", "kort", "minuten", "groep", "rondes", "start"];
  const SHORT = "kort";
  // One item: place, minutes, steps left out (each "_" and a base-36 number); at most 40 items.
  const SHORT_ITEM = "[0-9a-z]{1,4}(?::[0-9a-z]{1,3})?(?:_[0-9a-z]{1,2}){0,30}";
  const SHORT_RE = new RegExp(`^([0-9a-z]{7})~(${SHORT_ITEM}(?:\\.${SHORT_ITEM}){0,39})$`);
  const OLD_SHORT_RE = /^([0-9a-z]{1,4})~([0-9a-z]{1,4}(?::[0-9a-z]{1,3})?(?:\.[0-9a-z]{1,4}(?::[0-9a-z]{1,3})?){0,39})$/;
  const AGENDA_ITEM_RE = /^([a-z0-9-]+)(?::(\d{1,4}))?(?:_(\d{1,2}(?:\.\d{1,2}){0,29}))?$/;
  /* Bounds on what a link can say. A session is at most a day (LIMITS in plan.js: 600 minutes, with
     overtime and added minutes well within); a state older than that, or from before this handbook's
     follow links existed, is not a session that runs now. */
  const DAY_MS = 24 * 60 * 60 * 1000;
  const EPOCH_MS = Date.UTC(2024, 0, 1);
  const MAX_AHEAD_MS = DAY_MS;

  /**
   * The `volg` value for a facilitator's state.
   * @param {{phase: number, elapsedMs: number, addedMs: number, paused: boolean}} state
   * @param {number} wallMs the wall-clock time of the state (Date.now())
   * @returns {string}
   */
  function encodeState(state, wallMs) {
    const secs = (ms) => Math.max(0, Math.round(ms / 1000));
    const added = Math.round((state.addedMs || 0) / 1000);
    const sign = added < 0 ? "-" : "";
    return [
      String(Math.max(0, Math.trunc(state.phase))),
      secs(wallMs).toString(36),
      secs(state.elapsedMs).toString(36),
      sign + Math.abs(added).toString(36),
    ].join(".") + (state.paused ? ".p" : "");
  }

  /**
   * The state in a `volg` value, or null when it is not one.
   * @param {string} text
   * @returns {{phase: number, stampMs: number, elapsedMs: number, addedMs: number, paused: boolean}|null}
   */
  function decodeState(text) {
    const match = STATE_RE.exec(String(text || "").trim());
    if (!match) return null;
    const added = parseInt(match[4], 36);
    return {
      phase: Number(match[1]),
      stampMs: parseInt(match[2], 36) * 1000,
      elapsedMs: parseInt(match[3], 36) * 1000,
      addedMs: added * 1000,
      paused: Boolean(match[5]),
    };
  }

  /**
   * What is impossible about a link's state for these phases, or null when every number can be.
   * A phase just past the last one is a finished session, not an error. A stamp a little ahead is
   * left to view() ("future": the clocks differ); one more than a day ahead or behind is not a
   * session that runs now.
   * @param {ReturnType<typeof decodeState>} state
   * @param {{minutes: number}[]} phases
   * @param {number} nowMs
   * @returns {null|{field: "phase"|"elapsed"|"added"|"stamp", value: number, most?: number}}
   *   phase: value and most are 1-based (as a reader counts phases); elapsed/added in whole minutes;
   *   stamp: the moment in ms
   */
  function check(state, phases, nowMs) {
    if (!state) return null;
    const count = Array.isArray(phases) ? phases.length : 0;
    if (!Number.isSafeInteger(state.phase) || state.phase > count) {
      return { field: "phase", value: state.phase + 1, most: count };
    }
    const minutes = (ms) => Math.round(ms / 60000);
    if (!Number.isFinite(state.elapsedMs) || state.elapsedMs > DAY_MS) return { field: "elapsed", value: minutes(state.elapsedMs) };
    const own = state.phase < count ? phases[state.phase].minutes * 60000 : 0;
    if (!Number.isFinite(state.addedMs) || state.addedMs > DAY_MS || own + state.addedMs < 0) {
      return { field: "added", value: minutes(state.addedMs) };
    }
    const stamp = state.stampMs;
    if (!Number.isFinite(stamp) || stamp < EPOCH_MS || stamp < nowMs - DAY_MS || stamp > nowMs + MAX_AHEAD_MS) {
      return { field: "stamp", value: stamp };
    }
    return null;
  }

  /**
   * The follow link: the plan's query (from plan.encode) plus the state.
   * @param {string} base absolute URL of the timer page, without query
   * @param {string} planQuery "?agenda=..." as plan.encode gives it ("" for none)
   * @param {object} state see encodeState
   * @param {number} wallMs
   * @returns {{url: string, fits: boolean}} fits: short enough for a QR code of version <= 10, level M
   */
  function link(base, planQuery, state, wallMs) {
    const start = planQuery ? planQuery + "&" : "?";
    const query = `${start}${PARAM}=${encodeState(state, wallMs)}`;
    const url = base + query;
    return { url, fits: url.length <= QR_LIMIT };
  }

  /**
   * Where the session stands now, as far as a follower can know.
   * @param {{minutes: number}[]} phases the plan's phases in order, whole minutes each
   * @param {ReturnType<typeof decodeState>} state
   * @param {number} nowMs the follower's wall clock, already corrected by its nudge
   * @returns {{index: number, remainingMs: number, overtime: boolean, ended: boolean, stale: null|"paused"|
   *            "overtime"|"ended"|"future"|"unknown", stampMs: number, endsAtMs: number|null, sessionLeftMs: number}}
   */
  function view(phases, state, nowMs) {
    const unknown = { index: 0, remainingMs: 0, overtime: false, ended: false, stale: "unknown",
      stampMs: state ? state.stampMs : 0, endsAtMs: null, sessionLeftMs: 0 };
    if (!state || !Array.isArray(phases) || !phases.length) return unknown;
    if (state.phase >= phases.length) return Object.assign(unknown, { index: phases.length - 1, ended: true, stale: "ended" });
    const length = phases[state.phase].minutes * 60000 + state.addedMs;
    const since = nowMs - state.stampMs;
    // A stamp from the future means one of the two clocks is off; say so instead of counting from it.
    if (since < -MAX_SKEW_MS) return Object.assign(unknown, { index: state.phase, stale: "future" });
    const elapsed = state.paused ? state.elapsedMs : state.elapsedMs + Math.max(0, since);
    const remaining = length - elapsed;
    const after = phases.slice(state.phase + 1).reduce((sum, p) => sum + p.minutes * 60000, 0);
    let stale = null;
    if (state.paused) stale = "paused";
    else if (remaining < -GRACE_MS) stale = "overtime";
    const left = Math.max(0, remaining) + after;
    return {
      index: state.phase,
      remainingMs: remaining,
      overtime: remaining < 0,
      ended: false,
      stale,
      stampMs: state.stampMs,
      endsAtMs: state.paused ? null : nowMs + left,
      sessionLeftMs: left,
    };
  }

  /**
   * A nudge for a follower's clock, clamped to +-10 minutes.
   * @param {number} currentMs
   * @param {number} deltaMs
   * @returns {number}
   */
  function nudge(currentMs, deltaMs) {
    const next = (Number(currentMs) || 0) + (Number(deltaMs) || 0);
    return Math.max(-MAX_SKEW_MS, Math.min(MAX_SKEW_MS, next));
  }

  /**
   * The facilitator's state in the form of encodeState, from a timer state (timer/state.js) at `now`.
   * A finished session is the phase after the last one.
   * @param {{phases: {ms: number, plan: number}[], index: number, running: boolean, endsAt: number|null,
   *          left: number, done: boolean}} s
   * @param {number} now
   */
  function fromTimer(s, now) {
    if (s.done) return { phase: s.phases.length, elapsedMs: 0, addedMs: 0, paused: true };
    const p = s.phases[s.index];
    const left = s.running ? s.endsAt - now : s.left;
    return { phase: s.index, elapsedMs: Math.max(0, p.ms - left), addedMs: p.ms - p.plan, paused: !s.running };
  }

  /**
   * The state in a link as a timer state (timer/state.js), so that a follower judges it with the very
   * functions the facilitator's laptop uses (T.view's warning levels above all) instead of a copy.
   * @param {object} base a fresh timer state of the link's session (T.create)
   * @param {ReturnType<typeof decodeState>} state
   * @returns {object} a timer state: running with the phase's end on the wall clock of the link, or
   *   paused with what was left; done when the link is past the last phase
   */
  function asTimer(base, state) {
    const count = base.phases.length;
    const planned = (end) => base.phases.slice(0, end).map((p) => p.ms);
    if (!state) return base;
    if (state.phase >= count) {
      return Object.assign({}, base, { index: count - 1, running: false, endsAt: null, left: 0, started: true,
        done: true, spent: planned(count) });
    }
    const phases = base.phases.slice();
    const own = phases[state.phase];
    phases[state.phase] = Object.assign({}, own, { ms: Math.max(0, own.ms + state.addedMs) });
    const left = phases[state.phase].ms - state.elapsedMs;
    const fresh = state.paused && state.phase === 0 && state.elapsedMs === 0;
    return Object.assign({}, base, {
      phases, index: state.phase, spent: planned(state.phase), done: false, started: !fresh,
      running: !state.paused, left, endsAt: state.paused ? null : state.stampMs + left,
    });
  }

  /**
   * When each phase after the current one begins: they follow one another without a break, the first
   * as soon as the current phase is over (which, in overtime or paused, is not before now).
   * @param {number[]} lengthsMs every phase's length, in order
   * @param {number} index the current phase
   * @param {number} nowMs
   * @param {number} remainingMs what is left of the current phase (negative in overtime)
   * @returns {(number|null)[]} per phase its start (Date.now() units), null for the current and past ones
   */
  function ahead(lengthsMs, index, nowMs, remainingMs) {
    let at = nowMs + Math.max(0, remainingMs);
    return lengthsMs.map((ms, i) => {
      if (i <= index) return null;
      const start = at;
      at += ms;
      return start;
    });
  }

  /**
   * The plan part of a timer address: its plan parameters in a fixed order, as "?a=b&c=d" ("" for none).
   * Commas and colons stay readable (and short): they need no escaping in a query.
   * @param {string} search location.search
   * @returns {string}
   */
  function planQuery(search) {
    const params = new URLSearchParams(search);
    const parts = [];
    for (const name of PLAN_PARAMS) {
      const value = params.get(name);
      if (value) parts.push(`${name}=${encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":")}`);
    }
    return parts.length ? `?${parts.join("&")}` : "";
  }

  /**
   * The keys a compact link counts in: every agenda part and method slug, each once, sorted.
   * @param {string[]} keys
   * @returns {string[]}
   */
  function keyTable(keys) {
    return Array.from(new Set(keys.map(String))).sort();
  }

  /** Seven base-36 digits of a 32-bit FNV-1a hash: a version, not a secret. */
  function hash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36).padStart(7, "0");
  }

  /**
   * A plan query with its agenda as indexes into `table` (see the top of this file), or null when
   * there is nothing to shorten (no own agenda, or a key the table does not hold).
   * @param {string} query as planQuery gives it
   * @param {string[]} table from keyTable
   * @returns {string|null}
   */
  function compact(query, table) {
    const params = new URLSearchParams(query);
    const agenda = params.get("agenda");
    if (!agenda || agenda === "voorbeeld") return null;
    const place = new Map(table.map((key, i) => [key, i]));
    const items = [];
    const written = [];
    for (const part of agenda.split(",")) {
      const match = AGENDA_ITEM_RE.exec(part.trim());
      if (!match || !place.has(match[1])) return null;
      const without = match[3] ? match[3].split(".").map((n) => `_${Number(n).toString(36)}`).join("") : "";
      items.push(place.get(match[1]).toString(36) + (match[2] ? `:${Number(match[2]).toString(36)}` : "") + without);
      written.push(part.trim());
    }
    params.delete("agenda");
    params.set(SHORT, `${hash(written.join(","))}~${items.join(".")}`);
    return planQuery(`?${params}`);
  }

  /**
   * The address with a compact agenda (kort=) written out again (agenda=), and why not when it cannot be.
   * @param {string} search location.search
   * @param {string[]} table from keyTable
   * @returns {{search: string|null, problem: null|"old"|"version"|"unreadable"}} search unchanged when
   *   there is no kort=; null with a problem: "old" the former format (it cannot be checked), "version"
   *   made from other data (another version of the handbook), "unreadable" not a compact agenda at all
   */
  function readShort(search, table) {
    const params = new URLSearchParams(search);
    if (!params.has(SHORT)) return { search, problem: null };
    const value = params.get(SHORT) || "";
    const match = SHORT_RE.exec(value);
    if (!match) return { search: null, problem: OLD_SHORT_RE.test(value) ? "old" : "unreadable" };
    const items = [];
    for (const item of match[2].split(".")) {
      const [head, ...without] = item.split("_");
      const [index, minutes] = head.split(":");
      const key = table[parseInt(index, 36)];
      if (key === undefined) return { search: null, problem: "version" };
      const steps = without.length ? `_${without.map((n) => parseInt(n, 36)).join(".")}` : "";
      items.push((minutes === undefined ? key : `${key}:${parseInt(minutes, 36)}`) + steps);
    }
    const agenda = items.join(",");
    if (hash(agenda) !== match[1]) return { search: null, problem: "version" };
    params.delete(SHORT);
    params.set("agenda", agenda);
    return { search: `?${params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":")}`, problem: null };
  }

  /**
   * The address with a compact agenda (kort=) written out again (agenda=), so the page can plan it as
   * any other. Unchanged when there is no kort=; null when it cannot be read with this `table`.
   * @param {string} search location.search
   * @param {string[]} table from keyTable
   * @returns {string|null}
   */
  function expand(search, table) {
    return readShort(search, table).search;
  }

  /**
   * The follow link for a plan and a state: the plan as it is when that fits a QR code, else with its
   * agenda compact (see compact).
   * @param {string} base absolute URL of the timer page, without query
   * @param {string} query the page's plan query (planQuery)
   * @param {object} state see encodeState
   * @param {number} wallMs
   * @param {string[]} table from keyTable
   * @returns {{url: string, fits: boolean, compact: boolean}}
   */
  function shareLink(base, query, state, wallMs, table) {
    const plain = link(base, query, state, wallMs);
    if (plain.fits) return Object.assign(plain, { compact: false });
    const short = compact(query, table);
    if (short === null) return Object.assign(plain, { compact: false });
    return Object.assign(link(base, short, state, wallMs), { compact: true });
  }

  return {
    PARAM, QR_LIMIT, PLAN_PARAMS, encodeState, decodeState, link, view, nudge, fromTimer, asTimer, ahead, planQuery,
    keyTable, compact, expand, readShort, check, shareLink,
  };
});
