/* Reflection cards (/kaarten/), the pure part: unbiased random integers, shuffling and the round
   of drawn cards. No DOM: cards/view.js puts it on the page; tests call it with `node --test`
   or in the page (Intervisie.cards), where `random` may be replaced by a seeded source. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.cards = Object.assign(ns.cards || {}, factory()); }
})(globalThis, function () {
  "use strict";

  const TWO_32 = 2 ** 32;

  const pool = new Uint32Array(256);
  let poolAt = pool.length;

  /**
   * A uniform random 32-bit unsigned integer from crypto.getRandomValues (fetched 256 at a time).
   * @returns {number}
   */
  function cryptoSource() {
    if (poolAt >= pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    return pool[poolAt++];
  }

  /**
   * A small seeded source of 32-bit integers (mulberry32), for deterministic tests only.
   * @param {number} seed
   * @returns {() => number}
   */
  function seeded(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
  }

  /**
   * An unbiased integer in [0, n). Values at or above floor(2^32 / n) * n are rejected and drawn again,
   * because `x % n` over the full 32-bit range would favour the small results.
   * @param {number} n number of possible results, 1 to 2^32
   * @param {() => number} [rng] source of uniform integers in [0, 2^32)
   * @returns {number}
   */
  function randomInt(n, rng = cryptoSource) {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`randomInt: n must be 1..2^32, not ${n}`);
    const limit = Math.floor(TWO_32 / n) * n;
    for (;;) {
      const x = rng();
      if (!Number.isInteger(x) || x < 0 || x >= TWO_32) throw new RangeError(`randomInt: source gave ${x}`);
      if (x < limit) return x % n;
    }
  }

  /**
   * A shuffled copy of `items` (Fisher–Yates from the end): every order is equally likely. With `avoidFirst`,
   * every order that does not start with it is equally likely: when the shuffle puts it first, it trades places
   * with one of the other positions, chosen at random.
   * @template T
   * @param {Iterable<T>} items
   * @param {() => number} [rng]
   * @param {T} [avoidFirst] an item that must not come first (when there is another)
   * @returns {T[]}
   */
  function shuffle(items, rng = cryptoSource, avoidFirst = undefined) {
    const a = Array.from(items);
    for (let i = a.length - 1; i > 0; i--) {
      const j = randomInt(i + 1, rng);
      [a[i], a[j]] = [a[j], a[i]];
    }
    if (a.length > 1 && avoidFirst !== undefined && a[0] === avoidFirst) {
      const j = 1 + randomInt(a.length - 1, rng);
      [a[0], a[j]] = [a[j], a[0]];
    }
    return a;
  }

  /**
   * @typedef {{ids: string[], left: string[], drawn: string[], shown: number}} Round
   * `left` is the shuffled rest of the deck (the next card is the last one), `drawn` the cards of this round in
   * the order they were drawn, `shown` the index in `drawn` of the card on the table (-1: none yet).
   */

  /**
   * A fresh round over the card ids `ids`.
   * @param {string[]} ids
   * @param {() => number} [rng]
   * @param {string} [notFirst] a card that must not be the first one drawn (the one still on the table)
   * @returns {Round}
   */
  function newRound(ids, rng = cryptoSource, notFirst = undefined) {
    // shuffle() gives the drawing order; the deck is drawn from its end.
    return { ids: Array.from(ids), left: shuffle(ids, rng, notFirst).reverse(), drawn: [], shown: -1 };
  }

  /**
   * Draw the next card from the end of the deck; when the deck is used up, reshuffle it into a new round first,
   * whose first card is never the card on the table.
   * @param {Round} round
   * @param {() => number} [rng]
   * @returns {{round: Round, id: string | null, reshuffled: boolean}}
   */
  function draw(round, rng = cryptoSource) {
    if (round.ids.length === 0) return { round, id: null, reshuffled: false };
    const reshuffled = round.left.length === 0;
    const from = reshuffled ? newRound(round.ids, rng, round.drawn[round.shown]) : round;
    const id = from.left[from.left.length - 1];
    const drawn = [...from.drawn, id];
    return { round: { ids: from.ids, left: from.left.slice(0, -1), drawn, shown: drawn.length - 1 }, id, reshuffled };
  }

  /**
   * Go back (-1) or forward (+1) through the cards drawn in this round.
   * @param {Round} round
   * @param {number} delta
   * @returns {Round}
   */
  function step(round, delta) {
    if (round.drawn.length === 0) return round;
    return { ...round, shown: Math.min(Math.max(round.shown + delta, 0), round.drawn.length - 1) };
  }

  /**
   * Put a given card on the table (for shared links): an undrawn card counts as drawn from now on.
   * @param {Round} round
   * @param {string} id
   * @returns {Round}
   */
  function showCard(round, id) {
    const at = round.drawn.indexOf(id);
    if (at >= 0) return { ...round, shown: at };
    if (!round.left.includes(id)) return round;
    const drawn = [...round.drawn, id];
    return { ...round, left: round.left.filter((x) => x !== id), drawn, shown: drawn.length - 1 };
  }

  /**
   * Whether a saved value is a consistent round over exactly the card ids `ids`.
   * @param {unknown} value
   * @param {string[]} ids
   * @returns {boolean}
   */
  function isRound(value, ids) {
    if (!value || typeof value !== "object") return false;
    const { ids: own, left, drawn, shown } = /** @type {Round} */ (value);
    const strings = (a) => Array.isArray(a) && a.every((x) => typeof x === "string");
    if (![own, left, drawn].every(strings) || !Number.isInteger(shown)) return false;
    const wanted = new Set(ids);
    const seen = new Set([...left, ...drawn]);
    return (
      own.length === wanted.size && own.every((id) => wanted.has(id)) &&
      seen.size === left.length + drawn.length && seen.size === wanted.size &&
      [...seen].every((id) => wanted.has(id)) &&
      shown >= (drawn.length ? 0 : -1) && shown < drawn.length
    );
  }

  /**
   * A round saved before the shared storage: {version: 1, decks, round} under the same key.
   * @param {*} old
   * @returns {{decks: string[], round: Round}|null}
   */
  function migrateSaved(old) {
    return old && old.version === 1 && !Object.hasOwn(old, "v") ? { decks: old.decks, round: old.round } : null;
  }

  /**
   * Whether a saved {decks, round} is a round over exactly the cards of known, distinct decks.
   * @param {*} saved
   * @param {Map<string, {kaarten: {id: string}[]}>} decks the decks of /api/cards.json by key
   * @returns {boolean}
   */
  function isSaved(saved, decks) {
    const keys = saved && Array.isArray(saved.decks) ? saved.decks : null;
    if (!keys || !keys.length || new Set(keys).size !== keys.length || !keys.every((k) => typeof k === "string" && decks.has(k))) {
      return false;
    }
    return isRound(saved.round, keys.flatMap((key) => decks.get(key).kaarten.map((card) => card.id)));
  }

  return {
    cryptoSource, seeded, randomInt, shuffle, newRound, draw, step, showCard, isRound, migrateSaved, isSaved,
    /** The random source the page uses; tests may replace it with a seeded one. */
    random: cryptoSource,
  };
});
