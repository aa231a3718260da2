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
  /** Phase-end chimes signalled so far on this page (a hook for tests without audio hardware). */
  T.chimes = T.chimes || 0;
  // The presenter window's name (timer/share.js) and the follow link's parameter (lib/follow.js): both
  // are known here before their parts arrive, to choose which parts to load.
  const PRESENTER = "ih-presentatie";
  const FOLLOW_PARAM = "volg";
  // The group's record (group/recent.js, KEY), looked at before its part comes.
  const GROUP_KEY = "intervisie.groep.v1";

  // The parts of the choosing view (the planner, the saved plans).
  // The fit to a number of minutes (lib/fit.js): the planner always fits, a running timer only when its
  // address has minuten= or an item with its own minutes (T.needsFit).
  // The planner and a follower's view write their address (W.address, the part "address"); the running
  // timer does not.
  const FIT_PARTS = ["plan-fit"];
  const CHOICE_PARTS = [...FIT_PARTS, "timer-sheet", "address", "timer-planner"];
  // How far below the screen the session plan starts to come (offerSheet), in CSS pixels.
  const SHEET_NEAR = 400;
  const ABOVE = 1e6; // "all of the page above the screen", as a margin of the screen

  /** A follower's parts; the presenter window shows the current follow code too, so it needs the QR code. */
  function followParts() {
    const own = window.name === PRESENTER ? ["qr", "timer-link", "address", "timer-follow"]
      : ["timer-link", "address", "timer-follow"];
    return [...FIT_PARTS, ...own]; // a follow link may carry minutes
  }

  /** Whether the address asks for the follower's view (timer/follow.js). */
  function isFollowing() {
    return new URLSearchParams(window.location.search).has(FOLLOW_PARAM);
  }

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
    if (next.running) page.bringRun();
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
    if (ended && !page.sound.muted) {
      // Counted on the page (a hook for tests without audio hardware), heard when the sound is here.
      T.chimes += 1;
      page.root.dataset.timerChimed = String(T.chimes);
      page.sound.signalEnd(endsAt);
    }
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
  let groupPart = null;
  function showLookBack(index) {
    const key = `${page.state.key}#${index}`;
    if (lookBackShown === key) return;
    const R = window.Intervisie.group;
    // Its logic is a part (group-recent): only a browser that keeps a group can have a look-back.
    if (!R && keepsGroup()) {
      const mine = page;
      groupPart = groupPart || W.load(["group-recent"]).then(() => {
        if (page === mine && page.state) showLookBack(page.state.index);
      }, () => {}); // without it no look-back; the session runs on
      return;
    }
    lookBackShown = key;
    const box = $("[data-timer-lookback]");
    let group = null;
    try {
      group = R ? R.storedGroup(window.localStorage) : null;
    } catch (e) {
      /* storage refused: no look-back */
    }
    const back = group && R.lookBackPhase(page.state.phases) === index ? R.lookBack(group, R.localToday()) : null;
    const items = back ? [...back.acties.map((a) => (a.wie ? `${a.tekst} (${a.wie})` : a.tekst)),
      ...back.casussen.map((c) => (c.inbrenger ? `${c.titel} (${c.inbrenger})` : c.titel))] : [];
    box.hidden = !items.length;
    $("[data-timer-lookback-list]").replaceChildren(...items.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  }

  /**
   * The page's AudioContext, made (or woken) only in a press: browsers allow sound only from a gesture,
   * Safari most strictly, and the sound itself (timer/sound.js) is a part that may come after the press.
   */
  function audioOf() {
    const audio = { ctx: null };
    audio.ensure = () => {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      try {
        audio.ctx = audio.ctx || (Ctx ? new Ctx() : null);
        if (audio.ctx && audio.ctx.state === "suspended") audio.ctx.resume().catch(() => {});
      } catch (e) {
        audio.ctx = null;
      }
    };
    audio.close = () => {
      if (audio.ctx) audio.ctx.close().catch(() => {});
      audio.ctx = null;
    };
    return audio;
  }

  /** Whether this browser keeps a group (/groep/), without reading it. */
  function keepsGroup() {
    try {
      return window.localStorage.getItem(GROUP_KEY) !== null;
    } catch (e) {
      return false;
    }
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

  function onAction(action, event) {
    if (!page.state) return;
    const now = clockNow();
    const s = page.state;
    if (action === "start") {
      page.audio.ensure();
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
    const { life, sync } = page;
    const sound = () => page.sound; // quiet until its part comes (setup)
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
    // Only a fitted session has changes, and then the fit's part (with timer/fitreport.js) is here.
    if (result.changes) T.showFitReport($("[data-timer-fitreport]"), result.changes, result.was, page.query.minuten);
    offerSheet({ root: page.root, life, plan: result.plan, title: result.session.title,
      link: `?${result.session.key}`, start: page.start, labels: own.labels, saved: own.plan }, notes);
    const mine = page;
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
    sound().warn = T.setting("warnSound").read() === true;
    warnSound.checked = sound().warn;
    life.listen(warnSound, "change", () => {
      sound().warn = warnSound.checked;
      keepSetting("warnSound", warnSound.checked);
      sound().schedule();
    });
    setMuted(T.setting("muted").read() === true, false);
    for (const action of ["start", "next", "prev", "plus", "minus", "restart"]) {
      life.listen($(`[data-timer-${action}]`), "click", (event) => onAction(action, event));
    }
    life.listen($("[data-timer-projector]"), "click", () => page.projector.toggle());
    wireShare(mine);
    life.listen($("[data-timer-mute]"), "click", () => setMuted(!sound().muted));
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
      sound().schedule();
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
      if (page.state && page.state.started) page.audio.ensure();
      sound().schedule();
    }, { once: true });
    life.every(tick, 250);
    if (same) show(s);
    else update(s);
    // A page whose clock came from storage asked the live tabs (after a correction of the computer's
    // clock they know better); it acts on the time (a phase that ended, the last minute) only from
    // the next tick on, once an answer had the chance to arrive.
    if (!sync.open()) tick();
  }

  /**
   * The session plan below the controls (timer/sheet.js, sheetview.js and its style: the part
   * "timer-sheet") comes when it nears the screen, not with the clock: out of sight as a session starts,
   * it is a third of what the running view would load. Printing brings it too. Ctrl+P (or Cmd+P) waits
   * for it and then prints; the browser's own menu cannot be made to wait, so a print from there before
   * the plan came prints the agenda (timer.css), and the plan is there for the next print.
   */
  function offerSheet(options, notes) {
    const mine = page;
    const { life } = mine;
    let asked = null;
    let shown = false;
    const bring = () => {
      asked = asked || W.load(["timer-sheet"]).then(() => {
        if (page !== mine || shown) return;
        shown = true;
        T.mountSheet(options);
      }, (error) => {
        asked = null; // the next approach, or print, tries again
        if (page === mine) note(notes.concat(error.message));
      });
      return asked;
    };
    // Where the plan begins: the sheet itself has no box while it is hidden.
    const mark = document.createElement("div");
    mark.dataset.timerSheetMark = "";
    $("[data-timer-sheet]").before(mark);
    life.onLeave(() => mark.remove());
    // Within a short scroll of the screen's bottom edge: from the service worker's cache the part is there
    // in a frame or two, from the network before the reader gets there. Everything above the screen counts
    // as near too: a jump past the plan (End, a dragged scroll bar) lands below it in one frame.
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near.disconnect();
      bring();
    }, { rootMargin: `${ABOVE}px 0px ${SHEET_NEAR}px 0px` });
    near.observe(mark);
    life.onLeave(() => near.disconnect());
    life.listen(document, "keydown", (event) => {
      if (shown || !(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "p") return;
      event.preventDefault();
      bring().then(() => window.print());
    });
    life.listen(window, "beforeprint", bring);
  }

  /**
   * "Deel met de groep" and "Presentatiescherm" come with a part of their own (timer/share.js, the follow
   * link's logic and the QR code), loaded at the first press of either button, which it then answers.
   */
  function wireShare(mine) {
    let loading = false;
    const load = (event) => {
      if (mine.share || loading) return;
      const button = event.currentTarget;
      // A browser lets a page open a window only during the press: the presenter window opens empty now,
      // and the part's own handler sends it to the follow link once the part is here.
      const win = button.hasAttribute("data-timer-present") ? window.open("", PRESENTER) : null;
      loading = true;
      W.load(["qr", "timer-link"]).then(() => {
        loading = false;
        if (page !== mine) return;
        failed(button, "");
        mine.share = T.createShare({ root: mine.root, life: mine.life, now: clockNow,
          state: () => (page === mine ? mine.state : null), keys: mine.keys, say: mine.say });
        button.click();
      }, (error) => {
        loading = false;
        if (win) win.close();
        if (page === mine) failed(button, error.message);
      });
    };
    // Said beside the buttons, where the reader looks after the press (on a phone the note above the
    // clock is a screen away).
    const failed = (button, text) => {
      let status = mine.root.querySelector("[data-timer-part-status]");
      if (!status && !text) return;
      if (!status) {
        status = document.createElement("p");
        status.className = "ih-store-warning";
        status.setAttribute("role", "status");
        status.dataset.timerPartStatus = "";
        button.parentElement.after(status);
      }
      status.textContent = text;
      status.hidden = !text;
    };
    ["[data-timer-share]", "[data-timer-present]"].forEach((sel) => mine.life.listen($(sel), "click", load));
  }

  /**
   * Ask whether a gap between the wall clock and the timer's own was sleep (then count it) or not. The
   * question is a part of its own (timer/notices.js), which comes now.
   */
  function offerCatchUp(gap) {
    page.aheadSeen += gap;
    const mine = page;
    W.load(["timer-notices"]).then(() => {
      if (page !== mine) return;
      T.askCatchUp({ root: mine.root, life: mine.life, gap: NL.minutesShort(T.wholeMinutes(gap)), count: () => {
        mine.clock.catchUp(gap);
        mine.aheadSeen -= gap;
        // A new revision: the other tabs take over what is now left.
        update(Object.assign({}, mine.state));
        tick();
      } });
    }, () => {}); // without the part (offline before it was ever kept) the timer runs on as it is
  }

  /** Whether to go back to another session that runs, or begin here (timer/notices.js, when it comes). */
  function askAboutOther(record) {
    const mine = page;
    W.load(["timer-notices"]).then(() => {
      if (page !== mine || (mine.state && mine.state.started)) return; // starting here answered it already
      const left = record.running ? record.left - Math.max(0, Date.now() - record.at) : record.left;
      T.askAboutOther({ root: mine.root, life: mine.life, record, left: T.format(left) });
    }, () => {});
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
      isFollowing();
    if (!choose.hidden) shown();
    // The parts the address already asks for come beside the data, not after it (W.load keeps one
    // request per part: the later call gets the same; a failed one is tried again there and said).
    if (isFollowing()) W.load(followParts()).catch(() => {});
    else if (!choose.hidden) W.load(CHOICE_PARTS).catch(() => {});
    else if (T.needsFit(page.query)) W.load(FIT_PARTS).catch(() => {});
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
    page.audio = audioOf();
    // Until its part is here the sound keeps its settings and plays nothing.
    page.sound = { muted: false, warn: false, schedule() {}, signalEnd() {}, cancel() {} };
    page.wake = { sync() {}, release() {} };
    // Sound and the wake lock (timer/sound.js, wakelock.js: the part "timer-run") only matter once a session
    // runs: they come when it first runs, a start here, in another tab, or a running session restored.
    let run = null;
    page.bringRun = () => {
      run = run || W.load(["timer-run"]).then(() => {
        if (page !== mine) return;
        const { muted, warn } = mine.sound;
        mine.sound = T.createSound({ state: current, now: clock.now, audio: mine.audio, muted, warn });
        mine.wake = T.createWakeLock(() => Boolean(current() && current().running));
        mine.sound.schedule();
        mine.wake.sync();
      }, () => {
        run = null; // without it the clock runs on, silent; the next start asks again
      });
    };
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
      mine.sound.cancel();
      mine.audio.close();
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
      if (isFollowing()) {
        // A follower's page needs the follow part (timer/follow.js and the link's logic), nothing of the
        // facilitator's controls; the QR code only when the presenter window shows it (follow.js).
        W.load(followParts()).then(() => {
          if (page !== mine) return;
          T.runFollower({
            root, life, now: clock.now, resync: catchUpWithWall, say: page.say, projector: page.projector, keys: page.keys,
            build: (search) => T.buildSession(T.parseQuery(search), apiData, agenda),
          });
          shown();
        }, (error) => {
          if (page !== mine) return;
          shown();
          note([error.message]);
        });
        return;
      }
      if (T.needsFit(page.query) && !window.Intervisie.plan.fit) {
        W.load(FIT_PARTS).then(() => {
          if (page === mine) ready([apiData, agenda]);
        }, (error) => {
          if (page !== mine) return;
          showChoice();
          note(page.query.notes.concat(error.message));
        });
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
      // The planner and the saved plans are parts of their own (timer/planner.js, sheetview.js): a
      // running timer never needs them. Until they arrive the simple form works as a plain form.
      const resume = !page.query.agenda && !page.query.methode;
      W.load(CHOICE_PARTS).then(() => {
        if (page !== mine) return;
        T.runChoice({ page, $, setText, note, agenda, apiData,
          build: resume ? (search) => T.buildSession(T.parseQuery(search), apiData, agenda).session : null });
      }, (error) => {
        if (page === mine) note(result.notes.concat(error.message));
      });
    };
    // A session kept in the first form (v1) is moved in by its own part, which comes beside the data; without
    // it the session stays where it is, untouched.
    const older = T.holdsOlder() ? W.load(["timer-v1"]).catch(() => {}) : null;
    Promise.all([W.fetchJSON([source, root.dataset.agendaSrc], { signal: life.signal }), older])
      .then(([data]) => ready(data), failed);
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
