/* What only the planner does with an agenda, pure (no DOM): write it as a link writes it, and read the
   minutes typed for one of its items. The first file of the part "timer-planner" (extra.widget_parts in
   mkdocs.yml), before timer/planner.js; the running timer does not carry it. In node it requires
   timer/planning.js and exports both, as `node --test tests/js/` expects. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    const T = require("./planning.js");
    module.exports = Object.assign({}, T, factory(T));
  } else {
    const ns = root.Intervisie;
    ns.timer = Object.assign(ns.timer, factory(ns.timer));
  }
})(globalThis, function (T) {
  "use strict";

  const { limits } = T;

  /**
   * The stable text form of an agenda, for links: "key:minutes,key:minutes".
   * @param {{key: string, minuten: number|null}[]} items
   * @returns {string}
   */
  function formatAgenda(items) {
    return items.map((it) => (it.minuten ? `${it.key}:${it.minuten}` : it.key) +
      (it.zonder && it.zonder.length ? `_${it.zonder.join(".")}` : "")).join(",");
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

  return { formatAgenda, readMinutes };
});
