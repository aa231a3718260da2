/* The printable session plan and the plans this browser keeps (/timer/).

   The running view gets a one-page plan ([data-timer-sheet], macros/templates/timer/sheet.html):
   title, date, clock times per block and step, what happens, who is active, and the roles with
   names to fill in. The choosing view lists the saved plans ([data-timer-saved]). Both only live
   in this browser: the names, the saved plans and the evening being built are localStorage records,
   listed on /privacy/ and erased there. A saved plan is its link (plan.encode) plus what is personal
   and never enters a link: its name, the date, the labels of its blocks and the roles' names.
   Opening one follows its link and leaves its name in the evening record (`open`), so that the
   running view knows which saved plan it shows.

   Labels ("Casus van Carla") belong to a block by its key and its occurrence (the second
   Zevenstappenmethode of the evening), not by its place: a frame part a method covers, which the
   plan leaves out, then moves no label onto the wrong block.

   The pure part (dates, rows, cleaning what storage gives back) comes first, so that
   `node --test tests/js/` can require this file; the DOM part only runs when view.js calls it. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/widget.js"), require("../lib/plan.js"));
  } else {
    const ns = (root.Intervisie = root.Intervisie || {});
    ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.plan));
  }
})(globalThis, function (W, P) {
  "use strict";

  const PLANS_KEY = "intervisie.plannen.v1";
  const ROLES_KEY = "intervisie.rollen.v1";
  const EVENING_KEY = "intervisie.avond.v1";
  /** Characters in a block's label. */
  const MAX_LABEL = 40;
  const ROLES = ["procesbegeleider", "casusinbrenger", "notulist"];
  /** Characters in a name; the page's inputs carry the same maxlength (macros/limits.py PLAN_NAME). */
  const MAX_NAME = 80;
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
    without: (names) => ` (zonder ${names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " en " + names[names.length - 1]})`,
  };

  /** What the timer page says when one of its records cannot be kept (view.js shows these). */
  const STORE_NL = {
    settingNotKept: "Deze instelling is niet bewaard: de opslag van deze browser is vol of staat het niet toe. " +
      "Ze geldt zolang deze pagina open is; na herladen geldt je vorige keuze.",
    eveningNotKept: "Let op: deze avond is niet bewaard, de opslag van deze browser is vol of staat het niet toe. " +
      "De link hieronder heeft alles behalve de eigen namen; eerder bewaarde gegevens blijven staan.",
    eveningElsewhere: "In een ander tabblad is de avond veranderd. Wat je hier verandert, vervangt die avond.",
    showEvening: "Toon die avond",
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

  const isText = (value) => typeof value === "string";

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
   * Labels by key and occurrence as storage gave them back: {key: ["Casus 1", "Casus van Carla"]},
   * each a short text ("" for a block without one); anything else is dropped.
   * @param {*} data
   * @returns {Record<string, string[]>}
   */
  function cleanLabels(data) {
    const labels = {};
    if (!data || typeof data !== "object" || Array.isArray(data)) return labels;
    for (const key of Object.keys(data).slice(0, 40)) {
      if (!/^[a-z0-9-]{1,60}$/.test(key) || !Array.isArray(data[key])) continue;
      const texts = data[key].slice(0, 20).map((t) => (isText(t) ? t.trim().slice(0, MAX_LABEL) : ""));
      if (texts.some(Boolean)) labels[key] = texts;
    }
    return labels;
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
   * Each key's label in order: the n-th time a key comes, its n-th label ("" when none).
   * @param {string[]} keys
   * @param {Record<string, string[]>} labels
   * @returns {string[]}
   */
  function labelsInOrder(keys, labels) {
    const seen = new Map();
    return keys.map((key) => {
      const n = seen.get(key) || 0;
      seen.set(key, n + 1);
      return Object.hasOwn(labels, key) && isText(labels[key][n]) ? labels[key][n] : "";
    });
  }

  /**
   * The evening being built in the planner, as storage gave it back: its agenda (as a link writes
   * it), rounds and start time, the labels, and the saved plan it was opened from ("" for none).
   * @param {*} data
   * @returns {{agenda: string, rondes: number|null, start: string|null, labels: Record<string, string[]>, open: string}}
   */
  function cleanEvening(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return { agenda: "", rondes: null, start: null, labels: {}, open: "" };
    const params = new URLSearchParams();
    for (const name of ["agenda", "rondes", "start"]) if (isText(data[name]) || Number.isInteger(data[name])) params.set(name, String(data[name]));
    const { request } = P.decode(params);
    const agenda = request.agenda ? new URLSearchParams(P.encode({ agenda: request.agenda }).slice(1)).get("agenda") : "";
    return { agenda, rondes: request.rondes, start: request.start, labels: cleanLabels(data.labels),
      open: isText(data.open) ? data.open.trim().slice(0, MAX_NAME) : "" };
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
   * The link of a saved plan as plan.encode writes it, or "" when it is not a plan's link. A link
   * from storage is read back through plan.decode, so storage can never smuggle in another address.
   * @param {*} link
   * @returns {string}
   */
  function cleanLink(link) {
    if (!isText(link) || !link.startsWith("?") || link.length > 2000) return "";
    const { request } = P.decode(link);
    if (!request.agenda && !request.methode) return "";
    return P.encode(request);
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

  /** The records; a test passes a fake `area`. */
  function stores(area) {
    const options = area ? { area } : {};
    return {
      evening: W.storage(EVENING_KEY, Object.assign({ validate: (d) => Boolean(d) && typeof d === "object" && !Array.isArray(d) }, options)),
      plans: W.storage(PLANS_KEY, Object.assign({ validate: Array.isArray }, options)),
      roles: W.storage(ROLES_KEY, Object.assign({ validate: (d) => Boolean(d) && typeof d === "object" && !Array.isArray(d) }, options)),
    };
  }

  /**
   * What the running view shows of this browser's own records for the session at `link`: the saved
   * plan it was opened from (only while its link is still this one), and the labels of its blocks,
   * from that plan or else from the evening being built when that is this session's agenda.
   * @param {string} link the session's query as plan.encode writes it
   * @param {string|null} agenda the session's ?agenda= text
   * @param {*} evening the evening record as stored
   * @param {*} saved the saved plans as stored
   * @returns {{plan: object|null, labels: Record<string, string[]>}}
   */
  function opened(link, agenda, evening, saved) {
    const ev = cleanEvening(evening);
    const plan = ev.open ? cleanPlans(saved).plans.find((p) => p.naam === ev.open && p.link === link) || null : null;
    if (plan) return { plan, labels: plan.labels || {} };
    const keys = (text) => {
      const { request } = P.decode(new URLSearchParams([["agenda", text || ""]]));
      return request.agenda ? request.agenda.map((it) => it.key).join(",") : "";
    };
    const same = Boolean(agenda) && keys(agenda) !== "" && keys(agenda) === keys(ev.agenda);
    return { plan: null, labels: same ? ev.labels : {} };
  }

  /* ------------------------------------------------------------------ DOM */

  /** A status line that reads the same sentence twice as twice: emptied, then written a moment later. */
  function sayer(el, life) {
    return (text) => {
      el.textContent = "";
      life.later(() => (el.textContent = text), 30);
    };
  }

  function cell(row, text, tag = "td") {
    const el = document.createElement(tag);
    el.textContent = text;
    row.append(el);
    return el;
  }

  /**
   * Fill the session plan of the running view and wire its fields and buttons.
   * @param {{root: Element, life: object, plan: {blocks: object[]}, title: string, link: string,
   *          start: string|null, labels?: Record<string, string[]>, saved?: object|null}} options
   *   link: the plan's own query ("?agenda=..."), start: ?start=, labels: the blocks' labels by key,
   *   saved: the saved plan this session was opened from (its date and roles come back)
   */
  function mountSheet({ root, life, plan, title, link, start, labels = {}, saved = null }) {
    const sheet = root.querySelector("[data-timer-sheet]");
    if (!sheet) return;
    const $ = (sel) => sheet.querySelector(sel);
    const store = stores();
    const say = sayer($("[data-sheet-status]"), life);
    const dateInput = $("[data-sheet-date]");
    const startInput = $("[data-sheet-start]");
    sheet.hidden = false;
    // The rest of the sheet comes one part a frame (data-sheet-step in the template). In one frame, its
    // first style and layout with the page's first date field and first time field (each loads the
    // browser's locale data) made a task of ~125 ms on a phone's CPU, right after the clock appeared.
    const later = Array.from(sheet.querySelectorAll("[data-sheet-step]"));
    const steps = Array.from(new Set(later.map((el) => el.dataset.sheetStep))).sort();
    const reveal = (step) => later.forEach((el) => {
      if (step === undefined || el.dataset.sheetStep === step) el.hidden = false;
    });
    const revealFrom = (i) => i < steps.length && life.afterPaint(() => {
      reveal(steps[i]);
      revealFrom(i + 1);
    });
    revealFrom(0);
    // Printing from this view prints this sheet alone (timer.css), all of it. The class is on <html>
    // only while the page prints (or a browser shows it as printed): a class change there restyles
    // every element of the page, which at each start of the timer cost more than drawing the sheet.
    const printing = window.matchMedia("print");
    const mark = (on) => {
      if (on) reveal();
      document.documentElement.classList.toggle("ih-print-sheet", on);
    };
    life.listen(window, "beforeprint", () => mark(true));
    life.listen(window, "afterprint", () => mark(printing.matches));
    life.listen(printing, "change", () => mark(printing.matches));
    mark(printing.matches);
    life.onLeave(() => mark(false));
    $("[data-sheet-title]").textContent = title;
    dateInput.value = (saved && saved.datum) || isoDay(new Date());
    startInput.value = start || "";
    $("[data-sheet-name]").placeholder = title;
    if (saved) $("[data-sheet-name]").value = saved.naam;
    const blockLabels = labelsInOrder(plan.blocks.map((b) => b.key), labels);

    const linkNow = () => {
      const { request } = P.decode(link);
      request.start = startInput.value || null;
      return P.encode(request);
    };

    const draw = () => {
      const chosen = startInput.value || null;
      const { rows, end, total } = sheetRows(plan, chosen, blockLabels);
      const body = $("[data-sheet-rows]");
      body.textContent = "";
      for (const r of rows) {
        const tr = document.createElement("tr");
        tr.className = `ih-sheet__${r.kind}`;
        tr.dataset.planBlock = r.block;
        cell(tr, r.time, "th").scope = "row";
        const name = cell(tr, r.name);
        if (r.label) {
          const label = document.createElement("span");
          label.className = "ih-sheet__label";
          label.textContent = r.label;
          name.append(" ", label);
        }
        if (r.round) {
          const round = document.createElement("span");
          round.className = "ih-timer__round";
          round.textContent = ` (${r.round})`;
          name.append(round);
        }
        cell(tr, r.what);
        cell(tr, r.who);
        cell(tr, NL.minutes(r.minutes));
        body.append(tr);
      }
      $("[data-sheet-end]").textContent = NL.end(end);
      $("[data-sheet-total]").textContent = NL.minutes(total);
      $("[data-sheet-date-text]").textContent = longDate(dateInput.value);
      $("[data-sheet-span]").textContent = chosen ? NL.between(rows.length ? rows[0].time : chosen, end) : "";
    };
    draw();
    life.listen(dateInput, "input", draw);
    life.listen(startInput, "input", draw);

    // A saved plan brings its own names back; otherwise the names typed last time.
    const roles = saved && saved.rollen ? saved.rollen : cleanRoles(store.roles.read());
    const rolesStatus = $("[data-sheet-roles-status]");
    const unsaved = new Set(); // roles whose name here could not be stored: another tab's must not undo it
    for (const input of sheet.querySelectorAll("[data-sheet-role]")) {
      const key = input.dataset.sheetRole;
      input.value = Object.hasOwn(roles, key) ? roles[key] : "";
      life.listen(input, "input", () => {
        const { ok } = saveRole(store, key, input.value);
        if (ok) unsaved.delete(key);
        else unsaved.add(key);
        // Said once when keeping fails, and taken back once it works again, not at every key.
        if (rolesStatus && ok === Boolean(rolesStatus.textContent)) rolesStatus.textContent = ok ? "" : NL.rolesNotKept;
      });
    }
    // Names typed in another tab show here too, except in the field the reader is typing in. A saved
    // plan's own names are that plan's: they stay as the plan has them.
    if (!saved) {
      store.roles.watch(life, (data) => {
        const now = cleanRoles(data);
        for (const input of sheet.querySelectorAll("[data-sheet-role]")) {
          if ((input === document.activeElement && document.hasFocus()) || unsaved.has(input.dataset.sheetRole)) continue;
          input.value = Object.hasOwn(now, input.dataset.sheetRole) ? now[input.dataset.sheetRole] : "";
        }
      });
    }

    life.listen($("[data-sheet-print]"), "click", () => window.print());
    life.listen($("[data-sheet-save]"), "click", () => {
      const field = $("[data-sheet-name]");
      const naam = (field.value.trim() || title).slice(0, MAX_NAME);
      const names = {};
      for (const el of sheet.querySelectorAll("[data-sheet-role]")) if (el.value.trim()) names[el.dataset.sheetRole] = el.value;
      const entry = { naam, link: linkNow(), dag: isoDay(new Date()) };
      if (longDate(dateInput.value)) entry.datum = dateInput.value;
      if (Object.keys(cleanLabels(labels)).length) entry.labels = cleanLabels(labels);
      if (Object.keys(cleanRoles(names)).length) entry.rollen = cleanRoles(names);
      const next = savePlan(store, entry);
      if (next.unreadable) say(NL.unreadable);
      else if (!next.ok) say(NL.notSaved);
      else say(next.replaced ? NL.replaced(naam) : NL.saved(naam));
    });
    life.listen($("[data-sheet-copy]"), "click", async () => {
      const href = new URL(linkNow(), window.location.href).href;
      try {
        await navigator.clipboard.writeText(href);
        say(NL.copied);
      } catch (e) {
        say(NL.copyFailed(href));
      }
    });
  }

  /**
   * The planner of this tab hears that another tab changed the evening being built: say so under the
   * planner's report, with a button that loads the page afresh with the evening as stored now (the
   * planner of /timer/ without a query starts from it). Shown once; it goes with the page.
   * @param {Element} report the planner's report ([data-timer-builder-report])
   */
  function eveningElsewhere(report) {
    if (report.parentElement.querySelector("[data-timer-other-evening]")) return;
    const box = document.createElement("p");
    box.className = "ih-store-warning";
    box.dataset.timerOtherEvening = "";
    box.setAttribute("role", "status");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button ih-planner__small";
    button.textContent = STORE_NL.showEvening;
    // A full load of the page without a query: no link, so instant navigation does not take it.
    button.addEventListener("click", () => window.location.assign(window.location.pathname));
    box.append(STORE_NL.eveningElsewhere, " ", button);
    report.after(box);
  }

  /**
   * List the saved plans in the choosing view: open (a link) and delete. Newest first, the first
   * SHOWN_PLANS and a button for the rest. Opening the page never writes: plans it cannot read stay
   * stored (a later version of the site may read them) and are only said.
   * @param {{root: Element, life: object}} options
   */
  function mountSaved({ root, life }) {
    const box = root.querySelector("[data-timer-saved]");
    if (!box) return;
    const all = stores();
    const list = box.querySelector("[data-saved-list]");
    const status = box.querySelector("[data-saved-status]");
    const say = sayer(status, life);
    const loaded = all.plans.load();
    let { plans, skipped } = cleanPlans(loaded.data);
    if (loaded.discarded) status.textContent = NL.unreadableList;
    else if (skipped) status.textContent = NL.discarded;
    let showAll = false;
    let more = null;

    const item = (plan) => {
      const li = document.createElement("li");
      li.className = "ih-saved__item";
      li.dataset.savedPlan = plan.naam;
      const a = document.createElement("a");
      a.href = plan.link;
      a.textContent = plan.naam;
      a.dataset.savedOpen = "";
      li.append(a);
      if (plan.dag) {
        const when = document.createElement("span");
        when.className = "ih-saved__day";
        when.textContent = ` (${NL.savedOn(longDate(plan.dag))})`;
        li.append(when);
      }
      const del = document.createElement("button");
      del.type = "button";
      del.className = "md-button ih-planner__small";
      del.textContent = NL.remove;
      del.setAttribute("aria-label", NL.removeLabel(plan.naam));
      del.dataset.savedDelete = "";
      li.append(" ", del);
      return li;
    };

    /**
     * @param {{focus?: number, keep?: boolean}} [how] focus: the place of the delete button to focus (the
     *   heading when none is left there); keep: keep the focus on the plan (by name) it is on
     */
    const draw = (how = {}) => {
      const active = document.activeElement;
      const onPlan = how.keep && list.contains(active) ? active.closest("[data-saved-plan]") : null;
      const focusName = onPlan ? onPlan.dataset.savedPlan : null;
      const focusWhat = onPlan && active.matches("[data-saved-delete]") ? "[data-saved-delete]" : "[data-saved-open]";
      const shown = showAll ? plans : plans.slice(0, SHOWN_PLANS);
      const fragment = document.createDocumentFragment();
      for (const plan of shown) fragment.append(item(plan));
      list.textContent = "";
      list.append(fragment);
      if (plans.length > shown.length) {
        if (!more) {
          more = document.createElement("button");
          more.type = "button";
          more.className = "md-button ih-planner__small";
          more.dataset.savedAll = "";
          life.listen(more, "click", () => {
            const at = shown.length;
            showAll = true;
            draw();
            // The first plan that was not shown before takes the focus, so a keyboard reader goes on there.
            const next = list.querySelectorAll("[data-saved-open]")[at];
            if (next) next.focus();
          });
        }
        more.textContent = NL.showAll(plans.length);
        list.after(more);
      } else if (more) more.remove();
      // Shown when there is something to open or to tell; it stays while the reader deletes.
      if (how.focus === undefined) box.hidden = !plans.length && !status.textContent;
      if (how.focus !== undefined) {
        const buttons = list.querySelectorAll("[data-saved-delete]");
        (buttons[how.focus] || box.querySelector("h2")).focus();
      } else if (focusName !== null) {
        const again = Array.from(list.children).find((li) => li.dataset.savedPlan === focusName);
        if (again) again.querySelector(focusWhat).focus();
      }
    };

    // One listener for every delete button, so that thousands of plans do not mean thousands of listeners.
    life.listen(list, "click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const open = target && target.closest("[data-saved-open]");
      if (open) {
        // The link carries no name, date or labels: the evening record tells the running view which plan it is.
        const plan = plans.find((p) => p.naam === open.closest("[data-saved-plan]").dataset.savedPlan);
        if (plan) all.evening.write(eveningOf(plan));
        return;
      }
      const del = target && target.closest("[data-saved-delete]");
      if (!del) return;
      const li = del.closest("[data-saved-plan]");
      const naam = li.dataset.savedPlan;
      const at = Array.from(list.children).indexOf(li);
      const result = deletePlan(all, naam);
      // The list as storage holds it now: also what another tab saved meanwhile.
      plans = result.plans;
      if (!result.ok) say(NL.notRemoved(naam));
      else say(NL.removed(naam));
      draw({ focus: Math.min(at, Math.min(plans.length, showAll ? plans.length : SHOWN_PLANS) - 1) });
    });
    // Another tab saved or deleted a plan: show the list as it is now.
    all.plans.watch(life, (data) => {
      plans = cleanPlans(data).plans;
      draw({ keep: true });
    });
    draw();
  }

  return {
    PLANS_KEY, ROLES_KEY, EVENING_KEY, ROLES, SHOWN_PLANS, MAX_LABEL,
    isoDay, longDate, sheetRows, cleanRoles, cleanLink, cleanPlans, withPlan, withoutPlan, withRole, stores,
    savePlan, deletePlan, saveRole, STORE_NL, eveningElsewhere,
    cleanLabels, labelsByKey, labelsInOrder, cleanEvening, eveningOf, opened,
    mountSheet, mountSaved,
  };
});
