"""Small render functions: one per kind of block, each returning Markdown or HTML.

Pages link with relative Markdown paths (`../x.md`) so MkDocs checks them in strict mode
and the site keeps working under a sub-path.
"""

from __future__ import annotations

from html import escape

import yaml

from sitebuild.load import SiteData
from sitebuild.schema import Method

from . import markup
from .markup import md_literal

LEVEL_LABEL = {"beginners": "Ook voor beginners", "gevorderden": "Voor gevorderden"}


def minutes(n: int) -> str:
    return f"{n} min"


def group_size(method: Method) -> str:
    size = method.groepsgrootte
    return f"{size.min}–{size.max} personen" if size.min != size.max else f"{size.min} personen"


def total_label(method: Method) -> str:
    """The total as a reader sees it, e.g. '60 min' or, with rounds, '5 min + 15 per onderwerp'."""
    if method.tijd.per_onderwerp:
        return f"{minutes(method.minuten_eenmalig)} + {method.minuten_per_ronde} per onderwerp"
    return minutes(method.totaal_minuten)


def step_numbers(numbers: list[int]) -> str:
    """'stap 1', 'de stappen 2 en 3', 'de stappen 2 tot en met 6' (for consecutive steps)."""
    if len(numbers) == 1:
        return f"stap {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return f"de stappen {numbers[0]} tot en met {numbers[-1]}"
    return "de stappen " + ", ".join(map(str, numbers[:-1])) + f" en {numbers[-1]}"


def time_bar(method: Method) -> str:
    """The steps as proportional segments of the whole, numbered where there is room."""
    total = method.totaal_minuten
    segments = []
    offset = 0.0
    for number, step in enumerate(method.stappen, start=1):
        width = 100 * step.minuten / total
        segments.append({
            "number": number,
            "step": step,
            "css": "ih-seg ih-seg--opt" if step.optioneel else f"ih-seg ih-seg--{number % 2}",
            "x": f"{offset:.3f}",
            "width": f"{width:.3f}",
            "center": f"{offset + width / 2:.3f}" if width >= 4 else None,
        })
        offset += width
    return markup.html("method/timebar.html", total=total, segments=segments,
                       per_topic=method.tijd.per_onderwerp, total_label=total_label(method))


def steps_list(method: Method) -> str:
    return markup.html("method/steps.html", steps=method.stappen)


def time_note(method: Method) -> str:
    """Explain where the minutes come from, and any total the source states differently."""
    tijd = method.tijd
    notes: list[dict[str, object]] = []
    if tijd.herkomst == "suggestie":
        notes.append({"kind": "suggestion"})
    # With rounds the source's total is the time of one round.
    summed = method.minuten_per_ronde if tijd.per_onderwerp else method.totaal_minuten
    if tijd.bron_totaal is not None and tijd.bron_totaal != summed:
        notes.append({"kind": "source_total", "source": tijd.bron_totaal, "summed": summed})
    if tijd.per_onderwerp:
        once = [n for n, step in enumerate(method.stappen, start=1) if not step.per_ronde]
        rounds = [n for n, step in enumerate(method.stappen, start=1) if step.per_ronde]
        notes.append({
            "kind": "per_topic", "once": step_numbers(once).capitalize() if once else "",
            "rounds": step_numbers(rounds).capitalize(),
            "one": method.minuten_eenmalig, "per": method.minuten_per_ronde,
        })
    if tijd.toelichting:
        notes.append({"kind": "explanation", "text": tijd.toelichting})
    return markup.html("method/time_notes.md", notes=notes)


def method_head(slug: str, method: Method, site: SiteData) -> str:
    """The lead, the facts (duration, group, level, advice, case types) and the buttons to the timer and cards."""
    return markup.html(
        "method/head.html", slug=slug, method=method, total_label=total_label(method),
        group_size=group_size(method), level=LEVEL_LABEL[method.niveau],
        case_types=[(key, site.case_types[key].naam) for key in method.casustypen],
    )


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def roles_block(method: Method, site: SiteData) -> str:
    return "\n".join(
        f"- [{site.roles[key].naam}](../bijlagen/rollen.md#{key})" for key in method.rollen
    )


def related_block(method: Method, site: SiteData) -> str:
    return "\n".join(
        f"- [{md_literal(site.methods[r.methode].titel)}]({r.methode}.md): {r.verschil}" for r in method.verwant
    )


def credit_block(method: Method, site: SiteData) -> str:
    lines = []
    for credit in method.bronnen:
        source = site.sources[credit.document]
        origin = f"{credit.herkomst}, beschreven in " if credit.herkomst else ""
        where = f" ({credit.plaats})" if credit.plaats else ""
        lines.append(
            f"- {origin}*{source.titel}* ({source.maker}){where}. "
            f"[Verantwoording](../verantwoording.md#{credit.document})"
        )
    return "\n".join(lines)


