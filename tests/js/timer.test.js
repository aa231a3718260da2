// The timer's pure modules (docs/assets/javascripts/timer/state.js and planning.js, with the parts older.js
// and agendaedit.js) outside the browser: the state from timestamps, saving and restoring it, and planning
// from the address.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const T = require("../../docs/assets/javascripts/timer/older.js"); // timer/state.js and the first form
const P = require("../../docs/assets/javascripts/timer/agendaedit.js"); // timer/planning.js and the planner's own
const DATA = require("./fixtures/plan-data.json");

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 7, 19, 0, 0);
// The limits as macros/limits.py hands them to the page; the logic is what is tested here.
P.configure({ minuten: [1, 600], onderdelen: 20, methoden: 2, sleutel: "^[a-z0-9]+(?:-[a-z0-9]+)*$" });

const session = (...minutes) => ({
  key: "methode=proef",
  title: "Proef",
  phases: minutes.map((m, i) => ({ naam: `Stap ${i + 1}`, wat: "", minuten: m })),
});

/* ------------------------------------------------------------------ state from timestamps */

test("a fresh state waits at the first phase with its full time", () => {
  const s = T.create(session(5, 10));
  assert.equal(s.index, 0);
  assert.equal(s.running, false);
  assert.equal(T.remaining(s, T0), 5 * MIN);
  assert.equal(T.remaining(s, T0 + 3 * MIN), 5 * MIN, "time does not pass before the start");
});

test("running time is derived from the end timestamp, paused time is kept", () => {
  let s = T.start(T.create(session(5, 10)), T0);
  assert.equal(T.remaining(s, T0 + 2 * MIN), 3 * MIN);
  s = T.pause(s, T0 + 2 * MIN);
  assert.equal(T.remaining(s, T0 + 50 * MIN), 3 * MIN, "a pause holds however long it lasts");
  s = T.start(s, T0 + 50 * MIN);
  assert.equal(T.remaining(s, T0 + 51 * MIN), 2 * MIN);
  assert.equal(T.remaining(s, T0 + 56 * MIN), -3 * MIN, "overtime is negative");
});

test("next records the time spent, starts the next phase in full and finishes after the last", () => {
  let s = T.start(T.create(session(5, 10)), T0);
  s = T.next(s, T0 + 7 * MIN);
  assert.equal(s.index, 1);
  assert.deepEqual(s.spent, [7 * MIN]);
  assert.equal(T.remaining(s, T0 + 7 * MIN), 10 * MIN);
  s = T.next(s, T0 + 9 * MIN);
  assert.equal(s.done, true);
  assert.equal(s.running, false);
  assert.equal(T.view(s, T0 + 9 * MIN).used, 9 * MIN);
  assert.equal(T.next(s, T0 + 20 * MIN), s, "nothing after the end");
});

test("previous starts the phase before again in full; after the end it reopens the last phase", () => {
  let s = T.start(T.create(session(5, 10)), T0);
  s = T.next(s, T0 + MIN);
  s = T.previous(s, T0 + 2 * MIN);
  assert.equal(s.index, 0);
  assert.equal(T.remaining(s, T0 + 2 * MIN), 5 * MIN);
  assert.deepEqual(s.spent, []);
  s = T.next(T.next(s, T0 + 3 * MIN), T0 + 4 * MIN);
  assert.equal(s.done, true);
  s = T.previous(s, T0 + 5 * MIN);
  assert.equal(s.done, false);
  assert.equal(s.index, 1);
});

test("adjust adds time, takes it away down to zero, and never lets a phase pass a day", () => {
  let s = T.start(T.create(session(5)), T0);
  s = T.adjust(s, MIN, T0);
  assert.equal(T.remaining(s, T0), 6 * MIN);
  assert.equal(s.phases[0].plan, 5 * MIN, "the plan stays what it was");
  s = T.adjust(s, -10 * MIN, T0);
  assert.equal(T.remaining(s, T0), 0);
  const over = T.start(T.create(session(1)), T0);
  assert.equal(T.adjust(over, -MIN, T0 + 2 * MIN), over, "in overtime only adding has an effect");
  let big = T.create(session(5));
  for (let i = 0; i < 2000; i += 1) big = T.adjust(big, MIN, T0);
  assert.equal(big.phases[0].ms, 24 * 60 * MIN);
});

