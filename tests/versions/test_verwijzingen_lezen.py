"""Compound and ranged references in a tekst, cut into the provisions they name (versions._verwijzingen_lezen)."""

from __future__ import annotations

import re

import pytest

from meerzorg_law.span import ProvisionRef
from meerzorg_law.versions._verwijzingen_lezen import delen

BRON = ProvisionRef("2.2", "4")
GEEN = re.compile(r"(?!)")


def _doelen(tekst: str) -> list[str]:
    return [d.doel.citeer() + (" (reeks)" if d.in_reeks else "") for d in sorted(delen(tekst, BRON, GEEN),
                                                                                key=lambda d: d.begin)]


@pytest.mark.parametrize(("tekst", "doelen"), [
    ("bedoeld in artikel 5.5, eerste of derde lid", ["artikel 5.5, eerste lid", "artikel 5.5, derde lid"]),
    ("artikel 2.2, eerste lid, onderdelen a tot en met c,",
     ["artikel 2.2, eerste lid, onderdeel a", "artikel 2.2, eerste lid, onderdeel b (reeks)",
      "artikel 2.2, eerste lid, onderdeel c"]),
    ("de artikelen 2.2 en 5.5 zijn", ["artikel 2.2", "artikel 5.5"]),
    ("De artikelen 2.1, 2.2 of 2.3", ["artikel 2.1", "artikel 2.2", "artikel 2.3"]),
    ("het eerste en tweede lid", ["artikel 2.2, eerste lid", "artikel 2.2, tweede lid"]),
    ("het eerste, tweede en derde lid", ["artikel 2.2, eerste lid", "artikel 2.2, tweede lid",
                                         "artikel 2.2, derde lid"]),
    ("het eerste tot en met derde lid", ["artikel 2.2, eerste lid", "artikel 2.2, tweede lid (reeks)",
                                         "artikel 2.2, derde lid"]),
    ("bedoeld in de onderdelen a en b", ["artikel 2.2, vierde lid, onderdeel a",
                                         "artikel 2.2, vierde lid, onderdeel b"]),
    # Single references as before; "en" after a comma starts no new part.
    ("artikel 1.1, onderdeel e, onder 4°, en artikel 2.2", ["artikel 1.1, onderdeel e, subonderdeel 4°",
                                                            "artikel 2.2"]),
    ("onderdelen a tot en met c, zijn zorgvraag", []),
])
def test_parts(tekst: str, doelen: list[str]) -> None:
    assert _doelen(tekst) == doelen


def test_each_part_knows_where_its_number_stands() -> None:
    tekst = "zie artikel 5.5, eerste of derde lid."
    [eerste, derde] = sorted(delen(tekst, BRON, GEEN), key=lambda d: d.doel.lid)
    assert tekst[eerste.begin:eerste.eind] == "artikel 5.5, eerste of derde lid"
    assert [tekst[b:e] for lvl, b, e in derde.tokens] == ["5.5", "derde"]
    assert derde.samengesteld and not derde.in_reeks
