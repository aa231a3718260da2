/* Where /groep/ keeps the group: one small adapter over lib/widget.js's storage, so the page can move to
   the shared update/watch helpers (or to IndexedDB) in one place. Tabs merge: a write first reads what
   another tab may have stored and merges it record by record (group/model.js), and the `storage` event
   tells this tab when another one wrote. A full storage is reported, never made room in. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.group = Object.assign(ns.group || {}, factory()); }
})(globalThis, function () {
  "use strict";

  // Literal keys, so tests/test_appendices.py finds them listed on the privacy page.
  const GROUP_KEY = "intervisie.groep.v1";
  const OWN_KEY = "intervisie.groep.v1.eigen";

  /**
   * @param {object} W lib/widget.js
   * @param {object} G group/model.js
   * @param {{area?: () => (Storage|null)}} [options] area: a fake storage in tests
   */
  function groupStore(W, G, options = {}) {
    // A group stored before shared action plans existed (file version 1) is still a group: upgraded on read.
    const group = W.storage(GROUP_KEY, { version: 1, validate: G.isGroup, area: options.area });
    const own = W.storage(OWN_KEY, { version: 1, validate: (d) => Boolean(d && Array.isArray(d.plan)), area: options.area });
    return {
      keys: [GROUP_KEY, OWN_KEY],
      /** The stored group, or null. */
      read: () => G.upgrade(group.read()),
      /**
       * Store `next`, merged with what another tab stored since `before` was read: their new records stay;
       * where both changed a record, this tab's edit wins (it is the newest). Returns the stored group, or
       * null when the storage is full or refused (nothing is deleted to make room).
       */
      write(next) {
        const stored = G.upgrade(group.read());
        let merged = next;
        if (stored && next && stored.groep.id === next.groep.id) {
          const m = G.merge(next, stored);
          merged = m.group; // conflicts keep this tab's version, which is what m.group holds
        }
        return group.write(merged) ? merged : null;
      },
      remove: () => group.remove(),
      readOwn: () => own.read() || { plan: [] },
      writeOwn: (data) => own.write(data),
      /** Call `fn` when another tab changes the group; returns nothing (life.listen removes it). */
      watch(life, fn) {
        life.listen(globalThis, "storage", (event) => {
          if (event.key === null || event.key === GROUP_KEY || event.key === OWN_KEY) fn();
        });
      },
    };
  }

  return { groupStore, GROUP_KEY, OWN_KEY };
});
