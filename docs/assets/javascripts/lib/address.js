/* Keeping the address bar on what a widget shows, within the browsers' limits: address() and
   addressWriter() on the shared library (Intervisie.widget, lib/widget.js). A file of its own because
   only the chooser, the cards, the timer's planner and a follower's view write their address; the
   running timer leaves it out. The chooser's and the cards' bundles list it after lib/widget.js; the
   timer loads it as the part "address" before the parts that use it (W.load, extra.widget_parts).
   Adding the same functions again (a second copy on one page) changes nothing.

   addressWriter is pure, so `node --test tests/js/` can require this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(root, require("./widget.js"));
  else factory(root, root.Intervisie.widget);
})(globalThis, function (root, W) {
  "use strict";

  /**
   * The scheduling behind `address`, free of the DOM so that `node --test` can drive it with a fake
   * clock. Browsers cap history.replaceState: WebKit throws a SecurityError past 100 calls in 10 s,
   * Chromium silently drops calls near 200. A widget that wrote on every key press (an arrow key held
   * down) or every card drawn lost its address from then on.
   *
   * Here a value equal to the address is skipped. Other values are written at once while the writer
   * is idle: up to `burst` writes in a row (a few clicks), after which it keeps to one write per `gap`
   * ms, writing only the newest value when its turn comes (so the address is right at most `gap` ms
   * after the last change). That is at most burst + 10000 / gap writes in 10 s (41), leaving the rest
   * of the budget to the theme, which stores the scroll position the same way. A refused write
   * (thrown, or silently dropped: the address did not change) is tried again after `retry` ms,
   * doubling up to `maxRetry`.
   * @param {{replace: (value: string) => void, current: () => string, alive?: () => boolean,
   *          now: () => number, setTimer: (fn: () => void, ms: number) => *, clearTimer: (id: *) => void,
   *          gap?: number, burst?: number, retry?: number, maxRetry?: number}} options
   *   replace: write the value; current: the address now, in the form of the values;
   *   alive: whether the address is still this page's (false: drop everything, for good)
   */
  function addressWriter({ replace, current, alive = () => true, now, setTimer, clearTimer, gap = 300, burst = 8,
    retry = 1000, maxRetry = 8000 }) {
    let pending = null; // the newest value not yet in the address
    let timer = null;
    let tokens = burst; // writes allowed right now; one comes back every `gap` ms
    let filled = now();
    let backoff = 0; // the wait after a refusal; 0 while writes go through
    let dead = false;

    const refill = () => {
      const t = now();
      tokens = Math.min(burst, tokens + (t - filled) / gap);
      filled = t;
    };
    const stop = () => {
      if (timer !== null) clearTimer(timer);
      timer = null;
    };
    const cancel = () => {
      stop();
      pending = null;
    };
    const schedule = (ms) => {
      stop();
      timer = setTimer(() => {
        timer = null;
        attempt();
      }, Math.max(0, Math.ceil(ms)));
    };
    function attempt() {
      if (dead || pending === null) return;
      if (!alive()) {
        // The reader went to another page: its address is not ours to write.
        dead = true;
        cancel();
        return;
      }
      const value = pending;
      refill();
      tokens -= 1;
      let ok = false;
      try {
        replace(value);
        ok = current() === value;
      } catch (e) {
        ok = false;
      }
      if (ok) {
        backoff = 0;
        if (pending === value) pending = null;
        return;
      }
      backoff = backoff ? Math.min(backoff * 2, maxRetry) : retry;
      schedule(backoff);
    }

    return {
      /** Ask for `value` in the address: now, or as soon as the browser allows. */
      write(value) {
        if (dead) return;
        if (value === current()) {
          // Back where the address already is: nothing (more) to write.
          cancel();
          return;
        }
        pending = value;
        if (timer !== null) return; // the waiting write will take the newest value
        refill();
        if (tokens >= 1) attempt();
        else schedule((1 - tokens) * gap);
      },
      /** Write what is waiting now, whatever the pace (before the page is left, say). */
      flush() {
        if (pending === null || dead) return;
        stop();
        attempt();
      },
      /** Drop what is waiting and write nothing more, ever. */
      close() {
        dead = true;
        cancel();
      },
      /** The value still waiting to be written, or null. */
      get pending() {
        return pending;
      },
    };
  }

  /**
   * The address bar of this page, written through `addressWriter`: `write(url)` takes an address
   * relative to the page ("?a=1", a path with query and hash). Material's instant navigation puts the
   * next page's address in place as soon as a link is clicked, before this page is left; so a
   * waiting write goes out on that click, and nothing is written once the path is another page's.
   * @param {ReturnType<typeof lifeOf>} life
   * @param {{gap?: number, retry?: number}} [options]
   */
  function address(life, options = {}) {
    const path = root.location.pathname;
    const resolve = (url) => new URL(url, root.location.href).href;
    const writer = addressWriter(Object.assign({}, options, {
      replace: (href) => root.history.replaceState(root.history.state, "", href),
      current: () => root.location.href,
      alive: () => root.location.pathname === path,
      now: () => root.performance.now(),
      setTimer: (fn, ms) => root.setTimeout(fn, ms),
      clearTimer: (id) => root.clearTimeout(id),
    }));
    // Capture: before Material's own click handler on the body moves the address to the next page.
    life.listen(root, "click", (event) => {
      if (event.target && event.target.closest && event.target.closest("a[href]")) writer.flush();
    }, { capture: true });
    life.listen(document, "visibilitychange", () => document.visibilityState === "hidden" && writer.flush());
    life.onLeave(() => {
      writer.flush(); // does nothing once the path is another page's
      writer.close();
    });
    return {
      write: (url) => writer.write(resolve(url)),
      flush: () => writer.flush(),
    };
  }

  return Object.assign(W, { addressWriter, address });
});
