/* Method chooser (/kiezen/): ranks the methods for a case type, time, group size, experience
   and wish for advice. Pure logic lives in Intervisie.chooser (parse, toQuery, rank); the DOM
   code below upgrades the [data-chooser] element that the page already contains. The weights
   come from data/chooser.yml (/api/chooser.json), the methods from /api/methods.json. */
(() => {
  "use strict";

  /* The query-string contract: /kiezen/?casus=&minuten=&groep=&ervaring=&advies= */
  const FIELDS = ["casus", "minuten", "groep", "ervaring", "advies"];
  // Maps, not plain objects: a key is only ever one of ours, never something inherited like "constructor".
  const NUMBERS = new Map([["minuten", [1, 1440]], ["groep", [2, 100]]]);
  const OPTIONS = new Map([["ervaring", ["beginners", "gevorderden"]], ["advies", ["ja", "nee"]]]);
  const PROBLEM = new Map([
    ["casus", "is geen soort casus die de kiezer kent"],
    ["minuten", "is geen bruikbaar aantal minuten (een heel getal van 1 tot 1440)"],
    ["groep", "is geen bruikbare groepsgrootte (een heel getal van 2 tot 100)"],
    ["ervaring", "is geen ervaring die de kiezer kent (beginners of gevorderden)"],
    ["advies", "is geen antwoord op de vraag naar advies (ja of nee)"],
  ]);

  /**
   * Read the answers from a query string. Empty values count as unanswered; unknown or
   * malformed values are left out and explained in `notes` (plain Dutch).
   * @param {string|URLSearchParams} search e.g. location.search
   * @param {string[]} caseKeys the known case-type keys
   * @returns {{answers: Object<string, string|number>, notes: string[]}}
   */
  function parse(search, caseKeys) {
    const query = new URLSearchParams(search);
    const answers = {};
    const notes = [];
    for (const key of FIELDS) {
      const raw = (query.get(key) || "").trim();
      if (!raw) continue;
      let value = raw;
      if (NUMBERS.has(key)) {
        const [min, max] = NUMBERS.get(key);
        value = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
        if (!(value >= min && value <= max)) value = null;
      } else if (!(OPTIONS.get(key) || caseKeys).includes(raw)) value = null;
      if (value === null) {
        const shown = raw.length > 30 ? raw.slice(0, 30) + "…" : raw;
        notes.push(`„${shown}” ${PROBLEM.get(key)}; dat antwoord telt nu niet mee.`);
      } else answers[key] = value;
    }
    return { answers, notes };
  }

  /**
   * The query string for a set of answers, in the documented order ("" when nothing is answered).
   * @param {Object<string, string|number>} answers
   * @returns {string}
   */
  function toQuery(answers) {
    const query = FIELDS.filter((k) => Object.hasOwn(answers, k) && answers[k] !== undefined && answers[k] !== "")
      .map((k) => `${k}=${encodeURIComponent(answers[k])}`)
      .join("&");
    return query ? `?${query}` : "";
  }

  /** Whether a method's time is partly per topic (steps marked per_ronde in its data). */
  function perTopic(m) {
    return Boolean(m.tijd && m.tijd.per_onderwerp && m.minuten_per_ronde);
  }

  /** Duration as a reader says it: "60 minuten", "45 tot 60 minuten", "5 minuten + 15 per onderwerp". */
  function duration(m) {
    if (perTopic(m)) return `${m.minuten_eenmalig} minuten + ${m.minuten_per_ronde} per onderwerp`;
    const span = m.kern_minuten < m.totaal_minuten ? `${m.kern_minuten} tot ` : "";
    return `${span}${m.totaal_minuten} minuten`;
  }

  /** Score one method; every criterion adds a reason to `fits` or to `misses`. */
  function score(m, a, w, caseTypes) {
    const e = { slug: m.slug, titel: m.titel, method: m, score: 0, penalty: 0, fits: [], misses: [] };
    e.breadth = a.casus ? m.casustypen.length : 0; // ties: a specialist before an all-rounder
    const fit = (points, text) => {
      e.score += points;
      e.fits.push(text);
    };
    const miss = (points, text) => {
      e.score -= points;
      e.penalty += points;
      e.misses.push(text);
    };
    if (a.casus) {
      const kort = (Object.hasOwn(caseTypes, a.casus) && caseTypes[a.casus].kort) || a.casus;
      const at = m.casustypen.indexOf(a.casus);
      if (at < 0) miss(w.casus.strafpunten, `is niet bedoeld voor ${kort}`);
      else fit(w.casus.punten + (at === 0 ? w.casus.hoofdtype : 0), `past bij ${kort}`);
    }
    if (a.minuten) {
      const t = w.minuten;
      const have = a.minuten;
      const over = m.kern_minuten - have;
      if (m.totaal_minuten <= have) {
        const topics = perTopic(m) ? Math.floor((have - m.minuten_eenmalig) / m.minuten_per_ronde) : 0;
        const extra = perTopic(m) ? `: genoeg voor ${topics} onderwerp${topics > 1 ? "en" : ""}` : "";
        fit(t.punten, `past in ${have} minuten${extra}`);
      } else if (over <= 0) fit(t.zonder_optioneel, `past in ${have} minuten als je de optionele stappen overslaat`);
      else if (over <= t.speling) miss(t.strafpunten_krap, `krap: duurt ${duration(m)}, je hebt er ${have}`);
      else miss(t.strafpunten, `duurt ${duration(m)}, je hebt er ${have}`);
    }
    if (a.groep) {
      const g = m.groepsgrootte;
      if (a.groep >= g.min && a.groep <= g.max) fit(w.groep.punten, `geschikt voor ${a.groep} personen`);
      else miss(w.groep.strafpunten, `is bedoeld voor ${g.min} tot ${g.max} personen, jullie zijn met ${a.groep}`);
    }
    if (a.ervaring === "gevorderden" && m.niveau === "gevorderden") fit(w.ervaring.punten, "vraagt ervaring");
    if (a.ervaring === "beginners") {
      if (m.niveau === "beginners") fit(w.ervaring.punten, "geschikt voor beginners");
      else miss(w.ervaring.strafpunten, "vraagt ervaring, en jullie groep begint net");
    }
    if (a.advies) {
      const wants = a.advies === "ja";
      if (m.advies === wants) fit(w.advies.punten, wants ? "de casusinbrenger krijgt adviezen" : "alleen reflectie, geen adviezen");
      else miss(w.advies.strafpunten, wants ? "geeft geen adviezen, alleen reflectie" : "eindigt met adviezen aan de casusinbrenger");
    }
    return e;
  }

  /**
   * Rank methods for the answers: highest score (points minus penalty) first; on a tie the
   * method made for fewer case types (when a case type was chosen), then the title.
   * A method whose penalty reaches weights.minder_goed_vanaf goes to `weaker` ("past minder
   * goed"), never away. With no answers every method is `good`, in alphabetical order.
   * @param {Object[]} methods `methoden` of /api/methods.json
   * @param {Object<string, string|number>} answers as from parse(); unanswered keys absent
   * @param {Object} weights /api/chooser.json (data/chooser.yml)
   * @param {Object<string, {kort: string}>} [caseTypes] `casustypen` of /api/methods.json, for the wording
   * @returns {{good: Object[], weaker: Object[]}} entries {slug, titel, method, score, penalty, fits, misses}
   */
  function rank(methods, answers, weights, caseTypes = {}) {
    const entries = methods.map((m) => score(m, answers || {}, weights, caseTypes));
    entries.sort((x, y) => y.score - x.score || x.breadth - y.breadth || x.titel.localeCompare(y.titel, "nl"));
    const weak = (e) => e.penalty >= weights.minder_goed_vanaf;
    return { good: entries.filter((e) => !weak(e)), weaker: entries.filter(weak) };
  }

  window.Intervisie = window.Intervisie || {};
  window.Intervisie.chooser = { parse, toQuery, rank, duration };

  /* ---- DOM ---- */

  const state = { root: null, abort: null, api: null, weights: null, data: null };

  function item(template, entry, weak) {
    const m = entry.method;
    const li = template.content.firstElementChild.cloneNode(true);
    const field = (name) => li.querySelector(`[data-field="${name}"]`);
    const link = field("link");
    link.href = `../methoden/${entry.slug}/`;
    link.textContent = entry.titel;
    const size = m.groepsgrootte;
    field("meta").textContent = `${duration(m).replace("minuten", "min")} · ${size.min}–${size.max} personen`;
    const groups = [[entry.fits, "ih-fit"], [entry.misses, "ih-miss"]];
    for (const [list, css] of weak ? groups.reverse() : groups) {
      for (const text of list) {
        const reason = document.createElement("li");
        reason.className = css;
        reason.textContent = text;
        field("reasons").append(reason);
      }
    }
    if (!entry.fits.length && !entry.misses.length) field("reasons").remove();
    field("timer").href = `../timer/?methode=${encodeURIComponent(entry.slug)}`;
    if (weak) field("timer").classList.remove("md-button--primary");
    return li;
  }

  function showNotes(root, notes) {
    const note = root.querySelector("[data-chooser-note]");
    note.replaceChildren();
    note.hidden = !notes.length;
    if (!notes.length) return;
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Niet alles in de link of het formulier was bruikbaar";
    const list = document.createElement("ul");
    for (const text of notes) list.append(Object.assign(document.createElement("li"), { textContent: text }));
    note.append(title, list);
  }

  function show(root, answers) {
    const { good, weaker } = rank(state.api.methoden, answers, state.weights, state.api.casustypen);
    const template = root.querySelector("template[data-chooser-item]");
    root.querySelector("[data-chooser-results]").replaceChildren(...good.map((e) => item(template, e)));
    const weak = root.querySelector("[data-chooser-weaker]");
    weak.querySelector("ol").replaceChildren(...weaker.map((e) => item(template, e, true)));
    weak.hidden = !weaker.length;
    let text = `${good.length} ${good.length === 1 ? "methode past" : "methoden passen"} goed, ${weaker.length} minder goed.`;
    if (!Object.keys(answers).length) text = `Alle ${good.length} methoden, op alfabet. Beantwoord een vraag om ze te rangschikken.`;
    else if (!good.length) text = `Geen methode past helemaal. Hieronder staan alle ${weaker.length} met de reden.`;
    const count = root.querySelector("[data-chooser-count]");
    if (count.textContent !== text) count.textContent = text; // a live region: speak only real changes
    root.querySelector("[data-chooser-jump-count]").textContent = `(${good.length})`;
    root.querySelector(".ih-chooser__out").removeAttribute("aria-busy");
  }

  function fillForm(form, answers) {
    for (const key of FIELDS) {
      const value = Object.hasOwn(answers, key) ? String(answers[key]) : "";
      for (const input of form.querySelectorAll(`[name="${key}"]`)) {
        if (input.type === "radio") input.checked = input.value === value;
        else input.value = value;
      }
    }
  }

  // The case-type keys are the values of the form's radios, so a link is checked before any fetch.
  const caseKeys = (form) => [...form.querySelectorAll('[name="casus"]')].map((i) => i.value).filter(Boolean);
  const readForm = (form) => parse(new URLSearchParams(new FormData(form)), caseKeys(form));

  function fromForm(root, form) {
    const { answers, notes } = readForm(form);
    showNotes(root, notes);
    show(root, answers);
    history.replaceState(history.state, "", location.pathname + toQuery(answers) + location.hash);
  }

  function start(root, form, [api, weights]) {
    Object.assign(state, { api, weights });
    show(root, readForm(form).answers);
    const opts = { signal: state.abort.signal };
    const update = () => fromForm(root, form);
    form.addEventListener("input", update, opts);
    form.addEventListener("change", update, opts);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      update();
    }, opts);
    root.querySelector("[data-chooser-clear]").addEventListener("click", () => {
      fillForm(form, {});
      update();
    }, opts);
  }

  function teardown() {
    if (state.abort) state.abort.abort();
    Object.assign(state, { root: null, abort: null });
  }

  function setup() {
    const root = document.querySelector("[data-chooser]");
    if (!root) return;
    const abort = new AbortController();
    Object.assign(state, { root, abort });
    const form = root.querySelector("[data-chooser-form]");
    const { answers, notes } = parse(location.search, caseKeys(form));
    fillForm(form, answers);
    showNotes(root, notes);
    const load = (url) => fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    // Fetched once per visit: coming back to the page through instant navigation is immediate.
    state.data = state.data || Promise.all([load(root.dataset.src), load(root.dataset.weights)]);
    state.data.then(
      (data) => state.root === root && !abort.signal.aborted && start(root, form, data),
      () => {
        state.data = null;
        root.querySelector(".ih-chooser__out").removeAttribute("aria-busy");
        root.querySelector("[data-chooser-count]").textContent =
          "De methoden konden niet worden geladen. Gebruik de tabel hieronder of laad de pagina opnieuw.";
      },
    );
  }

  if (window.document$) window.document$.subscribe(() => {
    const root = document.querySelector("[data-chooser]");
    if (root && root === state.root) return; // the same page announced twice: keep what runs
    teardown();
    setup();
  });
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
