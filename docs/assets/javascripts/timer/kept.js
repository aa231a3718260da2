/* What this browser keeps beside a session (/timer/): the evening being built in the planner, the saved
   plans and the role names, as localStorage records (listed on /privacy/ and erased there), and what the
   running view reads of them at once: the saved plan a session was opened from (its name is the clock's
   title) and the labels of its blocks ("Casus van Carla").

   Labels belong to a block by its key and its occurrence (the second Zevenstappenmethode of the
   evening), not by its place: a frame part a method covers, which the plan leaves out, then moves no
   label onto the wrong block.

   In the timer's bundle; the printable session plan and the saved plans' own logic (timer/sheet.js) and
   DOM (sheetview.js) are a part that comes when the page shows them. In node, sheet.js requires this
   file, so `node --test tests/js/` covers both as one. */
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
  /** Characters in a name; the page's inputs carry the same maxlength (macros/limits.py PLAN_NAME). */
  const MAX_NAME = 80;
  /** What the running view says when a setting cannot be kept (view.js). */
  const STORE_NL = {
    settingNotKept: "Deze instelling is niet bewaard: de opslag van deze browser is vol of staat het niet toe. " +
      "Ze geldt zolang deze pagina open is; na herladen geldt je vorige keuze.",
  };

  const isText = (value) => typeof value === "string";

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
   * from that plan or else from the evening being built when that is this session's agenda. The plan
   * is only its name and link, enough for the clock's title: the session plan (timer/sheet.js,
   * sheetview.js) reads the rest of it (its date, the roles) when it comes.
   * @param {string} link the session's query as plan.encode writes it
   * @param {string|null} agenda the session's ?agenda= text
   * @param {*} evening the evening record as stored
   * @param {*} saved the saved plans as stored
   * @returns {{plan: {naam: string, link: string}|null, labels: Record<string, string[]>}}
   */
  function opened(link, agenda, evening, saved) {
    const ev = cleanEvening(evening);
    const name = (entry) => (entry && isText(entry.naam) ? entry.naam.trim().slice(0, MAX_NAME) : "");
    const entry = ev.open && Array.isArray(saved) ? saved.find((e) => name(e) === ev.open && cleanLink(e.link) === link) : null;
    if (entry) return { plan: { naam: ev.open, link }, labels: cleanLabels(entry.labels) };
    const keys = (text) => {
      const { request } = P.decode(new URLSearchParams([["agenda", text || ""]]));
      return request.agenda ? request.agenda.map((it) => it.key).join(",") : "";
    };
    const same = Boolean(agenda) && keys(agenda) !== "" && keys(agenda) === keys(ev.agenda);
    return { plan: null, labels: same ? ev.labels : {} };
  }

  return {
    PLANS_KEY, ROLES_KEY, EVENING_KEY, MAX_LABEL, MAX_NAME, STORE_NL,
    cleanLabels, labelsInOrder, cleanEvening, cleanLink, stores, opened,
  };
});