test("restart goes back to the first phase with the planned times and keeps the settings", () => {
  let s = T.create(session(5, 10), { auto: true });
  s = T.adjust(T.next(T.start(s, T0), T0 + MIN), 3 * MIN, T0 + MIN);
  s = T.restart(s);
  assert.equal(s.index, 0);
  assert.equal(s.started, false);
  assert.equal(s.auto, true);
  assert.deepEqual(s.phases.map((p) => p.ms), [5 * MIN, 10 * MIN]);
});

test("automatic advance lands on the right phase and second after a big jump of the clock", () => {
  const s = T.start(T.create(session(5, 10, 15), { auto: true }), T0);
  const later = T.advance(s, T0 + 17 * MIN);
  assert.equal(later.index, 2);
  assert.equal(T.remaining(later, T0 + 17 * MIN), 13 * MIN);
  assert.equal(T.advance(T.start(T.create(session(5, 10)), T0), T0 + 60 * MIN).index, 0, "only with auto");
});

test("the view says how far the session is and whether it runs behind", () => {
  let s = T.start(T.create(session(10, 10)), T0);
  s = T.next(s, T0 + 13 * MIN);
  const v = T.view(s, T0 + 13 * MIN);
  assert.equal(v.sessionLeft, 10 * MIN);
  assert.equal(v.drift, 3 * MIN);
  assert.equal(v.level, "ok");
  assert.equal(T.view(s, T0 + 21 * MIN).level, "warn");
  assert.equal(T.view(s, T0 + 24 * MIN).level, "over");
});

test("clock text: m:ss, h:mm:ss and +m:ss in overtime", () => {
  assert.equal(T.format(5 * MIN), "5:00");
  assert.equal(T.format(61 * MIN + 1000), "1:01:01");
  assert.equal(T.format(-65_000), "+1:05");
  assert.equal(T.format(-400), "0:00");
});

/* ------------------------------------------------------------------ saving and restoring */

test("a running state restores from its saved form and goes on from the wall clock", () => {
  const s = T.start(T.create(session(5, 10)), T0);
  const back = T.restore(T.serialize(s), T0 + 2 * MIN);
  assert.equal(back.discarded, false);
  assert.equal(T.remaining(back.state, T0 + 2 * MIN), 3 * MIN);
});

test("a state saved before the shared storage ({v: 1, state}) still restores", () => {
  const s = T.pause(T.start(T.create(session(5, 10)), T0), T0 + MIN);
  const back = T.restore(JSON.stringify({ v: 1, state: s }), T0 + 10 * MIN);
  assert.equal(back.discarded, false);
  assert.equal(T.remaining(back.state, T0 + 10 * MIN), 4 * MIN);
});

test("garbage and absurd but well-typed saved states are refused", () => {
  const good = T.start(T.create(session(5, 10)), T0);
  const cases = {
    "not json": "{kapot",
    "old version": JSON.stringify({ v: 0, state: good }),
    "newer record": JSON.stringify({ v: 2, data: good }),
    "no phases": T.serialize({ ...good, phases: [] }),
    "index outside": T.serialize({ ...good, index: 9 }),
    "index not whole": T.serialize({ ...good, index: 0.5 }),
    "left 1e300": T.serialize({ ...good, running: false, endsAt: null, left: 1e300 }),
    "ends in 1e300": T.serialize({ ...good, endsAt: 1e300 }),
    "phase of 1e303 ms": T.serialize({ ...good, phases: [{ ...good.phases[0], ms: 1e303 }, good.phases[1]] }),
    "negative revision": T.serialize({ ...good, rev: -1 }),
    "huge title": T.serialize({ ...good, title: "x".repeat(100_000) }),
    "flag not boolean": T.serialize({ ...good, running: "ja" }),
  };
  for (const [name, text] of Object.entries(cases)) {
    assert.deepEqual(T.restore(text, T0), { state: null, discarded: true }, name);
  }
  assert.deepEqual(T.restore(null, T0), { state: null, discarded: false });
});

