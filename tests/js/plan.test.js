// Session-plan logic (docs/assets/javascripts/lib/plan.js), outside the browser: node --test tests/js/
// Assertions are on structure and minutes, never on a step's wording, so rewording data does not break them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const plan = require("../../docs/assets/javascripts/lib/plan.js");
const DATA = require("./fixtures/plan-data.json");

const { compose, fit, fitsIn, clock, encode, decode, build, total } = plan;
const method = (slug) => DATA.methods.methoden.find((m) => m.slug === slug);
const keysOf = (p) => p.blocks.map((b) => b.key);
const minutesOf = (p) => p.blocks.flatMap((b) => b.steps.map((s) => s.minutes));
const stepsOf = (p) => p.blocks.flatMap((b) => b.steps);

/** A small made-up data set, for rules that are clearer without the real methods. */
function synthetic(stappen, extra = {}) {
  return {
    methods: { methoden: [Object.assign({ slug: "proef", titel: "Proefmethode", advies: true, tijd: {}, stappen }, extra)] },
    agenda: DATA.agenda,
  };
}
const step = (minuten, more = {}) => Object.assign({ naam: `Stap ${minuten}`, minuten, wat: "", wie: "" }, more);

/* ------------------------------------------------------------------ compose */

test("example agenda with the Roddelmethode has no case intro, no clarifying questions and no advice part", () => {
  const p = compose(["voorbeeld"], DATA, { methode: "roddelmethode" });
  assert.deepEqual(keysOf(p), ["opening", "roddelmethode", "afronding"]);
  for (const key of ["casus-inbrengen", "verhelderende-vragen", "reflectie", "adviezen"]) assert.ok(!keysOf(p).includes(key));
  assert.equal(p.notes.filter((n) => n.includes("Adviezen en feedback")).length, 1, "the advice part is explained once");
  assert.equal(p.notes.filter((n) => n.includes("Casus inbrengen")).length, 1, "covered parts are explained in one note");
});

test("example agenda without a method is the handbook's agenda as it is", () => {
  const p = compose(["voorbeeld"], DATA);
  assert.deepEqual(keysOf(p), DATA.agenda.onderdelen.map((o) => o.sleutel));
  assert.equal(total(p), DATA.agenda.totaal_minuten);
  assert.deepEqual(p.notes, []);
});

test("a method's steps come in order with their minutes, kind and roles", () => {
  const p = compose(["vijfstappenmethode"], DATA);
  const m = method("vijfstappenmethode");
  assert.equal(p.blocks.length, 1);
  assert.equal(p.blocks[0].kind, "method");
  assert.equal(p.blocks[0].title, m.titel);
  assert.deepEqual(minutesOf(p), m.stappen.map((s) => s.minuten));
  assert.deepEqual(stepsOf(p).map((s) => s.who), m.stappen.map((s) => s.wie));
});

test("a data field on an agenda item overrides the default rule of what a method covers", () => {
  const data = structuredClone(DATA);
  data.agenda.onderdelen.find((o) => o.sleutel === "verhelderende-vragen").binnen_methode = false;
  const p = compose(["opening", "verhelderende-vragen", "vijfstappenmethode"], data);
  assert.deepEqual(keysOf(p), ["opening", "verhelderende-vragen", "vijfstappenmethode"]);
});

test("an advice part stays next to a method that advises once the data no longer counts it as covered", () => {
  const data = structuredClone(DATA);
  data.agenda.onderdelen.find((o) => o.sleutel === "adviezen").binnen_methode = false;
  assert.ok(keysOf(compose(["vijfstappenmethode", "adviezen"], data)).includes("adviezen"));
  const silent = compose(["roddelmethode", "adviezen"], data);
  assert.deepEqual(keysOf(silent), ["roddelmethode"]);
  assert.equal(silent.notes.length, 1);
});

test("unknown keys, prototype names and garbage are skipped with a note, never a crash", () => {
  const p = compose(["opening", "constructor", "__proto__", "toString", "hasOwnProperty", "<b>", 42, null, "pauze"], DATA,
    { methode: "constructor" });
  assert.deepEqual(keysOf(p), ["opening", "pauze"]);
  assert.equal(p.notes.length, 7);
  const example = compose(["voorbeeld"], DATA, { methode: "__proto__" });
  assert.ok(keysOf(example).includes("reflectie"), "an unknown method leaves the example agenda's own slot");
  assert.equal(example.notes.length, 1);
  assert.doesNotThrow(() => compose(["opening"], null));
  assert.deepEqual(compose(undefined, DATA).blocks, []);
});

