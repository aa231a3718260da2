"""The patch table: every change the finish stage makes inside a theme's own files, one row each.

A row names the theme files it changes (a pattern of their path in the built site), why, what it was
measured to bring, when it can go, and per known version of such a file (by the sha256 of the file as the
theme ships it) the exact text before and after. A built file that matches a row's pattern but whose sha256
the row does not know stops the build with one message naming the row (sitebuild/finish/theme/__init__.py):
a theme update is then a conscious choice per row (measure again, then re-derive the text or drop the row),
never a silent miss. Nothing here matches a minifier's variable names by pattern: each text is literal.

tests/test_theme_wall.py checks every row against the theme files installed in .venv (Material) and
.venv-zensical (Zensical).
"""

from __future__ import annotations

from dataclasses import dataclass

# sha256 of the theme files as shipped: Material 9.8 (bundle.a5f9d56c.min.js, palette.fb2fffe2.min.css) and
# Zensical 0.0.73 (bundle.77dd0ce9.min.js, classic/palette.813d4b3f.min.css).
MATERIAL_BUNDLE = "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f"
ZENSICAL_BUNDLE = "77dd0ce9ff23ea38e24ba37d8cea7a9eb094f4a99928d294b490f61635b55836"
MATERIAL_PALETTE = "fb2fffe2c525a359e29ee030c77ffdead459d9d73888c34213d4773262a832ab"
ZENSICAL_PALETTE = "813d4b3f9620efdf6930ed127ee971069678d9a5cd3c6fb89520672c748f67af"

BUNDLE = r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"
PALETTE = r"assets/stylesheets/(?:classic/)?palette\.[0-9a-f]{8}\.min\.css"


@dataclass(frozen=True)
class Patch:
    name: str
    files: str  # regular expression for the path of the theme's file in the built site (the theme's hashed name)
    why: str
    gain: str
    drop_when: str
    # sha256 of the file as the theme ships it -> the exact (before, after) texts, each `before` found once
    edits: dict[str, tuple[tuple[str, str], ...]]


SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")
TABLE_QUERY = ('"table:not([class])"', '"table:not([class]):not(.md-typeset__table>table)"')


def _links(fn: str, query: str, var: str) -> tuple[str, str]:
    before = f'function {fn}(e){{for(let t of {query}("[href], [src]",e))for(let r of["href","src"]){{let {var}='
    after = (f'function {fn}(e){{for(let t of {query}("[href], [src]",e))if(e!==document||!t.matches('
             f'"link[rel~=stylesheet][href]")||(t.__ihHref=t.href,!1))for(let r of["href","src"]){{let {var}=')
    return before, after


def _head(fn: str, query: str) -> tuple[str, str]:
    before = f'function {fn}(e){{let t=new Map;for(let r of {query}(":scope > *",e.head))t.set(r.outerHTML,r)'
    after = (f'function {fn}(e){{let t=new Map;for(let r of {query}(":scope > *",e.head))t.set(r.__ihHref?'
             'r.outerHTML.replace(r.getAttribute("href"),r.__ihHref):r.matches("meta[name=color-scheme]")?'
             '"color-scheme":r.outerHTML,r)')
    return before, after


def _scheme_meta(var: str, make: str) -> tuple[str, str]:
    return (f'let {var}={make}("meta",{{name:"color-scheme"}});document.head.appendChild({var});',
            f'let {var}=document.querySelector("meta[name=color-scheme]")||'
            f'document.head.appendChild({make}("meta",{{name:"color-scheme"}}));')


def _set_scheme(meta: str, style: str) -> tuple[str, str]:
    return (f"return {meta}.content={style}.colorScheme,",
            f"return {meta}.content!=={style}.colorScheme&&({meta}.content={style}.colorScheme),")


PATCHES: tuple[Patch, ...] = (
    Patch(
        name="palette-switching-rule",
        files=PALETTE,
        why=("The palette script marks <body> with data-md-color-switching and unmarks it a frame later on every "
             "page load, not only on a switch; this rule then restyles every element twice. Without it the mark "
             "matches nothing; a switch by the toggle fades over the theme's own transition times."),
        gain="timer page: style time 89 -> 68 ms of a 380 ms load (commit 9df6b8f)",
        drop_when="the theme marks <body> only when the reader switches, or drops the rule itself",
        edits={MATERIAL_PALETTE: ((SWITCHING_RULE, ""),), ZENSICAL_PALETTE: ((SWITCHING_RULE, ""),)},
    ),
    Patch(
        name="tables-already-wrapped",
        files=BUNDLE,
        why=("The content script takes every table without a class out of the page and puts it back in two "
             "<div>s for sideways scrolling, so the browser styles and lays it out again. The finish stage writes "
             "that wrapper into the pages (wrap_tables); the script skips tables already in it. A class on the "
             "table would avoid the script without a patch, but the theme styles only tables without a class."),
        gain="chooser page: ~100 ms of CPU at 4x throttling, its most costly step of a load (commit 7c8db69)",
        drop_when="the theme wraps tables at build time, or styles tables with a class it lets us set",
        edits={MATERIAL_BUNDLE: (TABLE_QUERY,), ZENSICAL_BUNDLE: (TABLE_QUERY,)},
    ),
    Patch(
        name="stylesheet-links-kept",
        files=BUNDLE,
        why=("Instant navigation, as it starts, makes every relative href absolute by assigning it to itself; for a "
             "stylesheet link that makes the browser parse the sheet again and restyle the page. The page's own "
             "sheets keep their address and carry the absolute one along, and the comparison of heads reads it, "
             "so the next page's head still matches and nothing loads twice."),
        gain="bundle start-up on /kiezen/ 146 -> 94 ms, median of 7 cold loads (commit 08bf0e8)",
        drop_when="instant navigation is switched off, or the theme compares heads without rewriting addresses",
        edits={MATERIAL_BUNDLE: (_links("vi", "M", "o"), _head("bi", "M")),
               ZENSICAL_BUNDLE: (_links("Dc", "k", "n"), _head("Nc", "k"))},
    ),
    Patch(
        name="colour-scheme-meta-kept",
        files=BUNDLE,
        why=("The palette script adds its own colour-scheme meta and sets it on every start, also to the value it "
             "already has: each is a change of the page's colour scheme and restyles the whole page. The pages "
             "come with the meta (overrides/main.html); the script takes it and sets it only when it differs."),
        gain="full-page restyles in the theme's start-up on /kiezen/: 3 -> 0 together with the row above "
             "(commit f81cd35)",
        drop_when="the theme ships the meta in its template and sets it only on a change",
        edits={MATERIAL_BUNDLE: (_scheme_meta("o", "x"), _set_scheme("o", "a")),
               ZENSICAL_BUNDLE: (_scheme_meta("n", "C"), _set_scheme("n", "s"))},
    ),
)
