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


# --- Hours as a reader sees them: one function, every surface (issue 20) ---------------------------------------

def test_hours_for_a_reader_are_hours_and_minutes_with_seconds_only_when_not_zero() -> None:
    """As the rekentool shows them ("Uren uit 2012 (UU:MM)", "6:31:15"), with the unit."""
    assert [values.uren_voor_lezer(Uren(s)) for s in (93_900, 23_475, 0, -1_800, 151_875)] == [
        "26:05 uur", "6:31:15 uur", "0:00 uur", "-0:30 uur", "42:11:15 uur"]


def test_every_surface_formats_hours_through_the_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """format_value (test reports, uitleg, exports' comparison), render.waarden.toon (site, readings, uitleg),
    the document model's table cells and declarations (the .docx/.pdf/AKN exports) and the impact report all
    call values.uren_voor_lezer: replace it and every one of them changes."""
    from meerzorg_law.document import tekst
    from meerzorg_law.render import impact
    from meerzorg_law.span import Span
    from meerzorg_law.syntax import ast

    def marked(value: Uren) -> str:
        return f"<{uren_text(value)}>"

    monkeypatch.setattr(values, "uren_voor_lezer", marked)
    monkeypatch.setattr(tekst, "uren_voor_lezer", marked)
    monkeypatch.setattr(impact, "uren_voor_lezer", marked)
    lg5 = Uren(93_900)
    assert values.format_value(lg5) == "<26:05>"
    assert toon(lg5) == "<26:05>"
    literal = ast.Literal(lg5, "uren", "26:05", Span("t.rgl", 1, 1, 1, 6))
    assert tekst.cel(literal) == "<26:05>"
    assert impact._uren(Fraction(313, 12)) == "<26:05>"


def test_the_exports_show_the_bekostigingsuren_as_hours(tmp_path: object) -> None:
    """The renvooi's table of bekostigingsuren: "26:05 uur" for LG5 (was "26:05", a time of day to a reader),
    and the gegevens annex gives ranges and defaults in hours."""
    from pathlib import Path

    from meerzorg_law.document import build_act
    from meerzorg_law.document.tekst import declaratie_zin
    from meerzorg_law.semantics.pipeline import load_bundle

    bundle = load_bundle(Path(__file__).parents[1] / "regeling")
    act = build_act("rlz-2027", bundle.consolidated, bundle.bronnen, "rlz-2026")
    [tabel] = [t for b in act.bijlagen for t in b.tabellen if t.naam == "bekostigingsuren"]
    rijen = {r[0]: r[-1] for r in tabel.rijen}
    assert rijen["LG5"] == "26:05 uur" and rijen["VG7"] == "33:45 uur"
    invoer = next(d for d in bundle.consolidated["rlz-2026"].gegevens if getattr(d, "name", "") == "uren_zorg_per_week")
    assert " van 0:00 uur tot en met 168:00 uur " in declaratie_zin(invoer)  # type: ignore[arg-type]


def test_impact_shows_sums_of_hours_as_hours() -> None:
    from meerzorg_law.render import impact

    assert impact._uren(Fraction(849_816) + Fraction(13, 60) + Fraction(15, 3600)) == "849816:13:15 uur"
    assert impact._uren(Fraction(-2898) - Fraction(5, 60)) == "-2898:05 uur"
    assert impact._marge_uren(620.3456) == "± 620:21 uur"  # a margin to the minute


def test_the_toelichting_of_the_drempel_counts_in_hours_and_minutes() -> None:
    """Artikel 2.2, eerste lid, onderdeel e: "1,25 x 33:45 uur = 42:11:15 uur", not decimal hours (42,1875)."""
    from pathlib import Path

    from meerzorg_law.semantics.pipeline import load_bundle
    from meerzorg_law.span import ProvisionRef

    reg = load_bundle(Path(__file__).parents[1] / "regeling").versions["rlz-2026"]
    p = reg.provision(ProvisionRef("2.2", "1", "e"))
    assert p is not None
    toelichting = " ".join(p.toelichting.split())
    assert "1,25 x 33:45 uur = 42:11:15 uur" in toelichting and "42,1875" not in toelichting