test("item minutes: key:minutes sets a frame part, out-of-range minutes keep the usual time with a note", () => {
  const p = compose(["opening:7", "pauze:0", "evaluatie:601", "afsluiting:600"], DATA);
  assert.deepEqual(minutesOf(p), [7, 10, 10, 600]);
  assert.equal(p.notes.length, 2);
});

test("a method with its own minutes is fitted inside the plan", () => {
  const p = compose(["opening", "vijfstappenmethode:50", "pauze"], DATA);
  assert.equal(total(p.blocks[1]), 50);
  assert.equal(total(p), 70);
  const impossible = compose(["vijfstappenmethode:10"], DATA);
  assert.equal(total(impossible), 60, "a length below the floors leaves the method as it is");
  assert.equal(impossible.notes.length, 1);
});

test("at most 20 blocks and 2 methods, the rest noted", () => {
  const many = compose(Array(25).fill("pauze"), DATA);
  assert.equal(many.blocks.length, 20);
  assert.equal(many.notes.length, 1);
  const methods = compose(["vijfstappenmethode", "roddelmethode", "incidentenmethode", "basismodel"], DATA);
  assert.deepEqual(keysOf(methods), ["vijfstappenmethode", "roddelmethode"]);
  assert.equal(methods.notes.length, 1);
});

/* ------------------------------------------------------------------ rounds */

test("Snelle adviesronde with 3 topics shows rounds 1 to 3 and lasts 5 + 3 x 15 minutes", () => {
  const p = compose(["snelle-adviesronde"], DATA, { rondes: 3 });
  const s = stepsOf(p);
  assert.equal(total(p), 5 + 3 * 15);
  assert.equal(s[0].round, null, "collecting the topics happens once");
  assert.deepEqual([...new Set(s.filter((x) => x.round !== null).map((x) => x.round))], [1, 2, 3]);
  assert.ok(s.filter((x) => x.round !== null).every((x) => x.rounds === 3));
  assert.equal(p.blocks[0].rounds, 3);
  for (const k of [1, 2, 3]) assert.equal(total({ steps: s.filter((x) => x.round === k) }), 15);
});

test("steps after the repeating part run once, at the end", () => {
  const data = synthetic([step(5), step(4, { per_ronde: true }), step(6, { per_ronde: true }), step(10)]);
  const p = compose(["proef"], data, { rondes: 2 });
  assert.deepEqual(minutesOf(p), [5, 4, 6, 4, 6, 10]);
  assert.deepEqual(stepsOf(p).map((x) => x.round), [null, 1, 1, 2, 2, null]);
});

test("rounds clamp to 1-12 with a note; a method without rounds ignores them and says so", () => {
  const high = compose(["snelle-adviesronde"], DATA, { rondes: 40 });
  assert.equal(high.blocks[0].rounds, 12);
  assert.equal(high.notes.length, 1);
  assert.equal(compose(["snelle-adviesronde"], DATA, { rondes: 0 }).blocks[0].rounds, 1);
  assert.equal(compose(["snelle-adviesronde"], DATA, { rondes: "drie" }).blocks[0].rounds, 1);
  const none = compose(["roddelmethode"], DATA, { rondes: 3 });
  assert.equal(total(none), 60);
  assert.equal(none.notes.length, 1);
  assert.deepEqual(compose(["roddelmethode"], DATA, { rondes: 1 }).notes, [], "one round is no request");
});

/* ------------------------------------------------------------------ fit */

test("opening, Snelle adviesronde for 3 topics, pause and evaluation fit exactly 90 minutes", () => {
  const p = compose(["opening", "snelle-adviesronde", "pauze", "evaluatie"], DATA, { rondes: 3 });
  const r = fit(p, 90);
  assert.ok(r.ok);
  assert.equal(r.total, 90);
  assert.equal(total(r.plan), 90);
  assert.equal(r.plan.blocks[2].steps[0].minutes, 10, "the pause stays 10 minutes");
  assert.ok(r.plan.blocks[0].steps[0].minutes <= 10, "the opening stays within 5-10");
  assert.ok(r.changes.length > 0);
});

