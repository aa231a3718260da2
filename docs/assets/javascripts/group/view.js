/* /groep/ on the page: upgrades the [data-group] element with the group kept in this browser
   (group/store.js), its logic in group/model.js, its words in group/text.js and the page's template. */
(function () {
  "use strict";

  const W = window.Intervisie.widget;
  const G = window.Intervisie.group;
  const { NL } = G;
  const SVG = "http://www.w3.org/2000/svg";

  /** Today in the browser's own time zone, as the dates of meetings are written. */
  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }

  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "dataset") Object.assign(e.dataset, v);
      else if (k in e) e[k] = v;
      else e.setAttribute(k, v);
    }
    e.append(...children.filter((c) => c !== null && c !== undefined));
    return e;
  };
  const labelled = (text, control, cls) => el("label", cls ? { className: cls } : {}, `${text} `, control);

  function download(name, text, type, life) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    life.onLeave(() => URL.revokeObjectURL(url));
    const link = document.createElement("a"); // not in the page, so instant navigation ignores it
    link.href = url;
    link.download = name;
    link.click();
  }

  function fileName(group, ext) {
    const base = (group.groep.naam || "groep").normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_]+/g, "-").slice(0, 40);
    return `${base || "groep"}.${ext}`;
  }

  W.mount("[data-group]", (root, life) => {
    const store = G.groupStore(W, G);
    const $ = (s) => root.querySelector(s);
    const methodTitles = new Map([...$("template[data-group-method-options]").content.querySelectorAll("option")].filter((o) => o.value).map((o) => [o.value, o.textContent]));
    let group = store.read();
    let own = store.readOwn();
    let recordId = "";
    let pendingImport = null;
    const open = new Set(); // meetings whose details are open
    let schema = null;
    const schemaReady = W.fetchJSON([root.dataset.schemaSrc], { signal: life.signal }).then(([s]) => (schema = s), () => null);

    const say = (text) => { $("[data-group-status]").textContent = text; };
    const names = () => new Map(G.alive(group.leden).map((l) => [l.id, l.naam]));

    /** Store the group; on a full or refused storage keep it on the page and say so. */
    function save(next, message) {
      const stored = store.write(next);
      group = stored || next;
      render();
      say(stored ? message || "" : NL.full);
    }

    function update(kind, id, changes) {
      const list = group[kind].map((r) => (r.id === id ? G.edit(r, changes) : r));
      save(Object.assign({}, group, { [kind]: list }));
    }

    function render() {
      const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset.key : null;
      const has = Boolean(group);
      $("[data-group-start]").hidden = has;
      $("[data-group-main]").hidden = !has;
      $("[data-group-erase-section]").hidden = !has;
      $("[data-group-export]").disabled = !has;
      if (has) {
        $("[data-group-example-note]").hidden = !group.groep.voorbeeld;
        $("[data-group-name]").textContent = group.groep.naam;
        renderMembers();
        renderRhythm();
        renderMeetings();
        renderLookBack();
        renderRecord();
        renderEvaluation();
        renderContract();
        renderShare();
      }
      renderPlan();
      if (focused) {
        const again = root.querySelector(`[data-key="${CSS.escape(focused)}"]`);
        if (again) again.focus({ preventScroll: true });
      }
    }

    /* ---------------------------------------------------------------- members */

    function renderMembers() {
      const tpl = $("template[data-group-member-tpl]");
      const items = G.alive(group.leden).map((l) => {
        const li = tpl.content.firstElementChild.cloneNode(true);
        li.querySelector("[data-field=naam]").textContent = l.naam;
        const button = li.querySelector("[data-field=remove]");
        button.textContent = NL.removeItem;
        button.setAttribute("aria-label", NL.remove(l.naam));
        button.dataset.key = `lid:${l.id}`;
        button.addEventListener("click", () => update("leden", l.id, { weg: true }));
        return li;
      });
      $("[data-group-members]").replaceChildren(...(items.length ? items : [el("li", {}, NL.noMembers)]));
    }

    /* ---------------------------------------------------------------- rhythm */

    function renderRhythm() {
      const form = $("[data-group-rhythm]");
      const r = Object.assign(G.defaultRhythm(), group.groep.ritme);
      for (const input of form.querySelectorAll("[name=soort]")) input.checked = input.value === r.soort;
      for (const name of ["week", "dag", "elke", "begin", "aantal", "start", "eind", "plaats"]) form.elements[name].value = String(r[name] ?? "");
    }

    function readRhythm(form) {
      const f = form.elements;
      const int = (v, d) => (Number.isInteger(Number(v)) && v !== "" ? Number(v) : d);
      return {
        soort: f.soort.value === "weken" ? "weken" : "maand", week: int(f.week.value, 1), dag: int(f.dag.value, 4),
        elke: Math.min(52, Math.max(1, int(f.elke.value, 8))), begin: f.begin.value, aantal: Math.min(52, Math.max(1, int(f.aantal.value, 6))),
        start: f.start.value, eind: f.eind.value, plaats: f.plaats.value.slice(0, 200),
      };
    }

    /* ---------------------------------------------------------------- meetings and turns */

    /** A choice of member; the empty choice reads `empty` (the rota's proposal, or "—"). */
    function memberSelect(key, value, empty, options) {
      const select = el("select", { dataset: { key } });
      select.append(el("option", { value: "" }, empty));
      for (const [id, naam] of options) select.append(el("option", { value: id }, naam));
      select.value = value || "";
      return select;
    }

    function renderMeetings() {
      const day = today();
      const rota = G.rotation(group);
      const who = names();
      const n = (id) => who.get(id) || NL.nobody;
      // Turns per member: held, and over the whole cycle.
      const rows = G.turns(group, day);
      $("[data-group-turns] tbody").replaceChildren(...rows.map((r) => el("tr", {}, el("th", { scope: "row" }, r.naam),
        ...G.ROLES.slice().sort((a, b) => ["procesbegeleider", "casusinbrengers", "notulist"].indexOf(a) - ["procesbegeleider", "casusinbrengers", "notulist"].indexOf(b))
          .map((role) => el("td", {}, `${r.gehouden[role]} (${r.gepland[role]})`)))));
      $("[data-group-nocase]").textContent = rows.length ? NL.noCaseYet(rows.filter((r) => r.gehouden.casusinbrengers === 0).map((r) => r.naam)) : "";
      const tpl = $("template[data-group-meeting-tpl]");
      const members = [...who];
      const items = G.inOrder(group).map((m) => {
        const li = tpl.content.firstElementChild.cloneNode(true);
        const f = (name) => li.querySelector(`[data-field="${name}"]`);
        const r = rota.get(m.id);
        const details = li.querySelector("details");
        details.open = open.has(m.id);
        details.addEventListener("toggle", () => (details.open ? open.add(m.id) : open.delete(m.id)));
        const roles = r ? NL.roles(n(r.procesbegeleider), r.casusinbrengers.map(n).join(" en ") || NL.nobody, n(r.notulist)) : NL.cancelled;
        f("summary").textContent = NL.summary(NL.longDate(m.datum), m.start, m.eind, roles);
        li.classList.toggle("ih-group__meeting--off", m.geannuleerd);
        li.dataset.meeting = m.id;
        for (const name of ["datum", "start", "eind", "plaats", "methode"]) {
          const input = f(name);
          input.value = m[name] || "";
          input.dataset.key = `m:${m.id}:${name}`;
          input.addEventListener("change", () => update("bijeenkomsten", m.id, { [name]: input.value }));
        }
        const proposed = G.rotation(Object.assign({}, group, { bijeenkomsten: group.bijeenkomsten.map((x) => (x.id === m.id ? Object.assign({}, x, { procesbegeleider: "", notulist: "", casusinbrengers: [] }) : x)) })).get(m.id);
        for (const [field, role] of [["procesbegeleider", "procesbegeleider"], ["casusinbrenger", "casusinbrengers"], ["notulist", "notulist"]]) {
          const value = role === "casusinbrengers" ? (m.casusinbrengers || [])[0] : m[role];
          const proposal = proposed ? [].concat(proposed[role])[0] : "";
          const select = memberSelect(`m:${m.id}:${field}`, value, NL.proposal(who.get(proposal) || ""), members);
          f(field).replaceWith(select);
          select.addEventListener("change", () => update("bijeenkomsten", m.id, { [role]: role === "casusinbrengers" ? (select.value ? [select.value] : []) : select.value }));
        }
        const away = f("afgemeld");
        for (const [id, naam] of members) {
          const box = el("input", { type: "checkbox", checked: (m.afgemeld || []).includes(id), dataset: { key: `m:${m.id}:weg:${id}` } });
          box.addEventListener("change", () => {
            const set = new Set(m.afgemeld || []);
            if (box.checked) set.add(id); else set.delete(id);
            update("bijeenkomsten", m.id, { afgemeld: [...set] });
          });
          away.append(el("label", {}, box, ` ${naam}`));
        }
        // One or more cases an evening: the rotation proposes as many case-bringers, in turn.
        const cases = f("aantal_casussen");
        cases.value = String(Math.max(1, Math.min(4, Number(m.aantal_casussen) || 1)));
        cases.dataset.key = `m:${m.id}:aantal_casussen`;
        cases.addEventListener("change", () => {
          const n = Math.max(1, Math.min(4, Math.floor(Number(cases.value)) || 1));
          update("bijeenkomsten", m.id, { aantal_casussen: n, casusinbrengers: (m.casusinbrengers || []).slice(0, n) });
        });
        const off = f("geannuleerd");
        off.checked = Boolean(m.geannuleerd);
        off.dataset.key = `m:${m.id}:geannuleerd`;
        off.addEventListener("change", () => update("bijeenkomsten", m.id, { geannuleerd: off.checked }));
        return li;
      });
      $("[data-group-meetings]").replaceChildren(...items);
    }

    /* ---------------------------------------------------------------- look-back */

    function renderLookBack() {
      const day = today();
      const back = G.lookBack(group, day);
      $("[data-group-lookback-empty]").hidden = Boolean(back.bijeenkomst);
      $("[data-group-lookback]").hidden = !back.bijeenkomst;
      if (back.bijeenkomst) {
        $("[data-group-lookback-intro]").textContent = NL.lookBackIntro(NL.longDate(back.bijeenkomst.datum));
        const actions = back.acties.map((a) => {
          const box = el("input", { type: "checkbox", dataset: { key: `look:${a.id}` } });
          box.addEventListener("change", () => update("acties", a.id, { status: box.checked ? "klaar" : "open" }));
          const by = NL.actionBy(a.wie, a.wanneer);
          return el("li", {}, el("label", {}, box, " ", el("span", { dataset: { groupAction: "" } }, a.tekst), by ? el("span", { className: "ih-group__by" }, ` (${by})`) : null));
        });
        $("[data-group-actions]").replaceChildren(...(actions.length ? actions : [el("li", {}, NL.noOpenActions)]));
        const cases = back.casussen.map((c) => el("li", {}, NL.caseOf(c.titel, c.inbrenger)));
        $("[data-group-cases]").replaceChildren(...(cases.length ? cases : [el("li", {}, NL.noCases)]));
      }
      const next = G.nextMeeting(group, day);
      $("[data-group-next]").hidden = false;
      const link = $("[data-group-next-plan]");
      link.hidden = !next;
      if (next) link.href = `${root.dataset.timerHref}${G.timerQuery(next, G.alive(group.leden).length - (next.afgemeld || []).length)}`;
      $("[data-group-next-text]").textContent = next ? NL.next(NL.longDate(next.datum)) : NL.noNext;
    }

    /* ---------------------------------------------------------------- record */

    function defaultRecord() {
      const day = today();
      const last = G.lastMeeting(group, day);
      return last ? last.id : (G.inOrder(group)[0] || {}).id || "";
    }

    function renderRecord() {
      const meetings = G.inOrder(group).filter((m) => !m.geannuleerd);
      if (!meetings.some((m) => m.id === recordId)) recordId = defaultRecord();
      const select = $("[data-group-record-select]");
      select.replaceChildren(...(meetings.length ? meetings.map((m) => el("option", { value: m.id }, NL.longDate(m.datum))) : [el("option", { value: "" }, NL.noMeeting)]));
      select.value = recordId;
      const box = $("[data-group-record]");
      const m = meetings.find((x) => x.id === recordId);
      $("[data-group-print-record]").hidden = !(m && m.verslag);
      if (!m) { box.replaceChildren(); return; }
      if (!m.verslag) {
        const start = el("button", { type: "button", className: "md-button", dataset: { key: `rec:${m.id}:start` } }, NL.startRecord);
        start.addEventListener("click", () => {
          const r = G.rotation(group).get(m.id);
          const present = G.alive(group.leden).map((l) => l.id).filter((id) => !(m.afgemeld || []).includes(id));
          update("bijeenkomsten", m.id, {
            procesbegeleider: r.procesbegeleider, notulist: r.notulist, casusinbrengers: r.casusinbrengers,
            verslag: { aanwezig: present, start: m.start, eind: m.eind, methoden: m.methode ? [m.methode] : [], afspraken: "" },
          });
        });
        box.replaceChildren(el("p", {}, start));
        return;
      }
      const v = m.verslag;
      const setRecord = (changes) => update("bijeenkomsten", m.id, { verslag: Object.assign({}, v, changes) });
      const who = [...names()];
      const present = el("fieldset", {}, el("legend", {}, NL.present));
      for (const [id, naam] of who) {
        const c = el("input", { type: "checkbox", checked: v.aanwezig.includes(id), dataset: { key: `rec:${m.id}:aanwezig:${id}` } });
        c.addEventListener("change", () => setRecord({ aanwezig: c.checked ? [...v.aanwezig, id] : v.aanwezig.filter((x) => x !== id) }));
        present.append(el("label", {}, c, ` ${naam}`));
      }
      const time = (field, text) => {
        const input = el("input", { type: "time", value: v[field] || "", dataset: { key: `rec:${m.id}:${field}` } });
        input.addEventListener("change", () => setRecord({ [field]: input.value }));
        return labelled(text, input);
      };
      const methodSelect = (index, text) => {
        const s = el("select", { dataset: { key: `rec:${m.id}:methode:${index}` } });
        s.append($("template[data-group-method-options]").content.cloneNode(true));
        s.value = v.methoden[index] || "";
        s.addEventListener("change", () => {
          const list = v.methoden.slice(0, 2);
          list[index] = s.value;
          setRecord({ methoden: list.filter(Boolean) });
        });
        return labelled(text, s);
      };
      const cases = G.alive(group.casussen).filter((c) => c.bijeenkomst === m.id).map((c) => {
        const title = el("input", { type: "text", maxLength: 80, value: c.titel, dataset: { key: `case:${c.id}:titel` } });
        title.addEventListener("change", () => update("casussen", c.id, { titel: title.value }));
        const by = memberSelect(`case:${c.id}:inbrenger`, c.inbrenger, "—", who);
        by.addEventListener("change", () => update("casussen", c.id, { inbrenger: by.value }));
        const remove = el("button", { type: "button", className: "md-button ih-group__small", dataset: { key: `case:${c.id}:weg` } }, NL.removeItem);
        remove.addEventListener("click", () => update("casussen", c.id, { weg: true }));
        return el("li", { className: "ih-group__row" }, labelled(NL.caseTitle, title), labelled(NL.caseBy, by), remove);
      });
      const addCase = el("button", { type: "button", className: "md-button", dataset: { key: `rec:${m.id}:addcase` } }, NL.addCase);
      addCase.addEventListener("click", () => save(Object.assign({}, group, {
        casussen: [...group.casussen, G.record({ bijeenkomst: m.id, titel: "", inbrenger: (m.casusinbrengers || [])[0] || "" })],
      })));
      const agreements = el("textarea", { rows: 3, maxLength: 2000, value: v.afspraken || "", dataset: { key: `rec:${m.id}:afspraken` } });
      agreements.addEventListener("change", () => setRecord({ afspraken: agreements.value }));
      const actions = G.alive(group.acties).filter((a) => a.bijeenkomst === m.id).map((a) => {
        const text = el("input", { type: "text", maxLength: 300, value: a.tekst, dataset: { key: `act:${a.id}:tekst` } });
        text.addEventListener("change", () => update("acties", a.id, { tekst: text.value }));
        const by = memberSelect(`act:${a.id}:wie`, a.wie, "—", who);
        by.addEventListener("change", () => update("acties", a.id, { wie: by.value }));
        const when = el("input", { type: "date", value: a.wanneer || "", dataset: { key: `act:${a.id}:wanneer` } });
        when.addEventListener("change", () => update("acties", a.id, { wanneer: when.value }));
        const done = el("input", { type: "checkbox", checked: a.status === "klaar", dataset: { key: `act:${a.id}:klaar` } });
        done.addEventListener("change", () => update("acties", a.id, { status: done.checked ? "klaar" : "open" }));
        const remove = el("button", { type: "button", className: "md-button ih-group__small", dataset: { key: `act:${a.id}:weg` } }, NL.removeItem);
        remove.addEventListener("click", () => update("acties", a.id, { weg: true }));
        return el("li", { className: "ih-group__row" }, labelled(NL.action, text), labelled(NL.who, by), labelled(NL.when, when), el("label", {}, done, ` ${NL.done}`), remove);
      });
      const addAction = el("button", { type: "button", className: "md-button", dataset: { key: `rec:${m.id}:addaction` } }, NL.addAction);
      addAction.addEventListener("click", () => save(Object.assign({}, group, {
        acties: [...group.acties, G.record({ bijeenkomst: m.id, tekst: "", wie: "", wanneer: "", status: "open" })],
      })));
      box.replaceChildren(
        present,
        el("div", { className: "ih-group__row" }, time("start", NL.start), time("eind", NL.end), methodSelect(0, NL.methods), methodSelect(1, NL.secondMethod)),
        el("h4", {}, NL.cases), el("ul", { className: "ih-group__list" }, ...cases), el("p", {}, addCase),
        labelled(NL.agreements, agreements, "ih-group__wide"),
        el("h4", {}, NL.actions), el("ul", { className: "ih-group__list" }, ...actions), el("p", {}, addAction),
      );
    }

    /** The attendance list and short report of the chosen meeting, on one sheet. */
    function paperRecord() {
      const m = group.bijeenkomsten.find((x) => x.id === recordId);
      if (!m || !m.verslag) return null;
      const v = m.verslag;
      const who = names();
      const r = G.rotation(group).get(m.id) || { procesbegeleider: "", notulist: "", casusinbrengers: [] };
      const roleOf = (id) => G.ROLES.filter((role) => [].concat(r[role]).includes(id)).map((role) => NL.roleNames[role]).join(", ");
      const minutes = G.duration(v.start, v.eind);
      const rows = G.alive(group.leden).map((l) => el("tr", {}, el("td", {}, l.naam), el("td", {}, roleOf(l.id)),
        el("td", {}, v.aanwezig.includes(l.id) ? NL.paperPresent : (m.afgemeld || []).includes(l.id) ? NL.paperAway : NL.paperAbsent),
        el("td", { className: "ih-group__sign" })));
      const cases = G.alive(group.casussen).filter((c) => c.bijeenkomst === m.id).map((c) => el("li", {}, NL.caseOf(c.titel, who.get(c.inbrenger) || "")));
      const actions = G.alive(group.acties).filter((a) => a.bijeenkomst === m.id).map((a) => el("li", {}, a.tekst, ` (${NL.actionBy(who.get(a.wie) || "", a.wanneer) || "—"})`));
      return [
        el("h2", {}, `${NL.paperTitle}: ${group.groep.naam}`),
        el("p", {}, NL.paperMeta(NL.longDate(m.datum), `${m.start}–${m.eind}`, `${v.start}–${v.eind}`, minutes)),
        m.plaats ? el("p", {}, NL.paperPlace(m.plaats)) : null,
        el("p", {}, NL.paperMethod(v.methoden.map((s) => methodTitles.get(s) || s).join(", "))),
        el("table", { className: "ih-group__attendance" }, el("thead", {}, el("tr", {}, ...NL.paperCols.map((c) => el("th", { scope: "col" }, c)))), el("tbody", {}, ...rows)),
        el("h3", {}, NL.paperCases), cases.length ? el("ul", {}, ...cases) : el("p", {}, NL.paperNone),
        el("h3", {}, NL.paperAgreements), el("p", { className: "ih-group__pre" }, v.afspraken || NL.paperNone),
        el("h3", {}, NL.paperActions), actions.length ? el("ul", {}, ...actions) : el("p", {}, NL.paperNone),
      ];
    }

    function paperContract() {
      const form = $("[data-group-contract]");
      const parts = [el("h2", {}, `${NL.paperContract}: ${group.groep.naam}`)];
      for (const fieldset of form.querySelectorAll("fieldset")) {
        parts.push(el("h3", {}, fieldset.querySelector("legend").textContent));
        for (const area of fieldset.querySelectorAll("textarea")) {
          const label = area.closest("label").firstChild.textContent.trim();
          // An open question gets lines to write on: a group may fill the sheet in by hand at the table.
          const answer = area.value.trim() ? el("p", { className: "ih-group__pre" }, area.value)
            : el("div", { className: "ih-group__write" }, el("span"), el("span"));
          parts.push(el("div", { className: "ih-group__question", dataset: { paperQuestion: "" } }, el("p", {}, el("strong", {}, label)), answer));
        }
      }
      // Everyone agrees to a contract: a line per member to sign.
      const rows = G.alive(group.leden).map((l) => el("tr", {}, el("td", {}, l.naam), el("td", { className: "ih-group__sign" }), el("td", {})));
      parts.push(el("h3", {}, NL.paperAgreed), el("p", {}, NL.paperAgreedIntro),
        el("table", { className: "ih-group__attendance ih-group__signatures" },
          el("thead", {}, el("tr", {}, ...NL.paperSignCols.map((c) => el("th", { scope: "col" }, c)))), el("tbody", {}, ...rows)));
      return parts;
    }

    function printPaper(parts) {
      if (!parts) return;
      const paper = $("[data-group-paper]");
      paper.replaceChildren(...parts.filter(Boolean));
      document.documentElement.dataset.ihPrint = "groep";
      window.print();
    }
    life.listen(window, "afterprint", () => {
      delete document.documentElement.dataset.ihPrint;
    });
    life.onLeave(() => delete document.documentElement.dataset.ihPrint);

    /* ---------------------------------------------------------------- evaluation and chart */

    function renderEvaluation() {
      const select = $("[data-group-eval-select]");
      const held = G.inOrder(group).filter((m) => !m.geannuleerd);
      const keep = select.value;
      select.replaceChildren(...held.map((m) => el("option", { value: m.id }, NL.longDate(m.datum))),
        el("option", { value: G.CYCLE }, NL.cycleOption));
      select.value = keep === G.CYCLE || held.some((m) => m.id === keep) ? keep : defaultRecord();
      const data = G.chartData(group);
      const cycle = G.cycleScores(group);
      const figure = $("[data-group-chart]");
      figure.hidden = !data.length && !cycle;
      $("[data-group-chart-svg]").hidden = !data.length;
      if (figure.hidden) return;
      const titles = [...$("[data-group-chart-table] thead").querySelectorAll("th")].slice(1).map((th) => th.textContent);
      const row = (head, r) => el("tr", {}, el("th", { scope: "row" }, head),
        ...G.LEVELS.map((l) => el("td", {}, r.scores[l.key] === null ? NL.noScore : String(r.scores[l.key]).replace(".", ","))));
      // The cycle as a whole is the table's last row; the chart stays a line over the meetings.
      $("[data-group-chart-table] tbody").replaceChildren(...data.map((r) => row(NL.longDate(r.datum), r)), ...(cycle ? [row(NL.cycleRow, cycle)] : []));
      $("[data-group-chart-svg]").replaceChildren(...(data.length ? [chart(data, titles)] : []));
    }

    /** A small line chart: a line per level, 1 to 5 upwards, the meetings from left to right. */
    function chart(data, titles) {
      const w = 640, h = 260, left = 56, right = 32, top = 16, bottom = 56;
      const x = (i) => left + (data.length === 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (data.length - 1));
      const y = (v) => top + ((5 - v) * (h - top - bottom)) / 4;
      const svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", NL.chartLabel(data.length));
      svg.classList.add("ih-group__svg");
      const add = (tag, attrs, text) => {
        const e = document.createElementNS(SVG, tag);
        for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
        if (text !== undefined) e.textContent = text;
        svg.append(e);
        return e;
      };
      for (let v = 1; v <= 5; v++) {
        add("line", { x1: left, x2: w - right, y1: y(v), y2: y(v), class: "ih-group__grid" });
        add("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end", class: "ih-group__axis" }, String(v));
      }
      data.forEach((row, i) => add("text", { x: x(i), y: h - bottom + 18, "text-anchor": "middle", class: "ih-group__axis" }, row.datum.slice(8, 10) + "-" + row.datum.slice(5, 7)));
      G.LEVELS.forEach((level, n) => {
        const points = data.map((row, i) => [row.scores[level.key], i]).filter(([v]) => v !== null);
        if (points.length > 1) add("polyline", { points: points.map(([v, i]) => `${x(i)},${y(v)}`).join(" "), class: `ih-group__line ih-group__line--${n}` });
        for (const [v, i] of points) {
          const shape = n === 1 ? add("rect", { x: x(i) - 4, y: y(v) - 4, width: 8, height: 8 }) : add("circle", { cx: x(i), cy: y(v), r: n === 2 ? 3 : 5 });
          shape.setAttribute("class", `ih-group__dot ih-group__line--${n}`);
        }
        const lx = left + n * 170;
        add("line", { x1: lx, x2: lx + 22, y1: h - 14, y2: h - 14, class: `ih-group__line ih-group__line--${n}` });
        add("text", { x: lx + 28, y: h - 10, class: "ih-group__axis" }, titles[n] || level.key);
      });
      return svg;
    }

    /* ---------------------------------------------------------------- own plan and contract */

    function renderPlan() {
      const items = own.plan.map((p, i) => {
        const done = el("input", { type: "checkbox", checked: Boolean(p.klaar), dataset: { key: `plan:${i}` } });
        done.addEventListener("change", () => { own.plan[i].klaar = done.checked; store.writeOwn(own); });
        const meta = [p.wanneer ? NL.planBy(p.wanneer) : "", p.feedback ? NL.planFeedback(p.feedback) : ""].filter(Boolean).join(", ");
        return el("li", {}, el("label", {}, done, ` ${p.tekst}`), meta ? ` (${meta})` : null);
      });
      $("[data-group-plan]").replaceChildren(...items);
    }

    /** The plans members chose to share, read-only; this browser's own plan is apart and stays as it is. */
    function renderShared() {
      const plans = G.sharedPlans(group);
      $("[data-group-shared]").hidden = !plans.length;
      const mine = own.gedeeld ? own.gedeeld.id : "";
      $("[data-group-shared-plans]").replaceChildren(...plans.map((p) => el("div", { className: "ih-group__shared-plan", dataset: { groupSharedPlan: p.naam } },
        el("h5", {}, p.naam, p.id === mine ? NL.sharedMine : ""),
        p.acties.length ? el("ul", {}, ...p.acties.map((a) => {
          const meta = [a.wanneer ? NL.planBy(a.wanneer) : "", a.feedback ? NL.planFeedback(a.feedback) : "", a.klaar ? NL.actionDone : ""].filter(Boolean).join(", ");
          return el("li", {}, a.tekst, meta ? ` (${meta})` : null);
        })) : el("p", {}, NL.sharedEmpty))));
    }

    /** The export's "share my plan" choice: ticked while this browser's plan is in the group, unless changed by hand. */
    let shareTouched = false;
    function renderShare() {
      renderShared();
      const select = $("[data-group-share-who]");
      const keep = select.value || own.lid || "";
      select.replaceChildren(el("option", { value: "" }, NL.chooseMe), ...G.alive(group.leden).map((l) => el("option", { value: l.id }, l.naam)));
      select.value = G.alive(group.leden).some((l) => l.id === keep) ? keep : "";
      if (!shareTouched) $("[data-group-share-plan]").checked = G.isShared(group, own);
    }

    function renderContract() {
      const form = $("[data-group-contract]");
      const c = group.groep.contract || {};
      for (const area of form.querySelectorAll("textarea")) {
        area.dataset.key = `contract:${area.name}`;
        if (document.activeElement !== area) area.value = c[area.name] || "";
      }
    }

    /* ---------------------------------------------------------------- import and export */

    /** Put this browser's plan into the group, or take it back out, as the export form says. */
    function applyShare() {
      const share = $("[data-group-share-plan]").checked;
      const who = $("[data-group-share-who]").value;
      if (share && !who) return false;
      const next = G.sharePlan(group, own, who || own.lid || "", share);
      if (next.own !== own) {
        own = next.own;
        if (!store.writeOwn(own)) say(NL.full);
      }
      if (next.group !== group) group = store.write(next.group) || next.group;
      shareTouched = false;
      render();
      return true;
    }

    async function exportFile() {
      if (!applyShare()) {
        say(NL.shareWho);
        $("[data-group-share-who]").focus();
        return;
      }
      const pass = $("[data-group-passphrase]").value;
      let text = JSON.stringify(group, null, 1);
      let name = fileName(group, "json");
      if (pass) {
        say(NL.locking);
        text = await G.lock.lock(text, pass);
        name = fileName(group, "vergrendeld.json");
      }
      if (!life.active) return;
      download(name, text, "application/json", life);
      say(pass ? NL.exportedLocked(name) : NL.exported(name));
    }

    async function importFile(file) {
      const result = $("[data-group-import-result]");
      result.hidden = true;
      pendingImport = null;
      let text = await file.text();
      if (G.lock.isLocked(text)) {
        say(NL.unlocking);
        const opened = await G.lock.unlock(text, $("[data-group-import-passphrase]").value);
        if (opened.error) { say(opened.error); return; }
        text = opened.text;
      }
      await schemaReady;
      if (!schema) { say(NL.noSchema); return; }
      const read = G.readFile(text, schema);
      if (read.error) { say(read.error); return; }
      const incoming = read.group;
      if (group && incoming.groep.id !== group.groep.id) { say(NL.otherGroup(incoming.groep.naam)); return; }
      if (!life.active) return;
      say("");
      if (!group) {
        pendingImport = { group: incoming, conflicts: [] };
        $("[data-group-import-summary]").textContent = NL.importNew;
        $("[data-group-conflicts]").replaceChildren();
      } else {
        const merged = G.merge(group, incoming);
        pendingImport = merged;
        $("[data-group-import-summary]").textContent = NL.importSummary(merged.nieuw, merged.bijgewerkt, merged.conflicts.length);
        $("[data-group-conflicts]").replaceChildren(...merged.conflicts.map(conflictView));
      }
      result.hidden = false;
    }

    function describe(kind, rec) {
      const who = names();
      if (kind === "leden") return rec.weg ? `${rec.naam} (verwijderd)` : rec.naam;
      if (kind === "bijeenkomsten") {
        const parts = [NL.longDate(rec.datum), `${rec.start}–${rec.eind}`, rec.plaats, rec.geannuleerd ? NL.cancelled : ""].filter(Boolean).join(", ");
        return rec.verslag ? `${parts}; ${NL.agreements.toLowerCase()}: ${rec.verslag.afspraken || "—"}` : parts;
      }
      if (kind === "casussen") return NL.caseOf(rec.titel, who.get(rec.inbrenger) || "");
      if (kind === "acties") return `${rec.tekst} (${[who.get(rec.wie) || "", rec.status === "klaar" ? NL.actionDone : ""].filter(Boolean).join(", ") || "—"})`;
      if (kind === "evaluaties") return `${rec.niveau}: ${Object.values(rec.scores || {}).join(", ")}`;
      return rec.naam || "";
    }

    function conflictView(c, i) {
      const choice = (side, text, value) => el("label", { className: "ih-group__side" },
        el("input", { type: "radio", name: `ih-conflict-${i}`, value, checked: value === "hier" }), ` ${text}: `, el("span", {}, describe(c.soort, c[side])));
      return el("fieldset", { className: "ih-group__conflict" }, el("legend", {}, NL.kinds[c.soort] || c.soort),
        choice("hier", NL.here, "hier"), choice("daar", NL.there, "daar"));
    }

    /* ---------------------------------------------------------------- events */

    life.listen($("[data-group-example]"), "click", () => {
      group = null;
      save(G.exampleGroup(today()), NL.exampleLoaded);
      $("[data-group-name]").focus && $("[data-group-name]").setAttribute("tabindex", "-1");
      $("[data-group-name]").focus();
    });
    life.listen($("[data-group-remove-example]"), "click", () => {
      store.remove();
      group = null;
      render();
      say(NL.exampleRemoved);
    });
    life.listen($("[data-group-new]"), "submit", (event) => {
      event.preventDefault();
      const name = event.target.elements.naam.value.trim().slice(0, 80);
      if (!name) return;
      save(G.emptyGroup(name), NL.created(name));
    });
    life.listen($("[data-group-add-member]"), "submit", (event) => {
      event.preventDefault();
      const input = event.target.elements.naam;
      const name = input.value.trim().slice(0, 40);
      if (!name) return;
      input.value = "";
      save(Object.assign({}, group, { leden: [...group.leden, G.record({ naam: name })] }));
    });
    life.listen($("[data-group-rhythm]"), "submit", (event) => {
      event.preventDefault();
      const ritme = readRhythm(event.target);
      if (!G.isDay(ritme.begin)) { say(NL.noDates); return; }
      const withRhythm = Object.assign({}, group, { groep: G.edit(group.groep, { ritme }) });
      const planned = G.planCycle(withRhythm);
      save(planned, NL.datesPlanned(planned.bijeenkomsten.length - group.bijeenkomsten.length));
    });
    life.listen($("[data-group-ics]"), "click", () => {
      const text = G.ics.calendar({
        naam: group.groep.naam, uid: group.groep.id,
        meetings: G.inOrder(group).map((m) => Object.assign({}, m, { versie: (m.was || []).length })),
      }, Date.now());
      download(fileName(group, "ics"), text, "text/calendar;charset=utf-8", life);
    });
    life.listen($("[data-group-record-select]"), "change", (event) => {
      recordId = event.target.value;
      renderRecord();
    });
    life.listen($("[data-group-print-record]"), "click", () => printPaper(paperRecord()));
    life.listen($("[data-group-print-contract]"), "click", () => printPaper(paperContract()));
    life.listen($("[data-group-contract]"), "change", (event) => {
      const contract = Object.assign({}, group.groep.contract, { [event.target.name]: event.target.value.slice(0, 2000) });
      save(Object.assign({}, group, { groep: G.edit(group.groep, { contract }) }));
    });
    life.listen($("[data-group-eval]"), "submit", (event) => {
      event.preventDefault();
      const form = event.target;
      const data = new FormData(form);
      const meetingId = data.get("bijeenkomst");
      const added = G.LEVELS.map((level) => {
        const scores = {};
        for (const k of level.schalen) if (data.get(`${level.key}.${k}`)) scores[k] = Number(data.get(`${level.key}.${k}`));
        const open = {};
        for (const k of level.open) if (String(data.get(`${level.key}.${k}`) || "").trim()) open[k] = String(data.get(`${level.key}.${k}`)).trim().slice(0, 1000);
        return Object.keys(scores).length || Object.keys(open).length ? G.record({ bijeenkomst: meetingId, niveau: level.key, scores, open }) : null;
      }).filter(Boolean);
      if (!added.length || !meetingId) { say(NL.evalEmpty); return; }
      form.reset();
      save(Object.assign({}, group, { evaluaties: [...group.evaluaties, ...added] }), NL.evalSaved(added.length));
      $("[data-group-eval-select]").value = meetingId;
    });
    life.listen($("[data-group-plan-add]"), "submit", (event) => {
      event.preventDefault();
      const f = event.target.elements;
      const tekst = f.tekst.value.trim().slice(0, 300);
      if (!tekst) return;
      own.plan.push({ tekst, wanneer: f.wanneer.value, feedback: f.feedback.value, klaar: false });
      if (!store.writeOwn(own)) say(NL.full);
      event.target.reset();
      renderPlan();
    });
    life.listen($("[data-group-export-form]"), "submit", (event) => {
      event.preventDefault();
      if (group) exportFile();
    });
    life.listen($("[data-group-share-plan]"), "change", () => { shareTouched = true; });
    life.listen($("[data-group-share-who]"), "change", (event) => {
      own = Object.assign({}, own, { lid: event.target.value });
      store.writeOwn(own);
    });
    life.listen($("[data-group-import]"), "change", (event) => {
      const file = event.target.files && event.target.files[0];
      if (file) importFile(file);
    });
    life.listen($("[data-group-import-confirm]"), "click", () => {
      if (!pendingImport) return;
      const choices = pendingImport.conflicts.map((_, i) => (root.querySelector(`input[name="ih-conflict-${i}"]:checked`) || {}).value || "hier");
      const next = G.resolve(pendingImport.group, pendingImport.conflicts, choices);
      pendingImport = null;
      $("[data-group-import-result]").hidden = true;
      $("[data-group-import]").value = "";
      save(next, NL.imported);
    });
    life.listen($("[data-group-import-cancel]"), "click", () => {
      pendingImport = null;
      $("[data-group-import-result]").hidden = true;
      $("[data-group-import]").value = "";
      say(NL.importCancelled);
    });
    life.listen($("[data-group-erase]"), "click", () => {
      $("[data-group-erase-yes]").hidden = false;
      say(NL.eraseAsk);
    });
    life.listen($("[data-group-erase-yes]"), "click", () => {
      store.remove();
      group = null;
      $("[data-group-erase-yes]").hidden = true;
      render();
      say(NL.erased);
    });
    store.watch(life, () => {
      group = store.read();
      own = store.readOwn();
      render();
      say(NL.otherTab);
    });

    render();
  });
})();
