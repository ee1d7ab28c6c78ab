"""IR expression -> closure over an evaluation's Ctx: the engine's back end of ``ir.ExprVisitor``.

The visitor runs once per version at compile time; the closures it returns run per case, so they take the
cheapest shape available (a constant right operand folded in, a set of constants as a frozenset). Names of
definitions and outcomes are resolved through the compiler (``Host.getter``), which memoises them per
evaluation. ``dynamic`` closures look names and tables up in the Decision they run against, for expressions
evaluated under another version (``volgens``) or with a changed fact (``met``).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, Protocol

from catala import runtime as rt

from .. import ir
from ..types import TypeKind
from ..values import Value
from .context import Ctx, Fn, const
from .failure import EvaluationFailure, bounded
from .tabulate import MISS

__all__ = ["Closures", "Host"]


class Host(Protocol):
    """What the closures need from the compiler: the version, and closures for names and subexpressions."""

    @property
    def reg(self) -> ir.Regeling: ...

    @property
    def traced(self) -> bool: ...

    def getter(self, name: str) -> Fn: ...

    def expr(self, e: ir.Expr, dynamic: bool = False) -> Fn: ...


_OPERATOR: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "=": operator.eq, "<>": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


class Closures(ir.ExprVisitor[Fn]):
    """One closure per expression. With ``parts`` each subexpression goes back through the compiler, which
    may turn it into a lookup (partial evaluation); without, subexpressions are compiled here directly."""

    def __init__(self, host: Host, dynamic: bool = False, parts: bool = False) -> None:
        self.host = host
        self.reg = host.reg
        self.dynamic = dynamic
        self.sub: Callable[[ir.Expr], Fn] = host.expr if parts else self.visit

    def const(self, e: ir.Const) -> Fn:
        return const(e.value)

    def var(self, e: ir.Var) -> Fn:
        name, span = e.name, e.span
        if self.dynamic:
            kind = e.kind

            def dynamic_var(ctx: Ctx) -> Value:
                if kind == "invoer" and name in ctx.facts:
                    return ctx.facts[name]
                fn = ctx.decision.fns.get(name)
                if fn is not None:
                    return fn(ctx)
                if name in ctx.facts:
                    return ctx.facts[name]
                raise EvaluationFailure.missing_fact(name, span)
            return dynamic_var
        if e.kind != "invoer" and (name in self.reg.definitions or name in self.reg.trees):
            return self.host.getter(name)
        traced = self.host.traced

        def fact(ctx: Ctx) -> Value:
            try:
                v = ctx.facts[name]
            except KeyError:
                raise EvaluationFailure.missing_fact(name, span) from None
            if traced and ctx.rec is not None:
                ctx.rec.facts[name] = None
            return v
        return fact

    def unary(self, e: ir.Unary) -> Fn:
        f = self.sub(e.operand)
        if e.op == "niet":
            return lambda ctx: not f(ctx)
        if e.op == "promote":
            return lambda ctx: rt.decimal_of_integer(f(ctx))
        return lambda ctx: -f(ctx)

    def bin_op(self, e: ir.BinOp) -> Fn:
        return _bin_op(e, self.sub(e.left), self.sub(e.right))

    def in_set(self, e: ir.InSet) -> Fn:
        el = self.sub(e.element)
        neg = e.negated
        if all(isinstance(i, ir.Const) and isinstance(i.value, (str, bool)) for i in e.items):
            members = frozenset(i.value for i in e.items if isinstance(i, ir.Const))
            return lambda ctx: (el(ctx) in members) is not neg
        items = [self.sub(i) for i in e.items]
        return lambda ctx: any(el(ctx) == i(ctx) for i in items) is not neg

    def in_table(self, e: ir.InTable) -> Fn:
        el, table, neg = self.sub(e.element), e.table, e.negated
        if self.dynamic:
            return lambda ctx: (el(ctx) in ctx.decision.regeling.tables[table].rows) is not neg
        rows = self.reg.tables[table].rows
        return lambda ctx: (el(ctx) in rows) is not neg

    def lookup(self, e: ir.Lookup) -> Fn:
        key, table, column, span = self.sub(e.key), e.table, e.column, e.span
        if self.dynamic:
            def dynamic_lookup(ctx: Ctx) -> Value:
                t = ctx.decision.regeling.tables[table]
                k = key(ctx)
                row = t.rows.get(k)
                if row is None:
                    raise EvaluationFailure.no_row(table, k, span)
                return row[t.column_index(column)]
            return dynamic_lookup
        t = self.reg.tables[table]
        col = t.column_index(column)
        cells = {k: row[col] for k, row in t.rows.items()}

        def lookup(ctx: Ctx) -> Value:
            k = key(ctx)
            v = cells.get(k, MISS)
            if v is MISS:
                raise EvaluationFailure.no_row(table, k, span)
            return v
        return lookup

    def known(self, e: ir.Known) -> Fn:
        name, neg = e.fact, e.negated
        return lambda ctx: (name in ctx.facts) is not neg

    def if_then_else(self, e: ir.IfThenElse) -> Fn:
        c, a, b = self.sub(e.condition), self.sub(e.then), self.sub(e.otherwise)
        return lambda ctx: a(ctx) if c(ctx) else b(ctx)

    def call(self, e: ir.Call) -> Fn:
        args = [self.sub(a) for a in e.args]
        if e.function == "minimum":
            return lambda ctx: min((a(ctx) for a in args), key=_Cmp)
        if e.function == "maximum":
            return lambda ctx: max((a(ctx) for a in args), key=_Cmp)
        if e.function == "afronden":
            return lambda ctx: rt.decimal_round(args[0](ctx))
        return lambda ctx: rt.year_of_date(args[0](ctx))

    def volgens(self, e: ir.Volgens) -> Fn:
        inner, versie, span = self.host.expr(e.expr, dynamic=True), e.versie, e.span

        def volgens(ctx: Ctx) -> Value:
            other = ctx.others.get(versie)
            if other is None:
                raise EvaluationFailure.unknown_version(versie, span)
            return inner(Ctx(other, ctx.facts, None, ctx.others))
        return volgens

    def met(self, e: ir.Met) -> Fn:
        inner, fact, value = self.host.expr(e.expr, self.dynamic), e.fact, self.host.expr(e.value, self.dynamic)

        def met(ctx: Ctx) -> Value:
            facts = dict(ctx.facts)
            facts[fact] = value(ctx)
            return inner(Ctx(ctx.decision, facts, None, ctx.others))
        return met


def _bin_op(e: ir.BinOp, a: Fn, b: Fn) -> Fn:
    op, span = e.op, e.span
    if op == "en":
        return lambda ctx: a(ctx) and b(ctx)
    if op == "of":
        return lambda ctx: a(ctx) or b(ctx)
    if op == "impliceert":
        return lambda ctx: (not a(ctx)) or b(ctx)
    if op == "/":
        def divide(ctx: Ctx) -> Value:
            try:
                return a(ctx) / b(ctx)
            except ZeroDivisionError:
                raise EvaluationFailure.division_by_zero(span) from None
        return divide
    if e.type.kind is TypeKind.DATUM:  # datum ± duur can leave the years 1-9999
        date_op = _OPERATOR[op]

        def date_arithmetic(ctx: Ctx) -> Value:
            try:
                return date_op(a(ctx), b(ctx))
            except (ValueError, OverflowError):
                raise EvaluationFailure.date_out_of_range(span) from None
        return date_arithmetic
    if op == "*":  # the one operator whose results can grow without bound
        return lambda ctx: bounded(a(ctx) * b(ctx), span)
    fn = _OPERATOR[op]
    bv = getattr(b, "constant", MISS) if getattr(b, "cheap", False) else MISS
    if bv is not MISS:
        if op == ">=":
            return lambda ctx: a(ctx) >= bv
        if op == "<":
            return lambda ctx: a(ctx) < bv
        if op == "=":
            return lambda ctx: a(ctx) == bv
        if op == "<>":
            return lambda ctx: a(ctx) != bv
        return lambda ctx: fn(a(ctx), bv)
    if op == ">=":
        return lambda ctx: a(ctx) >= b(ctx)
    if op == "<":
        return lambda ctx: a(ctx) < b(ctx)
    if op == "+":
        return lambda ctx: a(ctx) + b(ctx)
    if op == "-":
        return lambda ctx: a(ctx) - b(ctx)
    return lambda ctx: fn(a(ctx), b(ctx))


class _Cmp:
    """Sort key so min/max use the Catala types' own comparisons."""

    __slots__ = ("v",)

    def __init__(self, v: Any) -> None:
        self.v = v

    def __lt__(self, other: _Cmp) -> bool:
        return bool(self.v < other.v)
