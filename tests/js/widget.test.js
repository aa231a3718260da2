// The widgets' shared library (docs/assets/javascripts/lib/widget.js) outside the browser: versioned
// storage with a fake localStorage, the small helpers every widget uses, and the address bar's pacing
// (lib/address.js, which adds itself to the library).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const W = require("../../docs/assets/javascripts/lib/address.js"); // lib/widget.js with the address bar added

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
  globalThis.setTimeout = (fn, ms = 0) => (timers.set(next, { fn, ms }), next++);
  globalThis.clearTimeout = (id) => timers.delete(id);
  const runAll = (map) => {
    const due = [...map.values()];
    map.clear();
    due.forEach((fn) => fn());
  };
  /** Run the timers due within `ms` (those set for later wait, with that much less to go). */
  const tick = (ms = 0) => {
    const due = [...timers].filter(([, t]) => t.ms <= ms);
    for (const [id, t] of timers) if (t.ms > ms) t.ms -= ms;
    due.forEach(([id]) => timers.delete(id));
    due.forEach(([, t]) => t.fn());
  };
  return {
    frame: () => runAll(frames),
    tick,
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

test("afterPaint runs once all the same when no frame comes (a tab in the background)", () => {
  const clock = fakeScheduler();
  try {
    const life = W.lifeOf(new AbortController(), []);
    const ran = [];
    life.afterPaint(() => ran.push("plan"));
    clock.tick(100);
    assert.deepEqual(ran, [], "a frame normally comes first");
    clock.tick(200);
    clock.tick();
    assert.deepEqual(ran, ["plan"], "no frame came within 250 ms");
    clock.frame();
    clock.tick(1000);
    assert.deepEqual(ran, ["plan"], "and a late frame does not run it twice");
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

/**
 * A fake clock and address bar for W.addressWriter. `limit` makes the bar behave like WebKit's history:
 * it throws past `limit` writes within 10 s. `drop` makes it ignore writes silently, as Chromium does.
 */
function fakeAddress({ limit = Infinity, drop = false, start = "/kiezen/" } = {}) {
  let t = 0;
  let nextId = 1;
  const timers = new Map();
  const bar = { value: start, writes: [], refused: 0, alive: true };
  const writer = W.addressWriter({
    now: () => t,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: t + ms, fn });
      return id;
    },
    clearTimer: (id) => timers.delete(id),
    current: () => bar.value,
    alive: () => bar.alive,
    replace: (value) => {
      const recent = bar.writes.filter((w) => w.at > t - 10_000).length;
      if (recent >= limit) {
        bar.refused += 1;
        throw new Error("SecurityError: Attempt to use history.replaceState() more than 100 times per 10 seconds");
      }
      bar.writes.push({ at: t, value });
      if (!drop) bar.value = value;
    },
  });
  /** Move the clock on by `ms`, running every timer that falls due on the way, in order. */
  const advance = (ms) => {
    const end = t + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      t = Math.max(t, due[1].at);
      due[1].fn();
    }
    t = end;
  };
  return { writer, bar, advance, timers };
}

test("the address: a value is written at once when the writer is idle", () => {
  const { writer, bar } = fakeAddress();
  writer.write("/kiezen/?minuten=60");
  assert.equal(bar.value, "/kiezen/?minuten=60");
  assert.equal(bar.writes.length, 1);
  assert.equal(writer.pending, null);
});

test("the address: a value equal to the address is not written", () => {
  const { writer, bar } = fakeAddress({ start: "/kiezen/?minuten=60" });
  writer.write("/kiezen/?minuten=60");
  assert.equal(bar.writes.length, 0);
  writer.write("/kiezen/?minuten=61");
  writer.write("/kiezen/?minuten=61");
  assert.equal(bar.writes.length, 1, "the second, same value is not written again");
});

test("the address: a few quick changes are each written at once", () => {
  const { writer, bar, advance } = fakeAddress();
  for (let i = 1; i <= 5; i += 1) {
    writer.write(`/kiezen/?minuten=${60 + i}`);
    assert.equal(bar.value, `/kiezen/?minuten=${60 + i}`, `change ${i} is in the address at once`);
    advance(50);
  }
});

