// The widgets' shared library (docs/assets/javascripts/lib/widget.js) outside the browser: versioned
// storage with a fake localStorage, and the small helpers every widget uses.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const W = require("../../docs/assets/javascripts/lib/widget.js");

/** A localStorage stand-in; `full` makes setItem fail as a full quota does, `refuse` every call. */
function fakeArea({ full = false, refuse = false } = {}) {
  const items = new Map();
  const guard = () => {
    if (refuse) throw new Error("SecurityError");
  };
  return {
    items,
    getItem: (key) => (guard(), items.has(key) ? items.get(key) : null),
    setItem: (key, value) => {
      guard();
      if (full) throw new Error("QuotaExceededError");
      items.set(key, String(value));
    },
    removeItem: (key) => (guard(), items.delete(key)),
  };
}

const isCount = (data) => Number.isInteger(data.count) && data.count >= 0;

test("a written value reads back as it was, stored as a record {v, data}", () => {
  const area = fakeArea();
  const slot = W.storage("k", { version: 3, validate: isCount, area: () => area });
  assert.equal(slot.write({ count: 2 }), true);
  assert.deepEqual(JSON.parse(area.items.get("k")), { v: 3, data: { count: 2 } });
  assert.deepEqual(slot.read(), { count: 2 });
  assert.deepEqual(slot.load(), { data: { count: 2 }, discarded: false });
});

test("nothing stored is null and not discarded", () => {
  const slot = W.storage("k", { area: () => fakeArea() });
  assert.deepEqual(slot.load(), { data: null, discarded: false });
});

test("garbage, a wrong version and what validate refuses are discarded, never thrown", () => {
  const area = fakeArea();
  const slot = W.storage("k", { version: 2, validate: isCount, area: () => area });
  const cases = {
    "not json": "{kapot",
    "json null": "null",
    "a number": "7",
    "an older record": JSON.stringify({ v: 1, data: { count: 1 } }),
    "a newer record": JSON.stringify({ v: 3, data: { count: 1 } }),
    "refused by validate": JSON.stringify({ v: 2, data: { count: -1 } }),
    "data missing": JSON.stringify({ v: 2 }),
    "validate trips over it": JSON.stringify({ v: 2, data: null }),
  };
  for (const [name, text] of Object.entries(cases)) {
    area.items.set("k", text);
    assert.deepEqual(slot.load(), { data: null, discarded: true }, name);
  }
});

test("a value from before the record format is migrated, and an unknown old one is discarded", () => {
  const area = fakeArea();
  const migrate = (old) => (old && old.version === 1 ? { count: old.n } : null);
  const slot = W.storage("k", { version: 2, migrate, validate: isCount, area: () => area });
  area.items.set("k", JSON.stringify({ version: 1, n: 5 }));
  assert.deepEqual(slot.load(), { data: { count: 5 }, discarded: false });
  area.items.set("k", JSON.stringify({ version: 0, n: 5 }));
  assert.deepEqual(slot.load(), { data: null, discarded: true });
  area.items.set("k", JSON.stringify({ version: 1, n: -5 }));
  assert.equal(slot.load().discarded, true, "a migrated value is validated too");
});

test("full storage makes write return false; refused storage reads null; nothing throws", () => {
  const full = fakeArea({ full: true });
  assert.equal(W.storage("k", { area: () => full }).write({ count: 1 }), false);
  const refused = fakeArea({ refuse: true });
  const slot = W.storage("k", { area: () => refused });
  assert.deepEqual(slot.load(), { data: null, discarded: false });
  assert.equal(slot.write({ count: 1 }), false);
  assert.equal(slot.remove(), false);
  const none = W.storage("k", { area: () => null });
  assert.equal(none.read(), null);
  assert.equal(none.write(1), false);
});

test("without a browser localStorage is simply unavailable", () => {
  assert.equal(W.localArea(), null);
  assert.equal(W.storage("k").read(), null);
});

test("keys from a link are looked up in a Map, so inherited names are unknown", () => {
  const map = W.byKey([{ slug: "a" }, { slug: "b" }], "slug");
  assert.equal(map.get("b").slug, "b");
  for (const name of ["constructor", "__proto__", "toString"]) assert.equal(map.has(name), false, name);
});

test("clip cuts long values with an ellipsis and leaves short ones alone", () => {
  assert.equal(W.clip("kort"), "kort");
  assert.equal(W.clip("x".repeat(41)), `${"x".repeat(40)}…`);
  assert.equal(W.clip("abcdef", 3), "abc…");
});

