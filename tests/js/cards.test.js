// The reflection cards' deck logic (docs/assets/javascripts/cards/deck.js) outside the browser:
// unbiased random integers, fair shuffling, rounds without repeats and saved rounds.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../docs/assets/javascripts/cards/deck.js");

const IDS = ["a", "b", "c", "d", "e"];

test("the seeded source repeats itself for the same seed, and differs for another", () => {
  const take = (rng) => Array.from({ length: 5 }, rng);
  assert.deepEqual(take(C.seeded(42)), take(C.seeded(42)));
  assert.notDeepEqual(take(C.seeded(42)), take(C.seeded(43)));
  assert.ok(take(C.seeded(1)).every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32));
});

test("randomInt rejects the values that would favour small results", () => {
  // 2^32 = 3 * 1431655765 + 1: the single value 3 * 1431655765 must be drawn again.
  const values = [3 * 1431655765, 7];
  assert.equal(C.randomInt(3, () => values.shift()), 7 % 3);
  assert.equal(values.length, 0, "the biased value was skipped");
  assert.throws(() => C.randomInt(0));
  assert.throws(() => C.randomInt(3, () => -1));
});

test("a shuffle is a permutation, and each card is first about equally often", () => {
  const rng = C.seeded(7);
  const first = new Map(IDS.map((id) => [id, 0]));
  const runs = 20_000;
  for (let i = 0; i < runs; i += 1) {
    const order = C.shuffle(IDS, rng);
    assert.deepEqual([...order].sort(), IDS);
    first.set(order[0], first.get(order[0]) + 1);
  }
  const expected = runs / IDS.length;
  // Chi-square with 4 degrees of freedom: above 18.47 happens by chance once in a thousand runs.
  const chi = [...first.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
  assert.ok(chi < 18.47, `first positions ${[...first.values()]} (chi² ${chi.toFixed(1)})`);
});

test("avoidFirst never comes first, and the other cards share the first place fairly", () => {
  const rng = C.seeded(9);
  const first = new Map(IDS.map((id) => [id, 0]));
  for (let i = 0; i < 8000; i += 1) {
    const order = C.shuffle(IDS, rng, "a");
    first.set(order[0], first.get(order[0]) + 1);
  }
  assert.equal(first.get("a"), 0);
  for (const id of ["b", "c", "d", "e"]) assert.ok(Math.abs(first.get(id) - 2000) < 200, `${id}: ${first.get(id)}`);
  assert.deepEqual(C.shuffle(["a"], rng, "a"), ["a"], "a single card still comes first");
});

test("a round draws every card once before any card repeats", () => {
  const rng = C.seeded(3);
  let round = C.newRound(IDS, rng);
  const seen = [];
  for (let i = 0; i < IDS.length; i += 1) {
    const result = C.draw(round, rng);
    assert.equal(result.reshuffled, false);
    seen.push(result.id);
    round = result.round;
  }
  assert.deepEqual([...seen].sort(), IDS);
  assert.equal(round.left.length, 0);
  const again = C.draw(round, rng);
  assert.equal(again.reshuffled, true);
  assert.deepEqual(again.round.drawn, [again.id]);
});

test("a new round never starts with the card still on the table", () => {
  for (let seed = 0; seed < 300; seed += 1) {
    const rng = C.seeded(seed);
    let round = C.newRound(IDS, rng);
    for (let i = 0; i < IDS.length; i += 1) round = C.draw(round, rng).round;
    const onTable = round.drawn[round.shown];
    assert.notEqual(C.draw(round, rng).id, onTable, `seed ${seed}`);
  }
});

test("the same seed gives every device the same order", () => {
  const order = (seed) => {
    const rng = C.seeded(seed);
    let round = C.newRound(IDS, rng);
    return IDS.map(() => {
      const result = C.draw(round, rng);
      round = result.round;
      return result.id;
    });
  };
  assert.deepEqual(order(2025), order(2025));
});

test("going back and forth stays within the drawn cards; a linked card counts as drawn", () => {
  const rng = C.seeded(5);
  let round = C.newRound(IDS, rng);
  round = C.draw(C.draw(round, rng).round, rng).round;
  assert.equal(C.step(round, -5).shown, 0);
  assert.equal(C.step(round, 5).shown, 1);
  const linked = C.showCard(round, round.left[0]);
  assert.equal(linked.drawn.length, 3);
  assert.equal(linked.left.length, 2);
  assert.equal(C.showCard(round, "onbekend"), round);
  assert.equal(C.draw(C.newRound([]), rng).id, null, "an empty deck draws nothing");
});

test("a saved round must cover exactly the cards of known, distinct decks", () => {
  const decks = new Map([["x", { kaarten: [{ id: "a" }, { id: "b" }] }], ["y", { kaarten: [{ id: "c" }] }]]);
  const round = C.newRound(["a", "b", "c"], C.seeded(1));
  assert.equal(C.isSaved({ decks: ["x", "y"], round }, decks), true);
  assert.equal(C.isSaved({ decks: ["x"], round }, decks), false, "cards of another deck");
  assert.equal(C.isSaved({ decks: ["x", "x", "y"], round }, decks), false, "a deck twice");
  assert.equal(C.isSaved({ decks: ["__proto__"], round }, decks), false);
  assert.equal(C.isSaved({ decks: ["x", "y"], round: { ...round, shown: 5 } }, decks), false);
  assert.equal(C.isSaved({ decks: ["x", "y"], round: { ...round, left: [...round.left, "a"] } }, decks), false);
  assert.equal(C.isSaved(null, decks), false);
});

test("a saved round that is well typed but wrong in one way is refused (tests/test_cards.py seeds these)", () => {
  const decks = new Map([["x", { kaarten: ["a", "b", "c", "d"].map((id) => ({ id })) }]]);
  const valid = { decks: ["x"], round: { ids: ["a", "b", "c", "d"], left: ["c", "d"], drawn: ["a", "b"], shown: 1 } };
  assert.equal(C.isSaved(valid, decks), true, "the base of the cases below");
  const wrong = {
    "empty ids": { ids: [], left: ["x"], drawn: ["x"], shown: 0 },
    "shown far out of range": { ...valid.round, shown: 1e300 },
    "shown just past the end": { ...valid.round, shown: 2 },
    "nothing shown after drawing": { ...valid.round, shown: -1 },
    "huge array": { ...valid.round, left: Array(20_000).fill(["c", "d"]).flat() },
    "a number among the ids": { ...valid.round, left: ["c", 4] },
  };
  for (const [name, round] of Object.entries(wrong)) assert.equal(C.isSaved({ decks: ["x"], round }, decks), false, name);
  for (const key of ["__proto__", "constructor", "toString"]) {
    assert.equal(C.isSaved({ ...valid, decks: [key] }, decks), false, key);
  }
});

test("a round saved before the shared storage ({version: 1, decks, round}) is migrated", () => {
  const round = C.newRound(["a"], C.seeded(1));
  assert.deepEqual(C.migrateSaved({ version: 1, decks: ["x"], round }), { decks: ["x"], round });
  assert.equal(C.migrateSaved({ version: 2, decks: ["x"], round }), null);
  assert.equal(C.migrateSaved("x"), null);
});

// ---- a shared round (cards/share.js)
const share = require("../../docs/assets/javascripts/cards/share.js");

test("a shared round's seed survives its link text and refuses garbage", () => {
  for (const seed of [0, 1, 12345, 0xffffffff]) assert.equal(share.readSeed(share.seedText(seed)), seed);
  for (const bad of [null, "", "-1", "ZZ", "1.5", "zzzzzzz", "__proto__"]) assert.equal(share.readSeed(bad), null, String(bad));
});

test("every device with the same seed draws the same order, and a link to the fifth card is the same round", () => {
  const ids = Array.from({ length: 12 }, (_, i) => `k${i}`);
  const drawAll = (round, seed) => {
    const seen = [];
    for (let i = 0; i < 12; i += 1) {
      round = C.draw(round, share.drawSource(seed)).round;
      seen.push(round.drawn[round.shown]);
    }
    return { seen, round };
  };
  const a = drawAll(share.seededRound(ids, 99, null), 99);
  const b = drawAll(share.seededRound(ids, 99, null), 99);
  assert.deepEqual(a.seen, b.seen);
  assert.notDeepEqual(a.seen, drawAll(share.seededRound(ids, 100, null), 100).seen);
  const fifth = share.seededRound(ids, 99, a.seen[4]);
  assert.deepEqual(fifth.drawn, a.seen.slice(0, 5));
  assert.deepEqual(fifth.left, share.seededRound(ids, 99, null).left.slice(0, 7));
  // The second pass through the deck is the same everywhere too.
  assert.deepEqual(drawAll(a.round, 99).seen, drawAll(b.round, 99).seen);
});

test("a card link holds decks, card and seed only", () => {
  assert.equal(share.cardLink("https://x/kaarten/", ["reflectie", "gevoel"], "r-3", 35), "https://x/kaarten/?stapel=reflectie,gevoel&kaart=r-3&ronde=z");
  assert.equal(share.cardLink("/kaarten/", [], null, null), "/kaarten/");
});

test("a card link too long for a coarse QR code goes compact and comes back the same", () => {
  const order = ["a-long-deck-name", "another-long-deck-name", "third-deck", "fourth-deck-name", "fifth-deck-name"];
  const all = order.flatMap((d) => Array.from({ length: 30 }, (_, i) => `${d}-what-would-you-like-to-ask-now-${i}`));
  const base = "https://intervisiehandboek.github.io/intervisiehandboek/kaarten/";
  const card = all[77];
  assert.ok(share.cardLink(base, order, card, 123456).length > 213, "the test needs a long link");
  const link = share.qrLink(base, order, all, order, card, 123456);
  assert.ok(link.length <= 213, link);
  const params = new URL(link).searchParams;
  assert.deepEqual(share.expandShort(params.get("kort"), order, all), { decks: order, card });
  assert.equal(share.readSeed(params.get("ronde")), 123456);
  assert.equal(share.expandShort(params.get("kort"), order, all.slice(1)), null, "other cards: ignored");
  assert.equal(share.qrLink(base, ["x"], ["x-1"], ["x"], null, null), `${base}?stapel=x`, "shorter as it is");
  assert.equal(share.qrLink(base, ["x"], ["x-1"], ["x"], "x-1", 35), `${base}?kort=1.1-0-0&ronde=z`, "else compact");
});
