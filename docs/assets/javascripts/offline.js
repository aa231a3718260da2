// Register the service worker (written by sitebuild/finish/offline.py) so the site works offline, and offer
// a newer version quietly when one is waiting. `__md_scope` is Material's URL of the site root,
// correct under any sub-path. This script runs once per full page load; the note lives in <body>,
// outside what Material's instant navigation swaps, so it stays while the reader moves on.
(() => {
  if (!("serviceWorker" in navigator) || typeof __md_scope === "undefined") return;
  if (location.protocol !== "https:" && location.hostname !== "127.0.0.1" && location.hostname !== "localhost") return;

  const state = { note: null, asked: false, reloading: false };
  // "vernieuwen" always does something the reader sees: should the new worker be slow to take over (a
  // busy computer, the old worker still answering a request), the page reloads after this long anyway.
  // Pages come from the network first, so it shows the new version; the new worker takes over when it can.
  const RELOAD_AFTER_MS = 4000;

  function reload() {
    if (state.reloading) return;
    state.reloading = true;
    location.reload();
  }

  /** Ask the waiting worker to take over; `controllerchange` (or the worker itself, activated) then reloads. */
  function update(registration) {
    const worker = registration.waiting;
    if (!worker) {
      reload(); // another tab already switched to the new version
      return;
    }
    state.asked = true;
    state.note.querySelector("button").disabled = true;
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") reload();
    });
    window.setTimeout(reload, RELOAD_AFTER_MS);
    worker.postMessage("skipWaiting");
  }

  /** The note, only when a newer worker waits behind the one that serves this page. */
  function offer(registration) {
    if (!registration.waiting || !navigator.serviceWorker.controller || state.note) return;
    // A labelled landmark of its own (it sits outside <main>) holding a polite live region.
    const region = document.createElement("aside");
    region.className = "ih-update-region";
    region.setAttribute("aria-label", "Nieuwe versie");
    const note = document.createElement("div");
    note.className = "ih-update";
    note.setAttribute("role", "status");
    region.append(note);
    document.body.append(region);
    state.note = note;
    // Filled in a moment after the empty live region is in the page, so screen readers announce it.
    window.setTimeout(() => {
      const text = document.createElement("span");
      text.textContent = "Er is een nieuwe versie — ";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ih-update__button";
      button.textContent = "vernieuwen";
      button.addEventListener("click", () => update(registration));
      note.append(text, button);
    }, 100);
  }

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // On the very first install the new worker also takes control; only reload when asked.
    if (state.asked) reload();
  });

  window.addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("sw.js", __md_scope)).then((registration) => {
      offer(registration);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed") offer(registration);
        });
      });
    }).catch(() => {
      // Offline use is a bonus; the site works without it.
    });
  }, { once: true });
})();
