"""What each begrip and uitkomst reads, and the cycles in that: a name may not depend on itself.

The order and the cycles come from the standard library's ``graphlib.TopologicalSorter``. A cycle gets one
diagnostic that lists the names in it and the provisions where each reads the next, so a drafter can see
which provisions to change.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterator

from .. import ir
from ..diagnostics import Diagnostic
from ..span import ProvisionRef, Span

__all__ = ["check_cycles", "dependencies"]


def _names(e: ir.Expr) -> Iterator[str]:
    return (x.name for x in ir.walk(e) if isinstance(x, ir.Var))


def dependencies(definitions: dict[str, ir.Definition], outcomes: dict[str, ir.OutcomeDecl],
                 rules: list[ir.Rule]) -> dict[str, frozenset[str]]:
    """Per begrip and uitkomst, the names its expressions (and, for an uitkomst, its rules) read."""
    deps: dict[str, set[str]] = {name: set(_names(d.expr)) for name, d in definitions.items()}
    for name, o in outcomes.items():
        deps[name] = set(_names(o.standaard)) if o.standaard is not None else set()
    for r in rules:
        deps[r.outcome].update(_names(r.value))
        for c in r.conditions:
            deps[r.outcome].update(_names(c.expr))
    return {k: frozenset(v) for k, v in deps.items()}


def check_cycles(deps: dict[str, frozenset[str]], definitions: dict[str, ir.Definition],
                 outcomes: dict[str, ir.OutcomeDecl], rules: list[ir.Rule], diags: list[Diagnostic]) -> None:
    """One E260 per cycle among begrippen and uitkomsten (each found cycle is cut and the search repeated)."""
    graph = {name: {m for m in reads if m in deps} for name, reads in deps.items()}
    order = {name: i for i, name in enumerate([*definitions, *outcomes])}
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
            return
        except graphlib.CycleError as error:
            # graphlib lists each name before a name that reads it; reversed, each name reads the next.
            found: list[str] = list(reversed(error.args[1][:-1]))
        start = min(range(len(found)), key=lambda i: order.get(found[i], len(order)))
        cycle = found[start:] + found[:start]
        steps = list(zip(cycle, [*cycle[1:], cycle[0]], strict=True))
        where = [_reading(a, b, definitions, outcomes, rules) for a, b in steps]
        provisions = list(dict.fromkeys(ref.citeer() for ref, _ in where))
        message = (f"cyclus van verwijzingen: {' -> '.join([*cycle, cycle[0]])} (in {_opsomming(provisions)}); "
                   "elk leest het volgende, dus geen ervan krijgt een waarde")
        diags.append(Diagnostic("E260", where[0][1], message,
                                related=tuple((span, f"{a} leest {b}") for (a, b), (_, span) in
                                              zip(steps[1:], where[1:], strict=True))))
        graph[steps[-1][0]].discard(steps[-1][1])  # cut the step back to the start, then look for more


def _reading(name: str, read: str, definitions: dict[str, ir.Definition], outcomes: dict[str, ir.OutcomeDecl],
             rules: list[ir.Rule]) -> tuple[ProvisionRef, Span]:
    """The provision (and the span there) where ``name`` reads ``read``."""
    if name in definitions:
        return definitions[name].span.provision, definitions[name].span
    for r in rules:
        if r.outcome == name and read in {*_names(r.value), *(n for c in r.conditions for n in _names(c.expr))}:
            return r.provision, r.span
    return outcomes[name].span.provision, outcomes[name].span


def _opsomming(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
