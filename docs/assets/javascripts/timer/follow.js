/* The participants' view of /timer/?…&volg=… (issue 12): the same running view as the facilitator's,
   without the controls, computed from the state in the link and this device's own clock.

   Two sources, one screen:
   - the link alone (another device): lib/follow.js's view(); it cannot know what the facilitator did
     after the link was made, so the screen says how old its state is and, past a phase's end or when
     the link says paused, says so instead of moving on by itself;
   - the same browser as the facilitator (the presenter window, another tab): sync.js brings every
     change of the control window at once; the screen then shows the facilitator's own state and keeps
     its address up to date, so a reload finds the latest state too.
   Either way the state goes through the laptop's own T.view, so every screen warns at the same moments
   (data-level ok, warn, alert, over). The presenter window speaks to the room: no advice to scan again,
   no facilitator's hints; on request it shows the current follow code, so nobody has to walk to the
   laptop after a pause or a new phase. A phone that slept catches up from the wall clock the moment it
   is shown again.
   No network after the page and /api have loaded; nothing is stored. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.follow, ns.timer));
})(globalThis, function (W, F, T) {
  "use strict";

  const MINUTE = 60000;
  const NUDGE_STEP_MS = 5000;
  // A saved state this close to the one in the link (same phase, same pause) is the facilitator's own.
  const SAME_MS = 2500;

  const NL = {
    // Paused or past its phase: a follower's screen cannot know what the facilitator did since.
    endUnknownFollowing: "hangt af van wat er na deze stand gebeurt",
    age: (time) => `Volgt de stand van ${time}; is er gepauzeerd of verschoven, scan dan opnieuw.`,
    live: "Volgt het venster van de procesbegeleider rechtstreeks.",
    running: "Loopt",
    notStarted: (time) => `Nog niet gestart (stand van ${time}).`,
    paused: (time) => `Gepauzeerd volgens de stand van ${time}. Loopt de tijd weer, scan dan opnieuw.`,
    pausedLive: "Gepauzeerd",
    notStartedLive: "Nog niet gestart",
    overtime: "■ De tijd van deze fase is om. Misschien is de groep al verder: scan de code opnieuw.",
    overLive: "■ Tijd is om",
    ended: "De sessie is afgelopen.",
    future: "De klok van dit scherm loopt niet gelijk met die van de procesbegeleider. " +
      "Stel hem hieronder bij, of scan de code opnieuw.",
    unknown: "Deze link geeft geen leesbare stand van de timer. Scan de code opnieuw.",
    unreadable: (raw) => `De stand in de volglink (volg=„${raw}”) is niet te lezen: die hoort vier getallen ` +
      "met punten ertussen te zijn. Het programma staat hieronder, zonder klok.",
    noPlan: "Deze volglink hoort bij een andere versie van het handboek of is niet compleet. Scan de code opnieuw.",
    // Why a link is not opened (lib/follow.js readShort and check): said plainly, never a guessed session.
    oldShort: "Deze volglink is gemaakt met een eerdere versie van het handboek. Of hij nog dezelfde sessie " +
      "aanwijst, is niet na te gaan, dus hij wordt niet geopend. Scan de code opnieuw.",
    otherVersion: "Deze volglink hoort bij een andere versie van het handboek: de onderdelen die hij noemt, " +
      "staan hier niet meer op dezelfde plaats. Hij wordt niet geopend, zodat je geen andere sessie ziet. " +
      "Scan de code opnieuw.",
    badNumber: {
      phase: (p) => `De volglink noemt fase ${p.value}, maar deze sessie heeft ${p.most} fasen. Scan de code opnieuw.`,
      elapsed: (p) => `Volgens de volglink loopt de fase al ${p.value} minuten; zo lang duurt geen sessie. ` +
        "Scan de code opnieuw.",
      added: (p) => `Volgens de volglink is de fase ${Math.abs(p.value)} minuten ${p.value < 0 ? "korter" : "langer"} ` +
        "gemaakt; dat kan bij deze fase niet. Scan de code opnieuw.",
      stamp: (p, now) => `De stand in deze volglink is van ${day(p.value)}, meer dan een dag ` +
        `${p.value < now ? "geleden" : "vooruit"}: geen sessie die nu loopt. Scan de code opnieuw.`,
    },
    who: (wie) => `Wie: ${wie}`,
    levels: { warn: "▲ Bijna tijd", alert: "◆ Rond af" },
    hintAhead: "Vooraan staat hoe laat elke volgende fase begint, als de sessie zonder pauze verder loopt.",
    showCode: "Code tonen",
    hideCode: "Code verbergen",
    codeTooLong: "Deze sessie is te lang voor een QR-code. Vraag de procesbegeleider om de link in de chat te zetten.",
    title: "Meekijken",
    offset: (s) => (s === 0 ? "niet bijgesteld" : `${s > 0 ? "+" : "−"}${Math.abs(s)} s bijgesteld`),
  };

  /** A moment as a reader says it: "1 januari 1970 om 01:00" (this device's time zone). */
  function day(ms) {
    const d = new Date(ms);
    if (!Number.isFinite(d.getTime())) return "een onbekend moment";
    const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december"];
    return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()} om ${T.followHhmm(ms)}`;
  }

  function make(tag, className, attrs) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (attrs) for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  }

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** Whether an address asks for the follower's view. */
  function isFollowing(search) {
    return new URLSearchParams(search).has(F.PARAM);
  }

  /**
   * Run the follower's view on the timer's page.
   * @param {{root: Element, life: object, now: () => number, say: (text: string) => void,
   *          projector: object, keys: string[], build: (search: string) => object, resync?: () => void}} page
   *   now: this page's clock (Date.now() units); resync: let that clock catch up with the wall clock
   *   (after sleep); keys: agenda parts and method slugs of /api;
   *   build: the timer's own planning, from an address to {session, notes}
   */
  function runFollower(page) {
    const { root, life } = page;
    const $ = (sel) => root.querySelector(sel);
    const table = F.keyTable(page.keys);
    const short = F.readShort(window.location.search, table);
    const result = short.search === null ? { session: null } : page.build(short.search);
    const snapshot = F.decodeState(new URLSearchParams(window.location.search).get(F.PARAM));
    root.classList.add("ih-timer--follow");
    $("[data-timer-choose]").hidden = true;
    $("[data-timer-resume]").hidden = true;
    const refuse = (text) => {
      const note = $("[data-timer-note]");
      note.textContent = text;
      note.hidden = false;
    };
    if (!result.session) {
      refuse({ old: NL.oldShort, version: NL.otherVersion }[short.problem] || NL.noPlan);
      return;
    }
    // Numbers no session can have (a phase past the end, a moment in 1970) are named, not run.
    const wrong = F.check(snapshot, result.session.phases.map((p) => ({ minutes: p.minuten })), page.now());
    if (wrong) {
      refuse(NL.badNumber[wrong.field](wrong, page.now()));
      return;
    }
    // An unreadable state: the plan is still shown (without a clock), and the value is named.
    if (!snapshot) refuse(NL.unreadable(W.clip(new URLSearchParams(window.location.search).get(F.PARAM) || "")));
    const session = result.session;
    const base = T.create(session, { rev: -1 }); // any state of this session from another window is later
    const phases = base.phases;
    const plan = T.planOf(session.phases);
    let live = null;
    let nudgeMs = 0;
    let lastIndex = null;
    let lastPlan = null;
    // The window the share panel's "Presentatiescherm" opened: the group's screen, not a phone.
    const presenter = window.name === T.PRESENTER;

    $("[data-timer-run]").hidden = false;
    for (const sel of [".ih-timer__controls", ".ih-timer__settings", "[data-timer-fitreport]", ".ih-timer__links"]) {
      const el = $(sel);
      if (el) el.hidden = true;
    }
    const drift = $("[data-timer-drift]");
    if (drift && drift.parentElement) drift.parentElement.hidden = true;

    // What only a follower needs (in the page, hidden until now): who is active, how old the state
    // is, the strip, the clock nudge. The rest of the page is for the procesbegeleider.
    const who = $("[data-timer-follow-who]");
    const age = $("[data-timer-follow-age]");
    const strip = $("[data-timer-follow-strip]");
    const tools = $("[data-timer-follow-tools]");
    const nudge = $("[data-timer-follow-nudge]");
    const offset = $("[data-timer-follow-offset]");
    const earlier = $("[data-timer-follow-earlier]");
    const later = $("[data-timer-follow-later]");
    const full = $("[data-timer-follow-full]");
    strip.hidden = false;
    tools.hidden = false;
    setText($("[data-timer-hint]"), NL.hintAhead);
    document.documentElement.classList.add("ih-follow-open");
    life.onLeave(() => {
      document.documentElement.classList.remove("ih-follow-open");
      strip.hidden = true;
      tools.hidden = true;
    });

    /** This device's time, corrected by the participant's nudge. */
    const now = () => page.now() + nudgeMs;

    /** The screen's model, from the facilitator's live state or else from the link. */
    function model(at) {
      if (live) {
        const s = T.advance(live, at);
        live = s;
        const v = T.view(s, at);
        const stale = s.done ? "ended" : s.running ? (v.left < 0 ? "over" : null) : s.started ? "paused" : "ready";
        return { index: v.index, phases: s.phases, remainingMs: v.left, sessionLeftMs: v.sessionLeft, stale, live: true,
          level: v.level, state: s };
      }
      const ms = phases.map((p) => p.ms);
      const v = F.view(phases.map((p) => ({ minutes: p.plan / MINUTE })), snapshot, at);
      const shown = phases.map((p, i) => (i === v.index && snapshot ? Object.assign({}, p, { ms: ms[i] + snapshot.addedMs }) : p));
      let stale = v.stale;
      if (stale === "paused" && snapshot.phase === 0 && snapshot.elapsedMs === 0) stale = "ready";
      // The link's state as a timer state, judged by the laptop's own T.view: the same thresholds. A
      // stamp a little ahead of this clock counts from the stamp, as F.view does for the digits.
      const s = F.asTimer(base, snapshot);
      const judged = stale === "unknown" || stale === "future" || stale === "ended" ? null
        : T.view(s, Math.max(at, snapshot.stampMs));
      const level = judged ? judged.level : "ok";
      return { index: v.index, phases: shown, remainingMs: v.ended ? 0 : v.remainingMs, sessionLeftMs: v.sessionLeftMs,
        stale, live: false, stampMs: v.stampMs, level, state: s };
    }

    function levelText(m) {
      const time = T.followHhmm(m.stampMs);
      // The presenter window never tells the room to scan again: it follows the laptop itself.
      const text = m.live || presenter
        ? { ended: NL.ended, over: NL.overLive, overtime: NL.overLive, paused: NL.pausedLive,
          ready: NL.notStartedLive }[m.stale] || NL.running
        : { ended: NL.ended, overtime: NL.overtime, paused: NL.paused(time), ready: NL.notStarted(time),
          future: NL.future, unknown: NL.unknown }[m.stale] || NL.running;
      // As on the laptop: the warning first, then how the clock stands.
      return NL.levels[m.level] ? `${NL.levels[m.level]} · ${text}` : text;
    }

    function renderStrip(m) {
      strip.textContent = "";
      const total = m.phases.reduce((sum, p) => sum + p.ms, 0) || 1;
      m.phases.forEach((p, i) => {
        const li = make("li");
        li.style.flexGrow = String(Math.max(1, p.ms / total * 100));
        li.title = p.naam;
        li.textContent = p.naam;
        if (i < m.index || m.stale === "ended") li.className = "ih-timer__past";
        if (i === m.index && m.stale !== "ended") li.setAttribute("aria-current", "step");
        strip.append(li);
      });
    }

    /** When each phase to come begins, "HH:MM" on this device's (nudged) clock; "" for the others. */
    function startsOf(m) {
      if (m.stale === "ended" || m.stale === "unknown" || m.stale === "future") return m.phases.map(() => "");
      return F.ahead(m.phases.map((p) => p.ms), m.index, now(), m.remainingMs).map((at) => (at === null ? "" : T.followHhmm(at)));
    }

    function renderProgramme(m, starts) {
      const list = $("[data-timer-programme]");
      list.textContent = "";
      m.phases.forEach((p, i) => {
        const li = make("li");
        li.dataset.minutes = String(T.wholeMinutes(p.ms));
        if (i === m.index && m.stale !== "ended") li.setAttribute("aria-current", "step");
        if (i < m.index || m.stale === "ended") li.classList.add("ih-timer__past");
        const when = make("span", "ih-timer__when");
        when.textContent = starts[i];
        const name = make("strong");
        name.textContent = p.naam;
        const min = make("span", "ih-timer__min");
        min.textContent = `${T.wholeMinutes(p.ms)} min`;
        li.append(when, " ", name, " ", min);
        list.append(li);
      });
    }

    function render() {
      const m = model(now());
      const unsure = m.stale === "unknown";
      const p = m.phases[m.index];
      const next = m.phases[m.index + 1];
      const ended = m.stale === "ended";
      root.dataset.level = m.level;
      root.dataset.running = String(!m.stale || m.stale === "over" || m.stale === "overtime");
      root.dataset.followStale = m.stale || "";
      const where = ended ? NL.ended : `Fase ${m.index + 1} van ${m.phases.length}`;
      setText($("[data-timer-context]"), `${session.title} · ${where}`);
      setText($("[data-timer-phase]"), unsure ? NL.title : p.naam);
      setText($("[data-timer-what]"), unsure ? "" : p.wat);
      setText(who, !unsure && p.wie ? NL.who(p.wie) : "");
      who.hidden = unsure || !p.wie;
      setText($("[role=timer]"), unsure || m.stale === "future" ? "–:––" : T.format(m.remainingMs));
      setText($("[data-timer-level]"), levelText(m));
      // How old the state is matters to a phone; on the projector it is a note for the procesbegeleider.
      setText(age, presenter ? "" : m.live ? NL.live : unsure ? "" : NL.age(T.followHhmm(m.stampMs)));
      age.hidden = !age.textContent;
      setText($("[data-timer-upcoming]"), ended || !next ? "einde van de sessie" : `${next.naam} (${T.wholeMinutes(next.ms)} min)`);
      setText($("[data-timer-total]"), T.format(Math.max(0, m.sessionLeftMs)));
      // The expected end, on this device's clock: on a phone while the time runs as the link says; on
      // the presenter window (and with the laptop's own state) always, as the laptop shows it: paused or
      // in overtime it moves on with the time.
      const trusted = m.live || presenter;
      const runs = !m.stale || m.stale === "over" || (trusted && (m.stale === "paused" || m.stale === "overtime"));
      const end = T.followHhmm(now() + Math.max(0, m.sessionLeftMs));
      const unknownEnd = trusted ? T.NL.endUnknown : NL.endUnknownFollowing;
      setText($("[data-timer-end]"), runs ? T.NL.endExpected(end) : ended ? "" : unknownEnd);
      $("[data-timer-end]").parentElement.hidden = ended;
      const total = m.phases.reduce((sum, q) => sum + q.ms, 0);
      const percent = ended ? 100 : total ? Math.round((1 - Math.max(0, m.sessionLeftMs) / total) * 1000) / 10 : 0;
      $("[data-timer-fill]").style.width = `${percent}%`;
      $("[data-timer-bar]").setAttribute("aria-valuenow", String(Math.round(percent)));
      nudge.hidden = m.live || presenter;
      setText(offset, NL.offset(Math.round(nudgeMs / 1000)));
      const key = `${m.index}|${ended}|${m.phases[m.index].ms}`;
      if (key !== lastIndex) {
        // Only a new phase (or the end) is told; the seconds are on the screen, not in the speaker.
        if (lastIndex !== null) page.say(ended ? NL.ended : `Fase ${m.index + 1} van ${m.phases.length}: ${p.naam}.`);
        lastIndex = key;
        renderStrip(m);
      }
      const starts = startsOf(m);
      const plan = `${key}|${starts.join(",")}`;
      if (plan !== lastPlan) {
        lastPlan = plan;
        renderProgramme(m, starts);
      }
      if (codeShown()) showCode(m.state);
    }

    /* ---- the current follow code, on the presenter window */
    const showcode = $("[data-timer-follow-showcode]");
    const codeBox = $("[data-timer-follow-code]");
    const codeQr = $("[data-timer-follow-qr]");
    const codeText = $("[data-timer-follow-codetext]");
    const scanText = codeText.textContent;
    let codeFor = ""; // the state the code on screen was made for (T.shareIdentity)
    const codeShown = () => presenter && !codeBox.hidden;

    /** The follow link of the state on screen, as the laptop's share panel makes it. */
    function showCode(s) {
      const id = T.shareIdentity(s);
      if (id === codeFor) return;
      codeFor = id;
      const made = T.followCode(s, now(), table);
      codeQr.innerHTML = made.markup; // our own markup (lib/qr.js escapes the URL)
      codeQr.hidden = !made.markup;
      setText(codeText, made.markup ? scanText : NL.codeTooLong);
    }

    function toggleCode(on) {
      codeBox.hidden = !on;
      showcode.setAttribute("aria-expanded", String(on));
      setText(showcode, on ? NL.hideCode : NL.showCode);
      codeFor = "";
      if (on) render();
    }

    /**
     * Keep the address on the latest state, so a reload of this window starts from it. Paced (W.address):
     * a facilitator pressing +1 a few times a second would write it more often than browsers allow.
     */
    const address = W.address(page.life);
    function remember(s) {
      const at = page.now();
      address.write(F.link("", F.planQuery(window.location.search), F.fromTimer(s, at), at).url);
    }

    function adopt(s) {
      live = s;
      remember(s);
      render();
    }

    const sync = T.createSync({ life, now: page.now, current: () => live || base, plan: () => plan, adopt });
    // The facilitator's own browser: the saved state is theirs when it matches the link.
    const saved = sync.load().state;
    if (saved && snapshot && saved.key === session.key && T.planOf(saved.phases) === plan) {
      const mine = F.fromTimer(saved, snapshot.stampMs);
      if (mine.phase === snapshot.phase && mine.paused === snapshot.paused &&
          Math.abs(mine.elapsedMs - snapshot.elapsedMs) <= SAME_MS) live = saved;
    }
    sync.open();

    const move = (delta) => {
      nudgeMs = F.nudge(nudgeMs, delta);
      render();
    };
    life.listen(earlier, "click", () => move(-NUDGE_STEP_MS));
    life.listen(later, "click", () => move(NUDGE_STEP_MS));
    showcode.hidden = !presenter;
    life.listen(showcode, "click", () => toggleCode(codeBox.hidden));
    // The presenter window goes full screen at the first click anywhere (a browser allows that only
    // after a gesture); until then the projector style already fills the window.
    if (presenter) {
      // Projector style whether or not the window is full screen: leaving full screen (Escape, or the
      // button) leaves the window as the group's screen, it only stops covering the monitor.
      const stay = () => {
        root.classList.add("ih-timer--projector", "ih-timer--presenter");
        document.documentElement.classList.add("ih-projector-open");
      };
      stay();
      life.listen(document, "fullscreenchange", stay);
      life.listen(document, "keydown", stay);
      life.onLeave(() => document.documentElement.classList.remove("ih-projector-open"));
      life.listen(full, "click", () => {
        if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
        else page.projector.set(true);
        stay();
      });
      life.listen(root, "click", (event) => {
        if (!document.fullscreenElement && !event.target.closest("button")) page.projector.set(true);
      });
    } else {
      life.listen(full, "click", () => page.projector.toggle());
    }
    // Shown again after sleep, from the background or the back/forward cache: the wall clock has moved
    // on while this page's own clock may have stood still, so catch up before showing anything.
    const wake = () => {
      if (page.resync) page.resync();
      render();
    };
    life.listen(document, "visibilitychange", () => {
      if (document.visibilityState === "visible") wake();
    });
    life.listen(window, "pageshow", wake);
    life.listen(document, "resume", wake);
    life.every(wake, 250);
    render();
  }

  return { isFollowing, runFollower };
});
