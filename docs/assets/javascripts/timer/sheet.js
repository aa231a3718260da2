/* The printable session plan and the saved plans' own logic (/timer/): pure, no DOM.

   The running view gets a one-page plan ([data-timer-sheet], macros/templates/timer/sheet.html):
   title, date, clock times per block and step, what happens, who is active, and the roles with
   names to fill in. The choosing view lists the saved plans ([data-timer-saved]). Both only live
   in this browser (timer/kept.js reads and cleans the records): a saved plan is its link
   (plan.encode) plus what is personal and never enters a link: its name, the date, the labels of its
   blocks and the roles' names. Opening one follows its link and leaves its name in the evening record
   (`open`), so that the running view knows which saved plan it shows.

   This file (dates, rows, the saved plans and roles as storage gives them back, and their changes) and
   the DOM that uses it (timer/sheetview.js) are the part "timer-sheet" (W.load, extra.widget_parts in
   mkdocs.yml), which comes when the page shows the sheet or the saved plans. In node it requires
   timer/kept.js and exports both, as `node --test tests/js/` expects. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    const kept = require("./kept.js");
    module.exports = Object.assign({}, kept, factory(require("../lib/plan.js"), kept));
  } else {
    const ns = (root.Intervisie = root.Intervisie || {});
    ns.timer = Object.assign(ns.timer || {}, factory(ns.plan, ns.timer));
  }
})(globalThis, function (P, T) {
  "use strict";
  const { MAX_NAME, cleanLink, cleanLabels } = T;
  const isText = (value) => typeof value === "string";

  const ROLES = ["procesbegeleider", "casusinbrenger", "notulist"];
  /** Saved plans listed before "Toon alle": every plan is kept, however many (only full storage refuses
      one more), but a list of thousands is no list to choose from. */
  const SHOWN_PLANS = 20;
  const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

  const DAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"];

  const NL = {
    saved: (name) => `Bewaard als „${name}”. Je vindt het plan terug onder Bewaarde plannen op de pagina Timer.`,
    replaced: (name) => `Het plan „${name}” is bijgewerkt.`,
    notSaved: "Bewaren lukte niet: deze browser staat geen opslag toe of de opslag is vol. Je eerder bewaarde plannen staan er nog.",
    rolesNotKept: "Deze namen zijn niet bewaard: de opslag van deze browser is vol of staat het niet toe. " +
      "Na herladen zijn ze weg; eerder bewaarde namen blijven staan. Maak ruimte door op de pagina Privacy iets te wissen.",
    notRemoved: (name) => `Verwijderen van „${name}” lukte niet: deze browser staat het wijzigen van de opslag niet toe.`,
    showAll: (n) => `Toon alle ${n} plannen`,
    unreadableList: "De bewaarde plannen in deze browser zijn hier niet te lezen (misschien bewaard met een nieuwere " +
      "versie van de site). Ze blijven bewaard; wil je ze kwijt, wis ze dan op de pagina Privacy.",
    unreadable: "Niet bewaard: de bewaarde plannen in deze browser zijn voor deze pagina niet te lezen (misschien " +
      "bewaard met een nieuwere versie van de site), en bewaren zou ze vervangen. Herlaad de pagina en probeer het opnieuw.",
    copied: "De link naar dit plan staat op het klembord.",
    copyFailed: (href) => `Kopiëren lukte niet. Kopieer de link zelf: ${href}`,
    savedOn: (day) => `bewaard op ${day}`,
    open: "Openen",
    remove: "Verwijderen",
    removeLabel: (name) => `Plan „${name}” verwijderen`,
    removed: (name) => `Het plan „${name}” is verwijderd.`,
    discarded: "Bewaarde plannen die niet te lezen zijn, zijn overgeslagen; ze blijven in de opslag tot je een plan bewaart of verwijdert.",
    between: (start, end) => ` · ${start}–${end}`,
    end: (end) => `Einde ${end}`,
    minutes: (m) => `${m} min`,
    asRound: (unit) => `Dezelfde stappen als ${unit[0]} 1`,
    eveningNotKept: "Let op: deze avond is niet bewaard, de opslag van deze browser is vol of staat het niet toe. " +
      "De link hieronder heeft alles behalve de eigen namen; eerder bewaarde gegevens blijven staan.",
    eveningElsewhere: "In een ander tabblad is de avond veranderd. Wat je hier verandert, vervangt die avond.",
    showEvening: "Toon die avond",
    without: (names) => ` (zonder ${names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " en " + names[names.length - 1]})`,
  };

  /* ------------------------------------------------------------------ pure */

  /**
   * A day as "YYYY-MM-DD" in the reader's own time zone (what an <input type=date> holds).
   * @param {Date} date
   * @returns {string}
   */
  function isoDay(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  /**
   * The Dutch long form of a day, "maandag 3 maart 2025"; "" for anything that is not a real day.
   * @param {string} iso "YYYY-MM-DD"
   * @returns {string}
   */
  function longDate(iso) {
    const match = ISO_DAY.exec(String(iso || ""));
    if (!match) return "";
    const [y, m, d] = match.slice(1).map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return "";
    return `${DAYS[day.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
  }

  /** "H:MM" after the start, for a plan without a start time. */
  function offset(minutes) {
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  }

  /**
   * The rows of the printed plan: a row per block and, under a block with more than one step, a row
   * per step. Rounds after the first repeat the first one's steps, so each gets one row naming its
   * steps with their times: the whole session then fits on one A4 page. Times are clock times from
   * `start` (plan.clock) or, without one, the time after the start ("0:10").
   * A block row names the steps the plan leaves out and carries the block's label.
   * @param {{blocks: object[]}} plan
   * @param {string|null} start "HH:MM"
   * @param {string[]} [labels] per block of the plan, in order ("" for none)
   * @returns {{rows: {kind: "block"|"step"|"round", block: string, time: string, name: string, label: string,
   *            round: string, what: string, who: string, minutes: number}[], end: string, total: number}}
   */
  function sheetRows(plan, start, labels = []) {
    const times = start ? P.clock(plan, start) : null;
    const rows = [];
    let at = 0;
    plan.blocks.forEach((block, b) => {
      const minutes = P.total(block);
      const single = block.steps.length === 1;
      const first = block.steps[0] || { what: "", who: "" };
      const rounds = block.rounds > 1 ? ` (${block.rounds} ${block.unit[1]})` : "";
      const timeAt = (s, from) => (times ? times.blocks[b].steps[s].start : offset(from));
      const without = block.without && block.without.length ? NL.without(block.without) : "";
      rows.push({
        kind: "block", block: block.key, time: times ? times.blocks[b].start : offset(at),
        name: `${block.title}${rounds}${without}`, label: labels[b] || "", round: "",
        what: single ? first.what : "", who: single ? first.who : "", minutes,
      });
      if (single) {
        at += minutes;
        return;
      }
      let current = null; // the row of a later round, while its steps are gathered
      block.steps.forEach((step, s) => {
        const label = step.round !== null && block.rounds > 1 ? `${block.unit[0]} ${step.round}` : "";
        if (step.round !== null && step.round > 1 && block.rounds > 1) {
          if (!current || current.roundNumber !== step.round) {
            current = { kind: "round", block: block.key, time: timeAt(s, at), name: `${block.unit[0][0].toUpperCase()}${block.unit[0].slice(1)} ${step.round}`,
              label: "", round: "", what: "", who: "", minutes: 0, roundNumber: step.round, parts: [] };
            rows.push(current);
          }
          current.parts.push(`${timeAt(s, at)} ${step.name}`);
          current.minutes += step.minutes;
          current.what = `${NL.asRound(block.unit)}: ${current.parts.join(", ")}.`;
        } else {
          current = null;
          rows.push({ kind: "step", block: block.key, time: timeAt(s, at), name: step.name, label: "", round: label,
            what: step.what, who: step.who, minutes: step.minutes });
        }
        at += step.minutes;
      });
    });
    for (const row of rows) {
      delete row.roundNumber;
      delete row.parts;
    }
    return { rows, end: times ? times.end : offset(at), total: at };
  }

  /**
   * The labels of items in order, as kept by key and occurrence.
   * @param {{key: string, label?: string}[]} items
   * @returns {Record<string, string[]>}
   */
  function labelsByKey(items) {
    const labels = {};
    for (const it of items) (labels[it.key] = labels[it.key] || []).push(isText(it.label) ? it.label : "");
    return cleanLabels(labels);
  }

  /**
   * The role names storage gave back, each a short text; anything else is dropped.
   * @param {*} data
   * @returns {Record<string, string>}
   */
  function cleanRoles(data) {
    const roles = {};
    if (!data || typeof data !== "object" || Array.isArray(data)) return roles;
    for (const key of ROLES) {
      if (Object.hasOwn(data, key) && isText(data[key]) && data[key].trim()) roles[key] = data[key].trim().slice(0, MAX_NAME);
    }
    return roles;
  }

  /**
   * The evening record that opening a saved plan leaves: its agenda and labels, and its name.
   * @param {{naam: string, link: string, labels?: Record<string, string[]>}} plan
   */
  function eveningOf(plan) {
    const { request } = P.decode(plan.link);
    const agenda = request.agenda ? new URLSearchParams(P.encode({ agenda: request.agenda }).slice(1)).get("agenda") : "";
    return { agenda, rondes: request.rondes, start: request.start, labels: plan.labels || {}, open: plan.naam };
  }

  /**
   * The saved plans storage gave back: each {naam, link, dag} with a name, a plan's link and the day
   * it was saved ("" when unknown). Entries that are not that are left out, and `skipped` says so.
   * @param {*} data
   * @returns {{plans: {naam: string, link: string, dag: string}[], skipped: boolean}}
   */
  function cleanPlans(data) {
    if (!Array.isArray(data)) return { plans: [], skipped: data !== null && data !== undefined };
    const plans = [];
    const seen = new Set();
    let skipped = false;
    for (const entry of data) {
      const naam = entry && isText(entry.naam) ? entry.naam.trim().slice(0, MAX_NAME) : "";
      const link = entry ? cleanLink(entry.link) : "";
      if (!naam || !link || seen.has(naam.toLocaleLowerCase("nl"))) {
        skipped = true;
        continue;
      }
      seen.add(naam.toLocaleLowerCase("nl"));
      const plan = { naam, link, dag: isText(entry.dag) && longDate(entry.dag) ? entry.dag : "" };
      // Saved since plans keep everything; a plan saved before has none of these and opens as it did.
      if (isText(entry.datum) && longDate(entry.datum)) plan.datum = entry.datum;
      const labels = cleanLabels(entry.labels);
      if (Object.keys(labels).length) plan.labels = labels;
      const rollen = cleanRoles(entry.rollen);
      if (Object.keys(rollen).length) plan.rollen = rollen;
      plans.push(plan);
    }
    return { plans, skipped };
  }

  /**
   * The list with `plan` saved: first in the list, in place of a plan with the same name (whatever
   * its capitals). The name is a plan's identity: no other plan is touched, and none is let go.
   * @param {{naam: string, link: string, dag: string}[]} plans
   * @param {{naam: string, link: string, dag: string}} plan
   * @returns {{plans: object[], replaced: boolean}}
   */
  function withPlan(plans, plan) {
    const same = (p) => p.naam.toLocaleLowerCase("nl") === plan.naam.toLocaleLowerCase("nl");
    const replaced = plans.some(same);
    return { plans: [plan].concat(plans.filter((p) => !same(p))), replaced };
  }

  /** The list without the plan called `naam`. */
  function withoutPlan(plans, naam) {
    return plans.filter((p) => p.naam !== naam);
  }

  /**
   * Role names with one role's name changed: the name typed last wins for that role, the others stay
   * as they are (a name typed in another tab for another role is not undone). An empty name removes it.
   * @param {Record<string, string>} roles
   * @param {string} key
   * @param {string} value
   * @returns {Record<string, string>}
   */
  function withRole(roles, key, value) {
    const next = Object.assign({}, cleanRoles(roles));
    if (isText(value) && value.trim()) next[key] = value;
    else delete next[key];
    return cleanRoles(next);
  }

  /*
   * The changes a page makes to the records, each applied to what storage holds at that moment (another
   * tab may have written since this page read it), so that two tabs merge instead of overwriting.
   */

  /**
   * Save `entry` among the saved plans as they are stored now.
   * @param {ReturnType<typeof stores>} store
   * @returns {{ok: boolean, replaced: boolean, plans: object[], unreadable?: boolean}} plans: the list as
   *   stored now (when saving failed: as it was, untouched); unreadable: not saved, because the stored
   *   list cannot be read here and saving would replace it
   */
  function savePlan(store, entry) {
    let replaced = false;
    let before = [];
    let unreadable = false;
    const result = store.plans.update((data, { discarded }) => {
      // A list this page cannot read at all (a newer version of the site wrote it, say) is not overwritten.
      if (discarded) {
        unreadable = true;
        return undefined;
      }
      before = cleanPlans(data).plans;
      const next = withPlan(before, entry);
      replaced = next.replaced;
      return next.plans;
    });
    if (unreadable) return { ok: false, replaced: false, plans: [], unreadable: true };
    return { ok: result.ok, replaced, plans: result.ok ? result.data : before };
  }

  /**
   * Delete the plan called `naam` from the saved plans as they are stored now; no other plan is touched.
   * @param {ReturnType<typeof stores>} store
   * @returns {{ok: boolean, plans: object[]}} the list as stored now
   */
  function deletePlan(store, naam) {
    let before = [];
    const result = store.plans.update((data) => {
      before = cleanPlans(data).plans;
      const next = withoutPlan(before, naam);
      return next.length ? next : null;
    });
    return { ok: result.ok, plans: result.ok ? result.data || [] : before };
  }

  /**
   * Store one role's name, keeping the other roles' names as stored now.
   * @param {ReturnType<typeof stores>} store
   * @returns {{ok: boolean, roles: Record<string, string>}} roles: the names as stored now (or wanted)
   */
  function saveRole(store, key, value) {
    const result = store.roles.update((data) => {
      const next = withRole(cleanRoles(data), key, value);
      // Nothing typed: nothing kept, so that the privacy page shows "leeg".
      return Object.keys(next).length ? next : null;
    });
    return { ok: result.ok, roles: result.data || {} };
  }

  return {
    ROLES, SHOWN_PLANS, SHEET_NL: NL,
    isoDay, longDate, sheetRows, cleanRoles, cleanPlans, withPlan, withoutPlan, withRole,
    savePlan, deletePlan, saveRole, eveningOf, labelsByKey,
  };
});
