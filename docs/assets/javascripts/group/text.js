/* The sentences /groep/'s script writes, in one place (the fixed words are in the page's template). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.group = Object.assign(ns.group || {}, factory()); }
})(globalThis, function () {
  "use strict";

  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
  const DAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
  const list = (names) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`);

  /** "donderdag 4 maart 2027" from "2027-03-04". */
  function longDate(day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day || "")) return "datum nog open";
    const d = new Date(`${day}T12:00:00Z`);
    return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }

  const NL = {
    longDate,
    list,
    full: "De opslag van je browser is vol: de laatste wijziging is niet bewaard. Er is niets gewist. Download het groepsbestand, dan raak je niets kwijt.",
    refused: "Deze browser staat bewaren niet toe. Download het groepsbestand om je werk te bewaren.",
    otherTab: "Een ander tabblad heeft de groep bijgewerkt; je ziet nu de nieuwste stand.",
    exampleLoaded: "De voorbeeldgroep staat klaar. Kijk rond en verander gerust iets.",
    exampleRemoved: "Het voorbeeld is verwijderd.",
    created: (name) => `De groep „${name}” is aangemaakt. Voeg de leden toe en zet de data vast.`,
    erased: "De groep is uit deze browser verwijderd.",
    remove: (name) => `Verwijder ${name}`,
    noMembers: "Nog geen leden.",
    noCaseYet: (names) => (names.length ? `Nog geen casus ingebracht: ${list(names)}.` : "Iedereen heeft al een casus ingebracht."),
    proposal: (name) => (name ? `Voorstel: ${name}` : "Niemand beschikbaar"),
    nobody: "niemand",
    summary: (date, start, end, roles) => [`${date}, ${start}–${end}`, roles].filter(Boolean).join(" · "),
    cancelled: "gaat niet door",
    roles: (pb, cb, nt) => `procesbegeleider ${pb}, casus ${cb}, notulist ${nt}`,
    datesPlanned: (n) => (n ? `${n} ${n === 1 ? "bijeenkomst" : "bijeenkomsten"} toegevoegd.` : "Alle data van dit ritme stonden er al."),
    noDates: "Vul een eerste mogelijke datum in.",
    lookBackIntro: (date) => `Van de bijeenkomst van ${date}.`,
    noOpenActions: "Geen open acties.",
    noCases: "Geen casussen genoteerd.",
    actionDone: "klaar",
    actionBy: (who, when) => [who, when ? "vóór " + longDate(when) : ""].filter(Boolean).join(", "),
    caseOf: (title, who) => (who ? `${title} (${who})` : title),
    next: (date) => `Volgende bijeenkomst: ${date}.`,
    noNext: "Er staat geen volgende bijeenkomst gepland.",
    noMeeting: "Nog geen bijeenkomsten",
    startRecord: "Begin het verslag van deze bijeenkomst",
    present: "Aanwezig",
    start: "Begonnen om",
    end: "Geëindigd om",
    methods: "Gebruikte methode",
    secondMethod: "Tweede methode",
    cases: "Casussen (alleen een korte titel)",
    caseTitle: "Titel",
    caseBy: "Ingebracht door",
    addCase: "Casus toevoegen",
    agreements: "Afspraken",
    actions: "Acties",
    action: "Actie",
    who: "Wie",
    when: "Vóór",
    done: "Klaar",
    addAction: "Actie toevoegen",
    removeItem: "Verwijder",
    evalSaved: (n) => `Evaluatie bewaard (${n} ${n === 1 ? "niveau" : "niveaus"}).`,
    evalEmpty: "Kies eerst een score of vul een vraag in.",
    chartLabel: (rows) => `Lijngrafiek van de gemiddelde scores, ${rows} ${rows === 1 ? "bijeenkomst" : "bijeenkomsten"}; de tabel eronder heeft dezelfde cijfers.`,
    noScore: "–",
    cycleOption: "Einde van de cyclus (terugkijken op het geheel)",
    cycleRow: "Einde van de cyclus",
    planDone: "Gedaan",
    planFeedback: (d) => `feedback vragen op ${longDate(d)}`,
    planBy: (d) => `klaar op ${longDate(d)}`,
    chooseMe: "Kies wie je bent",
    shareWho: "Kies eerst wie je bent, dan kan je actieplan onder je naam mee.",
    sharedMine: " (jij)",
    sharedEmpty: "Dit plan is leeg.",
    exported: (name) => `Het groepsbestand is gedownload (${name}).`,
    exportedLocked: (name) => `Het vergrendelde groepsbestand is gedownload (${name}). Zonder de wachtwoordzin opent niemand het.`,
    locking: "Bezig met vergrendelen…",
    unlocking: "Bezig met openen…",
    noSchema: "De beschrijving van het groepsbestand kon niet worden geladen. Probeer het opnieuw als je weer online bent.",
    otherGroup: (name) => `Dit bestand is van een andere groep („${name}”). Er is niets ingelezen. Wil je die groep hier hebben, download dan eerst je eigen groep en verwijder hem uit deze browser.`,
    importSummary: (n, u, c) => {
      const choose = c ? `, ${c} ${c === 1 ? "verschil" : "verschillen"} om te kiezen` : "";
      return `In het bestand: ${n} nieuw, ${u} bijgewerkt${choose}.`;
    },
    importNew: "Er staat nog geen groep in deze browser: het bestand wordt je groep.",
    imported: "Het groepsbestand is ingelezen en samengevoegd.",
    importCancelled: "Er is niets ingelezen.",
    here: "Zoals het hier staat",
    there: "Zoals het in het bestand staat",
    kinds: { groep: "De groep", leden: "Lid", bijeenkomsten: "Bijeenkomst", casussen: "Casus", acties: "Actie", evaluaties: "Evaluatie" },
    yes: "ja",
    no: "nee",
    paperTitle: "Presentielijst en verslag",
    paperMeta: (date, planned, actual, minutes) => {
      const length = minutes !== null ? ` (${minutes} minuten)` : "";
      return `${date} · gepland ${planned} · gehouden ${actual}${length}`;
    },
    paperPlace: (p) => `Plaats: ${p}`,
    paperMethod: (m) => `Methode: ${m || "niet genoteerd"}`,
    paperCols: ["Naam", "Rol", "Aanwezig", "Handtekening"],
    paperAway: "afgemeld",
    paperAbsent: "afwezig",
    paperPresent: "aanwezig",
    roleNames: { procesbegeleider: "procesbegeleider", casusinbrengers: "casusinbrenger", notulist: "notulist" },
    paperCases: "Casussen",
    paperAgreements: "Afspraken",
    paperActions: "Acties",
    paperNone: "Geen.",
    paperContract: "Verwachtingen en groepscontract",
    paperAgreed: "Afgesproken",
    paperAgreedIntro: "Met onze handtekening spreken we dit samen af voor deze cyclus.",
    paperSignCols: ["Naam", "Handtekening", "Datum"],
    eraseAsk: "Zeker weten? Klik op de knop ernaast om de groep te verwijderen.",
  };

  return { NL };
});
