/* What every widget needs, written once: mounting on Material's instant navigation with cleanup,
   versioned storage that survives garbage, fetching JSON with one error path, polite
   announcements and projector mode. sitebuild/finish/bundle.py puts this file first in every widget's
   bundle; the first copy on a page wins, so two widgets on one page share one library. Keeping the
   address bar up to date is lib/address.js, which adds itself to this library where a widget needs it.

   The storage records and the small text helpers are pure, so `node --test tests/js/` can
   require this file; the DOM parts only run when a widget calls them. */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    const ns = (root.Intervisie = root.Intervisie || {});
    ns.widget = ns.widget || api;
  }
})(globalThis, function (root) {
  "use strict";

  /* ------------------------------------------------------------------ text and lookups */

  /**
   * A value from a link or from storage, cut short for a sentence that quotes it.
   * @param {*} text
   * @param {number} [max]
   * @returns {string}
   */
  function clip(text, max = 40) {
    const s = String(text);
    return s.length > max ? `${s.slice(0, max)}…` : s;
  }

  /**
   * Index records by one field. A Map, so that a key from the address bar such as "constructor"
   * or "__proto__" is just an unknown key, never something every object has.
   * @param {object[]} list
   * @param {string} field
   * @returns {Map<string, object>}
   */
  function byKey(list, field) {
    return new Map(list.map((item) => [item[field], item]));
  }

  /**
   * Fill {placeholders} in a text from the page (data-text-* and the like) with plain values.
   * @param {string} text
   * @param {Record<string, string|number>} [values]
   * @returns {string}
   */
  function fill(text, values = {}) {
    return String(text || "").replace(/\{(\w+)\}/g, (all, name) => (Object.hasOwn(values, name) ? String(values[name]) : all));
  }

  /**
   * The limits the build hands a widget in `data-limits` (JSON from macros/limits.py), so that
   * no number is written both in Python and here. Missing or unreadable: an empty object.
   * @param {{dataset: DOMStringMap}} el
   * @returns {Record<string, *>}
   */
  function limitsOf(el) {
    try {
      const value = JSON.parse(el.dataset.limits || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) {
      return {};
    }
  }

  const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

  /**
   * Whether a key press lands where the reader types, so a widget's shortcut must not take it.
   * @param {EventTarget|null} target
   * @param {string} [more] further selectors that keep their own keys (e.g. "button, a[href]")
   * @returns {boolean}
   */
  function isTyping(target, more = "") {
    return Boolean(target && target.closest && target.closest(more ? `${TYPING}, ${more}` : TYPING));
  }

  /* ------------------------------------------------------------------ versioned storage */

  /**
   * The stored form of a value: a record {v, data}.
   * @param {number} version
   * @param {*} data
   * @returns {string}
   */
  function encode(version, data) {
    return JSON.stringify({ v: version, data });
  }

  /**
   * Read a stored text back. A record of the wanted version gives its data; anything else goes to
   * `migrate` (values from before the record format, older versions), which returns the data or
   * null. What `validate` refuses, what is not JSON and what cannot be migrated is `discarded`.
   * Never throws.
   * @template T
   * @param {string|null|undefined} text
   * @param {{version?: number, validate?: (data: *) => boolean, migrate?: (old: *) => (T|null)}} [options]
   * @returns {{data: T|null, discarded: boolean}}
   */
  function decode(text, { version = 1, validate, migrate } = {}) {
    if (text === null || text === undefined) return { data: null, discarded: false };
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return { data: null, discarded: true };
    }
    let data = null;
    try {
      const record = parsed && typeof parsed === "object" && !Array.isArray(parsed) && Object.hasOwn(parsed, "data");
      if (record && parsed.v === version) data = parsed.data;
      else if (migrate) data = migrate(parsed);
      if (data !== null && data !== undefined && (!validate || validate(data) === true)) return { data, discarded: false };
    } catch (e) {
      /* a validator that trips over a strange value has refused it */
    }
    return { data: null, discarded: true };
  }

  /**
   * The browser's localStorage, or null where it is refused (some private modes, disabled storage).
   * @returns {Storage|null}
   */
  function localArea() {
    try {
      const area = root.localStorage;
      area.getItem("intervisie.test");
      return area;
    } catch (e) {
      return null;
    }
  }

  /**
   * One stored value under a fixed key. Reading garbage, a wrong version or a refused storage gives
   * null; writing into full or refused storage gives false. Nothing here throws.
   * @template T
   * @param {string} key
   * @param {{version?: number, validate?: (data: *) => boolean, migrate?: (old: *) => (T|null),
   *          area?: () => (Storage|null)}} [options] area: where to keep it (tests pass a fake)
   */
  function storage(key, options = {}) {
    const area = options.area || localArea;
    const version = options.version || 1;
    const call = (method, ...args) => {
      const target = area();
      if (!target) return { ok: false, value: null };
      try {
        return { ok: true, value: target[method](key, ...args) };
      } catch (e) {
        return { ok: false, value: null };
      }
    };
    const slot = {
      key,
      /** @returns {string|null} the stored text as it is */
      raw: () => call("getItem").value,
      /** @returns {{data: T|null, discarded: boolean}} */
      load: () => decode(call("getItem").value, options),
      /** @returns {T|null} */
      read: () => decode(call("getItem").value, options).data,
      /** @returns {string} the stored form, also when storing failed */
      encode: (data) => encode(version, data),
      /** @returns {boolean} whether it was stored */
      write: (data) => call("setItem", encode(version, data)).ok,
      /** @returns {boolean} whether storage could be asked */
      remove: () => call("removeItem").ok,
      /** Read-modify-write from what storage holds now; see `updateSlot`. */
      update: (fn) => updateSlot(slot, fn),
      /** Hear other tabs' changes to this key; see `watchSlot`. */
      watch: (life, fn, target) => watchSlot(slot, life, fn, target),
    };
    return slot;
  }

  /* ------------------------------------------------------------------ shared between tabs */

  /*
   * Two tabs of the site share one localStorage. A tab that wrote back a copy it read when the page
   * opened undid whatever another tab had stored since (a plan saved there, a name typed there). So
   * every change is a read-modify-write against what storage holds at that moment, and each page
   * hears the other tabs' writes through the `storage` event.
   */

  /**
   * Apply `fn` to what the slot holds now and store its answer. `fn(data, {discarded})` gets the
   * stored data (null when nothing readable is stored) and returns the new data, null to remove
   * the key, or undefined to leave storage as it is. Nothing is written when the answer encodes to
   * the text already stored. Never throws; a refused or full storage leaves the old value in place.
   * @template T
   * @param {ReturnType<typeof storage>} slot
   * @param {(data: T|null, info: {discarded: boolean}) => (T|null|undefined)} fn
   * @returns {{ok: boolean, data: T|null, changed: boolean}} ok: storage now holds `data` (false: the
   *   write failed, and `data` is what this page wanted to store)
   */
  function updateSlot(slot, fn) {
    const { data, discarded } = slot.load();
    const next = fn(data, { discarded });
    if (next === undefined) return { ok: true, data, changed: false };
    if (next === null) {
      if (data === null && !discarded && slot.raw() === null) return { ok: true, data: null, changed: false };
      return { ok: slot.remove(), data: null, changed: true };
    }
    if (slot.raw() === slot.encode(next)) return { ok: true, data: next, changed: false };
    return { ok: slot.write(next), data: next, changed: true };
  }

  /**
   * Call `fn(data)` whenever another tab (or window) of the site changes or removes the slot's key,
   * and with null when it clears all of localStorage (the privacy page). This page's own writes do
   * not fire it: browsers send the `storage` event to the other documents only.
   * @param {ReturnType<typeof storage>} slot
   * @param {ReturnType<typeof lifeOf>} life stops listening when the page is left
   * @param {(data: *) => void} fn gets the data as `read` gives it now
   * @param {EventTarget} [target] where the events arrive (the window; tests pass their own)
   */
  function watchSlot(slot, life, fn, target = root) {
    life.listen(target, "storage", (event) => {
      if (event.key !== slot.key && event.key !== null) return;
      if (!life.active) return;
      fn(slot.read());
    });
  }

  /* ------------------------------------------------------------------ fetching */

  /**
   * Fetch JSON files, resolved in order. Every failure (network, HTTP status, not JSON, `check`
   * refusing a file) rejects once, so a widget has one place to show its Dutch message. When the
   * signal aborts (the reader went elsewhere) the promise never settles: nothing is left to show.
   * @param {string[]} urls relative to the page
   * @param {{signal?: AbortSignal, check?: (data: *, url: string) => boolean}} [options]
   * @returns {Promise<*[]>}
   */
  function fetchJSON(urls, { signal, check } = {}) {
    const one = (url) => fetch(new URL(url, document.baseURI), { credentials: "same-origin", signal })
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      })
      .then((data) => {
        if (check && !check(data, url)) throw new Error(`${url}: unexpected content`);
        return data;
      });
    return new Promise((resolve, reject) => {
      Promise.all(urls.map(one)).then(
        (data) => !(signal && signal.aborted) && resolve(data),
        (error) => !(signal && signal.aborted) && reject(error),
      );
    });
  }

  /* ------------------------------------------------------------------ parts loaded on demand */

  /*
   * A widget's bundle holds what its page needs as it opens; the rest (the timer's planner, share panel,
   * QR code) is a part of its own, a script that `load` adds when the reader reaches for it. The build
   * (sitebuild/finish/bundle.py, extra.widget_parts in mkdocs.yml) names each part's content-hashed file
   * in `Intervisie.parts`; a plain <script src> from the site itself, so the CSP's script-src 'self'
   * allows it and nothing is evaluated from text. The service worker keeps the parts for offline use.
   */

  /** What a widget says when a part did not arrive (offline before the first visit, a failed request). */
  const PART_FAILED = "Dit onderdeel kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.";
  const parts = new Map(); // name -> promise of that part, while it loads or once it has run

  /**
   * Load parts by name, in the order given (a later part may use an earlier one). A part loads once
   * per page; one that failed is tried again at the next call. A part with a stylesheet
   * (Intervisie.partStyles) settles once both its script and its style are there.
   * @param {string[]} names
   * @returns {Promise<void>} rejects once, with an Error whose message is PART_FAILED
   */
  function load(names) {
    const known = (root.Intervisie && root.Intervisie.parts) || {};
    const styles = (root.Intervisie && root.Intervisie.partStyles) || {};
    const scope = new URL(typeof root.__md_scope === "undefined" ? "./" : root.__md_scope, document.baseURI);
    const script = (name) => {
      if (parts.has(name)) return parts.get(name);
      const src = Object.hasOwn(known, name) ? known[name] : null;
      const promise = new Promise((resolve, reject) => {
        if (!src) {
          if (Object.hasOwn(styles, name)) resolve(); // a part of style alone
          else reject(new Error(PART_FAILED));
          return;
        }
        const el = document.createElement("script");
        el.src = new URL(src, scope).href;
        el.async = false; // the scripts of one call run in their order, whichever arrives first
        el.onload = () => resolve();
        el.onerror = () => {
          el.remove();
          reject(new Error(PART_FAILED));
        };
        document.head.append(el);
      });
      promise.catch(() => parts.delete(name));
      parts.set(name, promise);
      return promise;
    };
    // A part's stylesheet comes beside its script (partstyle.js, in the common script of every page).
    const one = (name) => (Object.hasOwn(styles, name) ? Promise.all([script(name), root.Intervisie.partStyle(name)])
      : script(name));
    return Promise.all(names.map(one)).then(() => undefined, () => Promise.reject(new Error(PART_FAILED)));
  }

  /* ------------------------------------------------------------------ mounting */

  const FRAME_WAIT = 250; // ms: a frame normally comes within 16

  /**
   * What one page's widget started, to be undone when the reader leaves the page.
   * @param {AbortController} controller
   * @param {(() => void)[]} cleanups
   */
  function lifeOf(controller, cleanups) {
    const { signal } = controller;
    return {
      signal,
      /** Whether the page is still the one this widget was set up for. */
      get active() {
        return !signal.aborted;
      },
      /** addEventListener that is removed on leaving. */
      listen(target, type, handler, options = {}) {
        const opts = typeof options === "boolean" ? { capture: options } : options;
        target.addEventListener(type, handler, Object.assign({}, opts, { signal }));
      },
      /** Run `fn` on leaving (last registered, first run). */
      onLeave(fn) {
        cleanups.push(fn);
      },
      /** setTimeout that is cleared on leaving and never fires after it. */
      later(fn, ms) {
        const id = root.setTimeout(() => !signal.aborted && fn(), ms);
        cleanups.push(() => root.clearTimeout(id));
        return id;
      },
      /**
       * Run `fn` in a task of its own after the next frame: the browser shows what is there first
       * (its style and layout in that frame), and what `fn` adds gets a frame of its own. A page that
       * paints no frame (a tab in the background; WebKit sometimes, while a page is still loading) runs
       * it after `FRAME_WAIT` ms all the same: the session plan and the planner's scroll waited for ever.
       */
      afterPaint(fn) {
        let id = null;
        const run = () => {
          if (id !== null) return;
          root.cancelAnimationFrame(frame);
          root.clearTimeout(fallback);
          id = root.setTimeout(() => !signal.aborted && fn(), 0);
        };
        const frame = root.requestAnimationFrame(run);
        const fallback = root.setTimeout(run, FRAME_WAIT);
        cleanups.push(() => {
          root.cancelAnimationFrame(frame);
          root.clearTimeout(fallback);
          if (id !== null) root.clearTimeout(id);
        });
      },
      /** setInterval that is cleared on leaving. */
      every(fn, ms) {
        const id = root.setInterval(() => !signal.aborted && fn(), ms);
        cleanups.push(() => root.clearInterval(id));
        return id;
      },
    };
  }

  /**
   * Set a widget up on every page that contains `selector`, and clean up when the reader leaves it.
   * Material's instant navigation swaps the page without reloading scripts and tells `document$`;
   * without Material, DOMContentLoaded does. `setup(root, life)` may return a cleanup function
   * (or a promise of one); everything started through `life` is undone on leaving anyway.
   * @param {string} selector
   * @param {(root: Element, life: ReturnType<typeof lifeOf>) => (void|(() => void)|Promise<*>)} setup
   */
  function mount(selector, setup) {
    let current = null;
    const leave = () => {
      if (!current) return;
      const { controller, cleanups } = current;
      current = null;
      controller.abort();
      for (const fn of cleanups.splice(0).reverse()) {
        try {
          fn();
        } catch (error) {
          queueMicrotask(() => { throw error; }); // reported, but the other cleanups still run
        }
      }
    };
    const enter = () => {
      const el = document.querySelector(selector);
      if (el && current && current.root === el) return; // the same page announced twice: keep what runs
      leave();
      if (!el) return;
      const controller = new AbortController();
      const cleanups = [];
      current = { root: el, controller, cleanups };
      const keep = (fn) => {
        if (typeof fn !== "function") return;
        if (controller.signal.aborted) fn();
        else cleanups.push(fn);
      };
      try {
        const result = setup(el, lifeOf(controller, cleanups));
        if (result && typeof result.then === "function") {
          result.then(keep, (error) => queueMicrotask(() => { throw error; }));
        } else keep(result);
      } catch (error) {
        // Thrown inside document$'s subscriber it would end the subscription for every later page.
        queueMicrotask(() => { throw error; });
      }
    };
    loadOtherQueriesInFull();
    if (root.document$) root.document$.subscribe(enter);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enter, { once: true });
    else enter();
  }

  /**
   * Whether following `href` from `here` only changes the query of the same page (an agenda, a saved
   * plan, another deck): Material's instant navigation takes such a link for a jump within the page,
   * adds a history entry and goes back again, so the link bounced.
   * @param {string} href an absolute address
   * @param {{origin: string, pathname: string, search: string}} here
   * @returns {boolean}
   */
  function onlyQueryChanges(href, here) {
    const url = new URL(href);
    return url.origin === here.origin && url.pathname === here.pathname && url.search !== here.search;
  }

  /**
   * Links that only change the query load their page in full, as without instant navigation: Material
   * leaves a link with a target alone, so the click gets one just before Material sees it (its
   * listener is on the body; this one captures on the document, once per document).
   */
  function loadOtherQueriesInFull() {
    if (typeof document === "undefined" || document.ihQueryLinks) return;
    document.ihQueryLinks = true;
    document.addEventListener("click", (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link && !link.target && !link.hasAttribute("download") && onlyQueryChanges(link.href, root.location)) {
        link.target = "_self";
      }
    }, true);
  }

  /* ------------------------------------------------------------------ announcing */

  /**
   * A polite live region that is not read every second: the first sentence is shown at once, a
   * sentence within `gap` ms of the last one waits for the gap (only the newest waits), and the
   * same sentence twice is cleared and written again so that it is read again.
   * @param {HTMLElement} el an element with aria-live="polite" (or role=status) already in the page
   * @param {ReturnType<typeof lifeOf>} life
   * @param {{gap?: number}} [options]
   * @returns {(text: string) => void}
   */
  function announcer(el, life, { gap = 1000 } = {}) {
    let last = -Infinity;
    let waiting = null; // the newest sentence held back until the gap has passed
    let rewrite = null; // the timeout that writes a repeated sentence again
    const write = (text) => {
      last = root.performance.now();
      waiting = null;
      if (rewrite !== null) root.clearTimeout(rewrite);
      rewrite = null;
      if (el.textContent !== text) {
        el.textContent = text;
        return;
      }
      el.textContent = "";
      rewrite = life.later(() => {
        rewrite = null;
        el.textContent = text;
      }, 50);
    };
    return (text) => {
      if (waiting !== null) {
        waiting = text;
        return;
      }
      const wait = last + gap - root.performance.now();
      if (wait <= 0) {
        write(text);
        return;
      }
      waiting = text;
      life.later(() => write(waiting), wait);
    };
  }

  /* ------------------------------------------------------------------ projector mode */

  /**
   * Projector mode for a widget: a class on its root (the CSS fills the window with it), a class on
   * <html>, full screen where the browser allows it, and Escape to leave. Leaving full screen
   * (the browser's own Escape) leaves projector mode too.
   * @param {HTMLElement} el the widget's root
   * @param {ReturnType<typeof lifeOf>} life
   * @param {{className: string, pageClass: string, onChange?: (on: boolean) => void}} options
   */
  function projector(el, life, { className, pageClass, onChange }) {
    const state = { on: false };
    const set = (on) => {
      state.on = Boolean(on);
      el.classList.toggle(className, state.on);
      document.documentElement.classList.toggle(pageClass, state.on);
      const full = document.fullscreenElement;
      // Without full screen (refused, or not on this device) the CSS still covers the window.
      if (state.on && !full && el.requestFullscreen) el.requestFullscreen().catch(() => {});
      if (!state.on && full === el && document.exitFullscreen) document.exitFullscreen().catch(() => {});
      if (onChange) onChange(state.on);
    };
    life.listen(document, "fullscreenchange", () => {
      if (state.on && !document.fullscreenElement) set(false);
    });
    life.listen(document, "keydown", (event) => {
      if (event.key === "Escape" && state.on) set(false);
    });
    life.onLeave(() => {
      document.documentElement.classList.remove(pageClass);
      if (state.on && document.fullscreenElement === el && document.exitFullscreen) document.exitFullscreen().catch(() => {});
    });
    return {
      get on() {
        return state.on;
      },
      set,
      toggle: () => set(!state.on),
    };
  }

  return { clip, byKey, fill, limitsOf, isTyping, encode, decode, localArea, storage, fetchJSON, lifeOf, mount, announcer,
    projector, load, PART_FAILED, onlyQueryChanges };
});