test("revisions: the later one wins, a tie goes to the higher tab id", () => {
  assert.equal(T.isNewer({ rev: 3, tab: "a" }, { rev: 2, tab: "z" }), true);
  assert.equal(T.isNewer({ rev: 2, tab: "a" }, { rev: 3, tab: "z" }), false);
  assert.equal(T.isNewer({ rev: 2, tab: "b" }, { rev: 2, tab: "a" }), true);
  assert.equal(T.isNewer({ rev: 2, tab: "a" }, { rev: 2, tab: "b" }), false);
});

/* ------------------------------------------------------------------ the saved form v2: references and progress */

const longSession = (steps, text) => ({
  key: "methode=lang",
  title: "Lang",
  phases: Array.from({ length: steps }, (_, i) => ({ naam: `Stap ${i + 1}`, wat: i ? "" : "x".repeat(text), minuten: 1 })),
});

test("a record holds progress, not text, and rebuilds on the page's own phases", () => {
  const fresh = T.create(longSession(250, 5000));
  let s = T.start(fresh, T0);
  s = T.next(T.next(s, T0 + 20_000), T0 + 30_000);
  s = T.adjust(s, 2 * MIN, T0 + 40_000);
  const record = T.toRecord(s, T0 + 40_000, T0 + 40_000);
  assert.equal(T.isRecord(record), true);
  assert.ok(JSON.stringify(record).length < 10_000, "no step text in the record");
  assert.ok(!JSON.stringify(record).includes("xxxx"));
  const back = T.revive(JSON.parse(JSON.stringify(record)), T.create(longSession(250, 5000)), 999, 5_000);
  assert.equal(back.index, 2);
  assert.equal(back.phases[0].wat.length, 5000, "the text comes from the page");
  assert.equal(T.remaining(back, 999), 3 * MIN - 10_000 - 5_000, "what was left, minus the time since the stamp");
  assert.deepEqual(back.spent, [20_000, 10_000]);
});

test("a record of other steps or another session is not revived", () => {
  const record = T.toRecord(T.start(T.create(session(5, 10)), T0), T0, T0);
  assert.equal(T.revive(record, T.create(session(5, 11)), T0, 0), null, "the handbook changed a step");
  assert.equal(T.revive(record, T.create({ ...session(5, 10), key: "methode=ander" }), T0, 0), null);
  assert.notEqual(T.revive(record, T.create(session(5, 10)), T0, 0), null);
});

test("a clock set back between writing and reading adds no time", () => {
  const record = T.toRecord(T.start(T.create(session(5, 10)), T0), T0, T0);
  const back = T.revive(record, T.create(session(5, 10)), 0, -3600_000);
  assert.equal(T.remaining(back, 0), 5 * MIN);
});

test("records with impossible numbers or revisions are refused", () => {
  const good = T.toRecord(T.pause(T.start(T.create(session(5, 10)), T0), T0 + MIN), T0 + MIN, T0 + MIN);
  assert.equal(T.isRecord(good), true);
  const bad = {
    "rev 1e308": { rev: 1e308 }, "rev -1": { rev: -1 }, "rev 2**53": { rev: 2 ** 53 }, "rev 2**53-1": { rev: 2 ** 53 - 1 },
    "rev NaN": { rev: NaN }, "rev text": { rev: "7" }, "rev half": { rev: 0.5 },
    "left 1e300": { left: 1e300 }, "index outside": { index: 2 }, "phase 1e303": { ms: [1e303, 600_000] },
    "stamp 1e300": { at: 1e300 }, "plan not a fingerprint": { plan: "<b>" }, "tab odd": { tab: "x".repeat(100) },
    "no phases": { ms: [] }, "too many phases": { ms: new Array(5001).fill(60_000), index: 0 },
    "title of 100000": { title: "x".repeat(100_000) }, "flag text": { running: "ja" }, "key empty": { key: "" },
  };
  for (const [name, change] of Object.entries(bad)) assert.equal(T.isRecord({ ...good, ...change }), false, name);
  assert.equal(T.isRecord(null), false);
  assert.equal(T.isRecord([good]), false);
});

