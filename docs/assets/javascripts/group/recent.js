/* What other pages know of the group kept on /groep/, read-only and pure (node --test requires it): the
   look-back of the next meeting (last time's open actions and cases) for the timer, and the methods of
   recent meetings for the chooser. The group's texts come from this browser's storage only, never from an
   address, and the timer and chooser show them as text: they never enter a link or a QR code. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.group = Object.assign(ns.group || {}, factory()); }
})(globalThis, function () {
  "use strict";

  const KEY = "intervisie.groep.v1";

  const alive = (list) => (list || []).filter((r) => r && !r.weg);

  /** The meetings in date order, the cancelled ones included. */
  const inOrder = (group) => alive(group.bijeenkomsten).slice()
    .sort((a, b) => (a.datum + a.start).localeCompare(b.datum + b.start) || a.id.localeCompare(b.id));

  /** The last meeting before `today` that was not cancelled, or null. */
  function lastMeeting(group, today) {
    const past = inOrder(group).filter((m) => !m.geannuleerd && m.datum < today);
    return past.length ? past[past.length - 1] : null;
  }

  /**
   * What the look-back of the next meeting goes over: the actions still open (of any earlier meeting,
   * carried on until ticked off) and the cases of the last meeting, with the members' own names.
   */
  function lookBack(group, today) {
    const last = lastMeeting(group, today);
    const names = new Map(alive(group.leden).map((l) => [l.id, l.naam]));
    const earlier = new Set(inOrder(group).filter((m) => m.datum < today).map((m) => m.id));
    const acties = alive(group.acties)
      .filter((a) => a.status !== "klaar" && earlier.has(a.bijeenkomst))
      .map((a) => ({ id: a.id, tekst: a.tekst, wie: names.get(a.wie) || "", wanneer: a.wanneer || "" }));
    const casussen = last ? alive(group.casussen).filter((c) => c.bijeenkomst === last.id)
      .map((c) => ({ id: c.id, titel: c.titel, inbrenger: names.get(c.inbrenger) || "" })) : [];
    return { bijeenkomst: last, acties, casussen };
  }

  /** The methods of the last `n` held meetings (their records), for the chooser's "vorige keer gebruikt". */
  function recentMethods(group, today, n = 3) {
    const held = inOrder(group).filter((m) => !m.geannuleerd && m.datum < today && m.verslag).slice(-n);
    return [...new Set(held.flatMap((m) => m.verslag.methoden || []))];
  }

  /**
   * Which phase of a session gets the look-back: the first "terugblik" block or the Basismodel's opening
   * step; in a session without either (the sample agenda), its opening. -1 for none.
   */
  function lookBackPhase(phases) {
    const at = phases.findIndex((p, i) => p.blok === "terugblik" || (p.blok === "basismodel" && (i === 0 || phases[i - 1].blok !== "basismodel")));
    return at >= 0 ? at : phases.findIndex((p) => p.blok === "opening");
  }

  /** The group stored by /groep/ in `area` (localStorage), or null; never throws. */
  function storedGroup(area) {
    try {
      const record = JSON.parse(area.getItem(KEY));
      const g = record && record.v === 1 && record.data;
      return g && Array.isArray(g.bijeenkomsten) && Array.isArray(g.acties) && Array.isArray(g.leden) ? g : null;
    } catch (e) {
      return null;
    }
  }

  /** Today in the browser's own time zone, as meetings' dates are written. */
  function localToday(now = new Date()) {
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  }

  return { alive, inOrder, lastMeeting, lookBack, recentMethods, lookBackPhase, storedGroup, localToday };
});
