// The group's pure modules (docs/assets/javascripts/group/): cycle dates, fair turns (property tests over
// many random groups from a seeded PRNG), merging two files, the file's schema, the .ics and the lock.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const G = require("../../docs/assets/javascripts/group/model.js");
const { ics } = require("../../docs/assets/javascripts/group/ics.js");
const { lock } = require("../../docs/assets/javascripts/group/lock.js");
const SCHEMA = require("../../sitebuild/group.schema.json");

const { seeded } = require("../../docs/assets/javascripts/cards/deck.js");

/** A seeded PRNG in [0, 1) (the cards' mulberry32), so a failing random group can be found again from its seed. */
function prng(seed) {
  const next = seeded(seed);
  return () => next() / 4294967296;
}

/* ------------------------------------------------------------------ cycle dates */

test("every first Thursday of the month, from the start date on", () => {
  const dates = G.cycleDates({ soort: "maand", week: 1, dag: 4, begin: "2027-01-10", aantal: 4 });
  assert.deepEqual(dates, ["2027-02-04", "2027-03-04", "2027-04-01", "2027-05-06"]);
});

test("the last Tuesday of the month", () => {
  assert.deepEqual(G.cycleDates({ soort: "maand", week: -1, dag: 2, begin: "2027-01-01", aantal: 3 }),
    ["2027-01-26", "2027-02-23", "2027-03-30"]);
});

test("every 8 weeks across the change to summer time stays on the same weekday", () => {
  const dates = G.cycleDates({ soort: "weken", elke: 8, begin: "2027-01-14", aantal: 4 });
  assert.deepEqual(dates, ["2027-01-14", "2027-03-11", "2027-05-06", "2027-07-01"]);
});

test("no start date or a nonsense date gives no dates", () => {
  assert.deepEqual(G.cycleDates({ begin: "" }), []);
  assert.deepEqual(G.cycleDates({ begin: "2027-02-30", aantal: 3 }), []);
});

/* ------------------------------------------------------------------ turns */

function randomGroup(random, { absences = true, manual = false } = {}) {
  const g = G.emptyGroup("Proef", random);
  const size = 3 + Math.floor(random() * 8); // 3..10
  g.leden = Array.from({ length: size }, (_, i) => G.record({ naam: `Lid ${i + 1}` }, random));
  const count = 1 + Math.floor(random() * 14);
  g.bijeenkomsten = Array.from({ length: count }, (_, i) => {
    const day = `2027-${String(1 + Math.floor(i / 2)).padStart(2, "0")}-${i % 2 ? "15" : "01"}`;
    const away = absences ? g.leden.filter(() => random() < 0.2).map((l) => l.id) : [];
    const m = G.meeting({ datum: day, afgemeld: away, geannuleerd: random() < 0.1, aantal_casussen: 1 + Math.floor(random() * 2) }, random);
    if (manual && random() < 0.2) m.procesbegeleider = g.leden[Math.floor(random() * size)].id;
    return m;
  });
  return g;
}

const roleList = (r, role) => [].concat(r[role]).filter(Boolean);

test("property: nobody who sent apologies gets a turn, and cancelled meetings give none", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const g = randomGroup(prng(seed));
    const rota = G.rotation(g);
    for (const m of g.bijeenkomsten) {
      const r = rota.get(m.id);
      if (m.geannuleerd) { assert.equal(r, undefined, `seed ${seed}`); continue; }
      for (const role of G.ROLES) for (const id of roleList(r, role)) assert.ok(!m.afgemeld.includes(id), `seed ${seed}: ${role} was away`);
    }
  }
});

test("property: everyone present facilitates once before anyone facilitates twice", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const g = randomGroup(prng(seed));
    const rota = G.rotation(g);
    const done = new Map(g.leden.map((l) => [l.id, 0]));
    for (const m of G.inOrder(g)) {
      const r = rota.get(m.id);
      if (!r) continue;
      const present = g.leden.map((l) => l.id).filter((id) => !m.afgemeld.includes(id));
      if (r.procesbegeleider) {
        const fewest = Math.min(...present.map((id) => done.get(id)));
        assert.equal(done.get(r.procesbegeleider), fewest, `seed ${seed}: a second turn while someone present had fewer`);
        done.set(r.procesbegeleider, done.get(r.procesbegeleider) + 1);
      } else assert.equal(present.length, 0);
    }
  }
});

