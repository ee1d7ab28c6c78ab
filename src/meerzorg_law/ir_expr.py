"""IR expressions: typed, frozen nodes, and ExprVisitor, the one traversal every back end uses over them.

Re-exported by ``ir``, so callers write ``ir.BinOp`` and ``ir.ExprVisitor`` as for the rest of the IR.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, Union

from .span import Span
from .types import Type
from .values import Value

# --------------------------------------------------------------------------------------------------
# Expressions (typed)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Const:
    value: Value
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Var:
    """A fact (``invoer``), a definition (``begrip``/``parameter``) or an outcome."""

    name: str
    kind: str
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Unary:
    """``niet``, ``-`` (negation), ``promote`` (geheel -> decimaal)."""

    op: str
    operand: Expr
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class BinOp:
    """Arithmetic, comparison, and the short-circuit ``en``/``of``/``impliceert``."""

    op: str
    left: Expr
    right: Expr
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class InSet:
    element: Expr
    items: tuple[Expr, ...]
    negated: bool
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class InTable:
    element: Expr
    table: str
    negated: bool
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Lookup:
    table: str
    key: Expr
    column: str
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Known:
    fact: str
    negated: bool
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class IfThenElse:
    condition: Expr
    then: Expr
    otherwise: Expr
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Volgens:
    """An outcome under another version (eigenschappen only)."""

    expr: Expr
    versie: str
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Met:
    """The same case with one fact changed (eigenschappen only)."""

    expr: Expr
    fact: str
    value: Expr
    type: Type
    span: Span


Expr = Union[Const, Var, Unary, BinOp, InSet, InTable, Lookup, Known, IfThenElse, Call, Volgens, Met]


R = TypeVar("R")

# Every expression kind, each with the name of its method on ExprVisitor. Adding a kind to ``Expr`` means
# adding it here; tests/test_ir_visitor.py then fails for every back end that has no method for it.
EXPR_KINDS: dict[type, str] = {
    Const: "const", Var: "var", Unary: "unary", BinOp: "bin_op", InSet: "in_set", InTable: "in_table",
    Lookup: "lookup", Known: "known", IfThenElse: "if_then_else", Call: "call", Volgens: "volgens", Met: "met",
}


class ExprVisitor(Generic[R]):
    """The one traversal over IR expressions that every back end uses: one method per expression kind.

    A back end (closures, interpreter, columnar plan, SMT terms, rule text) subclasses this and overrides
    every method; ``visit`` dispatches on the node's class through one table, so there is no isinstance
    chain to keep in step with ``Expr``. A back end that cannot translate a kind overrides its method to
    say so (for example by raising its own "not supported" error), never by leaving it out.
    """

    def visit(self, e: Expr) -> R:
        method: Callable[[Any], R] = getattr(self, EXPR_KINDS[type(e)])
        return method(e)

    def const(self, e: Const) -> R:
        raise NotImplementedError
    def var(self, e: Var) -> R:
        raise NotImplementedError
    def unary(self, e: Unary) -> R:
        raise NotImplementedError
    def bin_op(self, e: BinOp) -> R:
        raise NotImplementedError
    def in_set(self, e: InSet) -> R:
        raise NotImplementedError
    def in_table(self, e: InTable) -> R:
        raise NotImplementedError
    def lookup(self, e: Lookup) -> R:
        raise NotImplementedError
    def known(self, e: Known) -> R:
        raise NotImplementedError
    def if_then_else(self, e: IfThenElse) -> R:
        raise NotImplementedError
    def call(self, e: Call) -> R:
        raise NotImplementedError
    def volgens(self, e: Volgens) -> R:
        raise NotImplementedError
    def met(self, e: Met) -> R:
        raise NotImplementedError


class _Children(ExprVisitor[tuple[Expr, ...]]):
    """The direct subexpressions of each kind: the structure ``children`` and ``walk`` are built on."""

    def const(self, e: Const) -> tuple[Expr, ...]:
        return ()
    def var(self, e: Var) -> tuple[Expr, ...]:
        return ()
    def unary(self, e: Unary) -> tuple[Expr, ...]:
        return (e.operand,)
    def bin_op(self, e: BinOp) -> tuple[Expr, ...]:
        return (e.left, e.right)
    def in_set(self, e: InSet) -> tuple[Expr, ...]:
        return (e.element, *e.items)
    def in_table(self, e: InTable) -> tuple[Expr, ...]:
        return (e.element,)
    def lookup(self, e: Lookup) -> tuple[Expr, ...]:
        return (e.key,)
    def known(self, e: Known) -> tuple[Expr, ...]:
        return ()
    def if_then_else(self, e: IfThenElse) -> tuple[Expr, ...]:
        return (e.condition, e.then, e.otherwise)
    def call(self, e: Call) -> tuple[Expr, ...]:
        return e.args
    def volgens(self, e: Volgens) -> tuple[Expr, ...]:
        return (e.expr,)
    def met(self, e: Met) -> tuple[Expr, ...]:
        return (e.expr, e.value)


_CHILDREN = _Children()


def children(e: Expr) -> tuple[Expr, ...]:
    """The direct subexpressions of ``e``, for passes that treat every kind alike (collect, search)."""
    return _CHILDREN.visit(e)


def walk(e: Expr) -> Iterator[Expr]:
    """``e`` and all its subexpressions, depth first, without recursion (expressions may nest deeply)."""
    stack = [e]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def missing_handlers(visitor: type[ExprVisitor[Any]]) -> list[str]:
    """The expression kinds a back end's visitor class does not handle (its exhaustiveness, for tests)."""
    return [name for name in EXPR_KINDS.values() if getattr(visitor, name) is getattr(ExprVisitor, name)]
