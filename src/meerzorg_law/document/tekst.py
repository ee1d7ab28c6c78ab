"""Small text helpers of the document model: legal text as one line, a table cell as the regeling prints it,
a declaration in words. ``xml_tekst`` (what every XML format puts into lxml) is ``escape.xml_tekst``."""

from __future__ import annotations

import re

from ..escape import xml_tekst
from ..syntax import ast
from ..syntax.formules import regel
from ..syntax.printer import print_expr
from ..types import TYPE_WORDS, TypeKind
from ..values import Uren, uren_voor_lezer

__all__ = ["cel", "declaratie_regels", "declaratie_zin", "regel", "xml_tekst"]

def cel(v: ast.Expr) -> str:
    """A value in a table as the regeling prints it: waar/onwaar as ja/nee, numbers in Dutch notation, hours
    as a reader sees them (``26:05 uur``)."""
    if isinstance(v, ast.Literal) and isinstance(v.value, Uren):
        return uren_voor_lezer(v.value)
    tekst = print_expr(v)
    return {"waar": "ja", "onwaar": "nee"}.get(tekst, tekst.replace(".", ",") if _GETAL.fullmatch(tekst) else tekst)


_GETAL = re.compile(r"-?\d+\.\d+")


def _type(t: ast.TypeExpr) -> str:
    return t.name if t.kind is TypeKind.ENUM else TYPE_WORDS[t.kind]


def declaratie_zin(d: ast.Declaratie) -> str:
    """One declaration of the case interface in words (for the renvooi's annex on the gegevens)."""
    return _ZIN.visit(d, None)


class _Zin(ast.DeclaratieVisitor[None, str]):
    """Each kind of declaration in words, its label after a dash."""

    def enumeratie(self, d: ast.Enumeratie, _: None) -> str:
        waarden = "; ".join(f"{w.name}" + (f" ({regel(w.label)})" if w.label else "") for w in d.values)
        return f"enumeratie {d.name}" + (f" ({regel(d.label)})" if d.label else "") + f": {waarden}"

    def invoer(self, d: ast.Invoer, _: None) -> str:
        bereik = f" van {cel(d.bereik[0])} tot en met {cel(d.bereik[1])}" if d.bereik else ""
        soort = " (optioneel)" if d.optioneel else ""
        return f"invoer {d.name}: {_type(d.type)}{bereik}{soort}" + (f" – {regel(d.label)}" if d.label else "")

    def uitkomst(self, d: ast.Uitkomst, _: None) -> str:
        standaard = f", standaard {cel(d.standaard)}" if d.standaard is not None else ""
        return f"uitkomst {d.name}: {_type(d.type)}{standaard}" + (f" – {regel(d.label)}" if d.label else "")

    def beperking(self, d: ast.Beperking, _: None) -> str:
        return f"beperking {d.name}: {print_expr(d.expr)}" + (f" – {regel(d.label)}" if d.label else "")


_ZIN = _Zin()


def declaratie_regels(d: ast.Declaratie) -> list[str]:
    """A declaration as lines, an enumeratie with a line per value, so a renvooi shows an added value as one
    inserted line (the annex on the gegevens, ``meerzorg vergelijk``)."""
    if isinstance(d, ast.Enumeratie):  # the one kind with more than one line; every other is its sentence
        return [f"enumeratie {d.name}: {d.label}".rstrip(": "),
                *(f"– {w.name}: {w.label}".rstrip(": ") for w in d.values)]
    return [declaratie_zin(d)]
