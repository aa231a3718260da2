/* Where /groep/ keeps the group: one small adapter over lib/widget.js's storage (or, one day, IndexedDB).
   Tabs merge: a write goes through the shared `update`, which reads what another tab may have stored, and
   merges it record by record (group/model.js); the `storage` event tells this tab when another one wrote
   either of its two keys. A full storage is reported, never made room in. */
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
        if (!next) return group.write(next) ? next : null;
        // lib/widget.js's update reads what storage holds now, so the merge starts from the other tab's write.
        const result = group.update((data) => {
          const stored = G.upgrade(data);
          // Conflicts keep this tab's version, which is what merge's group holds.
          return stored && stored.groep.id === next.groep.id ? G.merge(next, stored).group : next;
        });
        return result.ok ? result.data : null;
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
