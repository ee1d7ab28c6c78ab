"""Declared eigenschappen: geldt (with waarvoor, met, volgens between versions) and monotoon."""

from __future__ import annotations

import pytest

from meerzorg_law.properties._runner import ENV, PROFILES, profile
from meerzorg_law.properties.declared import check_declared
from meerzorg_law.properties.model import BEWEZEN, GESCHONDEN, NIET_GECONTROLEERD, Report
from meerzorg_law.semantics.pipeline import Bundle

from .props_helpers import DATA, bundle_of, result, shown

MINIMAAL = {"peildatum": "2026-01-01", "leeftijd": "18", "inkomen": "51", "status": "a", "werkt": "onwaar"}


def test_statuses_of_the_broken_regeling(kapot_report: Report) -> None:
    statuses = {r.naam: r.status for r in kapot_report.versies[0].results if not r.ingebouwd}
    assert statuses == {"studenten": GESCHONDEN, "minderjarigen": BEWEZEN, "inkomen_monotoon": GESCHONDEN,
                        "inkomen_telt_niet": GESCHONDEN, "werken_telt_niet": BEWEZEN}


def test_geldt_with_waarvoor_shrinks_inside_the_filter(kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "studenten")
    assert r.counterexample is not None
    assert r.counterexample.reden == "'leeftijd >= 18 impliceert toeslag' is onwaar voor dit geval"
    (case,) = r.counterexample.cases
    assert shown(case.feiten) == {**MINIMAAL, "status": "b"}


def test_monotoon_gives_the_lower_and_the_higher_case(kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "inkomen_monotoon")
    assert r.counterexample is not None
    assert r.counterexample.reden == "toeslag daalt van waar naar onwaar als inkomen stijgt van 0 naar 51"
    lager, hoger = r.counterexample.cases
    assert (lager.naam, hoger.naam) == ("inkomen 0", "inkomen 51")
    assert shown(lager.feiten) == {**MINIMAAL, "inkomen": "0"}
    assert shown(hoger.feiten) == MINIMAAL


def test_met_adds_the_changed_case(kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "inkomen_telt_niet")
    assert r.counterexample is not None
    case, variant = r.counterexample.cases
    assert shown(case.feiten) == MINIMAAL
    assert variant.naam == "met inkomen = 0" and shown(variant.feiten) == {**MINIMAAL, "inkomen": "0"}


def test_properties_between_versions_use_both(versies_report: Report) -> None:
    r = result(versies_report, "v-2027", "niemand_slechter")
    assert r.status == GESCHONDEN and r.counterexample is not None
    assert r.counterexample.versies == ("v-2026", "v-2027")
    (case,) = r.counterexample.cases
    assert shown(case.feiten) == {"leeftijd": "18", "woont_thuis": "onwaar"}
    assert result(versies_report, "v-2027", "ouderen_gelijk").status == BEWEZEN


def test_monotoon_on_an_enumeration_is_not_checked() -> None:
    typen: Bundle = bundle_of(DATA / "typen")
    (r,) = check_declared(typen.versions, "typen-2026", PROFILES["ci"])
    assert r.status == NIET_GECONTROLEERD
    assert r.opmerking == "'daalt' is niet bepaald voor een uitkomst van type soort"


def test_bundled_regeling_satisfies_its_own_properties(bundled_report: Report) -> None:
    """Meerzorg-specific: the eigenschappen the regeling author declared in rlz-2026 hold."""
    v = next(v for v in bundled_report.versies if v.versie == "rlz-2026")
    declared = [r for r in v.results if not r.ingebouwd]
    assert declared
    assert {r.naam: r.status for r in declared} == {r.naam: BEWEZEN for r in declared}


def test_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    name, cfg = profile(None)
    assert name == "ci" and cfg.derandomize and cfg.max_examples == 300 and cfg.deadline is None
    monkeypatch.setenv(ENV, "lang")
    name, cfg = profile(None)
    assert name == "lang" and cfg.max_examples > 300
    assert profile("ci")[0] == "ci"
    monkeypatch.setenv(ENV, "snel")
    with pytest.raises(ValueError, match="onbekend profiel 'snel'"):
        profile(None)
