"""rangorde: a declared test order ranks rules without claiming a derogation the text does not make."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.syntax.parse import parse_text
from meerzorg_law.syntax.printer import print_document
from meerzorg_law.values import decimal_of_text

TEKST = """regeling "Test"
versie t-1
geldig vanaf 2026-01-01
gegevens
  enumeratie profiel
    waarde VG7
    waarde VG6
  enumeratie reden
    waarde toegekend
    waarde eerst_a
    waarde eerst_b
  invoer zorgprofiel: profiel
  invoer uren: decimaal van 0 tot en met 168
  uitkomst reden: reden standaard toegekend
artikel 1
  lid 1
    rangorde "De redenen worden in deze volgorde getoetst": VOLGORDE
    onderdeel a
      regel: reden is eerst_a indien zorgprofiel = VG6
    onderdeel b
      regel: reden is eerst_b indien uren < 10
"""


def _reden(tmp_path: Path, volgorde: str) -> str:
    path = tmp_path / f"{volgorde.replace(' ', '').replace(';', '-')}.rgl"
    path.write_text(TEKST.replace("VOLGORDE", volgorde), encoding="utf-8")
    bundle = load_bundle(path)
    assert bundle.ok, [d.message for d in bundle.diagnostics]
    reg = bundle.versions["t-1"]
    assert all(not r.exception_to for r in reg.rules)  # no derogation is claimed
    out = evaluate(compile_regeling(reg), {"zorgprofiel": "VG6", "uren": decimal_of_text("5")})
    return str(out.values["reden"])


def test_the_declared_order_decides_where_both_reasons_hold(tmp_path: Path) -> None:
    assert _reden(tmp_path, "onderdeel a; onderdeel b") == "eerst_a"
    assert _reden(tmp_path, "onderdeel b; onderdeel a") == "eerst_b"


def test_the_printer_round_trips_a_rangorde() -> None:
    doc, diags = parse_text(TEKST.replace("VOLGORDE", "onderdeel a; onderdeel b"))
    assert doc is not None and not diags
    printed = print_document(doc)
    assert 'rangorde "De redenen worden in deze volgorde getoetst": artikel 1, eerste lid, onderdeel a; ' in printed
    again, diags = parse_text(printed)
    assert again is not None and not diags and print_document(again) == printed


def test_the_bundled_refusal_reasons_are_ordered_not_derogated() -> None:
    reg = load_bundle(Path(__file__).parents[2] / "regeling").versions["rlz-2026"]
    assert [r.citeer() for r in reg.rangorden[0].volgorde] == [
        "artikel 2.2, eerste lid, onderdeel b", "artikel 2.2, eerste lid, onderdeel a", "artikel 5.5",
        "artikel 2.2, eerste lid, onderdeel c", "artikel 2.2, eerste lid, onderdeel d",
        "artikel 2.2, eerste lid, onderdeel e"]
    assert all(not r.exception_to for r in reg.rules)
