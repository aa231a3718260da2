/* Phase timer and session agenda (/timer/): progressive enhancement of [data-timer].

   The pure parts come before this file in the bundle (timer/state.js, planning.js) with sound.js,
   wakelock.js and sync.js; this file puts them on the page. While the page lives, "the current
   time" moves with the monotonic performance.now(), so correcting the computer's clock does not
   move the timer; the wall clock only counts when a page restores a saved state, or when the
   procesbegeleider says the computer slept (see runSession). */
(function () {
  "use strict";

  const W = window.Intervisie.widget;
  const T = window.Intervisie.timer;
  const { NL, MINUTE } = T;

  let page = null; // everything the current page started; null when there is no timer

  function $(sel) {
    return page.root.querySelector(sel);
  }

  function $$(sel) {
    return Array.from(page.root.querySelectorAll(sel));
  }

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  function note(lines) {
    const el = $("[data-timer-note]");
    const text = lines.filter(Boolean).join(" ");
    setText(el, text);
    el.hidden = !text;
  }

  /** Now, on this page's monotonic clock (see T.steadyClock). */
  function clockNow() {
    return page.clock.now();
  }

  function projecting() {
    return page.projector.on;
  }

  /* ---- running a session */

  /** A change made in this tab: a new revision, stored and told to the other tabs. */
  function update(next) {
    const rev = Math.max(next.rev, page.state ? page.state.rev : 0) + 1;
    const stamped = Object.assign({}, next, { rev, tab: page.tabId });
    show(stamped);
    page.sync.publish(page.sync.store(stamped));
  }

  /**
   * What follows from the time alone (a phase ended, the last minute began): every tab works it
   * out by itself, so it keeps its revision and is only stored, for a reload.
   */
  function keep(next) {
    show(next);
    page.sync.store(next);
  }

  /** Make `next` the state on screen: redraw, announce and reschedule what changed. */
  function show(next) {
    const before = page.state;
    page.state = next;
    if (page.share) page.share.update(next);
    $("[data-timer-auto]").checked = next.auto;
    if (!before || before.index !== next.index || before.done !== next.done) {
      renderProgramme();
      if (next.done) {
        const v = T.view(next, clockNow());
        page.say(NL.done(T.wholeMinutes(v.used), T.wholeMinutes(v.planned)));
      } else if (before && next.started) {
        const p = next.phases[next.index];
        page.say(NL.announcePhase(next.index + 1, next.phases.length, p.naam, T.wholeMinutes(p.ms)));
      }
    }
    if (!before || before.running !== next.running || before.endsAt !== next.endsAt || before.index !== next.index) {
      page.sound.schedule();
      page.wake.sync();
    }
    render();
  }

  function tick() {
    if (!page || !page.state) return;
    const now = clockNow();
    let s = page.state;
    const endsAt = s.endsAt;
    const before = s.index;
    s = T.advance(s, now);
    const moved = s.index !== before;
    let ended = moved;
    if (s.running && !s.done && T.remaining(s, now) <= 0 && s.signalled !== s.index) {
      s = Object.assign({}, s, { signalled: s.index });
      ended = true;
      if (!moved) page.say(NL.announceEnd(s.phases[s.index].naam));
    }
    const left = T.remaining(s, now);
    if (s.running && !s.done && left > 0 && left <= MINUTE && s.warned !== s.index && s.phases[s.index].ms >= 2 * MINUTE) {
      s = Object.assign({}, s, { warned: s.index });
      page.say(NL.announceMinute(s.phases[s.index].naam));
    }
    if (ended) page.sound.signalEnd(endsAt);
    if (s !== page.state) keep(s);
    else render();
  }

  /**
   * The line under the clock. "Press Volgende" is for the procesbegeleider alone: the projector,
   * which the group sees, only says that the time is up.
   */
  function levelText(v, s) {
    if (s.done) return "";
    if (v.level === "over") return (s.auto && v.next) || projecting() ? NL.over : NL.overWait;
    const state = !s.started ? NL.ready : s.running ? NL.running : NL.paused;
    if (v.level === "warn") return `${NL.warn} · ${state}`;
    if (v.level === "alert") return `${NL.alert} · ${state}`;
    return state;
  }

  function render() {
    const s = page.state;
    const v = T.view(s, clockNow());
    const root = page.root;
    root.dataset.level = v.level;
    root.dataset.running = String(s.running);
    const label = labelOf(v.index);
    const group = (v.phase.groep && v.phase.groep !== s.title ? ` · ${v.phase.groep}` : "") + (label ? ` · ${label}` : "");
    setText($("[data-timer-context]"), `${s.title} · ${NL.phaseOf(v.index + 1, v.count)}${group}`);
    setText($("[data-timer-phase]"), v.phase.naam);
    setText($("[data-timer-what]"), v.phase.wat + (v.phase.wie ? ` (${v.phase.wie})` : ""));
    showLookBack(v.index);
    setText($("[role=timer]"), T.format(v.left));
    setText($("[data-timer-level]"), levelText(v, s));
    setText($("[data-timer-upcoming]"), v.next ? `${v.next.naam} (${NL.minutesShort(T.wholeMinutes(v.next.ms))})` : NL.end);
    // In overtime the phase's own clock counts up; the total says so too instead of pretending to be on plan.
    const over = v.left < 0 && !s.done ? -v.left : 0;
    setText($("[data-timer-total]"), over ? NL.totalOver(T.format(v.sessionLeft), T.format(over)) : T.format(Math.max(0, v.sessionLeft)));
    setText($("[data-timer-end]"), endText(v, s));
    const drift = Math.round(v.drift / MINUTE);
    setText($("[data-timer-drift]"), drift > 0 ? NL.behind(drift) : drift < 0 ? NL.ahead(-drift) : NL.onTime);
    const percent = Math.round(v.progress * 1000) / 10;
    $("[data-timer-fill]").style.width = `${percent}%`;
    $("[data-timer-bar]").setAttribute("aria-valuenow", String(Math.round(percent)));
    setText($("[data-timer-start]"), s.running ? NL.pause : s.started ? NL.resume : page.labels.start);
    for (const attr of ["start", "next", "plus", "minus"]) $(`[data-timer-${attr}]`).disabled = s.done;
    const done = $("[data-timer-done]");
    done.hidden = !s.done;
    if (s.done) setText(done, NL.done(T.wholeMinutes(v.used), T.wholeMinutes(v.planned)));
  }

  /**
   * The group's look-back (/groep/, group/recent.js): under the look-back phase, last time's open actions
   * and cases, read from this browser's storage only. Never part of the state, a link or a QR code; read
   * once per phase, not on every tick.
   */
  let lookBackShown = null;
  function showLookBack(index) {
    const key = `${page.state.key}#${index}`;
    if (lookBackShown === key) return;
    lookBackShown = key;
    const R = window.Intervisie.group;
    const box = $("[data-timer-lookback]");
    let group = null;
    try {
      group = R.storedGroup(window.localStorage);
    } catch (e) {
      /* storage refused: no look-back */
    }
    const back = group && R.lookBackPhase(page.state.phases) === index ? R.lookBack(group, R.localToday()) : null;
    const items = back ? [...back.acties.map((a) => (a.wie ? `${a.tekst} (${a.wie})` : a.tekst)),
      ...back.casussen.map((c) => (c.inbrenger ? `${c.titel} (${c.inbrenger})` : c.titel))] : [];
    box.hidden = !items.length;
    $("[data-timer-lookback-list]").replaceChildren(...items.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  }

  /** "HH:MM" that many milliseconds after the session's start time (?start=), or null without one. */
  function clockAt(ms) {
    if (!page.start) return null;
    const [h, m] = page.start.split(":").map(Number);
    const minute = (((h * 60 + m + Math.round(ms / MINUTE)) % 1440) + 1440) % 1440;
    return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  }

  /** The planned end (with ?start=) and, once running, when the session will end at this pace. */
  function endText(v, s) {
    const planned = clockAt(v.planned);
    const wall = new Date(Date.now() + (s.done ? 0 : v.sessionLeft));
    const expected = `${String(wall.getHours()).padStart(2, "0")}:${String(wall.getMinutes()).padStart(2, "0")}`;
    if (!s.started || s.done) return planned ? NL.endPlanned(planned) : NL.endUnknown;
    return planned && planned !== expected ? NL.endBoth(planned, expected) : NL.endExpected(expected);
  }

  /** The label typed in the planner for the block of the phase at `index` ("Casus van Carla"), "" for none. */
  function labelOf(index) {
    return (page.phaseLabels && page.phaseLabels[index]) || "";
  }

  function renderProgramme() {
    const s = page.state;
    const list = $("[data-timer-programme]");
    list.textContent = "";
    let offset = 0;
    s.phases.forEach((p, i) => {
      const li = document.createElement("li");
      const minutes = String(T.wholeMinutes(p.ms));
      li.dataset.minutes = minutes;
      li.dataset.planMinutes = minutes;
      li.dataset.planBlock = p.blok || "";
      if (i === s.index && !s.done) li.setAttribute("aria-current", "step");
      if (i < s.index || s.done) li.classList.add("ih-timer__past");
      const when = document.createElement("span");
      when.className = "ih-timer__when";
      when.textContent = clockAt(offset) || T.format(offset);
      const name = document.createElement("strong");
      name.textContent = p.naam;
      const min = document.createElement("span");
      min.className = "ih-timer__min";
      min.textContent = NL.minutesShort(T.wholeMinutes(p.ms));
      li.append(when, " ", name);
      if (p.ronde) {
        const round = document.createElement("span");
        round.className = "ih-timer__round";
        round.textContent = `(${p.ronde})`;
        li.append(" ", round);
      }
      li.append(" ", min);
      if (p.groep && p.groep !== s.title) {
        const group = document.createElement("span");
        group.className = "ih-timer__group";
        group.textContent = p.groep;
        li.append(" ", group);
      }
      const label = labelOf(i);
      if (label) {
        const mark = document.createElement("span");
        mark.className = "ih-timer__label";
        mark.textContent = label;
        li.append(" ", mark);
      }
      list.append(li);
      offset += p.ms;
    });
    const end = clockAt(offset);
    setText($("[data-timer-hint]"), end ? NL.hintClock(page.start, end) : page.labels.hint);
  }

  /** What the fit changed, one plain-Dutch line each (plan.js words them). */
  function renderFitReport(changes, was, total) {
    const box = $("[data-timer-fitreport]");
    box.textContent = "";
    box.hidden = !changes;
    if (!changes) return;
    const p = document.createElement("p");
    p.textContent = NL.fitted(total, was);
    box.append(p);
    if (changes.length) {
      const ul = document.createElement("ul");
      changes.forEach((line) => {
        const li = document.createElement("li");
        li.textContent = line;
        ul.append(li);
      });
      box.append(ul);
    }
  }

  function onAction(action, event) {
    if (!page.state) return;
    const now = clockNow();
    const s = page.state;
    if (action === "start") {
      page.sound.ensure();
      update(T.toggle(s, now));
    } else if (action === "next") update(T.next(s, now));
    else if (action === "prev") update(T.previous(s, now));
    else if (action === "plus") update(T.adjust(s, MINUTE, now));
    else if (action === "minus") update(T.adjust(s, -MINUTE, now));
    else if (action === "restart") {
      const button = $("[data-timer-restart]");
      if (!page.confirmRestart) {
        page.confirmRestart = page.life.later(() => {
          page.confirmRestart = null;
          button.textContent = page.labels.restart;
        }, 4000);
        button.textContent = NL.restartConfirm;
        return;
      }
      window.clearTimeout(page.confirmRestart);
      page.confirmRestart = null;
      button.textContent = page.labels.restart;
      update(T.restart(s));
    }
    // A mouse click leaves focus on the button, and the next space would press it again
    // instead of pausing: give focus back to the page for pointer users only.
    if (event && event.detail > 0 && event.currentTarget && event.currentTarget.blur) event.currentTarget.blur();
  }

  const KEYS = new Map([
    [" ", "start"], ["Spacebar", "start"], ["ArrowRight", "next"], ["PageDown", "next"], ["ArrowLeft", "prev"],
    ["PageUp", "prev"], ["+", "plus"], ["=", "plus"], ["-", "minus"], ["−", "minus"],
  ]);

  function onKey(event) {
    if (!page || !page.state || $("[data-timer-run]").hidden) return;
    if (event.ctrlKey || event.metaKey || event.altKey || W.isTyping(event.target)) return;
    // In the session plan below the controls the keys are the plan's: the arrows scroll its table.
    if (event.target instanceof Element && event.target.closest("[data-timer-sheet]")) return;
    const action = KEYS.get(event.key);
    // Space on a button or link presses that control, not the clock.
    if (!action || (action === "start" && W.isTyping(event.target, "button, a, summary"))) return;
    event.preventDefault();
    onAction(action, null);
  }

  function setMuted(muted, keep = true) {
    page.sound.muted = muted;
    $("[data-timer-mute]").setAttribute("aria-pressed", String(!muted));
    if (keep) keepSetting("muted", muted); // a setting only: without storage it lasts as long as the page
    page.sound.schedule();
  }

  /** Store a setting the reader changed; when storage refuses, say so under the settings. */
  function keepSetting(name, value) {
    const ok = T.setting(name).update(() => value).ok;
    setText($("[data-timer-settings-status]"), ok ? "" : T.STORE_NL.settingNotKept);
  }

  function runSession(result) {
    const { life, sync, sound } = page;
    page.start = page.query.start;
    const notes = result.notes.slice();
    // What this browser keeps for this session: the saved plan it was opened from (its name is the
    // session's title) and the labels of its blocks. Neither is ever in the address.
    const stores = T.stores();
    const own = T.opened(`?${result.session.key}`, page.query.agenda, stores.evening.read(), stores.plans.read());
    if (own.plan) result.session.title = own.plan.naam;
    const blockLabels = T.labelsInOrder(result.plan.blocks.map((b) => b.key), own.labels);
    // Labels stay out of the stored state (which a presenter window reads too): one per phase, in the plan's order.
    page.phaseLabels = result.plan.blocks.flatMap((b, i) => b.steps.map(() => blockLabels[i]));
    // Every session is kept under its own key: resume this one, unfinished, with the same steps (the
    // handbook may have changed since); the phases themselves always come from this page's data.
    page.plan = T.planOf(result.session.phases);
    const fresh = T.create(result.session);
    const saved = sync.load(fresh);
    if (saved.discarded) notes.push(NL.setAside);
    const others = sync.others(result.session.key);
    const same = Boolean(saved.state && !saved.state.done);
    const s = same ? Object.assign({}, saved.state, { title: result.session.title }) : T.create(result.session, {
      auto: saved.state ? saved.state.auto : Boolean(others[0] && others[0].auto), rev: saved.state ? saved.state.rev : 0,
    });
    // Another session that runs (or ran today) stays kept; the reader chooses where to go on.
    const recent = others.find((r) => r.running || Date.now() - r.at < 6 * 60 * MINUTE);
    if (!same && recent) askAboutOther(recent);
    note(notes);
    $("[data-timer-choose]").hidden = true;
    $("[data-timer-run]").hidden = false;
    renderFitReport(result.changes, result.was, page.query.minuten);
    // The session plan below the controls comes after the clock has been shown, in a task and a frame
    // of its own: in one frame with the clock, its style and layout made one task of ~120 ms on a
    // phone's CPU between opening the page and a clock that answers.
    life.afterPaint(() => T.mountSheet({ root: page.root, life, plan: result.plan, title: result.session.title,
      link: `?${result.session.key}`, start: page.start, labels: own.labels, saved: own.plan }));
    const edit = $("[data-timer-edit-link]");
    const items = result.session.items;
    const q = page.query;
    if (items && items.length) {
      edit.href = `${window.Intervisie.plan.encode({ agenda: items.map((it) => ({ key: it.key, minutes: it.minuten, without: it.zonder })),
        groep: q.groep, rondes: result.rounds, start: q.start })}&bewerk=1`;
    } else edit.hidden = true;
    const auto = $("[data-timer-auto]");
    auto.checked = s.auto;
    life.listen(auto, "change", () => update(Object.assign({}, page.state, { auto: auto.checked })));
    const warnSound = $("[data-timer-warnsound]");
    sound.warn = T.setting("warnSound").read() === true;
    warnSound.checked = sound.warn;
    life.listen(warnSound, "change", () => {
      sound.warn = warnSound.checked;
      keepSetting("warnSound", warnSound.checked);
      sound.schedule();
    });
    setMuted(T.setting("muted").read() === true, false);
    for (const action of ["start", "next", "prev", "plus", "minus", "restart"]) {
      life.listen($(`[data-timer-${action}]`), "click", (event) => onAction(action, event));
    }
    life.listen($("[data-timer-projector]"), "click", () => page.projector.toggle());
    const mine = page;
    page.share = T.createShare({ root: page.root, life, now: clockNow, state: () => (page === mine ? mine.state : null),
      keys: page.keys, say: page.say });
    life.listen($("[data-timer-mute]"), "click", () => setMuted(!sound.muted));
    life.listen(document, "keydown", onKey);
    // Coming back from a hidden tab, a frozen page or the back/forward cache. The countdown runs on
    // the monotonic clock alone, so a correction of the computer's clock never moves it. But
    // performance.now() stands still while the computer sleeps everywhere except on Windows (MDN,
    // "Ticking during sleep"; Chromium's base/time/time.h: TimeTicks "may stand still ... if the
    // computer is suspended"; hr-time issue 115), and to a page a sleep looks exactly like a forward
    // correction: the wall clock ran ahead of the monotonic one. No web API tells the two apart, so
    // the page does not guess: it keeps the countdown and asks the procesbegeleider, who knows
    // whether the laptop slept, to count the gap or not.
    page.aheadSeen = page.clock.ahead();
    const wake = () => {
      tick();
      sound.schedule();
      page.wake.sync();
      const gap = page.clock.ahead() - page.aheadSeen;
      if (gap > MINUTE && page.state && page.state.running && !page.state.done) offerCatchUp(gap);
    };
    life.listen(document, "visibilitychange", () => {
      if (document.visibilityState === "visible") wake();
      else page.aheadSeen = page.clock.ahead(); // only what happens out of sight is asked about
    });
    life.listen(document, "resume", wake);
    life.listen(window, "pageshow", (event) => {
      if (event.persisted) wake();
    });
    // After a reload the browser only allows sound after a gesture: the first one anywhere will do.
    life.listen(document, "pointerdown", () => {
      if (page.state && page.state.started) sound.ensure();
      sound.schedule();
    }, { once: true });
    life.every(tick, 250);
    if (same) show(s);
    else update(s);
    // A page whose clock came from storage asked the live tabs (after a correction of the computer's
    // clock they know better); it acts on the time (a phase that ended, the last minute) only from
    // the next tick on, once an answer had the chance to arrive.
    if (!sync.open()) tick();
  }

  /** Ask whether a gap between the wall clock and the timer's own was sleep (then count it) or not. */
  function offerCatchUp(gap) {
    page.aheadSeen += gap;
    const old = page.root.querySelector("[data-timer-slept]");
    if (old) old.remove();
    const words = NL.minutesShort(T.wholeMinutes(gap));
    const box = panel(NL.sleptTitle, NL.slept(words));
    box.dataset.timerSlept = "";
    const count = document.createElement("button");
    count.type = "button";
    count.className = "md-button md-button--primary";
    count.textContent = NL.sleptCount(words);
    const keepIt = document.createElement("button");
    keepIt.type = "button";
    keepIt.className = "md-button";
    keepIt.textContent = NL.sleptKeep;
    const row = choiceRow();
    row.append(count, keepIt);
    box.append(row);
    page.life.listen(count, "click", () => {
      box.remove();
      page.clock.catchUp(gap);
      page.aheadSeen -= gap;
      // A new revision: the other tabs take over what is now left.
      update(Object.assign({}, page.state));
      tick();
    });
    page.life.listen(keepIt, "click", () => box.remove());
  }

  /**
   * The question when another session is kept while this one opens fresh: back to that one (its own
   * address, so Back and reload keep working), or begin here. Either way nothing is replaced.
   */
  function askAboutOther(record) {
    const left = record.running ? record.left - Math.max(0, Date.now() - record.at) : record.left;
    const box = panel(NL.otherTitle, NL.otherText(record.title, record.index + 1, record.ms.length,
      T.format(left), record.running));
    box.dataset.timerOther = "";
    const back = document.createElement("a");
    back.className = "md-button md-button--primary";
    back.href = `?${record.key}`;
    back.textContent = NL.otherBack(record.title);
    back.dataset.timerOtherBack = "";
    const here = document.createElement("button");
    here.type = "button";
    here.className = "md-button";
    here.textContent = NL.otherHere;
    here.dataset.timerOtherHere = "";
    const row = choiceRow();
    row.append(back, here);
    box.append(row);
    page.life.listen(here, "click", () => {
      box.remove();
      $("[data-timer-start]").focus();
    });
    // Starting this session answers the question too.
    page.life.listen($("[data-timer-start]"), "click", () => box.remove(), { once: true });
    return box;
  }

  /** The buttons of a notice: side by side, and apart when a phone stacks them. */
  function choiceRow() {
    const row = document.createElement("p");
    row.className = "ih-timer__choice";
    row.style.display = "flex";
    row.style.flexWrap = "wrap";
    row.style.gap = "0.5rem";
    return row;
  }

  /** A notice above the clock, in the theme's own admonition style (no style of our own needed). */
  function panel(title, text) {
    const box = document.createElement("div");
    box.className = "admonition question ih-timer__panel";
    box.setAttribute("role", "region");
    const head = document.createElement("p");
    head.className = "admonition-title";
    head.id = `ih-timer-panel-${Math.random().toString(36).slice(2)}`;
    head.textContent = title;
    box.setAttribute("aria-labelledby", head.id);
    const body = document.createElement("p");
    body.textContent = text;
    box.append(head, body);
    $("[data-timer-note]").after(box);
    return box;
  }

  /* ---- choosing and planning a session */

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
      const warning = kept ? "" : T.STORE_NL.eveningNotKept;
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

  function setup(root, life) {
    T.configure(W.limitsOf(root));
    const clock = T.steadyClock(() => Date.now(), () => window.performance.now());
    page = {
      root, life, clock, state: null, plan: "", tabId: T.newTabId(), confirmRestart: null, edited: false,
      query: T.parseQuery(window.location.search),
      // The page's own words for the buttons whose label the script changes and changes back.
      labels: {
        start: root.querySelector("[data-timer-start]").textContent,
        restart: root.querySelector("[data-timer-restart]").textContent,
        hint: root.querySelector("[data-timer-hint]").textContent,
      },
      start: null,
      say: W.announcer(root.querySelector("[data-timer-live]"), life),
    };
    // An address that asks for a session: timer.css leaves the choice out of the layout until the page
    // shows the session (or, when none can run, the choice after all); data-timer-shown lifts that.
    const choose = root.querySelector("[data-timer-choose]");
    const shown = () => {
      root.dataset.timerShown = "";
    };
    choose.hidden = Boolean((page.query.methode || page.query.agenda) && !page.query.bewerk) ||
      T.isFollowing(window.location.search);
    if (!choose.hidden) shown();
    const showChoice = () => {
      choose.hidden = false;
      shown();
    };
    const failed = () => {
      showChoice();
      note([NL.noData]);
    };
    const mine = page;
    const current = () => (page === mine ? mine.state : null);
    page.sound = T.createSound({ root, state: current, now: clock.now });
    page.wake = T.createWakeLock(() => Boolean(current() && current().running));
    page.sync = T.createSync({ life, now: clock.now, current, plan: () => mine.plan, adopt: show, leader: true,
      dropped: (titles, kept) => note([NL.dropped(titles, kept)]) });
    page.projector = W.projector(root, life, {
      className: "ih-timer--projector",
      pageClass: "ih-projector-open",
      onChange(on) {
        $("[data-timer-projector]").setAttribute("aria-pressed", String(on));
        if (page.state) render(); // the projector leaves out what only the procesbegeleider needs
      },
    });
    life.onLeave(() => {
      mine.sound.close();
      mine.wake.release();
      if (page === mine) page = null;
    });
    // Printing from the timer prints the agenda only; the attribute narrows the print CSS.
    $$("[data-timer-print]").forEach((button) => life.listen(button, "click", () => {
      document.documentElement.dataset.ihPrint = "agenda";
      window.print();
    }));
    life.listen(window, "afterprint", () => delete document.documentElement.dataset.ihPrint);
    // A follower reads a link stamped with the wall clock, so it catches up with that clock after
    // sleep (issue 30), whenever the wall clock is clearly ahead.
    const catchUpWithWall = () => {
      if (clock.ahead() > 1000) clock.catchUp(clock.ahead());
    };
    const slugs = (root.dataset.methodKeys || "").split(" ").filter(Boolean);
    let source = methodsSource(root, page.query, slugs);
    const ready = ([apiData, agenda]) => {
      // Every key a compact share link may count in (lib/follow.js).
      page.keys = (slugs.length ? slugs : apiData.methoden.map((m) => m.slug))
        .concat(agenda.onderdelen.concat(agenda.bouwstenen).map((b) => b.sleutel));
      if (T.isFollowing(window.location.search)) {
        T.runFollower({
          root, life, now: clock.now, resync: catchUpWithWall, say: page.say, projector: page.projector, keys: page.keys,
          build: (search) => T.buildSession(T.parseQuery(search), apiData, agenda),
        });
        shown();
        return;
      }
      const result = T.buildSession(page.query, apiData, agenda);
      if (result.session && !page.query.bewerk) {
        runSession(result);
        shown();
        return;
      }
      if (source !== root.dataset.src) {
        // The one method could not run (minutes out of range, say): the choice needs every method.
        source = root.dataset.src;
        W.fetchJSON([source], { signal: life.signal }).then(([all]) => ready([all, agenda]), failed);
        return;
      }
      showChoice();
      note(result.notes);
      runPickForm();
      runPlanner(agenda, apiData);
      T.mountSaved({ root, life });
      if (!page.query.agenda && !page.query.methode) {
        showResume((search) => T.buildSession(T.parseQuery(search), apiData, agenda).session);
      }
    };
    W.fetchJSON([source, root.dataset.agendaSrc], { signal: life.signal }).then(ready, failed);
  }

  /**
   * The methods the page needs: one method alone (?methode=<slug>, also a follower's link) is its own
   * small file; an agenda, the planner and the choice of a method need them all.
   */
  function methodsSource(root, query, slugs) {
    const one = query.methode && !query.agenda && !query.bewerk && slugs.includes(query.methode);
    return one ? `${root.dataset.methodSrc}${query.methode}.json` : root.dataset.src;
  }

  W.mount("[data-timer]", setup);
})();