test("property: case-bringers and notulists take turns, and one person has one role while there are enough", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const g = randomGroup(prng(seed));
    const rota = G.rotation(g);
    const done = { casusinbrengers: new Map(), notulist: new Map() };
    for (const m of G.inOrder(g)) {
      const r = rota.get(m.id);
      if (!r) continue;
      const present = g.leden.map((l) => l.id).filter((id) => !m.afgemeld.includes(id));
      const people = [r.procesbegeleider, r.notulist, ...r.casusinbrengers].filter(Boolean);
      if (present.length >= 2 + m.aantal_casussen) assert.equal(new Set(people).size, people.length, `seed ${seed}: two roles for one person`);
      assert.equal(new Set(r.casusinbrengers).size, r.casusinbrengers.length, `seed ${seed}: the same case-bringer twice`);
      for (const role of ["casusinbrengers", "notulist"]) {
        for (const id of roleList(r, role)) {
          // Whoever has had fewer turns in this role and was passed over, had another role this evening.
          const others = present.filter((q) => !people.includes(q));
          const fewest = Math.min(Infinity, ...others.map((q) => done[role].get(q) || 0));
          assert.ok((done[role].get(id) || 0) <= fewest, `seed ${seed}: ${role} passed over someone free with fewer turns`);
        }
        for (const id of roleList(r, role)) done[role].set(id, (done[role].get(id) || 0) + 1);
      }
    }
  }
});

test("property: with everyone present, turns as facilitator differ by at most one at every point", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const g = randomGroup(prng(seed), { absences: false });
    g.bijeenkomsten.forEach((m) => (m.geannuleerd = false));
    const rota = G.rotation(g);
    const done = new Map(g.leden.map((l) => [l.id, 0]));
    for (const m of G.inOrder(g)) {
      const id = rota.get(m.id).procesbegeleider;
      done.set(id, done.get(id) + 1);
      const counts = [...done.values()];
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `seed ${seed}`);
    }
  }
});

test("property: a role typed by hand stays as typed", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const g = randomGroup(prng(seed), { manual: true });
    const rota = G.rotation(g);
    for (const m of g.bijeenkomsten) {
      if (m.procesbegeleider && !m.geannuleerd) assert.equal(rota.get(m.id).procesbegeleider, m.procesbegeleider, `seed ${seed}`);
    }
  }
});

/* ------------------------------------------------------------------ look-back */

test("the example group: six members, six or more meetings across the end of March, one held with open actions", () => {
  const g = G.exampleGroup("2027-01-15", prng(7));
  assert.equal(g.leden.length, 6);
  assert.ok(g.bijeenkomsten.length >= 6);
  const dates = g.bijeenkomsten.map((m) => m.datum);
  assert.ok(dates.some((d) => d < "2027-03-28") && dates.some((d) => d > "2027-03-28"), dates.join());
  assert.equal(g.groep.voorbeeld, true);
  const back = G.lookBack(g, "2027-01-15");
  assert.equal(back.acties.length, 2);
  assert.equal(back.casussen.length, 1);
  assert.equal(G.check(SCHEMA, g), "");
  for (const today of ["2026-06-15", "2026-12-07", "2027-03-20", "2027-10-02"]) {
    const other = G.exampleGroup(today, prng(3)).bijeenkomsten.map((m) => m.datum);
    assert.ok(other.some((d) => d.slice(5) < "03-25") && other.some((d) => d.slice(5) > "04-00"), `${today}: ${other}`);
    assert.ok(other.some((d) => d < today), today);
  }
});

