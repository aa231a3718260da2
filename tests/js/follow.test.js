// The follow link and what a follower's screen can know (docs/assets/javascripts/lib/follow.js, lib/qr.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const follow = require("../../docs/assets/javascripts/lib/follow.js");
const qr = require("../../docs/assets/javascripts/lib/qr.js");

const MIN = 60000;
const T0 = Date.UTC(2026, 11, 2, 18, 0, 0); // 19:00 in Amsterdam
const PHASES = [{ minutes: 10 }, { minutes: 5 }, { minutes: 15 }, { minutes: 10 }];
const BASE = "https://intervisiehandboek.github.io/intervisiehandboek/timer/";

test("a state survives encoding, to the second", () => {
  const state = { phase: 2, elapsedMs: 83_400, addedMs: 60_000, paused: false };
  const back = follow.decodeState(follow.encodeState(state, T0 + 1234));
  assert.deepEqual(back, { phase: 2, stampMs: T0 + 1000, elapsedMs: 83_000, addedMs: 60_000, paused: false });
});

test("time taken from a phase and a pause are kept", () => {
  const back = follow.decodeState(follow.encodeState({ phase: 0, elapsedMs: 0, addedMs: -120_000, paused: true }, T0));
  assert.equal(back.addedMs, -120_000);
  assert.equal(back.paused, true);
});

test("garbage is not a state", () => {
  for (const text of ["", "x", "1.2", "1.2.3", "1.2.3.4.q", "1000.2.3.4", "1.ZZ.3.4", "__proto__", "1.2.3.4.p.p"]) {
    assert.equal(follow.decodeState(text), null, text);
  }
});

test("a follower counts down from its own clock", () => {
  const state = follow.decodeState(follow.encodeState({ phase: 1, elapsedMs: 60_000, addedMs: 0, paused: false }, T0));
  const v = follow.view(PHASES, state, T0 + 2 * MIN);
  assert.equal(v.index, 1);
  assert.equal(v.remainingMs, 2 * MIN); // 5 - 1 already - 2 since
  assert.equal(v.stale, null);
  assert.equal(v.sessionLeftMs, 2 * MIN + 25 * MIN);
  assert.equal(v.endsAtMs, T0 + 2 * MIN + 27 * MIN);
});

test("minutes the facilitator added count for the phase", () => {
  const state = follow.decodeState(follow.encodeState({ phase: 0, elapsedMs: 0, addedMs: 2 * MIN, paused: false }, T0));
  assert.equal(follow.view(PHASES, state, T0).remainingMs, 12 * MIN);
});

test("a paused state does not count down and says it is paused", () => {
  const state = follow.decodeState(follow.encodeState({ phase: 2, elapsedMs: 5 * MIN, addedMs: 0, paused: true }, T0));
  const v = follow.view(PHASES, state, T0 + 30 * MIN);
  assert.equal(v.remainingMs, 10 * MIN);
  assert.equal(v.stale, "paused");
  assert.equal(v.endsAtMs, null);
});

test("past the phase's end the follower says it may be behind, never silently moves on", () => {
  const state = follow.decodeState(follow.encodeState({ phase: 3, elapsedMs: 0, addedMs: 0, paused: false }, T0));
  const v = follow.view(PHASES, state, T0 + 11 * MIN);
  assert.equal(v.index, 3);
  assert.equal(v.overtime, true);
  assert.equal(v.stale, "overtime");
  assert.equal(v.sessionLeftMs, 0);
});

test("a phase beyond the plan or a stamp far in the future is not shown as certain", () => {
  const beyond = follow.decodeState("9.0.0.0");
  assert.equal(follow.view(PHASES, Object.assign(beyond, { stampMs: T0 }), T0).stale, "ended");
  const future = follow.decodeState(follow.encodeState({ phase: 0, elapsedMs: 0, addedMs: 0, paused: false }, T0 + 3600_000));
  assert.equal(follow.view(PHASES, future, T0).stale, "future");
  assert.equal(follow.view([], future, T0).stale, "unknown");
});

test("a nudge is clamped to ten minutes either way", () => {
  assert.equal(follow.nudge(0, 5000), 5000);
  assert.equal(follow.nudge(9 * MIN, 5 * MIN), 10 * MIN);
  assert.equal(follow.nudge(0, -Infinity), -10 * MIN);
  assert.equal(follow.nudge(NaN, 1000), 1000);
});

