/* The DOM part of timer/sheet.js: the session plan of the running view (mountSheet), the saved plans of
   the choosing view (mountSaved) and the planner's notice of an evening changed in another tab. A part
   of its own (extra.widget_parts in mkdocs.yml): timer/view.js loads it with W.load when the page shows
   the sheet or the saved plans, so that a running timer does not carry it until then. */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.widget, ns.plan, ns.timer));
})(globalThis, function (W, P, T) {
  "use strict";
  const {
    MAX_NAME, SHEET_NL: NL, SHOWN_PLANS, cleanLabels, cleanPlans, cleanRoles, deletePlan, eveningOf,
    isoDay, labelsInOrder, longDate, savePlan, saveRole, sheetRows, stores,
  } = T;

  /* ------------------------------------------------------------------ DOM */

  /** A status line that reads the same sentence twice as twice: emptied, then written a moment later. */
  function sayer(el, life) {
    return (text) => {
      el.textContent = "";
      life.later(() => (el.textContent = text), 30);
    };
  }

  function cell(row, text, tag = "td") {
    const el = document.createElement(tag);
    el.textContent = text;
    row.append(el);
    return el;
  }

  /**
   * Fill the session plan of the running view and wire its fields and buttons.
   * @param {{root: Element, life: object, plan: {blocks: object[]}, title: string, link: string,
   *          start: string|null, labels?: Record<string, string[]>, saved?: object|null}} options
   *   link: the plan's own query ("?agenda=..."), start: ?start=, labels: the blocks' labels by key,
   *   saved: the saved plan this session was opened from, its name and link (T.opened); its date and
   *   roles come back from the plan as stored now
   */
  function mountSheet({ root, life, plan, title, link, start, labels = {}, saved: from = null }) {
    const sheet = root.querySelector("[data-timer-sheet]");
    if (!sheet) return;
    const $ = (sel) => sheet.querySelector(sel);
    const store = stores();
    const saved = (from && cleanPlans(store.plans.read()).plans.find((p) => p.naam === from.naam && p.link === from.link)) || null;
    const say = sayer($("[data-sheet-status]"), life);
    const dateInput = $("[data-sheet-date]");
    const startInput = $("[data-sheet-start]");
    sheet.hidden = false;
    // The rest of the sheet comes one part a frame (data-sheet-step in the template). In one frame, its
    // first style and layout with the page's first date field and first time field (each loads the
    // browser's locale data) made a task of ~125 ms on a phone's CPU, right after the clock appeared.
    const later = Array.from(sheet.querySelectorAll("[data-sheet-step]"));
    const steps = Array.from(new Set(later.map((el) => el.dataset.sheetStep))).sort();
    const reveal = (step) => later.forEach((el) => {
      if (step === undefined || el.dataset.sheetStep === step) el.hidden = false;
    });
    const revealFrom = (i) => i < steps.length && life.afterPaint(() => {
      reveal(steps[i]);
      revealFrom(i + 1);
    });
    revealFrom(0);
    // Printing from this view prints this sheet alone (timer.css), all of it. The class is on <html>
    // only while the page prints (or a browser shows it as printed): a class change there restyles
    // every element of the page, which at each start of the timer cost more than drawing the sheet.
    const printing = window.matchMedia("print");
    const mark = (on) => {
      if (on) reveal();
      document.documentElement.classList.toggle("ih-print-sheet", on);
    };
    life.listen(window, "beforeprint", () => mark(true));
    life.listen(window, "afterprint", () => mark(printing.matches));
    life.listen(printing, "change", () => mark(printing.matches));
    mark(printing.matches);
    life.onLeave(() => mark(false));
    $("[data-sheet-title]").textContent = title;
    dateInput.value = (saved && saved.datum) || isoDay(new Date());
    startInput.value = start || "";
    $("[data-sheet-name]").placeholder = title;
    if (saved) $("[data-sheet-name]").value = saved.naam;
    const blockLabels = labelsInOrder(plan.blocks.map((b) => b.key), labels);

    const linkNow = () => {
      const { request } = P.decode(link);
      request.start = startInput.value || null;
      return P.encode(request);
    };

    const draw = () => {
      const chosen = startInput.value || null;
      const { rows, end, total } = sheetRows(plan, chosen, blockLabels);
      const body = $("[data-sheet-rows]");
      body.textContent = "";
      for (const r of rows) {
        const tr = document.createElement("tr");
        tr.className = `ih-sheet__${r.kind}`;
        tr.dataset.planBlock = r.block;
        cell(tr, r.time, "th").scope = "row";
        const name = cell(tr, r.name);
        if (r.label) {
          const label = document.createElement("span");
          label.className = "ih-sheet__label";
          label.textContent = r.label;
          name.append(" ", label);
        }
        if (r.round) {
          const round = document.createElement("span");
          round.className = "ih-timer__round";
          round.textContent = ` (${r.round})`;
          name.append(round);
        }
        cell(tr, r.what);
        cell(tr, r.who);
        cell(tr, NL.minutes(r.minutes));
        body.append(tr);
      }
      $("[data-sheet-end]").textContent = NL.end(end);
      $("[data-sheet-total]").textContent = NL.minutes(total);
      $("[data-sheet-date-text]").textContent = longDate(dateInput.value);
      $("[data-sheet-span]").textContent = chosen ? NL.between(rows.length ? rows[0].time : chosen, end) : "";
    };
    draw();
    life.listen(dateInput, "input", draw);
    life.listen(startInput, "input", draw);

    // A saved plan brings its own names back; otherwise the names typed last time.
    const roles = saved && saved.rollen ? saved.rollen : cleanRoles(store.roles.read());
    const rolesStatus = $("[data-sheet-roles-status]");
    const unsaved = new Set(); // roles whose name here could not be stored: another tab's must not undo it
    for (const input of sheet.querySelectorAll("[data-sheet-role]")) {
      const key = input.dataset.sheetRole;
      input.value = Object.hasOwn(roles, key) ? roles[key] : "";
      life.listen(input, "input", () => {
        const { ok } = saveRole(store, key, input.value);
        if (ok) unsaved.delete(key);
        else unsaved.add(key);
        // Said once when keeping fails, and taken back once it works again, not at every key.
        if (rolesStatus && ok === Boolean(rolesStatus.textContent)) rolesStatus.textContent = ok ? "" : NL.rolesNotKept;
      });
    }
    // Names typed in another tab show here too, except in the field the reader is typing in. A saved
    // plan's own names are that plan's: they stay as the plan has them.
    if (!saved) {
      store.roles.watch(life, (data) => {
        const now = cleanRoles(data);
        for (const input of sheet.querySelectorAll("[data-sheet-role]")) {
          if ((input === document.activeElement && document.hasFocus()) || unsaved.has(input.dataset.sheetRole)) continue;
          input.value = Object.hasOwn(now, input.dataset.sheetRole) ? now[input.dataset.sheetRole] : "";
        }
      });
    }

    life.listen($("[data-sheet-print]"), "click", () => window.print());
    life.listen($("[data-sheet-save]"), "click", () => {
      const field = $("[data-sheet-name]");
      const naam = (field.value.trim() || title).slice(0, MAX_NAME);
      const names = {};
      for (const el of sheet.querySelectorAll("[data-sheet-role]")) if (el.value.trim()) names[el.dataset.sheetRole] = el.value;
      const entry = { naam, link: linkNow(), dag: isoDay(new Date()) };
      if (longDate(dateInput.value)) entry.datum = dateInput.value;
      if (Object.keys(cleanLabels(labels)).length) entry.labels = cleanLabels(labels);
      if (Object.keys(cleanRoles(names)).length) entry.rollen = cleanRoles(names);
      const next = savePlan(store, entry);
      if (next.unreadable) say(NL.unreadable);
      else if (!next.ok) say(NL.notSaved);
      else say(next.replaced ? NL.replaced(naam) : NL.saved(naam));
    });
    life.listen($("[data-sheet-copy]"), "click", async () => {
      const href = new URL(linkNow(), window.location.href).href;
      try {
        await navigator.clipboard.writeText(href);
        say(NL.copied);
      } catch (e) {
        say(NL.copyFailed(href));
      }
    });
  }

  /**
   * The planner of this tab hears that another tab changed the evening being built: say so under the
   * planner's report, with a button that loads the page afresh with the evening as stored now (the
   * planner of /timer/ without a query starts from it). Shown once; it goes with the page.
   * @param {Element} report the planner's report ([data-timer-builder-report])
   */
  function eveningElsewhere(report) {
    if (report.parentElement.querySelector("[data-timer-other-evening]")) return;
    const box = document.createElement("p");
    box.className = "ih-store-warning";
    box.dataset.timerOtherEvening = "";
    box.setAttribute("role", "status");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button ih-planner__small";
    button.textContent = NL.showEvening;
    // A full load of the page without a query: no link, so instant navigation does not take it.
    button.addEventListener("click", () => window.location.assign(window.location.pathname));
    box.append(NL.eveningElsewhere, " ", button);
    report.after(box);
  }

  /**
   * List the saved plans in the choosing view: open (a link) and delete. Newest first, the first
   * SHOWN_PLANS and a button for the rest. Opening the page never writes: plans it cannot read stay
   * stored (a later version of the site may read them) and are only said.
   * @param {{root: Element, life: object}} options
   */
  function mountSaved({ root, life }) {
    const box = root.querySelector("[data-timer-saved]");
    if (!box) return;
    const all = stores();
    const list = box.querySelector("[data-saved-list]");
    const status = box.querySelector("[data-saved-status]");
    const say = sayer(status, life);
    const loaded = all.plans.load();
    let { plans, skipped } = cleanPlans(loaded.data);
    if (loaded.discarded) status.textContent = NL.unreadableList;
    else if (skipped) status.textContent = NL.discarded;
    let showAll = false;
    let more = null;

    const item = (plan) => {
      const li = document.createElement("li");
      li.className = "ih-saved__item";
      li.dataset.savedPlan = plan.naam;
      const a = document.createElement("a");
      a.href = plan.link;
      a.textContent = plan.naam;
      a.dataset.savedOpen = "";
      li.append(a);
      if (plan.dag) {
        const when = document.createElement("span");
        when.className = "ih-saved__day";
        when.textContent = ` (${NL.savedOn(longDate(plan.dag))})`;
        li.append(when);
      }
      const del = document.createElement("button");
      del.type = "button";
      del.className = "md-button ih-planner__small";
      del.textContent = NL.remove;
      del.setAttribute("aria-label", NL.removeLabel(plan.naam));
      del.dataset.savedDelete = "";
      li.append(" ", del);
      return li;
    };

    /**
     * @param {{focus?: number, keep?: boolean}} [how] focus: the place of the delete button to focus (the
     *   heading when none is left there); keep: keep the focus on the plan (by name) it is on
     */
    const draw = (how = {}) => {
      const active = document.activeElement;
      const onPlan = how.keep && list.contains(active) ? active.closest("[data-saved-plan]") : null;
      const focusName = onPlan ? onPlan.dataset.savedPlan : null;
      const focusWhat = onPlan && active.matches("[data-saved-delete]") ? "[data-saved-delete]" : "[data-saved-open]";
      const shown = showAll ? plans : plans.slice(0, SHOWN_PLANS);
      const fragment = document.createDocumentFragment();
      for (const plan of shown) fragment.append(item(plan));
      list.textContent = "";
      list.append(fragment);
      if (plans.length > shown.length) {
        if (!more) {
          more = document.createElement("button");
          more.type = "button";
          more.className = "md-button ih-planner__small";
          more.dataset.savedAll = "";
          life.listen(more, "click", () => {
            const at = shown.length;
            showAll = true;
            draw();
            // The first plan that was not shown before takes the focus, so a keyboard reader goes on there.
            const next = list.querySelectorAll("[data-saved-open]")[at];
            if (next) next.focus();
          });
        }
        more.textContent = NL.showAll(plans.length);
        list.after(more);
      } else if (more) more.remove();
      // Shown when there is something to open or to tell; it stays while the reader deletes.
      if (how.focus === undefined) box.hidden = !plans.length && !status.textContent;
      if (how.focus !== undefined) {
        const buttons = list.querySelectorAll("[data-saved-delete]");
        (buttons[how.focus] || box.querySelector("h2")).focus();
      } else if (focusName !== null) {
        const again = Array.from(list.children).find((li) => li.dataset.savedPlan === focusName);
        if (again) again.querySelector(focusWhat).focus();
      }
    };

    // One listener for every delete button, so that thousands of plans do not mean thousands of listeners.
    life.listen(list, "click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const open = target && target.closest("[data-saved-open]");
      if (open) {
        // The link carries no name, date or labels: the evening record tells the running view which plan it is.
        const plan = plans.find((p) => p.naam === open.closest("[data-saved-plan]").dataset.savedPlan);
        if (plan) all.evening.write(eveningOf(plan));
        return;
      }
      const del = target && target.closest("[data-saved-delete]");
      if (!del) return;
      const li = del.closest("[data-saved-plan]");
      const naam = li.dataset.savedPlan;
      const at = Array.from(list.children).indexOf(li);
      const result = deletePlan(all, naam);
      // The list as storage holds it now: also what another tab saved meanwhile.
      plans = result.plans;
      if (!result.ok) say(NL.notRemoved(naam));
      else say(NL.removed(naam));
      draw({ focus: Math.min(at, Math.min(plans.length, showAll ? plans.length : SHOWN_PLANS) - 1) });
    });
    // Another tab saved or deleted a plan: show the list as it is now.
    all.plans.watch(life, (data) => {
      plans = cleanPlans(data).plans;
      draw({ keep: true });
    });
    draw();
  }

  return { eveningElsewhere, mountSheet, mountSaved };
});
