"""The three stages of sitebuild/ on their own, without a MkDocs build: load on data/, generate into a
folder, finish on a tiny hand-made site (as another generator, such as Zensical, would leave it)."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest
import yaml

from helpers import ROOT, copy_project
from sitebuild import __main__ as cli
from sitebuild.config import read_settings
from sitebuild.errors import DataError, FinishError
from sitebuild.finish import bundle, csp, theme
from sitebuild.generate import generated_files, handbook_nav, write_files
from sitebuild.load import load_site
from sitebuild.mkdocs_hooks import is_dev_server

KNOWN_INLINE = theme.own_script("early.js")  # overrides/main.html, filled in by the finish stage


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitebuild", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}, check=False)


# --- load ----------------------------------------------------------------------------------------


def test_load_stops_on_bad_data_with_one_plain_message_without_mkdocs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    method = project / "data/methods/basismodel.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("minuten: 10", "minuten: tien", 1), encoding="utf-8")
    probe = (
        "import sys\nfrom pathlib import Path\nfrom sitebuild.load import DataError, load_site\n"
        f"try:\n    load_site(Path({str(project)!r}))\nexcept DataError as e:\n    print(e)\n"
        "print('mkdocs' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    message, mkdocs_loaded = result.stdout.strip().rsplit("\n", 1)
    assert "Fout in data/methods/basismodel.yml" in message and "'tien'" in message, message
    assert mkdocs_loaded == "False", "loading data must not need MkDocs"


def test_loaded_site_data_is_read_only() -> None:
    site = load_site(ROOT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        site.methods = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        site.methods["nieuw"] = site.methods["basismodel"]  # type: ignore[index]
    with pytest.raises(pydantic.ValidationError):
        site.methods["basismodel"].titel = "Anders"  # type: ignore[misc]


def test_cli_load_reports_a_missing_config_in_one_dutch_line(tmp_path: Path) -> None:
    result = run_cli("load", "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "bestaat niet" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("load").returncode == 0


# --- generate ------------------------------------------------------------------------------------


def test_generate_writes_a_page_per_method_and_the_api_into_a_folder(tmp_path: Path) -> None:
    slugs = sorted(p.stem for p in (ROOT / "data/methods").glob("*.yml"))
    result = run_cli("generate", "--into", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in (tmp_path / "methoden").glob("*.md")) == slugs
    api = json.loads((tmp_path / "api/methods.json").read_text(encoding="utf-8"))
    assert sorted(m["slug"] for m in api["methoden"]) == slugs
    assert sorted(p.name for p in (tmp_path / "api").iterdir()) == [
        "agenda.json", "cards.json", "chooser.json", "groep.schema.json", "method.schema.json", "methods",
        "methods-index.json", "methods.json"]
    assert sorted(p.stem for p in (tmp_path / "api/methods").iterdir()) == slugs
    # A second run replaces what the first wrote.
    assert write_files(generated_files(load_site(ROOT)), tmp_path)


def test_the_widgets_files_hold_what_they_need_of_methods_json_and_no_more(tmp_path: Path) -> None:
    """Issue 14: the chooser ranks on a compact index, the timer runs one method from its own file; both
    say what /api/methods.json (the open-data contract) says."""
    assert run_cli("generate", "--into", str(tmp_path)).returncode == 0
    api = tmp_path / "api"
    full = json.loads((api / "methods.json").read_text(encoding="utf-8"))
    index = json.loads((api / "methods-index.json").read_text(encoding="utf-8"))
    assert (api / "methods-index.json").stat().st_size * 4 < (api / "methods.json").stat().st_size
    assert index["casustypen"] == full["casustypen"]
    by_slug = {m["slug"]: m for m in full["methoden"]}
    assert sorted(by_slug) == sorted(m["slug"] for m in index["methoden"])
    for entry in index["methoden"]:
        method = by_slug[entry["slug"]]
        for key in ("titel", "casustypen", "advies", "niveau", "groepsgrootte", "tijd", "totaal_minuten", "kern_minuten"):
            assert entry[key] == method[key], (entry["slug"], key)
        assert [s["minuten"] for s in entry["stappen"]] == [s["minuten"] for s in method["stappen"]]
        assert not {"wat", "wie"} & {k for s in entry["stappen"] for k in s} and "samenvatting" not in entry
        one = json.loads((api / "methods" / f"{entry['slug']}.json").read_text(encoding="utf-8"))
        assert one["methoden"] == [method]
        assert set(one["casustypen"]) == set(method["casustypen"])
    # Alphabetical as a Dutch reader sorts: case and accents do not count.
    order = [m["titel"] for m in sorted(index["methoden"], key=lambda m: m["volgorde"])]
    assert order == sorted(order, key=lambda t: t.casefold()) and len(set(m["volgorde"] for m in index["methoden"])) == len(order)


def test_handbook_nav_lists_the_chapters_of_handbook_yml_in_order() -> None:
    site = load_site(ROOT)
    nav = [{"Home": "index.md"}, {"Handboek": ["handboek/index.md"]}, {"Timer": "timer/index.md"}]
    new = handbook_nav(nav, site)
    chapters = yaml.safe_load((ROOT / "data/handbook.yml").read_text(encoding="utf-8"))["hoofdstukken"]
    assert new[1]["Handboek"] == ["handboek/index.md", *({c["titel"]: f"handboek/{c['slug']}.md"} for c in chapters)]
    assert new[0] == nav[0] and new[2] == nav[2] and nav[1] == {"Handboek": ["handboek/index.md"]}
    with pytest.raises(DataError, match="Fout in mkdocs.yml.*'Handboek'"):
        handbook_nav([{"Home": "index.md"}], site)


# --- finish --------------------------------------------------------------------------------------

TINY_CONFIG = """\
site_name: Klein
docs_dir: docs
extra_css: [assets/stylesheets/a.css, assets/stylesheets/b.css]
extra_javascript: [assets/javascripts/common.js]
extra:
  widget_styles: [assets/stylesheets/demo.css]
  widget_scripts:
    "[data-demo]": [assets/javascripts/lib/shared.js, assets/javascripts/demo/view.js]
    "[data-solo]": assets/javascripts/solo.js
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""


