"""An eigenschap (ir.Property) -> proved for every valid client, or violated with a minimal counterexample.

``geldt``: no valid client (of every version the property names) for whom ``waarvoor`` holds and the claim is
onwaar; clients the regeling cannot decide are left out, as the sampling check skips them. ``monotoon``: no
client and two values low < high of the fact within its range for whom the outcome decreases. A construct the
translation cannot express gives ``ONVERTAALBAAR`` with the reason; the caller then samples. A proof z3 does
not finish within the time budget is ``ONBESLIST`` ("niet bewezen binnen N s"): neither proved nor refuted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import z3

from .. import ir
from ..types import ORDERED, TypeKind
from ..values import Value, format_value
from . import budget
from .smt import Term, Translator, Universe, Unsupported, beperkingen
from .witness import find_client

__all__ = ["BEWEZEN", "GESCHONDEN", "ONBESLIST", "ONVERTAALBAAR", "Proof", "checked_elsewhere", "prove_property"]

BEWEZEN, GESCHONDEN, ONVERTAALBAAR, ONBESLIST = "bewezen", "geschonden", "onvertaalbaar", "onbeslist"
_ORDERED = ORDERED | {TypeKind.BOOL}


@dataclass(frozen=True, slots=True)
class Proof:
    """``cases``: the counterexample as (name, facts) pairs, the main client first; ``reden`` says why in Dutch
    (or, when ONVERTAALBAAR, what could not be translated)."""

    status: str
    versies: tuple[str, ...]
    cases: tuple[tuple[str, dict[str, Value]], ...] = ()
    reden: str = ""


def checked_elsewhere(prop: ir.Property, versie: str, versions: Mapping[str, ir.Regeling]) -> bool:
    """A property between two versions that a third inherits (a variant built on one of them) is checked
    where it is declared among the versions it names, once, not again in every descendant."""
    if not prop.versies or versie in prop.versies:
        return False
    return any(p.name == prop.name and p.source == prop.source
               for v in prop.versies if v in versions for p in versions[v].properties)


def prove_property(u: Universe, vid: str, prop: ir.Property) -> Proof:
    vids = tuple(dict.fromkeys((vid, *(prop.versies or ()))))
    versies = tuple(prop.versies) if prop.versies else (vid,)
    try:
        if prop.kind == "monotoon":
            return _monotone(u, vid, vids, versies, prop)
        return _holds(u, vid, vids, versies, prop)
    except Unsupported as e:
        return Proof(ONVERTAALBAAR, versies, reden=e.what)
    except budget.Onbeslist as e:
        return Proof(ONBESLIST, versies, reden=e.reden)


def _holds(u: Universe, vid: str, vids: tuple[str, ...], versies: tuple[str, ...], prop: ir.Property) -> Proof:
    tr = Translator(u, u.versions[vid], others=vids)
    goal: list[z3.BoolRef] = []
    if prop.waarvoor is not None:
        w = tr.visit(prop.waarvoor)
        goal += [w.ok, w.val]
    if prop.expr is None:
        return Proof(BEWEZEN, versies)
    x = tr.visit(prop.expr)
    goal += [x.ok, z3.Not(x.val)]
    found = find_client(u, vids, goal)
    if found is None:
        return Proof(BEWEZEN, versies)
    facts = found[0]
    cases = [("", facts), *_met_variants(u, tr, prop.expr, facts, vids)]
    return Proof(GESCHONDEN, versies, tuple(cases), f"'{prop.source}' is onwaar voor dit geval")


def _met_variants(u: Universe, tr: Translator, e: ir.Expr, facts: dict[str, Value],
                  vids: tuple[str, ...]) -> list[tuple[str, dict[str, Value]]]:
    """The clients a ``met`` in the property looks at, so the counterexample shows them too."""
    out: list[tuple[str, dict[str, Value]]] = []
    for node in ir.walk(e):
        if not isinstance(node, ir.Met):
            continue
        fixed = _fix(u, facts, vids)
        value = tr.visit(node.value)
        solver = budget.solver()
        solver.add(*fixed)
        if not budget.beslis(solver):
            continue
        v = u.value(solver.model(), value.val, node.value.type)
        variant = (f"met {node.fact} = {format_value(v)}", {**facts, node.fact: v})
        if variant not in out:
            out.append(variant)
    return out


def _fix(u: Universe, facts: dict[str, Value], vids: tuple[str, ...]) -> list[z3.BoolRef]:
    out = []
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        f = u.facts[name]
        t = u.fact(name)
        if name in facts:
            out.append(t.val == u.const(facts[name], f.type, f.span))
            if f.optioneel:
                out.append(t.ok)
        elif f.optioneel:
            out.append(z3.Not(t.ok))
    return out


def _monotone(u: Universe, vid: str, vids: tuple[str, ...], versies: tuple[str, ...], prop: ir.Property) -> Proof:
    reg = u.versions[vid]
    decl = reg.outcomes.get(prop.uitkomst)
    fact = u.facts.get(prop.invoer)
    if decl is None or fact is None or decl.type.kind not in _ORDERED:
        raise Unsupported(f"'daalt' voor {prop.uitkomst}", prop.span)
    sort = u.sort(fact.type, fact.span)
    low, high = z3.Const(f"{prop.invoer}#laag", sort), z3.Const(f"{prop.invoer}#hoog", sort)
    goal: list[z3.BoolRef] = [low < high] if fact.type.kind is not TypeKind.BOOL else [z3.Not(low), high]
    for v in vids:
        if prop.invoer in u.versions[v].facts:
            d = u.versions[v].facts[prop.invoer]
            goal += [*u.range(d, u.versions[v], low), *u.range(d, u.versions[v], high)]
    t = z3.BoolVal(True)
    results = []
    for bound in (low, high):
        tr = Translator(u, reg, {prop.invoer: Term(bound, t)}, vids)
        for v in vids:  # both clients are valid: the raised value breaks no beperking either
            goal += beperkingen(tr if v == vid else Translator(u, u.versions[v], {prop.invoer: Term(bound, t)}))
        if prop.waarvoor is not None:
            w = tr.visit(prop.waarvoor)
            goal += [w.ok, w.val]
        out = tr.name(prop.uitkomst, "uitkomst", prop.span)
        goal.append(out.ok)
        results.append(out.val)
    a, b = results
    goal.append(z3.And(a, z3.Not(b)) if decl.type.kind is TypeKind.BOOL else b < a)
    found = find_client(u, vids, goal, extra=[(Term(low, t), fact.type), (Term(high, t), fact.type),
                                              (Term(a, t), decl.type), (Term(b, t), decl.type)],
                        grid=[low, high] if fact.type.kind is TypeKind.DECIMAAL else [])
    if found is None:
        return Proof(BEWEZEN, versies)
    facts, (lo, hi, va, vb) = found
    base = {k: v for k, v in facts.items() if k != prop.invoer}
    lower, higher = {**base, prop.invoer: lo}, {**base, prop.invoer: hi}
    order = list(dict.fromkeys(n for v in vids for n in u.versions[v].facts))
    lower = {k: lower[k] for k in order if k in lower}
    higher = {k: higher[k] for k in order if k in higher}
    reden = (f"{prop.uitkomst} daalt van {format_value(va)} naar {format_value(vb)} als {prop.invoer} stijgt van "
             f"{format_value(lo)} naar {format_value(hi)}")
    return Proof(GESCHONDEN, versies, ((f"{prop.invoer} {format_value(lo)}", lower),
                                       (f"{prop.invoer} {format_value(hi)}", higher)), reden)