test("the address: a burst is coalesced to one write per gap, and the last value lands", () => {
  const { writer, bar, advance } = fakeAddress();
  // An arrow key held down: a new value every 33 ms for 5 s (150 values).
  for (let i = 1; i <= 150; i += 1) {
    writer.write(`/kiezen/?minuten=${60 + i}`);
    advance(33);
  }
  assert.ok(bar.writes.length <= 8 + Math.ceil((150 * 33) / 300), `${bar.writes.length} writes`);
  const gaps = bar.writes.slice(9).map((w, i) => w.at - bar.writes[i + 8].at);
  assert.ok(gaps.every((g) => g >= 299), `after the first few, never two writes within 300 ms: ${gaps}`);
  assert.notEqual(bar.value, "/kiezen/?minuten=210", "the last value waits for its turn");
  advance(300);
  assert.equal(bar.value, "/kiezen/?minuten=210", "the last value is in the address within the gap");
  assert.equal(writer.pending, null);
});

test("the address: never more writes in 10 s than WebKit allows, however long the burst", () => {
  const { writer, bar, advance } = fakeAddress();
  for (let i = 1; i <= 2000; i += 1) {
    writer.write(`/kaarten/?kaart=${i}`);
    advance(10);
  }
  const most = Math.max(...bar.writes.map((w) => bar.writes.filter((x) => x.at >= w.at && x.at < w.at + 10_000).length));
  assert.ok(most <= 50, `${most} writes within 10 s`);
});

test("the address: going back to the value in the address drops the waiting write", () => {
  const { writer, bar, advance } = fakeAddress();
  for (let i = 1; i <= 10; i += 1) writer.write(`/kiezen/?minuten=${60 + i}`); // the last ones wait
  assert.notEqual(writer.pending, null);
  writer.write(bar.value);
  assert.equal(writer.pending, null);
  const writes = bar.writes.length;
  advance(1000);
  assert.equal(bar.writes.length, writes);
});

test("the address: a refused write (thrown) is caught and tried again later", () => {
  // The writer's own pace stays far below WebKit's 100 writes per 10 s, but the page shares that budget (Material
  // writes the scroll position too): here only 20 are left for the widget.
  const { writer, bar, advance } = fakeAddress({ limit: 20 });
  // A new value every 50 ms for 40 s.
  for (let i = 1; i <= 800; i += 1) {
    assert.doesNotThrow(() => writer.write(`/kaarten/?kaart=${i}`));
    advance(50);
  }
  assert.ok(bar.refused > 0, "the fake bar did refuse some writes");
  advance(10_000);
  assert.equal(bar.value, "/kaarten/?kaart=800", "the last value landed once the browser allowed it again");
  assert.equal(writer.pending, null);
});

test("the address: a write the browser dropped silently is tried again", () => {
  const { writer, bar, advance } = fakeAddress({ drop: true });
  writer.write("/kaarten/?kaart=a");
  assert.equal(writer.pending, "/kaarten/?kaart=a", "still waiting: the address did not change");
  const tries = bar.writes.length;
  advance(1000);
  assert.ok(bar.writes.length > tries, "tried again after a second");
});

test("the address: after a refusal the writer waits longer each time, but not for ever", () => {
  const { writer, bar, advance } = fakeAddress({ limit: 0 });
  writer.write("/kaarten/?kaart=a");
  advance(60_000); // every try is refused: 1, 2, 4, 8 s, then every 8 s
  assert.equal(bar.value, "/kiezen/");
  assert.ok(bar.refused >= 7 && bar.refused <= 15, `${bar.refused} tries in a minute`);
});

test("the address: nothing is written once the address belongs to another page", () => {
  const { writer, bar, advance, timers } = fakeAddress();
  for (let i = 1; i <= 10; i += 1) writer.write(`/kiezen/?minuten=${60 + i}`); // the last ones wait
  bar.alive = false; // a link was followed: the address is the next page's
  bar.value = "/timer/";
  advance(1000);
  assert.equal(bar.value, "/timer/");
  writer.write("/kiezen/?minuten=63");
  advance(1000);
  assert.equal(bar.value, "/timer/");
  assert.equal(timers.size, 0, "no timer left running");
});

