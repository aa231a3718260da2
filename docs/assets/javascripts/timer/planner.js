/* The choosing view of /timer/ (no session in the address, or ?bewerk=1): the simple form, the planner
   that composes an evening, and the links back to unfinished sessions. A part of its own
   (extra.widget_parts in mkdocs.yml): timer/view.js loads it with W.load only when the page shows the
   choice, so that a running timer does not carry it. view.js hands over its page and its helpers. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.timer));
})(globalThis, function (W, T) {
  "use strict";
  const minutes = T.minutesText;
  // The planner's own sentences come with it (timer/text.js has those of the running timer too).
  const NL = Object.assign({}, T.NL, {
    tooManyMethods: (max) => `Een sessie heeft hoogstens ${max} methoden.`,
    copied: "De link staat op het klembord.",
    copyFailed: "Kopiëren lukte niet; selecteer de link hieronder en kopieer hem zelf.",
    methods: "Methoden",
    remove: (name) => `${name} verwijderen`,
    without: (names) => `zonder ${names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " en " + names[names.length - 1]}`,
    methodBadge: "methode",
    methodSlot: "hier komt de methode",
    blocks: "Onderdelen",
    together: "Samen",
    perTopic: (once, round) => `${once} min + ${round} per onderwerp`,
    up: (name) => `${name} omhoog`,
    down: (name) => `${name} omlaag`,
    minutesOf: (name) => `Minuten voor ${name}`,
    minutesFixed: (problem, name, m, max) => ({
      empty: `Bij ${name} staat geen aantal minuten; de timer houdt ${minutes(m)} aan.`,
      low: `Minder dan 1 minuut kan niet: ${name} krijgt nu 1 minuut.`,
      high: `Meer dan ${max} minuten kan niet: ${name} krijgt nu ${max} minuten.`,
      fraction: `Alleen hele minuten: ${name} krijgt nu ${minutes(m)}.`,
    })[problem],
    resumeLink: (title, phase) => `${title}, verder bij ${phase}`,
    resumeMany: "Er staan nog sessies open:",
    phaseNumber: (n) => `fase ${n}`,
    clockEnd: (end) => `Einde om ${end}`,
    fitFromTo: (from, to) => `${from} → ${to} min`,
    fitSame: (m) => `${m} min, blijft gelijk`,
    fitShorter: (lines) => `korter: ${lines.join(", ")}`,
    fitLonger: (lines) => `langer: ${lines.join(", ")}`,
    chosenAtFirst: "gebeurt bij de eerste keer dat de methode op de avond staat",
    fitDropped: (names) => `valt weg: ${names.join(", ")}`,
    fitGone: (name) => `${name}: niet meer in de lijst, de methode heeft daar eigen stappen voor`,
    stepsAll: "Stappen (alle)",
    stepsLeftOut: (n) => `Stappen (${n} weggelaten)`,
    keepOneStep: "Laat minstens één stap staan, of haal de hele methode weg.",
    labelField: "Eigen naam",
    labelExample: "bijvoorbeeld Casus 1",
    labelOf: (name, n) => `Eigen naam voor onderdeel ${n}, ${name} (blijft in deze browser)`,
  });
  // The current page and view.js's helpers for it (one timer page at a time, as in view.js).
  let page = null;
  let $ = null;
  let setText = null;
  let note = null;

  function plannerOptions(agenda, api) {
    const select = $("[data-timer-add-select]");
    select.textContent = "";
    const groups = [
      [NL.blocks, agenda.onderdelen.concat(agenda.bouwstenen).filter((b) => !b.methode)
        .map((b) => [b.sleutel, `${b.naam} (${NL.minutesShort(b.minuten)})`])],
      [NL.methods, api.methoden.slice().sort((a, b) => a.titel.localeCompare(b.titel, "nl"))
        .map((m) => [m.slug, `${m.titel} (${m.tijd && m.tijd.per_onderwerp && m.minuten_per_ronde
          ? NL.perTopic(m.minuten_eenmalig, m.minuten_per_ronde) : NL.minutesShort(m.totaal_minuten)})`])],
    ];
    groups.forEach(([label, options]) => {
      const group = document.createElement("optgroup");
      group.label = label;
      options.forEach(([value, text]) => group.append(new Option(text, value)));
      select.append(group);
    });
  }

  function runPlanner(agenda, apiData) {
    const { life } = page;
    const P = window.Intervisie.plan;
    const limits = T.limits();
    const builder = $("[data-timer-builder]");
    builder.hidden = false;
    const data = { methods: apiData, agenda };
    const methods = W.byKey(apiData.methoden, "slug");
    const blocks = W.byKey(agenda.onderdelen.concat(agenda.bouwstenen), "sleutel");
    const known = (key) => blocks.has(key) || methods.has(key);
    const repeats = (key) => methods.has(key) && methods.get(key).stappen.some((st) => st.per_ronde === true);
    const roundsInput = $("[data-timer-rounds]");
    const startInput = $("[data-timer-begin]");
    // The evening being built lives in this browser, so that the chooser can add a method to it.
    const evening = T.stores().evening;
    const rounds = () => {
      const n = Number(roundsInput.value);
      return Number.isInteger(n) && n >= Number(roundsInput.min) && n <= Number(roundsInput.max) ? n : 1;
    };
    // A method's own length depends on its rounds, so a method item without typed minutes has none.
    const own = (key) => (methods.has(key)
      ? P.total(P.compose([key], data, { rondes: rounds() }))
      : blocks.get(key).minuten);
    const info = (key) => (methods.has(key)
      ? { naam: methods.get(key).titel, methode: true }
      : { naam: blocks.get(key).naam, methode: false });
    const item = (key, minuten, zonder = [], label = "") => ({ key, minuten, zonder, label });
    const startItems = (keys) => keys.filter(known).map((key) => item(key, methods.has(key) ? null : own(key)));
    const fromAgenda = (text) => (T.parseAgenda(text) || []).filter((it) => known(it.key))
      .map((it) => item(it.key, it.minuten || (methods.has(it.key) ? null : own(it.key)), it.zonder || []));
    const withLabels = (list, labels) => {
      const texts = T.labelsInOrder(list.map((it) => it.key), labels);
      list.forEach((it, i) => (it.label = texts[i]));
      return list;
    };
    const kept = T.cleanEvening(evening.read());
    // The blocks a list makes (a frame part a method covers is not one), so that the edit link of a running
    // session, which lists only those, finds the labels of the evening it came from.
    const keysOf = (list) => P.compose(list.map((it) => it.key), data).blocks.map((b) => b.key).join(",");
    let items = kept.agenda ? withLabels(fromAgenda(kept.agenda), kept.labels) : startItems(agenda.startsessie);
    if (page.query.rondes) roundsInput.value = String(page.query.rondes);
    else if (kept.rondes) roundsInput.value = String(kept.rondes);
    if (page.query.start) startInput.value = page.query.start;
    else if (kept.start && kept.agenda) startInput.value = kept.start;
    if (page.query.agenda && page.query.bewerk) {
      const parsed = page.query.agenda === "voorbeeld"
        ? agenda.onderdelen.map((b) => item(b.sleutel, null))
        : T.parseAgenda(page.query.agenda) && fromAgenda(page.query.agenda);
      if (parsed) {
        items = parsed.map((it) => Object.assign(it, { minuten: it.minuten || (methods.has(it.key) ? null : own(it.key)) }));
        // The labels typed for this evening come back when the address holds the same parts.
        if (kept.agenda && keysOf(fromAgenda(kept.agenda)) === keysOf(items)) withLabels(items, kept.labels);
      }
    }
    if (page.query.toevoegen && methods.has(page.query.toevoegen)) {
      // "Voeg toe aan de avond": nothing built yet starts from the usual frame, without its method.
      if (!kept.agenda && !page.query.agenda) items = items.filter((it) => !methods.has(it.key));
      items.splice(P.placeForMethod(items, data), 0, item(page.query.toevoegen, null));
      page.edited = true;
    }
    const hasRounds = () => items.some((it) => repeats(it.key));
    const request = () => ({
      agenda: items.map((it) => ({ key: it.key, minutes: it.minuten, without: it.zonder })),
      rondes: hasRounds() ? rounds() : null,
      // A group from the link (the chooser's, an edit link) stays: it caps the rounds (plan.js compose).
      groep: page.query.groep,
      start: startInput.value || null,
    });
    const compose = () => P.compose(request().agenda, data, { rondes: rounds(), groep: page.query.groep });
    plannerOptions(agenda, apiData);
    const report = $("[data-timer-builder-report]");
    const say = (text) => {
      report.textContent = "";
      if (text) report.textContent = text;
    };

    const link = () => {
      const url = new URL(window.location.href);
      url.search = P.encode(request());
      url.hash = "";
      return url.href;
    };

    const badge = (text) => {
      const el = document.createElement("span");
      el.className = "ih-badge";
      el.textContent = text;
      return el;
    };
    const nameOf = (it) => info(it.key).naam + (it.label ? ` (${it.label})` : "");

    /** The fit as a list: per block its own minutes and its fitted ones, what got shorter and what went. */
    const fitReport = (total, was, fitted, gone, list) => {
      report.textContent = "";
      const head = document.createElement("p");
      head.textContent = NL.fitted(total, was);
      const ul = document.createElement("ul");
      ul.className = "ih-planner__fit";
      for (const b of fitted.blocks) {
        const it = list[b.at];
        const li = document.createElement("li");
        const name = document.createElement("strong");
        name.textContent = it ? nameOf(it) : b.title;
        li.append(name, ": ", b.from === b.to ? NL.fitSame(b.to) : NL.fitFromTo(b.from, b.to));
        const details = [];
        if (b.shorter.length) details.push(NL.fitShorter(b.shorter));
        if (b.longer.length) details.push(NL.fitLonger(b.longer));
        if (b.dropped.length) details.push(NL.fitDropped(b.dropped));
        if (details.length) {
          const more = document.createElement("span");
          more.className = "ih-planner__fitdetail";
          more.textContent = details.join("; ");
          li.append(" ", more);
        }
        ul.append(li);
      }
      for (const name of gone) ul.append(Object.assign(document.createElement("li"), { textContent: NL.fitGone(name) }));
      report.append(head, ul);
    };

    /** Fit the whole list to `total` minutes with plan.js; false (and the advice said) when it cannot. */
    const fitTo = (total) => {
      const plan = compose();
      const was = P.total(plan);
      const fitted = P.fit(plan, total);
      if (!fitted.ok) {
        say(fitted.advice);
        return false;
      }
      // Each block knows its item (at); an item the plan left out (a method covers it) goes.
      const byItem = new Map(fitted.plan.blocks.map((b) => [b.at, b]));
      const gone = items.filter((it, i) => !byItem.has(i)).map((it) => info(it.key).naam);
      const before = items;
      // A fitted block keeps its minutes; the steps a method lacks stay left out, its label stays.
      items = before.flatMap((it, i) => (byItem.has(i) ? [Object.assign({}, it, { minuten: P.total(byItem.get(i)) })] : []));
      page.edited = true;
      fitReport(total, was, fitted, gone, before);
      draw();
      summarise();
      return true;
    };

    /** The composed plan's minutes per item (by its place): what a method without typed minutes lasts here. */
    const planned = () => new Map(compose().blocks.map((b) => [b.at, P.total(b)]));

    const stepChoice = (it, i, method) => {
      const box = document.createElement("details");
      box.className = "ih-planner__steps";
      if (it.zonder.length) box.open = true;
      const summary = document.createElement("summary");
      summary.textContent = it.zonder.length ? NL.stepsLeftOut(it.zonder.length) : NL.stepsAll;
      box.append(summary);
      const list = document.createElement("ul");
      // The case choice (kiest_casus) happens once, at the method's first time in the evening.
      const later = items.slice(0, i).some((other) => other.key === it.key);
      method.stappen.forEach((st, s) => {
        const number = s + 1;
        const li = document.createElement("li");
        const label = document.createElement("label");
        const check = document.createElement("input");
        check.type = "checkbox";
        check.checked = !it.zonder.includes(number);
        if (later && st.kiest_casus === true) {
          check.checked = false;
          check.disabled = true;
          label.append(check, ` ${st.naam} (${NL.chosenAtFirst})`);
          li.append(label);
          list.append(li);
          return;
        }
        check.dataset.plannerFocus = `step-${i}-${number}`;
        check.dataset.plannerStep = String(number);
        check.addEventListener("change", () => {
          const rest = check.checked ? it.zonder.filter((n) => n !== number) : it.zonder.concat(number).sort((a, b) => a - b);
          if (rest.length >= method.stappen.length) {
            check.checked = true;
            say(NL.keepOneStep);
            return;
          }
          it.zonder = rest;
          it.minuten = null; // its own length without that step
          page.edited = true;
          refresh("");
        });
        label.append(check, ` ${st.naam} (${NL.minutesShort(st.minuten)})`);
        li.append(label);
        list.append(li);
      });
      box.append(list);
      return box;
    };

    const draw = () => {
      const list = $("[data-timer-items]");
      const focusKey = document.activeElement && document.activeElement.dataset.plannerFocus;
      const openSteps = new Set(Array.from(list.querySelectorAll("details[open]")).map((d) => d.closest("li").dataset.index));
      const minutes = planned();
      const minutesOf = (it, i) => (it.minuten !== null ? it.minuten : minutes.has(i) ? minutes.get(i) : own(it.key));
      list.textContent = "";
      items.forEach((it, i) => {
        const meta = info(it.key);
        const li = document.createElement("li");
        li.className = "ih-planner__item";
        li.dataset.key = it.key;
        li.dataset.index = String(i);
        const name = document.createElement("span");
        name.className = "ih-planner__name";
        name.textContent = meta.naam;
        if (meta.methode) name.append(" ", badge(NL.methodBadge));
        else if (blocks.get(it.key).methode) name.append(" ", badge(NL.methodSlot));
        const input = document.createElement("input");
        input.type = "number";
        input.min = String(limits.minutes[0]);
        input.max = String(limits.minutes[1]);
        input.step = "1";
        input.inputMode = "numeric";
        input.value = String(minutesOf(it, i));
        input.setAttribute("aria-label", NL.minutesOf(nameOf(it)));
        input.dataset.plannerFocus = `min-${i}`;
        // Typed minutes count at once; what cannot be used is said, and set right when leaving the field.
        input.addEventListener("input", () => {
          const read = T.readMinutes(input.value, minutesOf(it, i));
          it.minuten = read.minuten;
          summarise(read.problem ? NL.minutesFixed(read.problem, meta.naam, read.minuten, limits.minutes[1]) : "");
        });
        input.addEventListener("change", () => {
          input.value = String(minutesOf(it, i));
        });
        const unit = document.createElement("span");
        unit.textContent = "min";
        const buttons = document.createElement("span");
        buttons.className = "ih-planner__buttons";
        const mk = (label, text, focus, disabled, handler) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "md-button ih-planner__small";
          b.textContent = text;
          b.setAttribute("aria-label", label);
          b.dataset.plannerFocus = focus;
          b.disabled = disabled;
          b.addEventListener("click", handler);
          return b;
        };
        buttons.append(
          mk(NL.up(nameOf(it)), "↑", `up-${i - 1}`, i === 0, () => move(i, -1)),
          mk(NL.down(nameOf(it)), "↓", `down-${i + 1}`, i === items.length - 1, () => move(i, 1)),
          mk(NL.remove(nameOf(it)), "✕", "remove", false, () => {
            items.splice(i, 1);
            page.edited = true;
            refresh();
          }),
        );
        // A label of the facilitator's own ("Casus van Carla"): kept in this browser, never in a link.
        const labelBox = document.createElement("label");
        labelBox.className = "ih-planner__label";
        const labelText = document.createElement("span");
        labelText.textContent = NL.labelField;
        const labelInput = document.createElement("input");
        labelInput.type = "text";
        labelInput.maxLength = T.MAX_LABEL;
        labelInput.autocomplete = "off";
        labelInput.value = it.label;
        labelInput.placeholder = meta.methode ? NL.labelExample : "";
        labelInput.dataset.plannerFocus = `label-${i}`;
        labelInput.dataset.plannerLabel = "";
        labelInput.setAttribute("aria-label", NL.labelOf(meta.naam, i + 1));
        labelInput.addEventListener("input", () => {
          it.label = labelInput.value.trim().slice(0, T.MAX_LABEL);
          page.edited = true;
          summarise();
        });
        labelBox.append(labelText, " ", labelInput);
        li.append(name, input, unit, buttons, labelBox);
        if (meta.methode) {
          const steps = stepChoice(it, i, methods.get(it.key));
          if (openSteps.has(String(i))) steps.open = true;
          li.append(steps);
        }
        list.append(li);
      });
      // Keep keyboard focus on the moved item's button so repeated moves are easy.
      if (focusKey) {
        const [kind, index] = focusKey.split("-");
        const target = kind === "up" || kind === "down"
          ? list.querySelector(`[data-planner-focus="${kind}-${+index + (kind === "up" ? -1 : 1)}"]`)
          : list.querySelector(`[data-planner-focus="${focusKey}"]`);
        const fallback = list.querySelectorAll("li.ih-planner__item")[+index];
        if (target && !target.disabled) target.focus();
        else if ((kind === "up" || kind === "down") && fallback) fallback.querySelector("button:not([disabled])").focus();
      }
    };

    const move = (i, by) => {
      const j = i + by;
      if (j < 0 || j >= items.length) return;
      [items[i], items[j]] = [items[j], items[i]];
      page.edited = true;
      refresh();
    };

    const refresh = (message) => {
      draw();
      summarise(message);
    };

    /** The table that prints: clock times (with a start time), each block with its label and its minutes. */
    const printTable = (plan) => {
      const table = $("[data-timer-builder-print]");
      table.textContent = "";
      const times = startInput.value ? P.clock(plan, startInput.value) : null;
      plan.blocks.forEach((block, b) => {
        const row = table.insertRow();
        row.dataset.planBlock = block.key;
        if (times) row.insertCell().textContent = `${times.blocks[b].start}–${times.blocks[b].end}`;
        const rounds = block.rounds > 1 ? ` (${block.rounds} ${block.unit[1]})` : "";
        const without = block.without && block.without.length ? ` (${NL.without(block.without)})` : "";
        const label = items[block.at] && items[block.at].label ? ` – ${items[block.at].label}` : "";
        row.insertCell().textContent = `${block.title}${rounds}${without}${label}`;
        row.insertCell().textContent = NL.minutesShort(P.total(block));
      });
      const foot = table.insertRow();
      if (times) foot.insertCell().textContent = NL.clockEnd(times.end);
      foot.insertCell().textContent = NL.together;
      foot.insertCell().textContent = NL.minutesShort(P.total(plan));
    };

    /** The evening as this browser keeps it: the link's parts, and the labels that never go in a link. */
    const keep = () => {
      if (!page.query.bewerk && !page.edited) return true;
      const text = T.formatAgenda(items.map((it) => ({ key: it.key, minuten: it.minuten, zonder: it.zonder })));
      // @returns whether storage holds this evening now (full storage: the rest of the page still works)
      return evening.update(() => (items.length ? { agenda: text, rondes: hasRounds() ? rounds() : null,
        start: startInput.value || null, labels: T.labelsByKey(items), open: "" } : null)).ok;
    };

    // Everything that follows from the items, except the list itself (which holds the focus while typing).
    const summarise = (message) => {
      const plan = compose();
      $("[data-timer-rounds-row]").hidden = !hasRounds();
      roundsInput.disabled = !hasRounds();
      setText($("[data-timer-builder-total]"), NL.minutesShort(P.total(plan)));
      const query = P.encode(request());
      $("[data-timer-builder-start]").href = query || "./";
      $("[data-timer-link]").value = link();
      const kept = keep();
      const warning = kept ? "" : T.SHEET_NL.eveningNotKept;
      if (message !== undefined || !kept) say([message, warning].concat(plan.notes).filter(Boolean).join(" "));
      printTable(plan);
      if (page.query.bewerk || page.edited) {
        // Paced: typing minutes writes it on every key, more often than browsers let a page write its address.
        page.address = page.address || W.address(life);
        page.address.write(`${query || "?"}&bewerk=1`);
      }
    };

    // Another tab changed the evening: said here, so that a change in this tab does not undo it unnoticed.
    evening.watch(life, (data) => {
      const text = T.formatAgenda(items.map((it) => ({ key: it.key, minuten: it.minuten, zonder: it.zonder })));
      if (T.cleanEvening(data).agenda !== text) T.eveningElsewhere(report);
    });
    life.listen($("[data-timer-add]"), "click", () => {
      const key = $("[data-timer-add-select]").value;
      if (!known(key)) return;
      if (methods.has(key) && items.filter((it) => methods.has(it.key)).length >= limits.methods) {
        say(NL.tooManyMethods(limits.methods));
        return;
      }
      items.push(item(key, methods.has(key) ? null : own(key)));
      page.edited = true;
      refresh("");
    });
    life.listen($("[data-timer-fit]"), "click", () => {
      const raw = $("[data-timer-fit-minutes]").value.trim();
      const total = /^\d{1,4}$/.test(raw) ? +raw : NaN;
      if (Number.isNaN(total) || total < limits.minutes[0] || total > limits.minutes[1]) {
        say(NL.badMinutes(W.clip(raw), limits.minutes[1]));
        return;
      }
      fitTo(total);
    });
    // A new number of rounds gives the methods with rounds their own length again.
    life.listen(roundsInput, "change", () => {
      items.forEach((it) => {
        if (repeats(it.key)) it.minuten = null;
      });
      page.edited = true;
      refresh("");
    });
    life.listen(startInput, "change", () => {
      page.edited = true;
      summarise();
    });
    life.listen($("[data-timer-copy]"), "click", async () => {
      const href = link();
      try {
        await navigator.clipboard.writeText(href);
        say(NL.copied);
      } catch (e) {
        say(NL.copyFailed);
        $("[data-timer-link]").select();
      }
    });
    life.listen($("[data-timer-load-example]"), "click", () => {
      items = agenda.onderdelen.map((b) => item(b.sleutel, b.minuten));
      page.edited = true;
      refresh("");
    });
    refresh("");
    if (page.query.minuten && items.length) fitTo(page.query.minuten);
    // Asked for the planner (bewerk=1, or a method added from the chooser): it opens where the reader looks.
    if (page.query.bewerk) {
      life.afterPaint(() => {
        builder.scrollIntoView({ block: "start" });
        builder.querySelector("h2").focus({ preventScroll: true });
      });
    }
  }

  /** The simple form: the rounds field only with a method that has rounds; empty fields stay out of the link. */
  function runPickForm() {
    const form = $(".ih-timer__pick");
    const select = form.querySelector("[name=methode]");
    const row = form.querySelector("[data-timer-pick-rounds-row]");
    const input = row.querySelector("input");
    const sync = () => {
      const option = select.selectedOptions[0];
      row.hidden = !(option && option.hasAttribute("data-rounds"));
      input.disabled = row.hidden;
    };
    sync();
    page.life.listen(select, "change", sync);
    page.life.listen(form, "submit", () => {
      form.querySelectorAll("input").forEach((el) => {
        if (!el.value) el.disabled = true;
      });
    });
  }

  /**
   * On /timer/ without a session: a link back to every unfinished session this browser keeps, newest
   * first, each named by its title and the phase it stands in (rebuilt from the handbook's data).
   */
  function showResume(build) {
    const saved = page.sync.load();
    if (saved.discarded) note([NL.setAside]);
    const records = page.sync.others("");
    if (!records.length) return;
    const nameOf = (r) => {
      const session = build(`?${r.key}`);
      const phases = session && session.phases;
      return phases && phases.length === r.ms.length && T.fingerprint(T.create(session).phases) === r.plan
        ? phases[r.index].naam : NL.phaseNumber(r.index + 1);
    };
    const box = $("[data-timer-resume]");
    const link = $("[data-timer-resume-link]");
    link.href = `?${records[0].key}`;
    link.textContent = NL.resumeLink(records[0].title, nameOf(records[0]));
    if (records.length > 1) {
      // One line, as the page's own sentence is (a list cannot sit inside its paragraph).
      box.firstChild.textContent = `${NL.resumeMany} `;
      records.slice(1).forEach((r) => {
        const a = document.createElement("a");
        a.href = `?${r.key}`;
        a.textContent = NL.resumeLink(r.title, nameOf(r));
        box.append("; ", a);
      });
    }
    box.hidden = false;
  }

  /**
   * Show the choosing view's controls.
   * @param {{page: object, $: (sel: string) => Element, setText: Function, note: Function, agenda: object,
   *          apiData: object, build: ((search: string) => object)|null}} ui build: for the links back
   *   to unfinished sessions (null: the address asked for something, so none are offered)
   */
  function runChoice(ui) {
    ({ page, $, setText, note } = ui);
    runPickForm();
    runPlanner(ui.agenda, ui.apiData);
    T.mountSaved({ root: page.root, life: page.life });
    if (ui.build) showResume(ui.build);
  }

  return { runChoice };
});
