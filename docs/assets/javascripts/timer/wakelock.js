/* Wake lock: keep the projector's screen on while the timer runs, and only then. The browser
   drops the lock whenever the tab is hidden, so `sync` is asked again on every visibility change.
   With sound.js the part "timer-run", which timer/view.js asks for when a session first runs. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory());
})(globalThis, function () {
  "use strict";

  /**
   * The screen wake lock of one timer page.
   * @param {() => boolean} wanted whether the screen should stay on now (running, page alive)
   * @returns {{sync: () => Promise<void>, release: () => void}}
   */
  function createWakeLock(wanted) {
    let lock = null;
    let pending = false;
    const release = () => {
      if (!lock) return;
      const old = lock;
      lock = null;
      old.release().catch(() => {});
    };
    async function sync() {
      if (!wanted() || document.visibilityState !== "visible") {
        release();
        return;
      }
      if (lock || pending || !("wakeLock" in navigator)) return;
      pending = true;
      try {
        const got = await navigator.wakeLock.request("screen");
        if (!wanted()) {
          got.release().catch(() => {});
          return;
        }
        lock = got;
        got.addEventListener("release", () => {
          if (lock === got) lock = null;
        });
      } catch (e) {
        /* not allowed now (hidden tab, battery saver): try again on the next visibilitychange */
      } finally {
        pending = false;
      }
    }
    return { sync, release };
  }

  return { createWakeLock };
});