test("a v1 state moves to a record while it is readable", () => {
  const s = T.pause(T.start(T.create(session(5, 10)), T0), T0 + MIN);
  const moved = T.recordFromV1(JSON.stringify({ v: 1, data: s }), T0 + 10 * MIN);
  assert.equal(moved.record.left, 4 * MIN);
  assert.equal(moved.record.plan, T.fingerprint(T.create(session(5, 10)).phases));
  assert.deepEqual(T.recordFromV1("{kapot", T0), { record: null, discarded: true });
});

test("the steady clock never follows the wall clock by itself, and says how far it ran ahead", () => {
  let wall = T0;
  let mono = 0;
  const clock = T.steadyClock(() => wall, () => mono);
  mono += 1000;
  wall += 1000 + 30 * MIN; // set forward half an hour, or slept while performance.now() stood still
  assert.equal(clock.now(), T0 + 1000);
  assert.equal(clock.ahead(), 30 * MIN);
  wall -= 2 * 3600_000;
  assert.equal(clock.now(), T0 + 1000, "nor back");
  wall += 2 * 3600_000;
  clock.catchUp(30 * MIN); // the facilitator says the computer slept
  assert.equal(clock.now(), T0 + 1000 + 30 * MIN);
  assert.equal(clock.ahead(), 0);
  clock.catchUp(-5);
  clock.catchUp(NaN);
  assert.equal(clock.ahead(), 0);
});

/* ------------------------------------------------------------------ planning */

// The fit itself (floors, ceilings, rounds) is lib/plan.js's, tested in plan.test.js; here: the
// timer's session takes it over, and a time out of reach leaves the plan alone with advice.
test("a session fitted to minutes totals exactly that, every step within its floor, changes in Dutch", () => {
  const method = DATA.methods.methoden.find((m) => m.slug === "vijfstappenmethode");
  const r = P.buildSession(P.parseQuery("?methode=vijfstappenmethode&minuten=45"), DATA.methods, DATA.agenda);
  const minutes = r.session.phases.map((p) => p.minuten);
  assert.equal(minutes.reduce((a, b) => a + b, 0), 45);
  method.stappen.forEach((st, i) => assert.ok(minutes[i] >= (st.min_minuten ?? Math.max(1, Math.ceil(st.minuten / 2))), st.naam));
  assert.ok(r.changes.some((line) => line.includes("→")), "each changed step is listed");
  assert.ok(r.changes.some((line) => line.includes("75 %")), "and how much the method was squeezed");
  assert.ok(r.session.phases.every((p) => p.blok === "vijfstappenmethode"));
});

test("a time the plan cannot reach keeps the usual minutes and says what is possible", () => {
  const method = DATA.methods.methoden.find((m) => m.slug === "vijfstappenmethode");
  const r = P.buildSession(P.parseQuery("?methode=vijfstappenmethode&minuten=3"), DATA.methods, DATA.agenda);
  assert.deepEqual(r.session.phases.map((p) => p.minuten), method.stappen.map((s) => s.minuten));
  assert.equal(r.changes, null);
  assert.ok(r.notes.some((n) => /minstens \d+ minuten/.test(n)), r.notes.join(" | "));
});

