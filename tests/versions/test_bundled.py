"""Every amendment move tried on the bundled rlz-2026 itself, unchanged: the wijziging files below name only
their basis, and the catalog takes that version from the bundled regeling/. Good files must give no error and
the effect written in the test; bad files exactly the diagnostics written inline (``# FOUT CODE: message``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import actual, inline_expectations
from meerzorg_law import values
from meerzorg_law.semantics.pipeline import Bundle, load_bundle
from meerzorg_law.span import ProvisionRef

HERE = Path(__file__).parent / "bundled"
BAD = sorted((HERE / "bad").glob("*.rgl"))


def _load(path: Path) -> Bundle:
    bundle = load_bundle(path)
    assert "rlz-2026" in bundle.versions, "de basis komt uit de meegeleverde regeling/"
    return bundle


def _clean(bundle: Bundle, path: Path) -> None:
    mine = [d for d in bundle.diagnostics if d.span.file == str(path) or d.code[0] in "WT"]
    assert bundle.ok and not mine, "\n".join(f"{d.span}: {d.code} {d.message}" for d in bundle.diagnostics
                                             if d.is_error or d in mine)


def test_every_gegevens_change_on_the_bundled_regeling() -> None:
    path = HERE / "good" / "gegevens.rgl"
    bundle = _load(path)
    _clean(bundle, path)
    base, new = bundle.versions["rlz-2026"], bundle.versions["rlz-2026-gegevens"]
    # A new value of an enumeratie that shares its name with a fact; the fact keeps its type.
    assert new.enums["bijzondere_situatie"].values == (*base.enums["bijzondere_situatie"].values, "mantelzorg_thuis")
    assert new.facts["bijzondere_situatie"].type == base.facts["bijzondere_situatie"].type
    # A new fact, a replaced fact, a replaced enumeratie (same name as a fact), a removed fact and enumeratie.
    assert "uren_mantelzorg_per_week" in new.facts and "uren_mantelzorg_per_week" not in base.facts
    nieuw_bereik, oud_bereik = new.facts["leeftijd"].bereik, base.facts["leeftijd"].bereik
    assert nieuw_bereik is not None and oud_bereik is not None
    assert (str(nieuw_bereik[1]), str(oud_bereik[1])) == ("120", "130")
    assert new.enums["andere_toeslag"].values[-1] == "wmo"
    assert "eerdere_meerzorg_thuis_tot" not in new.facts and "soort_aanvraag" not in new.facts
    assert "soort_aanvraag" not in new.enums and "soort_aanvraag" in base.enums
    # Every other enumeratie is still there (the old consolidation lost all of them: E201 x 52).
    assert set(new.enums) == set(base.enums) - {"soort_aanvraag"}


def test_every_provision_instruction_on_the_bundled_regeling() -> None:
    path = HERE / "good" / "bepalingen.rgl"
    bundle = _load(path)
    _clean(bundle, path)
    new = bundle.consolidated["rlz-2026-bepalingen"]
    ir_new = bundle.versions["rlz-2026-bepalingen"]
    provisions = {p.ref: p for p in ir_new.provisions}
    # Textual substitution with its rules.
    e = provisions[ProvisionRef("2.2", "1", "e")]
    assert "ten minste 20% hoger" in " ".join(e.tekst.split()) and "25%" not in e.tekst
    assert ir_new.definitions["drempel"].source == "1,20 * bekostigingsuren[zorgprofiel]"
    # Lid 2 of artikel 5.5 lapses, lid 3 becomes lid 2 and keeps its rule.
    lid2 = provisions[ProvisionRef("5.5", "2")]
    assert "GGZ Beveiligd wonen" in lid2.tekst and ProvisionRef("5.5", "3") not in provisions
    assert any(r.provision == ProvisionRef("5.5", "2") for r in ir_new.rules)
    # An inserted lid, an onderdeel with subonderdelen added, a begrip in a subonderdeel used elsewhere.
    assert ProvisionRef("2.2", "1a") in provisions
    assert ProvisionRef("2.2", "1", "f", "2°") in provisions
    assert ir_new.definitions["kind_thuis_situatie"].span.provision == ProvisionRef("2.2", "1", "f", "1°")
    assert "kind_thuis_situatie" in {str(n) for n in ir_new.dependencies["kind_thuis_bijzonder"]}
    # An inserted hoofdstuk, a changed table row.
    assert [h.nummer for h in new.hoofdstukken] == ["1", "2", "3", "5"]
    assert [p.nummer for p in new.hoofdstukken[-1].paragrafen] == ["2", "3"]
    assert ProvisionRef("2.1a") in provisions and ProvisionRef("2.1") not in provisions
    assert ir_new.tables["bekostigingsuren"].rows["VG7"][0] == values.Uren(35 * 3600)  # 35:00
    # The begrippenlijst of artikel 1.1: two begrippen inserted in their alphabetical places, one lapses, one
    # comes to read anew, one gets a textual substitution (its other words keep their herkomst).
    artikel = next(a for a in new.alle_artikelen() if a.nummer == "1.1")
    assert [b.term for b in artikel.begrippen] == ["aard en inhoud van het zorgprofiel", "bekostigingsuren",
                                                   "mantelzorger", "telbare zorgbehoefte", "zorg thuis"]
    assert not artikel.onderdelen and not artikel.leden
    mantelzorger = ProvisionRef("1.1", begrip="mantelzorger")
    assert ir_new.definitions["heeft_mantelzorger"].span.provision == mantelzorger
    assert provisions[mantelzorger].tekst == "mantelzorger: degene die mantelzorg verleent;"
    bekostiging = provisions[ProvisionRef("1.1", begrip="bekostigingsuren")]
    herkomst = bekostiging.herkomst
    assert herkomst is not None and herkomst.soort == "uitvoering"
    assert [(bekostiging.tekst[d.begin:d.eind], d.soort) for d in herkomst.delen] == [
        ("met behandeling en dagbesteding", "voorstel")]
    assert bekostiging.tekst.startswith("bekostigingsuren: het aantal uren zorg per week, met behandeling")
    assert ProvisionRef("1.1", begrip="opzichzelfstaand toezicht") not in provisions


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_instructions_on_the_bundled_regeling(path: Path) -> None:
    expected = inline_expectations(path)
    assert expected
    bundle = _load(path)
    assert actual(bundle.diagnostics, path) == expected


def test_renumbering_an_artikel_lists_the_base_text_that_still_cites_it(tmp_path: Path) -> None:
    """Without its textual substitution (onderdeel I), renumbering artikel 2.1 leaves the bundled text of
    artikel 2.2, eerste lid, onderdeel a citing the old number: one error, with the wording it must get."""
    tekst = (HERE / "good" / "bepalingen.rgl").read_text(encoding="utf-8")
    regel = ('    redactioneel in artikel 2.2, eerste lid, onderdeel a, wordt "artikel 2.1" vervangen door '
             '"artikel 2.1a"\n')
    assert regel in tekst
    (tmp_path / "zonder.rgl").write_text(tekst.replace("  I.\n" + regel, ""), encoding="utf-8")
    bundle = load_bundle(tmp_path / "zonder.rgl")
    errors = [(d.code, d.message) for d in bundle.diagnostics if d.is_error]
    assert errors == [("T002", "de tekst van artikel 2.2, eerste lid, onderdeel a verwijst naar 'artikel 2.1', maar "
                               "artikel 2.1 wordt in rlz-2026-bepalingen vernummerd tot artikel 2.1a: de verwijzing "
                               "moet luiden 'artikel 2.1a'")]


def test_lapse_artikel_and_subonderdeel_on_the_bundled_regeling() -> None:
    path = HERE / "good" / "meer.rgl"
    bundle = _load(path)
    _clean(bundle, path)
    refs = {p.ref for p in bundle.versions["rlz-2026-meer"].provisions}
    assert ProvisionRef("5.5", "2") not in refs and ProvisionRef("5.5", "3") in refs  # no renumbering
    assert ProvisionRef("2.3") in refs
    assert ProvisionRef("2.2", "1", "e", "1°") in refs
    artikelen = [a.nummer for a in bundle.consolidated["rlz-2026-meer"].alle_artikelen()]
    assert artikelen.index("2.2") + 1 == artikelen.index("2.3")


def test_a_wrong_reference_is_reported_where_it_stands_in_the_tekst() -> None:
    """T001/T002 point at the reference inside the tekst string (for a part of a compound reference: at its own
    number), not at the head of the provision."""
    path = HERE / "bad" / "verwijzingen.rgl"
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {(d.code, lines[d.span.line - 1][d.span.column - 1:].split(",")[0].split(" lid")[0])
             for d in _load(path).diagnostics if d.code in ("T001", "T002")}
    assert found == {("T002", "Artikel 5.5"), ("T002", "derde"), ("T001", "artikel 2.22"), ("T001", "zevende")}


def test_references_to_a_begrip_in_a_tekst_are_checked_by_term(tmp_path: Path) -> None:
    """A tekst citing a begrip by its term ("de begripsomschrijving van ‘...’ in artikel 1.1", "artikel 1.1,
    begripsomschrijving van ‘...’"): a term that is not in the list is T001 (with the term it resembles), a
    begrip the wijziging lets lapse is T003, an existing one is fine."""
    (tmp_path / "begrip.rgl").write_text('''wijzigingsregeling "Proef: verwijzingen naar begrippen"
versie rlz-2026-begripverwijzing variant
basis rlz-2026
geldig vanaf 2027-01-01

Artikel I
  A.
    artikel 1.1, begripsomschrijving van "opzichzelfstaand toezicht" vervalt
  B.
    na artikel 2.1 wordt een artikel ingevoegd:
      artikel 2.1a "Proef"
        herkomst voorstel
        tekst """De bekostigingsuren, bedoeld in de begripsomschrijving van ‘bekostigingsuren’ in artikel 1.1,
          gelden ook voor zorg thuis als bedoeld in de begripsomschrijving van ‘zorg thuiss’ in artikel 1.1."""
  C.
    na artikel 2.1a wordt een artikel ingevoegd:
      artikel 2.1b "Proef"
        herkomst voorstel
        tekst "Toezicht als bedoeld in artikel 1.1, begripsomschrijving van 'opzichzelfstaand toezicht', telt mee."

Artikel II
  tekst "Deze regeling treedt in werking met ingang van 1 januari 2027."
''', encoding="utf-8")
    bundle = load_bundle(tmp_path / "begrip.rgl")
    errors = sorted((d.code, d.message) for d in bundle.diagnostics if d.is_error)
    assert errors == [
        ("T001", "de tekst van artikel 2.1a verwijst naar 'de begripsomschrijving van ‘zorg thuiss’ in artikel 1.1' "
                 "(bedoelde u artikel 1.1, begripsomschrijving van 'zorg thuis'?), maar die bepaling bestaat niet in "
                 "rlz-2026-begripverwijzing"),
        ("T003", "de tekst van artikel 2.1b verwijst naar 'artikel 1.1, begripsomschrijving van 'opzichzelfstaand "
                 "toezicht'', maar artikel 1.1, begripsomschrijving van 'opzichzelfstaand toezicht' vervalt in "
                 "rlz-2026-begripverwijzing: pas de verwijzing aan of laat haar vervallen")]
    t001 = next(d for d in bundle.diagnostics if d.code == "T001")
    assert t001.suggestions == ("artikel 1.1, begripsomschrijving van 'zorg thuis'",)


def test_every_bundled_version_has_artikel_1_1_as_an_alphabetical_begrippenlijst() -> None:
    """In every version (written or consolidated) artikel 1.1 is a begrippenlijst without onderdelen, in
    alphabetical order, each begrip closed by a semicolon and the last by a full stop, as the Rlz writes it."""
    from meerzorg_law.syntax import ast

    bundle = load_bundle(Path(__file__).resolve().parents[2] / "regeling")
    assert bundle.ok
    for versie, reg in bundle.consolidated.items():
        artikel = next(a for a in reg.alle_artikelen() if a.nummer == "1.1")
        assert artikel.begrippen and not artikel.onderdelen and not artikel.leden, versie
        termen = [b.term for b in artikel.begrippen]
        assert termen == sorted(termen, key=ast.alfabetische_sleutel), versie
        slot = [b.tekst.rstrip()[-1] for b in artikel.begrippen]
        assert slot == [";"] * (len(slot) - 1) + ["."], (versie, termen, slot)