test("an action ticked off leaves the look-back; the link to the timer holds only keys and numbers", () => {
  const g = G.exampleGroup("2027-01-15", prng(7));
  g.acties[0] = G.edit(g.acties[0], { status: "klaar" });
  assert.equal(G.lookBack(g, "2027-01-15").acties.length, 1);
  const next = G.nextMeeting(g, "2027-01-15");
  assert.equal(G.timerQuery(Object.assign({}, next, { methode: "roddelmethode" }), 6), "?agenda=terugblik,roddelmethode,pauze,evaluatie,afsluiting&start=19:00&groep=6");
  assert.equal(G.timerQuery(Object.assign({}, next, { methode: "x\"><b>" }), 6).includes("<"), false);
});

test("recent methods come from the records of held meetings", () => {
  const g = G.exampleGroup("2027-01-15", prng(7));
  assert.deepEqual(G.recentMethods(g, "2027-01-15"), ["vijfstappenmethode"]);
});

/* ------------------------------------------------------------------ merge */

test("merge keeps what only one side has and takes the newer of two versions", () => {
  const r = prng(11);
  const base = G.exampleGroup("2027-01-15", r);
  const here = structuredClone(base);
  const there = structuredClone(base);
  here.leden.push(G.record({ naam: "Gijs" }, r));
  there.acties[0] = G.edit(there.acties[0], { status: "klaar" }, r);
  const { group, conflicts, nieuw, bijgewerkt } = G.merge(here, there);
  assert.deepEqual(conflicts, []);
  assert.equal(nieuw, 0);
  assert.equal(bijgewerkt, 1);
  assert.equal(group.leden.length, 7);
  assert.equal(group.acties[0].status, "klaar");
  // The other way round gives the same group.
  const back = G.merge(there, here).group;
  assert.equal(back.leden.length, 7);
  assert.equal(back.acties.find((a) => a.id === base.acties[0].id).status, "klaar");
});

test("two different edits of one record are a conflict, resolved once for good", () => {
  const r = prng(12);
  const base = G.exampleGroup("2027-01-15", r);
  const here = structuredClone(base);
  const there = structuredClone(base);
  here.acties[1] = G.edit(here.acties[1], { tekst: "Hier veranderd" }, r);
  there.acties[1] = G.edit(there.acties[1], { tekst: "Daar veranderd" }, r);
  const merged = G.merge(here, there);
  assert.equal(merged.conflicts.length, 1);
  assert.equal(merged.conflicts[0].hier.tekst, "Hier veranderd");
  assert.equal(merged.conflicts[0].daar.tekst, "Daar veranderd");
  const done = G.resolve(merged.group, merged.conflicts, ["daar"], r);
  assert.equal(done.acties[1].tekst, "Daar veranderd");
  assert.equal(G.merge(done, there).conflicts.length, 0, "the same file again asks nothing");
  assert.equal(G.merge(done, here).conflicts.length, 0);
});

test("property: merging random edits never loses a record of either side", () => {
  for (let seed = 1; seed <= 100; seed++) {
    const r = prng(seed);
    const base = randomGroup(r);
    const here = structuredClone(base), there = structuredClone(base);
    for (const side of [here, there]) {
      side.leden.push(G.record({ naam: "Nieuw" }, r));
      if (side.bijeenkomsten.length && r() < 0.7) side.bijeenkomsten[0] = G.edit(side.bijeenkomsten[0], { plaats: String(r()) }, r);
    }
    const { group } = G.merge(here, there);
    for (const name of G.COLLECTIONS) {
      const ids = new Set(group[name].map((x) => x.id));
      for (const x of [...here[name], ...there[name]]) assert.ok(ids.has(x.id), `seed ${seed}: lost ${name}`);
    }
  }
});

/* ------------------------------------------------------------------ the file */

