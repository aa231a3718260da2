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

  /**
   * The saved session of one timer page, shared with the other tabs.
   * @param {{life: object, now: () => number, current: () => object|null, plan: () => string,
   *          adopt: (state: object) => void}} page
   *   current: the state on screen; plan: planOf() of the session this page runs; adopt: show a
   *   later revision from another tab
   */
  function createSync(page) {
    const slot = W.storage(STORAGE_KEY);
    let channel = null;

    /** Whether a state is of the session this page runs (same address, same steps). */
    const sameSession = (s) => {
      const mine = page.current();
      return Boolean(mine) && s.key === mine.key && T.planOf(s.phases) === page.plan();
    };

    const sync = {
      /** The saved state: {state, discarded} as T.restore gives it. */
      load: () => T.restore(slot.raw(), page.now()),
      forget: () => slot.remove(),
      /**
       * Write a state to localStorage, unless storage already holds a later revision of the same
       * session from another tab (which that tab's broadcast brings here anyway).
       * @returns {string} the saved form, also when storage is unavailable
       */
      store(s) {
        const stored = sync.load().state;
        // Private mode or full storage: the timer still works, it just cannot resume after a reload.
        if (!(stored && sameSession(stored) && T.isNewer(stored, s))) slot.write(s);
        return T.serialize(s);
      },
      /** Tell the other tabs about a change made here. */
      publish(text) {
        try {
          if (channel) channel.postMessage(text);
        } catch (e) {
          /* the storage event still tells them */
        }
      },
      /** Start listening to the other tabs. */
      open() {
        page.life.listen(window, "storage", (event) => {
          if (event.key === STORAGE_KEY && event.newValue) receive(event.newValue);
        });
        if (typeof window.BroadcastChannel !== "function") return;
        channel = new window.BroadcastChannel(CHANNEL);
        channel.onmessage = (event) => receive(event.data);
        page.life.onLeave(() => channel.close());
      },
    };

    /** A state from another tab: adopt it when it is a later revision of this session. */
    function receive(text) {
      const mine = page.current();
      if (!page.life.active || !mine || typeof text !== "string") return;
      const incoming = T.restore(text, page.now()).state;
      if (incoming && sameSession(incoming) && T.isNewer(incoming, mine)) page.adopt(incoming);
    }

    return sync;
  }

  return { STORAGE_KEY, setting, newTabId, createSync };
});
