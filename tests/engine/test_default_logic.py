"""Default logic as in Catala: 0, 1 or many applicable exceptions; empty; conflict naming both provisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law import values as v
from meerzorg_law.engine.compile import EvaluationFailure, compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.semantics.pipeline import load_bundle

GOOD = Path(__file__).parents[1] / "semantics" / "good" / "default_logic.rgl"


@pytest.fixture(scope="module")
def decision():  # type: ignore[no-untyped-def]
    bundle = load_bundle(GOOD)
    assert bundle.ok
    return compile_regeling(bundle.versions["t-1"], traced=True)


def facts(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"zorgprofiel": "VG7", "leveringsvorm": "verblijf", "uren": v.decimal_of_text("12"),
                               "leeftijd": v.integer(40)}
    base.update(kw)
    return base


def test_base_rule_applies(decision) -> None:  # type: ignore[no-untyped-def]
    out = evaluate(decision, facts())
    assert out.values["meerzorg"] is True and out.values["reden"] == "toegekend"
    assert out.trace is not None
    assert out.trace.outcome("meerzorg").decided_by.provision.citeer() == "artikel 1, eerste lid"


def test_no_rule_gives_standaard(decision) -> None:  # type: ignore[no-untyped-def]
    out = evaluate(decision, facts(uren=v.decimal_of_text("5")))
    assert out.values["meerzorg"] is False
    assert out.trace.outcome("meerzorg").decided_by is None


def test_exception_overrides_base(decision) -> None:  # type: ignore[no-untyped-def]
    out = evaluate(decision, facts(leveringsvorm="pgb"))
    assert out.values["meerzorg"] is False
    assert out.trace.outcome("meerzorg").decided_by.provision.citeer() == "artikel 1, tweede lid"


def test_tenzij_blocks_the_exception(decision) -> None:  # type: ignore[no-untyped-def]
    out = evaluate(decision, facts(leveringsvorm="pgb", leeftijd=v.integer(10)))
    assert out.values["meerzorg"] is True


def test_exception_to_exception(decision) -> None:  # type: ignore[no-untyped-def]
    out = evaluate(decision, facts(leveringsvorm="pgb", tot=v.date_of_text("2026-07-01")))
    assert out.values["meerzorg"] is True
    assert out.trace.outcome("meerzorg").decided_by.provision.citeer() == "artikel 1, derde lid"


def test_exception_wins_even_when_base_does_not_apply(decision) -> None:  # type: ignore[no-untyped-def]
    out = evaluate(decision, facts(uren=v.decimal_of_text("5"), zorgprofiel="VG6"))
    assert out.values["reden"] == "geen"
    assert out.trace.outcome("reden").decided_by.provision.citeer() == "artikel 1, eerste lid, onderdeel a"


def test_conflict_names_both_provisions(decision) -> None:  # type: ignore[no-untyped-def]
    # VG6 with enough hours: the grant in lid 1 and the exception in onderdeel a both decide 'reden'.
    with pytest.raises(EvaluationFailure) as err:
        evaluate(decision, facts(zorgprofiel="VG6"))
    d = err.value.diagnostic
    assert d.code == "R010"
    assert "artikel 1, eerste lid, onderdeel a" in d.message and "artikel 1, eerste lid (" in d.message
    assert d.message.startswith("conflict voor 'reden'")


def test_untraced_and_traced_agree() -> None:
    bundle = load_bundle(GOOD)
    fast, slow = (compile_regeling(bundle.versions["t-1"], traced=t) for t in (False, True))
    for uren in ("5", "10", "12"):
        for vorm in ("verblijf", "pgb"):
            f = facts(uren=v.decimal_of_text(uren), leveringsvorm=vorm)
            assert evaluate(fast, f).values == evaluate(slow, f).values


def test_untraced_shortcuts_keep_the_default_logic() -> None:
    """The untraced engine skips handle_default where one exception cannot conflict: same values, and the
    same conflict naming both provisions, through evaluate() and decide(), as the traced engine."""
    bundle = load_bundle(GOOD)
    fast, slow = (compile_regeling(bundle.versions["t-1"], traced=t) for t in (False, True))
    cases = [facts(leveringsvorm="pgb"), facts(leveringsvorm="pgb", leeftijd=v.integer(10)),
             facts(leveringsvorm="pgb", tot=v.date_of_text("2026-07-01")),
             facts(uren=v.decimal_of_text("5"), zorgprofiel="VG6"), facts(uren=v.decimal_of_text("5"))]
    for f in cases:
        want = evaluate(slow, f).values
        assert evaluate(fast, f).values == want and fast.decide(f) == want
    for run in (lambda f: evaluate(fast, f), fast.decide):
        with pytest.raises(EvaluationFailure) as err:
            run(facts(zorgprofiel="VG6"))
        with pytest.raises(EvaluationFailure) as want_err:
            evaluate(slow, facts(zorgprofiel="VG6"))
        assert err.value.diagnostic.code == "R010"
        assert err.value.diagnostic.message == want_err.value.diagnostic.message


def test_missing_fact_is_an_error_not_none(decision) -> None:  # type: ignore[no-untyped-def]
    f = facts()
    del f["uren"]
    with pytest.raises(EvaluationFailure) as err:
        evaluate(decision, f)
    assert err.value.diagnostic.message == "het feit 'uren' is nodig maar ontbreekt in de casus"
