"""Macros for /groep/ ("Onze groep", issue 32), registered from macros/env.py.

The page's markup and fixed Dutch text are in macros/templates/group/; without JavaScript the page
explains what it does and how a group can do it on paper. docs/assets/javascripts/group/view.js
upgrades the [data-group] element, keeping everything in this browser (privacy.md lists the keys).
"""

from __future__ import annotations

from sitebuild.load import SiteData

from . import markup

# The keys under which the browser keeps the group (the group file) and what stays personal (the own
# evaluations' drafts and the personal action plan); docs/privacy.md lists both.
STORAGE_KEY = "intervisie.groep.v1"
OWN_KEY = "intervisie.groep.v1.eigen"

# The three levels of evaluation (handbook chapter 7), with their scales (1-5) and open questions. The keys
# are those of group/model.js LEVELS and of the group file; the words are the page's.
LEVELS = (
    ("persoon", "Ieder voor zich", (
        ("geleerd", "Ik heb iets geleerd over mijn eigen werk."),
        ("rol", "Mijn rol vandaag (inbrenger, vragensteller, procesbegeleider) lukte me goed."),
    ), ("meenemen", "Wat neem je mee, en wat doe je de volgende keer anders?")),
    ("groep", "De groep", (
        ("ruimte", "Iedereen kreeg ruimte om bij te dragen; spreken en luisteren waren in balans."),
        ("veilig", "Spanningen en verschillen van mening kwamen op een goede manier aan bod."),
        ("afspraken", "We hielden ons aan onze afspraken."),
    ), ("beter", "Wat kan de groep beter doen?")),
    ("proces", "De opzet", (
        ("methode", "De methode paste bij de vraag van vandaag."),
        ("ritme", "Het ritme van de bijeenkomsten past bij ons."),
        ("voorbereiding", "De rollen en de voorbereiding waren goed geregeld."),
    ), ("anders", "Wat veranderen we aan de opzet?")),
)

# The start of a cycle: the questions about expectations (chapter 3) and the parts of a group contract.
EXPECTATIONS = (
    ("leren", "Wat willen we leren?"),
    ("themas", "Over welke onderwerpen en vragen willen we het hebben?"),
    ("omgang", "Hoe gaan we met elkaar om?"),
    ("vertrouwelijk", "Hoe houden we vertrouwelijk wat er besproken wordt?"),
)
CONTRACT = (
    ("aanwezigheid", "Aanwezigheid", "Bijvoorbeeld: we komen alle bijeenkomsten; wie niet kan, meldt zich een week vooraf af."),
    ("deelname", "Deelname", "Bijvoorbeeld: ieder brengt in de cyclus minstens één casus in en is een keer procesbegeleider."),
    ("vertrouwelijkheid", "Vertrouwelijkheid", "Bijvoorbeeld: wat in de groep besproken wordt, blijft in de groep."),
    ("feedback", "Feedback", "Bijvoorbeeld: we zeggen wat we zien en vragen eerst door voordat we advies geven."),
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKS = ((1, "eerste"), (2, "tweede"), (3, "derde"), (4, "vierde"), (-1, "laatste"))


def group_widget(site: SiteData) -> str:
    methods = sorted(((slug, m.titel) for slug, m in site.methods.items()), key=lambda item: item[1].casefold())
    return markup.html(
        "group/widget.html", methods=methods, levels=LEVELS, expectations=EXPECTATIONS, contract=CONTRACT,
        weekdays=WEEKDAYS, weeks=WEEKS, storage_key=STORAGE_KEY, own_key=OWN_KEY,
    )


def register(env, site: SiteData) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    @env.macro
    def group_widget_html() -> str:
        return group_widget(site)

    @env.macro
    def group_storage_keys() -> tuple[str, str]:
        return STORAGE_KEY, OWN_KEY
