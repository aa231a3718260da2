/* The timer's two questions above the clock (timer/view.js asks them): did the computer sleep (count the
   gap or not), and another session runs (back to it, or begin here). Both are rare, so they are a part of
   their own ("timer-notices", extra.widget_parts in mkdocs.yml) that comes when one is asked; the service
   worker keeps it, so it is there offline too. Each notice takes the theme's own admonition style, so it
   needs no style of its own. */
(function (root) {
  "use strict";
  const T = root.Intervisie.timer;

  const NL = {
    otherTitle: "Er loopt nog een andere sessie",
    otherText: (title, phase, count, left, running) =>
      `${title} staat in fase ${phase} van ${count} en ${running ? "loopt" : "is gepauzeerd"} (nog ${left}). ` +
      "Die sessie blijft bewaard, ook als je hier begint. Wil je terug naar die sessie, of hier beginnen?",
    otherBack: (title) => `Terug naar ${title}`,
    otherHere: "Hier beginnen",
    sleptTitle: "De klok van de computer is verder gesprongen",
    slept: (gap) =>
      `Terwijl deze pagina uit beeld was, liep de klok van de computer ${gap} verder dan de timer. ` +
      "Heeft de computer geslapen, dan kun je die tijd meetellen. Is alleen de klok van de computer verzet, " +
      "laat de timer dan zoals hij is.",
    sleptCount: (gap) => `${gap} meetellen`,
    sleptKeep: "Laat de timer zo",
  };

  /** The buttons of a notice: side by side, and apart when a phone stacks them. */
  function choiceRow(...buttons) {
    const row = document.createElement("p");
    row.className = "ih-timer__choice";
    row.style.display = "flex";
    row.style.flexWrap = "wrap";
    row.style.gap = "0.5rem";
    row.append(...buttons);
    return row;
  }

  function button(text, primary) {
    const el = document.createElement("button");
    el.type = "button";
    el.className = primary ? "md-button md-button--primary" : "md-button";
    el.textContent = text;
    return el;
  }

  /** A notice above the clock, below the page's note, in the theme's admonition style. */
  function panel(where, title, text) {
    const box = document.createElement("div");
    box.className = "admonition question ih-timer__panel";
    box.setAttribute("role", "region");
    const head = document.createElement("p");
    head.className = "admonition-title";
    head.id = `ih-timer-panel-${Math.random().toString(36).slice(2)}`;
    head.textContent = title;
    box.setAttribute("aria-labelledby", head.id);
    const body = document.createElement("p");
    body.textContent = text;
    box.append(head, body);
    where.querySelector("[data-timer-note]").after(box);
    return box;
  }

  /**
   * Ask whether a gap between the wall clock and the timer's own was sleep (then count it) or not.
   * @param {{root: Element, life: object, gap: string, count: () => void}} options gap: the gap in words
   */
  function askCatchUp({ root: where, life, gap, count }) {
    const old = where.querySelector("[data-timer-slept]");
    if (old) old.remove();
    const box = panel(where, NL.sleptTitle, NL.slept(gap));
    box.dataset.timerSlept = "";
    const yes = button(NL.sleptCount(gap), true);
    const no = button(NL.sleptKeep, false);
    box.append(choiceRow(yes, no));
    life.listen(yes, "click", () => {
      box.remove();
      count();
    });
    life.listen(no, "click", () => box.remove());
  }

  /**
   * The question when another session is kept while this one opens fresh: back to that one (its own
   * address, so Back and reload keep working), or begin here. Either way nothing is replaced.
   * @param {{root: Element, life: object, record: object, left: string}} options left: its time left, as shown
   */
  function askAboutOther({ root: where, life, record, left }) {
    const box = panel(where, NL.otherTitle, NL.otherText(record.title, record.index + 1, record.ms.length, left,
      record.running));
    box.dataset.timerOther = "";
    const back = document.createElement("a");
    back.className = "md-button md-button--primary";
    back.href = `?${record.key}`;
    back.textContent = NL.otherBack(record.title);
    back.dataset.timerOtherBack = "";
    const here = button(NL.otherHere, false);
    here.dataset.timerOtherHere = "";
    box.append(choiceRow(back, here));
    const start = where.querySelector("[data-timer-start]");
    life.listen(here, "click", () => {
      box.remove();
      start.focus();
    });
    // Starting this session answers the question too.
    life.listen(start, "click", () => box.remove(), { once: true });
  }

  Object.assign(T, { askCatchUp, askAboutOther });
})(globalThis);
