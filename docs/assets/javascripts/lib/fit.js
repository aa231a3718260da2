/* Fitting a session plan to a number of minutes: the half of lib/plan.js that only a page which
   fits a plan needs (the planner, the chooser, a timer link with minuten= or an item with its own
   minutes). It adds fit(), fitsIn() and roundsFor() to Intervisie.plan, and placeForMethod(), which only
   the planner uses; the running timer of one method as it is leaves this file out and asks for it as a
   part when it must fit (W.load, "plan-fit").
   How the fit decides is described at the top of lib/plan.js. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./plan.js"));
  else factory(root.Intervisie.plan);
})(typeof self !== "undefined" ? self : this, function (P) {
  "use strict";

  const { LIMITS, compose, total } = P;
  const { sum, steps, within, count, index, frameRule } = P.util;
  /** A method counts as "squeezed a lot" (one summary line) from this change in its length. */
  const SUMMARY_FROM = 0.2;

  const NL = {
    change: (name, from, to) => `${name}: ${from} → ${to} min`,
    dropped: (name, minutes) => `De optionele stap ${name} vervalt (${minutes} min).`,
    summary: (title, pct, from, to) => `${title} duurt nu ${pct} % van de gewone tijd (${to} in plaats van ${from} min).`,
    eachRound: (unit) => `elk${unit[0] === "ronde" ? "e" : ""} ${unit[0]}`,
    oneRound: (unit, k) => `${unit[0]} ${k}`,
    emptyPlan: "Het plan is leeg: voeg eerst een onderdeel of methode toe.",
    badTotal: () => `Kies een heel aantal minuten van ${LIMITS.minutes[0]} tot en met ${LIMITS.minutes[1]}.`,
    atLeast: (min) => `Dit plan duurt ook ingekort minstens ${min} minuten.`,
    atMost: (max) => `Dit plan duurt ook verlengd hoogstens ${max} minuten.`,
    atLeastRounds: (n, unit, min) => `Met ${count(n, unit)} ${n === 1 ? "is" : "zijn"} minstens ${min} minuten nodig.`,
    atMostRounds: (n, unit, max) => `Met ${count(n, unit)} duurt het plan hoogstens ${max} minuten.`,
    roundsFit: (total, k, unit) => `In ${total} minuten ${k === 1 ? "past" : "passen"} ${count(k, unit)}`,
    orDropPause: ", of laat de pauze vallen.",
    dropPause: "Laat de pauze vallen of kies meer minuten.",
    moreMinutes: "Kies meer minuten of laat een onderdeel weg.",
    fewerMinutes: "Kies minder minuten of voeg een onderdeel toe, zoals een pauze.",
  };

  /* ------------------------------------------------------------------ fitting */

  const locked = (s) => s.pause || s.fixed;
  const lowest = (s) => (locked(s) ? s.minutes : s.optional ? 0 : s.floor);
  const highest = (s) => (locked(s) ? s.minutes : s.ceiling);

  /** Which optional steps go: the last first, while the plan stays long enough or must get shorter. */
  function optionalToDrop(all, target) {
    const drop = new Set();
    let length = sum(all.map((s) => s.minutes));
    let floors = sum(all.map((s) => (locked(s) ? s.minutes : s.floor)));
    for (let i = all.length - 1; i >= 0 && length > target; i -= 1) {
      const s = all[i];
      if (!s.optional || locked(s)) continue;
      if (length - s.minutes < target && floors <= target) break;
      drop.add(s);
      length -= s.minutes;
      floors -= s.floor;
    }
    return drop;
  }

  /** Real-valued new lengths: one factor for all, each clamped to its floor and ceiling. */
  function waterFill(free, budget) {
    const value = new Map();
    let open = free.slice();
    let left = budget;
    for (;;) {
      const factor = left / sum(open.map((s) => s.minutes));
      const clamped = open.filter((s) => s.minutes * factor < s.floor || s.minutes * factor > s.ceiling);
      if (!clamped.length) {
        for (const s of open) value.set(s, s.minutes * factor);
        return value;
      }
      for (const s of clamped) {
        const v = s.minutes * factor < s.floor ? s.floor : s.ceiling;
        value.set(s, v);
        left -= v;
      }
      open = open.filter((s) => !clamped.includes(s));
      if (!open.length) return value;
    }
  }

  /** Groups of steps that must stay alike: one step in every round of a block; any other step alone. */
  function twinGroups(plan, free) {
    const open = new Set(free);
    const groups = [];
    for (const block of plan.blocks) {
      const byPlace = new Map();
      const seen = new Map();
      for (const s of block.steps) {
        if (!open.has(s)) continue;
        if (s.round === null) {
          groups.push([s]);
          continue;
        }
        const place = seen.get(s.round) || 0;
        seen.set(s.round, place + 1);
        if (!byPlace.has(place)) groups.push(byPlace.set(place, []).get(place));
        byPlace.get(place).push(s);
      }
    }
    return groups;
  }

  /** Whole minutes adding up to `budget`: each value rounded down, then one more minute for the
      largest remainders (ties: the longer step, then the earlier one), a whole group of rounds at
      once while the minutes left allow it, so every round of a step keeps the same length. A minute
      still left goes to a step outside the rounds first. */
  function roundWhole(groups, value, budget) {
    const free = groups.flat();
    const whole = new Map(free.map((s) => [s, Math.floor(value.get(s) + 1e-9)]));
    let left = budget - sum(free.map((s) => whole.get(s)));
    const rest = (s) => value.get(s) - whole.get(s);
    const byRest = (a, b) => rest(b[0]) - rest(a[0]) || b[0].minutes - a[0].minutes || free.indexOf(a[0]) - free.indexOf(b[0]);
    const room = (s) => whole.get(s) + 1 <= s.ceiling;
    const grow = (s) => {
      whole.set(s, whole.get(s) + 1);
      left -= 1;
    };
    for (const group of groups.slice().sort(byRest)) {
      if (left >= group.length && group.every(room) && rest(group[0]) > 1e-9) group.forEach(grow);
    }
    const apart = (a, b) => (a[0].round === null ? 0 : 1) - (b[0].round === null ? 0 : 1) || byRest(a, b);
    for (const [s] of free.map((t) => [t]).sort(apart)) {
      if (left <= 0) break;
      if (room(s)) grow(s);
    }
    return whole;
  }

  /** Plain-Dutch lines for what changed, one per step; a step changed alike in every round, once. */
  function describe(plan, result, dropped) {
    const lines = [];
    plan.blocks.forEach((block, b) => {
      const after = new Map(result.blocks[b].steps.map((t) => [t.source, t.minutes]));
      const same = (s) => (t) => t.round !== null && t.name === s.name;
      const alike = (s) => block.steps.filter(same(s)).every((t) => t.minutes === s.minutes && after.get(t) === after.get(s));
      const told = new Set();
      for (const s of block.steps) {
        if (dropped.has(s)) lines.push(NL.dropped(s.name, s.minutes));
        else if (after.get(s) === s.minutes) continue;
        else if (s.round === null) lines.push(NL.change(s.name, s.minutes, after.get(s)));
        else if (block.rounds > 1 && alike(s)) {
          if (!told.has(s.name)) lines.push(NL.change(`${s.name} (${NL.eachRound(block.unit)})`, s.minutes, after.get(s)));
          told.add(s.name);
        } else lines.push(NL.change(`${s.name} (${NL.oneRound(block.unit, s.round)})`, s.minutes, after.get(s)));
      }
      const from = total(block);
      const now = total(result.blocks[b]);
      if (block.kind === "method" && Math.abs(now - from) >= SUMMARY_FROM * from) {
        lines.push(NL.summary(block.title, Math.round((100 * now) / from), from, now));
      }
    });
    return lines;
  }

  /**
   * What the fit did to each block, for a report a facilitator reads at a glance: the block's own
   * minutes and its fitted minutes, the steps that got shorter or longer (a step alike in every
   * round once; none for a block of one step, whose own line says it all) and the optional steps
   * that went.
   * @returns {{key: string, at: number|undefined, title: string, from: number, to: number,
   *            changed: string[], shorter: string[], longer: string[], dropped: string[]}[]}
   */
  function perBlock(plan, result, dropped) {
    return plan.blocks.map((block, b) => {
      const after = new Map(result.blocks[b].steps.map((t) => [t.source, t.minutes]));
      const changed = [];
      const shorter = [];
      const longer = [];
      const gone = [];
      const told = new Set();
      for (const s of block.steps) {
        if (dropped.has(s)) {
          if (!told.has(`x${s.name}`)) gone.push(s.name);
          told.add(`x${s.name}`);
          continue;
        }
        if (after.get(s) === s.minutes || told.has(s.name) || block.steps.length === 1) continue;
        told.add(s.name);
        const line = `${s.name} ${s.minutes} → ${after.get(s)}`;
        changed.push(line);
        (after.get(s) < s.minutes ? shorter : longer).push(line);
      }
      return { key: block.key, at: block.at, title: block.title, from: total(block), to: total(result.blocks[b]),
        changed, shorter, longer, dropped: gone };
    });
  }

  /** Shortest and longest a plan can get with `k` rounds instead of its own. */
  function rangeWithRounds(all, k) {
    const perRound = (pick) => sum(all.filter((s) => s.round === 1).map(pick));
    const current = Math.max(0, ...all.map((s) => s.rounds || 0));
    return {
      min: sum(all.map(lowest)) + (k - current) * perRound(lowest),
      max: sum(all.map(highest)) + (k - current) * perRound(highest),
    };
  }

  /** Dutch advice when `target` is out of reach: the range, how many rounds would fit, a pause to drop. */
  function advise(plan, target, min, max) {
    const all = steps(plan);
    const roundBlock = plan.blocks.find((b) => b.rounds !== null);
    const pauses = sum(all.filter((s) => s.pause).map((s) => s.minutes));
    if (target < min) {
      const pauseHelps = pauses > 0 && min - pauses <= target;
      if (!roundBlock) return `${NL.atLeast(min)} ${pauseHelps ? NL.dropPause : NL.moreMinutes}`;
      let k = roundBlock.rounds - 1;
      while (k >= 1 && rangeWithRounds(all, k).min > target) k -= 1;
      const first = NL.atLeastRounds(roundBlock.rounds, roundBlock.unit, min);
      if (k < 1) return `${first} ${pauseHelps ? NL.dropPause : NL.moreMinutes}`;
      return `${first} ${NL.roundsFit(target, k, roundBlock.unit)}${pauseHelps ? NL.orDropPause : "."}`;
    }
    if (roundBlock) {
      // No advice to hold more rounds than the group has people.
      const most = Math.min(LIMITS.rounds[1], within(plan.group, LIMITS.group) ? plan.group : LIMITS.rounds[1]);
      let k = roundBlock.rounds + 1;
      while (k <= most && rangeWithRounds(all, k).max < target) k += 1;
      const first = NL.atMostRounds(roundBlock.rounds, roundBlock.unit, max);
      if (k <= most && rangeWithRounds(all, k).min <= target) {
        return `${first} ${NL.roundsFit(target, k, roundBlock.unit)}.`;
      }
      return `${first} ${NL.fewerMinutes}`;
    }
    return `${NL.atMost(max)} ${NL.fewerMinutes}`;
  }

  /**
   * Fit a plan to exactly `target` minutes, with judgment: pauses and fixed steps stay, optional
   * steps go first when shortening, the other steps scale by one factor within their floor and
   * ceiling, whole minutes by largest remainder (ties: the longer step, then the earlier one).
   * @param {{blocks: object[], notes?: string[]}} plan as from compose()
   * @param {number} target whole minutes, 1-600
   * @returns {{plan: object, total: number, changes: string[], ok: boolean, min: number, max: number,
   *            advice: string|null}} on failure `plan` is the input unchanged and `advice` says what is possible
   */
  function fit(plan, target) {
    const all = steps(plan);
    const length = sum(all.map((s) => s.minutes));
    const min = sum(all.map(lowest));
    const max = sum(all.map(highest));
    const fail = (advice) => ({ plan, total: length, changes: [], blocks: [], ok: false, min, max, advice });
    if (!all.length) return fail(NL.emptyPlan);
    if (!within(target, LIMITS.minutes)) return fail(NL.badTotal());
    if (target === length) {
      const blocks = plan.blocks.map((b) => ({ key: b.key, at: b.at, title: b.title, from: total(b), to: total(b),
        changed: [], shorter: [], longer: [], dropped: [] }));
      return { plan, total: length, changes: [], blocks, ok: true, min, max, advice: null };
    }
    if (target < min || target > max) return fail(advise(plan, target, min, max));

    const dropped = target < length ? optionalToDrop(all, target) : new Set();
    const kept = all.filter((s) => !dropped.has(s));
    const free = kept.filter((s) => !locked(s));
    const budget = target - sum(kept.filter(locked).map((s) => s.minutes));
    const floors = sum(free.map((s) => s.floor));
    const ceilings = sum(free.map((s) => s.ceiling));
    if (!free.length || budget < floors || budget > ceilings) return fail(advise(plan, target, min, max));

    const whole = roundWhole(twinGroups(plan, free), waterFill(free, budget), budget);
    const marked = {
      notes: plan.notes || [],
      blocks: plan.blocks.map((b) => Object.assign({}, b, {
        steps: b.steps.filter((s) => !dropped.has(s))
          .map((s) => Object.assign({}, s, { minutes: whole.has(s) ? whole.get(s) : s.minutes, source: s })),
      })),
    };
    const changes = describe(plan, marked, dropped);
    const blocks = perBlock(plan, marked, dropped);
    for (const b of marked.blocks) for (const s of b.steps) delete s.source;
    return { plan: marked, total: target, changes, blocks, ok: true, min, max, advice: null };
  }

  /* ------------------------------------------------------------------ rounds for a time */

  /**
   * How many rounds suit `minutes`: among the counts the fit can reach, the one whose own length
   * is nearest (a tie goes to more rounds); none reachable: 1 when too short, else the most.
   * @returns {number|null} null when the plan has no repeating part
   */
  function roundsFor(keys, data, options, minutes) {
    const most = Math.min(LIMITS.rounds[1], within(options.groep, LIMITS.group) ? options.groep : LIMITS.rounds[1]);
    let best = null;
    for (let k = 1; k <= most; k += 1) {
      const plan = compose(keys, data, Object.assign({}, options, { rondes: k }));
      if (!plan.blocks.some((b) => b.rounds !== null)) return null;
      const distance = Math.abs(total(plan) - minutes);
      if (fit(plan, minutes).ok && (best === null || distance <= best.distance)) best = { k, distance };
    }
    if (best) return best.k;
    return total(compose(keys, data, Object.assign({}, options, { rondes: 1 }))) >= minutes ? 1 : most;
  }

  /**
   * Whether a method fits the time a group has, with the same fit the timer uses.
   * "past": as it is (or it cannot grow to fill all the time: then `minutes` is its own length);
   * "ingekort"/"verlengd": fitted to exactly the time given.
   * @param {object} method one entry of methods.json's `methoden`
   * @param {number} minutes the time the group has
   * @param {{rondes?: number, groep?: number}} [options] rounds asked for; the group size caps
   *   the rounds picked for the time (one topic per person at most)
   * @returns {{fits: boolean, how: "past"|"ingekort"|"verlengd"|null, minutes: number, rounds: number|null}}
   */
  function fitsIn(method, minutes, options = {}) {
    const data = { methods: { methoden: [method] }, agenda: {} };
    const keys = [method.slug];
    const asked = within(options.rondes, LIMITS.rounds) ? options.rondes : null;
    const picked = asked !== null ? asked : roundsFor(keys, data, options, minutes);
    const plan = compose(keys, data, { rondes: picked, groep: options.groep });
    const rounds = picked === null ? null : plan.rounds;
    const own = total(plan);
    const result = fit(plan, minutes);
    if (own === minutes) return { fits: true, how: "past", minutes: own, rounds };
    if (result.ok) return { fits: true, how: own > minutes ? "ingekort" : "verlengd", minutes, rounds };
    if (own < minutes) return { fits: true, how: "past", minutes: own, rounds };
    return { fits: false, how: null, minutes: result.min, rounds };
  }

  /* ------------------------------------------------------------------ adding a method to an evening */

  /**
   * Where a method added to an evening goes ("Voeg toe aan de avond" in the chooser): after the
   * last method, past a pause that directly follows it (so the pause stays between the two);
   * in an evening without a method, after its first part (the opening), or first when empty.
   * @param {{key: string}[]} items the evening's items in order
   * @param {{methods: object, agenda: object}} data
   * @returns {number} the index the new item takes
   */
  function placeForMethod(items, data) {
    const idx = index(data);
    let last = -1;
    items.forEach((it, i) => {
      if (idx.methods.has(it.key)) last = i;
    });
    if (last < 0) return Math.min(1, items.length);
    const after = items[last + 1];
    const part = after && idx.frame.get(after.key);
    return part && frameRule(part).pause ? last + 2 : last + 1;
  }

  return Object.assign(P, { fit, fitsIn, roundsFor, placeForMethod });
});
