"""z3 models -> clients: a witness as facts, as few facts away from a plain client as possible, and readable.

The plain client is the one the Hypothesis strategies shrink to: the first enumeration value, onwaar, the
lowest number allowed, the version's geldig_vanaf for a date, an optional fact left out. A witness first
tries numbers on a grid of cents (a case file can hold them exactly), then any rational.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import z3

from .. import ir
from ..types import Type, TypeKind
from ..values import Value
from . import budget
from .smt import Term, Translator, Universe, Unsupported, valid

__all__ = ["Decider", "client", "find_client"]

_GRID = 100  # decimals of a witness in cents where possible


def _reference(u: Universe, vids: Sequence[str]) -> list[z3.BoolRef]:
    """One soft constraint per fact: equal to the plain client's value."""
    regs = [u.versions[v] for v in vids]
    out: list[z3.BoolRef] = []
    for name in dict.fromkeys(n for r in regs for n in r.facts):
        f = u.facts[name]
        t = u.fact(name)
        if f.optioneel:
            out.append(z3.Not(t.ok))
            continue
        kind = f.type.kind
        if kind is TypeKind.BOOL:
            out.append(z3.Not(t.val))
        elif kind is TypeKind.ENUM:
            first = next(r.enums[f.type.enum].values[0] for r in regs if f.type.enum in r.enums)
            out.append(t.val == u.index(f.type.enum, first))
        elif kind is TypeKind.DATUM:
            out.append(t.val == regs[0].geldig_vanaf.toordinal())
        elif f.bereik is not None:
            out.append(t.val == u.const(f.bereik[0], f.type, f.span))
        else:
            out.append(t.val == 0)
    return out


def _grid(u: Universe, vids: Sequence[str]) -> list[z3.BoolRef]:
    out = []
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        if u.facts[name].type.kind is TypeKind.DECIMAAL:
            k = z3.Int(f"{name}#cent")
            out.append(u.fact(name).val * _GRID == z3.ToReal(k))
        elif u.facts[name].type.kind is TypeKind.UREN:  # whole minutes first, as the rekentool's uu:mm
            out.append(u.fact(name).val % 60 == 0)
    return out


def find_client(u: Universe, vids: Sequence[str], goal: Sequence[z3.BoolRef], minimal: bool = True,
                extra: Sequence[tuple[Term, Type]] = (), grid: Sequence[z3.ExprRef] = ()
                ) -> tuple[dict[str, Value], list[Value]] | None:
    """A valid client of ``vids`` satisfying ``goal``, and the values of ``extra`` terms for it; None if none
    exists (which is then proved). ``minimal``: as few facts away from the plain client as z3 can find.
    ``grid``: further decimal terms to try in cents first, as the decimal facts are. ``Onbeslist`` when z3
    cannot say within the time budget whether such a client exists: never None for "no answer"."""
    base = [*valid(u, vids), *goal]
    quick = budget.solver()
    quick.add(*base)
    if not budget.beslis(quick):  # proved: no such client (the common case, so no optimisation is paid)
        return None
    cents = [t * _GRID == z3.ToReal(z3.FreshInt("cent")) for t in grid]
    for constraints in ([*base, *_grid(u, vids), *cents], base):
        solver = _optimizer(u, vids, grid) if minimal else budget.solver()
        solver.add(*constraints)
        try:
            found = budget.beslis(solver)
        except budget.Onbeslist:
            if minimal:  # the optimisation ran out: any client will do
                return find_client(u, vids, goal, minimal=False, extra=extra, grid=grid)
            if constraints is base:
                raise
            continue
        if found:
            model = solver.model()
            return client(u, model, vids), [u.value(model, t.val, ty) for t, ty in extra]
    # The quick check found a client, so one exists; without one in hand this is not decided.
    raise budget.Onbeslist("niet bewezen: z3 vond wel een cliënt maar gaf haar niet")


def client(u: Universe, model: z3.ModelRef, vids: Sequence[str]) -> dict[str, Value]:
    """The facts of a model, in declaration order; an optional fact the client lacks is left out."""
    facts: dict[str, Value] = {}
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        f = u.facts[name]
        t = u.fact(name)
        if f.optioneel and not z3.is_true(model.eval(t.ok, model_completion=True)):
            continue
        facts[name] = u.value(model, t.val, f.type)
    return facts


class Decider:
    """The outcomes of one client by the solver's terms (None where evaluation fails), translated once per
    version: for the differential test against the engine, which is the reference."""

    def __init__(self, u: Universe, reg: ir.Regeling) -> None:
        self.u = u
        self.reg = reg
        tr = Translator(u, reg)
        self.terms: dict[str, Term] = {}
        self.unsupported: dict[str, str] = {}  # outcome -> what could not be translated (left out)
        for name in reg.outcomes:
            try:
                self.terms[name] = tr.outcome(name).term
            except Unsupported as e:
                self.unsupported[name] = e.what

    def __call__(self, facts: Mapping[str, Value]) -> dict[str, Value | None]:
        u = self.u
        fixed: list[z3.BoolRef] = []
        for name, f in self.reg.facts.items():
            t = u.fact(name)
            if name in facts:
                fixed.append(t.val == u.const(facts[name], f.type, f.span))
            if f.optioneel:
                fixed.append(t.ok if name in facts else z3.Not(t.ok))
        solver = budget.solver()
        solver.add(*fixed)
        if not budget.beslis(solver):
            raise ValueError("deze feiten liggen buiten de declaraties")
        model = solver.model()
        out: dict[str, Value | None] = {}
        for name, term in self.terms.items():
            ok = z3.is_true(model.eval(term.ok, model_completion=True))
            out[name] = u.value(model, term.val, self.reg.outcomes[name].type) if ok else None
        return out


def _optimizer(u: Universe, vids: Sequence[str], grid: Sequence[z3.ExprRef]) -> z3.Optimize:
    """Fewest facts away from the plain client first (weight 100 each); then whole numbers where they will
    do (28 rather than 27,82) and a known date near the version's own date rather than in the year 1 (weight
    1 each); then the ``grid`` terms as small as they can be (the threshold where a property breaks); then
    the numbers as low in their ranges as they can be."""
    solver = budget.optimizer()
    for soft in _reference(u, vids):
        solver.add_soft(soft, 100)
    for term in grid:
        solver.add_soft(z3.IsInt(term), 1)
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        kind = u.facts[name].type.kind
        if kind is TypeKind.DECIMAAL:
            solver.add_soft(z3.IsInt(u.fact(name).val), 1)
        elif kind is TypeKind.UREN:
            solver.add_soft(u.fact(name).val % 3600 == 0, 1)
        elif kind is TypeKind.DATUM:
            day = u.versions[vids[0]].geldig_vanaf.toordinal()
            solver.add_soft(u.fact(name).val == day, 1)
            solver.add_soft(u.fact(name).val >= day - 366, 1)
    for term in grid:
        solver.minimize(term)
    # Last, every number as close to the bottom of its range as the goal allows (51, not 52, just above 50):
    # this also makes the witness the same whatever z3 did before in the process.
    lows = []
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        f = u.facts[name]
        if f.type.kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.UREN) and f.bereik is not None:
            val = u.fact(name).val
            lows.append(val - u.const(f.bereik[0], f.type, f.span) if f.type.kind is TypeKind.DECIMAAL
                        else z3.ToReal(val) - z3.ToReal(u.const(f.bereik[0], f.type, f.span)))
    if lows:
        solver.minimize(z3.Sum(*lows))
    return solver
