/* What the fit changed, under the running timer's clock: a line with the new length and one line per
   change (lib/fit.js words them). With lib/fit.js the part "plan-fit", which timer/view.js loads only for
   a session that is fitted (minuten=, or an item with its own minutes); the planner says it its own way. */
(function (root) {
  "use strict";
  const T = root.Intervisie.timer;

  /**
   * @param {Element} box [data-timer-fitreport]
   * @param {string[]} changes
   * @param {number} was the plan's minutes before the fit
   * @param {number} total the minutes asked for
   */
  function showFitReport(box, changes, was, total) {
    const head = document.createElement("p");
    head.textContent = T.NL.fitted(total, was);
    const lines = document.createElement("ul");
    lines.append(...changes.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    box.replaceChildren(head, ...(changes.length ? [lines] : []));
    box.hidden = false;
  }

  T.showFitReport = showFitReport;
})(globalThis);
