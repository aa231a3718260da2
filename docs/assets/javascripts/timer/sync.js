/* One session, several views: every tab on the same session writes each change to localStorage
   with a revision number and broadcasts it; a tab that hears of a later revision adopts it. A
   tab without BroadcastChannel (or one whose message was lost) still hears the storage event. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.timer));
})(globalThis, function (W, T) {
  "use strict";

  const STORAGE_KEY = "intervisie.timer.v1";
  const SETTINGS = { muted: `${STORAGE_KEY}.stil`, warnSound: `${STORAGE_KEY}.signaal` };
  const CHANNEL = "intervisie-timer";

  /**
   * A setting of the timer that the reader's browser keeps (sound off, the one-minute signal).
   * Before the shared storage these were kept as the text "1" or "0"; those still count.
   * @param {"muted"|"warnSound"} name
   */
  function setting(name) {
    return W.storage(SETTINGS[name], {
      migrate: (old) => (old === 1 ? true : old === 0 ? false : null),
      validate: (value) => typeof value === "boolean",
    });
  }

  /** A random id for this view of the session, to break ties between revisions. */
  function newTabId() {
    const words = new Uint32Array(2);
    window.crypto.getRandomValues(words);
    return Array.from(words, (w) => w.toString(36)).join("");
  }

  /* Every session this browser runs is kept under one key, each by its own session key, so opening
     another session never overwrites one that runs (issue 31). What cannot be read is moved aside
     to DEFECT_KEY, never wiped: the privacy page lists and erases it. */
  const SESSIONS_KEY = "intervisie.timer.v2";
  const DEFECT_KEY = "intervisie.timer.v2.defect";
  const KEEP = 20; // unfinished sessions kept; a twenty-first lets the oldest go, and the page says so
  const CLOSED_KEPT = 5; // finished or restarted ones, kept a while for the tabs that still show them
  const DEFECTS_KEPT = 5;

  /** Whether a record is a session someone can go back to: started and not finished. */
  const isOpen = (r) => r.started && !r.done;

  function area() {
    return W.localArea();
  }

  function getItem(key) {
    const target = area();
    try {
      return target ? target.getItem(key) : null;
    } catch (e) {
      return null;
    }
  }

  function setItem(key, value) {
    const target = area();
    try {
      if (!target) return false;
      target.setItem(key, value);
      return true;
    } catch (e) {
      return false;
    }
  }

  function removeItem(key) {
    const target = area();
    try {
      if (target) target.removeItem(key);
    } catch (e) {
      /* nothing to do: without storage there is nothing to remove */
    }
  }

  /** Keep a text that could not be read beside the others; false when storage refused it. */
  function setAside(text) {
    let kept = [];
    try {
      const old = JSON.parse(getItem(DEFECT_KEY));
      if (Array.isArray(old)) kept = old.filter((x) => typeof x === "string");
    } catch (e) {
      kept = [getItem(DEFECT_KEY)].filter((x) => typeof x === "string");
    }
    // The newest few; an older defect gives way only to a newer one, never to a working session.
    return setItem(DEFECT_KEY, JSON.stringify(kept.concat([text]).slice(-DEFECTS_KEPT)));
  }

  /**
   * The stored sessions, as records. The first form (v1, one copied state under STORAGE_KEY) is
   * moved in; what cannot be read is set aside. Never throws.
   * @returns {{records: object[], aside: boolean, stuck: boolean}} aside: something unreadable was just
   *   set aside; stuck: something unreadable could not be set aside, so nothing may be written over it
   */
  function readAll() {
    const raw = getItem(SESSIONS_KEY);
    let records = [];
    let aside = false;
    let rewrite = false;
    if (raw !== null) {
      let parsed = null;
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        parsed = null;
      }
      const list = parsed && parsed.v === T.RECORD_VERSION && parsed.data && Array.isArray(parsed.data.sessions)
        ? parsed.data.sessions : null;
      if (!list) {
        // Storage refused the copy: leave the text where it is (and write nothing over it) rather than lose it.
        if (!setAside(raw)) return { records: [], aside: false, stuck: true };
        aside = true;
        rewrite = true;
      } else {
        records = list.filter((r) => T.isRecord(r));
        if (records.length !== list.length) {
          if (!setAside(raw)) return { records, aside: false, stuck: true };
          aside = true;
          rewrite = true;
        }
      }
    }
    // The first form is moved in once its part is here (timer/older.js); until then it stays as it is.
    const old = T.recordFromV1 ? getItem(STORAGE_KEY) : null;
    if (old !== null) {
      const moved = T.recordFromV1(old, Date.now());
      if (moved.record && isOpen(moved.record) && !records.some((r) => r.key === moved.record.key)) {
        records.unshift(moved.record);
      }
      const keptAside = moved.discarded ? setAside(old) : true;
      aside = aside || (moved.discarded && keptAside);
      // The old key goes only once what it held is in the new one (or set aside).
      if (keptAside && writeAll(records)) {
        removeItem(STORAGE_KEY);
        rewrite = false;
      }
    }
    if (rewrite) writeAll(records);
    return { records, aside, stuck: false };
  }

  function writeAll(records) {
    return setItem(SESSIONS_KEY, JSON.stringify({ v: T.RECORD_VERSION, data: { sessions: records } }));
  }

  /**
   * The sessions to offer again, newest first, except the one with key `except`.
   * @returns {object[]} records
   */
  function unfinished(except) {
    return readAll().records.filter((r) => isOpen(r) && r.key !== except).sort((a, b) => b.at - a.at);
  }

  /**
   * The record list with `record` first. Finished or never started sessions beyond a few go quietly
   * (there is nothing to go back to); unfinished ones beyond KEEP go oldest first, and are named.
   * @returns {{records: object[], dropped: string[]}} dropped: titles of unfinished sessions let go
   */
  function withRecord(records, record) {
    const rest = records.filter((r) => r.key !== record.key).sort((a, b) => b.at - a.at);
    const open = rest.filter(isOpen);
    const closed = rest.filter((r) => !isOpen(r)).slice(0, CLOSED_KEPT);
    const room = KEEP - (isOpen(record) ? 1 : 0);
    return { records: [record].concat(open.slice(0, room), closed), dropped: open.slice(room).map((r) => r.title) };
  }

  /**
   * The saved session of one timer page, shared with the other tabs.
   * @param {{life: object, now: () => number, current: () => object|null, plan: () => string,
   *          adopt: (state: object) => void, leader?: boolean, dropped?: (titles: string[], kept: number) => void}} page
   *   current: the state on screen; plan: planOf() of the session this page runs; adopt: show a
   *   later revision from another tab; leader: this page runs the session (not a follower), so it
   *   answers a tab that asks where the clock stands; dropped: say which unfinished sessions were let go
   */
  function createSync(page) {
    let channel = null;
    // Whether this page's timing was measured here, on its own monotonic clock, or taken from a live
    // tab (then it answers others), rather than computed from a stored wall-clock stamp.
    let live = true;

    /** Whether a state is of the session this page runs (same address, same steps). */
    const sameSession = (s) => {
      const mine = page.current();
      return Boolean(mine) && s.key === mine.key && T.planOf(s.phases) === page.plan();
    };

    const message = (s, extra) => JSON.stringify(Object.assign({ v: T.RECORD_VERSION, data: T.toRecord(s, page.now(), Date.now()) }, extra));

    const sync = {
      /**
       * The saved state of the session of `fresh` (by default the state on screen), rebuilt from its
       * record: {state, discarded}; discarded: something unreadable was set aside just now.
       */
      load(fresh) {
        const template = fresh || page.current();
        const { records, aside } = readAll();
        const record = template && records.find((r) => r.key === template.key);
        const state = record ? T.revive(record, template, page.now(), Date.now() - record.at) : null;
        if (state) live = false;
        return { state, discarded: aside };
      },
      /** The other unfinished sessions, newest first (records: key, title, index, ...). */
      others: (key) => unfinished(key),
      /** Forget this page's session (it may start afresh). */
      forget() {
        const mine = page.current();
        const { records, stuck } = readAll();
        if (mine && !stuck) writeAll(records.filter((r) => r.key !== mine.key));
      },
      /**
       * Write a state to localStorage, unless storage already holds a later revision of the same
       * session from another tab (which that tab's broadcast brings here anyway). A session that
       * never started is not stored unless it was before (so opening a page stores nothing).
       * @returns {string} the message for the other tabs, also when storage is unavailable
       */
      store(s) {
        const { records, stuck } = readAll();
        const stored = records.find((r) => r.key === s.key);
        const newer = stored && stored.plan === T.fingerprint(s.phases) && T.isNewer(stored, s);
        // Private mode or full storage: the timer still works, it just cannot resume after a reload.
        if (!stuck && !newer && (s.started || stored)) {
          const next = withRecord(records, T.toRecord(s, page.now(), Date.now()));
          if (writeAll(next.records) && next.dropped.length && page.dropped) page.dropped(next.dropped, KEEP);
        }
        return message(s);
      },
      /** Tell the other tabs about a change made here. */
      publish(text) {
        live = true;
        post(text);
      },
      /**
       * Start listening to the other tabs; a page that took its clock from storage asks the live ones.
       * @returns {boolean} whether it asked (an answer, if any, comes within a task or two)
       */
      open() {
        page.life.listen(window, "storage", (event) => {
          if (event.key !== SESSIONS_KEY || !event.newValue) return;
          const mine = page.current();
          let list = null;
          try {
            list = JSON.parse(event.newValue).data.sessions;
          } catch (e) {
            return;
          }
          const record = mine && Array.isArray(list) && list.find((r) => r && r.key === mine.key);
          if (record) receive(JSON.stringify({ v: T.RECORD_VERSION, data: record }), Date.now() - record.at);
        });
        if (typeof window.BroadcastChannel !== "function") return false;
        channel = new window.BroadcastChannel(CHANNEL);
        channel.onmessage = (event) => receive(event.data, 0);
        page.life.onLeave(() => channel.close());
        const mine = page.current();
        if (live || !mine) return false;
        post(JSON.stringify({ v: T.RECORD_VERSION, ask: mine.key }));
        return true;
      },
    };

    function post(text) {
      try {
        if (channel) channel.postMessage(text);
      } catch (e) {
        /* the storage event still tells them */
      }
    }

    /**
     * A message from another tab: a later revision of this session is adopted; a reply to a question
     * with the same revision brings the live timing; a question is answered by a page that runs the
     * session with live timing. Anything else, and every record with an impossible number, is refused.
     */
    function receive(text, elapsed) {
      const mine = page.current();
      if (!page.life.active || !mine || typeof text !== "string" || text.length > 2000000) return;
      let parsed = null;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        return;
      }
      if (!parsed || typeof parsed !== "object" || parsed.v !== T.RECORD_VERSION) return;
      if (typeof parsed.ask === "string") {
        if (page.leader && live && parsed.ask === mine.key && (mine.started || mine.rev > 0)) {
          sync.store(mine); // a fresh stamp for a reload after a clock change, too
          post(message(mine, { reply: true }));
        }
        return;
      }
      const incoming = T.revive(parsed.data, mine, page.now(), elapsed);
      if (!incoming || !sameSession(incoming)) return;
      const refresh = parsed.reply === true && !live && incoming.rev === mine.rev && incoming.tab === mine.tab;
      if (refresh || T.isNewer(incoming, mine)) {
        live = live || refresh || elapsed === 0;
        page.adopt(incoming);
      }
    }

    return sync;
  }

  /** Whether this browser still holds a session in the first form (v1), which timer/older.js moves in. */
  function holdsOlder() {
    return getItem(STORAGE_KEY) !== null;
  }

  return { STORAGE_KEY, SESSIONS_KEY, DEFECT_KEY, setting, newTabId, createSync, holdsOlder };
});
