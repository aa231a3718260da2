"""Finish: small fixes to Material's HTML and CSS that our own CSS cannot make.

Material's palette script marks <body> with data-md-color-switching and unmarks it a frame later
on every page load, not only when the reader switches colours; its palette stylesheet has a rule
for every element under a marked body, so each mark restyles the whole page: two extra full style
passes per page load (the timer page: a quarter of its style time). Without that rule the mark
matches nothing and costs nothing; a switch by the toggle then fades the colours over Material's
own transition times instead of changing them at once. Same policy: one exact removal, loud if
the stylesheet changes.

Material's content script wraps every table without a class in two <div>s for sideways scrolling by
taking the table out of the page and putting it back: the browser styles and lays out the whole
table again (on the chooser page the single most costly step of a page load, ~100 ms of a phone's
CPU). Here the pages get that wrapper as built, and the theme's script skips tables that already
have it; both exact, both loud if the theme changes its markup or its script.

Material's instant navigation, as it starts, makes every relative `href` and `src` of the page
absolute by assigning each to itself, so that the head of a page it fetches later can be compared
with this one by markup. For a <link rel="stylesheet"> that assignment makes the browser throw the
sheet away, parse it again and restyle the whole page: on the chooser page a third of the bundle's
start-up on a phone, with nothing to show for it. The page's own stylesheet links now keep their
relative addresses; each takes its absolute address, worked out before any navigation changes the
page's address, along as a property, and the comparison of heads reads the link by that address,
so the next page's head still matches it and nothing is loaded twice.

Material's palette script adds a colour-scheme meta to the head and sets it as it starts: from none
to "light" is a change of the page's colour scheme, so the browser restyles the whole page once
more. The pages now come with that meta, set to "light" (what a page without a script shows), and
the palette script takes it instead of adding its own and leaves it alone when it already says what
the palette shows (setting a meta to its own value restyles the page too), so only a reader in dark
mode pays for the change. The comparison of heads treats that meta as one, whatever its value, so a
navigation neither adds a second one nor resets it. All exact, all loud if the theme's code changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import FinishError


def theme_changed(where: str, what: str) -> FinishError:
    """The error for a theme file that no longer looks as a fix here expects."""
    return FinishError(f"{where}: {what}; werk sitebuild/finish/theme_fixes.py bij.")


def theme_bundles(site_dir: Path) -> list[tuple[Path, str]]:
    """The theme's script bundle(s) and their code (Material has one; so has Zensical)."""
    scripts = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    return [(script, script.read_text(encoding="utf-8")) for script in scripts]


SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")


def drop_switching_rule(site_dir: Path) -> None:
    """Take the rule for data-md-color-switching out of the theme's palette stylesheet(s)."""
    for sheet in sorted((site_dir / "assets" / "stylesheets").rglob("palette.*.min.css")):
        css = sheet.read_text(encoding="utf-8")
        if SWITCHING_RULE in css:
            sheet.write_text(css.replace(SWITCHING_RULE, "", 1), encoding="utf-8")
        elif "data-md-color-switching" in css:
            raise theme_changed(sheet.relative_to(site_dir).as_posix(),
                                "Material's regel voor data-md-color-switching ziet er anders uit")


# Material's wrapper (its script's `Un`/Zensical's `qs`): the same markup, written at build time.
TABLE_WRAPPER = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">', "</div></div>")
TABLE_QUERY = '"table:not([class])"'
UNWRAPPED_TABLE_QUERY = '"table:not([class]):not(.md-typeset__table>table)"'
_TABLE_TAG = re.compile(r"<(/?)table\b([^>]*)>", re.I)
_CLASS_ATTR = re.compile(r"\sclass\b(?!-)", re.I)  # what [class] matches: the attribute, with or without a value


def wrap_tables(html: str, where: str) -> str:
    """Each table without a class in the article, in the wrapper Material's script would put it in."""
    start = html.find("<article")
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return html
    open_, close = TABLE_WRAPPER
    out, pos, wrapped = [], start, []
    for tag in _TABLE_TAG.finditer(html, start, end):
        out.append(html[pos:tag.start()])
        pos = tag.end()
        if tag.group(1):  # </table>
            if not wrapped:
                raise FinishError(f"{where}: een </table> zonder <table> ervoor in het artikel.")
            out.append(tag.group() + (close if wrapped.pop() else ""))
        else:
            wrap = not _CLASS_ATTR.search(tag.group(2))
            wrapped.append(wrap)
            out.append((open_ if wrap else "") + tag.group())
    if wrapped:
        raise FinishError(f"{where}: een <table> zonder </table> in het artikel.")
    return html[:start] + "".join(out) + html[pos:]


