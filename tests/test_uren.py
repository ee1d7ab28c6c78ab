"""The value type uren: exact to the second, read and written as uu:mm[:ss], rounded to the second only when
multiplied or divided by a number (the engines, the columnar plan and the solver follow ``round_half_up``)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from meerzorg_law import values
from meerzorg_law.render.waarden import toon
from meerzorg_law.values import Uren, round_half_up, uren_of_text, uren_text


@pytest.mark.parametrize(("text", "seconds"), [
    ("26:05", 93_900), ("6:31:15", 23_475), ("0:00", 0), ("168:00", 604_800), ("32,6", 117_360),
    ("32.6", 117_360), ("32:36:15 uur", 117_375), ("-0:30", -1_800), ("42.1875", 151_875), ("7", 25_200),
])
def test_read(text: str, seconds: int) -> None:
    assert uren_of_text(text) == Uren(seconds)


@pytest.mark.parametrize(("text", "message"), [
    ("25:75", "'25:75' is geen geldig aantal uren: de minuten lopen van 00 tot en met 59"),
    ("6:31:60", "'6:31:60' is geen geldig aantal uren: de seconden lopen van 00 tot en met 59"),
    ("32.60416", "'32.60416' uur is geen geheel aantal seconden; schrijf de uren als uu:mm:ss (bijvoorbeeld "
                 "'32:36:15')"),
    ("26:5", "'26:5' is geen aantal uren (zoals '26:05', '6:31:15' of '32,6')"),
    ("zes uur", "'zes uur' is geen aantal uren (zoals '26:05', '6:31:15' of '32,6')"),
])
def test_read_errors_in_dutch(text: str, message: str) -> None:
    with pytest.raises(ValueError) as e:
        uren_of_text(text)
    assert str(e.value) == message


def test_written_as_read() -> None:
    for seconds in (0, 59, 60, 3_600, 93_900, 117_375, -1_800, 604_800):
        assert uren_of_text(uren_text(Uren(seconds))) == Uren(seconds)
    assert [uren_text(Uren(s)) for s in (93_900, 117_375, 0, -1_800)] == ["26:05", "32:36:15", "0:00", "-0:30"]
    assert toon(Uren(117_375)) == values.format_value(Uren(117_375)) == "32:36:15 uur"
    assert values.to_json(Uren(93_900)) == "26:05"


def test_the_lg5_bar_is_exact() -> None:
    """1,25 x 26:05 = 32:36:15 exactly (32,6041666... h), so 32,6 h is below it."""
    bar = uren_of_text("26:05") * values.decimal_of_text("1,25")
    assert bar == uren_of_text("32:36:15")
    assert values.uren_as_fraction(bar) == Fraction(1565, 48)
    assert uren_of_text("32,6") < bar <= uren_of_text("32:36:15")


def test_arithmetic() -> None:
    a, b = uren_of_text("26:05"), uren_of_text("6:31:15")
    assert a + b == uren_of_text("32:36:15") and a - b == uren_of_text("19:33:45") and -b == Uren(-23_475)
    assert a * values.integer(2) == uren_of_text("52:10")
    assert a / values.integer(7) == Uren(13_414)  # 93,900 / 7 = 13,414.28... seconds
    assert Uren(1) / values.integer(2) == Uren(1)  # a half second rounds up
    assert Uren(-1) / values.integer(2) == Uren(0)  # a half up, also below zero (floor of x + 1/2)
    assert values.decimal_as_fraction(b / a) == Fraction(1, 4)  # uren / uren: an exact decimaal
    with pytest.raises(ZeroDivisionError):
        a / values.integer(0)
    with pytest.raises(ZeroDivisionError):
        a / Uren(0)


def test_round_half_up() -> None:
    assert [round_half_up(Fraction(n, 2)) for n in (-3, -1, 1, 3)] == [-1, 0, 1, 2]
