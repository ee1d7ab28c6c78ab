"""Values as a Dutch reader expects them, through Babel's CLDR data for ``nl_NL``: ``42,1875``, ``€ 43.640,82``,
``1 januari 2027``, ``26:05 uur``; booleans as ja/nee and enumeration values by their label.

``values.format_value`` stays the compact, machine-near form of test reports and error messages (``waar``,
``2027-01-01``, the value's code); this module is for text a jurist or a parent reads (site, explanations).
"""

from __future__ import annotations

import datetime
import decimal
from fractions import Fraction

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from .. import ir
from ..values import Date, Decimal, Duration, Integer, Money, Uren, Value, decimal_as_fraction, format_value

__all__ = ["bedrag", "datum", "getal", "toon", "toon_enum", "toon_feit", "toon_uitkomst"]

LOCALE = "nl_NL"
_PLAATSEN = 4


def getal(value: int | Fraction) -> str:
    """A number in Dutch notation, exact where it has at most four decimals, else rounded with ``≈``.

    >>> getal(Fraction(161, 4)), getal(12345), getal(Fraction(1, 3))
    ('40,25', '12.345', '≈0,3333')
    """
    frac = Fraction(value)
    scaled = frac * 10**_PLAATSEN
    exact = scaled.denominator == 1
    quantised = decimal.Decimal(round(scaled)).scaleb(-_PLAATSEN)
    text = format_decimal(quantised, format="#,##0.####", locale=LOCALE)
    return text if exact else f"≈{text}"


def bedrag(cents: int) -> str:
    """``€ 43.640,82``.

    >>> bedrag(4364082)
    '€\\xa043.640,82'
    """
    return str(format_currency(decimal.Decimal(cents).scaleb(-2), "EUR", locale=LOCALE))


def datum(d: datetime.date) -> str:
    """``1 januari 2027``.

    >>> datum(datetime.date(2027, 1, 1))
    '1 januari 2027'
    """
    return str(format_date(d, format="long", locale="nl"))


def toon(value: Value) -> str:
    """Any value for a reader, without knowing its declaration (an enumeration value shows its code)."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Integer):
        return getal(int(value.value))
    if isinstance(value, Decimal):
        return getal(decimal_as_fraction(value))
    if isinstance(value, Money):
        return bedrag(int(value.value.value))
    if isinstance(value, Date):
        return datum(value.value)
    if isinstance(value, (Duration, Uren)):  # uren as the rekentool shows them: "26:05 uur", "32:36:15 uur"
        return format_value(value)
    return value.replace("_", " ")


def toon_enum(regeling: ir.Regeling, enum: str, value: str) -> str:
    """An enumeration value by its label (its code, spaced, if it has none)."""
    decl = regeling.enums.get(enum)
    if decl is not None and value in decl.values:
        label = decl.labels[decl.values.index(value)]
        if label:
            return label
    return value.replace("_", " ")


def _getypeerd(regeling: ir.Regeling, type_: object, value: Value) -> str:
    enum = getattr(type_, "enum", "")
    if enum and isinstance(value, str):
        return toon_enum(regeling, enum, value)
    return toon(value)


def toon_feit(regeling: ir.Regeling, naam: str, value: Value) -> str:
    """The value of a fact of a case, read with its declaration."""
    decl = regeling.facts.get(naam)
    return _getypeerd(regeling, decl.type if decl else None, value)


def toon_uitkomst(regeling: ir.Regeling, naam: str, value: Value) -> str:
    """The value of an outcome, read with its declaration."""
    decl = regeling.outcomes.get(naam)
    return _getypeerd(regeling, decl.type if decl else None, value)
