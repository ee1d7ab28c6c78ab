"""Change of effect: a provision whose own text and rules are unchanged, but that reads a begrip, parameter or
table that a version changes, works differently in that version. The artikel page marks it "werking
gewijzigd" and links to the provisions that cause it, so an indirect change is never unmarked."""

from __future__ import annotations

from .. import ir
from ..span import ProvisionRef

__all__ = ["werking_gewijzigd"]


def _namen(exprs: list[ir.Expr]) -> set[str]:
    """The begrippen, parameters, outcomes and tables the expressions name directly."""
    out: set[str] = set()
    for e in exprs:
        for node in ir.walk(e):
            if isinstance(node, ir.Var) and node.kind != "invoer":
                out.add(node.name)
            elif isinstance(node, ir.Lookup | ir.InTable):
                out.add(node.table)
    return out


def _definitie_gewijzigd(oud: ir.Regeling, nieuw: ir.Regeling, naam: str) -> bool:
    if naam in nieuw.definitions:
        d = oud.definitions.get(naam)
        return d is None or d.source != nieuw.definitions[naam].source
    if naam in nieuw.tables:
        t = oud.tables.get(naam)
        n = nieuw.tables[naam]
        return t is None or (t.columns, t.rows) != (n.columns, n.rows)
    return False


def _bron(nieuw: ir.Regeling, naam: str) -> ProvisionRef | None:
    if naam in nieuw.definitions:
        return nieuw.definitions[naam].span.provision
    if naam in nieuw.tables:
        return nieuw.tables[naam].span.provision
    return None


def werking_gewijzigd(oud: ir.Regeling, nieuw: ir.Regeling, ref: ProvisionRef) -> tuple[ProvisionRef, ...]:
    """The provisions of ``nieuw`` whose changed begrippen, parameters or tables the rules and begrippen of
    ``ref`` read, directly or through other begrippen (in order of citation; empty when nothing changed)."""
    exprs: list[ir.Expr] = []
    for r in nieuw.rules:
        if r.provision == ref:
            exprs += [r.value, *(c.expr for c in r.conditions)]
    exprs += [d.expr for d in nieuw.definitions.values() if d.span.provision == ref]
    gezien: set[str] = set()
    te_doen = _namen(exprs)
    oorzaken: dict[ProvisionRef, None] = {}
    while te_doen:
        naam = te_doen.pop()
        if naam in gezien:
            continue
        gezien.add(naam)
        bron = _bron(nieuw, naam)
        if _definitie_gewijzigd(oud, nieuw, naam):
            # A changed begrip is the cause; what it now reads is part of that change, not another cause.
            if bron is not None and bron != ref:
                oorzaken[bron] = None
        elif naam in nieuw.definitions:
            te_doen |= _namen([nieuw.definitions[naam].expr])
    return tuple(sorted(oorzaken, key=lambda r: r.citeer()))