test("rounds repeat the method's part per topic and are named in the phases; start gives clock times", () => {
  const r = P.buildSession(P.parseQuery("?agenda=opening,snelle-adviesronde,pauze,evaluatie&rondes=3&start=19:00&minuten=90"),
    DATA.methods, DATA.agenda);
  const rounds = r.session.phases.filter((p) => p.ronde).map((p) => p.ronde);
  assert.deepEqual([...new Set(rounds)], ["onderwerp 1", "onderwerp 2", "onderwerp 3"]);
  assert.equal(r.session.phases.reduce((a, p) => a + p.minuten, 0), 90);
  // The start stays in the session's key; the clock times come from it (lib/clock.js).
  const start = new URLSearchParams(r.session.key).get("start");
  assert.equal(start, "19:00");
  assert.equal(require("../../docs/assets/javascripts/lib/plan.js").clock(r.plan, start).end, "20:30");
  assert.equal(r.rounds, 3);
  assert.equal(r.session.phases.find((p) => p.blok === "pauze").minuten, 10, "a pause keeps its minutes");
});

test("agenda links: items with optional minutes, within the limits, round trip", () => {
  const items = P.parseAgenda("opening:10,vijfstappenmethode,pauze:5");
  assert.deepEqual(items, [
    { key: "opening", minuten: 10 }, { key: "vijfstappenmethode", minuten: null }, { key: "pauze", minuten: 5 },
  ]);
  assert.equal(P.formatAgenda(items), "opening:10,vijfstappenmethode,pauze:5");
  // Nothing usable: no agenda. Minutes out of range: the item keeps its own minutes (with a note).
  for (const bad of ["-opening", "a--b", "a:b", ",,"]) {
    assert.equal(P.parseAgenda(bad), null, bad);
  }
  for (const odd of ["opening:0", "opening:601"]) {
    const read = P.readAgenda(odd);
    assert.deepEqual(read.items, [{ key: "opening", minuten: null }], odd);
    assert.equal(read.notes.length, 1, odd);
  }
  const many = P.readAgenda("x,".repeat(21) + "x");
  assert.equal(many.items.length, 20);
  assert.ok(many.notes[0].includes("de laatste 2"), many.notes[0]);
});

test("the query keeps good minutes and explains bad ones", () => {
  assert.equal(P.parseQuery("?methode=x&minuten=45").minuten, 45);
  for (const bad of ["0", "601", "abc", "4.5", "99999"]) {
    const q = P.parseQuery(`?minuten=${bad}`);
    assert.equal(q.minuten, null, bad);
    assert.equal(q.notes.length, 1, bad);
  }
  assert.equal(P.parseQuery("?bewerk=1").bewerk, true);
});

test("a method link becomes its steps; fitting to minutes keeps the total", () => {
  const method = DATA.methods.methoden.find((m) => m.slug === "vijfstappenmethode");
  const plain = P.buildSession(P.parseQuery("?methode=vijfstappenmethode"), DATA.methods, DATA.agenda);
  assert.deepEqual(plain.session.phases.map((p) => p.minuten), method.stappen.map((s) => s.minuten));
  const fitted = P.buildSession(P.parseQuery("?methode=vijfstappenmethode&minuten=45"), DATA.methods, DATA.agenda);
  assert.equal(fitted.session.phases.reduce((sum, p) => sum + p.minuten, 0), 45);
  assert.equal(fitted.was, method.totaal_minuten);
  assert.equal(fitted.session.key, "methode=vijfstappenmethode&minuten=45");
});

test("the example agenda takes the chosen method into its method slot", () => {
  const r = P.buildSession(P.parseQuery("?agenda=voorbeeld&methode=roddelmethode"), DATA.methods, DATA.agenda);
  const groups = new Set(r.session.phases.map((p) => p.groep).filter(Boolean));
  assert.deepEqual([...groups], [DATA.methods.methoden.find((m) => m.slug === "roddelmethode").titel]);
  // What the method covers itself (bringing in the case, questions, advice) is not added around it.
  assert.deepEqual(r.session.items.map((it) => it.key), ["opening", "roddelmethode", "afronding"]);
});

