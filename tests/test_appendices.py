"""The appendices a group uses at the table: roles, the two forms (kept only in this browser),
printing, the whole handbook on one page and the privacy page."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import ROOT, copy_project, load_fails_plainly, reload_once_stored

ROLES = yaml.safe_load((ROOT / "data/roles.yml").read_text(encoding="utf-8"))
FORMS = yaml.safe_load((ROOT / "data/forms.yml").read_text(encoding="utf-8"))
FORM_PAGES = {"casusinbreng": "bijlagen/casusinbrengformulier/", "reflectie": "bijlagen/reflectieformulier/"}
CHAPTERS = yaml.safe_load((ROOT / "data/handbook.yml").read_text(encoding="utf-8"))["hoofdstukken"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def text_of(node) -> str:  # noqa: ANN001
    return " ".join(node.get_text().split())


def squash(text: str) -> str:
    return " ".join(text.split())


# --- roles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(ROLES))
def test_every_role_appears_on_its_page_under_its_own_anchor(site_dir: Path, key: str) -> None:
    role = ROLES[key]
    section = soup(site_dir / "bijlagen/rollen/index.html").select_one(f'[data-role="{key}"]')
    assert section is not None, key
    heading = section.find("h2")
    assert heading["id"] == key and heading.get_text(strip=True).rstrip("¶") == role["naam"]
    shown = text_of(section)
    for line in [role["beschrijving"], *role["verantwoordelijkheden"], *role.get("vragen", []), *role.get("ook_genoemd", [])]:
        assert squash(line) in shown, (key, line)


def test_each_role_lists_the_methods_that_use_it(site_dir: Path) -> None:
    page = soup(site_dir / "bijlagen/rollen/index.html")
    for path in sorted((ROOT / "data/methods").glob("*.yml")):
        method = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in method["rollen"]:
            links = [a["href"] for a in page.select(f'[data-role="{key}"] [data-role-methods] a')]
            assert f"../../methoden/{path.stem}/" in links, (key, path.stem)


def test_role_links_on_method_pages_land_on_a_role(site_dir: Path) -> None:
    anchors = {s["data-role"] for s in soup(site_dir / "bijlagen/rollen/index.html").select("[data-role]")}
    checked = 0
    for html in (site_dir / "methoden").glob("*/index.html"):
        for link in soup(html).select('a[href*="bijlagen/rollen/#"]'):
            assert link["href"].split("#")[1] in anchors, (html, link["href"])
            checked += 1
    assert checked > 0


# --- forms ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(FORMS))
def test_every_question_of_a_form_is_a_labelled_field_on_its_page(site_dir: Path, key: str) -> None:
    form = soup(site_dir / FORM_PAGES[key] / "index.html").select_one(f'form[data-form="{key}"]')
    assert form["data-storage-key"] == f"intervisie.formulier.{key}.v1"
    for field in FORMS[key]["velden"]:
        control = form.select_one(f'[name="{field["sleutel"]}"]')
        assert control is not None, field["sleutel"]
        label = form.select_one(f'label[for="{control["id"]}"]')
        assert label.get_text(strip=True) == field["label"]
        assert form.select_one(f'[data-print-for="{field["sleutel"]}"]') is not None
    assert "blijft op dit apparaat" in text_of(form.select_one(".ih-form__notice"))


def _fill(page, key: str) -> dict[str, str]:  # noqa: ANN001
    """Type an answer into every field of a form, as a reader would; returns what was typed."""
    typed = {}
    for field in FORMS[key]["velden"]:
        control = page.locator(f'[data-form="{key}"] [name="{field["sleutel"]}"]')
        value = "2025-03-07" if field["soort"] == "datum" else f"Antwoord bij {field['label'].lower()}"
        if field["soort"] == "datum":
            control.fill(value)
        else:
            control.press_sequentially(value[:6])
            control.fill(value)
        typed[field["sleutel"]] = value
    return typed


def test_form_keeps_answers_across_a_reload_and_erases_them_after_confirmation(page, console_errors) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(FORM_PAGES["casusinbreng"])
    typed = _fill(page, "casusinbreng")
    reload_once_stored(page)
    for name, value in typed.items():
        assert page.locator(f'[name="{name}"]').input_value() == value, name

    page.get_by_role("button", name="Wis mijn antwoorden").click()
    confirm = page.locator("[data-form-confirm]")
    assert confirm.is_visible()
    page.get_by_role("button", name="Nee, bewaren").click()
    assert not confirm.is_visible()
    assert page.locator('[name="naam"]').input_value() == typed["naam"]

    page.get_by_role("button", name="Wis mijn antwoorden").click()
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(page.locator("[data-form-status]")).to_contain_text("gewist")
    assert page.evaluate("localStorage.getItem('intervisie.formulier.casusinbreng.v1')") is None
    reload_once_stored(page)
    for name in typed:
        assert page.locator(f'[name="{name}"]').input_value() == "", name
    assert dialogs == [], "erasing must ask in the page, not with a blocking dialog"
    assert console_errors == []


def test_saved_answers_are_looked_up_by_name_only(page, console_errors) -> None:
    saved = {"antwoorden": {"__proto__": "p", "toString": "t", "kernvraag": "Mijn vraag", "naam": ["x"] * 50_000,
                            "verwachting": {"constructor": 1}}}
    page.add_init_script(
        f"localStorage.setItem('intervisie.formulier.casusinbreng.v1', {json.dumps(json.dumps(saved))});"
    )
    page.goto(FORM_PAGES["casusinbreng"])
    assert page.locator('[name="kernvraag"]').input_value() == "Mijn vraag"
    assert page.locator('[name="naam"]').input_value() == ""  # not a string: not an answer
    assert page.locator('[name="verwachting"]').input_value() == ""
    parsed = page.evaluate(
        """(raw) => {
        const F = Intervisie.forms;
        const names = (m) => [...m.keys()];
        return {
          saved: names(F.parseSaved(raw)),
          empty: ["constructor", "toString", "__proto__"].filter((k) => F.parseSaved('{"antwoorden": {}}').has(k)),
          array: names(F.parseSaved('{"antwoorden": ["a", "b"]}')),
        };
    }""",
        json.dumps(saved),
    )
    assert parsed == {"saved": ["__proto__", "toString", "kernvraag"], "empty": [], "array": []}
    assert console_errors == []


def test_two_forms_keep_their_answers_apart(page) -> None:
    page.goto(FORM_PAGES["casusinbreng"])
    page.locator('[name="naam"]').fill("Inbrenger Ineke")
    page.goto(FORM_PAGES["reflectie"])
    assert page.locator('[name="naam"]').input_value() == ""
    page.locator('[name="naam"]').fill("Deelnemer Dirk")
    page.goto(FORM_PAGES["casusinbreng"])
    assert page.locator('[name="naam"]').input_value() == "Inbrenger Ineke"


def test_download_is_a_text_file_with_the_typed_answers(page, tmp_path: Path) -> None:
    page.goto(FORM_PAGES["reflectie"])
    typed = _fill(page, "reflectie")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als tekstbestand").click()
    download = info.value
    assert re.fullmatch(r"reflectieformulier-\d{4}-\d{2}-\d{2}\.txt", download.suggested_filename)
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Reflectieformulier\n")
    for field in FORMS["reflectie"]["velden"]:
        assert field["label"] in text
        expected = "7-3-2025" if field["soort"] == "datum" else typed[field["sleutel"]]
        assert expected in text


def test_printed_form_shows_the_answers_and_blank_lines_without_controls(page) -> None:
    page.goto(FORM_PAGES["casusinbreng"])
    page.locator('[name="kernvraag"]').fill("Hoe zeg ik nee tegen mijn leidinggevende?")
    page.emulate_media(media="print")
    answer = page.locator('[data-print-for="kernvraag"]')
    assert answer.is_visible() and answer.inner_text() == "Hoe zeg ik nee tegen mijn leidinggevende?"
    empty = page.locator('[data-print-for="achtergrond"]')
    assert empty.is_visible() and empty.inner_text() == ""
    assert empty.bounding_box()["height"] > 100  # room to write by hand
    assert not page.locator('[name="kernvraag"]').is_visible()
    for hidden in (".ih-form__actions", ".ih-form__notice", ".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden


# How many ruled lines each kind of field prints (min-height / line-height in forms.css).
PRINTED_LINES = {"regel": 1, "datum": 1, "kort": 3, "lang": 6}

RULED_ROWS = """async (png) => {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const rows = [];
  for (let y = 0; y < image.height; y++) {
    let dark = 0;
    for (let x = 0; x < image.width; x++) if (data[(y * image.width + x) * 4] < 200) dark++;
    if (dark > image.width / 2) rows.push(y);
  }
  return rows;
}"""


def ruled_lines(decoder, locator) -> list[int]:  # noqa: ANN001
    """The top pixel row of each line drawn across the element, as it looks in a screenshot."""
    rows = decoder.evaluate(RULED_ROWS, base64.b64encode(locator.screenshot()).decode())
    return [y for i, y in enumerate(rows) if i == 0 or rows[i - 1] != y - 1]


def test_blank_reflection_form_prints_every_field_on_the_same_ruled_lines(page) -> None:
    page.goto(FORM_PAGES["reflectie"])
    page.emulate_media(media="print")
    decoder = page.context.new_page()  # a blank page decodes the screenshots, outside the site's CSP
    pitches = {}
    for field in FORMS["reflectie"]["velden"]:
        box = page.locator(f'[data-print-for="{field["sleutel"]}"]')
        line_height = float(box.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)"))
        lines = ruled_lines(decoder, box)
        assert len(lines) == PRINTED_LINES[field["soort"]], (field["label"], lines)
        if len(lines) > 1:
            gaps = {b - a for a, b in zip(lines, lines[1:])}
            assert len(gaps) == 1, f"{field['label']}: lines at {lines}"
            pitches[field["label"]] = (gaps.pop(), line_height)
    several = [f["label"] for f in FORMS["reflectie"]["velden"] if PRINTED_LINES[f["soort"]] > 1]
    assert "Mogelijke oplossingen of suggesties" in several and sorted(pitches) == sorted(several)
    assert len(set(pitches.values())) == 1, pitches
    pitch, line_height = next(iter(pitches.values()))
    assert abs(pitch - line_height) <= 1, "the handwriting lines follow the line height of a printed answer"


# --- printing -----------------------------------------------------------------------------------------


def test_a_wide_table_scrolls_sideways_on_a_phone_inside_one_wrapper(page) -> None:
    """The wrapper comes with the page (the tables-already-wrapped row of sitebuild/finish/theme/patches.py);
    Material's script must not add a second one, nor move the table, once it has run."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("bijlagen/voorbeeldagenda/")
    page.wait_for_function("() => document.documentElement.hasAttribute('data-js-focus-visible')")  # the bundle ran
    shape = page.locator("article table").first.evaluate("""table => ({
        parents: [table.parentElement.className, table.parentElement.parentElement.className],
        wrappers: document.querySelectorAll('article .md-typeset__scrollwrap').length,
        tables: document.querySelectorAll('article table').length,
        nested: document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length,
        scrolls: table.parentElement.parentElement.scrollWidth > table.parentElement.parentElement.clientWidth,
    })""")
    assert shape == {"parents": ["md-typeset__table", "md-typeset__scrollwrap"], "wrappers": shape["tables"],
                     "tables": shape["tables"], "nested": 0, "scrolls": True}


