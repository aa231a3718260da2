// The chooser's ranking (docs/assets/javascripts/chooser/rank.js) outside the browser, with small
// made-up methods and weights, so that tuning data/chooser.yml never breaks these tests.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../docs/assets/javascripts/chooser/rank.js");

C.configure({ minuten: [5, 600], groep: [2, 30] });

const WEIGHTS = {
  casus: { punten: 10, hoofdtype: 4, strafpunten: 10 },
  minuten: { punten: 4, zonder_optioneel: 2, strafpunten: 10, speling: 5, strafpunten_krap: 2 },
  groep: { punten: 3, strafpunten: 10 },
  ervaring: { punten: 2, strafpunten: 4 },
  advies: { punten: 3, strafpunten: 4 },
  minder_goed_vanaf: 5,
};

/** A method as /api/methods.json exports it; with perTopic every step after the first repeats. */
function method(slug, casustypen, steps, { optional = [], perTopic = false, groep = [4, 8], niveau = "beginners", advies = true } = {}) {
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  return {
    slug, titel: slug[0].toUpperCase() + slug.slice(1), casustypen, advies, niveau,
    stappen: steps.map((m, i) => ({ naam: `stap ${i}`, minuten: m, optioneel: optional.includes(i), per_ronde: perTopic && i > 0 })),
    totaal_minuten: sum(steps),
    kern_minuten: sum(steps.filter((_, i) => !optional.includes(i))),
    minuten_eenmalig: perTopic ? steps[0] : sum(steps),
    minuten_per_ronde: perTopic ? sum(steps.slice(1)) : 0,
    groepsgrootte: { min: groep[0], max: groep[1] },
    tijd: { per_onderwerp: perTopic },
  };
}

const METHODS = [
  method("zesstappen", ["incident", "complex"], [10, 20, 30]),
  method("analyse", ["complex", "incident"], [30, 30, 15], { optional: [2], niveau: "gevorderden" }),
  method("ronde", ["snel-advies"], [5, 15], { perTopic: true, groep: [4, 16] }),
  method("spiegel", ["waarden"], [20, 40], { advies: false }),
];
const slugs = (entries) => entries.map((e) => e.slug);
const rank = (answers, methods = METHODS, weights = WEIGHTS) => C.rank(methods, answers, weights, {});

test("without answers every method is good, in alphabetical order, without reasons", () => {
  const r = rank({});
  assert.deepEqual(slugs(r.good), ["analyse", "ronde", "spiegel", "zesstappen"]);
  assert.deepEqual(r.weaker, []);
  assert.ok(r.good.every((e) => !e.fits.length && !e.misses.length));
});

test("a method made first for the case type ranks above one that lists it second; others are weaker", () => {
  const r = rank({ casus: "incident" });
  assert.deepEqual(slugs(r.good), ["zesstappen", "analyse"]);
  assert.deepEqual(new Set(slugs(r.weaker)), new Set(["ronde", "spiegel"]));
});

test("on a tie a specialist ranks before an all-rounder, only when a case type is asked", () => {
  const methods = [method("breed", ["incident", "complex", "patroon"], [60]), method("smal", ["incident"], [60])];
  assert.deepEqual(slugs(rank({ casus: "incident" }, methods).good), ["smal", "breed"]);
  assert.deepEqual(slugs(rank({}, methods).good), ["breed", "smal"]);
});

