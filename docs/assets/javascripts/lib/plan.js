/* Session plans: the pure logic behind the timer, the chooser, print and shared links.
   No DOM, no storage, no clock: data in, data out, so `node --test tests/js/` covers it.

   Design
   - A plan is an ordered list of blocks: frame parts from /api/agenda.json (opening, pause, ...)
     and at most two methods from /api/methods.json. Each block has steps with whole minutes and
     the limits the fit may use: a floor, a ceiling, and whether the step is optional, fixed or a
     pause.
   - compose() reads the data once into Maps, so a key from a link ("constructor", "__proto__")
     is only ever an unknown key. It never throws: whatever it leaves out, it says in `notes`.
   - Which frame parts a method already covers, which part is advice and which is a pause, is
     data (`binnen_methode`, `advies`, `pauze` on an agenda item in data/agenda.yml).
   - A method's steps marked `per_ronde` repeat per round (per topic for a method with
     `tijd.per_onderwerp`); the steps before them run once at the start, the steps after once
     at the end.
   - fit() (lib/fit.js, which adds itself to this module) keeps pauses and fixed steps, keeps frame parts within van-tot, drops optional steps
     first when shortening, then scales the other steps by one factor, clamped to their floor
     and ceiling (water filling), and rounds to whole minutes by largest remainder. The total is
     exact or the plan is left alone with the reachable range and advice.
   - Choices the sources do not make (default floor and ceiling, round limits, how rounds are
     picked for a time) are ours; the constants below name them; docs/verantwoording.md
     ("Keuzes van de sessieplanner") lists them; the timer and the chooser both fit through here. */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    require("./fit.js"); // in node the fit is always there; a page that needs it loads it as a part
    require("./clock.js"); // and the clock times, which only the session plan and the planner need
  } else (root.Intervisie = root.Intervisie || {}).plan = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* Defaults for node tests; a page hands in the build's limits (macros/limits.py) with configure(). */
  const LIMITS = {
    minutes: [1, 600], // one item, and a whole session's target
    rounds: [1, 12],
    group: [2, 30], // as the chooser's groep
    blocks: 20,
    methods: 2,
  };
  const GIVEN = [["minuten", "minutes"], ["rondes", "rounds"], ["groep", "group"], ["onderdelen", "blocks"], ["methoden", "methods"]];

  /**
   * Take the limits the build decided, from a widget root's data-limits (Dutch names, as
   * macros/limits.py writes them); a limit the page does not give keeps its default.
   * @param {{minuten?: number[], rondes?: number[], groep?: number[], onderdelen?: number, methoden?: number}} given
   * @returns {typeof LIMITS}
   */
  function configure(given) {
    for (const [dutch, name] of GIVEN) {
      if (given && Object.hasOwn(given, dutch)) LIMITS[name] = Array.isArray(given[dutch]) ? given[dutch].slice(0, 2) : given[dutch];
    }
    return LIMITS;
  }
  const KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  /* key, key:minutes, and either with "_n.n" for the method's steps left out (1-based, data order):
     "zevenstappenmethode:60_3" is that method in 60 minutes without its third step. "_" and "."
     are not in any key and stay as they are in a URL, so older links read as before. */
  const ITEM_RE = /^([a-z0-9-]{1,60})(?::(\d{1,4}))?(?:_(\d{1,2}(?:\.\d{1,2}){0,29}))?$/;
  const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;
  const DAY = 24 * 60;
  const EXAMPLE = "voorbeeld";

  const NL = {
    unknownKey: (key) => `Het onderdeel „${key}” is onbekend en is overgeslagen.`,
    unreadableKey: (text) => `„${text}” is geen onderdeel of methode en is overgeslagen.`,
    badItemMinutes: (key, raw) =>
      `De minuten bij „${key}” („${raw}”) zijn geen heel getal van 1 tot en met ${LIMITS.minutes[1]}; ` +
      "het onderdeel houdt zijn gewone tijd.",
    tooManyBlocks: () => `Een plan heeft hoogstens ${LIMITS.blocks} onderdelen; de rest is weggelaten.`,
    tooManyMethods: (names) =>
      `Een plan heeft hoogstens ${LIMITS.methods} methoden; ${list(names)} ${names.length === 1 ? "is" : "zijn"} weggelaten.`,
    unknownSlotMethod: (slug) =>
      `De methode „${slug}” staat niet in dit handboek; de voorbeeldagenda houdt haar eigen deel voor de methode.`,
    covered: (names) =>
      `${list(names)} ${names.length === 1 ? "staat" : "staan"} niet apart in het plan: de methode heeft daar eigen stappen voor.`,
    noAdvice: (name, methods) => `${name} valt weg: ${list(methods)} werken zonder adviezen.`,
    badRounds: (raw, used) =>
      `Het aantal rondes („${raw}”) moet een heel getal van ${LIMITS.rounds[0]} tot en met ${LIMITS.rounds[1]} zijn; ` +
      `het plan gebruikt ${used}.`,
    chosenOnce: (title, step) =>
      `${step} staat alleen bij de eerste ${title}: daar kiest de groep welke casus eerst komt en welke daarna.`,
    without: (names) => `zonder ${list(names)}`,
    noRounds: (title) => `${title} heeft geen deel dat per ronde terugkomt; het aantal rondes geldt daar niet.`,
    methodNotFitted: (title, minutes, advice) => `${title} past niet in ${minutes} minuten. ${advice}`,
    badParam: (name, raw, rule) => `„${raw}” is geen geldige waarde voor ${name} (${rule}) en telt niet mee.`,
    emptyItems: (n) => "De agenda in het webadres heeft " + (n === 1 ? "een leeg onderdeel" : n + " lege onderdelen") +
      " (twee komma's na elkaar, of een komma aan het begin of eind); dat is overgeslagen.",
    tooManyItems: (rest) => {
      const which = rest.length === 1 ? "het laatste" : "de laatste " + rest.length;
      const names = list(rest.slice(0, 5).map((r) => "„" + clip(r) + "”")) + (rest.length > 5 ? " …" : "");
      return `De agenda in het webadres heeft meer dan ${LIMITS.blocks} onderdelen; ${which} (${names}) ` +
        `${rest.length === 1 ? "is" : "zijn"} weggelaten.`;
    },
    noSuchSteps: (name, numbers, count) =>
      `${name} heeft ${count} stappen; stap ${list(numbers.map(String))} ${numbers.length === 1 ? "bestaat" : "bestaan"} ` +
      "niet en kan dus niet worden weggelaten.",
    notEveryStep: (name) => `${name} kan niet zonder al haar stappen; het plan houdt ze allemaal.`,
    frameWithout: (name) => `${name} heeft geen stappen om weg te laten; wat achter „_” staat, telt niet mee.`,
    readLower: (raw, key) => `„${raw}” in de agenda is gelezen als „${key}”: onderdelen en methoden hebben kleine letters.`,
    moreRoundsThanPeople: (group, asked, unit) =>
      `Met ${group} deelnemers ${group === 1 ? "is" : "zijn"} er hoogstens ${count(group, unit)}: ` +
      `niemand brengt twee keer iets in. Het plan gebruikt er ${group} in plaats van ${asked}.`,
  };
  const between = ([lo, hi]) => `een heel getal van ${lo} tot en met ${hi}`;
  const RULES = {
    methode: () => "kleine letters, cijfers en streepjes",
    minuten: () => between(LIMITS.minutes),
    groep: () => between(LIMITS.group),
    rondes: () => between(LIMITS.rounds),
    start: () => "een tijd als 19:00",
    agenda: () => "onderdelen met komma's, zoals opening,pauze:10",
  };
  const TOPIC = ["onderwerp", "onderwerpen"];
  const ROUND = ["ronde", "rondes"];

  /* ------------------------------------------------------------------ small helpers */

  function list(names) {
    return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
  }

  function count(n, unit) {
    return `${n} ${n === 1 ? unit[0] : unit[1]}`;
  }

  function clip(text) {
    const s = String(text);
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  }

  function within(n, [lo, hi]) {
    return Number.isInteger(n) && n >= lo && n <= hi;
  }

  /** A boolean field of a data item, or `fallback` when the item does not set it. */
  function flag(item, name, fallback) {
    return Object.hasOwn(item, name) && typeof item[name] === "boolean" ? item[name] : fallback;
  }

  /** A whole-minute field of a data item, or null when absent or unusable. */
  function wholeMinutes(item, name) {
    return Object.hasOwn(item, name) && within(item[name], LIMITS.minutes) ? item[name] : null;
  }

  function sum(values) {
    return values.reduce((a, b) => a + b, 0);
  }

  function steps(plan) {
    return plan.blocks.flatMap((b) => b.steps);
  }

  /**
   * The planned length of a plan or of one block, in minutes.
   * @param {{blocks?: object[], steps?: object[]}} planOrBlock
   * @returns {number}
   */
  function total(planOrBlock) {
    const all = planOrBlock.blocks ? steps(planOrBlock) : planOrBlock.steps || [];
    return sum(all.map((s) => s.minutes));
  }

  /** Maps from key to item, so a key from a link never reaches an object's prototype. */
  function index(data) {
    const methods = new Map();
    const frame = new Map();
    const api = (data && data.methods) || {};
    const agenda = (data && data.agenda) || {};
    for (const m of Array.isArray(api.methoden) ? api.methoden : []) methods.set(m.slug, m);
    for (const part of [agenda.onderdelen, agenda.bouwstenen]) {
      for (const item of Array.isArray(part) ? part : []) frame.set(item.sleutel, item);
    }
    const example = Array.isArray(agenda.onderdelen) ? agenda.onderdelen : [];
    return { methods, frame, example };
  }

  /** The frame rule of an agenda item, from its data fields (data/agenda.yml). */
  function frameRule(item) {
    return {
      covered: flag(item, "binnen_methode", false),
      advice: flag(item, "advies", false),
      pause: flag(item, "pauze", false),
    };
  }

  /* ------------------------------------------------------------------ building blocks */

  function frameBlock(item, minutes) {
    const rule = frameRule(item);
    const base = minutes || item.minuten;
    const van = wholeMinutes(item, "van");
    const tot = wholeMinutes(item, "tot");
    const step = {
      name: item.naam,
      minutes: base,
      floor: Math.min(base, van !== null ? van : defaultFloor(base)),
      ceiling: Math.max(base, tot !== null ? tot : defaultCeiling(base)),
      optional: false,
      fixed: false,
      pause: rule.pause,
      round: null,
      rounds: null,
      what: item.wat || "",
      who: "",
    };
    return { key: item.sleutel, kind: "frame", title: item.naam, rounds: null, unit: null, without: [], steps: [step] };
  }

  /** Default floor of a step: half of it, rounded up, at least one minute. */
  function defaultFloor(minutes) {
    return Math.max(1, Math.ceil(minutes / 2));
  }

  /** Default ceiling of a step: twice its length. */
  function defaultCeiling(minutes) {
    return minutes * 2;
  }

  function methodStep(step) {
    const minutes = step.minuten;
    const min = wholeMinutes(step, "min_minuten");
    const max = wholeMinutes(step, "max_minuten");
    return {
      name: step.naam,
      minutes,
      floor: Math.min(minutes, min !== null ? min : defaultFloor(minutes)),
      ceiling: Math.max(minutes, max !== null ? max : defaultCeiling(minutes)),
      optional: flag(step, "optioneel", false),
      fixed: flag(step, "vast", false),
      pause: false,
      round: null,
      rounds: null,
      what: step.wat || "",
      who: step.wie || "",
      // Data-order number of the step (1-based), the number a link uses to leave it out.
      number: 0,
    };
  }

  /** The steps a block keeps, each knowing its number: not left out, and not a case choice made already. */
  function keptSteps(method, without, chosen) {
    return (Array.isArray(method.stappen) ? method.stappen : [])
      .map((s, i) => ({ s, number: i + 1 }))
      .filter(({ s, number }) => !without.includes(number) && !(chosen && flag(s, "kiest_casus", false)));
  }

  /** Split a method's steps into the part before the repeating steps, the repeating part and the rest. */
  function roundParts(method, kept) {
    const all = Array.isArray(method.stappen) ? method.stappen : [];
    const first = all.findIndex((s) => flag(s, "per_ronde", false));
    if (first < 0) return null;
    let last = all.length - 1;
    while (!flag(all[last], "per_ronde", false)) last -= 1;
    const part = (from, to) => kept.filter(({ number }) => number > from && number <= to);
    return { before: part(0, first), repeat: part(first, last + 1), after: part(last + 1, all.length) };
  }

  /**
   * A method as a block. `without`: step numbers left out (a step that leaves nothing is not left
   * out); `chosen`: the case choice was made earlier in the evening, so a kiest_casus step goes.
   */
  function methodBlock(method, rounds, without = [], chosen = false) {
    const all = Array.isArray(method.stappen) ? method.stappen : [];
    let skip = without.filter((n) => n >= 1 && n <= all.length);
    if (!keptSteps(method, skip, chosen).length) skip = [];
    const kept = keptSteps(method, skip, chosen);
    const step = ({ s, number }) => Object.assign(methodStep(s), { number });
    const parts = roundParts(method, kept);
    const block = { key: method.slug, kind: "method", title: method.titel, rounds: null, unit: null,
      without: skip.map((n) => all[n - 1].naam), steps: [] };
    if (!parts) {
      block.steps = kept.map(step);
      return block;
    }
    block.rounds = rounds;
    block.unit = method.tijd && method.tijd.per_onderwerp === true ? TOPIC : ROUND;
    block.steps = parts.before.map(step);
    for (let k = 1; k <= rounds; k += 1) {
      block.steps.push(...parts.repeat.map((s) => Object.assign(step(s), { round: k, rounds })));
    }
    block.steps.push(...parts.after.map(step));
    return block;
  }

  /** Step numbers to leave out: whole numbers from 1 to 99, sorted, each once. */
  function readWithout(raw) {
    const numbers = Array.isArray(raw) ? raw : [];
    return [...new Set(numbers.filter((n) => Number.isInteger(n) && n >= 1 && n <= 99))].sort((a, b) => a - b);
  }

  /**
   * One requested item: "key", "key:minutes", either with "_n.n" (steps left out), or
   * {key, minutes, without}. Null (with a note) when unreadable.
   */
  function readItem(item, notes) {
    if (item && typeof item === "object") {
      const key = typeof item.key === "string" ? item.key : "";
      if (!KEY_RE.test(key) || key.length > 60) {
        notes.push(NL.unreadableKey(clip(key)));
        return null;
      }
      const without = readWithout(item.without);
      const minutes = item.minutes === null || item.minutes === undefined ? null : item.minutes;
      if (minutes !== null && !within(minutes, LIMITS.minutes)) {
        notes.push(NL.badItemMinutes(key, clip(minutes)));
        return skipping({ key, minutes: null }, without);
      }
      return skipping({ key, minutes }, without);
    }
    const text = String(item).trim();
    const match = ITEM_RE.exec(text);
    if (!match || !KEY_RE.test(match[1])) {
      notes.push(NL.unreadableKey(clip(text)));
      return null;
    }
    const asked = match[3] === undefined ? [] : match[3].split(".").map(Number);
    const without = readWithout(asked);
    // Step 0 does not exist: said, as any other step a method does not have.
    if (asked.includes(0)) notes.push(NL.noSuchSteps(`„${match[1]}”`, [0], "genummerde"));
    const minutes = match[2] === undefined ? null : Number(match[2]);
    if (minutes !== null && !within(minutes, LIMITS.minutes)) {
      notes.push(NL.badItemMinutes(match[1], match[2]));
      return skipping({ key: match[1], minutes: null }, without);
    }
    return skipping({ key: match[1], minutes }, without);
  }

  /** The item with `without` only when it leaves a step out: an older link reads exactly as before. */
  function skipping(item, without) {
    return without.length ? Object.assign(item, { without }) : item;
  }

  /** An item as a link writes it: "key", "key:minutes", with "_n.n" for steps left out. */
  function itemText(it) {
    const without = it.without && it.without.length ? `_${it.without.join(".")}` : "";
    return (it.minutes ? `${it.key}:${it.minutes}` : it.key) + without;
  }

  /** The rounds to use: options.rondes clamped to LIMITS.rounds, 1 when not given. */
  function readRounds(options, notes) {
    const raw = options && options.rondes;
    if (raw === undefined || raw === null) return 1;
    const n = Number(raw);
    if (within(n, LIMITS.rounds)) return n;
    const used = Number.isFinite(n) ? Math.min(LIMITS.rounds[1], Math.max(LIMITS.rounds[0], Math.round(n))) : 1;
    notes.push(NL.badRounds(clip(raw), used));
    return used;
  }

  /** Replace "voorbeeld" by the example agenda, its method slot by options.methode when known. */
  function expand(items, idx, options, notes) {
    const out = [];
    for (const it of items) {
      if (it.key !== EXAMPLE) {
        out.push(it);
        continue;
      }
      const slug = options && typeof options.methode === "string" ? options.methode : null;
      const method = slug !== null && idx.methods.has(slug) ? slug : null;
      if (slug !== null && method === null) notes.push(NL.unknownSlotMethod(clip(slug)));
      for (const part of idx.example) {
        out.push({ key: part.methode === true && method ? method : part.sleutel, minutes: null, without: [], at: it.at });
      }
    }
    return out;
  }

  /** Leave out frame parts the plan's methods cover, and advice next to a method without advice. */
  function dropCovered(blocks, idx, notes) {
    const methods = blocks.filter((b) => b.kind === "method").map((b) => idx.methods.get(b.key));
    if (!methods.length) return blocks;
    const silent = methods.filter((m) => m.advies === false).map((m) => m.titel);
    const covered = [];
    const kept = blocks.filter((b) => {
      if (b.kind !== "frame") return true;
      const rule = frameRule(idx.frame.get(b.key));
      if (rule.advice && silent.length) {
        notes.push(NL.noAdvice(b.title, silent));
        return false;
      }
      if (rule.covered) {
        if (!covered.includes(b.title)) covered.push(b.title);
        return false;
      }
      return true;
    });
    if (covered.length) notes.push(NL.covered(covered));
    return kept;
  }

  /**
   * Compose a session plan from agenda keys and method slugs.
   * @param {(string|{key: string, minutes: number|null})[]} keys e.g. ["opening", "vijfstappenmethode:30", "pauze"]
   *   or ["voorbeeld"] (the example agenda; options.methode fills its method slot)
   * @param {{methods: {methoden: object[]}, agenda: {onderdelen: object[], bouwstenen: object[]}}} data
   *   the contents of /api/methods.json and /api/agenda.json
   * @param {{methode?: string|null, rondes?: number|null}} [options]
   * @returns {{blocks: object[], notes: string[]}} notes in Dutch say what was left out or changed.
   *   A block is {key, kind: "frame"|"method", title, rounds: n|null, unit: [one, many]|null, steps}; a step
   *   is {name, minutes, floor, ceiling, optional, fixed, pause, round: k|null, rounds: n|null, what, who}
   */
  function compose(keys, data, options = {}) {
    const notes = [];
    const idx = index(data);
    const asked = readRounds(options, notes);
    // Never more rounds than people: each round (topic, case) is someone's. The group caps them here,
    // so the timer, the planner and the chooser's advice all keep to it.
    const group = options && within(options.groep, LIMITS.group) ? options.groep : null;
    const rounds = group !== null && asked > group ? group : asked;
    // `at`: the item's place in the request, so that what the page keeps per item (a label) finds its block.
    const read = (Array.isArray(keys) ? keys : []).map((k, at) => {
      const it = readItem(k, notes);
      return it && Object.assign(it, { at });
    }).filter(Boolean);
    let items = expand(read, idx, options, notes);
    if (items.length > LIMITS.blocks) {
      notes.push(NL.tooManyBlocks());
      items = items.slice(0, LIMITS.blocks);
    }
    let blocks = [];
    const extraMethods = [];
    const withoutRounds = [];
    const chosen = new Set(); // methods whose case choice (kiest_casus) an earlier block made
    for (const it of items) {
      const method = idx.methods.get(it.key);
      const part = idx.frame.get(it.key);
      if (method) {
        if (blocks.filter((b) => b.kind === "method").length >= LIMITS.methods) {
          extraMethods.push(method.titel);
          continue;
        }
        const block = Object.assign(methodBlock(method, rounds, it.without, chosen.has(it.key)), { at: it.at });
        // Steps a link leaves out that the method does not have, or all of them: said, not just ignored.
        const count = Array.isArray(method.stappen) ? method.stappen.length : 0;
        const asked = Array.isArray(it.without) ? it.without : [];
        const missing = asked.filter((n) => n > count);
        if (missing.length) notes.push(NL.noSuchSteps(method.titel, missing, count));
        if (asked.length > missing.length && !block.without.length) notes.push(NL.notEveryStep(method.titel));
        const choice = (method.stappen || []).find((s) => flag(s, "kiest_casus", false));
        if (choice && chosen.has(it.key)) notes.push(NL.chosenOnce(method.titel, choice.naam));
        if (choice) chosen.add(it.key);
        if (block.rounds === null && rounds > 1 && !withoutRounds.includes(method.titel)) withoutRounds.push(method.titel);
        blocks.push(it.minutes ? fitBlock(block, it.minutes, notes, group) : block);
      } else if (part) {
        if (Array.isArray(it.without) && it.without.length) notes.push(NL.frameWithout(part.naam));
        blocks.push(Object.assign(frameBlock(part, it.minutes), { at: it.at }));
      }
      else notes.push(NL.unknownKey(clip(it.key)));
    }
    if (extraMethods.length) notes.push(NL.tooManyMethods(extraMethods));
    for (const title of withoutRounds) notes.push(NL.noRounds(title));
    blocks = dropCovered(blocks, idx, notes);
    const repeating = blocks.find((b) => b.rounds !== null);
    if (repeating && rounds < asked) notes.push(NL.moreRoundsThanPeople(group, asked, repeating.unit));
    return { blocks, notes, rounds, group };
  }

  /** A method block given its own minutes ("vijfstappenmethode:30"): fitted, or unchanged with a note. */
  function fitBlock(block, minutes, notes, group) {
    if (minutes === total(block)) return block;
    const result = fitting().fit({ blocks: [block], notes: [], group }, minutes);
    if (result.ok) return result.plan.blocks[0];
    notes.push(NL.methodNotFitted(block.title, minutes, result.advice));
    return block;
  }

  /* ------------------------------------------------------------------ links */

  const NUMBER_PARAMS = () => [["minuten", LIMITS.minutes], ["groep", LIMITS.group], ["rondes", LIMITS.rounds]];

  function readNumber(raw, range) {
    return /^\d{1,4}$/.test(raw) && within(Number(raw), range) ? Number(raw) : null;
  }

  /**
   * Read a plan request from a query string; today's links stay valid.
   * @param {string|URLSearchParams} search e.g. "?agenda=voorbeeld&methode=roddelmethode&minuten=90"
   * @returns {{request: {agenda: {key: string, minutes: number|null}[]|null, methode: string|null,
   *            minuten: number|null, groep: number|null, rondes: number|null, start: string|null},
   *            notes: string[]}} a value that does not pass is left out and explained in `notes`
   */
  function decode(search) {
    const params = new URLSearchParams(search);
    const notes = [];
    const request = { agenda: null, methode: null, minuten: null, groep: null, rondes: null, start: null };
    const text = (name) => (params.get(name) || "").trim();
    const bad = (name, raw) => notes.push(NL.badParam(name, clip(raw), RULES[name]()));

    const methode = text("methode");
    if (methode) {
      if (KEY_RE.test(methode) && methode.length <= 60) request.methode = methode;
      else bad("methode", methode);
    }
    const agenda = text("agenda");
    if (agenda) {
      const all = agenda.split(",").map((p) => p.trim());
      const parts = all.filter(Boolean);
      if (parts.length && parts.length < all.length) notes.push(NL.emptyItems(all.length - parts.length));
      if (parts.length > LIMITS.blocks) notes.push(NL.tooManyItems(parts.slice(LIMITS.blocks)));
      // A capital is the one slip a key forgives (a phone capitalises the first letter): read in lower
      // case, and said.
      const lower = (p) => {
        if (ITEM_RE.test(p) || !ITEM_RE.test(p.toLowerCase())) return p;
        notes.push(NL.readLower(clip(p), p.toLowerCase()));
        return p.toLowerCase();
      };
      const items = parts.slice(0, LIMITS.blocks).map((p) => readItem(lower(p), notes)).filter(Boolean);
      if (items.length) request.agenda = items;
      else bad("agenda", agenda);
    }
    for (const [name, range] of NUMBER_PARAMS()) {
      const raw = text(name);
      if (!raw) continue;
      const value = readNumber(raw, range);
      if (value === null) bad(name, raw);
      else request[name] = value;
    }
    const start = text("start");
    if (start) {
      const match = TIME_RE.exec(start);
      if (match) request.start = `${match[1].padStart(2, "0")}:${match[2]}`;
      else bad("start", start);
    }
    return { request, notes };
  }

  /**
   * The query string for a plan request, in a fixed order ("" when empty). Invalid values are
   * left out, so a link never carries what decode() would refuse.
   * @param {{agenda?: (string|{key: string, minutes: number|null})[]|null, methode?: string|null,
   *          minuten?: number|null, groep?: number|null, rondes?: number|null, start?: string|null}} request
   * @returns {string} e.g. "?agenda=opening,snelle-adviesronde,pauze&minuten=90&rondes=3&start=19:00"
   */
  function encode(request) {
    const parts = [];
    const items = (Array.isArray(request.agenda) ? request.agenda : [])
      .slice(0, LIMITS.blocks).map((it) => readItem(it, [])).filter(Boolean);
    if (items.length) parts.push(`agenda=${items.map(itemText).join(",")}`);
    if (typeof request.methode === "string" && KEY_RE.test(request.methode)) parts.push(`methode=${request.methode}`);
    for (const [name, range] of NUMBER_PARAMS()) {
      if (within(request[name], range)) parts.push(`${name}=${request[name]}`);
    }
    const start = typeof request.start === "string" ? TIME_RE.exec(request.start) : null;
    if (start) parts.push(`start=${start[1].padStart(2, "0")}:${start[2]}`);
    return parts.length ? `?${parts.join("&")}` : "";
  }

  /**
   * Everything a page needs from a request: the composed plan (rounds picked for the time when
   * the request names none), the fit to `minuten`, all notes in Dutch. Clock times from `start` are
   * clock(plan, start), lib/clock.js.
   * @param {ReturnType<typeof decode>["request"]} request
   * @param {{methods: object, agenda: object}} data
   * @returns {{plan: object, fit: ReturnType<typeof fit>|null, rounds: number|null, notes: string[],
   *            was: number}} was: the length before the fit
   */
  function build(request, data) {
    const keys = request.agenda || (request.methode ? [request.methode] : []);
    const options = { methode: request.agenda ? request.methode : null, groep: request.groep };
    let rounds = request.rondes ?? null;
    if (rounds === null && request.minuten) rounds = fitting().roundsFor(keys, data, options, request.minuten);
    const composed = compose(keys, data, Object.assign({}, options, { rondes: rounds }));
    const fitted = request.minuten ? fitting().fit(composed, request.minuten) : null;
    const plan = fitted && fitted.ok ? fitted.plan : composed;
    const notes = composed.notes.concat(fitted && !fitted.ok ? [fitted.advice] : []);
    const hasRounds = plan.blocks.some((b) => b.rounds !== null);
    return { plan, fit: fitted, rounds: hasRounds ? composed.rounds : null, notes, was: total(composed) };
  }

  /**
   * Whether building `request` fits something to a number of minutes (the whole plan, or one item
   * with its own minutes), so that the page must have lib/fit.js first.
   * @param {{minuten?: number|null, agenda?: ({minutes?: number|null}|string)[]|null}} request
   * @returns {boolean}
   */
  function needsFit(request) {
    const own = (it) => (typeof it === "string" ? /:\d/.test(it) : Boolean(it && it.minutes));
    return Boolean(request.minuten) || (request.agenda || []).some(own);
  }

  /* fit(), fitsIn(), roundsFor() and placeForMethod() are lib/fit.js's, which adds them to this object: the
     running timer of one method as it is never fits anything and leaves that file out (a part, W.load).
     clock() is lib/clock.js's: only the session plan and the planner show clock times per step. */
  const api = { LIMITS, configure, compose, encode, decode, build, total, needsFit,
    fit: null, fitsIn: null, roundsFor: null, placeForMethod: null, clock: null,
    util: { sum, steps, within, count, index, frameRule, TIME_RE, DAY } };

  function fitting() {
    if (!api.fit) throw new Error("Intervisie.plan: load lib/fit.js before fitting a plan to minutes");
    return api;
  }

  return api;
});
