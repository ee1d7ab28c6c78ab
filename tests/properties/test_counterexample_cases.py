"""Counterexample case files load cleanly and run: green for declared properties, red while a conflict remains."""

from __future__ import annotations

from meerzorg_law.cases.load import load_cases
from meerzorg_law.cases.run import run_cases
from meerzorg_law.properties.model import Report
from meerzorg_law.semantics.pipeline import Bundle

from .props_helpers import result


def test_declared_counterexamples_run_green_and_say_what_they_violate(kapot: Bundle, kapot_report: Report) -> None:
    for naam in ("studenten", "inkomen_monotoon", "inkomen_telt_niet"):
        r = result(kapot_report, "kapot-2026", naam)
        assert r.bestand is not None and r.bestand.name == f"kapot-2026-{naam}.yaml"
        cases, diags = load_cases([r.bestand], kapot.versions, kapot.in_force)
        assert not diags, [d.message for d in diags]
        assert len(cases) == len(r.counterexample.cases if r.counterexample else ())
        results = run_cases(kapot.versions, cases, kapot.in_force)
        assert results and all(x.ok for x in results), [(x.mismatches, x.failure) for x in results]
        for case in cases:
            assert f"schendt de eigenschap {naam}" in case.omschrijving
            assert "Beslist door: toeslag: artikel 1," in case.omschrijving


def test_expectations_are_the_actual_outcomes(kapot: Bundle, kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "inkomen_monotoon")
    assert r.bestand is not None
    cases, _ = load_cases([r.bestand], kapot.versions, kapot.in_force)
    lager, hoger = cases
    assert lager.naam == "inkomen_monotoon (kapot-2026): tegenvoorbeeld, inkomen 0"
    assert lager.verwacht[0].values["toeslag"] is True and hoger.verwacht[0].values["toeslag"] is False
    assert "Beslist door: toeslag: artikel 1, tweede lid; bedrag: artikel 2." in hoger.omschrijving


def test_conflict_case_loads_and_fails_until_repaired(kapot: Bundle, kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "geen_conflict")
    assert r.bestand is not None
    cases, diags = load_cases([r.bestand], kapot.versions, kapot.in_force)
    assert not diags
    (case,) = cases
    assert "schendt de ingebouwde eigenschap geen_conflict" in case.omschrijving
    assert "Deze casus faalt tot de regeling is hersteld." in case.omschrijving
    (run,) = run_cases(kapot.versions, cases, kapot.in_force)
    assert run.failure is not None and run.failure.code == "R010"


def test_cross_version_counterexample_expects_both_versions(versies: Bundle, versies_report: Report) -> None:
    r = result(versies_report, "v-2027", "niemand_slechter")
    assert r.bestand is not None
    cases, diags = load_cases([r.bestand], versies.versions, versies.in_force)
    assert not diags
    (case,) = cases
    assert {e.versie: e.values for e in case.verwacht} == {"v-2026": {"toeslag": True}, "v-2027": {"toeslag": False}}
    assert "toeslag (v-2026): artikel 1, eerste lid; toeslag (v-2027): standaardwaarde" in case.omschrijving
    assert all(x.ok for x in run_cases(versies.versions, cases, versies.in_force))
