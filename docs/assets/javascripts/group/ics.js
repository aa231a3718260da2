/* The group's calendar as one .ics file (RFC 5545), pure: `node --test` requires it.

   Written here rather than taken from npm (README, "Agenda"): `ics` needs yup, nanoid and runes2 and
   writes no VTIMEZONE (only UTC or floating times), and `ical-generator` needs a bundler and a timezone
   library for a VTIMEZONE. A group's evenings need one fixed zone and about a hundred lines. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.group = Object.assign(ns.group || {}, factory()); }
})(globalThis, function () {
  "use strict";

  const CRLF = "\r\n";
  const ZONE = "Europe/Amsterdam";
  // The Netherlands' rules since 1996 (EU): summer time from the last Sunday of March 02:00,
  // winter time from the last Sunday of October 03:00. Times are local to the zone, so an evening at
  // 19:00 stays at 19:00 on both sides of the change.
  const VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    `TZID:${ZONE}`,
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];

  /** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
  function escapeText(value) {
    return String(value || "")
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  /**
   * Fold a content line at 75 octets (RFC 5545 3.1): the rest continues on lines that start with a space.
   * Counted in UTF-8 bytes, never splitting a character.
   */
  function fold(line) {
    const out = [];
    let current = "";
    let bytes = 0;
    let limit = 75;
    for (const ch of line) {
      const size = utf8Length(ch);
      if (bytes + size > limit) {
        out.push(current);
        current = " ";
        bytes = 1;
        limit = 75;
      }
      current += ch;
      bytes += size;
    }
    out.push(current);
    return out.join(CRLF);
  }

  function utf8Length(ch) {
    const c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }

  const compactDay = (day) => day.replace(/-/g, "");
  const compactTime = (time) => `${time.replace(":", "")}00`;

  /** The end's date: the same day, or the next when the end is before the start (an evening past midnight). */
  function endDay(day, start, end) {
    if (end > start) return day;
    const t = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }

  /** A UTC timestamp as DATE-TIME with Z (DTSTAMP). */
  function stamp(ms) {
    return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  /**
   * The calendar of a cycle: one VEVENT per meeting with a UID from the meeting's own id, so a second
   * import updates the events instead of adding them again; SEQUENCE grows with every edit of the
   * meeting, as calendars expect of an update. A cancelled meeting stays, as STATUS:CANCELLED.
   * @param {{naam: string, uid: string, meetings: {id: string, datum: string, start: string, eind: string,
   *   plaats?: string, geannuleerd?: boolean, beschrijving?: string, versie?: number}[]}} cal
   * @param {number} now ms, for DTSTAMP
   * @returns {string}
   */
  function calendar(cal, now) {
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Intervisiehandboek//Onze groep//NL",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${escapeText(cal.naam)}`,
      `X-WR-TIMEZONE:${ZONE}`,
      ...VTIMEZONE,
    ];
    for (const m of cal.meetings) {
      const start = m.start || "19:00";
      const end = m.eind || start;
      lines.push(
        "BEGIN:VEVENT",
        `UID:${m.id}.${cal.uid}@intervisiehandboek`,
        `DTSTAMP:${stamp(now)}`,
        `SEQUENCE:${m.versie || 0}`,
        `DTSTART;TZID=${ZONE}:${compactDay(m.datum)}T${compactTime(start)}`,
        `DTEND;TZID=${ZONE}:${compactDay(endDay(m.datum, start, end))}T${compactTime(end)}`,
        `SUMMARY:${escapeText(cal.naam)}`,
      );
      if (m.plaats) lines.push(`LOCATION:${escapeText(m.plaats)}`);
      if (m.beschrijving) lines.push(`DESCRIPTION:${escapeText(m.beschrijving)}`);
      lines.push(`STATUS:${m.geannuleerd ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT");
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join(CRLF) + CRLF;
  }

  return { ics: { calendar, escapeText, fold } };
});