test("unknown methods and items, also inherited names, are skipped with a note", () => {
  for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "onbekend"]) {
    const r = P.buildSession(P.parseQuery(`?methode=${name}`), DATA.methods, DATA.agenda);
    assert.equal(r.session, null, name);
    assert.equal(r.notes.length, 1, name);
  }
  // "constructor" is a well-formed key: only that item is skipped.
  const r = P.buildSession(P.parseQuery("?agenda=opening,constructor,pauze"), DATA.methods, DATA.agenda);
  assert.deepEqual(r.session.items.map((it) => it.key), ["opening", "pauze"]);
  assert.equal(r.notes.length, 1);
  // The other inherited names are not keys at all: the agenda is not read, with one note.
  // A name that is no key at all (capitals, "_"): the same reader as the planner's skips that item alone,
  // naming it (issue 31: the whole agenda was refused, naming nothing).
  for (const name of ["__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    const bad = P.buildSession(P.parseQuery(`?agenda=opening,${name},pauze`), DATA.methods, DATA.agenda);
    assert.deepEqual(bad.session.items.map((it) => it.key), ["opening", "pauze"], name);
    assert.ok(bad.notes.some((n) => n.includes(name)), bad.notes.join(" "));
  }
});

test("typed minutes are read with what was wrong with them", () => {
  assert.deepEqual(P.readMinutes("12", 5), { minuten: 12, problem: null });
  assert.deepEqual(P.readMinutes("", 5), { minuten: 5, problem: "empty" });
  assert.deepEqual(P.readMinutes("0", 5), { minuten: 1, problem: "low" });
  assert.deepEqual(P.readMinutes("9999", 5), { minuten: 600, problem: "high" });
  assert.deepEqual(P.readMinutes("2.6", 5), { minuten: 3, problem: "fraction" });
});

/* ------------------------------------------------------------------ issue 31: one reader for agendas */

test("an agenda link with a trailing comma, a capital or too many items keeps what it can and names the rest", () => {
  const trailing = P.buildSession(P.parseQuery("?agenda=opening,pauze,"), DATA.methods, DATA.agenda);
  assert.deepEqual(trailing.session.items.map((it) => it.key), ["opening", "pauze"]);
  const capital = P.buildSession(P.parseQuery("?agenda=Opening,pauze"), DATA.methods, DATA.agenda);
  assert.deepEqual(capital.session.items.map((it) => it.key), ["opening", "pauze"], "read in lower case, and said");
  assert.ok(capital.notes.some((n) => n.includes("Opening")), capital.notes.join(" "));
  const many = P.buildSession(P.parseQuery(`?agenda=${"pauze,".repeat(20)}opening`), DATA.methods, DATA.agenda);
  assert.ok(many.session, "the first twenty run");
  assert.ok(many.notes.some((n) => n.includes("20")), many.notes.join(" "));
  const minutes = P.buildSession(P.parseQuery("?agenda=opening:0,pauze"), DATA.methods, DATA.agenda);
  assert.ok(minutes.notes.some((n) => n.includes("opening") && n.includes("0")), minutes.notes.join(" "));
  const none = P.buildSession(P.parseQuery("?agenda=Onbekend_,a:b"), DATA.methods, DATA.agenda);
  assert.equal(none.session, null);
  assert.ok(none.notes.some((n) => n.includes("Onbekend_")) && none.notes.some((n) => n.includes("a:b")), none.notes.join(" "));
});

test("a compact kort= without volg= is not silently dropped", () => {
  const q = P.parseQuery("?kort=1z141z4~1.2");
  assert.ok(q.notes.some((n) => n.includes("kort")), q.notes.join(" "));
  assert.equal(P.parseQuery("?kort=1z141z4~1.2&volg=0.1.0.0").notes.length, 0);
});

test("never more rounds than people: rondes=12&groep=2 runs two, and says so", () => {
  const r = P.buildSession(P.parseQuery("?methode=snelle-adviesronde&rondes=12&groep=2"), DATA.methods, DATA.agenda);
  assert.equal(r.rounds, 2);
  assert.equal(new Set(r.session.phases.map((p) => p.ronde).filter(Boolean)).size, 2);
  assert.ok(r.notes.some((n) => n.includes("12") && n.includes("2")), r.notes.join(" "));
});
