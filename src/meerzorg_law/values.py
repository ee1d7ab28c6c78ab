"""Values: a thin adapter over the Catala runtime's types (exact decimals, money in cents, dates).

Booleans are Python ``bool`` and enumeration values are ``str`` (the value's name); everything numeric
or temporal is a ``catala.runtime`` object, so arithmetic and rounding are Catala's own. The one type
Catala lacks, ``uren`` (hours exact to the second, as the rekentool counts them), is ``Uren`` below.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Union

from catala import runtime as rt


@dataclass(frozen=True, slots=True, order=True)
class Uren:
    """A number of hours, exact to the second: ``26:05`` is 93,900 seconds.

    + and - are exact; times or divided by a number the result is rounded to the nearest second (a half
    second up), as a geldbedrag times a decimaal is rounded to the cent. Uren divided by uren is an exact
    decimaal. Comparisons are on the seconds, so exact.
    """

    seconden: int

    def __add__(self, other: Uren) -> Uren:
        return Uren(self.seconden + other.seconden)

    def __sub__(self, other: Uren) -> Uren:
        return Uren(self.seconden - other.seconden)

    def __neg__(self) -> Uren:
        return Uren(-self.seconden)

    def __mul__(self, other: rt.Integer | rt.Decimal) -> Uren:
        return Uren(round_half_up(self.seconden * _fraction(other)))

    def __truediv__(self, other: Uren | rt.Integer | rt.Decimal) -> Uren | rt.Decimal:
        if isinstance(other, Uren):
            if other.seconden == 0:
                raise ZeroDivisionError
            return _decimal(Fraction(self.seconden, other.seconden))
        divisor = _fraction(other)
        if divisor == 0:
            raise ZeroDivisionError
        return Uren(round_half_up(self.seconden / divisor))


def round_half_up(q: Fraction) -> int:
    """The nearest integer, a half up: floor(q + 1/2). Every engine rounds uren this way."""
    return (2 * q.numerator + q.denominator) // (2 * q.denominator)


def _fraction(v: rt.Integer | rt.Decimal) -> Fraction:
    if isinstance(v, rt.Integer):
        return Fraction(int(v.value))
    return Fraction(int(v.value.numerator), int(v.value.denominator))


def _decimal(q: Fraction) -> rt.Decimal:
    return rt.Decimal(f"{q.numerator}/{q.denominator}")


Value = Union[bool, str, rt.Integer, rt.Decimal, rt.Money, rt.Date, rt.Duration, Uren]

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


_UREN = re.compile(r"(\d+):(\d{2})(?::(\d{2}))?")
_DECIMALE_UREN = re.compile(r"\d+([.,]\d+)?")


def uren_of_text(text: str) -> Uren:
    """``"26:05"``, ``"6:31:15"`` (uu:mm[:ss]) or decimal hours ``"32,6"``/``"32.6"``, optionally followed by
    ``uur``; ValueError says why in Dutch. Decimal hours must come to a whole number of seconds (two decimals
    always do)."""
    s = text.strip()
    plain = s[:-4].rstrip() if s.endswith(" uur") else s  # "26:05 uur", as format_value writes it
    negative = plain.startswith("-")
    body = plain[1:] if negative else plain
    m = _UREN.fullmatch(body)
    if m:
        hours, minutes, seconds = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if minutes > 59:
            raise ValueError(f"'{s}' is geen geldig aantal uren: de minuten lopen van 00 tot en met 59")
        if seconds > 59:
            raise ValueError(f"'{s}' is geen geldig aantal uren: de seconden lopen van 00 tot en met 59")
        total = hours * 3600 + minutes * 60 + seconds
    elif _DECIMALE_UREN.fullmatch(body):
        exact = Fraction(body.replace(",", ".")) * 3600
        if exact.denominator != 1:
            raise ValueError(f"'{s}' uur is geen geheel aantal seconden; schrijf de uren als uu:mm:ss "
                             f"(bijvoorbeeld '{uren_text(Uren(round_half_up(exact)))}')")
        total = int(exact)
    else:
        raise ValueError(f"'{s}' is geen aantal uren (zoals '26:05', '6:31:15' of '32,6')")
    return Uren(-total if negative else total)


def uren_text(value: Uren) -> str:
    """The literal form, read back by ``uren_of_text`` and the grammar: ``26:05``, ``32:36:15``, ``-0:30``."""
    sign = "-" if value.seconden < 0 else ""
    hours, rest = divmod(abs(value.seconden), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def uren_voor_lezer(value: Uren) -> str:
    """Hours as a reader sees them everywhere (site, uitleg, readings, exports, reports), as the rekentool shows
    them: uu:mm with the seconds only when they are not zero, and the unit: ``26:05 uur``, ``6:31:15 uur``,
    ``0:00 uur``. The one formatting function for hours; ``uren_text`` is the literal a file holds."""
    return f"{uren_text(value)} uur"


def uren_as_fraction(value: Uren) -> Fraction:
    """The hours as an exact fraction: 26:05 -> 313/12."""
    return Fraction(value.seconden, 3600)


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
    if isinstance(value, Uren):
        return uren_voor_lezer(value)
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
    if isinstance(value, Uren):
        return uren_text(value)
    return format_value(value)

