"""Sphinx-configuratie van de uitlegsite: de regeling, haar versies en casussen, gerenderd uit de bibliotheek."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DOCS = Path(__file__).resolve().parent
# Zonder installatie (pip install -e .) vindt Sphinx het pakket in src/.
sys.path.insert(0, str(DOCS.parent / "src"))

project = "Meerzorg als code"
author = "meerzorg_law"
copyright = "2026, meerzorg_law (EUPL-1.2)"
language = "nl"

# Furo: onderhouden, toegankelijk (contrast, toetsenbord, schermlezer) en bruikbaar op een telefoon.
extensions = ["meerzorg_law.sphinxext"]

meerzorg_regeling = "../regeling"
meerzorg_casussen = ["../tests/casussen"]
meerzorg_hoofduitkomsten = ["meerzorg", "reden"]
meerzorg_genereer_paginas = True
# The example on the rekenhulp page (Voor cliënten en ouders): a child of 14 at home who needs constant supervision.
meerzorg_rekenhulp_voorbeelden = [
    {"tekst": "Een kind van 14 met VG7 thuis (pgb) dat voortdurend toezicht nodig heeft",
     "feiten": {"leeftijd": 14, "zorgprofiel": "VG7", "best_passend_zorgprofiel": True, "leveringsvorm": "pgb",
                "uren_zorg_per_week": "24:00", "uren_toezicht_per_week": "42:00", "bijzondere_zorgbehoefte": True,
                "andere_toeslag": "geen", "bijzondere_situatie": "kind_thuis", "soort_aanvraag": "verlenging"}},
]

exclude_patterns = ["_build", "screenshots", "locale"]
templates_path = ["_templates"]
# Wettekst en regels precies zoals geschreven (geen typografische aanhalingstekens); scheelt ook bouwtijd.
smartquotes = False
highlight_language = "meerzorg"
html_theme = "furo"
html_title = "Meerzorg als code"
html_static_path = ["_static"]
# Een eigen icoon: zonder vraagt de browser /favicon.ico op en krijgt een 404 (een fout in de console).
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_show_sphinx = False
html_copy_source = False
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}
# Nederlandse teksten die in de catalogi van Sphinx en Furo ontbreken (locale/nl/LC_MESSAGES/sphinx.po en .js).
locale_dirs = [str(DOCS / "locale")]  # absoluut: Sphinx zoekt sphinx.js relatief aan de werkmap
# De zoekindex in het Nederlands (stamwoorden, stopwoorden).
html_search_language = "nl"


def _impact_in_inhoud(app: Sphinx, docname: str, source: list[str]) -> None:
    """impact.rst komt van een ander onderdeel: zet het in de inhoudsopgave als het er is (een toctree-regel
    naar een ontbrekende pagina, of een leeg glob-patroon, geeft anders een waarschuwing en dus een fout)."""
    if docname == "index" and (DOCS / "impact.rst").exists():
        source[0] = source[0].replace("\n   dekking\n", "\n   dekking\n   impact\n", 1)


def setup(app: Sphinx) -> None:
    app.connect("source-read", _impact_in_inhoud)