test("fill puts values into {placeholders} as text and leaves unknown ones", () => {
  assert.equal(W.fill("Kaart {naam} en {ander}", { naam: "<b>" }), "Kaart <b> en {ander}");
  assert.equal(W.fill("{constructor}", {}), "{constructor}");
  assert.equal(W.fill(undefined), "");
});

test("limits come from data-limits JSON; unreadable limits are empty", () => {
  assert.deepEqual(W.limitsOf({ dataset: { limits: '{"minuten":[1,600]}' } }), { minuten: [1, 600] });
  assert.deepEqual(W.limitsOf({ dataset: { limits: "{kapot" } }), {});
  assert.deepEqual(W.limitsOf({ dataset: { limits: "[1]" } }), {});
  assert.deepEqual(W.limitsOf({ dataset: {} }), {});
});

/** A live region and a life whose timeouts run when the test says so. */
function fakeRegion() {
  const pending = [];
  const el = { textContent: "" };
  const life = { later: (fn, ms) => pending.push({ fn, ms }) && pending.length };
  return { el, life, flush: () => pending.splice(0).forEach((t) => t.fn()), pending };
}

test("announcements: the first is said at once, a burst waits and only the newest is said", () => {
  const { el, life, flush, pending } = fakeRegion();
  const say = W.announcer(el, life, { gap: 60_000 });
  say("een");
  assert.equal(el.textContent, "een");
  say("twee");
  say("drie");
  assert.equal(el.textContent, "een", "held back within the gap");
  assert.equal(pending.length, 1, "one timeout for the burst");
  flush();
  assert.equal(el.textContent, "drie");
});

test("announcements: the same sentence twice is cleared and written again, so it is read again", () => {
  const { el, life, flush } = fakeRegion();
  const say = W.announcer(el, life, { gap: 0 });
  say("zelfde");
  say("zelfde");
  assert.equal(el.textContent, "");
  flush();
  assert.equal(el.textContent, "zelfde");
});

/** Frames and timers run by hand: `frame()` runs the waiting frame callbacks, `tick()` the timeouts. */
function fakeScheduler() {
  const frames = new Map();
  const timers = new Map();
  let next = 1;
  const saved = {};
  const names = ["requestAnimationFrame", "cancelAnimationFrame", "setTimeout", "clearTimeout"];
  for (const name of names) saved[name] = globalThis[name];
  globalThis.requestAnimationFrame = (fn) => (frames.set(next, fn), next++);
  globalThis.cancelAnimationFrame = (id) => frames.delete(id);
  globalThis.setTimeout = (fn) => (timers.set(next, fn), next++);
  globalThis.clearTimeout = (id) => timers.delete(id);
  const runAll = (map) => {
    const due = [...map.values()];
    map.clear();
    due.forEach((fn) => fn());
  };
  return {
    frame: () => runAll(frames),
    tick: () => runAll(timers),
    waiting: () => frames.size + timers.size,
    restore: () => names.forEach((name) => (globalThis[name] = saved[name])),
  };
}

test("afterPaint runs in a task of its own after the next frame, and never after leaving", () => {
  const clock = fakeScheduler();
  try {
    const cleanups = [];
    const life = W.lifeOf(new AbortController(), cleanups);
    const ran = [];
    life.afterPaint(() => ran.push("plan"));
    clock.tick();
    assert.deepEqual(ran, [], "not before the frame");
    clock.frame();
    assert.deepEqual(ran, [], "not inside the frame either");
    clock.tick();
    assert.deepEqual(ran, ["plan"]);

    const controller = new AbortController();
    const gone = [];
    const left = W.lifeOf(controller, gone);
    left.afterPaint(() => ran.push("too late"));
    clock.frame();
    controller.abort();
    gone.forEach((fn) => fn());
    clock.tick();
    assert.deepEqual(ran, ["plan"], "the reader left before it ran");
    assert.equal(clock.waiting(), 0);
  } finally {
    clock.restore();
  }
});

test("a link that only changes the query of this page is told apart from every other link", () => {
  const here = { origin: "https://x.nl", pathname: "/ih/timer/", search: "?methode=a" };
  assert.equal(W.onlyQueryChanges("https://x.nl/ih/timer/?agenda=b", here), true);
  assert.equal(W.onlyQueryChanges("https://x.nl/ih/timer/", here), true, "back to the choice");
  assert.equal(W.onlyQueryChanges("https://x.nl/ih/timer/?methode=a#plan", here), false, "a jump within the page");
  assert.equal(W.onlyQueryChanges("https://x.nl/ih/kiezen/?methode=a", here), false, "another page");
  assert.equal(W.onlyQueryChanges("https://y.nl/ih/timer/?agenda=b", here), false, "another site");
});