test("fit keeps a pause at 10 minutes when shortening and lengthening", () => {
  const p = compose(["opening", "vijfstappenmethode", "pauze", "evaluatie"], DATA);
  for (const target of [55, 70, 120]) {
    const r = fit(p, target);
    assert.ok(r.ok, `fits ${target}`);
    assert.equal(r.plan.blocks[2].steps[0].minutes, 10);
    assert.equal(total(r.plan), target);
  }
});

test("fit keeps frame parts within the range the source gives", () => {
  const p = compose(["voorbeeld"], DATA);
  for (const target of [70, 85, 100, 105]) {
    const r = fit(p, target);
    assert.ok(r.ok, `fits ${target}`);
    r.plan.blocks.forEach((b, i) => {
      const item = DATA.agenda.onderdelen[i];
      assert.ok(b.steps[0].minutes >= item.van && b.steps[0].minutes <= item.tot, `${item.sleutel} at ${target}`);
    });
  }
  const r = fit(p, 60);
  assert.equal(r.ok, false);
  assert.equal(r.min, DATA.agenda.onderdelen.reduce((a, o) => a + o.van, 0));
  assert.equal(r.max, DATA.agenda.onderdelen.reduce((a, o) => a + o.tot, 0));
});

test("fixed steps keep their minutes", () => {
  const data = synthetic([step(10, { vast: true }), step(20), step(30)]);
  const r = fit(compose(["proef"], data), 40);
  assert.ok(r.ok);
  assert.equal(r.plan.blocks[0].steps[0].minutes, 10);
  assert.equal(total(r.plan), 40);
});

test("an optional step goes first when shortening, with a note", () => {
  const p = compose(["basismodel"], DATA);
  const optional = stepsOf(p).find((s) => s.optional);
  const r = fit(p, total(p) - optional.minutes);
  assert.ok(r.ok);
  assert.ok(!stepsOf(r.plan).some((s) => s.optional), "the optional step is gone");
  assert.deepEqual(minutesOf(r.plan), stepsOf(p).filter((s) => !s.optional).map((s) => s.minutes), "the others keep their time");
  assert.equal(r.changes.length, 1);
  assert.ok(r.changes[0].includes(optional.name));
  const longer = fit(p, total(p) + 10);
  assert.ok(stepsOf(longer.plan).some((s) => s.optional), "lengthening keeps optional steps");
});

test("shortening never goes below a step's floor: half by default, or the data's min_minuten", () => {
  const p = compose(["roddelmethode"], DATA);
  const r = fit(p, 32);
  assert.ok(r.ok);
  stepsOf(r.plan).forEach((s, i) => assert.ok(s.minutes >= Math.ceil(stepsOf(p)[i].minutes / 2)));
  assert.equal(fit(p, 31).ok, false);
  const data = synthetic([step(10, { min_minuten: 9 }), step(10)]);
  const floored = fit(compose(["proef"], data), 15);
  assert.deepEqual(minutesOf(floored.plan), [9, 6]);
});

test("lengthening stops at a step's ceiling: twice by default, or the data's max_minuten", () => {
  const p = compose(["vijfstappenmethode"], DATA);
  assert.ok(fit(p, 120).ok);
  assert.equal(fit(p, 121).ok, false);
  const data = synthetic([step(10, { max_minuten: 12 }), step(10)]);
  assert.deepEqual(minutesOf(fit(compose(["proef"], data), 30).plan), [12, 18]);
});

test("the total is exact for every target from 20 to 200 that lies within the limits", () => {
  const plans = [
    compose(["opening", "snelle-adviesronde", "pauze", "evaluatie"], DATA, { rondes: 3 }),
    compose(["voorbeeld"], DATA, { methode: "basismodel" }),
    compose(["incidentenmethode", "afsluiting"], DATA),
  ];
  for (const p of plans) {
    for (let target = 20; target <= 200; target += 1) {
      const r = fit(p, target);
      assert.equal(r.ok, target >= r.min && target <= r.max, `ok at ${target}`);
      if (!r.ok) continue;
      assert.equal(total(r.plan), target, `total at ${target}`);
      for (const s of stepsOf(r.plan)) {
        assert.ok(Number.isInteger(s.minutes) && s.minutes >= s.floor && s.minutes <= s.ceiling, `limits at ${target}`);
      }
      assert.deepEqual(fit(p, target).plan, r.plan, "deterministic");
    }
  }
});

