"""'Werking gewijzigd': a provision whose own text and rules stay, but whose begrip changes, is found."""

from __future__ import annotations

import shutil
from pathlib import Path

from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef
from meerzorg_law.sphinxext.werking import werking_gewijzigd

PROEF = Path(__file__).parent / "roots" / "test-basic" / "regeling"

WIJZIGING = '''wijzigingsregeling "Tweede wijziging van de Proefregeling zorg"
versie proef-2027-drempel variant
basis proef-2026
geldig vanaf 2027-01-01

Artikel I
  tekst "De Proefregeling zorg wordt als volgt gewijzigd:"
  A.
    artikel 1, onderdeel a komt te luiden:
      onderdeel a
        tekst "drempel: 1,5 maal de uren van het profiel in bijlage A;"
        begrip drempel "de drempel in uren per week": decimaal = 1,5 * uren_per_profiel[profiel]
'''


def test_a_changed_begrip_changes_the_effect_of_the_provisions_that_read_it(tmp_path: Path) -> None:
    shutil.copy(PROEF / "proef.rgl", tmp_path / "proef.rgl")
    (tmp_path / "drempel.rgl").write_text(WIJZIGING, encoding="utf-8")
    bundle = load_bundle(tmp_path)
    assert bundle.ok, bundle.diagnostics
    oud, nieuw = bundle.versions["proef-2026"], bundle.versions["proef-2027-drempel"]
    oorzaak = ProvisionRef(artikel="1", onderdeel="a")
    assert werking_gewijzigd(oud, nieuw, ProvisionRef(artikel="2", lid="1")) == (oorzaak,)
    assert werking_gewijzigd(oud, nieuw, ProvisionRef(artikel="2", lid="2")) == (oorzaak,)
    # Lid 3 reads only the table, which did not change; and nothing changes against itself.
    assert werking_gewijzigd(oud, nieuw, ProvisionRef(artikel="2", lid="3")) == ()
    assert werking_gewijzigd(oud, oud, ProvisionRef(artikel="2", lid="1")) == ()
