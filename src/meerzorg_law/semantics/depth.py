"""IR -> diagnostics: how deep an expression is once the begrippen and uitkomsten it names are counted in.

Every back end follows a name into its definition recursively (the reference interpreter, the read-sets of
the explanations, the z3 translation), so a chain of begrippen that each nest 80 levels adds up: 30 of them
is 2400 levels and a RecursionError. The parser limits one expression (syntax.limits); this limits the
chain, at the definition or rule where it first exceeds MAX_CHAINED_DEPTH. Computed without recursion.
"""

from __future__ import annotations

import graphlib

from .. import ir
from ..diagnostics import Diagnostic

__all__ = ["MAX_CHAINED_DEPTH", "check_depth"]

MAX_CHAINED_DEPTH = 200
"""Levels of nesting, definitions followed; the bundled versions need at most 20."""


def check_depth(reg: ir.Regeling) -> list[Diagnostic]:
    uses: dict[str, list[ir.Expr]] = {name: [d.expr] for name, d in reg.definitions.items()}
    spans = {name: d.span for name, d in reg.definitions.items()}
    for rule in reg.rules:
        uses.setdefault(rule.outcome, []).extend([rule.value, *(c.expr for c in rule.conditions)])
        spans.setdefault(rule.outcome, rule.span)
    graph = {name: {v.name for e in exprs for v in _vars(e) if v.name in uses} for name, exprs in uses.items()}
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError:
        return []  # a cycle is reported by the checker itself
    depth: dict[str, int] = {}
    diagnostics: list[Diagnostic] = []
    for name in order:
        if name not in uses:
            continue
        depth[name] = max(_chained(e, depth) for e in uses[name])
        if depth[name] > MAX_CHAINED_DEPTH and not diagnostics:
            diagnostics.append(Diagnostic("E290", spans[name], (
                f"'{name}' is, met de begrippen en uitkomsten die erin gebruikt worden, {depth[name]} niveaus diep "
                f"genest (ten hoogste {MAX_CHAINED_DEPTH}); schrijf de keten van begrippen eenvoudiger")))
    return diagnostics


def _vars(e: ir.Expr) -> list[ir.Var]:
    out: list[ir.Var] = []
    stack = [e]
    while stack:
        node = stack.pop()
        if isinstance(node, ir.Var):
            out.append(node)
        stack.extend(ir.children(node))
    return out


def _chained(e: ir.Expr, known: dict[str, int]) -> int:
    """Depth of ``e`` where a name counts as deep as its (already computed) definition, plus one."""
    best = 0
    stack: list[tuple[ir.Expr, int]] = [(e, 1)]
    while stack:
        node, d = stack.pop()
        best = max(best, d + known.get(node.name, 0) if isinstance(node, ir.Var) else d)
        stack.extend((c, d + 1) for c in ir.children(node))
    return best
