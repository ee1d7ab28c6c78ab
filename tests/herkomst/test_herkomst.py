"""Provenance (herkomst) and the source registry: bad files with inline expectations, a bad registry, the
printer round trip, and the bundled regeling's provenance as data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import actual, inline_expectations
from meerzorg_law.diagnostics import Severity
from meerzorg_law.semantics.bronnen import load_bronnen
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.syntax.parse import parse_file, parse_text
from meerzorg_law.syntax.printer import print_document

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def test_bad_file_reports_exactly_its_inline_diagnostics() -> None:
    path = HERE / "bad" / "herkomst.rgl"
    bundle = load_bundle(path)
    assert not bundle.ok
    assert actual(bundle.diagnostics, path) == inline_expectations(path)
    warnings = [d for d in bundle.diagnostics if d.code == "H001"]
    assert warnings and all(d.severity is Severity.WAARSCHUWING for d in warnings)


def test_good_file_checks_without_any_finding_and_carries_provenance_into_the_ir() -> None:
    bundle = load_bundle(HERE / "good" / "herkomst.rgl")
    assert bundle.diagnostics == ()
    reg = bundle.versions["h-1"]
    artikel = next(p for p in reg.provisions if p.kind == "artikel")
    assert artikel.herkomst is not None and artikel.herkomst.soort == "officieel"
    assert reg.definitions["grens"].herkomst is not None
    assert reg.definitions["grens"].herkomst.alternatieven == ("twaalf uur", "geen grens")
    assert {r.herkomst.soort for r in reg.rules if r.herkomst} == {"reconstructie"}
    assert reg.tables["t"].herkomst is not None and reg.tables["t"].herkomst.soort == "uitvoering"
    assert reg.bronnen["wet-2015"].bwb == "BWBR0000000"


def test_a_rule_without_its_own_herkomst_rests_on_its_provision() -> None:
    text = (HERE / "good" / "herkomst.rgl").read_text(encoding="utf-8")
    text = text.replace("  regel: recht is waar indien uren > grens\n    herkomst reconstructie bron kantoor-2026\n",
                        "  regel: recht is waar indien uren > grens\n")
    doc, diags = parse_text(text)
    assert doc is not None and not diags
    path = HERE / "good" / "_zonder_regelherkomst.rgl"
    path.write_text(text, encoding="utf-8")
    try:
        reg = load_bundle(path).versions["h-1"]
    finally:
        path.unlink()
    assert {r.herkomst.soort for r in reg.rules if r.herkomst} == {"officieel"}


def test_without_a_registry_unknown_sources_are_errors_and_missing_provenance_is_not_warned() -> None:
    text = (HERE / "good" / "herkomst.rgl").read_text(encoding="utf-8")
    path = HERE / "register" / "_zonder_register.rgl"
    path.write_text(text.replace("  herkomst officieel bron wet-2015\n", ""), encoding="utf-8")
    try:
        bundle = load_bundle(path)
    finally:
        path.unlink()
    codes = [d.code for d in bundle.diagnostics]
    assert "H001" not in codes
    assert "onbekende bron 'kantoor-2026': die staat niet in een bronnenregister (er is geen bronnen.toml naast " \
           "de regeling)" in [d.message for d in bundle.diagnostics]


def test_registry_that_is_no_toml_is_one_error_with_its_position() -> None:
    bronnen, diags = load_bronnen(HERE / "register" / "kapot.toml")
    assert bronnen == {}
    assert [(d.code, d.span.line) for d in diags] == [("H010", 2)]
    assert diags[0].message.startswith("het bronnenregister is geen geldige TOML")


def test_registry_errors_name_the_entry_and_its_line() -> None:
    path = HERE / "register" / "velden.toml"
    bronnen, diags = load_bronnen(path)
    assert list(bronnen) == ["goed-2015", "kopie-goed-2015"]
    assert bronnen["kopie-goed-2015"].kopie == "https://example.org/kopie"
    assert [(d.code, d.span.line, d.message) for d in diags] == [
        ("H012", 10, "bron zonder-url: onbekend veld kleur; ontbrekend veld url"),
        ("H012", 15, "bron tekstdatum-2015: datum is geen datum (schrijf 2025-07-01 zonder aanhalingstekens)"),
        ("H013", 21, "bron lokaal-2015: de vindplaats moet een openbaar adres zijn (https://...), niet "
                     "'ftp://example.org/bron.pdf'"),
        ("H014", 26, "bron halfofficieel-2015: een officiële geconsolideerde tekst heeft zowel bwb als "
                     "geldend_vanaf"),
        ("H011", 32, "'GeenId' is geen bron: een bron is een tabel [id] met een id van kleine letters en cijfers "
                     "met een streepje, zoals [rlz-2015]"),
        ("H015", 37, "bron kopie-2015: kopie is het openbare adres (https://...) van de kopie die is gelezen, "
                     "naast de officiële vindplaats in url"),
    ]


def test_printer_round_trips_every_form_of_herkomst_and_the_aanhef() -> None:
    for path in [HERE / "good" / "herkomst.rgl", *sorted((ROOT / "regeling").glob("*.rgl"))]:
        doc, diags = parse_file(str(path))
        assert doc is not None and not diags
        printed = print_document(doc)
        again, diags = parse_text(printed)
        assert again is not None and not diags
        assert print_document(again) == printed


def test_meerzorg_check_fails_with_exit_code_2_on_an_unknown_source() -> None:
    run = subprocess.run([sys.executable, "-m", "meerzorg_law", "check", str(HERE / "bad" / "herkomst.rgl")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert "fout[H002]: onbekende bron 'wet-2051'" in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
