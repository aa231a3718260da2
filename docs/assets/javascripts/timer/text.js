/* The timer's own sentences, in one place. Words that the page's HTML already holds (button
   labels such as "Start" and "Opnieuw") are read from the page instead (timer/view.js); numbers
   that the build decides (the limits) come in as arguments. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.timer = Object.assign(ns.timer || {}, factory()); }
})(globalThis, function () {
  "use strict";

  const minutes = (m) => `${m} ${m === 1 ? "minuut" : "minuten"}`;

  const NL = {
    noData: "De gegevens van de timer konden niet worden geladen. Laad de pagina opnieuw om het nog eens te proberen.",
    badMinutes: (raw, max) =>
      `Het aantal minuten in het webadres („${raw}”) is geen heel getal van 1 tot en met ${max}. ` +
      "De timer gebruikt daarom de gewone tijden.",
    unknownMethod: (slug) =>
      `De methode „${slug}” staat niet in dit handboek. Kies hieronder een methode of stel zelf een sessie samen.`,
    badAgenda: "De agenda in het webadres is niet te lezen. Stel hieronder zelf een sessie samen.",
    fitted: (total, was) => `Ingepast in ${total} minuten (was ${was} minuten).`,
    ready: "Klaar om te starten",
    running: "Loopt",
    paused: "Gepauzeerd",
    warn: "▲ Bijna tijd",
    alert: "◆ Rond af",
    over: "■ Tijd is om",
    overWait: "■ Tijd is om: druk op Volgende",
    resume: "Verder",
    pause: "Pauze",
    restartConfirm: "Zeker? Klik nog eens",
    end: "einde van de sessie",
    onTime: "precies op schema",
    behind: (m) => `${m} min achter op de agenda`,
    ahead: (m) => `${m} min voor op de agenda`,
    phaseOf: (i, n) => `Fase ${i} van ${n}`,
    announcePhase: (i, n, name, m) => `Fase ${i} van ${n}: ${name}, ${minutes(m)}.`,
    announceEnd: (name) => `De tijd voor ${name} is om.`,
    announceMinute: (name) => `Nog 1 minuut voor ${name}.`,
    done: (used, planned) => `De sessie is klaar. Gebruikt: ${used} minuten, gepland: ${planned} minuten.`,
    exampleTitle: "Voorbeeldagenda",
    ownTitle: "Eigen sessie",
    minutesShort: (m) => `${m} min`,
    setAside:
      "De bewaarde stand van de timer was niet te lezen. Hij is niet gewist maar apart gezet: op de pagina Privacy " +
      "kun je hem bekijken of wissen. Hier begint de timer opnieuw.",
    dropped: (titles, kept) =>
      `De timer bewaart hoogstens ${kept} sessies die nog niet klaar zijn. Daarom ${titles.length === 1 ? "is deze sessie" : "zijn deze sessies"} ` +
      `niet meer bewaard: ${titles.join(", ")}.`,
    hintClock: (start, end) => `Vooraan staat hoe laat elke fase begint: de sessie begint om ${start} en eindigt om ${end}.`,
    totalOver: (left, over) => `${left} (deze fase loopt ${over} uit)`,
    endPlanned: (at) => `gepland om ${at}`,
    endExpected: (at) => `om ${at}`,
    endBoth: (planned, expected) => `gepland om ${planned}, nu om ${expected}`,
    endUnknown: "na de start te zien",
  };

  return { NL, minutesText: minutes };
});
