"""Small render functions: one per kind of block, each returning Markdown or HTML.

Pages link with relative Markdown paths (`../x.md`) so MkDocs checks them in strict mode
and the site keeps working under a sub-path.
"""

from __future__ import annotations

import re
from html import escape

import yaml

from sitebuild.load import SiteData
from sitebuild.schema import Method, Step

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
    """The steps as proportional segments (inline SVG, so no inline styles are needed) with a text alternative."""
    total = method.totaal_minuten
    segments: list[str] = []
    offset = 0.0
    for number, step in enumerate(method.stappen, start=1):
        width = 100 * step.minuten / total
        css = "ih-seg ih-seg--opt" if step.optioneel else f"ih-seg ih-seg--{number % 2}"
        label = f"{number}. {step.naam}: {minutes(step.minuten)}" + (" (optioneel)" if step.optioneel else "")
        segments.append(
            f'<rect class="{css}" x="{offset:.3f}%" y="0" width="{width:.3f}%" height="100%">'
            f"<title>{escape(label)}</title></rect>"
        )
        if width >= 4:
            segments.append(
                f'<text class="ih-seg__nr" x="{offset + width / 2:.3f}%" y="50%" '
                f'dominant-baseline="central" text-anchor="middle" aria-hidden="true">{number}</text>'
            )
        offset += width
    caption = "; ".join(
        f"{n}. {escape(s.naam)} {minutes(s.minuten)}" + (" (optioneel)" if s.optioneel else "")
        + (" (per onderwerp)" if s.per_ronde else "")
        for n, s in enumerate(method.stappen, start=1)
    )
    summed = f"samen {minutes(total)}"
    if method.tijd.per_onderwerp:
        summed = f"{total_label(method)}, voor één onderwerp samen {minutes(total)}"
    return (
        f'<figure class="ih-timebar" data-timebar data-total="{total}">\n'
        f'<svg class="ih-timebar__bar" width="100%" height="40" aria-hidden="true" focusable="false">'
        f'{"".join(segments)}</svg>\n'
        f'<figcaption class="ih-timebar__caption"><strong>Tijdbalk, {summed}:</strong> {caption}.'
        f"</figcaption>\n</figure>"
    )


def step_item(number: int, step: Step) -> str:
    optional = ' <span class="ih-badge">optioneel</span>' if step.optioneel else ""
    optional += ' <span class="ih-badge">per onderwerp</span>' if step.per_ronde else ""
    return (
        f'<li class="ih-step" data-step data-minutes="{step.minuten}">'
        f'<p class="ih-step__head"><strong>{escape(step.naam)}</strong>'
        f' <span class="ih-step__min">{minutes(step.minuten)}</span>{optional}</p>'
        f'<p>{escape(step.wat)}</p>'
        f'<p class="ih-step__who"><span class="ih-label">Actief:</span> {escape(step.wie)}</p></li>'
    )


def steps_list(method: Method) -> str:
    items = "\n".join(step_item(n, s) for n, s in enumerate(method.stappen, start=1))
    return f'<ol class="ih-steps" data-steps>\n{items}\n</ol>'


def time_note(method: Method) -> str:
    """Explain where the minutes come from, and any total the source states differently."""
    tijd = method.tijd
    parts: list[str] = []
    if tijd.herkomst == "suggestie":
        parts.append(
            '!!! note "Suggestie voor de tijd"\n'
            "    De bron geeft voor deze methode geen of maar enkele minuten. De minuten hierboven zijn een "
            "suggestie van de redactie, passend bij de zes fasen van een sessie uit het handboek. Pas ze gerust aan."
        )
    # With rounds the source's total is the time of one round.
    summed = method.minuten_per_ronde if tijd.per_onderwerp else method.totaal_minuten
    if tijd.bron_totaal is not None and tijd.bron_totaal != summed:
        parts.append(
            f'!!! warning "De bron noemt {minutes(tijd.bron_totaal)}"\n'
            f"    De stappen tellen op tot {minutes(summed)}; die som gebruiken wij overal. "
            f"De bron noemt als totaal {minutes(tijd.bron_totaal)}."
        )
    if tijd.per_onderwerp:
        once = [n for n, step in enumerate(method.stappen, start=1) if not step.per_ronde]
        rounds = [n for n, step in enumerate(method.stappen, start=1) if step.per_ronde]
        one, per = method.minuten_eenmalig, method.minuten_per_ronde
        once_text = f"{step_numbers(once).capitalize()} doe je één keer ({minutes(one)}). " if once else ""
        parts.append(
            '!!! info "Tijd per onderwerp"\n'
            f"    {once_text}{step_numbers(rounds).capitalize()} herhaal je voor elk onderwerp "
            f"({minutes(per)} per onderwerp). Eén onderwerp kost dus {minutes(one + per)}, twee "
            f"{minutes(one + 2 * per)} en drie {minutes(one + 3 * per)}."
        )
    if tijd.toelichting:
        parts.append(f'!!! info "Over de tijden"\n    {tijd.toelichting}')
    return "\n\n".join(parts)


