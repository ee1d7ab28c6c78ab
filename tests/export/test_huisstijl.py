"""The house style of a ministeriële wijzigingsregeling, read back from the .docx: the signing minister as
set (or as the opschrift names), changes inside one onderdeel numbered 1., 2., ... without repeating the
article, Artikel II with its leden as separate paragraphs, the Staatscourant sentence once, the toelichting
on a new page split into Algemeen and Artikelsgewijs with sources by title and never by registry key, A4 and
nl-NL; the renvooi starts with the regeling, shows bijlage A as a table and ends with the gegevens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from meerzorg_law.export.write import export_versie
from meerzorg_law.semantics.pipeline import load_bundle

HIER = Path(__file__).resolve().parent
REGELING = HIER.parents[1] / "regeling"
SLEUTEL = re.compile(r"\[[a-z0-9][a-z0-9-]*\]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def uit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("huisstijl")
    for pad in (REGELING, HIER / "huisstijl"):
        bundle = load_bundle(pad)
        assert bundle.ok
        versie = "rlz-2027" if pad == REGELING else "rlz-2027-huisstijl"
        export_versie(bundle, [], versie, folder, pdf=False)
    return folder


def _teksten(pad: Path) -> list[str]:
    return [p.text for p in Document(str(pad)).paragraphs]


def _a4_en_nl(pad: Path) -> None:
    doc = Document(str(pad))
    for sectie in doc.sections:
        assert abs(sectie.page_width - Mm(210)) < Mm(1) and abs(sectie.page_height - Mm(297)) < Mm(1)
    assert doc.core_properties.language == "nl-NL"
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "nl-NL"


def test_the_wijzigingsregeling_of_rlz_2027(uit: Path) -> None:
    pad = uit / "rlz-2027-wijzigingsregeling.docx"
    _a4_en_nl(pad)
    t = _teksten(pad)
    # The minister the opschrift names ("Regeling van de Minister voor Langdurige Zorg van ..."), twice.
    assert t[1] == "De Minister voor Langdurige Zorg," and t.count("De Minister voor Langdurige Zorg,") == 2
    assert not any("Jeugd en Sport" in x for x in t)
    # Onderdeel A: the article once, then its changes numbered.
    a = t.index("A")
    assert t[a + 1] == "Artikel 1.1 wordt als volgt gewijzigd:"
    # Artikel 1.1 is a begrippenlijst: each begrip by its term, in the formulas of the Aanwijzingen.
    assert t[a + 2] == "1. De begripsomschrijving van ‘telbare zorgbehoefte’ komt te luiden:"
    assert t[a + 3].startswith("telbare zorgbehoefte: het aantal uren directe zorg per week")
    ingevoegd = t.index("2. In de alfabetische volgorde wordt ingevoegd:")
    assert [x.split(":")[0] for x in t[ingevoegd + 1:ingevoegd + 4]] == [
        "aard en inhoud van het zorgprofiel", "bijzondere situatie", "zorgbehoefte thuis"]
    assert not any(x.startswith("Artikel 1.1, onderdeel") or "Onderdeel c" in x for x in t)
    # The inserted artikel 2.2a in full, and the begrip bijzondere situatie with 1° to 3°.
    assert "Artikel 2.2a. Overgangsrecht meer zorg thuis" in t
    assert any(x.startswith("bijzondere situatie: ") and "3°. zelfstandig woont" in x for x in t)
    assert t.count("Deze regeling wordt met de toelichting in de Staatscourant geplaatst.") == 1
    # The toelichting on a new page, Algemeen then Artikelsgewijs; sources by title, never by key.
    doc = Document(str(pad))
    toel = next(p for p in doc.paragraphs if p.text == "Toelichting")
    assert toel.paragraph_format.page_break_before
    assert t.index("Toelichting") < t.index("Algemeen") < t.index("Artikelsgewijs") < t.index("Bronnen")
    assert not [x for x in t if SLEUTEL.search(x)], "een registersleutel staat in het document"
    assert any("(Kamerbrief Meerzorg thuis" in x for x in t)


def test_ondertekening_citeertitel_and_leden_as_set(uit: Path) -> None:
    pad = uit / "rlz-2027-huisstijl-wijzigingsregeling.docx"
    _a4_en_nl(pad)
    t = _teksten(pad)
    assert t.count("De Staatssecretaris van Volksgezondheid, Welzijn en Sport,") == 2
    assert Document(str(pad)).core_properties.title == "Proefregeling meer zorg"
    ii = t.index("Artikel II")
    assert t[ii + 1:ii + 3] == ["1. Deze regeling treedt in werking met ingang van 1 januari 2027.",
                                "2. Zij is van toepassing op aanvragen die na haar inwerkingtreding worden ingediend."]
    a = t.index("A")
    assert t[a + 1] == "Artikel 2.2 wordt als volgt gewijzigd:"
    assert t[a + 2] == ("1. In het eerste lid, onderdeel e, wordt “ten minste 25% hoger” vervangen door "
                        "“ten minste 25 procent hoger”.")
    assert t[a + 3] == "2. In het vierde lid wordt “drie jaar” vervangen door “3 jaar”."
    assert t[t.index("Algemeen") + 1].startswith("Deze proef volgt de Kamerbrief (Kamerbrief Meerzorg thuis")


def test_the_renvooi_starts_with_the_regeling_and_shows_bijlage_a_as_a_table(uit: Path) -> None:
    pad = uit / "rlz-2027-renvooi.docx"
    _a4_en_nl(pad)
    t = _teksten(pad)
    assert t[0] == "Regeling langdurige zorg" and t[1].startswith("Hoofdstuk 1")
    # rlz-2027 leaves the gegevens alone: no annex (tests/export/test_export.py has one, after the regeling).
    assert "Bijlage bij de renvooi: de gegevens van het model" not in t
    assert any(x.startswith("Bijlage A. Zorgprofielen") for x in t)
    assert not any(re.match(r"VV4: (on)?waar", x) for x in t)
    tabel = Document(str(pad)).tables[0]
    kop = [c.text for c in tabel.rows[0].cells]
    assert kop[:2] == ["Zorgprofiel", "Omschrijving"]
    vv4 = [c.text for c in tabel.rows[1].cells]
    assert vv4[0] == "VV4" and vv4[1].startswith("VV Beschut wonen") and vv4[2] == "nee"


def test_ondertekening_and_citeertitel_parse_and_print_back() -> None:
    from meerzorg_law.document.amendment import citeertitel, ondertekening
    from meerzorg_law.syntax import ast
    from meerzorg_law.syntax.parse import parse_file, parse_text
    from meerzorg_law.syntax.printer import print_document

    doc, diags = parse_file(str(HIER / "huisstijl" / "rlz-2027-huisstijl.rgl"))
    assert isinstance(doc, ast.Wijzigingsregeling) and not diags
    assert doc.ondertekening == "De Staatssecretaris van Volksgezondheid, Welzijn en Sport,"
    again, diags = parse_text(print_document(doc), "opnieuw.rgl")
    assert isinstance(again, ast.Wijzigingsregeling) and not diags
    assert (again.ondertekening, again.citeertitel) == (doc.ondertekening, doc.citeertitel) == (
        "De Staatssecretaris van Volksgezondheid, Welzijn en Sport,", "Proefregeling meer zorg")
    # Without them: the office and the subject the opschrift names.
    kaal = again.__class__(**{**{f: getattr(again, f) for f in again.__dataclass_fields__},
                              "ondertekening": "", "citeertitel": ""})
    assert ondertekening(kaal) == "De Staatssecretaris van Volksgezondheid, Welzijn en Sport,"
    assert citeertitel(kaal) == "Wijzigingsregeling Regeling langdurige zorg (een proef)"
