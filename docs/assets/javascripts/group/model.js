/* The group's year (/groep/), pure logic: records that merge, the cycle's dates from a rhythm, fair turns,
   the group file and its checks against the published schema, the look-back and the evaluation's figures.
   No DOM here: `node --test tests/js/group.test.js` requires this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./recent.js"));
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.group = Object.assign(ns.group || {}, factory(ns.group)); }
})(globalThis, function (R) {
  "use strict";

  const FORMAT = "intervisie-groep";
  // Version 2 added `actieplannen` (personal action plans a member chose to share); a version 1 file is
  // the same without it and still imports.
  const VERSION = 2;
  const READS = [1, 2];
  const COLLECTIONS = ["leden", "bijeenkomsten", "casussen", "acties", "evaluaties", "actieplannen"];
  const ROLES = ["procesbegeleider", "notulist", "casusinbrengers"];
  const HISTORY = 50; // revisions a record remembers: enough for many exchanges between two imports

  /* ------------------------------------------------------------------ ids and records */

  /** A short random id; crypto where there is one (browsers, Node 20), so two browsers never clash. */
  function newId(random = defaultRandom) {
    const abc = "abcdefghijkmnopqrstuvwxyz23456789";
    let s = "";
    for (let i = 0; i < 12; i++) s += abc[Math.floor(random() * abc.length)];
    return s;
  }

  function defaultRandom() {
    const c = globalThis.crypto;
    if (c && c.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
    return Math.random();
  }

  /** A new record with its first revision. */
  function record(fields, random) {
    return Object.assign({ id: newId(random) }, fields, { rev: newId(random), was: [] });
  }

  /**
   * The record after an edit: a new revision that remembers the ones before it, so a merge can tell
   * "the other side only has an older version of this" from "both sides changed it".
   */
  function edit(rec, changes, random) {
    return Object.assign({}, rec, changes, { rev: newId(random), was: [rec.rev, ...(rec.was || [])].slice(0, HISTORY) });
  }

  const same = (a, b) => JSON.stringify(strip(a)) === JSON.stringify(strip(b));
  function strip(rec) {
    const { rev, was, ...rest } = rec; // eslint-disable-line no-unused-vars
    return sorted(rest);
  }
  function sorted(value) {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
    }
    return value;
  }

  /* ------------------------------------------------------------------ the group */

  function emptyGroup(name, random) {
    return {
      formaat: FORMAT,
      versie: VERSION,
      groep: record({ naam: name || "Onze groep", voorbeeld: false, ritme: defaultRhythm(), contract: {} }, random),
      leden: [],
      bijeenkomsten: [],
      casussen: [],
      acties: [],
      evaluaties: [],
      actieplannen: [],
    };
  }

  /** A group as this version keeps it: a version 1 file or store has no `actieplannen` yet. */
  function upgrade(group) {
    if (!group) return group;
    const out = Object.assign({}, group, { versie: VERSION });
    for (const name of COLLECTIONS) if (!Array.isArray(out[name])) out[name] = [];
    return out;
  }

  /** Whether stored data looks like a group (of any version this page reads). */
  const isGroup = (d) => Boolean(d && d.formaat === FORMAT && d.groep && COLLECTIONS.every((c) => c === "actieplannen" || Array.isArray(d[c])));

  function defaultRhythm() {
    return { soort: "maand", week: 1, dag: 4, elke: 8, begin: "", aantal: 6, start: "19:00", eind: "21:00", plaats: "" };
  }

  const { alive, inOrder, lastMeeting, lookBack, recentMethods } = R;

  /* ------------------------------------------------------------------ dates */

  const DAY = 86_400_000;
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const parseDay = (s) => Date.parse(`${s}T00:00:00Z`);
  const isDay = (s) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && iso(parseDay(s)) === s;

  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  const weekday = (t) => ((new Date(t).getUTCDay() + 6) % 7) + 1;

  /** The `week`-th (1–4, or -1 for the last) `dag` (1–7) of the month of `t`. */
  function nthWeekday(year, month, week, dag) {
    if (week > 0) {
      const first = Date.UTC(year, month, 1);
      const offset = (dag - weekday(first) + 7) % 7;
      return first + (offset + (week - 1) * 7) * DAY;
    }
    const last = Date.UTC(year, month + 1, 0);
    return last - ((weekday(last) - dag + 7) % 7) * DAY;
  }

  /**
   * The dates of a cycle from its rhythm: { soort: "maand", week, dag } ("every first Thursday") or
   * { soort: "weken", elke } ("every 8 weeks"), from `begin` (a date), `aantal` meetings.
   * @returns {string[]} ISO dates, in order
   */
  function cycleDates(rhythm) {
    const r = Object.assign(defaultRhythm(), rhythm);
    if (!isDay(r.begin)) return [];
    const count = Math.max(0, Math.min(52, Math.floor(Number(r.aantal) || 0)));
    const begin = parseDay(r.begin);
    const out = [];
    if (r.soort === "weken") {
      const step = Math.max(1, Math.min(52, Math.floor(Number(r.elke) || 1))) * 7 * DAY;
      for (let i = 0; i < count; i++) out.push(iso(begin + i * step));
      return out;
    }
    const d = new Date(begin);
    let year = d.getUTCFullYear();
    let month = d.getUTCMonth();
    while (out.length < count) {
      const t = nthWeekday(year, month, Number(r.week) || 1, Number(r.dag) || 4);
      if (t >= begin) out.push(iso(t));
      month += 1;
      if (month > 11) { month = 0; year += 1; }
    }
    return out;
  }


  /** Add a meeting for every date of the rhythm that has none yet. */
  function planCycle(group, random) {
    const r = group.groep.ritme || defaultRhythm();
    const have = new Set(alive(group.bijeenkomsten).map((m) => m.datum));
    const added = cycleDates(r).filter((d) => !have.has(d)).map((datum) => meeting({ datum, start: r.start, eind: r.eind, plaats: r.plaats }, random));
    return Object.assign({}, group, { bijeenkomsten: [...group.bijeenkomsten, ...added] });
  }

  function meeting(fields, random) {
    return record(Object.assign({
      datum: "", start: "19:00", eind: "21:00", plaats: "", geannuleerd: false, afgemeld: [], methode: "",
      procesbegeleider: "", notulist: "", casusinbrengers: [], aantal_casussen: 1, verslag: null,
    }, fields), random);
  }

  /* ------------------------------------------------------------------ turns */

  /**
   * Who does what at each meeting. A role typed by hand stays; every other is proposed so that everyone
   * gets a turn before anyone gets a second: the fewest turns in that role so far first, then the one whose
   * last turn is longest ago, then the order of the members. Who sent apologies is skipped; one person
   * gets one role per meeting while there are enough people. Cancelled meetings give no turns.
   * @returns {Map<string, {procesbegeleider: string, notulist: string, casusinbrengers: string[], voorstel: Set<string>}>}
   */
  function rotation(group) {
    const members = alive(group.leden).map((m) => m.id);
    const known = new Set(members);
    const count = {}, last = {};
    for (const role of ROLES) {
      count[role] = Object.fromEntries(members.map((id) => [id, 0]));
      last[role] = Object.fromEntries(members.map((id) => [id, -1]));
    }
    const out = new Map();
    inOrder(group).forEach((m, index) => {
      if (m.geannuleerd) return;
      const away = new Set(m.afgemeld || []);
      const present = members.filter((id) => !away.has(id));
      const taken = new Set();
      const voorstel = new Set();
      const manual = (id) => (known.has(id) ? id : "");
      const result = {
        procesbegeleider: manual(m.procesbegeleider),
        notulist: manual(m.notulist),
        casusinbrengers: (m.casusinbrengers || []).map(manual).filter(Boolean),
        voorstel,
      };
      [result.procesbegeleider, result.notulist, ...result.casusinbrengers].filter(Boolean).forEach((id) => taken.add(id));
      const cases = Math.max(1, Math.min(4, Number(m.aantal_casussen) || 1));
      const slots = [];
      if (!result.procesbegeleider) slots.push("procesbegeleider");
      for (let i = result.casusinbrengers.length; i < cases; i++) slots.push("casusinbrengers");
      if (!result.notulist) slots.push("notulist");
      const chosen = assign(slots, present.filter((id) => !taken.has(id)), present, count, last, members);
      slots.forEach((role, i) => {
        const id = chosen[i] || "";
        if (role === "casusinbrengers") { if (id) result.casusinbrengers.push(id); } else result[role] = id;
        voorstel.add(role);
      });
      for (const role of ROLES) {
        for (const id of [].concat(result[role]).filter(Boolean)) {
          count[role][id] += 1;
          last[role][id] = index;
        }
      }
      out.set(m.id, result);
    });
    return out;
  }

  /**
   * The fairest filling of a meeting's open roles: first as few "second turn while someone present has had
   * fewer" as possible, for the facilitator before the case-bringers before the notulist; then the fewest
   * turns, the longest wait and the order of the members, slot by slot. One person per role while there are
   * enough people; otherwise someone takes two (never the same role twice in one meeting). Each slot only
   * looks at its best `slots.length` candidates: with the other slots taking at most one fewer, a better one
   * is always among them.
   */
  function assign(slots, free, present, count, last, members) {
    if (!slots.length || !present.length) return [];
    const rank = (role, id) => [count[role][id], last[role][id], members.indexOf(id)];
    const order = (role, pool) => pool.slice().sort((a, b) => compare(rank(role, a), rank(role, b))).slice(0, slots.length);
    const pool = free.length >= slots.length ? free : present;
    let best = null, bestCost = null;
    const walk = (i, picked) => {
      if (i === slots.length) {
        const cost = costOf(slots, picked, present, count, rank);
        if (!bestCost || compare(cost, bestCost) < 0) { best = picked.slice(); bestCost = cost; }
        return;
      }
      const role = slots[i];
      const sameRole = picked.filter((_, j) => slots[j] === role);
      let options = order(role, pool.filter((id) => !picked.includes(id)));
      if (!options.length) options = order(role, present.filter((id) => !sameRole.includes(id)));
      if (!options.length) { picked.push(""); walk(i + 1, picked); picked.pop(); return; }
      for (const id of options) { picked.push(id); walk(i + 1, picked); picked.pop(); }
    };
    walk(0, []);
    return best;
  }

  function costOf(slots, picked, present, count, rank) {
    const violations = { procesbegeleider: 0, casusinbrengers: 0, notulist: 0 };
    const parts = [];
    slots.forEach((role, i) => {
      const id = picked[i];
      if (!id) { violations[role] += 10; parts.push(99, 99, 99); return; }
      const before = picked.slice(0, i).filter((_, j) => slots[j] === role);
      const others = present.filter((q) => !before.includes(q));
      if (count[role][id] > Math.min(...others.map((q) => count[role][q]))) violations[role] += 1;
      parts.push(...rank(role, id));
    });
    return [violations.procesbegeleider, violations.casusinbrengers, violations.notulist, ...parts];
  }

  function compare(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) - (b[i] || 0);
    }
    return 0;
  }

  /** Turns per member in each role, over the meetings before `today` (held) and over the whole cycle. */
  function turns(group, today) {
    const rota = rotation(group);
    const rows = alive(group.leden).map((l) => ({ id: l.id, naam: l.naam, gehouden: zero(), gepland: zero() }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const m of inOrder(group)) {
      const r = rota.get(m.id);
      if (!r) continue;
      for (const role of ROLES) {
        for (const id of [].concat(r[role]).filter(Boolean)) {
          const row = byId.get(id);
          if (!row) continue;
          row.gepland[role] += 1;
          if (m.datum < today) row.gehouden[role] += 1;
        }
      }
    }
    return rows;
  }
  const zero = () => ({ procesbegeleider: 0, notulist: 0, casusinbrengers: 0 });

  /* ------------------------------------------------------------------ look-back */

  /** The first meeting on or after `today` that is not cancelled, or null. */
  function nextMeeting(group, today) {
    return inOrder(group).find((m) => !m.geannuleerd && m.datum >= today) || null;
  }

  /**
   * The timer's address for a meeting: the look-back first, then the meeting's method (or the Basismodel,
   * which opens with its own look-back), the break, evaluation and closing, from its start time. Only keys
   * and numbers: no name or title of the group ever enters a link.
   */
  function timerQuery(m, groupSize) {
    const method = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(m.methode || "") ? m.methode : "vijfstappenmethode";
    const agenda = method === "basismodel" ? "basismodel,pauze,evaluatie,afsluiting" : `terugblik,${method},pauze,evaluatie,afsluiting`;
    const params = [`agenda=${agenda}`];
    if (/^\d{2}:\d{2}$/.test(m.start || "")) params.push(`start=${m.start}`);
    if (groupSize >= 2) params.push(`groep=${Math.min(groupSize, 30)}`);
    return `?${params.join("&")}`;
  }

  /** Minutes between two "HH:MM" times (over midnight counts on), or null. */
  function duration(start, end) {
    const m = (t) => (/^\d{2}:\d{2}$/.test(t || "") ? Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) : null);
    const a = m(start), b = m(end);
    if (a === null || b === null) return null;
    return (b - a + 1440) % 1440;
  }

  /* ------------------------------------------------------------------ evaluation */

  /** The three levels of evaluation, each with scales (1–5) and open questions. Keys are in the file. */
  const LEVELS = [
    { key: "persoon", schalen: ["geleerd", "rol"], open: ["meenemen"] },
    { key: "groep", schalen: ["ruimte", "veilig", "afspraken"], open: ["beter"] },
    { key: "proces", schalen: ["methode", "ritme", "voorbereiding"], open: ["anders"] },
  ];

  /**
   * The chart's figures: per held meeting with evaluations, the mean score of each level (one decimal).
   * @returns {{datum: string, id: string, scores: Record<string, number|null>, n: number}[]}
   */
  function chartData(group) {
    const evals = alive(group.evaluaties);
    return inOrder(group).filter((m) => !m.geannuleerd).map((m) => {
      const mine = evals.filter((e) => e.bijeenkomst === m.id);
      return { id: m.id, datum: m.datum, scores: meanScores(mine), n: mine.length };
    }).filter((row) => row.n > 0);
  }

  /** The evaluation at the end of a cycle has this in place of a meeting's id (it fits the id pattern). */
  const CYCLE = "cyclus";

  /** The end-of-cycle evaluation's figures, in chartData's row form, or null when there is none. */
  function cycleScores(group) {
    const mine = alive(group.evaluaties).filter((e) => e.bijeenkomst === CYCLE);
    return mine.length ? { id: CYCLE, datum: "", scores: meanScores(mine), n: mine.length } : null;
  }

  /** The mean score per level (one decimal, null without scores) of some evaluations. */
  function meanScores(evals) {
    const scores = {};
    for (const level of LEVELS) {
      const values = evals.filter((e) => e.niveau === level.key)
        .flatMap((e) => level.schalen.map((k) => e.scores && e.scores[k]))
        .filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
      scores[level.key] = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
    }
    return scores;
  }

  /* ------------------------------------------------------------------ merge */

  /**
   * Merge an incoming group file into the one here, record by record, never losing either side: a record
   * only one side has is kept; of two versions where one descends from the other, the newer wins; two
   * different edits of the same record are a conflict for the person to decide (`resolve`).
   * @returns {{group: object, conflicts: {soort: string, id: string, hier: object, daar: object}[], nieuw: number, bijgewerkt: number}}
   */
  function merge(here, there) {
    const conflicts = [];
    let nieuw = 0, bijgewerkt = 0;
    const one = (soort, a, b) => {
      if (!a) { nieuw += 1; return b; }
      if (!b || a.rev === b.rev || same(a, b)) return a;
      if ((a.was || []).includes(b.rev)) return a;
      if ((b.was || []).includes(a.rev)) { bijgewerkt += 1; return b; }
      conflicts.push({ soort, id: a.id, hier: a, daar: b });
      return a;
    };
    const out = Object.assign({}, here, { formaat: FORMAT, versie: VERSION });
    out.groep = one("groep", here.groep, there.groep);
    if (here.groep && there.groep && here.groep.id !== there.groep.id && !conflicts.some((c) => c.soort === "groep")) {
      // Two different groups: the one here keeps its name and rhythm, the other's records come in.
    }
    for (const name of COLLECTIONS) {
      const mine = new Map((here[name] || []).map((r) => [r.id, r]));
      const merged = (here[name] || []).map((r) => {
        const theirs = (there[name] || []).find((t) => t.id === r.id);
        return theirs ? one(name, r, theirs) : r;
      });
      for (const r of there[name] || []) if (!mine.has(r.id)) merged.push(one(name, null, r));
      out[name] = merged;
    }
    return { group: out, conflicts, nieuw, bijgewerkt };
  }

  /**
   * Apply the person's choices: "hier" or "daar" per conflict (by index). The chosen version becomes a
   * new revision that descends from both, so importing the same file again finds nothing to ask.
   */
  function resolve(group, conflicts, choices, random) {
    const out = Object.assign({}, group);
    conflicts.forEach((c, i) => {
      const pick = choices[i] === "daar" ? c.daar : c.hier;
      const other = pick === c.daar ? c.hier : c.daar;
      const rec = Object.assign({}, pick, {
        rev: newId(random),
        was: [pick.rev, other.rev, ...(pick.was || []), ...(other.was || [])].filter((v, j, all) => all.indexOf(v) === j).slice(0, HISTORY),
      });
      if (c.soort === "groep") out.groep = rec;
      else out[c.soort] = out[c.soort].map((r) => (r.id === c.id ? rec : r));
    });
    return out;
  }

  /* ------------------------------------------------------------------ personal action plans */

  /**
   * The personal action plan stays in its own browser (`own`, never the group) unless its member chooses
   * to share it: then a copy goes into the group under that member, as one record that later shares
   * update (same id, a new revision) and that unsharing marks as gone, so the others' copies go too.
   * @param {object} group
   * @param {{plan: object[], lid?: string, gedeeld?: object|null}} own what this browser keeps for itself
   * @param {string} memberId who this browser's person is in the group
   * @param {boolean} share
   * @returns {{group: object, own: object}} both unchanged when there is nothing to do
   */
  function sharePlan(group, own, memberId, share, random) {
    const known = alive(group.leden).some((l) => l.id === memberId);
    const list = group.actieplannen || [];
    // Only a plan this browser shared into this very group counts: the own storage outlives a group.
    const prior = own.gedeeld ? list.find((p) => p.id === own.gedeeld.id) || null : null;
    let rec = null;
    if (share && known) {
      const acties = (own.plan || []).slice(0, 50).map((p) => ({
        tekst: String(p.tekst || "").slice(0, 300), wanneer: isDay(p.wanneer) ? p.wanneer : "",
        feedback: isDay(p.feedback) ? p.feedback : "", klaar: Boolean(p.klaar),
      }));
      const fields = { lid: memberId, acties };
      if (prior && prior.weg) fields.weg = false;
      rec = !prior ? record(fields, random) : same(prior, Object.assign({}, prior, fields)) ? prior : edit(prior, fields, random);
    } else if (!share && prior && !prior.weg) {
      rec = edit(prior, { weg: true }, random);
    }
    if (!rec || rec === prior) return { group, own };
    const next = list.some((p) => p.id === rec.id) ? list.map((p) => (p.id === rec.id ? rec : p)) : [...list, rec];
    return { group: Object.assign({}, group, { actieplannen: next }), own: Object.assign({}, own, { lid: memberId || own.lid || "", gedeeld: rec }) };
  }

  /** Whether this browser's plan is in the group now (shared and not taken back). */
  function isShared(group, own) {
    return Boolean(own.gedeeld && alive(group.actieplannen).some((p) => p.id === own.gedeeld.id));
  }

  /** The plans members shared, with their names, in the members' order; read-only for everyone else. */
  function sharedPlans(group) {
    const plans = alive(group.actieplannen);
    return alive(group.leden).flatMap((l) => plans.filter((p) => p.lid === l.id).map((p) => ({ id: p.id, naam: l.naam, acties: p.acties || [] })));
  }

  /* ------------------------------------------------------------------ the file and its schema */

  /**
   * Check a value against the published JSON Schema (/api/groep.schema.json), for the parts of JSON
   * Schema that schema uses: type, const, enum, properties, required, additionalProperties, items,
   * minimum, maximum, maxLength, maxItems, pattern, $ref to #/$defs. Returns the first problem's path, or "".
   */
  function check(schema, value, path = "", top = schema) {
    if (schema.$ref) return check(top.$defs[schema.$ref.replace("#/$defs/", "")], value, path, top);
    const types = [].concat(schema.type || []);
    if (types.length && !types.some((t) => isType(t, value))) return path || "/";
    if (Object.hasOwn(schema, "const") && value !== schema.const) return path || "/";
    if (schema.enum && !schema.enum.includes(value)) return path || "/";
    if (typeof value === "string") {
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return path;
      if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) return path;
    }
    if (typeof value === "number") {
      if (schema.minimum !== undefined && value < schema.minimum) return path;
      if (schema.maximum !== undefined && value > schema.maximum) return path;
    }
    if (Array.isArray(value)) {
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return path;
      if (schema.items) {
        for (let i = 0; i < value.length; i++) {
          const bad = check(schema.items, value[i], `${path}/${i}`, top);
          if (bad) return bad;
        }
      }
    } else if (value && typeof value === "object") {
      for (const key of schema.required || []) if (!Object.hasOwn(value, key)) return `${path}/${key}`;
      for (const key of Object.keys(value)) {
        const sub = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : null;
        if (sub) {
          const bad = check(sub, value[key], `${path}/${key}`, top);
          if (bad) return bad;
        } else if (schema.additionalProperties === false) return `${path}/${key}`;
        else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
          const bad = check(schema.additionalProperties, value[key], `${path}/${key}`, top);
          if (bad) return bad;
        }
      }
    }
    return "";
  }

  function isType(type, value) {
    if (type === "integer") return Number.isInteger(value);
    if (type === "number") return typeof value === "number" && Number.isFinite(value);
    if (type === "array") return Array.isArray(value);
    if (type === "null") return value === null;
    if (type === "object") return Boolean(value) && typeof value === "object" && !Array.isArray(value);
    return typeof value === type;
  }

  /**
   * Read a group file's text. Returns {group} or {error} with a plain Dutch reason; never throws.
   * A file with the same id twice in a list is refused: merging by record needs one of each.
   */
  function readFile(text, schema) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { error: "Dit bestand is geen groepsbestand van deze site: het is niet te lezen." };
    }
    if (!value || value.formaat !== FORMAT) return { error: "Dit bestand is geen groepsbestand van deze site." };
    if (!READS.includes(value.versie)) return { error: `Dit groepsbestand heeft versie ${Number(value.versie) || "?"}; deze pagina leest versie ${READS.join(" en ")}.` };
    const bad = check(schema, value);
    if (bad) return { error: `Dit groepsbestand klopt niet (bij ${bad}). Er is niets ingelezen.` };
    const group = upgrade(value);
    for (const name of COLLECTIONS) {
      if (new Set(group[name].map((r) => r.id)).size !== group[name].length) return { error: "Dit groepsbestand noemt een onderdeel twee keer. Er is niets ingelezen." };
    }
    return { group };
  }

  /* ------------------------------------------------------------------ the example group */

  /**
   * The example: six members, a cycle of six meetings on the first Thursday of the month around `today`
   * (so it crosses the change to summer time when `today` is in winter), the last one held with its
   * record, a case and open actions. Marked as an example so it can go in one step.
   */
  function exampleGroup(today, random) {
    const g = emptyGroup("Voorbeeldgroep", random);
    g.groep = Object.assign(g.groep, { voorbeeld: true });
    const names = ["Anna", "Bram", "Carla", "Daan", "Eva", "Farid"];
    g.leden = names.map((naam) => record({ naam }, random));
    const [year, month] = today.split("-").map(Number);
    // Begin two months back, so a meeting or two are held; run on to the April after the next change to
    // summer time (the last Sunday of March), so the calendar shows the same evening on both sides of it.
    const begin = new Date(Date.UTC(year, month - 3, 1));
    const by = begin.getUTCFullYear(), bm = begin.getUTCMonth();
    const april = Date.UTC(bm <= 2 ? by : by + 1, 3, 1);
    const span = (new Date(april).getUTCFullYear() - by) * 12 + 3 - bm + 1;
    g.groep.ritme = Object.assign(defaultRhythm(), { soort: "maand", week: 1, dag: 4, begin: iso(begin), aantal: Math.max(6, span), plaats: "Vergaderzaal 2" });
    const planned = planCycle(g, random);
    g.bijeenkomsten = planned.bijeenkomsten.map((m, i) => (i < 3 ? Object.assign(m, { methode: ["incidentenmethode", "roddelmethode", "vijfstappenmethode"][i] }) : m));
    const held = g.bijeenkomsten.filter((m) => m.datum < today);
    const last = held[held.length - 1] || g.bijeenkomsten[0];
    const ids = g.leden.map((l) => l.id);
    const rota = rotation(g).get(last.id);
    last.procesbegeleider = rota.procesbegeleider;
    last.notulist = rota.notulist;
    last.casusinbrengers = rota.casusinbrengers;
    last.verslag = {
      aanwezig: ids.slice(0, 5), start: "19:00", eind: "21:05", methoden: [last.methode || "incidentenmethode"],
      afspraken: "Volgende keer begint de terugblik om 19:00 precies. Casussen kondigen we een week vooraf aan.",
    };
    last.afgemeld = [ids[5]];
    g.casussen = [record({ bijeenkomst: last.id, titel: "Een lastig gesprek over werkhervatting", inbrenger: rota.casusinbrengers[0] }, random)];
    g.acties = [
      record({ bijeenkomst: last.id, tekst: "Het gesprek voorbereiden met de drie vragen uit de adviesronde", wie: rota.casusinbrengers[0], wanneer: "", status: "open" }, random),
      record({ bijeenkomst: last.id, tekst: "Een voorstel voor de evaluatie van de cyclus rondsturen", wie: ids[1], wanneer: "", status: "open" }, random),
    ];
    const scores = [[3, 3], [5, 4, 4], [4, 3, 3]];
    g.evaluaties = held.flatMap((m, i) => LEVELS.map((level, j) => record({
      bijeenkomst: m.id, niveau: level.key,
      scores: Object.fromEntries(level.schalen.map((k, n) => [k, Math.max(1, Math.min(5, scores[j][n] - (held.length - 1 - i) + (n % 2)))])),
      open: {},
    }, random)));
    return g;
  }

  return {
    FORMAT, VERSION, READS, COLLECTIONS, ROLES, LEVELS,
    newId, record, edit, emptyGroup, upgrade, isGroup, sharePlan, isShared, sharedPlans, defaultRhythm, meeting, alive,
    cycleDates, planCycle, inOrder, isDay,
    rotation, turns, lastMeeting, nextMeeting, lookBack, recentMethods, timerQuery, duration,
    chartData, CYCLE, cycleScores, merge, resolve, check, readFile, exampleGroup,
  };
});
