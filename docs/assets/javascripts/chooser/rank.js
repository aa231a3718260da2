/* Method chooser (/kiezen/), the pure part: reading the answers from a link and ranking the
   methods for them. No DOM: chooser/view.js puts it on the page, `node --test tests/js/` calls
   it directly. The weights come from data/chooser.yml (/api/chooser.json); the limits for minutes
   and group size from the page (data-limits, macros/limits.py) through `configure`. Whether a
   method fits the time is lib/plan.js's fitsIn: the same fit, floors and rounds as the timer. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("../lib/widget.js"), require("../lib/plan.js"));
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.chooser = Object.assign(ns.chooser || {}, factory(ns.widget, ns.plan)); }
})(globalThis, function (W, P) {
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
    alsoForCase: (kort) => `past ook bij ${kort}, al is de methode vooral voor iets anders`,
    shortened: (have, own) => `past, ingekort tot ${have} min (normaal ${own} min)`,
    shortenedTopics: (have, topics) => `past, ingekort tot ${have} min: ${topics} onderwerp${topics > 1 ? "en" : ""}`,
    lengthened: (have, own) => `past, verlengd tot ${have} min (normaal ${own} min)`,
    lengthenedTopics: (have, topics) => `past in ${have} minuten: ${topics} onderwerp${topics > 1 ? "en" : ""}, iets ruimer`,
    shorter: (own, have) => `duurt ${own} minuten, korter dan de ${have} die je hebt`,
    tightShortened: (least, have) => `krap: duurt ook ingekort minstens ${least} minuten, je hebt er ${have}`,
    fits: (have) => `past in ${have} minuten`,
    fitsTopics: (have, topics) => `past in ${have} minuten: genoeg voor ${topics} onderwerp${topics > 1 ? "en" : ""}`,
    fitsWithoutOptional: (have) => `past in ${have} minuten als je de optionele stappen overslaat`,
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
    shared: (reasons) => `Voor alle methoden hieronder geldt: ${reasons.join(", ")}.`,
    notesTitle: "Niet alles in de link of het formulier was bruikbaar",
    addToEvening: (title) => `Voeg toe aan de avond: ${title}`,
    recent: "vorige keer gebruikt",
    meta: (duration, low, high) => `${duration.replace("minuten", "min")} · ${low}–${high} personen`,
    count: (good, weaker) =>
      `${good} ${good === 1 ? "methode past" : "methoden passen"} goed, ${weaker} minder goed.`,
    unranked: (n) => `Alle ${n} methoden, in alfabetische volgorde. Beantwoord een vraag om ze te rangschikken.`,
    noneFits: (n) => `Geen methode past helemaal. Hieronder staan alle ${n} met de reden.`,
    failed: "De methoden konden niet worden geladen. Gebruik de tabel hieronder of laad de pagina opnieuw.",
  };

  let configured = null;

  /**
   * Take the limits the build decided (data-limits on the chooser's root).
   * @param {{minuten: [number, number], groep: [number, number]}} given
   */
  function configure(given) {
    P.configure({ groep: given.groep, rondes: given.rondes || P.LIMITS.rounds });
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

  /**
   * The time criterion, with the plan's own fit: a method that can be shortened or lengthened
   * within its floors and ceilings fits (shortened scores a little less than as it is); one that
   * cannot is "krap" when even its shortest is at most `speling` over, else too long. The fit is
   * kept on the entry, so that the timer link carries the same minutes and rounds.
   */
  function timeReason(m, a, t, fit, miss, e) {
    const have = a.minuten;
    const result = P.fitsIn(m, have, { groep: a.groep });
    const topics = perTopic(m) ? result.rounds : null;
    e.fit = result;
    if (!result.fits) {
      if (result.minutes - have <= t.speling) miss(t.strafpunten_krap, NL.tightShortened(result.minutes, have));
      else miss(t.strafpunten, NL.tooLong(duration(m), have));
      return;
    }
    const own = P.total(P.compose([m.slug], { methods: { methoden: [m] }, agenda: {} }, { rondes: result.rounds || 1 }));
    if (result.how === "ingekort") {
      if (!topics && m.kern_minuten === have) fit(t.zonder_optioneel, NL.fitsWithoutOptional(have));
      else fit(t.zonder_optioneel, topics ? NL.shortenedTopics(have, topics) : NL.shortened(have, own));
    } else if (result.how === "verlengd") fit(t.punten, topics ? NL.lengthenedTopics(have, topics) : NL.lengthened(have, own));
    else if (result.minutes === have) fit(t.punten, topics ? NL.fitsTopics(have, topics) : NL.fits(have));
    else fit(t.punten, NL.shorter(result.minutes, have));
  }

  /**
   * Alphabetical by title. /api/methods-index.json gives each method its place (`volgorde`), so the
   * browser's collator, slow to load on a phone, is only the fallback for data without it.
   */
  function byTitle(a, b) {
    if (Number.isInteger(a.volgorde) && Number.isInteger(b.volgorde)) return a.volgorde - b.volgorde;
    return a.titel.localeCompare(b.titel, "nl");
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
      else fit(w.casus.punten + (at === 0 ? w.casus.hoofdtype : 0), at === 0 ? NL.forCase(kort) : NL.alsoForCase(kort));
    }
    if (a.minuten) timeReason(m, a, w.minuten, fit, miss, e);
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
   * A method and its handbook variant (slug "<slug>-handboek") are one choice: the better ranked
   * of the two keeps its place and carries the other as `variant`; the other leaves the list.
   * @param {object[]} entries ranked, best first
   * @returns {object[]}
   */
  function pairVariants(entries) {
    const bySlug = new Map(entries.map((e) => [e.slug, e]));
    const partner = (e) => (e.slug.endsWith("-handboek") ? bySlug.get(e.slug.slice(0, -"-handboek".length))
      : bySlug.get(`${e.slug}-handboek`));
    const taken = new Set();
    const out = [];
    for (const e of entries) {
      if (taken.has(e)) continue;
      const other = partner(e);
      if (other && !taken.has(other)) {
        taken.add(other);
        e.variant = other;
      }
      out.push(e);
    }
    return out;
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
   * @returns {{good: Object[], weaker: Object[]}} entries {slug, titel, method, score, penalty, fits, misses,
   *   fit (plan.fitsIn's answer when minutes were given), variant (the paired entry, if any)}
   */
  function rank(methods, answers, weights, caseTypes = {}) {
    const entries = methods.map((m) => score(m, answers || {}, weights, caseTypes));
    entries.sort((x, y) => y.score - x.score || x.breadth - y.breadth || byTitle(x.method, y.method));
    const weak = (e) => e.penalty >= weights.minder_goed_vanaf;
    const kept = pairVariants(entries);
    return { good: kept.filter((e) => !weak(e)), weaker: kept.filter(weak) };
  }

  /**
   * The timer link for an entry: the method with the answers it was chosen with (minutes it fits
   * in, group size, rounds for a method with rounds), in plan.encode's stable order.
   * @param {object} entry from rank()
   * @param {Object<string, string|number>} answers
   * @returns {string} e.g. "?methode=incidentenmethode&minuten=60&groep=6"
   */
  function timerQuery(entry, answers) {
    const fitted = entry.fit && entry.fit.fits ? entry.fit : null;
    return P.encode({
      methode: entry.slug,
      minuten: fitted ? fitted.minutes : answers.minuten,
      groep: answers.groep,
      rondes: perTopic(entry.method) && fitted ? fitted.rounds : null,
    });
  }

  return { FIELDS, NL, configure, parse, toQuery, rank, duration, timerQuery };
});