@pytest.mark.parametrize("path", ["handboek/inleiding/", "methoden/vijfstappenmethode/", "bijlagen/rollen/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_shows_only_the_text_in_dark_ink(page, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print", color_scheme=scheme)
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     ".ih-search", ".ih-actions"):
        nodes = page.locator(selector)
        assert nodes.count() == 0 or not nodes.first.is_visible(), selector
    article = page.locator("article")
    assert article.is_visible()
    color = article.evaluate("el => getComputedStyle(el).color")
    channels = [int(c) for c in re.findall(r"\d+", color)[:3]]
    assert max(channels) < 80, f"text prints as {color}"


def test_whole_handbook_page_holds_every_chapter_in_order(site_dir: Path) -> None:
    page = soup(site_dir / "afdrukken/index.html")
    article = page.select_one("article")
    markers = [m["id"] for m in article.select("[data-book-chapter]")]
    assert markers == [f"hoofdstuk-{c['slug']}" for c in CHAPTERS]
    titles = [text_of(h).rstrip("¶").strip() for h in article.find_all("h2")]
    positions = [titles.index(c["titel"]) for c in CHAPTERS]
    assert positions == sorted(positions)
    assert article.find_all("h1") and len(article.find_all("h1")) == 1
    ids = [e["id"] for e in page.select("[id]")]
    assert len(ids) == len(set(ids)), "duplicate ids on the print page"
    for chapter in CHAPTERS:  # each chapter's own text is there, not only its title
        own = soup(site_dir / "handboek" / chapter["slug"] / "index.html").select_one("article p:not(.ih-kicker)")
        if own is not None:
            assert text_of(own) in text_of(article), chapter["slug"]