test("every round of a step keeps the same length after an even fit", () => {
  const p = compose(["snelle-adviesronde"], DATA, { rondes: 3 });
  const r = fit(p, 35);
  assert.ok(r.ok);
  for (const k of [2, 3]) {
    assert.deepEqual(stepsOf(r.plan).filter((s) => s.round === k).map((s) => s.minutes),
      stepsOf(r.plan).filter((s) => s.round === 1).map((s) => s.minutes));
  }
});

test("an impossible total leaves the plan alone and says how many topics fit", () => {
  const p = compose(["snelle-adviesronde", "pauze"], DATA, { rondes: 3 });
  const r = fit(p, 35);
  assert.equal(r.ok, false);
  assert.equal(r.plan, p);
  assert.equal(r.total, total(p));
  assert.ok(r.min > 35);
  assert.match(r.advice, new RegExp(`Met 3 onderwerpen .*${r.min} minuten`));
  assert.match(r.advice, /In 35 minuten passen 2 onderwerpen, of laat de pauze vallen/);
  assert.match(fit(p, 30).advice, /In 30 minuten past 1 onderwerp\./, "the pause alone would not be enough");
  const long = fit(p, 300);
  assert.equal(long.ok, false);
  assert.match(long.advice, new RegExp(`${long.max} minuten`));
});

test("every change is listed, and a method squeezed a lot gets one summary with its percentage", () => {
  const p = compose(["roddelmethode"], DATA);
  const r = fit(p, 36);
  const changed = stepsOf(p).filter((s, i) => s.minutes !== minutesOf(r.plan)[i]).length;
  assert.equal(r.changes.length, changed + 1);
  assert.ok(r.changes.every((c) => /\d+ → \d+ min|\d+ %/.test(c)));
  assert.match(r.changes.at(-1), /60 %/);
  assert.equal(fit(p, 57).changes.filter((c) => c.includes("%")).length, 0, "a small change needs no summary");
});

test("a bad or empty target is refused with advice", () => {
  const p = compose(["roddelmethode"], DATA);
  for (const bad of [0, -5, 1.5, 601, NaN, "60"]) assert.equal(fit(p, bad).ok, false);
  const empty = fit({ blocks: [], notes: [] }, 60);
  assert.equal(empty.ok, false);
  assert.ok(empty.advice);
});

/* ------------------------------------------------------------------ clock */

test("clock: 19:00 plus 90 minutes ends at 20:30, with a time for every step", () => {
  const p = fit(compose(["opening", "snelle-adviesronde", "pauze", "evaluatie"], DATA, { rondes: 3 }), 90).plan;
  const c = clock(p, "19:00");
  assert.equal(c.end, "20:30");
  assert.equal(c.days, 0);
  assert.equal(c.blocks[0].start, "19:00");
  assert.equal(c.blocks[1].start, c.blocks[0].end);
  const times = c.blocks.flatMap((b) => b.steps);
  assert.equal(times.length, stepsOf(p).length);
  times.slice(1).forEach((t, i) => assert.equal(t.start, times[i].end));
});

test("clock: a session from 23:30 for 90 minutes ends at 01:00 the next day; a bad start gives null", () => {
  const p = compose(["opening", "vijfstappenmethode", "pauze", "evaluatie"], DATA);
  assert.equal(total(p), 90);
  const c = clock(p, "23:30");
  assert.equal(c.end, "01:00");
  assert.equal(c.days, 1);
  assert.equal(clock(p, "9:05").start, "09:05");
  for (const bad of ["24:00", "19:60", "19.00", "", "abc", null, "19:00x"]) assert.equal(clock(p, bad), null, String(bad));
});

/* ------------------------------------------------------------------ chooser */