def tiny_page(prefix: str, body: str, inline: str = KNOWN_INLINE) -> str:
    return (
        '<!doctype html><html lang="nl"><head>'
        '<meta http-equiv="Content-Security-Policy" content="__INTERVISIE_CSP__">'
        f"<script>{inline}</script>\n"
        f'    <link rel="stylesheet" href="{prefix}assets/stylesheets/a.css">\n'
        f'    <link rel="stylesheet" href="{prefix}assets/stylesheets/b.css">\n'
        "</head><body>"
        f'<article class="md-content__inner md-typeset">{body}</article>\n'
        f'    <script src="{prefix}assets/javascripts/common.js"></script>\n'
        "</body></html>"
    )


def tiny_site(root: Path, inline: str = KNOWN_INLINE) -> Path:
    """A project with mkdocs.yml and a site as a generator left it: pages link the sources."""
    (root / "mkdocs.yml").write_text(TINY_CONFIG, encoding="utf-8")
    site = root / "site"
    sources = {
        "assets/stylesheets/a.css": "body { color: black; }\n",
        "assets/stylesheets/b.css": "/* b */ p { margin: 0; }\n",
        "assets/stylesheets/demo.css": ".ih-demo { display: grid; }\n",
        "assets/javascripts/common.js": "window.common = 1;\n",
        "assets/javascripts/lib/shared.js": "window.shared = 'eerst';\n",
        "assets/javascripts/demo/view.js": "window.view = 'daarna';\n",
        "assets/javascripts/solo.js": "window.solo = 1;\n",
    }
    pages = {
        "index.html": tiny_page("", '<p class="ih-demo" data-demo>Demo</p>', inline),
        "over/index.html": tiny_page("../", "<p>Geen widget, wel 'ih-demo' als tekst</p>"),
        "404.html": tiny_page("/klein/", "<h1>Niet gevonden</h1>"),
    }
    for rel, text in {**sources, **pages}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


