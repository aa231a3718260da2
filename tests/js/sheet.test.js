// The printed session plan and the kept plans (docs/assets/javascripts/timer/sheet.js), outside the
// browser: Dutch long dates, the rows of the one-page plan, and cleaning what storage gives back.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../docs/assets/javascripts/timer/sheet.js");
const P = require("../../docs/assets/javascripts/lib/plan.js");
const DATA = require("./fixtures/plan-data.json");

const SESSION = "?agenda=opening,snelle-adviesronde,pauze,evaluatie&minuten=90&groep=7&rondes=3&start=19:00";

/** A localStorage stand-in, so the records are tested as the page writes them. */
function fakeArea() {
  const map = new Map();
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
}

test("a day reads as a Dutch long date, and a day that does not exist as nothing", () => {
  assert.equal(S.longDate("2025-03-03"), "maandag 3 maart 2025");
  assert.equal(S.longDate("2024-02-29"), "donderdag 29 februari 2024");
  assert.equal(S.longDate("2025-02-29"), "");
  assert.equal(S.longDate("3-3-2025"), "");
  assert.equal(S.longDate(null), "");
  assert.equal(S.isoDay(new Date(2025, 2, 3, 23, 59)), "2025-03-03", "the reader's own day, not UTC's");
});

test("the plan's rows give clock times per block and step, and each later round one row", () => {
  const built = P.build(P.decode(SESSION).request, DATA);
  const { rows, end, total } = S.sheetRows(built.plan, "19:00");
  assert.equal(total, 90);
  assert.equal(end, "20:30");
  assert.deepEqual(rows[0], Object.assign({}, rows[0], { kind: "block", block: "opening", time: "19:00" }));
  assert.ok(rows[0].what, "a block of one step says what happens in it");
  const method = rows.filter((r) => r.block === "snelle-adviesronde");
  assert.equal(method[0].kind, "block");
  assert.match(method[0].name, /\(3 onderwerpen\)$/);
  assert.deepEqual(method.filter((r) => r.kind === "round").map((r) => r.name), ["Onderwerp 2", "Onderwerp 3"]);
  assert.ok(method.some((r) => r.kind === "step" && r.round === "onderwerp 1" && r.who), "round 1 in full, with who");
  // Every minute is on the sheet once: the block rows add up to the session, steps and rounds to their block.
  const blocks = rows.filter((r) => r.kind === "block");
  assert.equal(blocks.reduce((n, r) => n + r.minutes, 0), 90);
  assert.equal(method.slice(1).reduce((n, r) => n + r.minutes, 0), method[0].minutes);
  // The times run in order and a later round names its steps with their times.
  const times = rows.map((r) => r.time);
  assert.deepEqual(times, times.slice().sort());
  const second = method.find((r) => r.name === "Onderwerp 2");
  assert.ok(second.what.startsWith(`Dezelfde stappen als onderwerp 1: ${second.time} `), second.what);
});

test("without a start time the rows count from 0:00", () => {
  const built = P.build(P.decode("?methode=vijfstappenmethode").request, DATA);
  const { rows, end, total } = S.sheetRows(built.plan, null);
  assert.equal(rows[0].time, "0:00");
  assert.equal(rows[1].time, "0:00", "the first step starts with its block");
  assert.equal(end, `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`);
});

test("role names from storage: only the four roles, as short text", () => {
  assert.deepEqual(S.cleanRoles({ procesbegeleider: " Anouk ", notulist: "Dirk", baas: "X", tijdbewaker: 3 }),
    { procesbegeleider: "Anouk", notulist: "Dirk" });
  assert.equal(S.cleanRoles({ casusinbrenger: "a".repeat(500) }).casusinbrenger.length, 80);
  for (const garbage of [null, "Anouk", [], 7, { __proto__: { notulist: "geërfd" } }]) assert.deepEqual(S.cleanRoles(garbage), {});
});

test("a saved plan's link is always a plan link that plan.decode accepts", () => {
  assert.equal(S.cleanLink(SESSION), SESSION);
  assert.equal(S.cleanLink("?methode=vijfstappenmethode&minuten=abc"), "?methode=vijfstappenmethode");
  for (const bad of ["https://example.org/?methode=x", "javascript:alert(1)", "?minuten=90", "", 42, null, "?agenda=<script>"]) {
    assert.equal(S.cleanLink(bad), "", String(bad));
  }
});

test("saving under a name puts the plan first and replaces one with the same name", () => {
  const a = { naam: "Maandag", link: "?methode=a", dag: "2025-03-03" };
  const b = { naam: "Dinsdag", link: "?methode=b", dag: "2025-03-04" };
  let { plans, replaced } = S.withPlan([a], b);
  assert.deepEqual(plans.map((p) => p.naam), ["Dinsdag", "Maandag"]);
  assert.equal(replaced, false);
  ({ plans, replaced } = S.withPlan(plans, { naam: "maandag", link: "?methode=c", dag: "" }));
  assert.deepEqual(plans.map((p) => p.link), ["?methode=c", "?methode=b"]);
  assert.equal(replaced, true);
  assert.deepEqual(S.withoutPlan(plans, "Dinsdag").map((p) => p.naam), ["maandag"]);
  const many = Array.from({ length: 5000 }, (_, i) => ({ naam: `p${i}`, link: "?methode=a", dag: "" }));
  assert.equal(S.withPlan(many, a).plans.length, 5001, "no number of plans lets one go");
});

test("thousands of saved plans are all read back, none counted as unreadable", () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ naam: `Plan ${i}`, link: SESSION, dag: "2026-12-01" }));
  const started = process.hrtime.bigint();
  const { plans, skipped } = S.cleanPlans(many);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(plans.length, 5000);
  assert.equal(skipped, false);
  assert.ok(ms < 2000, `reading 5,000 plans took ${ms} ms`);
});

