// Register the service worker (written by macros/offline.py) so the site works offline.
// `__md_scope` is Material's URL of the site root, correct under any sub-path.
(() => {
  if (!("serviceWorker" in navigator) || typeof __md_scope === "undefined") return;
  if (location.protocol !== "https:" && location.hostname !== "127.0.0.1" && location.hostname !== "localhost") return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("sw.js", __md_scope)).catch(() => {
      // Offline use is a bonus; the site works without it.
    });
  }, { once: true });
})();
