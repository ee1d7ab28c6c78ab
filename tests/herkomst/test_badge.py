"""The provenance badge and source line, word for word, on the bundled regeling."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.render.herkomst import badge, bron_regel
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef

ROOT = Path(__file__).resolve().parents[2]


def test_badges_of_the_bundled_regeling() -> None:
    reg = load_bundle(ROOT / "regeling").versions["rlz-2027"]

    def of(ref: ProvisionRef) -> str:
        p = reg.provision(ref)
        assert p is not None
        return badge(p.herkomst, reg.bronnen)

    assert of(ProvisionRef("2.1")) == "officiële tekst, geldend 27-7-2015"
    assert of(ProvisionRef(bijlage="A")) == "officiële tekst, geldend 1-7-2025"
    assert of(ProvisionRef("1.1", begrip="bekostigingsuren")) == "uitvoeringspraktijk"
    assert of(ProvisionRef("2.2", "1", "d")) == "voorstel"
    assert of(ProvisionRef("2.2", "5")) == "beleid van de zorgkantoren"
    keuze = reg.definitions["meerzorg_ggz_wonen"].herkomst
    assert badge(keuze, reg.bronnen) == ("keuze: lezing van de praktijk: de zorgkantoren kennen meer zorg boven "
                                         "4 GGZ-W en 5 GGZ-W")
    assert bron_regel(keuze, reg.bronnen).endswith(
        "Niet gekozen: lezing van de tekst: de lijst van artikel 2.2, eerste lid, onderdeel a, zoals laatst gelezen "
        "(2015), noemt geen GGZ Wonen-profiel, dus geen meer zorg boven GGZ Wonen (variant rlz-2026-ggzw-tekst); de "
        "geldende lijst is niet gelezen.")
    assert "bijlage A" not in bron_regel(keuze, reg.bronnen)  # the text reading rests on 2.2, eerste lid, a
    p = reg.provision(ProvisionRef("5.5", "1"))
    assert p is not None
    assert bron_regel(p.herkomst, reg.bronnen) == (
        "Bronnen: Regeling langdurige zorg, geconsolideerde tekst (BWBR0036014, geldend vanaf 27-7-2015) "
        "<https://wetten.overheid.nl/BWBR0036014/2015-07-27>.")
