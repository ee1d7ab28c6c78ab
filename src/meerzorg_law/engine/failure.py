"""EvaluationFailure: the one runtime-error type of every engine, with its Dutch messages in one place.

The compiled closures and the reference interpreter raise the same failures through these constructors, so
a case that cannot be decided gets the same code and the same words whichever engine ran it:

* R001 no rule applies and the outcome has no standaard;
* R002 a fact the rules need is missing from the case;
* R003 division by zero;
* R004 a table has no row for the key;
* R005 an expression names a version that is not available here;
* R006 date arithmetic leaves the years 1-9999 (Python's date range);
* R007 a product exceeds MAX_DIGITS digits (squaring begrippen in a chain would otherwise exhaust memory);
* R010 two rules of equal rank apply and give a value, naming every applicable provision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import ir
from ..diagnostics import Diagnostic
from ..span import Span
from ..values import Value, format_value

__all__ = ["MAX_DIGITS", "EvaluationFailure", "bounded"]

MAX_DIGITS = 45
"""Most digits before the comma of a computed number: inputs have at most 15, a product of three of them fits."""
_LIMIT = 10**MAX_DIGITS


def bounded(value: Value, span: Span) -> Value:
    """``value`` unless a number that large can only come from runaway multiplication (R007)."""
    raw: Any = getattr(value, "value", getattr(value, "seconden", 0))  # Uren counts seconds
    number = getattr(raw, "value", raw)  # Money wraps an Integer of cents
    if abs(number) >= _LIMIT:
        raise EvaluationFailure.too_large(span)
    return value


class EvaluationFailure(Exception):
    """A case could not be decided; carries one Diagnostic that the renderers show with its position."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic

    @classmethod
    def no_rule(cls, outcome: str, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R001", span, f"geen regel van toepassing voor uitkomst '{outcome}', en zij heeft "
                                            "geen standaardwaarde"))

    @classmethod
    def missing_fact(cls, fact: str, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R002", span, f"het feit '{fact}' is nodig maar ontbreekt in de casus"))

    @classmethod
    def division_by_zero(cls, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R003", span, "deling door nul"))

    @classmethod
    def date_out_of_range(cls, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R006", span, "de uitkomst van deze datumberekening ligt buiten het bereik van "
                                            "datums (jaar 1 tot en met 9999)"))

    @classmethod
    def too_large(cls, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R007", span, f"de uitkomst van deze vermenigvuldiging is te groot (meer dan "
                                            f"{MAX_DIGITS} cijfers vóór de komma)"))

    @classmethod
    def no_row(cls, table: str, key: Value, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R004", span, f"tabel {table} heeft geen rij voor {format_value(key)}"))

    @classmethod
    def unknown_version(cls, versie: str, span: Span) -> EvaluationFailure:
        return cls(Diagnostic("R005", span, f"versie {versie} is hier niet beschikbaar"))

    @classmethod
    def conflict(cls, outcome: str, applicable: Sequence[tuple[Value, ir.Rule]]) -> EvaluationFailure:
        """Two or more applicable rules of equal rank: name every one (each value travels with its rule)."""
        parts = [f"{rule.provision.citeer()} ({outcome} is {format_value(value)})" for value, rule in applicable]
        related = [(rule.span, f"{rule.provision.citeer()} is van toepassing") for _, rule in applicable]
        message = (f"conflict voor '{outcome}': " + " en ".join(parts) + " zijn tegelijk van toepassing en geen "
                   "van beide is een uitzondering op de ander")
        return cls(Diagnostic("R010", applicable[0][1].span, message, related=tuple(related[1:])))
