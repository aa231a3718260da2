// The header search's pure parts (docs/assets/javascripts/search/results.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const search = require("../../docs/assets/javascripts/search/results.js");

test("an excerpt becomes plain text and marked words, with Pagefind's escapes read back", () => {
  assert.deepEqual(search.excerptParts("de <mark>spiegel</mark> &amp; het &lt;gedrag&gt; van &#39;jou&#x27;"), [
    { text: "de ", mark: false },
    { text: "spiegel", mark: true },
    { text: " & het <gedrag> van 'jou'", mark: false },
  ]);
});

test("markup in an excerpt other than <mark> never survives as markup", () => {
  const parts = search.excerptParts('<img src=x onerror="alert(1)">tekst <mark><b>vet</b></mark>');
  assert.deepEqual(parts, [{ text: "tekst ", mark: false }, { text: "vet", mark: true }]);
  assert.deepEqual(search.excerptParts(""), []);
  assert.equal(search.decode("&bogus; &#0;"), "&bogus; &#0;");
});

test("a result shows its title first and at most three of its sections, not the page itself again", () => {
  const view = search.resultView({
    url: "/ih/methoden/spiegelmethode/",
    meta: { title: "Spiegel&shy;methode &amp; meer" },
    excerpt: "houdt een <mark>spiegel</mark> voor",
    sub_results: [
      { url: "/ih/methoden/spiegelmethode/", title: "Spiegelmethode", excerpt: "x" },
      { url: "/ih/methoden/spiegelmethode/#spiegelmethode", title: "Spiegel&shy;methode &amp; meer", excerpt: "x" },
      ...["a", "b", "c", "d"].map((id) => ({ url: `/ih/methoden/spiegelmethode/#${id}`, title: `Kop ${id}`, excerpt: "<mark>y</mark>" })),
    ],
  });
  assert.equal(view.title, "Spiegel&shy;methode & meer");
  assert.equal(view.url, "/ih/methoden/spiegelmethode/");
  assert.deepEqual(view.sections.map((s) => s.title), ["Kop a", "Kop b", "Kop c"]);
  assert.deepEqual(view.sections[0].parts, [{ text: "y", mark: true }]);
  assert.equal(search.resultView({ url: "/ih/x/" }).title, "/ih/x/");
});

test("the status line counts in Dutch", () => {
  assert.equal(search.statusText(0, 0), "Geen resultaten. Probeer een ander woord.");
  assert.equal(search.statusText(1, 1), "1 resultaat");
  assert.equal(search.statusText(5, 5), "5 resultaten");
  assert.equal(search.statusText(30, 8), "30 resultaten, de beste 8 staan hieronder");
});

test("/ and s open search, but not while typing or with a modifier", () => {
  assert.ok(search.isShortcut({ key: "/" }, false));
  assert.ok(search.isShortcut({ key: "s" }, false));
  assert.ok(!search.isShortcut({ key: "s" }, true));
  assert.ok(!search.isShortcut({ key: "s", ctrlKey: true }, false));
  assert.ok(!search.isShortcut({ key: "f" }, false));
});

test("the arrow keys walk the links and go back up to the field", () => {
  assert.equal(search.nextIndex(-1, 1, 4), 0);
  assert.equal(search.nextIndex(0, -1, 4), -1);
  assert.equal(search.nextIndex(3, 1, 4), 3);
  assert.equal(search.nextIndex(-1, -1, 4), -1);
  assert.equal(search.nextIndex(-1, 1, 0), -1);
});