test("fitsIn: the Incidentenmethode (70 minutes) is offered shortened at 60 minutes", () => {
  const m = method("incidentenmethode");
  assert.deepEqual(fitsIn(m, 60), { fits: true, how: "ingekort", minutes: 60, rounds: null });
  assert.equal(fitsIn(m, 70).how, "past");
  assert.equal(fitsIn(m, 90).how, "verlengd");
  assert.deepEqual(fitsIn(m, 300), { fits: true, how: "past", minutes: 70, rounds: null });
  const tooShort = fitsIn(m, 20);
  assert.equal(tooShort.fits, false);
  assert.equal(tooShort.minutes, fit(compose(["incidentenmethode"], DATA), 20).min);
});

test("fitsIn agrees with the timer's fit for every method and time", () => {
  for (const m of DATA.methods.methoden) {
    for (let minutes = 10; minutes <= 150; minutes += 5) {
      const r = fitsIn(m, minutes);
      if (r.how === "ingekort" || r.how === "verlengd") {
        assert.ok(fit(compose([m.slug], DATA, { rondes: r.rounds }), minutes).ok, `${m.slug} at ${minutes}`);
      }
    }
  }
});

test("fitsIn picks rounds for the time: two topics in 30 minutes, never more topics than people", () => {
  const m = method("snelle-adviesronde");
  assert.equal(fitsIn(m, 20).rounds, 1);
  assert.equal(fitsIn(m, 30).rounds, 2);
  assert.equal(fitsIn(m, 50).rounds, 3);
  assert.equal(fitsIn(m, 60, { groep: 3 }).rounds, 3);
  assert.equal(fitsIn(m, 60, { rondes: 2 }).rounds, 2);
});

/* ------------------------------------------------------------------ links */

test("decode keeps today's links working", () => {
  assert.deepEqual(decode("?methode=roddelmethode").request,
    { agenda: null, methode: "roddelmethode", minuten: null, groep: null, rondes: null, start: null });
  const example = decode("?agenda=voorbeeld&methode=roddelmethode").request;
  assert.deepEqual(example.agenda, [{ key: "voorbeeld", minutes: null }]);
  assert.equal(example.methode, "roddelmethode");
  const own = decode("?agenda=opening,vijfstappenmethode:30,pauze&minuten=90&bewerk=1");
  assert.deepEqual(own.request.agenda, [{ key: "opening", minutes: null }, { key: "vijfstappenmethode", minutes: 30 },
    { key: "pauze", minutes: null }]);
  assert.equal(own.request.minuten, 90);
  assert.deepEqual(own.notes, []);
});

test("decode validates every value: out of range or malformed is left out with a note", () => {
  const r = decode("?agenda=opening,__proto__,pauze:999&minuten=0&groep=1&rondes=13&start=25:00&methode=Rod%20del");
  assert.deepEqual(r.request.agenda, [{ key: "opening", minutes: null }, { key: "pauze", minutes: null }]);
  for (const name of ["minuten", "groep", "rondes", "start", "methode"]) assert.equal(r.request[name], null, name);
  assert.equal(r.notes.length, 7);
  assert.equal(decode("?agenda=" + Array(30).fill("pauze").join(",")).request.agenda.length, 20);
  assert.deepEqual(decode("").notes, []);
});

test("encode and decode round-trip a whole plan request as a readable link", () => {
  const request = { agenda: [{ key: "opening", minutes: null }, { key: "snelle-adviesronde", minutes: null },
    { key: "pauze", minutes: 10 }], methode: null, minuten: 90, groep: 7, rondes: 3, start: "19:00" };
  const link = encode(request);
  assert.equal(link, "?agenda=opening,snelle-adviesronde,pauze:10&minuten=90&groep=7&rondes=3&start=19:00");
  assert.deepEqual(decode(link).request, request);
  assert.equal(encode({ methode: "roddelmethode" }), "?methode=roddelmethode");
  assert.equal(encode({ methode: "__proto__", minuten: 9999, agenda: ["x y"] }), "");
});