test("a usual session's link fits a version-10 QR code at level M", () => {
  const query = "?agenda=opening,snelle-adviesronde,pauze,evaluatie,afsluiting&minuten=90&groep=7&rondes=3&start=19:00";
  const made = follow.link(BASE, query, { phase: 4, elapsedMs: 61_000, addedMs: 60_000, paused: false }, T0);
  assert.equal(made.fits, true, made.url);
  assert.ok(made.url.startsWith(BASE + query + "&volg="));
  const code = qr.svg(made.url, "QR-code");
  assert.ok(code && code.version <= 10, `version ${code && code.version}`);
});

test("a QR code has a light square with a quiet zone of four modules", () => {
  const code = qr.svg("https://example.org/", "QR-code van de volglink");
  const side = code.modules + 8;
  assert.match(code.markup, new RegExp(`viewBox="0 0 ${side} ${side}"`));
  assert.match(code.markup, /<rect width="\d+" height="\d+" fill="#fff"\/>/);
  assert.match(code.markup, /aria-label="QR-code van de volglink"/);
  const xs = [...code.markup.matchAll(/M(\d+),(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(xs.every(([x, y]) => x >= 4 && y >= 4 && x < side - 4 && y < side - 4));
});

test("a text too long for version 10 gives no code instead of a tiny one", () => {
  assert.equal(qr.svg("x".repeat(300), "QR-code"), null);
  assert.equal(follow.link(BASE, `?agenda=${"opening,".repeat(30)}`, { phase: 0, elapsedMs: 0, addedMs: 0 }, T0).fits, false);
});

test("an accessible name cannot break out of its attribute", () => {
  assert.match(qr.svg("a", '"><script>').markup, /aria-label="&quot;&gt;&lt;script&gt;"/);
});

const TABLE = follow.keyTable([
  "opening", "casus-inbrengen", "pauze", "evaluatie", "afsluiting", "terugblik",
  "vijfstappenmethode", "snelle-adviesronde", "roddelmethode", "incidentenmethode", "balintmethode", "opening",
]);
const LONG = "?agenda=opening:10,vijfstappenmethode:45,pauze:15,snelle-adviesronde:40,roddelmethode:30," +
  "terugblik:5,evaluatie:10,afsluiting:5&minuten=160&start=19:00";

test("the plan part of an address keeps its order, its commas and colons, and nothing else", () => {
  assert.equal(follow.planQuery("?start=19:00&volg=1.2.3.4&agenda=opening,pauze:10&bewerk=1&minuten=60"),
    "?agenda=opening,pauze:10&minuten=60&start=19:00");
  assert.equal(follow.planQuery("?volg=1.2.3.4"), "");
  assert.equal(follow.planQuery("?methode=a%26b"), "?methode=a%26b");
});

test("a facilitator's timer state becomes the state in the link", () => {
  const s = { phases: [{ ms: 10 * MIN, plan: 10 * MIN }, { ms: 6 * MIN, plan: 5 * MIN }], index: 1, running: true,
    endsAt: T0 + 2 * MIN, left: 0, done: false };
  assert.deepEqual(follow.fromTimer(s, T0), { phase: 1, elapsedMs: 4 * MIN, addedMs: MIN, paused: false });
  const paused = Object.assign({}, s, { running: false, endsAt: null, left: 90_000 });
  assert.deepEqual(follow.fromTimer(paused, T0), { phase: 1, elapsedMs: 270_000, addedMs: MIN, paused: true });
  assert.equal(follow.fromTimer(Object.assign({}, s, { done: true }), T0).phase, 2);
});

test("a plan too long for a QR code goes compact, and the follower expands it to the same plan", () => {
  const plain = follow.link(BASE, LONG, { phase: 3, elapsedMs: 61_000, addedMs: 0, paused: false }, T0);
  assert.equal(plain.fits, false, "the test needs a plan that is too long");
  const made = follow.shareLink(BASE, LONG, { phase: 3, elapsedMs: 61_000, addedMs: 0, paused: false }, T0, TABLE);
  assert.equal(made.compact, true);
  assert.equal(made.fits, true, made.url);
  assert.ok(qr.svg(made.url, "QR-code").version <= 10);
  const search = new URL(made.url).search;
  assert.ok(!search.includes("agenda="));
  assert.equal(follow.planQuery(follow.expand(search, TABLE)), LONG);
  assert.equal(new URLSearchParams(follow.expand(search, TABLE)).get("volg"), new URLSearchParams(search).get("volg"));
});

test("a short plan keeps its readable link", () => {
  const query = "?methode=vijfstappenmethode&minuten=45";
  const made = follow.shareLink(BASE, query, { phase: 0, elapsedMs: 0, addedMs: 0, paused: true }, T0, TABLE);
  assert.equal(made.compact, false);
  assert.ok(made.url.startsWith(BASE + query + "&volg="));
  assert.equal(follow.expand(query, TABLE), query, "nothing to expand");
});

test("a compact agenda from another version of the handbook, or garbage, is refused", () => {
  const short = new URLSearchParams(follow.compact(LONG, TABLE)).get("kort");
  // Another version: a key in front moves every place, so the version no longer matches.
  assert.equal(follow.expand(`?kort=${short}`, follow.keyTable(TABLE.concat(["aaa"]))), null, "keys moved");
  assert.equal(follow.planQuery(follow.expand(`?kort=${short}`, TABLE.concat(["zzz"]))), LONG.split("&")[0],
    "a key added behind moves nothing: the same agenda");
  for (const bad of ["", "x", "b~", "b~zz", "b~1:", "b~1..2", "__proto__"]) {
    assert.equal(follow.expand(`?kort=${bad}`, TABLE), null, bad);
  }
  assert.equal(follow.compact("?agenda=voorbeeld&methode=roddelmethode", TABLE), null);
  assert.equal(follow.compact("?agenda=onbekend,pauze", TABLE), null);
});

// The follower judges the link's state with the laptop's own T.view, so both warn at the same moments.
const timer = require("../../docs/assets/javascripts/timer/state.js");
const SESSION = { key: "methode=x", title: "X", phases: PHASES.map((p, i) => ({ naam: `Fase ${i + 1}`, minuten: p.minutes })) };

test("a follower's warning levels come at the laptop's moments: a fifth, a twentieth, the end", () => {
  const base = timer.create(SESSION);
  const state = follow.decodeState(follow.encodeState({ phase: 1, elapsedMs: 0, addedMs: 0, paused: false }, T0));
  const s = follow.asTimer(base, state);
  // The laptop's own state for the same moment: phase 2 (5 minutes) started at T0.
  const laptop = Object.assign({}, timer.start(timer.next(timer.start(base, T0 - 10 * MIN), T0), T0));
  const at = (sec) => T0 + sec * 1000;
  for (const [sec, level] of [[239, "ok"], [240, "warn"], [284, "warn"], [285, "alert"], [299, "alert"], [300, "over"]]) {
    assert.equal(timer.view(s, at(sec)).level, level, `${sec} s`);
    assert.equal(timer.view(laptop, at(sec)).level, level, `laptop at ${sec} s`);
  }
});

test("minutes added, a pause and the end of the session keep their level", () => {
  const base = timer.create(SESSION);
  const added = follow.asTimer(base, { phase: 0, stampMs: T0, elapsedMs: 0, addedMs: 2 * MIN, paused: false });
  assert.equal(timer.view(added, T0 + 10 * MIN).level, "warn"); // 2 of 12 minutes left: less than a fifth
  const paused = follow.asTimer(base, { phase: 0, stampMs: T0, elapsedMs: 9.5 * MIN, addedMs: 0, paused: true });
  assert.equal(timer.view(paused, T0 + 60 * MIN).level, "alert");
  assert.equal(timer.view(paused, T0 + 60 * MIN).left, 0.5 * MIN);
  assert.equal(paused.started, true);
  const fresh = follow.asTimer(base, { phase: 0, stampMs: T0, elapsedMs: 0, addedMs: 0, paused: true });
  assert.equal(fresh.started, false);
  const done = follow.asTimer(base, { phase: 9, stampMs: T0, elapsedMs: 0, addedMs: 0, paused: true });
  assert.equal(done.done, true);
  assert.equal(timer.view(done, T0).level, "ok");
});

test("the phases to come start one after another, not before now", () => {
  const lengths = PHASES.map((p) => p.minutes * MIN);
  assert.deepEqual(follow.ahead(lengths, 1, T0, 2 * MIN), [null, null, T0 + 2 * MIN, T0 + 17 * MIN]);
  // In overtime (or paused) the next phase can only start from now on.
  assert.deepEqual(follow.ahead(lengths, 1, T0, -3 * MIN), [null, null, T0, T0 + 15 * MIN]);
  assert.deepEqual(follow.ahead(lengths, 3, T0, MIN), [null, null, null, null]);
});

/* ------------------------------------------------------------------ issue 31: versions and bounds */

test("a compact link carries a version of what it refers to: a renamed method is refused, not swapped", () => {
  const short = follow.compact(LONG, TABLE);
  const version = new URLSearchParams(short).get("kort").split("~")[0];
  assert.equal(version.length, 7, "a hash, not the length of the table");
  // The deploy renames "roddelmethode" to "roddel-methode": the table keeps its length and its order.
  const renamed = follow.keyTable(TABLE.map((k) => (k === "roddelmethode" ? "roddel-methode" : k)));
  assert.equal(renamed.length, TABLE.length);
  const read = follow.readShort(short, renamed);
  assert.equal(read.search, null);
  assert.equal(read.problem, "version");
  // A key added after every key the link uses moves nothing: the link still opens, as it was made.
  const grown = follow.keyTable(TABLE.concat(["zzz-nieuw"]));
  assert.equal(follow.planQuery(follow.expand(short, grown)), LONG);
});

test("a compact link of the former format (the table's length) is refused with its own reason", () => {
  const places = new Map(TABLE.map((k, i) => [k, i.toString(36)]));
  const old = `?kort=${TABLE.length.toString(36)}~${places.get("opening")}:a.${places.get("pauze")}`;
  const read = follow.readShort(old, TABLE);
  assert.equal(read.search, null);
  assert.equal(read.problem, "old");
  assert.equal(follow.readShort("?kort=b~1..2", TABLE).problem, "unreadable");
  assert.equal(follow.readShort("?methode=x", TABLE).problem, null);
});

test("agenda items with steps left out stay in the compact form", () => {
  const query = "?agenda=opening:10,vijfstappenmethode:45_2.4,pauze:15,snelle-adviesronde_3,roddelmethode:30," +
    "terugblik:5,evaluatie:10,afsluiting:5&minuten=160&start=19:00";
  const made = follow.shareLink(BASE, query, { phase: 3, elapsedMs: 61_000, addedMs: 0, paused: false }, T0, TABLE);
  assert.equal(made.compact, true, made.url);
  assert.equal(made.fits, true, made.url);
  assert.equal(follow.planQuery(follow.expand(new URL(made.url).search, TABLE)), query);
});

test("a state with impossible numbers is named, not shown as a running clock", () => {
  const at = T0 + 5 * MIN;
  const ok = { phase: 1, stampMs: T0, elapsedMs: 60_000, addedMs: 0, paused: false };
  assert.equal(follow.check(ok, PHASES, at), null);
  assert.equal(follow.check(Object.assign({}, ok, { phase: 4 }), PHASES, at), null, "past the last phase: ended");
  const bad = (change) => follow.check(Object.assign({}, ok, change), PHASES, at);
  assert.deepEqual(bad({ phase: 5 }), { field: "phase", value: 6, most: 4 });
  assert.equal(bad({ phase: 999 }).field, "phase");
  assert.equal(bad({ elapsedMs: 2_000_000_000_000 }).field, "elapsed");
  assert.equal(bad({ addedMs: 2_000_000_000_000 }).field, "added");
  assert.equal(bad({ addedMs: -6 * MIN }).field, "added", "more taken than the phase has");
  assert.equal(bad({ stampMs: 0 }).field, "stamp", "a moment in 1970");
  assert.equal(bad({ stampMs: T0 - 2 * 24 * 60 * MIN }).field, "stamp", "two days old");
  assert.equal(bad({ stampMs: T0 + 400 * 24 * 60 * MIN }).field, "stamp", "a year ahead");
  // The numbers that made "604661:50:33 Loopt" and "+499070:19:31".
  const wild = follow.decodeState("1.zzzzzzzz.0.zzzzzz");
  assert.notEqual(follow.check(wild, PHASES, at), null);
  assert.notEqual(follow.check(follow.decodeState("0.0.0.0"), PHASES, at), null);
});