test("the schema refuses a wrong format, an unknown field, a bad date and a duplicate id", () => {
  const g = G.exampleGroup("2027-01-15", prng(1));
  const text = JSON.stringify(g);
  assert.ok(G.readFile(text, SCHEMA).group);
  assert.match(G.readFile("{", SCHEMA).error, /niet te lezen/);
  assert.match(G.readFile(JSON.stringify({ ...g, versie: 3 }), SCHEMA).error, /versie 3/);
  const extra = structuredClone(g);
  extra.leden[0].email = "a@b";
  assert.match(G.readFile(JSON.stringify(extra), SCHEMA).error, /klopt niet/);
  const date = structuredClone(g);
  date.bijeenkomsten[0].datum = "morgen";
  assert.match(G.readFile(JSON.stringify(date), SCHEMA).error, /bijeenkomsten\/0\/datum/);
  const twice = structuredClone(g);
  twice.leden.push(twice.leden[0]);
  assert.match(G.readFile(JSON.stringify(twice), SCHEMA).error, /twee keer/);
});

test("a version 1 file (before shared action plans) still imports, and merges with a version 2 group", () => {
  const g = G.exampleGroup("2027-01-15", prng(2));
  const old = structuredClone(g);
  delete old.actieplannen;
  old.versie = 1;
  const read = G.readFile(JSON.stringify(old), SCHEMA);
  assert.equal(read.error, undefined);
  assert.equal(read.group.versie, G.VERSION);
  assert.deepEqual(read.group.actieplannen, []);
  assert.equal(G.isGroup(old), true, "a version 1 group in storage is still a group");
  const here = G.sharePlan(g, { plan: [{ tekst: "Oefenen", wanneer: "", feedback: "", klaar: false }] }, g.leden[1].id, true, prng(3)).group;
  const merged = G.merge(here, old);
  assert.deepEqual(merged.conflicts, []);
  assert.equal(merged.group.actieplannen.length, 1);
  assert.equal(G.merge(G.upgrade(old), here).group.actieplannen.length, 1, "the other way round");
});

test("an action plan enters the group only when shared, under its member, and a second share updates it", () => {
  const r = prng(21);
  const g = G.exampleGroup("2027-01-15", r);
  const bram = g.leden[1].id;
  const own = { plan: [{ tekst: "Feedback vragen aan mijn teamleider", wanneer: "2027-02-01", feedback: "2027-02-15", klaar: false }] };
  const kept = G.sharePlan(g, own, bram, false, r);
  assert.equal(kept.group, g, "not shared: the group is as it was");
  assert.equal(G.isShared(kept.group, kept.own), false);
  const shared = G.sharePlan(g, own, bram, true, r);
  assert.equal(G.check(SCHEMA, shared.group), "");
  assert.deepEqual(G.sharedPlans(shared.group), [{ id: shared.group.actieplannen[0].id, naam: "Bram", acties: own.plan }]);
  assert.equal(G.isShared(shared.group, shared.own), true);
  // Sharing again without a change changes nothing; with a change it is a newer revision of the same record.
  assert.equal(G.sharePlan(shared.group, shared.own, bram, true, r).group, shared.group);
  const more = { ...shared.own, plan: [...own.plan, { tekst: "Een tweede actie", wanneer: "", feedback: "", klaar: false }] };
  const again = G.sharePlan(shared.group, more, bram, true, r);
  assert.equal(again.group.actieplannen.length, 1);
  assert.deepEqual(G.merge(shared.group, again.group).conflicts, []);
  assert.equal(G.merge(shared.group, again.group).group.actieplannen[0].acties.length, 2, "the newer share wins");
  // Taking it back marks it gone, so the others' copies go too when they import.
  const back = G.sharePlan(again.group, again.own, bram, false, r);
  assert.deepEqual(G.sharedPlans(back.group), []);
  assert.deepEqual(G.sharedPlans(G.merge(again.group, back.group).group), []);
  // Nobody chosen, or someone not in the group: nothing is shared.
  assert.equal(G.sharePlan(g, own, "", true, r).group, g);
});

