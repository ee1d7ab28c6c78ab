"""The checks of the population file that need the regeling: the table and column of [uren], the ages against
the leeftijd fact. Apart from ``populatie_schema`` (pydantic), so that a run whose file passed the schema before
(``assumptions``: remembered by content) loads no pydantic."""

from __future__ import annotations

from typing import Any

from .. import ir
from ..tomlinvoer import InvoerFout, regel_van
from ..values import to_json

__all__ = ["controleer_tegen_regeling"]


def controleer_tegen_regeling(data: dict[str, Any], tekst: str, bestand: str, basis: ir.Regeling) -> None:
    """What only the regeling can tell: the table and column of [uren] exist, and the ages fit the declared
    range of the leeftijd fact."""
    uren = data.get("uren", {})
    naam = uren.get("tabel", "bekostigingsuren")
    tabel = basis.tables.get(naam)
    if "tabel" in uren and tabel is None:
        raise InvoerFout(bestand, regel_van(tekst, ("uren", "tabel")),
                         f"uren.tabel: de regeling ({basis.versie}) heeft geen tabel '{naam}' (tabellen: "
                         f"{', '.join(basis.tables) or 'geen'})")
    if tabel is not None and "kolom" in uren and uren["kolom"] not in [c[0] for c in tabel.columns]:
        raise InvoerFout(bestand, regel_van(tekst, ("uren", "kolom")),
                         f"uren.kolom: tabel '{naam}' heeft geen kolom '{uren['kolom']}'")
    feit = basis.facts.get("leeftijd")
    if feit is None or feit.bereik is None:
        return
    grenzen = [to_json(v) for v in feit.bereik]
    if not all(isinstance(g, int) for g in grenzen):
        return
    lo, hi = (float(g) for g in grenzen if isinstance(g, int))
    for sector, plaatsen in data.get("leeftijd", {}).items():
        for plaats, rij in plaatsen.items():
            if any(not lo <= x <= hi for x in rij[1:] if rij[0] > 0 or x != 0):
                raise InvoerFout(bestand, regel_van(tekst, ("leeftijd", sector, plaats)),
                                 f"leeftijd.{sector}.{plaats}: een leeftijd ligt buiten het bereik van het feit "
                                 f"leeftijd ({lo:g} tot en met {hi:g})")
