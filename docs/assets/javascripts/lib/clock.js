/* Clock times for a session plan that starts at a given time: a time for every block and step. Only the
   session plan below the clock (timer/sheet.js) and the planner show them; the running view counts from
   its own start. It adds clock() to Intervisie.plan and is part of the part "timer-sheet" (extra.widget_parts
   in mkdocs.yml), which the choosing view loads before the planner. In node plan.js requires it. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./plan.js"));
  else factory(root.Intervisie.plan);
})(typeof self !== "undefined" ? self : this, function (P) {
  "use strict";

  const { TIME_RE, DAY } = P.util;

  function hhmm(minuteOfDay) {
    const m = ((minuteOfDay % DAY) + DAY) % DAY;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  }

  /**
   * Clock times for a plan that starts at `start`.
   * @param {{blocks: object[]}} plan
   * @param {string} start "HH:MM" (00:00-23:59)
   * @returns {{start: string, end: string, days: number, blocks: {key: string, start: string, end: string,
   *            steps: {name: string, round: number|null, start: string, end: string}[]}[]} | null}
   *   null for an unreadable start; `days` is 1 when the session ends after midnight
   */
  function clock(plan, start) {
    const match = TIME_RE.exec(String(start).trim());
    if (!match) return null;
    const begin = Number(match[1]) * 60 + Number(match[2]);
    let at = begin;
    const blocks = plan.blocks.map((b) => {
      const from = at;
      const times = b.steps.map((s) => {
        const step = { name: s.name, round: s.round, start: hhmm(at), end: hhmm(at + s.minutes) };
        at += s.minutes;
        return step;
      });
      return { key: b.key, start: hhmm(from), end: hhmm(at), steps: times };
    });
    return { start: hhmm(begin), end: hhmm(at), days: Math.floor(at / DAY), blocks };
  }

  return Object.assign(P, { clock });
});
