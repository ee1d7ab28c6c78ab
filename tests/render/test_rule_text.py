"""render.rule_text: the formal layout and the plain Dutch reading of rules and begrippen, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law import ir
from meerzorg_law.render.rule_text import begrip_zin, formele_tekst, regel_lezing, regels_van
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef

REGELING = Path(__file__).resolve().parents[1] / "sphinxext" / "roots" / "test-basic" / "regeling"


@pytest.fixture(scope="module")
def proef() -> dict[str, ir.Regeling]:
    bundle = load_bundle(REGELING)
    assert bundle.ok, bundle.diagnostics
    return bundle.versions


def test_formal_text_lays_out_toekenningen_and_conditions(proef: dict[str, ir.Regeling]) -> None:
    assert formele_tekst(proef["proef-2026"], ProvisionRef("2", "1")) == (
        "regel: recht is waar,\n"
        "       reden is toegekend\n"
        "  indien uren >= drempel\n"
        "     en profielen[profiel].ster\n"
        "  tenzij thuis en uren > 160")
    assert formele_tekst(proef["proef-2027"], ProvisionRef("2", "2")) == (
        "regel in afwijking van artikel 2, eerste lid: reden is te_weinig\n"
        "  indien uren < drempel\n"
        "     en niet thuis")
    assert formele_tekst(proef["proef-2026"], ProvisionRef("1", "", "a")) == (
        'begrip drempel "de drempel in uren per week": decimaal = 1,25 * uren_per_profiel[profiel]')
    assert formele_tekst(proef["proef-2026"], ProvisionRef("1")) == ""


def test_plain_dutch_reading(proef: dict[str, ir.Regeling]) -> None:
    reg = proef["proef-2026"]
    [rules] = regels_van(reg, ProvisionRef("2", "1"))
    assert regel_lezing(reg, rules).tekst() == (
        "Als aan beide voorwaarden is voldaan:\n"
        "- het aantal uren zorg per week ten minste de drempel in uren per week is;\n"
        "- de tabel Profielen en ster in bijlage A bij profiel volgens het besluit ‘met ster’ vermeldt.\n"
        "Dan geldt:\n"
        "- de verzekerde heeft recht op extra zorg;\n"
        "- reden van de beslissing is ‘toegekend’.\n"
        "Dit geldt niet als de verzekerde thuis woont en het aantal uren zorg per week meer dan 160 is.")
    [rules] = regels_van(proef["proef-2027"], ProvisionRef("2", "2"))
    # "niet thuis" is the clause's own negation, not "niet: de verzekerde woont thuis"; inline the sentence would
    # have 27 words, so the conditions are a list.
    assert regel_lezing(proef["proef-2027"], rules).tekst() == (
        "Reden van de beslissing is ‘te weinig uren’ als aan beide voorwaarden is voldaan:\n"
        "- het aantal uren zorg per week minder dan de drempel in uren per week is;\n"
        "- de verzekerde niet thuis woont.\n"
        "Deze regel geldt in afwijking van artikel 2, eerste lid, en gaat daarom voor.")


def test_begrip_sentence(proef: dict[str, ir.Regeling]) -> None:
    reg = proef["proef-2026"]
    assert begrip_zin(reg, reg.definitions["drempel"]) == (
        "De drempel in uren per week is 1,25 maal de uren per profiel bij profiel volgens het besluit.")
