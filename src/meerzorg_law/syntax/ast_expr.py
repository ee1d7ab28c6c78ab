"""AST expression nodes: frozen, slotted dataclasses built by ``syntax._to_ast_expr``; re-exported by ``ast``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..span import Span
from ..values import Value


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Literal:
    """A constant; ``kind`` is one of waar/onwaar, geheel, decimaal, geld, datum, duur."""

    value: Value
    kind: str
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
