// The function the finish stage puts into Material's bundle (sitebuild/finish/lazy_index.js) outside the
// browser: a minimal Observable and document stand in for RxJS and the page.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const source = fs.readFileSync(path.join(__dirname, "../../sitebuild/finish/lazy_index.js"), "utf8");
const deferIndex = (0, eval)(source.slice(source.indexOf("(function")));

/** Just enough of an RxJS Observable: subscribe(observer) returns {unsubscribe}. */
class Observable {
  constructor(subscribe) {
    this._subscribe = subscribe;
  }
  subscribe(observer) {
    const teardown = this._subscribe(observer);
    return { unsubscribe: () => teardown && teardown() };
  }
}

/** The theme's fetch: counts its calls and gives every subscriber the same index. */
function fakeLoad() {
  const load = () => {
    load.calls += 1;
    return new Observable((observer) => observer.next({ docs: ["index"] }));
  };
  load.calls = 0;
  return load;
}

/** A document that keeps its listeners, and dispatches events to them. */
function fakeDocument() {
  const listeners = new Map();
  return {
    listeners,
    addEventListener: (type, fn) => listeners.set(type, [...(listeners.get(type) || []), fn]),
    removeEventListener: (type, fn) => listeners.set(type, (listeners.get(type) || []).filter((f) => f !== fn)),
    dispatch(type, target) {
      for (const fn of [...(listeners.get(type) || [])]) fn({ type, target });
    },
  };
}

const inside = (selector) => ({ closest: (s) => (s.includes(selector) ? {} : null) });
const elsewhere = { closest: () => null };

test("the index is fetched only when the reader focuses the search field, once for all subscribers", () => {
  const load = fakeLoad();
  const doc = fakeDocument();
  const index$ = deferIndex(load, Observable, doc, { search: "" });
  const seen = [];
  index$.subscribe({ next: (v) => seen.push(["worker", v]) });
  index$.subscribe({ next: (v) => seen.push(["highlight", v]) });
  doc.dispatch("focusin", elsewhere);
  assert.equal(load.calls, 0, "focus elsewhere on the page fetches nothing");
  doc.dispatch("focusin", inside(".md-search"));
  assert.equal(load.calls, 1);
  assert.deepEqual(seen.map(([who]) => who), ["worker", "highlight"]);
  assert.deepEqual(seen[0][1], { docs: ["index"] });
  assert.equal(doc.listeners.get("focusin").length, 0, "no listener stays behind");
  index$.subscribe({ next: (v) => seen.push(["late", v]) });
  assert.equal(load.calls, 1, "a later subscriber shares the fetch");
  assert.equal(seen.at(-1)[0], "late");
});

test("opening search with its toggle (the icon on a phone) fetches the index", () => {
  const load = fakeLoad();
  const doc = fakeDocument();
  deferIndex(load, Observable, doc, { search: "" }).subscribe({ next() {} });
  doc.dispatch("change", { id: "__drawer" });
  assert.equal(load.calls, 0);
  doc.dispatch("change", { id: "__search" });
  assert.equal(load.calls, 1);
});

test("an address that asks for a search or highlighted words fetches the index at once", () => {
  for (const search of ["?h=vraag", "?methode=x&q=casus"]) {
    const load = fakeLoad();
    deferIndex(load, Observable, fakeDocument(), { search }).subscribe({ next() {} });
    assert.equal(load.calls, 1, search);
  }
  const load = fakeLoad();
  deferIndex(load, Observable, fakeDocument(), { search: "?hoofdstuk=2" }).subscribe({ next() {} });
  assert.equal(load.calls, 0, "a parameter that merely starts with h is not a search");
});

test("a subscriber that leaves before any search takes its listeners with it", () => {
  const load = fakeLoad();
  const doc = fakeDocument();
  const subscription = deferIndex(load, Observable, doc, { search: "" }).subscribe({ next() {} });
  subscription.unsubscribe();
  assert.equal(doc.listeners.get("focusin").length, 0);
  assert.equal(doc.listeners.get("change").length, 0);
  doc.dispatch("focusin", inside(".md-search"));
  assert.equal(load.calls, 0);
});
