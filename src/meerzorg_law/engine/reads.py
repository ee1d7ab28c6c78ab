"""Which facts an expression, rule tree or outcome reads, through definitions and outcomes.

Partial evaluation (``tabulate.py``) needs this to know whether a part depends only on few-valued facts, and
``Decision.reads`` lets bulk runs evaluate each distinct combination of read facts once. None means "not
knowable here": an expression under another version (``volgens``) or with a changed fact (``met``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .. import ir

__all__ = ["FactsRead", "Reads"]

Reads = frozenset[str] | None


class FactsRead(ir.ExprVisitor[Reads]):
    """The facts each expression reads; per name computed once (the checker has ruled out cycles)."""

    def __init__(self, regeling: ir.Regeling) -> None:
        self.reg = regeling
        self.name = functools.cache(self._name)

    def of(self, e: ir.Expr | None) -> Reads:
        return frozenset() if e is None else self.visit(e)

    def all(self, exprs: Iterable[ir.Expr]) -> Reads:
        out: set[str] = set()
        for c in exprs:
            r = self.visit(c)
            if r is None:
                return None
            out |= r
        return frozenset(out)

    def outcome(self, tree: ir.OutcomeTree) -> Reads:
        return _union([*(self.node(n) for n in tree.nodes), self.of(tree.standaard)])

    def node(self, node: ir.Node) -> Reads:
        return _KNOOP.visit(node, self)

    def _name(self, name: str) -> Reads:
        if name in self.reg.definitions:
            return self.visit(self.reg.definitions[name].expr)
        return self.outcome(self.reg.trees[name])

    # ---- one method per expression kind -----------------------------------------------------------
    def const(self, e: ir.Const) -> Reads:
        return frozenset()

    def var(self, e: ir.Var) -> Reads:
        if e.kind == "invoer" or (e.name not in self.reg.definitions and e.name not in self.reg.trees):
            return frozenset((e.name,))
        return self.name(e.name)

    def known(self, e: ir.Known) -> Reads:
        return frozenset((e.fact,))

    def volgens(self, e: ir.Volgens) -> Reads:
        return None

    def met(self, e: ir.Met) -> Reads:
        return None

    def unary(self, e: ir.Unary) -> Reads:
        return self.all(ir.children(e))

    def bin_op(self, e: ir.BinOp) -> Reads:
        return self.all(ir.children(e))

    def in_set(self, e: ir.InSet) -> Reads:
        return self.all(ir.children(e))

    def in_table(self, e: ir.InTable) -> Reads:
        return self.all(ir.children(e))

    def lookup(self, e: ir.Lookup) -> Reads:
        return self.all(ir.children(e))

    def if_then_else(self, e: ir.IfThenElse) -> Reads:
        return self.all(ir.children(e))

    def call(self, e: ir.Call) -> Reads:
        return self.all(ir.children(e))


def _union(parts: list[Reads]) -> Reads:
    out: set[str] = set()
    for p in parts:
        if p is None:
            return None
        out |= p
    return frozenset(out)


class _Knoop(ir.NodeVisitor[FactsRead, Reads]):
    """What a rule reads (its value and conditions); a group reads what its exceptions and members read."""

    def leaf(self, n: ir.Leaf, r: FactsRead) -> Reads:
        return r.all([n.rule.value, *(c.expr for c in n.rule.conditions)])

    def group(self, n: ir.Group, r: FactsRead) -> Reads:
        return _union([r.node(m) for m in (*n.exceptions, *n.members)])


_KNOOP = _Knoop()
