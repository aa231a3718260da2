"""Macros for the handbook chapters, the home page and the glossary (registered from macros/env.py).

Everything structured in a chapter (rules, phases, lists, practical figures) comes from data/ so that it
exists once: change data/phases.yml and every page that shows a phase agrees. The render functions take
the validated `SiteData` and return Markdown; the macros only add the calling page's location so that
links stay relative (MkDocs checks them in strict mode, and the site works under a sub-path).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from sitebuild.errors import HandbookError
from sitebuild.load import SiteData
from sitebuild.schema import Chapter, MinuteRange, Range, Rule, TextList

from . import generator, markup

GLOSSARY_FILE = "docs/_snippets/begrippen.md"
ABBR_RE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<uitleg>.+)$")
NUMBER_WORDS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]


# --- small helpers -------------------------------------------------------------------------------


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def hours(minutes: int) -> str:
    """90 -> '1,5'; 120 -> '2' (Dutch decimal comma)."""
    value = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
    return value.replace(".", ",")


def span(value: MinuteRange | Range, unit: str = "") -> str:
    text = f"{value.van}–{value.tot}" if value.van != value.tot else str(value.van)
    return f"{text} {unit}".rstrip()


def link(target: str, page_uri: str) -> str:
    """Relative path from the page `page_uri` (e.g. 'handboek/index.md') to `target` (a docs path)."""
    return posixpath.relpath(target, posixpath.dirname(page_uri) or ".")


def source_title(site: SiteData, key: str) -> str:
    return site.sources[key].titel


# --- chapters -------------------------------------------------------------------------------------


def chapter_for(site: SiteData, page_uri: str) -> tuple[int, Chapter]:
    """The chapter whose page is `page_uri` ('handboek/<slug>.md'), with its number (1-based)."""
    slug = Path(page_uri).stem
    for number, chapter in enumerate(site.handbook.hoofdstukken, start=1):
        if page_uri == f"handboek/{slug}.md" and chapter.slug == slug:
            return number, chapter
    raise HandbookError(
        f"De pagina docs/{page_uri} vraagt om de kop van een hoofdstuk, maar staat niet in data/handbook.yml."
    )


def chapter_heading(site: SiteData, page_uri: str) -> str:
    """The chapter number, its title as the page's H1 and its one-line description as the lead."""
    number, chapter = chapter_for(site, page_uri)
    total = len(site.handbook.hoofdstukken)
    return (
        f'<p class="ih-kicker">Hoofdstuk {number} van {total}</p>\n\n'
        f"# {chapter.titel}\n\n"
        f"{chapter.beschrijving}\n{{: .ih-lead }}"
    )


def handbook_toc(site: SiteData, page_uri: str) -> str:
    """The table of contents of the handbook: every chapter with its one-line description."""
    items = []
    for number, chapter in enumerate(site.handbook.hoofdstukken, start=1):
        href = link(f"handboek/{chapter.slug}.md", page_uri)
        items.append(f"{number}. [{chapter.titel}]({href})  \n    {chapter.beschrijving}")
    return '<div class="ih-toc" data-handbook-toc markdown>\n\n' + "\n".join(items) + "\n\n</div>"


# --- rules ----------------------------------------------------------------------------------------


def _credit(rule: Rule, site: SiteData, page_uri: str) -> str:
    href = link("verantwoording.md", page_uri)
    names = [f"[{source_title(site, key)}]({href}#{key})" for key in rule.bronnen]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    return f'<span class="ih-credit">Bron: {joined}</span>'


def _rule_item(rule: Rule, site: SiteData, page_uri: str) -> str:
    body = f"**{rule.regel}**"
    if rule.uitleg:
        body += f" {rule.uitleg}"
    return f'<li data-rule markdown="1">{body} {_credit(rule, site, page_uri)}</li>'


def rules(site: SiteData, page_uri: str, bron: str | None = None) -> str:
    """All rules grouped under their headings and numbered throughout, or only the rules of one source."""
    if bron is not None and bron not in site.sources:
        raise HandbookError(f"De macro rules() kent de bron '{bron}' niet. Kies uit: {', '.join(site.sources)}.")
    if bron is not None:
        chosen = [r for g in site.rules.groepen for r in g.regels if bron in r.bronnen]
        items = "\n".join(_rule_item(r, site, page_uri) for r in chosen)
        return f'<ul class="ih-rules" data-rules markdown="1">\n{items}\n</ul>'
    blocks = []
    number = 1
    for group in site.rules.groepen:
        items = "\n".join(_rule_item(r, site, page_uri) for r in group.regels)
        blocks.append(f'## {group.titel}\n\n<ol class="ih-rules" start="{number}" data-rules markdown="1">\n{items}\n</ol>')
        number += len(group.regels)
    return "\n\n".join(blocks)


def rule_count(site: SiteData, bron: str | None = None) -> int:
    return sum(1 for g in site.rules.groepen for r in g.regels if bron is None or bron in r.bronnen)


# --- phases ---------------------------------------------------------------------------------------



