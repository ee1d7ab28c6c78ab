"""Zelfstandige bepalingen with rules: Artikel II of a wijzigingsregeling may carry rules (here overgangsrecht),
which hold in the consolidated version as provisions of the wijzigingsregeling, for the per-case engine, the
columnar engine and the solver alike; an Artikel II date of inwerkingtreding must be 'geldig vanaf'."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.cases.project import load_project
from meerzorg_law.cases.run import run_cases
from meerzorg_law.columnar.batch import evaluate_columns
from meerzorg_law.columnar.columns import columns_from_facts
from meerzorg_law.properties.run import check_properties
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_file, parse_text
from meerzorg_law.syntax.printer import print_document
from meerzorg_law.versions.consolidate import consolidate

HERE = Path(__file__).parent
MAP = HERE / "zelfstandig"
ID = "rlz-2027-termijn"
II = ProvisionRef("II")


def test_a_rule_in_artikel_ii_is_parsed_not_refused() -> None:
    doc, diags = parse_file(str(MAP / f"{ID}.rgl"))
    assert not diags, [d.message for d in diags]  # before: E100 "onverwacht 'regel'" and the text ignored
    assert isinstance(doc, ast.Wijzigingsregeling)
    tweede = doc.artikelen[1]
    assert tweede.nummer == "II" and tweede.bepaling is not None
    assert [type(i).__name__ for i in tweede.bepaling.items] == ["Regel"]
    # The printer writes it back so that it parses to the same document.
    again, diags = parse_text(print_document(doc), "opnieuw.rgl")
    assert not diags and isinstance(again, ast.Wijzigingsregeling)
    assert print_document(again) == print_document(doc)


def test_the_rule_holds_in_the_version_cited_as_part_of_the_wijzigingsregeling() -> None:
    bundle = load_bundle(MAP)
    assert bundle.ok, [d.message for d in bundle.diagnostics if d.is_error]
    reg = bundle.versions[ID]
    rules = [r for r in reg.rules if r.provision == II]
    assert len(rules) == 1 and rules[0].herkomst is not None and rules[0].herkomst.soort == "voorstel"
    assert II.citeer() == "artikel II van de wijzigingsregeling"
    assert any(p.ref == II for p in reg.provisions)
    assert "rlz-2026" in bundle.versions and not any(r.provision == II for r in bundle.versions["rlz-2026"].rules)


def test_engine_and_columnar_engine_apply_the_overgangsrecht() -> None:
    project = load_project(MAP, [MAP / "casussen.yaml"])
    assert project.ok, [d.message for d in project.diagnostics if d.is_error]
    results = run_cases(project.bundle.versions, project.cases, project.bundle.in_force)
    assert len(results) == 4 and all(r.ok for r in results), [(r.case.naam, r.mismatches) for r in results]
    reg = project.bundle.versions[ID]
    kolommen = evaluate_columns(reg, columns_from_facts(reg, [c.feiten for c in project.cases]))
    assert kolommen.per_case == 0  # vectorised, not handed back to the per-case evaluator
    assert [int(x) for x in kolommen.columns.data["maximale_duur_jaren"]] == [5, 3, 5, 0]


def test_the_solver_proves_what_artikel_ii_promises() -> None:
    report = check_properties(load_bundle(MAP).versions, ID)
    mine = [r for v in report.versies for r in v.results if r.naam == "termijn_lopend_besluit"]
    assert [r.status for r in mine] == ["bewezen"]


def test_artikel_ii_date_must_be_geldig_vanaf_with_both_places() -> None:
    basis, _ = parse_file(str(HERE / "good" / "basis.rgl"))
    wijziging, _ = parse_file(str(HERE / "bad" / "W022_inwerkingtreding.rgl"))
    assert isinstance(basis, ast.Regeling) and isinstance(wijziging, ast.Wijzigingsregeling)
    result, diags = consolidate(basis, wijziging)
    assert result is None
    [d] = diags
    assert d.code == "W022" and d.span.line == 12
    assert [(s.line, note) for s, note in d.related] == [(4, "geldig vanaf")]
