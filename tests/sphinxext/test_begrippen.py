"""A regeling written with an alphabetical begrippenlijst (artikel 1 of the proefregeling in ``roots/test-basic``,
rewritten here) and a wijzigingsregeling with every instruction on it: on the site each begrip stands under its
term with its text as "term: omschrijving" and its formal definition, the changed version marks what is new,
changed and lapsed, and the wijzigingsregeling page words each instruction as the Aanwijzingen do."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parent / "roots"

ONDERDEEL = '''artikel 1 "Begrippen"
  tekst "In deze regeling wordt verstaan onder:"
  onderdeel a
    tekst "drempel: 1,25 maal de uren van het profiel in bijlage A;"
    begrip drempel "de drempel in uren per week": decimaal = 1,25 * uren_per_profiel[profiel]
'''
LIJST = '''artikel 1 "Begrippen"
  tekst "In deze regeling wordt verstaan onder:"
  begripsomschrijving "drempel"
    tekst "1,25 maal de uren van het profiel in bijlage A;"
    begrip drempel "de drempel in uren per week": decimaal = 1,25 * uren_per_profiel[profiel]
  begripsomschrijving "nabijheid"
    tekst "aanwezigheid zonder zorg te verlenen;"
  begripsomschrijving "uren"
    tekst "de uren zorg per week die de verzekerde nodig heeft."
'''
WIJZIGING = '''  B.
    tekst "Artikel 1 wordt als volgt gewijzigd:"
    in artikel 1 wordt in de alfabetische volgorde ingevoegd:
      begripsomschrijving "aanvraag"
        tekst "een verzoek om extra zorg;"
    redactioneel artikel 1, begripsomschrijving van "drempel" komt te luiden:
      begripsomschrijving "drempel"
        tekst "1,25 maal het aantal uren van het profiel in bijlage A;"
        begrip drempel "de drempel in uren per week": decimaal = 1,25 * uren_per_profiel[profiel]
    artikel 1, begripsomschrijving van "nabijheid" vervalt
    in artikel 1, begripsomschrijving van "uren", wordt "per week" vervangen door "per kalenderweek"
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    src = tmp_path_factory.mktemp("begrippen") / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    basis = src / "regeling" / "proef.rgl"
    tekst = basis.read_text(encoding="utf-8")
    assert ONDERDEEL in tekst
    basis.write_text(tekst.replace(ONDERDEEL, LIJST), encoding="utf-8")
    wijziging = src / "regeling" / "proef-2027.rgl"
    tekst = wijziging.read_text(encoding="utf-8")
    wijziging.write_text(tekst.replace("\nArtikel II", WIJZIGING + "\nArtikel II") if "\nArtikel II" in tekst
                         else tekst.rstrip("\n") + "\n" + WIJZIGING, encoding="utf-8")
    (src / "begrippen.rst").write_text("Begrippen in 2027\n=================\n\n.. rlz:artikel:: 1\n"
                                       "   :versie: proef-2027\n   :geen-voorbeeld:\n\nWijziging\n---------\n\n"
                                       ".. rlz:wijzigingsregeling:: proef-2027\n", encoding="utf-8")
    # A begrip is cited by its term in a role too: "1 begrip drempel".
    rollen = src / "rollen.rst"
    tekst = rollen.read_text(encoding="utf-8")
    assert ":rlz:lid:`1 onderdeel a`" in tekst
    rollen.write_text(tekst.replace(":rlz:lid:`1 onderdeel a`", ":rlz:lid:`1 begrip drempel`"), encoding="utf-8")
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   rollen\n", "   rollen\n   begrippen\n"),
                     encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        yield app
    finally:
        app.cleanup()


def _html(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")


def test_a_role_cites_a_begrip_by_its_term(site: SphinxTestApp) -> None:
    html = _html(site, "rollen")
    assert "artikel 1, begripsomschrijving van &#39;drempel&#39;" in html or \
        "artikel 1, begripsomschrijving van 'drempel'" in html
    assert 'href="artikel.html#rlz-proef-2026-1-begrip-drempel"' in html


def test_a_begrip_stands_under_its_term_with_text_and_definition(site: SphinxTestApp) -> None:
    html = _html(site, "artikel")
    artikel1 = html[html.index("<h1>Artikel 1"):]  # the page shows artikel 2, then artikel 1
    # each begrip is a part of the page with its term as heading, in the order of the list
    koppen = [k for k in ("Begrip ‘drempel’", "Begrip ‘nabijheid’", "Begrip ‘uren’") if k in artikel1]
    assert koppen == ["Begrip ‘drempel’", "Begrip ‘nabijheid’", "Begrip ‘uren’"]
    assert artikel1.index("Begrip ‘drempel’") < artikel1.index("Begrip ‘nabijheid’") < artikel1.index("Begrip ‘uren’")
    # the legal text reads "term: omschrijving", and the formal definition stands beside it
    assert "drempel: 1,25 maal de uren van het profiel in bijlage A;" in artikel1
    assert '<span class="kd">begrip</span>' in artikel1[artikel1.index("Begrip ‘drempel’"):]
    assert "Onderdeel a" not in artikel1


def test_the_changed_version_marks_new_changed_and_lapsed_begrippen(site: SphinxTestApp) -> None:
    html = _html(site, "begrippen")
    pagina = html[:html.index("Wijziging</h2>")] if "Wijziging</h2>" in html else html
    aanvraag = pagina[pagina.index("Begrip ‘aanvraag’"):pagina.index("Begrip ‘drempel’")]
    assert "rlz-badge-nieuw" in aanvraag and "aanvraag: een verzoek om extra zorg;" in aanvraag
    uren = pagina[pagina.index("Begrip ‘uren’"):]
    assert "rlz-badge-gewijzigd" in uren and "de uren zorg per kalenderweek die de verzekerde nodig heeft." in uren
    assert '<ins class="rlz-ingevoegd">' in uren and "per kalenderweek" in uren
    # the lapsed begrip is listed as lapsed, struck through, with its old text
    vervallen = pagina[pagina.index('id="rlz-vervallen-proef-2026"'):]
    assert ('rlz-badge-vervallen">vervallen</span> <a class="reference internal" '
            'href="artikel.html#rlz-proef-2026-1-begrip-nabijheid"') in vervallen
    assert '<del class="rlz-geschrapt">nabijheid: aanwezigheid zonder zorg te verlenen;</del>' in vervallen
    assert "Begrip ‘nabijheid’" not in pagina


def test_the_wijzigingsregeling_words_each_instruction_on_the_list(site: SphinxTestApp) -> None:
    html = _html(site, "begrippen")
    b = html[html.index("<strong>B. </strong>"):]
    assert "Artikel 1 wordt als volgt gewijzigd:" in b
    assert "In de alfabetische volgorde wordt ingevoegd:" in b
    assert "aanvraag: een verzoek om extra zorg;" in b
    # each citation of a begrip links to it: in the new version, or in the old one when it lapses
    assert ('<a class="reference internal" href="#rlz-proef-2027-1-begrip-drempel" title="artikel 1, '
            "begripsomschrijving van 'drempel' (Voorstel 2027)\"><span>De begripsomschrijving van ‘drempel’</span></a> "
            "komt te luiden:") in b
    assert "drempel: 1,25 maal het aantal uren van het profiel in bijlage A;" in b
    assert ('href="artikel.html#rlz-proef-2026-1-begrip-nabijheid"' in b
            and "De begripsomschrijving van ‘nabijheid’</span></a> vervalt." in b)
    assert ("4. In <a" in b and "de begripsomschrijving van ‘uren’</span></a> wordt “per week” vervangen door "
            "“per kalenderweek”." in b)
