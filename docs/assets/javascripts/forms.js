/* Forms of the appendices (/bijlagen/casusinbrengformulier/, /bijlagen/reflectieformulier/),
   the "erase everything" button on /privacy/ and print buttons.

   What a reader types stays in this browser: it is saved in localStorage under the form's
   versioned key (data-storage-key from macros/appendices.py, e.g. intervisie.formulier.casusinbreng.v1)
   while they type, and never sent anywhere. Pure logic lives in Intervisie.forms (what was saved,
   the text file); the DOM code below upgrades the [data-form] and [data-storage-reset] elements
   that the built page already contains. */
(() => {
  "use strict";

  const W = window.Intervisie.widget;

  /** Object URLs of this page's downloads, revoked when the reader leaves it; the status line of each box. */
  const state = { urls: [], voices: new WeakMap() };

  /** What a form keeps: {antwoorden: {field: answer}, bewaard: ISO time}. Before the shared storage it
      was kept as it is, without a record around it; such a value still counts. */
  const SAVED = {
    migrate: (old) => (old && typeof old === "object" && !Object.hasOwn(old, "v") ? old : null),
    validate: (data) => {
      const answers = data && typeof data === "object" && Object.hasOwn(data, "antwoorden") ? data.antwoorden : null;
      return Boolean(answers) && typeof answers === "object" && !Array.isArray(answers);
    },
  };

  /**
   * The answers in a saved value; anything unreadable counts as nothing saved.
   * @param {string|null} raw what localStorage.getItem returned
   * @returns {Map<string, string>} field name -> answer (a Map: a saved name like "__proto__" is just a name)
   */
  function parseSaved(raw) {
    const { data } = W.decode(raw, SAVED);
    if (!data) return new Map();
    return new Map(Object.entries(data.antwoorden).filter(([, value]) => typeof value === "string"));
  }

  /**
   * The value to save: only answers that are not empty, with the moment of saving.
   * @param {Object<string, string>} answers field name -> answer
   * @param {Date} now
   * @returns {{antwoorden: Object<string, string>, bewaard: string}|null} null when there is nothing to keep
   */
  function toSaved(answers, now) {
    const kept = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== ""));
    if (!Object.keys(kept).length) return null;
    return { antwoorden: kept, bewaard: now.toISOString() };
  }

  /**
   * A date from an <input type="date"> as a Dutch reader writes it.
   * @param {string} iso e.g. "2025-03-07"
   * @returns {string} e.g. "7-3-2025" (the input itself when it is not a date)
   */
  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso || "";
  }

  /** "2025-03-07" for a Date, in local time. */
  function isoDay(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  /**
   * The filled-in form as plain text: the title, then each question with its answer.
   * @param {string} title e.g. "Casusinbrengformulier"
   * @param {{label: string, value: string, date?: boolean}[]} fields in page order
   * @param {Date} now
   * @returns {string}
   */
  function toText(title, fields, now) {
    const lines = [title, "=".repeat(title.length), `Opgeslagen op ${formatDate(isoDay(now))}.`, ""];
    for (const field of fields) {
      const value = field.date ? formatDate(field.value) : field.value.trim();
      lines.push(field.label, value || "(niet ingevuld)", "");
    }
    return lines.join("\n");
  }

  /**
   * The name of the downloaded file.
   * @param {string} base e.g. "casusinbrengformulier"
   * @param {Date} now
   * @returns {string} e.g. "casusinbrengformulier-2025-03-07.txt"
   */
  function fileName(base, now) {
    return `${base}-${isoDay(now)}.txt`;
  }

  /**
   * The keys to erase: every key that equals a pattern or starts with a pattern ending in "*".
   * @param {string[]} keys all keys in storage
   * @param {string[]} patterns e.g. ["intervisie.formulier.*", "/site/.__palette"]
   * @returns {string[]}
   */
  function matchingKeys(keys, patterns) {
    return keys.filter((key) =>
      patterns.some((p) => (p.endsWith("*") ? key.startsWith(p.slice(0, -1)) : key === p)),
    );
  }

  /**
   * The saved answers with one field's answer changed, as storage holds them now: the answer typed
   * last wins for that field, the other fields keep what is stored (also what another tab typed).
   * @param {*} data what the form's storage slot holds now (null for nothing)
   * @param {string} name the field
   * @param {string} value its answer ("" or blanks: no answer)
   * @param {Date} now
   * @returns {{antwoorden: Object<string, string>, bewaard: string}|null} null when nothing is left
   */
  function withAnswer(data, name, value, now) {
    const answers = data && data.antwoorden && typeof data.antwoorden === "object" ? data.antwoorden : {};
    const next = {};
    for (const [key, answer] of Object.entries(answers)) if (key !== name && typeof answer === "string") next[key] = answer;
    next[name] = value;
    return toSaved(next, now);
  }

  window.Intervisie.forms = { parseSaved, toSaved, withAnswer, formatDate, toText, fileName, matchingKeys };

  /* ---- DOM ---------------------------------------------------------------------------------- */

  /** Say `text` in the status line of a form or of the privacy page's erase box. */
  function say(root, text) {
    const voice = state.voices.get(root);
    if (voice) voice(text);
  }

  function withStatus(root, life) {
    const status = root.querySelector("[data-form-status], [data-storage-status]");
    if (status) state.voices.set(root, W.announcer(status, life));
  }

  function fieldsOf(form) {
    return Array.from(form.querySelectorAll("[data-form-field]"));
  }

  function mirror(form, field) {
    const out = form.querySelector(`[data-print-for="${CSS.escape(field.name)}"]`);
    if (out) out.textContent = field.type === "date" ? formatDate(field.value) : field.value;
  }

  function answersOf(form) {
    return Object.fromEntries(fieldsOf(form).map((f) => [f.name, f.value]));
  }

  /** @returns {boolean} false when storage is full or refused */
  function save(slot, field) {
    return slot.update((data) => withAnswer(data, field.name, field.value, new Date())).ok;
  }

  function download(form) {
    const now = new Date();
    const fields = fieldsOf(form).map((f) => ({
      label: form.querySelector(`label[for="${CSS.escape(f.id)}"]`).textContent.trim(),
      value: f.value,
      date: f.type === "date",
    }));
    const blob = new Blob([toText(form.dataset.title, fields, now)], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    state.urls.push(url);
    const link = document.createElement("a"); // not added to the page, so instant navigation ignores it
    link.href = url;
    link.download = fileName(form.dataset.filename, now);
    link.click();
    return link.download;
  }

  function showConfirm(root, open) {
    const box = root.querySelector("[data-form-confirm], [data-storage-confirm]");
    const trigger = root.querySelector("[data-form-erase], [data-storage-erase]");
    box.hidden = !open;
    trigger.setAttribute("aria-expanded", String(open));
    (open ? box.querySelector("[data-form-erase-no], [data-storage-erase-no]") : trigger).focus();
  }

  function setupForm(form, life) {
    withStatus(form, life);
    const slot = W.storage(form.dataset.storageKey, SAVED);
    const stored = W.localArea() !== null;
    const saved = parseSaved(slot.raw());
    for (const field of fieldsOf(form)) {
      if (saved.has(field.name)) field.value = saved.get(field.name);
      mirror(form, field);
    }
    form.querySelector("[data-form-actions]").hidden = false;
    if (!stored) say(form, "Deze browser staat bewaren niet toe. Je antwoorden verdwijnen als je de pagina sluit; download ze als tekstbestand.");

    let warned = false;
    const unsaved = new Set(); // fields whose answer here could not be stored: another tab's must not undo it
    life.listen(form, "input", (event) => {
      if (!event.target.matches("[data-form-field]")) return;
      mirror(form, event.target);
      const ok = !stored || save(slot, event.target);
      if (ok) unsaved.delete(event.target.name);
      else unsaved.add(event.target.name);
      if (!ok && !warned) {
        warned = true;
        say(form, "Bewaren lukt niet: de opslag van deze browser is vol of geblokkeerd. Download je antwoorden als tekstbestand.");
      }
    });
    // The same form open in another tab: its answers show here too, except in the field being typed in.
    slot.watch(life, (data) => {
      const answers = data ? new Map(Object.entries(data.antwoorden).filter(([, v]) => typeof v === "string")) : new Map();
      for (const field of fieldsOf(form)) {
        if ((field === document.activeElement && document.hasFocus()) || unsaved.has(field.name)) continue;
        field.value = answers.has(field.name) ? answers.get(field.name) : "";
        mirror(form, field);
      }
    });
    life.listen(form, "submit", (event) => event.preventDefault());
    life.listen(form.querySelector("[data-form-print]"), "click", () => window.print());
    life.listen(form.querySelector("[data-form-download]"), "click", () => {
      const name = download(form);
      say(form, `Je antwoorden staan in het bestand ${name} bij je downloads.`);
    });
    life.listen(form.querySelector("[data-form-erase]"), "click", () => showConfirm(form, true));
    life.listen(form.querySelector("[data-form-erase-no]"), "click", () => showConfirm(form, false));
    life.listen(form.querySelector("[data-form-erase-yes]"), "click", () => {
      for (const field of fieldsOf(form)) {
        field.value = "";
        mirror(form, field);
      }
      slot.remove();
      showConfirm(form, false);
      say(form, "Je antwoorden zijn gewist, ook uit deze browser.");
    });
  }

  /** The path that Material puts before its own keys (its __md_set scopes them to the site). */
  function scopePath(root) {
    return window.__md_scope ? window.__md_scope.pathname : new URL(root.dataset.base || ".", location).pathname;
  }

  /** The key or key pattern that one entry of the privacy page's list stands for. */
  function patternOf(el, scope) {
    return el.dataset.storageScope === "material" ? `${scope}.${el.dataset.storageKey}` : el.dataset.storageKey;
  }

  function listedPatterns(root) {
    const scope = scopePath(root);
    return Array.from(root.querySelectorAll("[data-storage-key]"), (el) => patternOf(el, scope));
  }

  function showStored(root, store) {
    const keys = store ? Object.keys(store) : [];
    const scope = scopePath(root);
    for (const el of root.querySelectorAll("[data-storage-key]")) {
      const out = el.parentElement.querySelector("[data-storage-state]");
      if (out) out.textContent = matchingKeys(keys, [patternOf(el, scope)]).length ? "nu bewaard" : "leeg";
    }
  }

  /* The offline copy: the service worker's caches (macros/sw.template.js names them intervisie-<version>). */
  const OFFLINE_PREFIX = "intervisie-";

  async function offlineCaches() {
    return (await caches.keys()).filter((key) => key.startsWith(OFFLINE_PREFIX));
  }

  async function showOffline(root) {
    const out = root.querySelector("[data-offline-state]");
    if (out) out.textContent = (await offlineCaches()).length ? "nu bewaard" : "leeg";
  }

  /** Deletes the copy and unregisters the worker of this site (only its own scope), so none comes back. */
  async function eraseOffline() {
    await Promise.all((await offlineCaches()).map((key) => caches.delete(key)));
    if (!("serviceWorker" in navigator) || !window.__md_scope) return;
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations
      .filter((registration) => registration.scope === window.__md_scope.href)
      .map((registration) => registration.unregister()));
  }

  function setupReset(root, life) {
    withStatus(root, life);
    const store = W.localArea();
    const offline = "caches" in window;
    root.querySelector("[data-storage-actions]").hidden = false;
    root.querySelector("[data-storage-offline]").hidden = !offline;
    showStored(root, store);
    // What another tab keeps or erases meanwhile shows in the list at once.
    life.listen(window, "storage", () => showStored(root, store));
    if (offline) showOffline(root).catch(() => {});
    life.listen(root.querySelector("[data-storage-erase]"), "click", () => showConfirm(root, true));
    life.listen(root.querySelector("[data-storage-erase-no]"), "click", () => showConfirm(root, false));
    life.listen(root.querySelector("[data-storage-erase-yes]"), "click", async () => {
      const choice = root.querySelector("[data-storage-offline-choice]");
      const gone = store ? matchingKeys(Object.keys(store), listedPatterns(root)) : [];
      for (const key of gone) store.removeItem(key);
      showStored(root, store);
      showConfirm(root, false);
      let copy = "";
      if (offline && choice.checked) {
        try {
          await eraseOffline();
          copy = " De offline kopie van de site is verwijderd.";
        } catch {
          copy = " De offline kopie kon niet worden verwijderd; wis die via de instellingen van je browser.";
        }
        choice.checked = false;
        await showOffline(root).catch(() => {});
      }
      let kept = "Er was niets bewaard; er is dus ook niets gewist.";
      if (gone.length) kept = `Klaar: alles wat deze site in deze browser bewaarde, is gewist (${gone.length} ${gone.length === 1 ? "onderdeel" : "onderdelen"}).`;
      else if (copy) kept = "Er stonden geen gegevens van jou in deze browser.";
      say(root, kept + copy);
    });
  }

  W.mount("[data-form], [data-storage-reset], [data-print-page]", (root, life) => {
    for (const form of document.querySelectorAll("[data-form]")) setupForm(form, life);
    const reset = document.querySelector("[data-storage-reset]");
    if (reset) setupReset(reset, life);
    for (const button of document.querySelectorAll("[data-print-page]")) life.listen(button, "click", () => window.print());
    return () => {
      for (const url of state.urls.splice(0)) URL.revokeObjectURL(url);
    };
  });
})();