test("build: the facilitator's evening from a link, rounds picked for the time when none were asked", () => {
  const asked = build(decode("?agenda=opening,snelle-adviesronde,pauze,evaluatie&rondes=3&minuten=90&start=19:00").request, DATA);
  assert.equal(asked.rounds, 3);
  assert.equal(total(asked.plan), 90);
  assert.equal(clock(asked.plan, "19:00").end, "20:30");
  const picked = build(decode("?methode=snelle-adviesronde&minuten=30").request, DATA);
  assert.equal(picked.rounds, 2, "30 minutes run two topics instead of stretching one");
  assert.equal(total(picked.plan), 30);
  const bad = build(decode("?methode=roddelmethode&minuten=10").request, DATA);
  assert.equal(total(bad.plan), 60);
  assert.equal(bad.notes.length, 1);
});

test("the module loads in a browser-like global as Intervisie.plan", () => {
  const vm = require("node:vm");
  const fs = require("node:fs");
  const self = {};
  vm.runInNewContext(fs.readFileSync(path.join(__dirname, "../../docs/assets/javascripts/lib/plan.js"), "utf8"), { self });
  assert.equal(typeof self.Intervisie.plan.compose, "function");
});

/* ------------------------------------------------------------------ an evening of several cases */

test("a step left out: the link says key_n, old links read as before, the block names what it lacks", () => {
  const { request } = decode("?agenda=opening,vijfstappenmethode:40_2.4,pauze:10");
  assert.deepEqual(request.agenda, [
    { key: "opening", minutes: null }, { key: "vijfstappenmethode", minutes: 40, without: [2, 4] }, { key: "pauze", minutes: 10 }]);
  assert.equal(encode(request), "?agenda=opening,vijfstappenmethode:40_2.4,pauze:10");
  assert.equal(encode({ agenda: [{ key: "vijfstappenmethode", minutes: null, without: [3, 1, 3] }] }), "?agenda=vijfstappenmethode_1.3");
  const m = method("vijfstappenmethode");
  const p = compose(["vijfstappenmethode_2"], DATA);
  assert.deepEqual(stepsOf(p).map((s) => s.name), m.stappen.filter((_, i) => i !== 1).map((s) => s.naam));
  assert.deepEqual(p.blocks[0].without, [m.stappen[1].naam]);
  assert.equal(total(p), m.totaal_minuten - m.stappen[1].minuten);
  // Leaving out every step leaves none out; a number past the method's steps is ignored.
  assert.equal(stepsOf(compose([`vijfstappenmethode_${m.stappen.map((_, i) => i + 1).join(".")}`], DATA)).length, m.stappen.length);
  assert.equal(stepsOf(compose(["vijfstappenmethode_99"], DATA)).length, m.stappen.length);
});

test("a step left out of a method with rounds is gone from every round", () => {
  const m = method("snelle-adviesronde");
  const n = m.stappen.findIndex((s) => s.per_ronde) + 1;
  const p = compose([`snelle-adviesronde_${n}`], DATA, { rondes: 3 });
  assert.ok(!stepsOf(p).some((s) => s.name === m.stappen[n - 1].naam));
  assert.deepEqual([...new Set(stepsOf(p).map((s) => s.round))].filter(Boolean), [1, 2, 3]);
});

test("a method that chooses between cases shows that step once, at its first time in the evening", () => {
  const data = synthetic([step(10, { naam: "Kiezen", kiest_casus: true }), step(20, { naam: "Bespreken" }), step(5, { naam: "Tips" })]);
  const p = compose(["opening", "proef", "pauze", "proef", "evaluatie"], data);
  const names = (b) => b.steps.map((s) => s.name);
  const [first, second] = p.blocks.filter((b) => b.kind === "method");
  assert.deepEqual(names(first), ["Kiezen", "Bespreken", "Tips"]);
  assert.deepEqual(names(second), ["Bespreken", "Tips"]);
  assert.equal(p.notes.filter((n) => n.includes("Kiezen")).length, 1, "the plan says why");
  assert.deepEqual(p.blocks.map((b) => b.at), [0, 1, 2, 3, 4], "each block knows its place in the request");
  // Once alone, the method keeps its choice.
  assert.deepEqual(names(compose(["proef"], data).blocks[0]), ["Kiezen", "Bespreken", "Tips"]);
});

