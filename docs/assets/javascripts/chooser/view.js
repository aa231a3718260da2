/* Method chooser (/kiezen/), on the page: upgrades the [data-chooser] element that the page already
   contains, ranks with chooser/rank.js and clones the page's own <template> for every result. */
(function () {
  "use strict";

  const W = window.Intervisie.widget;
  const C = window.Intervisie.chooser;
  const { NL } = C;

  // Fetched once per visit: coming back to the page through instant navigation is immediate.
  let data = null;

  /**
   * The methods this group used in its recent meetings (/groep/, group/recent.js), said beside them in the
   * list: the handbook recommends variety. Read from this browser's storage only, when the page opens.
   */
  let recent = new Set();
  function readRecent() {
    try {
      const R = window.Intervisie.group;
      const group = R.storedGroup(window.localStorage);
      recent = new Set(group ? R.recentMethods(group, R.localToday()) : []);
    } catch (e) {
      recent = new Set();
    }
  }

  function item(template, entry, weak, answers, shared) {
    const m = entry.method;
    const li = template.content.firstElementChild.cloneNode(true);
    const field = (name) => li.querySelector(`[data-field="${name}"]`);
    const link = field("link");
    link.href = `../methoden/${entry.slug}/`;
    link.textContent = entry.titel;
    field("meta").textContent = NL.meta(C.duration(m), m.groepsgrootte.min, m.groepsgrootte.max);
    if (recent.has(entry.slug)) {
      field("meta").append(" · ", Object.assign(document.createElement("strong"), { className: "ih-result__recent", textContent: NL.recent }));
    }
    const groups = [[entry.fits, "ih-fit"], [entry.misses, "ih-miss"]];
    for (const [list, css] of weak ? groups.reverse() : groups) {
      for (const text of list.filter((t) => !shared.has(t))) {
        const reason = document.createElement("li");
        reason.className = css;
        reason.textContent = text;
        field("reasons").append(reason);
      }
    }
    if (!field("reasons").children.length) field("reasons").remove();
    field("timer").href = `../timer/${C.timerQuery(entry, answers)}`;
    // The evening itself lives in this browser; the planner adds the method to it (planning.js, toevoegen).
    field("evening").href = `../timer/?toevoegen=${encodeURIComponent(entry.slug)}`;
    field("evening").setAttribute("aria-label", NL.addToEvening(entry.titel));
    const variant = field("variant");
    if (entry.variant) {
      const a = variant.querySelector("a");
      a.href = `../methoden/${entry.variant.slug}/`;
      a.textContent = entry.variant.titel;
    } else variant.remove();
    if (weak) field("timer").classList.remove("md-button--primary");
    return li;
  }

  function showNotes(root, notes) {
    const note = root.querySelector("[data-chooser-note]");
    note.replaceChildren();
    note.hidden = !notes.length;
    if (!notes.length) return;
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = NL.notesTitle;
    const list = document.createElement("ul");
    for (const text of notes) list.append(Object.assign(document.createElement("li"), { textContent: text }));
    note.append(title, list);
  }

  /** Reasons every good method shares: said once above the list, so that each item shows what sets it apart. */
  function sharedReasons(good) {
    if (good.length < 3) return new Set();
    return new Set(good[0].fits.filter((t) => good.every((e) => e.fits.includes(t))));
  }

  function show(root, answers, [api, weights]) {
    const { good, weaker } = C.rank(api.methoden, answers, weights, api.casustypen);
    const template = root.querySelector("template[data-chooser-item]");
    const shared = sharedReasons(good);
    const common = root.querySelector("[data-chooser-common]");
    common.hidden = !shared.size;
    common.textContent = shared.size ? NL.shared([...shared]) : "";
    root.querySelector("[data-chooser-results]").replaceChildren(...good.map((e) => item(template, e, false, answers, shared)));
    const weak = root.querySelector("[data-chooser-weaker]");
    weak.querySelector("ol").replaceChildren(...weaker.map((e) => item(template, e, true, answers, new Set())));
    weak.hidden = !weaker.length;
    let text = NL.count(good.length, weaker.length);
    if (!Object.keys(answers).length) text = NL.unranked(good.length);
    else if (!good.length) text = NL.noneFits(weaker.length);
    const count = root.querySelector("[data-chooser-count]");
    if (count.textContent !== text) count.textContent = text; // a live region: speak only real changes
    root.querySelectorAll("[data-chooser-jump-count]").forEach((el) => (el.textContent = `(${good.length})`));
    // In-page links keep the answers: a bare "#..." would lose the query on some phones' navigation.
    root.querySelectorAll("[data-chooser-jump]").forEach((a) => (a.href = location.pathname + C.toQuery(answers) + "#ih-kies-resultaten"));
    root.querySelector(".ih-chooser__out").removeAttribute("aria-busy");
  }

  function fillForm(form, answers) {
    for (const key of C.FIELDS) {
      const value = Object.hasOwn(answers, key) ? String(answers[key]) : "";
      for (const input of form.querySelectorAll(`[name="${key}"]`)) {
        if (input.type === "radio") input.checked = input.value === value;
        else input.value = value;
      }
    }
  }

  // The case-type keys are the values of the form's radios, so a link is checked before any fetch.
  const caseKeys = (form) => [...form.querySelectorAll('[name="casus"]')].map((i) => i.value).filter(Boolean);
  const readForm = (form) => C.parse(new URLSearchParams(new FormData(form)), caseKeys(form));

  function start(root, form, life, loaded) {
    show(root, readForm(form).answers, loaded);
    // A held arrow key changes the minutes ~30 times a second: more than browsers let a page write its address.
    const address = W.address(life);
    const update = () => {
      const { answers, notes } = readForm(form);
      showNotes(root, notes);
      show(root, answers, loaded);
      address.write(location.pathname + C.toQuery(answers) + location.hash);
    };
    life.listen(form, "input", update);
    life.listen(form, "change", update);
    life.listen(form, "submit", (event) => {
      event.preventDefault();
      update();
    });
    // Jump to the results without a navigation: Material's instant loading would fetch the page again.
    root.querySelectorAll("[data-chooser-jump]").forEach((a) => life.listen(a, "click", (event) => {
      event.preventDefault();
      const out = root.querySelector("#ih-kies-resultaten");
      out.scrollIntoView();
      out.querySelector("h2").focus({ preventScroll: true });
    }));
    life.listen(root.querySelector("[data-chooser-clear]"), "click", () => {
      fillForm(form, {});
      update();
    });
  }

  W.mount("[data-chooser]", (root, life) => {
    C.configure(W.limitsOf(root));
    readRecent();
    const form = root.querySelector("[data-chooser-form]");
    const { answers, notes } = C.parse(location.search, caseKeys(form));
    fillForm(form, answers);
    showNotes(root, notes);
    // Not aborted on leaving: the files are kept for the next visit of the page.
    data = data || W.fetchJSON([root.dataset.src, root.dataset.weights]);
    data.then(
      (loaded) => life.active && start(root, form, life, loaded),
      () => {
        data = null;
        if (!life.active) return;
        root.querySelector(".ih-chooser__out").removeAttribute("aria-busy");
        root.querySelector("[data-chooser-count]").textContent = NL.failed;
      },
    );
  });
})();
