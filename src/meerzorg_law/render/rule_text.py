"""IR rules and begrippen -> text: the formal rule in the DSL's layout, and the entry points of the plain Dutch
reading of it (made by ``render.zinnen`` and ``render.lezingen``: one generator for every reader).
"""

from __future__ import annotations

from .. import ir
from ..span import ProvisionRef
from ..types import TypeKind
from .lezingen import begrip_lezing, eigenschap_lezing, regel_lezing, toekenning, versienamen
from .zinnen import Lezing, Zin, clause, naam, term

__all__ = ["Lezing", "Zin", "begrip_lezing", "begrip_zin", "eigenschap_lezing", "formele_tekst", "naam", "regel_lezing",
           "regels_van", "toekenning", "uitdrukking", "versienamen"]


def regels_van(regeling: ir.Regeling, bepaling: ProvisionRef) -> list[tuple[ir.Rule, ...]]:
    """The rules written in exactly this provision, each as its toekenningen (one Rule per outcome)."""
    grouped: dict[int, list[ir.Rule]] = {}
    for rule in regeling.rules:
        if rule.provision == bepaling:
            grouped.setdefault(rule.id, []).append(rule)
    return [tuple(rules) for rules in grouped.values()]


def formele_tekst(regeling: ir.Regeling, bepaling: ProvisionRef) -> str:
    """The begrippen, parameters and rules of exactly this provision, laid out as in a .rgl file."""
    lines: list[str] = []
    for d in regeling.definitions.values():
        if d.span.provision == bepaling:
            soort = "parameter" if d.is_parameter else "begrip"
            label = f' "{d.label}"' if d.label else ""
            lines.append(f"{soort} {d.name}{label}: {d.type} = {d.source}")
    for rules in regels_van(regeling, bepaling):
        first = rules[0]
        afwijking = ""
        if first.exception_to:
            afwijking = " in afwijking van " + " en ".join(r.citeer() for r in first.exception_to)
        head = f"regel{afwijking}: "
        toek = [f"{r.outcome} is {r.value_source}" for r in rules]
        lines.append(head + (",\n" + " " * len(head)).join(toek))
        gewoon = [c.source for c in first.conditions if not c.tenzij]
        if gewoon:
            lines.append("  indien " + "\n     en ".join(gewoon))
        lines += [f"  tenzij {c.source}" for c in first.conditions if c.tenzij]
    return "\n".join(lines)


def begrip_zin(regeling: ir.Regeling, definition: ir.Definition) -> str:
    """A begrip or parameter in plain Dutch, as text (see ``begrip_lezing``)."""
    return begrip_lezing(regeling, definition).tekst()


def uitdrukking(regeling: ir.Regeling, e: ir.Expr) -> str:
    """An expression read aloud: a condition as a statement ("de verzekerde ontvangt zorg thuis"), any other
    value as a noun phrase."""
    if e.type.kind is TypeKind.BOOL:
        return clause(regeling, e).hoofd()
    return term(regeling, e)