def test_whole_handbook_links_resolve_from_its_own_address(site_dir: Path) -> None:
    for link in soup(site_dir / "afdrukken/index.html").select("article a[href]"):
        href = link["href"].split("#")[0].split("?")[0]
        if not href or re.match(r"^[a-z]+:", href):
            continue
        target = (site_dir / "afdrukken" / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), link["href"]


# --- privacy -----------------------------------------------------------------------------------------


def _storage_keys_in_scripts() -> set[str]:
    """Every localStorage key the site's scripts spell out, including `${KEY}.suffix` forms."""
    keys: set[str] = set()
    for script in (ROOT / "docs/assets/javascripts").rglob("*.js"):
        source = script.read_text(encoding="utf-8")
        consts = dict(re.findall(r"const (\w+) = \"(intervisie\.[\w.]+)\"", source))
        keys |= set(consts.values())
        for name, suffix in re.findall(r"\$\{(\w+)\}(\.[\w.]+)", source):
            if name in consts:
                keys.add(consts[name] + suffix)
        keys |= {k for k in re.findall(r"[\"'`](intervisie\.[a-z][\w.]*\.v\d+[\w.]*)[\"'`]", source)}
    return keys - {"intervisie.formulier."}


def test_privacy_page_lists_every_key_the_scripts_store(site_dir: Path) -> None:
    listed = {c["data-storage-key"] for c in soup(site_dir / "privacy/index.html").select("[data-storage-key]")}
    in_scripts = _storage_keys_in_scripts()
    assert {"intervisie.timer.v1", "intervisie.kaarten.v1"} <= in_scripts  # the scan itself works
    in_scripts |= {f"intervisie.formulier.{key}.v1" for key in FORMS}
    assert in_scripts - listed == set()
    assert "__palette" in listed


