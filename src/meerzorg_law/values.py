"""Values: a thin adapter over the Catala runtime's types (exact decimals, money in cents, dates).

Booleans are Python ``bool`` and enumeration values are ``str`` (the value's name); everything numeric
or temporal is a ``catala.runtime`` object, so arithmetic and rounding are Catala's own.
"""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Union

from catala import runtime as rt

Value = Union[bool, str, rt.Integer, rt.Decimal, rt.Money, rt.Date, rt.Duration]

Integer = rt.Integer
Decimal = rt.Decimal
Money = rt.Money
Date = rt.Date
Duration = rt.Duration

_DUUR_EENHEID = {
    "jaar": "years", "jaren": "years", "maand": "months", "maanden": "months",
    "week": "weeks", "weken": "weeks", "dag": "days", "dagen": "days",
}


def integer(n: int) -> rt.Integer:
    return rt.integer_of_int(n)


def decimal_of_text(text: str) -> rt.Decimal:
    """Exact decimal from DSL or case text; Dutch comma or dot: ``"1,25"`` and ``"1.25"`` are 5/4."""
    return rt.Decimal(text.replace(",", "."))


def decimal_of_integer(value: rt.Integer) -> rt.Decimal:
    return rt.decimal_of_integer(value)


def money_of_text(text: str) -> rt.Money:
    """``"€ 1.683,05"`` -> 168305 cents."""
    digits = text.replace("€", "").strip().replace(".", "")
    euros, _, cents = digits.partition(",")
    return rt.money_of_cents_string(str(int(euros) * 100 + int((cents or "0").ljust(2, "0"))))


def date_of_text(text: str) -> rt.Date:
    return rt.date_of_datetime(datetime.date.fromisoformat(text))


def date_of_python(value: datetime.date) -> rt.Date:
    return rt.date_of_datetime(value)


def duration(amount: int, unit: str) -> rt.Duration:
    key = _DUUR_EENHEID[unit]
    if key == "weeks":
        return rt.duration_of_numbers(0, 0, 7 * amount)
    return rt.duration_of_numbers(
        amount if key == "years" else 0, amount if key == "months" else 0, amount if key == "days" else 0
    )


def decimal_as_fraction(value: rt.Decimal) -> Fraction:
    q = value.value
    return Fraction(int(q.numerator), int(q.denominator))


def format_decimal(value: rt.Decimal, places: int = 4) -> str:
    """Dutch notation, exact where the decimal expansion is finite: 161/4 -> ``"40,25"``."""
    frac = decimal_as_fraction(value)
    sign = "-" if frac < 0 else ""
    frac = abs(frac)
    whole, rest = divmod(frac.numerator, frac.denominator)
    digits = ""
    for _ in range(places):
        if rest == 0:
            break
        rest *= 10
        d, rest = divmod(rest, frac.denominator)
        digits += str(d)
    approx = "≈" if rest else ""
    return f"{approx}{sign}{whole}" + (f",{digits}" if digits else "")


def format_value(value: Value) -> str:
    """How a value reads in Dutch output (explanations, test reports, docs)."""
    if isinstance(value, bool):
        return "waar" if value else "onwaar"
    if isinstance(value, str):
        return value
    if isinstance(value, rt.Integer):
        return str(int(value.value))
    if isinstance(value, rt.Decimal):
        return format_decimal(value)
    if isinstance(value, rt.Money):
        cents = int(value.value.value)
        euros, c = divmod(abs(cents), 100)
        return f"{'-' if cents < 0 else ''}€ {euros:,}".replace(",", ".") + f",{c:02d}"
    if isinstance(value, rt.Date):
        return str(value.value.isoformat())
    if isinstance(value, rt.Duration):
        y, m, d = rt.duration_to_years_months_days(value)
        parts = [f"{y} jaar"] if y else []
        parts += [f"{m} maanden"] if m else []
        parts += [f"{d} dagen"] if d or not parts else []
        return " en ".join(parts)
    raise TypeError(f"geen waarde: {value!r}")


def to_json(value: Value) -> object:
    """JSON-ready form: booleans and integers stay native, decimals become exact strings like "40.25"."""
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, rt.Integer):
        return int(value.value)
    if isinstance(value, rt.Decimal):
        return format_decimal(value, 6).replace(",", ".").replace("≈", "")
    return format_value(value)