def phases_total(site: SiteData) -> str:
    fasen = site.phases.fasen
    low = sum(p.minuten.van for p in fasen)
    high = sum(p.minuten.tot for p in fasen)
    return f"{low} tot {high} minuten" if low != high else f"{low} minuten"


def phase_count(site: SiteData) -> str:
    return number_word(len(site.phases.fasen))


def phases_table(site: SiteData) -> str:
    """Overview: each phase (linking to its section) with its minutes; the total underneath."""
    fasen = site.phases.fasen
    rows = ["| Fase | Minuten |", "| --- | --- |"]
    for number, phase in enumerate(fasen, start=1):
        rows.append(f"| {number}. [{phase.naam}](#fase-{number}) | {span(phase.minuten, 'min')} |")
    total = MinuteRange.model_construct(van=sum(p.minuten.van for p in fasen), tot=sum(p.minuten.tot for p in fasen))
    rows.append(f"| **Samen** | **{span(total, 'min')}** |")
    return '<div class="ih-table" data-phases markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def phase_sections(site: SiteData) -> str:
    """Per phase: a heading with its minutes, what happens and example questions."""
    return "\n\n".join(
        markup.html("handbook/phase.html", number=number, phase=phase, minutes=span(phase.minuten, "min"))
        for number, phase in enumerate(site.phases.fasen, start=1)
    )


# --- practical figures ----------------------------------------------------------------------------


def practical_table(site: SiteData, page_uri: str) -> str:
    """The practical figures of every source side by side, so differences are visible."""
    figures = site.practical
    href = link("verantwoording.md", page_uri)
    head = "| Afspraak | " + " | ".join(f"[{f.naam}]({href}#{key})" for key, f in figures.items()) + " |"
    rows = [head, "| --- |" + " --- |" * len(figures)]
    rows.append("| Deelnemers | " + " | ".join(f"{span(f.groepsgrootte)} personen" for f in figures.values()) + " |")
    rows.append("| Hoe vaak | " + " | ".join(f"elke {span(f.weken)} weken" for f in figures.values()) + " |")
    rows.append(
        "| Duur van een sessie | "
        + " | ".join(f"{hours(f.minuten.van)} tot {hours(f.minuten.tot)} uur" for f in figures.values())
        + " |"
    )
    return '<div class="ih-table" data-practical markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def practical(site: SiteData, bron: str, veld: str) -> str:
    """One figure of one source in words, e.g. practical('begeleid', 'groepsgrootte') -> '4 tot 6 personen'."""
    if bron not in site.practical:
        raise HandbookError(f"data/practical.yml heeft geen bron '{bron}'. Kies uit: {', '.join(site.practical)}.")
    figures = site.practical[bron]
    if veld == "groepsgrootte":
        r = figures.groepsgrootte
        return f"{r.van} tot {r.tot} personen"
    if veld == "weken":
        r = figures.weken
        return f"elke {r.van} tot {r.tot} weken"
    if veld == "duur":
        r = figures.minuten
        return f"{hours(r.van)} tot {hours(r.tot)} uur"
    raise HandbookError(f"De macro practical() kent het veld '{veld}' niet. Kies uit: groepsgrootte, weken, duur.")


def _span_words(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low} tot {high}"


def practical_overlap(site: SiteData) -> str:
    """Where all sources agree, in words: e.g. '5 tot 6 personen, elke 6 tot 8 weken en sessies van 2 uur'."""
    figures = list(site.practical.values())
    parts = []
    for field_name, show in (
        ("groepsgrootte", lambda lo, hi: f"{_span_words(lo, hi)} personen"),
        ("weken", lambda lo, hi: f"elke {_span_words(lo, hi)} weken"),
        ("minuten", lambda lo, hi: f"sessies van {hours(lo)} uur" if lo == hi else f"sessies van {hours(lo)} tot {hours(hi)} uur"),
    ):
        low = max(getattr(f, field_name).van for f in figures)
        high = min(getattr(f, field_name).tot for f in figures)
        if low <= high:
            parts.append(show(low, high))
    if not parts:
        return "de bronnen hebben geen cijfers gemeen"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


# --- lists ----------------------------------------------------------------------------------------


def text_list(site: SiteData, key: str) -> str:
    if key not in site.lists:
        raise HandbookError(
            f"De lijst '{key}' staat niet in data/handbook_lists.yml. Kies uit: {', '.join(sorted(site.lists))}."
        )
    chosen: TextList = site.lists[key]
    lines = []
    for number, item in enumerate(chosen.items, start=1):
        marker = f"{number}." if chosen.genummerd else "-"
        text = f"**{item.kop}**: {item.tekst}" if item.kop else item.tekst
        lines.append(f"{marker} {text}")
    return f'<div class="ih-list" data-list="{key}" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


# --- links into the rest of the site --------------------------------------------------------------


def roles_summary(site: SiteData, page_uri: str) -> str:
    """Every role in one line, linking to its description in the appendix."""
    href = link("bijlagen/rollen.md", page_uri)
    return "\n".join(f"- **[{role.naam}]({href}#{key})**: {role.beschrijving}" for key, role in site.roles.items())


