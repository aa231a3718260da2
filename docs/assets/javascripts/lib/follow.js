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
   so view() says how old its state is and never presents a guess as certain. */
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
   * The follow link: the plan's query (from plan.encode) plus the state.
   * @param {string} base absolute URL of the timer page, without query
   * @param {string} planQuery "?agenda=..." as plan.encode gives it ("" for none)
   * @param {object} state see encodeState
   * @param {number} wallMs
   * @returns {{url: string, fits: boolean}} fits: short enough for a QR code of version <= 10, level M
   */
  function link(base, planQuery, state, wallMs) {
    const query = `${planQuery ? `${planQuery}&` : "?"}${PARAM}=${encodeState(state, wallMs)}`;
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

  return { PARAM, QR_LIMIT, encodeState, decodeState, link, view, nudge };
});
