"""render.rule_text: the formal layout and the plain Dutch reading of rules and begrippen, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law import ir
from meerzorg_law.render.rule_text import begrip_zin, formele_tekst, regel_tekst, regels_van
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


def test_plain_dutch_sentence(proef: dict[str, ir.Regeling]) -> None:
    reg = proef["proef-2026"]
    [rules] = regels_van(reg, ProvisionRef("2", "1"))
    tekst = regel_tekst(reg, rules)
    assert tekst.zin() == (
        "Recht op extra zorg: ja; reden van de beslissing: toegekend, als uren zorg per week is ten minste de "
        "drempel in uren per week en volgens de tabel Profielen en ster geldt voor profiel volgens het besluit: "
        "met ster, tenzij de verzekerde woont thuis en uren zorg per week is meer dan 160.")
    [rules] = regels_van(proef["proef-2027"], ProvisionRef("2", "2"))
    assert regel_tekst(proef["proef-2027"], rules).zin() == (
        "In afwijking van artikel 2, eerste lid geldt: reden van de beslissing: te weinig uren, als uren zorg per "
        "week is minder dan de drempel in uren per week en niet: de verzekerde woont thuis.")


def test_begrip_sentence(proef: dict[str, ir.Regeling]) -> None:
    reg = proef["proef-2026"]
    assert begrip_zin(reg, reg.definitions["drempel"]) == (
        "De drempel in uren per week is: 1,25 maal uren per week volgens de tabel Uren per profiel bij profiel "
        "volgens het besluit.")