// The plan's fit decides (lib/plan.js): a method that can be shortened to the time within its floors
// (half a step, see Verantwoording) fits, a little lower than one that fits as it is.
test("time: fits, fits shortened (also by dropping optional steps), tight, too long", () => {
  const r = rank({ minuten: 60 });
  const good = new Map(r.good.map((e) => [e.slug, e]));
  assert.equal(good.get("zesstappen").score, WEIGHTS.minuten.punten);
  assert.equal(good.get("analyse").score, WEIGHTS.minuten.zonder_optioneel, "75 min, 60 without its optional step");
  const shortened = rank({ minuten: 56 }).good.find((e) => e.slug === "zesstappen");
  assert.equal(shortened.penalty, 0, "60 minutes shortened to 56 fits");
  assert.equal(shortened.score, WEIGHTS.minuten.zonder_optioneel);
  assert.deepEqual(shortened.fits, ["past, ingekort tot 56 min (normaal 60 min)"]);
  const tight = rank({ minuten: 27 });
  assert.equal(tight.good.find((e) => e.slug === "zesstappen").penalty, WEIGHTS.minuten.strafpunten_krap,
    "at least 30 minutes shortened, 3 over: tight");
  assert.equal(slugs(rank({ minuten: 5 }).good).length, 0, "nothing fits in 5 minutes, even shortened");
  const ten = rank({ minuten: 10 });
  assert.deepEqual(slugs(ten.good), ["ronde"], "11 minutes at the shortest: tight, not too long");
  assert.ok(ten.good[0].misses[0].startsWith("krap"));
});

test("a per-topic method counts the topics that fit after its one-off minutes", () => {
  const topics = (minuten) => rank({ minuten }).good.find((e) => e.slug === "ronde").fits[0].match(/\d+/g).map(Number);
  assert.deepEqual(topics(20), [20, 1]);
  assert.deepEqual(topics(50), [50, 3]);
  // 60 minutes: four topics shortened a little is nearer than three at full length (plan.js roundsFor).
  assert.deepEqual(topics(60), [60, 4]);
  const capped = rank({ minuten: 60, groep: 3 });
  assert.ok(capped.weaker.concat(capped.good).find((e) => e.slug === "ronde").fit.rounds <= 3, "one topic per person at most");
});

test("group size outside a method's range makes it weaker, inside adds points", () => {
  const r = rank({ groep: 12 });
  assert.deepEqual(slugs(r.good), ["ronde"]);
  assert.equal(r.weaker.length, 3);
});

test("one small mismatch stays good, two go to weaker; the threshold comes from the weights", () => {
  assert.ok(slugs(rank({ ervaring: "beginners" }).good).includes("analyse"));
  assert.deepEqual(slugs(rank({ ervaring: "beginners", advies: "nee" }).weaker), ["analyse"]);
  const strict = { ...WEIGHTS, minder_goed_vanaf: 3 };
  assert.ok(slugs(rank({ ervaring: "beginners" }, METHODS, strict).weaker).includes("analyse"));
});

test("the link's answers are read within the page's limits, bad ones dropped with a note each", () => {
  const cases = ["incident", "waarden"];
  assert.deepEqual(C.parse("?casus=incident&minuten=45&groep=6&ervaring=beginners&advies=nee", cases).answers,
    { casus: "incident", minuten: 45, groep: 6, ervaring: "beginners", advies: "nee" });
  for (const query of ["?minuten=4", "?minuten=601", "?groep=1", "?groep=31", "?casus=constructor", "?advies=misschien"]) {
    const parsed = C.parse(query, cases);
    assert.deepEqual(parsed.answers, {}, query);
    assert.equal(parsed.notes.length, 1, query);
  }
  assert.deepEqual(C.parse("?minuten=&groep=", cases), { answers: {}, notes: [] }, "empty means unanswered");
});

test("answers become a query in the documented order", () => {
  assert.equal(C.toQuery({ advies: "nee", casus: "waarden", minuten: 45 }), "?casus=waarden&minuten=45&advies=nee");
  assert.equal(C.toQuery({}), "");
});

// What the reader reads: every reason is a Dutch sentence built from the method's own figures.
const CASES = { incident: { kort: "incidenten" } };
const reasons = (answers) => {
  const r = C.rank(METHODS, answers, WEIGHTS, CASES);
  const by = (list, field) => Object.fromEntries(list.map((e) => [e.slug, e[field]]));
  return { good: slugs(r.good), weaker: slugs(r.weaker), fits: by(r.good.concat(r.weaker), "fits"), misses: by(r.good.concat(r.weaker), "misses") };
};

