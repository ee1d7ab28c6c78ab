"""The gegevens (the model's case interface: enumeraties, invoer, uitkomsten) compared between two versions.
They are not legal text: the renvooi .docx puts them in an annex at the end, ``meerzorg vergelijk`` and the
site list them after the provisions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..syntax import ast
from .formats import Blok, Run, woorden
from .tekst import declaratie_zin

__all__ = ["GegevensRegel", "gegevens_blokken", "gegevens_renvooi"]


@dataclass(frozen=True, slots=True)
class GegevensRegel:
    """One declaration that differs: ``soort`` gewijzigd, nieuw or weg."""

    soort: str
    runs: tuple[Run, ...]

    def oud(self) -> str:
        return "".join(r.tekst for r in self.runs if r.soort != "nieuw")

    def nieuw(self) -> str:
        return "".join(r.tekst for r in self.runs if r.soort != "weg")


def gegevens_renvooi(oud: ast.Regeling, nieuw: ast.Regeling) -> list[GegevensRegel]:
    a = [declaratie_zin(d) for d in oud.gegevens]
    b = [declaratie_zin(d) for d in nieuw.gegevens]
    out: list[GegevensRegel] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        paren = min(i2 - i1, j2 - j1) if op == "replace" else 0
        out += [GegevensRegel("gewijzigd", woorden(a[i1 + k], b[j1 + k])) for k in range(paren)]
        out += [GegevensRegel("weg", (Run(x, "weg"),)) for x in a[i1 + paren:i2]]
        out += [GegevensRegel("nieuw", (Run(y, "nieuw"),)) for y in b[j1 + paren:j2]]
    return out


def gegevens_blokken(oud: ast.Regeling, nieuw: ast.Regeling) -> list[Blok]:
    """The annex of the renvooi: every changed declaration, its paragraph inserted, deleted or changed."""
    regels = gegevens_renvooi(oud, nieuw)
    if not regels:
        return []
    out = [Blok("pagina"), Blok("titel", (Run("Bijlage bij de renvooi: de gegevens van het model"),)),
           Blok("klein", (Run("Geen regelingtekst: de invoer en uitkomsten waarmee het model rekent, "
                              "zoals een casusbestand ze vult."),))]
    return out + [Blok("tekst", g.runs, 0, g.soort if g.soort != "gewijzigd" else "gelijk") for g in regels]
