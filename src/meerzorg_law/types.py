"""The type language of the DSL and how the arithmetic operators combine types (Catala's rules, plus
the one promotion drafters expect: a geheel getal becomes a decimaal where it meets one)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Type:
    """``kind``: bool, geheel, decimaal, geld, datum, duur, uren, enum (with ``enum`` its name), or tabel."""

    kind: str
    enum: str = ""

    def __str__(self) -> str:
        return _NAMES.get(self.kind, self.enum or self.kind)

    @property
    def numeric(self) -> bool:
        return self.kind in ("geheel", "decimaal")


_NAMES = {"bool": "waar/onwaar", "geheel": "geheel getal", "decimaal": "decimaal", "geld": "geldbedrag",
          "datum": "datum", "duur": "duur", "uren": "uren",
          "tabel": "tabel"}

BOOL = Type("bool")
GEHEEL = Type("geheel")
DECIMAAL = Type("decimaal")
GELD = Type("geld")
DATUM = Type("datum")
DUUR = Type("duur")
UREN = Type("uren")
# The type of an expression that already has an error: accepted everywhere, so one mistake gives one message.
FOUT = Type("fout")


def enum(name: str) -> Type:
    return Type("enum", name)


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
_ARITH: dict[tuple[str, str, str], str] = {
    ("+", "geheel", "geheel"): "geheel", ("-", "geheel", "geheel"): "geheel",
    ("*", "geheel", "geheel"): "geheel", ("/", "geheel", "geheel"): "decimaal",
    ("+", "decimaal", "decimaal"): "decimaal", ("-", "decimaal", "decimaal"): "decimaal",
    ("*", "decimaal", "decimaal"): "decimaal", ("/", "decimaal", "decimaal"): "decimaal",
    ("+", "geld", "geld"): "geld", ("-", "geld", "geld"): "geld",
    ("*", "geld", "decimaal"): "geld", ("/", "geld", "geld"): "decimaal",
    ("+", "datum", "duur"): "datum", ("-", "datum", "duur"): "datum", ("-", "datum", "datum"): "duur",
    ("+", "duur", "duur"): "duur", ("-", "duur", "duur"): "duur", ("*", "duur", "geheel"): "duur",
    # uren (exact to the second): a number of hours is not a number, so uren + 1 is an error (write 1:00).
    ("+", "uren", "uren"): "uren", ("-", "uren", "uren"): "uren", ("/", "uren", "uren"): "decimaal",
    ("*", "uren", "geheel"): "uren", ("*", "uren", "decimaal"): "uren",
    ("/", "uren", "geheel"): "uren", ("/", "uren", "decimaal"): "uren",
}


def arithmetic(op: str, a: Type, b: Type) -> tuple[Type, bool, bool] | None:
    """Result type of ``a op b`` and whether the left/right operand is first promoted to decimaal."""
    if FOUT in (a, b):
        return FOUT, False, False
    direct = _ARITH.get((op, a.kind, b.kind))
    if direct:
        return Type(direct), False, False
    # Promote geheel to decimaal where that makes the operation defined (1,25 * leeftijd; geld * 2).
    for pa, pb in ((a.kind == "geheel", False), (False, b.kind == "geheel"), (a.kind == "geheel", b.kind == "geheel")):
        ka = "decimaal" if pa else a.kind
        kb = "decimaal" if pb else b.kind
        promoted = _ARITH.get((op, ka, kb))
        if promoted and (pa or pb):
            return Type(promoted), pa, pb
    if op == "*" and a.kind in ("decimaal", "geheel") and b.kind in ("geld", "uren"):
        return Type(b.kind), False, False  # commutes; the checker swaps the operands
    return None
