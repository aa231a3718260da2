/* Sharing a running session with the group (issue 12): "Deel met de groep" shows a large QR code and
   the follow link (lib/follow.js, lib/qr.js); "Presentatiescherm" opens the participants' view in a
   second window, which follows this one through sync.js. timer/view.js creates it in runSession and
   hands it every new state.

   The buttons and the panel are made here, not in the built HTML: without the script there is no
   running session to share. The link is remade only when the state changes in a way a follower
   cannot work out by itself (pause, next, +1 minute, restart): while the clock runs, the moment in the
   link and the time spent at that moment describe the same phase start, so the code stays still and
   a phone can scan it at leisure. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.follow, ns.qr));
})(globalThis, function (F, Q) {
  "use strict";

  const PRESENTER = "ih-presentatie";

  const NL = {
    share: "Deel met de groep",
    present: "Presentatiescherm",
    title: "Volg de sessie op je eigen scherm",
    how: "Scan de code met de camera van je telefoon, of zet de link in de chat van een online bijeenkomst. " +
      "Je telefoon telt dan zelf de tijd af, ook zonder verbinding.",
    qrLabel: "QR-code van de volglink",
    copy: "Kopieer link",
    copied: "De volglink staat op het klembord.",
    copyFailed: "Kopiëren lukte niet; selecteer de link en kopieer hem zelf.",
    close: "Sluiten",
    privacy: "De link bevat alleen de sessie en de stand van de klok, geen namen en niets over de casus.",
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

  function button(attr, text, extra) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.setAttribute(attr, "");
    b.textContent = text;
    if (extra) for (const [k, v] of Object.entries(extra)) b.setAttribute(k, v);
    return b;
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
    const base = window.location.origin + window.location.pathname;
    const query = F.planQuery(window.location.search);
    const controls = root.querySelector(".ih-timer__controls");
    const open = button("data-timer-share", NL.share, { "aria-expanded": "false", "aria-controls": "ih-timer-share" });
    const present = button("data-timer-present", NL.present);
    controls.append(open, present);

    const panel = document.createElement("section");
    panel.id = "ih-timer-share";
    panel.className = "ih-timer__share";
    panel.hidden = true;
    panel.setAttribute("aria-labelledby", "ih-timer-share-title");
    panel.setAttribute("data-timer-share-panel", "");
    const code = document.createElement("div");
    code.className = "ih-timer__qr";
    code.setAttribute("data-timer-share-qr", "");
    const text = document.createElement("div");
    text.className = "ih-timer__sharetext";
    const heading = document.createElement("h2");
    heading.id = "ih-timer-share-title";
    heading.textContent = NL.title;
    const how = document.createElement("p");
    how.textContent = NL.how;
    const link = document.createElement("a");
    link.className = "ih-timer__followlink";
    link.setAttribute("data-timer-follow-link", "");
    link.target = "_blank";
    link.rel = "noopener";
    const stand = document.createElement("p");
    stand.className = "ih-timer__stand";
    const privacy = document.createElement("p");
    privacy.className = "ih-timer__hint";
    privacy.textContent = NL.privacy;
    const status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "ih-timer__hint";
    const copy = button("data-timer-follow-copy", NL.copy);
    const close = button("data-timer-share-close", NL.close);
    const row = document.createElement("p");
    row.append(copy, " ", close);
    text.append(heading, how, link, stand, row, status, privacy);
    panel.append(code, text);
    controls.after(panel);

    let shown = ""; // the state the link was made for
    let current = { url: "", fits: true };

    /** What a follower cannot derive from the time alone; a change of it makes a new link. */
    const identity = (s) => [s.index, s.running, s.running ? Math.round(s.endsAt / 1000) : Math.round(s.left / 1000),
      s.done, s.phases[s.index].ms].join("|");

    function make(s) {
      const now = page.now();
      current = F.shareLink(base, query, F.fromTimer(s, now), now, table);
      shown = identity(s);
      link.href = current.url;
      link.textContent = current.url;
      const svg = current.fits ? Q.svg(current.url, NL.qrLabel) : null;
      code.innerHTML = svg ? svg.markup : ""; // our own markup from a URL whose characters it escapes
      code.hidden = !svg;
      stand.textContent = svg ? NL.stand(hhmm(now)) : NL.tooLong;
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
    life.onLeave(() => {
      open.remove();
      present.remove();
      panel.remove();
    });
    return { update: (s) => (panel.hidden ? null : update(s)), url: () => current.url };
  }

  return { createShare, followHhmm: hhmm, PRESENTER };
});