test("the fit reports per block its own and its fitted minutes, what got shorter and what went", () => {
  const data = synthetic([step(10), step(20, { naam: "Lang" }), step(10, { naam: "Extra", optioneel: true })]);
  const p = compose(["opening", "proef", "pauze"], data);
  const result = fit(p, total(p) - 15);
  assert.ok(result.ok);
  const method = result.blocks.find((b) => b.key === "proef");
  assert.equal(method.from, 40);
  assert.equal(method.to, total(result.plan.blocks.find((b) => b.key === "proef")));
  assert.deepEqual(method.dropped, ["Extra"]);
  const pause = result.blocks.find((b) => b.key === "pauze");
  assert.equal(pause.from, pause.to, "a pause keeps its minutes");
  assert.deepEqual(result.blocks.map((b) => b.key), ["opening", "proef", "pauze"]);
  for (const b of result.blocks) for (const line of b.changed) assert.match(line, /^\S.* \d+ → \d+$/);
});

test("a method added to the evening goes after the last method and its pause, else after the opening", () => {
  const items = (keys) => keys.map((key) => ({ key }));
  assert.equal(plan.placeForMethod(items(["opening", "pauze", "evaluatie", "afsluiting"]), DATA), 1);
  assert.equal(plan.placeForMethod(items(["opening", "vijfstappenmethode", "pauze", "evaluatie"]), DATA), 3);
  assert.equal(plan.placeForMethod(items(["opening", "vijfstappenmethode", "evaluatie"]), DATA), 2);
  assert.equal(plan.placeForMethod([], DATA), 0);
});

/* ------------------------------------------------------------------ issue 31: no more topics than people */

test("the group caps the rounds: asked, picked for a time and advised", () => {
  const asked = build({ agenda: null, methode: "snelle-adviesronde", minuten: null, groep: 2, rondes: 12, start: null }, DATA);
  assert.equal(asked.rounds, 2);
  assert.equal(Math.max(...stepsOf(asked.plan).map((s) => s.round || 0)), 2);
  assert.ok(asked.notes.some((n) => n.includes("2 deelnemers") && n.includes("12")), asked.notes.join(" "));
  const advised = build({ agenda: null, methode: "snelle-adviesronde", minuten: 180, groep: 2, rondes: null, start: null }, DATA);
  assert.equal(advised.rounds, 2);
  for (const note of advised.notes) {
    const m = /passen (\d+) onderwerpen/.exec(note);
    assert.ok(!m || Number(m[1]) <= 2, note);
  }
  const fits = fitsIn(method("snelle-adviesronde"), 180, { groep: 2, rondes: 12 });
  assert.ok(fits.rounds <= 2, JSON.stringify(fits));
  // Without a group the old advice stays.
  const free = build({ agenda: null, methode: "snelle-adviesronde", minuten: 180, groep: null, rondes: null, start: null }, DATA);
  assert.ok(free.rounds > 2);
});

test("steps a link leaves out that do not exist, or all of them, are named", () => {
  const five = method("vijfstappenmethode").stappen.length;
  const gone = build(decode(`?agenda=vijfstappenmethode_${five + 1}`).request, DATA);
  assert.ok(gone.notes.some((n) => n.includes(`stap ${five + 1}`)), gone.notes.join(" "));
  const all = Array.from({ length: five }, (_, i) => i + 1).join(".");
  const every = build(decode(`?agenda=vijfstappenmethode_${all}`).request, DATA);
  assert.equal(stepsOf(every.plan).length, five);
  assert.ok(every.notes.some((n) => n.includes("al haar stappen")), every.notes.join(" "));
  const frame = build(decode("?agenda=opening_1").request, DATA);
  assert.ok(frame.notes.some((n) => n.includes("geen stappen om weg te laten")), frame.notes.join(" "));
  const zero = decode("?agenda=vijfstappenmethode_0");
  assert.ok(zero.notes.some((n) => n.includes("stap 0")), zero.notes.join(" "));
});

test("empty items in a linked agenda are skipped and said, not dropped without a word", () => {
  const P = require("../../docs/assets/javascripts/lib/plan.js");
  const { request, notes } = P.decode("?agenda=,,,opening,,pauze,");
  assert.deepEqual(request.agenda.map((it) => it.key), ["opening", "pauze"]);
  assert.equal(notes.length, 1, notes.join(" | "));
  assert.match(notes[0], /5 lege onderdelen/);
  assert.deepEqual(P.decode("?agenda=opening,pauze").notes, []);
});