def skip_wrapped_tables(site_dir: Path) -> None:
    """Let the theme's script(s) leave the tables that wrap_tables wrapped where they are."""
    for script, code in theme_bundles(site_dir):
        if code.count(TABLE_QUERY) == 1:
            script.write_text(code.replace(TABLE_QUERY, UNWRAPPED_TABLE_QUERY), encoding="utf-8")
        elif UNWRAPPED_TABLE_QUERY not in code:
            raise theme_changed(script.relative_to(site_dir).as_posix(),
                                "het script van het thema zoekt tabellen nu anders")


# Material's `vi`/Zensical's `Dc` (make the links of a document absolute) and `bi`/`Nc` (the head of a
# document by markup): only the shapes matter, the names are the minifier's.
_ABSOLUTE_LINKS = re.compile(
    r'function [\w$]+\(([\w$]+)\)\{for\(let ([\w$]+) of [\w$]+\("\[href\], \[src\]",\1\)\)'
    r'(?=for\(let ([\w$]+) of\["href","src"\]\)\{let ([\w$]+)=\2\.getAttribute\(\3\);'
    r'if\(\4&&!/\^\(\?:\[a-z\]\+:\)\?\\/\\//i\.test\(\4\)\)\{\2\[\3\]=\2\[\3\];break\}\})')
_HEAD_BY_MARKUP = re.compile(
    r'(function [\w$]+\(([\w$]+)\)\{let ([\w$]+)=new Map;for\(let ([\w$]+) of [\w$]+\(":scope > \*",\2\.head\)\))'
    r'\3\.set\(\4\.outerHTML,\4\)')
STYLESHEET_LINK = '.matches("link[rel~=stylesheet][href]")'
HREF_KEPT = "__ihHref"
SCHEME_META = '.matches("meta[name=color-scheme]")'
# Material's palette (`li`, Zensical's fork the same) makes its own colour-scheme meta.
_NEW_SCHEME_META = re.compile(
    r'let ([\w$]+)=([\w$]+)\("meta",\{name:"color-scheme"\}\);document\.head\.appendChild\(\1\);')
# ... and sets it on every start, also to the value it has: the browser restyles the page all the same.
_SET_SCHEME = re.compile(r'return ([\w$]+)\.content=([\w$]+)\.colorScheme,')


def keep_page_head(site_dir: Path) -> None:
    """Let the theme's bundle(s) leave the page's own stylesheet links and colour-scheme meta as they are."""
    for script, code in theme_bundles(site_dir):
        if HREF_KEPT in code:
            continue
        links, heads = _ABSOLUTE_LINKS.findall(code), _HEAD_BY_MARKUP.findall(code)
        schemes, sets = _NEW_SCHEME_META.findall(code), _SET_SCHEME.findall(code)
        one_each = all(len(found) == 1 for found in (links, heads, schemes, sets))
        if not one_each or sets[0][0] != schemes[0][0]:  # the meta it sets is the one it made
            raise theme_changed(script.relative_to(site_dir).as_posix(),
                                "het script van het thema gaat nu anders om met de kop van een pagina")
        # The live page's sheet keeps its address; its absolute form, from before the navigation changes
        # the page's address, goes along on the element, for the comparison of heads.
        code = _ABSOLUTE_LINKS.sub(
            lambda m: (f"{m.group()}if({m[1]}!==document||!{m[2]}{STYLESHEET_LINK}"
                       f"||({m[2]}.{HREF_KEPT}={m[2]}.href,!1))"), code, count=1)
        code = _HEAD_BY_MARKUP.sub(
            lambda m: (f"{m[1]}{m[3]}.set({m[4]}.{HREF_KEPT}?{m[4]}.outerHTML.replace("
                       f'{m[4]}.getAttribute("href"),{m[4]}.{HREF_KEPT}):{m[4]}{SCHEME_META}?"color-scheme"'
                       f":{m[4]}.outerHTML,{m[4]})"), code, count=1)
        code = _NEW_SCHEME_META.sub(
            lambda m: (f'let {m[1]}=document.querySelector("meta[name=color-scheme]")||'
                       f'document.head.appendChild({m[2]}("meta",{{name:"color-scheme"}}));'), code, count=1)
        code = _SET_SCHEME.sub(
            lambda m: f"return {m[1]}.content!=={m[2]}.colorScheme&&({m[1]}.content={m[2]}.colorScheme),", code,
            count=1)
        script.write_text(code, encoding="utf-8")