def test_finish_bundles_links_and_protects_a_folder_from_any_generator(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    assert cli.main(["finish", str(site), "--config", str(tmp_path / "mkdocs.yml")]) == 0

    assets = sorted(p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if p.is_file())
    assert [re.sub(r"\.[0-9a-f]{10}\.", ".#.", a) for a in assets] == [
        "assets/javascripts/intervisie-demo.#.js", "assets/javascripts/intervisie-solo.#.js",
        "assets/javascripts/intervisie.#.js", "assets/stylesheets/intervisie-demo.#.css",
        "assets/stylesheets/intervisie.#.css"]
    by_name = {re.sub(r"\.[0-9a-f]{10}\.", ".", a): a for a in assets}
    demo_js = (site / by_name["assets/javascripts/intervisie-demo.js"]).read_text(encoding="utf-8")
    assert demo_js.index("eerst") < demo_js.index("daarna"), "a widget's list of files is joined in order"
    common_js = (site / by_name["assets/javascripts/intervisie.js"]).read_text(encoding="utf-8")
    assert "window.common" in common_js
    assert json.dumps(by_name["assets/javascripts/intervisie-solo.js"]) in common_js  # the loader knows it
    assert "body{color:#000}p{margin:0}" in (site / by_name["assets/stylesheets/intervisie.css"]).read_text(encoding="utf-8")

    home, other, missing = (
        (site / rel).read_text(encoding="utf-8") for rel in ("index.html", "over/index.html", "404.html"))
    css, js, demo_css = (by_name[f"assets/{n}"] for n in
                         ("stylesheets/intervisie.css", "javascripts/intervisie.js", "stylesheets/intervisie-demo.css"))
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)">', home) == [css, demo_css]
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)">', other) == [f"../{css}"]
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)">', missing) == [f"/klein/{css}"]
    assert re.findall(r'<script src="([^"]+)">', other) == [f"../{js}"]
    assert "a.css" not in home and "common.js" not in home
    # The policy's <meta> stops Chromium's preload scanner: the head asks for what the body needs, after
    # its own stylesheets, and only for the widget scripts the loader will add on that page.
    demo_js_path = by_name["assets/javascripts/intervisie-demo.js"]
    head = home[: home.index("</head>")]
    assert re.findall(r'<link rel="preload" href="([^"]+)" as="(\w+)">', head) == [
        (demo_css, "style"), (js, "script"), (demo_js_path, "script")]
    assert head.rindex('rel="stylesheet"') < head.index('rel="preload"')
    assert re.findall(r'<link rel="preload" href="([^"]+)" as="(\w+)">', other) == [(f"../{js}", "script")]

    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', home).group(1)
    assert f"script-src 'self' {csp._sha256(KNOWN_INLINE)};" in policy and "unsafe-inline" not in policy

    precached = json.loads(re.search(r"const FILES = (\[.*?\]);", (site / "sw.js").read_text(encoding="utf-8")).group(1))
    assert "./" in precached and "over/" in precached and css in precached
    assert not any(name.endswith(("a.css", "common.js", "view.js")) for name in precached)


def test_finish_refuses_an_unknown_inline_script_and_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    site = tiny_site(tmp_path, inline="fetch('https://example.org')")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = run_cli("finish", str(site), "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "index.html" in result.stderr and "niet zelf meelevert" in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(("css", "message"), [
    ("@media print {\n  p { margin: 0; }\n.ih-demo { display: grid; }\n", "demo.css, regel 1: dit blok"),
    ("/* { in a comment */ .ih-demo { content: \"}\"; }\n}\n", "demo.css, regel 2: een }"),
])
def test_finish_refuses_a_stylesheet_whose_blocks_do_not_close(tmp_path: Path, css: str, message: str) -> None:
    """A `}` lost in a merge once put the whole share panel's style inside `@media print`: the QR code
    grew past the screen and no phone could read it. The finish stage now names the file and line."""
    site = tiny_site(tmp_path)
    (site / "assets/stylesheets/demo.css").write_text(css, encoding="utf-8")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = run_cli("finish", str(site), "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(("js", "kept"), [
    ("const a = `${title} · ${done ? end : `Fase ${i} van ${n}`}`;", "`Fase ${i} van ${n}`"),
    ("f(x);\nconst b = `${x.map((y) => `${y} en ${z}`)}`;", " en ${z}`"),
])
def test_the_minifier_keeps_the_spaces_of_a_template_inside_a_template(js: str, kept: str) -> None:
    """rjsmin, the minifier before, dropped them there: `Fase ${i} van ${n}` came out as "Fase 2van 5"."""
    assert kept in bundle.minified_js("demo.js", js)


def test_the_minifier_shortens_local_names_and_keeps_global_ones() -> None:
    js = "var shared = 1;\n(function () {\n  const counted = shared + 1;\n  window.total = counted;\n})();\n"
    assert bundle.minified_js("demo.js", js) == "var shared=1;(function(){const e=shared+1;window.total=e})()"