test("two tabs saving plans keep both, and a delete in one removes only that plan", () => {
  const area = fakeArea();
  const tabA = S.stores(() => area);
  const tabB = S.stores(() => area);
  const plan = (naam) => ({ naam, link: "?methode=vijfstappenmethode", dag: "2026-12-01" });
  assert.equal(S.savePlan(tabA, plan("Maandag")).ok, true);
  assert.equal(S.savePlan(tabB, plan("Dinsdag")).ok, true);
  // Tab A deletes Maandag after B saved Dinsdag: Dinsdag stays.
  const del = S.deletePlan(tabA, "Maandag");
  assert.deepEqual(del.plans.map((p) => p.naam), ["Dinsdag"]);
  const saved = S.savePlan(tabB, plan("Woensdag"));
  assert.deepEqual(saved.plans.map((p) => p.naam), ["Woensdag", "Dinsdag"], "Maandag stays deleted");
  assert.equal(S.savePlan(tabA, plan("dinsdag")).replaced, true, "the same name (any capitals) is the same plan");
  assert.deepEqual(tabB.plans.read().map((p) => p.naam), ["dinsdag", "Woensdag"]);
  assert.deepEqual(S.deletePlan(tabB, "dinsdag").plans.map((p) => p.naam), ["Woensdag"]);
  assert.deepEqual(S.deletePlan(tabA, "Woensdag").plans, []);
  assert.equal(area.getItem(S.PLANS_KEY), null, "the last plan gone: nothing stored");
});

test("role names from two tabs: the last name per role wins, the other roles stay", () => {
  const area = fakeArea();
  const tabA = S.stores(() => area);
  const tabB = S.stores(() => area);
  S.saveRole(tabA, "procesbegeleider", "Anouk");
  S.saveRole(tabB, "notulist", "Dirk");
  S.saveRole(tabA, "notulist", "Daan");
  assert.deepEqual(tabB.roles.read(), { procesbegeleider: "Anouk", notulist: "Daan" });
  S.saveRole(tabB, "procesbegeleider", "  ");
  assert.deepEqual(tabA.roles.read(), { notulist: "Daan" });
  S.saveRole(tabA, "notulist", "");
  assert.equal(area.getItem(S.ROLES_KEY), null);
  assert.deepEqual(S.withRole({ baas: "X", notulist: "Dirk" }, "casusinbrenger", "Chantal"), { notulist: "Dirk", casusinbrenger: "Chantal" });
});

test("full storage: saving fails, says so, and leaves what was stored untouched", () => {
  const items = new Map();
  let full = false;
  const area = {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => {
      if (full) throw new Error("QuotaExceededError");
      items.set(k, String(v));
    },
    removeItem: (k) => items.delete(k),
  };
  const store = S.stores(() => area);
  S.savePlan(store, { naam: "Oud", link: "?methode=a", dag: "" });
  S.saveRole(store, "notulist", "Dirk");
  const before = new Map(items);
  full = true;
  const saved = S.savePlan(store, { naam: "Nieuw", link: "?methode=b", dag: "" });
  assert.equal(saved.ok, false);
  assert.deepEqual(saved.plans.map((p) => p.naam), ["Oud"]);
  assert.equal(S.saveRole(store, "procesbegeleider", "Anouk").ok, false);
  assert.deepEqual(items, before);
});

test("garbage among the saved plans is left out and said, the rest survives", () => {
  const good = { naam: "Groep A", link: SESSION, dag: "2025-03-03" };
  const { plans, skipped } = S.cleanPlans([good, null, { naam: "", link: SESSION }, { naam: "X", link: "https://evil" },
    { naam: "groep a", link: SESSION }, { naam: "Y", link: "?methode=a", dag: "morgen" }, "tekst"]);
  assert.deepEqual(plans, [good, { naam: "Y", link: "?methode=a", dag: "" }]);
  assert.equal(skipped, true);
  assert.deepEqual(S.cleanPlans(null), { plans: [], skipped: false });
  assert.deepEqual(S.cleanPlans({ naam: "x" }), { plans: [], skipped: true });
});

test("the two records are versioned, and garbage in them reads as nothing", () => {
  const area = fakeArea();
  const { plans, roles } = S.stores(() => area);
  assert.equal(plans.key, S.PLANS_KEY);
  assert.equal(roles.key, S.ROLES_KEY);
  assert.ok(plans.write([{ naam: "A", link: "?methode=a", dag: "" }]));
  assert.deepEqual(JSON.parse(area.getItem(S.PLANS_KEY)).v, 1);
  area.setItem(S.PLANS_KEY, "{niet json");
  assert.deepEqual(plans.load(), { data: null, discarded: true });
  area.setItem(S.ROLES_KEY, JSON.stringify({ v: 1, data: ["Anouk"] }));
  assert.equal(roles.read(), null);
  area.setItem(S.PLANS_KEY, JSON.stringify({ v: 2, data: [] }));
  assert.equal(plans.load().discarded, true, "a newer version this page cannot read");
});

test("a list of plans this page cannot read is never overwritten by a save", () => {
  const area = fakeArea();
  const newer = JSON.stringify({ v: 2, data: [{ naam: "Van later", link: "?methode=a" }] });
  area.setItem(S.PLANS_KEY, newer);
  const result = S.savePlan(S.stores(() => area), { naam: "Nieuw", link: "?methode=a", dag: "" });
  assert.equal(result.ok, false);
  assert.equal(result.unreadable, true);
  assert.equal(area.getItem(S.PLANS_KEY), newer);
});
