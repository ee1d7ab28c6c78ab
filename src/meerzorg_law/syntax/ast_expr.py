"""AST expression nodes: frozen, slotted dataclasses built by ``syntax._to_ast_expr``; re-exported by ``ast``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, Union

from ..span import Span
from ..types import TypeKind
from ..values import Value


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Literal:
    """A constant; ``kind`` is its TypeKind (bool, geheel, decimaal, geld, datum, duur, uren)."""

    value: Value
    kind: TypeKind
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class SetLit:
    items: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class BinOp:
    """Arithmetic (+ - * /), logic (en, of, impliceert) and comparison (= <> < <= > >=)."""

    op: str
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class In:
    element: Expr
    collection: Expr
    negated: bool
    span: Span


@dataclass(frozen=True, slots=True)
class Unary:
    """``niet`` or unary minus (op ``-``)."""

    op: str
    operand: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Known:
    """``x is bekend`` / ``x is niet bekend`` for optional facts."""

    operand: Expr
    negated: bool
    span: Span


@dataclass(frozen=True, slots=True)
class Lookup:
    table: Expr
    key: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Column:
    base: Expr
    column: str
    span: Span


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class IfThenElse:
    condition: Expr
    then: Expr
    otherwise: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Volgens:
    """``meerzorg volgens rlz-2027``: an outcome under a named version (eigenschappen only)."""

    expr: Expr
    versie: str
    span: Span


@dataclass(frozen=True, slots=True)
class Met:
    """``(meerzorg met leveringsvorm als verblijf)``: the same case with one fact changed (eigenschappen only)."""

    expr: Expr
    fact: str
    value: Expr
    span: Span


Expr = Union[Name, Literal, SetLit, BinOp, In, Unary, Known, Lookup, Column, Call, IfThenElse, Volgens, Met]


A = TypeVar("A")
R = TypeVar("R")

# Every expression kind, each with the name of its method on ExprVisitor (as ir.EXPR_KINDS for the IR).
# Adding a kind to ``Expr`` means adding it here; tests/syntax/test_ast_visitor.py then fails for every pass
# over the AST that has no method for it.
EXPR_KINDS: dict[type, str] = {
    Name: "name", Literal: "literal", SetLit: "set_lit", BinOp: "bin_op", In: "in_", Unary: "unary",
    Known: "known", Lookup: "lookup", Column: "column", Call: "call", IfThenElse: "if_then_else",
    Volgens: "volgens", Met: "met",
}


class ExprVisitor(Generic[A, R]):
    """The one traversal over AST expressions (the printer, the checker): one method per kind, by table.

    ``arg`` is what flows down the tree: the checker passes the type the context expects; a pass with
    nothing to pass down uses None. A pass overrides every method, as for ``ir.ExprVisitor``.
    """

    def visit(self, e: Expr, arg: A) -> R:
        method: Callable[[Any, A], R] = getattr(self, EXPR_KINDS[type(e)])
        return method(e, arg)

    def name(self, e: Name, arg: A) -> R:
        raise NotImplementedError
    def literal(self, e: Literal, arg: A) -> R:
        raise NotImplementedError
    def set_lit(self, e: SetLit, arg: A) -> R:
        raise NotImplementedError
    def bin_op(self, e: BinOp, arg: A) -> R:
        raise NotImplementedError
    def in_(self, e: In, arg: A) -> R:
        raise NotImplementedError
    def unary(self, e: Unary, arg: A) -> R:
        raise NotImplementedError
    def known(self, e: Known, arg: A) -> R:
        raise NotImplementedError
    def lookup(self, e: Lookup, arg: A) -> R:
        raise NotImplementedError
    def column(self, e: Column, arg: A) -> R:
        raise NotImplementedError
    def call(self, e: Call, arg: A) -> R:
        raise NotImplementedError
    def if_then_else(self, e: IfThenElse, arg: A) -> R:
        raise NotImplementedError
    def volgens(self, e: Volgens, arg: A) -> R:
        raise NotImplementedError
    def met(self, e: Met, arg: A) -> R:
        raise NotImplementedError


def missing_handlers(visitor: type[ExprVisitor[Any, Any]]) -> list[str]:
    """The expression kinds a pass's visitor class does not handle (its exhaustiveness, for tests)."""
    return [name for name in EXPR_KINDS.values() if getattr(visitor, name) is getattr(ExprVisitor, name)]