def case_types_summary(site: SiteData, page_uri: str) -> str:
    """Every kind of case, linking to the chooser with that kind already chosen."""
    href = link("kiezen/index.md", page_uri)
    return "\n".join(
        f"- **[{case.naam}]({href}?casus={key})**: {case.beschrijving} *Bijvoorbeeld:* {case.voorbeeld}"
        for key, case in site.case_types.items()
    )


def method_link(site: SiteData, page_uri: str, slug: str, tekst: str | None = None) -> str:
    if slug not in site.methods:
        raise HandbookError(
            f"De pagina docs/{page_uri} linkt naar de methode '{slug}', maar data/methods/{slug}.yml bestaat niet."
        )
    return f"[{tekst or site.methods[slug].titel}]({link(f'methoden/{slug}.md', page_uri)})"


def method_sources(site: SiteData) -> str:
    """How many of the sources the methods come from, in words: 'vier van de vijf bronnen'."""
    used = {credit.document for method in site.methods.values() for credit in method.bronnen}
    if len(used) == len(site.sources):
        return f"alle {number_word(len(used))} bronnen"
    return f"{number_word(len(used))} van de {number_word(len(site.sources))} bronnen"


def method_steps(site: SiteData, page_uri: str, slug: str) -> str:
    """A method's steps and minutes as a compact table (the minutes stay in the method's own file)."""
    if slug not in site.methods:
        raise HandbookError(f"De methode '{slug}' bestaat niet (data/methods/{slug}.yml ontbreekt).")
    method = site.methods[slug]
    rows = ["| Stap | Minuten |", "| --- | --- |"]
    for step in method.stappen:
        rows.append(f"| {step.naam}{' (mag vervallen)' if step.optioneel else ''} | {step.minuten} min |")
    total = f"**{method.totaal_minuten} min**"
    if method.kern_minuten != method.totaal_minuten:
        total += f" (zonder wat mag vervallen: {method.kern_minuten} min)"
    rows.append(f"| **Samen** | {total} |")
    return f'<div class="ih-table" data-method-steps="{slug}" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


# --- glossary -------------------------------------------------------------------------------------


def glossary_terms(root: Path) -> list[tuple[str, str]]:
    """The terms of the snippet file that is appended to every page as abbreviations."""
    path = root / GLOSSARY_FILE
    terms = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("<!--"):
            continue
        match = ABBR_RE.match(line)
        if not match:
            raise HandbookError(
                f"Fout in {GLOSSARY_FILE}, regel {number}: elke regel heeft de vorm '*[begrip]: uitleg'."
            )
        term = match["term"].strip()
        if any(term == known for known, _ in terms):
            raise HandbookError(f"Fout in {GLOSSARY_FILE}, regel {number}: het begrip '{term}' staat er al eerder in.")
        terms.append((term, match["uitleg"].strip()))
    if not terms:
        raise HandbookError(f"Fout in {GLOSSARY_FILE}: er staat geen enkel begrip in.")
    return terms


def glossary(root: Path) -> str:
    """The glossary page: the same terms as the tooltips, alphabetically, each with an anchor."""
    terms = [
        ("begrip-" + re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-"), term, uitleg)
        for term, uitleg in sorted(glossary_terms(root), key=lambda t: t[0].casefold())
    ]
    return markup.html("handbook/glossary.html", terms=terms)


# --- registration ---------------------------------------------------------------------------------


def register(env, site: SiteData) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    def here() -> str:
        return generator.page_uri(env.page)

    @env.macro
    def chapter_title() -> str:
        return chapter_heading(site, here())

    @env.macro
    def handbook_contents() -> str:
        return handbook_toc(site, here())

    @env.macro
    def handbook_rules(bron: str | None = None) -> str:
        return rules(site, here(), bron)

    @env.macro
    def handbook_rule_count(bron: str | None = None) -> str:
        return number_word(rule_count(site, bron))

    @env.macro
    def handbook_phases_table() -> str:
        return phases_table(site)

    @env.macro
    def handbook_phases() -> str:
        return phase_sections(site)

    @env.macro
    def handbook_phases_total() -> str:
        return phases_total(site)

    @env.macro
    def handbook_phase_count() -> str:
        return phase_count(site)

    @env.macro
    def handbook_practical_table() -> str:
        return practical_table(site, here())

    @env.macro
    def handbook_practical(bron: str, veld: str) -> str:
        return practical(site, bron, veld)

    @env.macro
    def handbook_practical_overlap() -> str:
        return practical_overlap(site)

    @env.macro
    def handbook_list(key: str) -> str:
        return text_list(site, key)

    @env.macro
    def handbook_roles() -> str:
        return roles_summary(site, here())

    @env.macro
    def handbook_case_types() -> str:
        return case_types_summary(site, here())

    @env.macro
    def handbook_method_link(slug: str, tekst: str | None = None) -> str:
        return method_link(site, here(), slug, tekst)

    @env.macro
    def handbook_method_sources() -> str:
        return method_sources(site)

    @env.macro
    def handbook_method_steps(slug: str) -> str:
        return method_steps(site, here(), slug)

    @env.macro
    def glossary_list() -> str:
        return glossary(site.root)
