/* Method chooser (/kiezen/), the pure part: reading the answers from a link and ranking the
   methods for them. No DOM: chooser/view.js puts it on the page, `node --test tests/js/` calls
   it directly. The weights come from data/chooser.yml (/api/chooser.json); the limits for minutes
   and group size from the page (data-limits, macros/limits.py) through `configure`. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("../lib/widget.js"));
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.chooser = Object.assign(ns.chooser || {}, factory(ns.widget)); }
})(globalThis, function (W) {
  "use strict";

  /* The query-string contract: /kiezen/?casus=&minuten=&groep=&ervaring=&advies= */
  const FIELDS = ["casus", "minuten", "groep", "ervaring", "advies"];
  const NUMBER_FIELDS = ["minuten", "groep"];
  // Maps, not plain objects: a key is only ever one of ours, never something inherited like "constructor".
  const OPTIONS = new Map([["ervaring", ["beginners", "gevorderden"]], ["advies", ["ja", "nee"]]]);

  /** The chooser's sentences; the words of the form and the result items stay in the page. */
  const NL = {
    unusable: (shown, problem) => `„${shown}” ${problem}; dat antwoord telt nu niet mee.`,
    problem: {
      casus: () => "is geen soort casus die de kiezer kent",
      minuten: ([low, high]) => `is geen bruikbaar aantal minuten (een heel getal van ${low} tot ${high})`,
      groep: ([low, high]) => `is geen bruikbare groepsgrootte (een heel getal van ${low} tot ${high})`,
      ervaring: () => "is geen ervaring die de kiezer kent (beginners of gevorderden)",
      advies: () => "is geen antwoord op de vraag naar advies (ja of nee)",
    },
    minutes: (m) => `${m} minuten`,
    span: (low, high) => `${low} tot ${high} minuten`,
    perTopic: (once, round) => `${once} minuten + ${round} per onderwerp`,
    notForCase: (kort) => `is niet bedoeld voor ${kort}`,
    forCase: (kort) => `past bij ${kort}`,
    fits: (have) => `past in ${have} minuten`,
    fitsTopics: (have, topics) => `past in ${have} minuten: genoeg voor ${topics} onderwerp${topics > 1 ? "en" : ""}`,
    fitsWithoutOptional: (have) => `past in ${have} minuten als je de optionele stappen overslaat`,
    tight: (duration, have) => `krap: duurt ${duration}, je hebt er ${have}`,
    tooLong: (duration, have) => `duurt ${duration}, je hebt er ${have}`,
    groupFits: (n) => `geschikt voor ${n} personen`,
    groupMisses: (low, high, n) => `is bedoeld voor ${low} tot ${high} personen, jullie zijn met ${n}`,
    asksExperience: "vraagt ervaring",
    forBeginners: "geschikt voor beginners",
    tooHardForBeginners: "vraagt ervaring, en jullie groep begint net",
    givesAdvice: "de casusinbrenger krijgt adviezen",
    onlyReflection: "alleen reflectie, geen adviezen",
    noAdvice: "geeft geen adviezen, alleen reflectie",
    endsWithAdvice: "eindigt met adviezen aan de casusinbrenger",
    notesTitle: "Niet alles in de link of het formulier was bruikbaar",
    meta: (duration, low, high) => `${duration.replace("minuten", "min")} · ${low}–${high} personen`,
    count: (good, weaker) =>
      `${good} ${good === 1 ? "methode past" : "methoden passen"} goed, ${weaker} minder goed.`,
    unranked: (n) => `Alle ${n} methoden, op alfabet. Beantwoord een vraag om ze te rangschikken.`,
    noneFits: (n) => `Geen methode past helemaal. Hieronder staan alle ${n} met de reden.`,
    failed: "De methoden konden niet worden geladen. Gebruik de tabel hieronder of laad de pagina opnieuw.",
  };

  let configured = null;

  /**
   * Take the limits the build decided (data-limits on the chooser's root).
   * @param {{minuten: [number, number], groep: [number, number]}} given
   */
  function configure(given) {
    configured = { minuten: given.minuten, groep: given.groep };
    return configured;
  }

  function limits() {
    if (!configured) throw new Error("Intervisie.chooser: configure() the limits first");
    return configured;
  }

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
      if (NUMBER_FIELDS.includes(key)) {
        const [min, max] = limits()[key];
        value = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
        if (!(value >= min && value <= max)) value = null;
      } else if (!(OPTIONS.get(key) || caseKeys).includes(raw)) value = null;
      if (value === null) {
        notes.push(NL.unusable(W.clip(raw, 30), NL.problem[key](limits()[key])));
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
    if (perTopic(m)) return NL.perTopic(m.minuten_eenmalig, m.minuten_per_ronde);
    return m.kern_minuten < m.totaal_minuten ? NL.span(m.kern_minuten, m.totaal_minuten) : NL.minutes(m.totaal_minuten);
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
      if (at < 0) miss(w.casus.strafpunten, NL.notForCase(kort));
      else fit(w.casus.punten + (at === 0 ? w.casus.hoofdtype : 0), NL.forCase(kort));
    }
    if (a.minuten) {
      const t = w.minuten;
      const have = a.minuten;
      const over = m.kern_minuten - have;
      if (m.totaal_minuten <= have) {
        const topics = perTopic(m) ? Math.floor((have - m.minuten_eenmalig) / m.minuten_per_ronde) : 0;
        fit(t.punten, perTopic(m) ? NL.fitsTopics(have, topics) : NL.fits(have));
      } else if (over <= 0) fit(t.zonder_optioneel, NL.fitsWithoutOptional(have));
      else if (over <= t.speling) miss(t.strafpunten_krap, NL.tight(duration(m), have));
      else miss(t.strafpunten, NL.tooLong(duration(m), have));
    }
    if (a.groep) {
      const g = m.groepsgrootte;
      if (a.groep >= g.min && a.groep <= g.max) fit(w.groep.punten, NL.groupFits(a.groep));
      else miss(w.groep.strafpunten, NL.groupMisses(g.min, g.max, a.groep));
    }
    if (a.ervaring === "gevorderden" && m.niveau === "gevorderden") fit(w.ervaring.punten, NL.asksExperience);
    if (a.ervaring === "beginners") {
      if (m.niveau === "beginners") fit(w.ervaring.punten, NL.forBeginners);
      else miss(w.ervaring.strafpunten, NL.tooHardForBeginners);
    }
    if (a.advies) {
      const wants = a.advies === "ja";
      if (m.advies === wants) fit(w.advies.punten, wants ? NL.givesAdvice : NL.onlyReflection);
      else miss(w.advies.strafpunten, wants ? NL.noAdvice : NL.endsWithAdvice);
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

  return { FIELDS, NL, configure, parse, toQuery, rank, duration };
});
