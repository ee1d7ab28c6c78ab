"""Built-in checks: undecided cases and conflicts are found with a minimal case; unreachable provisions listed."""

from __future__ import annotations

from meerzorg_law.properties.model import BEWEZEN, GESCHONDEN, Report
from meerzorg_law.span import ProvisionRef

from .props_helpers import result, shown


def test_undecided_outcome_is_found_with_the_minimal_case(kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "elk_geval_beslist")
    assert r.status == GESCHONDEN and r.ingebouwd
    assert r.counterexample is not None and r.counterexample.diagnostic is not None
    assert r.counterexample.diagnostic.code == "R001"
    assert r.counterexample.reden == ("geen regel van toepassing voor uitkomst 'bedrag', en zij heeft geen "
                                      "standaardwaarde")
    (case,) = r.counterexample.cases
    assert shown(case.feiten) == {"peildatum": "2026-01-01", "leeftijd": "0", "inkomen": "0", "status": "c",
                                  "werkt": "onwaar"}


def test_conflict_is_found_with_the_minimal_case_naming_both_provisions(kapot_report: Report) -> None:
    r = result(kapot_report, "kapot-2026", "geen_conflict")
    assert r.status == GESCHONDEN
    assert r.counterexample is not None and r.counterexample.diagnostic is not None
    assert r.counterexample.diagnostic.code == "R010"
    assert "artikel 1, eerste lid (toeslag is waar) en artikel 1, derde lid (toeslag is onwaar)" in \
        r.counterexample.reden
    (case,) = r.counterexample.cases
    # The smallest age at which both rules apply, the first status that makes the third lid apply.
    assert shown(case.feiten) == {"peildatum": "2026-01-01", "leeftijd": "65", "inkomen": "0", "status": "c",
                                  "werkt": "onwaar"}


def test_unreachable_provisions_are_listed(kapot_report: Report) -> None:
    """Proved dead: lid 4 needs an age above the range. (Lid 3 does apply, in conflict with lid 1.)"""
    (v,) = kapot_report.versies
    assert v.onbereikbaar == (ProvisionRef("1", "4"),)


def test_sound_versions_pass_the_builtin_checks(versies_report: Report, bundled_report: Report) -> None:
    for report in (versies_report, bundled_report):
        for v in report.versies:
            for name in ("elk_geval_beslist", "geen_conflict"):
                r = result(report, v.versie, name)
                assert r.status == BEWEZEN, (v.versie, name, r.counterexample)
                assert r.gevallen == 0  # proved, not sampled
            assert v.onbereikbaar == ()
