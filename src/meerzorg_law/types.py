"""The type language of the DSL and how the arithmetic operators combine types (Catala's rules, plus
the one promotion drafters expect: a geheel getal becomes a decimaal where it meets one)."""

from __future__ import annotations

import enum as _enum
from dataclasses import dataclass


class TypeKind(_enum.Enum):
    """The kinds of value the DSL knows. Every back end keeps ONE mapping keyed by this enumeration (see
    tests/test_typekind.py), so a new kind fails a test in each back end that does not handle it yet."""

    BOOL = "bool"
    GEHEEL = "geheel"
    DECIMAAL = "decimaal"
    GELD = "geld"
    DATUM = "datum"
    DUUR = "duur"
    UREN = "uren"
    ENUM = "enum"
    TABEL = "tabel"
    # The type of an expression that already has an error: accepted everywhere, so one mistake gives one message.
    FOUT = "fout"


# How the regeling writes a type (``invoer x: geheel getal``); an enumeration is written by its own name.
TYPE_WORDS: dict[TypeKind, str] = {
    TypeKind.BOOL: "waar/onwaar", TypeKind.GEHEEL: "geheel getal", TypeKind.DECIMAAL: "decimaal",
    TypeKind.GELD: "geldbedrag", TypeKind.DATUM: "datum", TypeKind.DUUR: "duur", TypeKind.UREN: "uren",
    TypeKind.ENUM: "enumeratie", TypeKind.TABEL: "tabel", TypeKind.FOUT: "fout",
}

NUMERIC = frozenset({TypeKind.GEHEEL, TypeKind.DECIMAAL})
# The kinds whose values have an order (< > <= >=, minimum, maximum).
ORDERED = frozenset({TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.GELD, TypeKind.DATUM, TypeKind.DUUR, TypeKind.UREN})


@dataclass(frozen=True, slots=True)
class Type:
    """``kind``: a TypeKind; with ``TypeKind.ENUM``, ``enum`` is the enumeratie's name."""

    kind: TypeKind
    enum: str = ""

    def __str__(self) -> str:
        return self.enum if self.kind is TypeKind.ENUM else TYPE_WORDS[self.kind]

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


BOOL = Type(TypeKind.BOOL)
GEHEEL = Type(TypeKind.GEHEEL)
DECIMAAL = Type(TypeKind.DECIMAAL)
GELD = Type(TypeKind.GELD)
DATUM = Type(TypeKind.DATUM)
DUUR = Type(TypeKind.DUUR)
UREN = Type(TypeKind.UREN)
FOUT = Type(TypeKind.FOUT)


def enum(name: str) -> Type:
    return Type(TypeKind.ENUM, name)


def unify_numeric(a: Type, b: Type) -> Type | None:
    """The common type of two operands of a comparison: equal types, or geheel/decimaal -> decimaal."""
    if a == b:
        return a
    if FOUT in (a, b):
        return b if a == FOUT else a
    if a.numeric and b.numeric:
        return DECIMAAL
    return None


# (op, left kind, right kind) -> result kind, for + - * /.
_G, _D, _M, _DT, _DU, _U = (TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.GELD, TypeKind.DATUM, TypeKind.DUUR,
                            TypeKind.UREN)
_ARITH: dict[tuple[str, TypeKind, TypeKind], TypeKind] = {
    ("+", _G, _G): _G, ("-", _G, _G): _G, ("*", _G, _G): _G, ("/", _G, _G): _D,
    ("+", _D, _D): _D, ("-", _D, _D): _D, ("*", _D, _D): _D, ("/", _D, _D): _D,
    ("+", _M, _M): _M, ("-", _M, _M): _M, ("*", _M, _D): _M, ("/", _M, _M): _D,
    ("+", _DT, _DU): _DT, ("-", _DT, _DU): _DT, ("-", _DT, _DT): _DU,
    ("+", _DU, _DU): _DU, ("-", _DU, _DU): _DU, ("*", _DU, _G): _DU,
    # uren (exact to the second): a number of hours is not a number, so uren + 1 is an error (write 1:00).
    ("+", _U, _U): _U, ("-", _U, _U): _U, ("/", _U, _U): _D,
    ("*", _U, _G): _U, ("*", _U, _D): _U, ("/", _U, _G): _U, ("/", _U, _D): _U,
}


def arithmetic(op: str, a: Type, b: Type) -> tuple[Type, bool, bool] | None:
    """Result type of ``a op b`` and whether the left/right operand is first promoted to decimaal."""
    if FOUT in (a, b):
        return FOUT, False, False
    direct = _ARITH.get((op, a.kind, b.kind))
    if direct:
        return Type(direct), False, False
    # Promote geheel to decimaal where that makes the operation defined (1,25 * leeftijd; geld * 2).
    for pa, pb in ((a.kind is _G, False), (False, b.kind is _G), (a.kind is _G, b.kind is _G)):
        ka = _D if pa else a.kind
        kb = _D if pb else b.kind
        promoted = _ARITH.get((op, ka, kb))
        if promoted and (pa or pb):
            return Type(promoted), pa, pb
    if op == "*" and a.kind in NUMERIC and b.kind in (_M, _U):
        return Type(b.kind), False, False  # commutes; the checker swaps the operands
    return None
