/* Sharing a running session with the group (issue 12): "Deel met de groep" shows a large QR code and
   the follow link (lib/follow.js, lib/qr.js); "Presentatiescherm" opens the participants' view in a
   second window, which follows this one through sync.js. timer/view.js creates it in runSession and
   hands it every new state.

   The buttons and the panel are in the page (macros/templates/timer/), inside the running view that
   only the script shows. The link is remade only when the state changes in a way a follower cannot
   work out by itself (pause, next, +1 minute, restart): while the clock runs, the moment in the
   link and the time spent at that moment describe the same phase start, so the code stays still and
   a phone can scan it at leisure. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.follow, ns));
})(globalThis, function (F, ns) {
  "use strict";

  const PRESENTER = "ih-presentatie";

  // The panel's fixed text is in the page (macros/templates/timer/share.html); these are the words
  // that depend on what happens.
  const NL = {
    qrLabel: "QR-code van de volglink",
    copied: "De volglink staat op het klembord.",
    copyFailed: "Kopiëren lukte niet; selecteer de link en kopieer hem zelf.",
    stand: (time) => `Stand van ${time}. Pauzeer je, ga je naar een volgende fase of geef je tijd erbij, ` +
      "dan verandert de code meteen: wie al volgt, scant opnieuw.",
    tooLong: "Deze sessie is te lang voor een QR-code. Deel de link via de chat of de mail.",
    blocked: "Het presentatiescherm kon niet openen. Sta pop-ups voor deze site toe en probeer het opnieuw.",
  };

  /** "19:42" for a wall-clock time, on this device's clock. */
  function hhmm(ms) {
    const d = new Date(ms);
    return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  }

  /** What a follower cannot derive from the time alone; a change of it makes a new link. */
  const identity = (s) => [s.index, s.running, s.running ? Math.round(s.endsAt / 1000) : Math.round(s.left / 1000),
    s.done, s.phases[s.index].ms].join("|");

  /**
   * The follow link of a state and its QR code, for this page's plan (the panel here, and the
   * presenter window's "Code tonen" in follow.js: both show the same link for the same state).
   * @param {object} s a timer state (timer/state.js)
   * @param {number} now the page's clock (Date.now() units)
   * @param {string[]} table F.keyTable of every agenda part and method slug
   * @returns {{url: string, fits: boolean, markup: string}} markup: "" when the link is too long for a code
   */
  function followCode(s, now, table) {
    const base = window.location.origin + window.location.pathname;
    const made = F.shareLink(base, F.planQuery(window.location.search), F.fromTimer(s, now), now, table);
    // lib/qr.js is a part of its own (W.load "qr"), loaded with this one or later, but always before a code is made.
    const svg = made.fits ? ns.qr.svg(made.url, NL.qrLabel) : null;
    return { url: made.url, fits: made.fits, markup: svg ? svg.markup : "" };
  }

  /**
   * The share panel and the presenter button of a running timer.
   * @param {{root: Element, life: object, now: () => number, state: () => object|null,
   *          keys: string[], say: (text: string) => void}} page
   *   now: the timer page's clock (Date.now() units); state: the state on screen; keys: every agenda
   *   part and method slug of /api (for the compact form of a long link)
   * @returns {{update: (state: object) => void, url: () => string}}
   */
  function createShare(page) {
    const { root, life } = page;
    const table = F.keyTable(page.keys);
    const $ = (sel) => root.querySelector(sel);
    const open = $("[data-timer-share]");
    const present = $("[data-timer-present]");
    const panel = $("[data-timer-share-panel]");
    const code = $("[data-timer-share-qr]");
    const link = $("[data-timer-follow-link]");
    const stand = $("[data-timer-share-stand]");
    const status = $("[data-timer-share-status]");
    const copy = $("[data-timer-follow-copy]");
    const close = $("[data-timer-share-close]");

    let shown = ""; // the state the link was made for
    let current = { url: "", fits: true };

    function make(s) {
      const now = page.now();
      current = followCode(s, now, table);
      shown = identity(s);
      link.href = current.url;
      link.textContent = current.url;
      code.innerHTML = current.markup; // our own markup from a URL whose characters it escapes
      code.hidden = !current.markup;
      stand.textContent = current.markup ? NL.stand(hhmm(now)) : NL.tooLong;
    }

    function update(s) {
      if (!s) return;
      if (identity(s) !== shown) make(s);
    }

    function toggle(on) {
      panel.hidden = !on;
      open.setAttribute("aria-expanded", String(on));
      if (on) {
        const s = page.state();
        if (s) make(s);
      }
    }

    life.listen(open, "click", () => toggle(panel.hidden));
    life.listen(close, "click", () => {
      toggle(false);
      open.focus();
    });
    life.listen(copy, "click", async () => {
      try {
        await navigator.clipboard.writeText(current.url);
        status.textContent = NL.copied;
      } catch (e) {
        status.textContent = NL.copyFailed;
        const range = document.createRange();
        range.selectNodeContents(link);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
    });
    life.listen(present, "click", () => {
      const s = page.state();
      if (s) make(s);
      // Same origin on purpose: the window hears this one's changes (sync.js); it needs no opener.
      const win = window.open(current.url, PRESENTER);
      if (!win) page.say(NL.blocked);
    });
    life.onLeave(() => toggle(false));
    return { update: (s) => (panel.hidden ? null : update(s)), url: () => current.url };
  }

  return { createShare, followCode, shareIdentity: identity, followHhmm: hhmm, PRESENTER };
});