test("a shared plan never touches the importer's own plan: it lives in the group, the own plan apart", () => {
  const r = prng(22);
  const g = G.exampleGroup("2027-01-15", r);
  const theirs = G.sharePlan(g, { plan: [{ tekst: "Hun actie" }] }, g.leden[2].id, true, r).group;
  const mine = { plan: [{ tekst: "Mijn actie", wanneer: "", feedback: "", klaar: false }] };
  const merged = G.merge(g, theirs).group;
  assert.deepEqual(mine.plan.map((p) => p.tekst), ["Mijn actie"]);
  assert.deepEqual(G.sharedPlans(merged).map((p) => [p.naam, p.acties.map((a) => a.tekst)]), [["Carla", ["Hun actie"]]]);
  assert.equal(G.isShared(merged, mine), false);
});

/* ------------------------------------------------------------------ .ics */

const cal = (meetings) => ics.calendar({ naam: "Intervisie, groep; A\\B", uid: "g1", meetings }, Date.UTC(2027, 0, 15, 12));

test(".ics: CRLF lines of at most 75 octets, a VTIMEZONE and TZID'd local times", () => {
  const text = cal([
    { id: "m1", datum: "2027-03-04", start: "19:00", eind: "21:00", plaats: "Zaal 2, achterin", beschrijving: "Één, twee; drie\nvier ".repeat(20) },
    { id: "m2", datum: "2027-04-01", start: "19:00", eind: "21:00", geannuleerd: true },
  ]);
  assert.ok(text.endsWith("\r\n"));
  assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, "only CRLF line ends");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75, line);
  assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam/);
  assert.match(text, /DTSTART;TZID=Europe\/Amsterdam:20270304T190000/);
  assert.match(text, /DTSTART;TZID=Europe\/Amsterdam:20270401T190000/);
  assert.match(text, /SUMMARY:Intervisie\\, groep\\; A\\\\B/);
  assert.match(text, /STATUS:CANCELLED/);
  const unfolded = text.replace(/\r\n /g, "");
  assert.match(unfolded, /DESCRIPTION:Één\\, twee\\; drie\\nvier/);
});

test(".ics: an evening past midnight ends the next day", () => {
  assert.match(cal([{ id: "m", datum: "2027-03-31", start: "22:30", eind: "00:30" }]), /DTEND;TZID=Europe\/Amsterdam:20270401T003000/);
});

/* ------------------------------------------------------------------ lock */

test("a locked file opens with its passphrase, and not with another or after a changed byte", async () => {
  const plain = JSON.stringify({ formaat: "intervisie-groep", naam: "Één groep" });
  const locked = await lock.lock(plain, "paard batterij nietje");
  assert.ok(lock.isLocked(locked));
  assert.equal(locked.includes("Één"), false);
  assert.equal(JSON.parse(locked).iteraties >= 600_000, true);
  assert.deepEqual(await lock.unlock(locked, "paard batterij nietje"), { text: plain });
  assert.match((await lock.unlock(locked, "paard batterij")).error, /wachtwoordzin klopt niet/);
  const v = JSON.parse(locked);
  const bytes = Buffer.from(v.inhoud, "base64");
  bytes[3] ^= 1;
  assert.match((await lock.unlock(JSON.stringify({ ...v, inhoud: bytes.toString("base64") }), "paard batterij nietje")).error, /veranderd/);
  assert.match((await lock.unlock(JSON.stringify({ ...v, iteraties: 600_001 }), "paard batterij nietje")).error, /veranderd/);
  assert.match((await lock.unlock(JSON.stringify({ ...v, iteraties: 1000 }), "paard batterij nietje")).error, /veranderd/);
});

test("the end-of-cycle evaluation counts apart from the meetings' chart", () => {
  const r = prng(31);
  const g = G.exampleGroup("2027-01-15", r);
  assert.equal(G.cycleScores(g), null);
  const before = G.chartData(g);
  g.evaluaties.push(G.record({ bijeenkomst: G.CYCLE, niveau: "proces", scores: { ritme: 4, methode: 3 }, open: {} }, r));
  assert.deepEqual(G.cycleScores(g).scores, { persoon: null, groep: null, proces: 3.5 });
  assert.deepEqual(G.chartData(g), before);
  assert.equal(G.check(SCHEMA, g), "");
});