def test_finish_names_the_script_and_line_the_minifier_cannot_read(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    (site / "assets/javascripts/demo/view.js").write_text("window.a = 1;\nwindow.b = (1 + ;\n")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = run_cli("finish", str(site), "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "demo/view.js, regel 2, kolom 17: de minifier" in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_part_brings_its_own_stylesheet_named_beside_its_script(tmp_path: Path) -> None:
    """A part's .css files become one stylesheet of its own (Intervisie.partStyles), which W.load waits for;
    a part may be style alone; the sources and a folder they leave empty are gone from the site."""
    site = tiny_site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(TINY_CONFIG.replace("markdown_extensions:", (
        "  widget_parts:\n"
        "    paneel: [assets/javascripts/paneel/view.js, assets/stylesheets/paneel/a.css, assets/stylesheets/paneel/b.css]\n"
        "    stijl: assets/stylesheets/paneel/stijl.css\n"
        "markdown_extensions:")), encoding="utf-8")
    for rel, text in {"assets/javascripts/paneel/view.js": "window.paneel = 1;\n",
                      "assets/stylesheets/paneel/a.css": ".ih-paneel { display: flex; }\n",
                      "assets/stylesheets/paneel/b.css": ".ih-paneel[hidden] { display: none; }\n",
                      "assets/stylesheets/paneel/stijl.css": ".ih-stijl { color: red; }\n"}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    assert cli.main(["finish", str(site), "--config", str(config)]) == 0
    assets = {re.sub(r"\.[0-9a-f]{10}\.", ".", p.relative_to(site).as_posix()): p
              for p in (site / "assets").rglob("*") if p.is_file()}
    assert assets["assets/stylesheets/intervisie-part-paneel.css"].read_text(encoding="utf-8") == (
        ".ih-paneel{display:flex}.ih-paneel[hidden]{display:none}")
    assert "assets/javascripts/intervisie-part-stijl.js" not in assets, "a part of style alone has no script"
    common = assets["assets/javascripts/intervisie.js"].read_text(encoding="utf-8")
    styles = json.loads(re.search(r"self\.Intervisie\.partStyles = (\{.*?\});", common)[1])
    assert styles == {name: assets[f"assets/stylesheets/intervisie-part-{name}.css"].relative_to(site).as_posix()
                      for name in ("paneel", "stijl")}
    assert not (site / "assets/stylesheets/paneel").exists() and not (site / "assets/javascripts/paneel").exists()


def test_joined_stylesheets_keep_the_end_of_a_statement_the_minifier_drops() -> None:
    sheets = [bundle.minified_css(rel, css) for rel, css in (("a.css", "@layer base;\n"), ("b.css", "p { margin: 0; }\n"))]
    assert bundle.joined_css(sheets) == "@layer base;p{margin:0}"


def test_the_served_qr_code_library_keeps_its_licence_notice() -> None:
    """The MIT licence of vendor/qrcodegen.js asks for its notice in every copy, the minified one too."""
    source = (ROOT / "docs/assets/javascripts/vendor/qrcodegen.js").read_text(encoding="utf-8")
    notice = re.search(r"/\*!\n(.*?)\*/", source, re.S).group(1)
    assert "Copyright (c) Project Nayuki. (MIT License)" in notice and "Permission is hereby granted" in notice
    bundles = bundle.make_bundles(bundle.reader(ROOT / "docs", "docs/"), read_settings(ROOT / "mkdocs.yml"))
    (qr,) = [code for path, code in bundles.outputs.items() if "/intervisie-part-qr." in path]
    assert notice in qr


def test_every_stylesheet_of_the_site_closes_its_blocks() -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    part_styles = [rel for files in settings.widget_parts.values() for rel in files if rel.endswith(".css")]
    assert part_styles, "the timer's parts bring their own style"
    for rel in (*settings.extra_css, *settings.widget_styles, *part_styles):
        bundle.balanced(rel, (ROOT / "docs" / rel).read_text(encoding="utf-8"))


def test_finish_reads_a_widget_script_given_as_one_file_or_as_a_list(tmp_path: Path) -> None:
    tiny_site(tmp_path)
    settings = read_settings(tmp_path / "mkdocs.yml")
    assert settings.widget_scripts == {
        "[data-demo]": ("assets/javascripts/lib/shared.js", "assets/javascripts/demo/view.js"),
        "[data-solo]": ("assets/javascripts/solo.js",),
    }


# --- the policy under `mkdocs serve` --------------------------------------------------------------


def test_only_the_dev_server_may_run_its_inline_reload_script() -> None:
    page = f"<script>{KNOWN_INLINE}</script><article>tekst</article>"
    served = csp.policy(page, dev_server=True)
    assert "script-src 'self' 'unsafe-inline';" in served and "sha256-" not in served  # a hash would void it
    assert "unsafe-inline" not in csp.policy(page)
    published = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert not is_dev_server(published, ("127.0.0.1", 8000)), "`mkdocs build` must never relax the policy"
    assert not is_dev_server(None, ("127.0.0.1", 8000))
    assert is_dev_server("http://127.0.0.1:8000/intervisiehandboek/", ("127.0.0.1", 8000))


def test_loading_again_reuses_the_site_until_a_data_file_changes(tmp_path: Path) -> None:
    # Zensical loads the data once per page; the cache must never hand out data older than the files.
    project = copy_project(tmp_path / "project")
    first = load_site(project)
    assert load_site(project) is first
    roles = project / "data" / "roles.yml"
    data = yaml.safe_load(roles.read_text(encoding="utf-8"))
    key = next(iter(data))
    data[key]["naam"] = "Tijdbewaker"
    roles.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    again = load_site(project)
    assert again is not first and again.roles[key].naam == "Tijdbewaker"
    # A removed file counts too: other methods still point at it, so loading fails now.
    (project / "data" / "methods" / "vissenkom.yml").unlink()
    with pytest.raises(DataError, match="'vissenkom' is onbekend"):
        load_site(project)


def test_finish_wraps_the_tables_as_the_theme_would_so_its_script_leaves_them_in_place(tmp_path: Path) -> None:
    """Material's script took every table without a class out of the page and put it back in two
    <div>s, making the browser style and lay it out again; the pages now come with those <div>s."""
    open_, close = theme.TABLE_WRAPPER
    page = ('<head></head><table><tr><td>nav</td></tr></table><article class="md-content__inner">'
            '<table>\n<tr><td><table data-x="1"><tr><td>in</td></tr></table></td></tr></table>'
            '<table class="ih-sheet__plan"><tr><td>own</td></tr></table><table class data-class-x><tr></tr></table>'
            '</article>')
    wrapped = theme.wrap_tables(page, "kiezen/index.html")
    assert wrapped == ('<head></head><table><tr><td>nav</td></tr></table><article class="md-content__inner">'
                       f'{open_}<table>\n<tr><td>{open_}<table data-x="1"><tr><td>in</td></tr></table>{close}'
                       f'</td></tr></table>{close}<table class="ih-sheet__plan"><tr><td>own</td></tr></table>'
                       '<table class data-class-x><tr></tr></table></article>')
    assert theme.wrap_tables("<p>geen artikel</p><table></table>", "x.html") == "<p>geen artikel</p><table></table>"
    with pytest.raises(FinishError, match=r"kiezen/index\.html: een <table> zonder </table>"):
        theme.wrap_tables("<article><table><tr><td>x</td></tr></article>", "kiezen/index.html")


# --- one builder among others --------------------------------------------------------------------


def test_the_stages_and_the_macros_import_no_mkdocs_module() -> None:
    """Only the MkDocs adapter (mkdocs_hooks.py) may load MkDocs: the stages and macros/ run under any builder."""
    code = ("import sys, sitebuild.load, sitebuild.generate, sitebuild.finish, sitebuild.__main__, macros;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False,
                            env={"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_stage_and_macro_stops_with_one_error_family() -> None:
    """One base class for every deliberate stop; only the MkDocs adapters turn it into MkDocs' PluginError."""
    from macros import env as macro_env
    from macros.appendices import AppendixError
    from macros.handbook import HandbookError
    from sitebuild.errors import SiteError

    for error in (DataError, FinishError, HandbookError, AppendixError):
        assert issubclass(error, SiteError) and error.__module__ == "sitebuild.errors", error
    from mkdocs.exceptions import PluginError  # the adapter's side: MkDocs is running here

    converted = macro_env.as_builder_error(HandbookError("Fout in data/x.yml"))
    assert isinstance(converted, PluginError) and str(converted) == "Fout in data/x.yml"