test("the address: flush writes what waits at once; close drops it", () => {
  const { writer, bar, advance, timers } = fakeAddress();
  for (let i = 1; i <= 10; i += 1) writer.write(`/kiezen/?minuten=${60 + i}`);
  assert.equal(writer.pending, "/kiezen/?minuten=70");
  writer.flush();
  assert.equal(bar.value, "/kiezen/?minuten=70");
  for (let i = 1; i <= 10; i += 1) writer.write(`/kiezen/?minuten=${80 + i}`);
  writer.close();
  advance(1000);
  assert.notEqual(bar.value, "/kiezen/?minuten=90");
  assert.equal(timers.size, 0);
});

test("update starts from what storage holds now: two writers of one key merge", () => {
  const area = fakeArea();
  const tabA = W.storage("k", { validate: Array.isArray, area: () => area });
  const tabB = W.storage("k", { validate: Array.isArray, area: () => area });
  const add = (x) => (list) => (list || []).concat([x]);
  assert.deepEqual(tabA.update(add("a")), { ok: true, data: ["a"], changed: true });
  assert.deepEqual(tabB.update(add("b")), { ok: true, data: ["a", "b"], changed: true });
  assert.deepEqual(tabA.read(), ["a", "b"]);
  // The same value again writes nothing; undefined leaves storage alone; null removes.
  assert.equal(tabA.update((list) => list.slice()).changed, false);
  assert.deepEqual(tabA.update(() => undefined), { ok: true, data: ["a", "b"], changed: false });
  assert.equal(tabB.update(() => null).ok, true);
  assert.equal(area.items.has("k"), false);
  assert.equal(tabB.update(() => null).changed, false, "removing nothing is no change");
});

test("update into full or refused storage reports failure and keeps the stored value", () => {
  const area = fakeArea();
  W.storage("k", { area: () => area }).write(["kept"]);
  const full = Object.assign(Object.create(area), {
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  });
  const slot = W.storage("k", { area: () => full });
  const seen = [];
  const result = slot.update((list) => (seen.push(list), list.concat(["new"])));
  assert.deepEqual(result, { ok: false, data: ["kept", "new"], changed: true });
  assert.deepEqual(seen, [["kept"]]);
  assert.deepEqual(W.storage("k", { area: () => area }).read(), ["kept"]);
  assert.equal(W.storage("k", { area: () => fakeArea({ refuse: true }) }).update(() => [1]).ok, false);
  assert.equal(W.storage("k", { area: () => null }).update(() => [1]).ok, false);
});

test("update hands a garbled value to fn as nothing, saying it was discarded", () => {
  const area = fakeArea();
  area.setItem("k", "{kapot");
  const got = [];
  W.storage("k", { area: () => area }).update((data, info) => (got.push([data, info.discarded]), undefined));
  assert.deepEqual(got, [[null, true]]);
  assert.equal(area.items.get("k"), "{kapot", "undefined leaves even garbage in place");
});

test("watch calls back with the stored data on another tab's change of the key, and on a clear", () => {
  const area = fakeArea();
  const slot = W.storage("k", { area: () => area });
  const events = new EventTarget();
  const controller = new AbortController();
  const life = W.lifeOf(controller, []);
  const seen = [];
  slot.watch(life, (data) => seen.push(data), events);
  const storageEvent = (key) => Object.assign(new Event("storage"), { key });
  W.storage("k", { area: () => area }).write({ n: 1 });
  events.dispatchEvent(storageEvent("k"));
  events.dispatchEvent(storageEvent("andere.sleutel"));
  area.removeItem("k");
  events.dispatchEvent(storageEvent(null)); // localStorage.clear() in another tab
  controller.abort();
  events.dispatchEvent(storageEvent("k"));
  assert.deepEqual(seen, [{ n: 1 }, null]);
});