def test_erase_everything_on_the_privacy_page_removes_only_this_sites_keys(page) -> None:
    page.goto("privacy/")
    listed = page.eval_on_selector_all("[data-storage-key]:not([data-storage-scope])", "els => els.map(e => e.dataset.storageKey)")
    page.evaluate(
        "keys => { for (const k of keys) localStorage.setItem(k, '1'); localStorage.setItem('ander.project', 'x'); }",
        listed,
    )
    reload_once_stored(page)
    assert page.locator("[data-storage-state]").first.inner_text() == "nu bewaard"
    page.get_by_role("button", name="Wis alles wat deze site bewaart").click()
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(page.locator("[data-storage-status]")).to_contain_text("gewist")
    left = page.evaluate("Object.keys(localStorage)")
    assert left == ["ander.project"]
    assert set(page.locator("[data-storage-state]").all_inner_texts()) == {"leeg"}


# --- bad data ----------------------------------------------------------------------------------------


def test_bad_form_data_stops_the_build_with_a_plain_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    forms = project / "data/forms.yml"
    text = forms.read_text(encoding="utf-8")
    forms.write_text(text.replace("soort: lang", "soort: heel-lang", 1), encoding="utf-8")
    load_fails_plainly(project, "data/forms.yml", "'casusinbreng'", "soort", "heel-lang")