def facts(method: Method, site: SiteData) -> str:
    tags = " ".join(
        f'<a class="ih-tag" href="../#casus-{key}">{escape(site.case_types[key].naam)}</a>'
        for key in method.casustypen
    )
    # The spaces between the elements keep label and value apart in the search index, which
    # drops the tags (Material would index 'Duur60 minGroep...').
    return (
        '<dl class="ih-facts"> '
        f"<div><dt>Duur</dt> <dd data-total-minutes>{total_label(method)}</dd></div> "
        f"<div><dt>Groep</dt> <dd>{group_size(method)}</dd></div> "
        f"<div><dt>Niveau</dt> <dd>{LEVEL_LABEL[method.niveau]}</dd></div> "
        f"<div><dt>Advies</dt> <dd>{'Ja, de casusinbrenger krijgt adviezen' if method.advies else 'Nee, alleen reflectie'}</dd></div> "
        f'<div class="ih-facts__wide"><dt>Soort casus</dt> <dd>{tags}</dd></div>'
        " </dl>"
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


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!>|])")


def md_literal(text: str) -> str:
    """`text` as Markdown that renders exactly as written (for titles in headings, links and tables)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def front_matter(**fields: object) -> str:
    """YAML front matter written by a YAML dumper, so no quote or backslash in a title can break out of it."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000) + "---"


def method_page(slug: str, method: Method, site: SiteData) -> str:
    """The whole Markdown of /methoden/<slug>/."""
    sections = [
        # Material writes the description into an attribute without escaping it, so it is escaped here.
        front_matter(title=method.titel, description=escape(method.samenvatting), render_macros=False),
        f"# {md_literal(method.titel)}",
        f'<p class="ih-lead">{escape(method.samenvatting)}</p>',
        facts(method, site),
        (
            f'<p class="ih-actions">'
            f'<a class="md-button md-button--primary" href="../../timer/?methode={slug}" data-run-timer>'
            f"Start in de timer</a> "
            f'<a class="md-button" href="../../kaarten/?stapel=methode-{slug}">Vragen als kaarten</a></p>'
            if method.voorbeeldvragen
            else f'<p class="ih-actions"><a class="md-button md-button--primary" '
            f'href="../../timer/?methode={slug}" data-run-timer>Start in de timer</a> '
            f'<a class="md-button" href="../../kaarten/">Trek een reflectiekaart</a></p>'
        ),
        f"## Doel\n\n{method.doel}",
        f"## Wanneer gebruik je deze methode?\n\n{method.wanneer}",
        f"## Verloop\n\n{time_bar(method)}\n\n{steps_list(method)}",
        time_note(method),
        f"## Rollen\n\n{roles_block(method, site)}",
    ]
    if method.voorbeeldvragen:
        sections.append(f"## Voorbeeldvragen\n\n{bullet_list(method.voorbeeldvragen)}")
    if method.materialen:
        sections.append(f"## Materialen\n\n{bullet_list(method.materialen)}")
    if method.verwant:
        sections.append(f"## Verwante methoden\n\n{related_block(method, site)}")
    if method.notities:
        sections.append(f"## Opmerkingen\n\n{bullet_list(method.notities)}")
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