test("reasons: the case type is named in what fits and in what does not", () => {
  const r = reasons({ casus: "incident" });
  assert.deepEqual(r.fits.zesstappen, ["past bij incidenten"]);
  assert.deepEqual(r.misses.ronde, ["is niet bedoeld voor incidenten"]);
  assert.deepEqual(r.misses.spiegel, ["is niet bedoeld voor incidenten"]);
});

test("reasons: the minutes, with optional steps, shortening, tight time and the one-off minutes of rounds", () => {
  const five = reasons({ minuten: 5 });
  assert.deepEqual(five.good, []);
  assert.deepEqual(five.misses.zesstappen, ["duurt 60 minuten, je hebt er 5"]);
  assert.deepEqual(five.misses.analyse, ["duurt 60 tot 75 minuten, je hebt er 5"]);
  assert.deepEqual(five.misses.ronde, ["duurt 5 minuten + 15 per onderwerp, je hebt er 5"]);
  const sixty = reasons({ minuten: 60 });
  assert.deepEqual(sixty.fits.analyse, ["past in 60 minuten als je de optionele stappen overslaat"]);
  assert.deepEqual(sixty.fits.zesstappen, ["past in 60 minuten"]);
  assert.deepEqual(sixty.fits.ronde, ["past, ingekort tot 60 min: 4 onderwerpen"]);
  assert.deepEqual(reasons({ minuten: 27 }).misses.zesstappen, ["krap: duurt ook ingekort minstens 30 minuten, je hebt er 27"]);
  assert.deepEqual(reasons({ minuten: 20 }).fits.ronde, ["past in 20 minuten: genoeg voor 1 onderwerp"]);
  assert.deepEqual(reasons({ minuten: 50 }).fits.ronde, ["past in 50 minuten: genoeg voor 3 onderwerpen"]);
});

test("reasons: group size and experience; one mismatch sorts a method last among the good ones", () => {
  const forty = reasons({ groep: 40 });
  assert.deepEqual(forty.good, []);
  assert.deepEqual(forty.misses.ronde, ["is bedoeld voor 4 tot 16 personen, jullie zijn met 40"]);
  assert.deepEqual(forty.misses.spiegel, ["is bedoeld voor 4 tot 8 personen, jullie zijn met 40"]);
  const beginners = reasons({ ervaring: "beginners" });
  assert.deepEqual(beginners.misses.analyse, ["vraagt ervaring, en jullie groep begint net"]);
  assert.equal(beginners.good.at(-1), "analyse");
  assert.equal(reasons({ ervaring: "beginners", advies: "nee" }).good[0], "spiegel");
});

test("a link with several bad answers keeps the good ones and gets one note per bad one, naming it", () => {
  const parsed = C.parse("?casus=onbekend&minuten=abc&groep=-3&ervaring=beginners&advies=ja", ["incident", "waarden"]);
  assert.deepEqual(parsed.answers, { ervaring: "beginners", advies: "ja" });
  assert.equal(parsed.notes.length, 3);
  assert.ok(parsed.notes.some((n) => n.includes("„abc”") && n.includes("minuten")), parsed.notes.join(" | "));
});

test("two people and three hours: the timer link and its plan never count more than two topics", () => {
  const P = require("../../docs/assets/javascripts/lib/plan.js");
  const answers = { minuten: 180, groep: 2 };
  const r = rank(answers);
  const entry = r.good.concat(r.weaker).find((e) => e.slug === "ronde");
  const query = C.timerQuery(entry, answers);
  const request = P.decode(query).request;
  assert.ok(!request.rondes || request.rondes <= 2, query);
  // The timer's plan of that link, and the same link asking twelve topics: two at most, and said.
  for (const asked of [request, Object.assign({}, request, { rondes: 12, minuten: 180 })]) {
    const built = P.build(asked, { methods: { methoden: METHODS }, agenda: {} });
    assert.ok(built.rounds <= 2, JSON.stringify(asked));
    for (const note of built.notes) assert.ok(!/passen ([3-9]|1\d) onderwerpen/.test(note), note);
  }
});