def front_matter(**fields: object) -> str:
    """YAML front matter written by a YAML dumper, so no quote or backslash in a title can break out of it."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000) + "---"


# Which parts of a method page a source gives, by the documents of data/sources.yml. The handbook
# (000 ch. 5) gives its methods a 'when' and example questions; the Basismodel (004) gives questions
# for its opening and close only, so the rest of its list is ours. The Schatkist (001) and the slides
# (002) give no example questions, the Schatkist no 'when', materials or remarks either (issue 34). A part no credited
# source gives is marked as ours where a reader meets it, not only on the Verantwoording.
GIVEN_BY = {
    "wanneer": {"handboek", "basismodel", "leading"},
    "voorbeeldvragen": {"handboek"},
    "materialen": {"handboek", "basismodel"},
    "notities": {"handboek", "basismodel", "leading"},
}
PARTLY_GIVEN_BY = {"voorbeeldvragen": {"basismodel"}}
OURS = "*Onze aanvulling:* dit deel staat niet in de bron. Zie de [Verantwoording](../verantwoording.md#onze-keuzes)."
PARTLY_OURS = ("*Deels onze aanvulling:* alleen de vragen bij het terugkijken en de evaluatie volgen de bron. Zie de "
               "[Verantwoording](../verantwoording.md#onze-keuzes).")


def ours_note(method: Method, part: str) -> str:
    """The line under a heading that says the part is ours (or partly), or '' when the source gives it."""
    documents = {credit.document for credit in method.bronnen}
    if documents & PARTLY_GIVEN_BY.get(part, set()):
        return f"\n\n{PARTLY_OURS}"
    return "" if documents & GIVEN_BY[part] else f"\n\n{OURS}"


def method_page(slug: str, method: Method, site: SiteData) -> str:
    """The whole Markdown of /methoden/<slug>/."""
    sections = [
        # Material writes the description into an attribute without escaping it, so it is escaped here.
        front_matter(title=method.titel, description=escape(method.samenvatting), render_macros=False),
        f"# {md_literal(method.titel)}",
        method_head(slug, method, site),
        f"## Doel\n\n{method.doel}",
        f"## Wanneer gebruik je deze methode?{ours_note(method, 'wanneer')}\n\n{method.wanneer}",
        f"## Verloop\n\n{time_bar(method)}\n\n{steps_list(method)}",
        time_note(method),
        f"## Rollen\n\n{roles_block(method, site)}",
    ]
    if method.voorbeeldvragen:
        sections.append(f"## Voorbeeldvragen{ours_note(method, 'voorbeeldvragen')}\n\n{bullet_list(method.voorbeeldvragen)}")
    if method.materialen:
        sections.append(f"## Materialen{ours_note(method, 'materialen')}\n\n{bullet_list(method.materialen)}")
    if method.verwant:
        sections.append(f"## Verwante methoden\n\n{related_block(method, site)}")
    if method.notities:
        sections.append(f"## Opmerkingen{ours_note(method, 'notities')}\n\n{bullet_list(method.notities)}")
    sections.append(f"## Bron\n\n{credit_block(method, site)}")
    if method.redactie:
        sections.append(f"**Keuzes van de redactie**\n\n{bullet_list(method.redactie)}")
    return "\n\n".join(s for s in sections if s) + "\n"


def methods_table(site: SiteData) -> str:
    """The overview table at /methoden/: one row per method, readable without JavaScript."""
    rows = [
        "| Methode | Duur | Groep | Soort casus | Niveau |",
        "| --- | --- | --- | --- | --- |",
    ]
    for slug, method in sorted(site.methods.items(), key=lambda item: item[1].titel.casefold()):
        tags = ", ".join(f"[{site.case_types[k].naam}](#casus-{k})" for k in method.casustypen)
        rows.append(
            f"| [{md_literal(method.titel)}]({slug}.md) | {total_label(method)} | {group_size(method)} "
            f"| {tags} | {method.niveau} |"
        )
    return '<div class="ih-table" data-methods-table markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def case_type_sections(site: SiteData, link_prefix: str = "") -> str:
    """Per case type: what it is and which methods suit it (anchors #casus-<key>)."""
    blocks = []
    for key, case in site.case_types.items():
        suited = sorted(
            ((slug, m) for slug, m in site.methods.items() if key in m.casustypen),
            key=lambda item: item[1].titel.casefold(),
        )
        links = ", ".join(f"[{md_literal(m.titel)}]({link_prefix}{slug}.md)" for slug, m in suited) or "nog geen methode"
        blocks.append(
            f"### {case.naam} {{ #casus-{key} }}\n\n{case.beschrijving} *Bijvoorbeeld:* {case.voorbeeld}\n\n"
            f"**Methoden:** {links}"
        )
    return "\n\n".join(blocks)


def editorial_table(site: SiteData) -> str:
    """Per method: its source and the editors' decisions, for the Verantwoording page."""
    rows = ["| Methode | Bron | Keuzes van de redactie |", "| --- | --- | --- |"]
    for slug, method in sorted(site.methods.items(), key=lambda item: item[1].titel.casefold()):
        origin = "; ".join(
            f"{c.herkomst + ', ' if c.herkomst else ''}[{site.sources[c.document].titel}](#{c.document})"
            + (f" ({c.plaats})" if c.plaats else "")
            for c in method.bronnen
        )
        choices = "<br>".join(method.redactie) or "–"
        rows.append(f"| [{md_literal(method.titel)}](methoden/{slug}.md) | {origin} | {choices} |")
    return "\n".join(rows)
