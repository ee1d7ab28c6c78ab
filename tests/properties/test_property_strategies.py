"""Strategies: every drawn case is valid case-file input, shrinks to the plainest case, and hits thresholds."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from catala import runtime as rt
from hypothesis import find, given, settings

from meerzorg_law import ir
from meerzorg_law.cases.load import load_cases, parse_value
from meerzorg_law.properties._runner import PROFILES
from meerzorg_law.properties.counterexample import write_counterexample
from meerzorg_law.properties.model import GESCHONDEN, Counterexample, Example, PropertyResult
from meerzorg_law.properties.strategies import facts_strategy
from meerzorg_law.semantics.pipeline import Bundle
from meerzorg_law.types import TypeKind
from meerzorg_law.values import Uren, Value, format_value

from .props_helpers import DATA, bundle_of, shown

CI = PROFILES["ci"]
CASES = [("kapot", "kapot-2026"), ("typen", "typen-2026"), ("versies", "v-2027"), ("bundled", "rlz-2026")]


@pytest.fixture(scope="session")
def typen() -> Bundle:
    return bundle_of(DATA / "typen")


def _bundle(request: pytest.FixtureRequest, name: str) -> Bundle:
    bundle: Bundle = request.getfixturevalue(name)
    return bundle


def _check_value(reg: ir.Regeling, decl: ir.FactDecl, value: Value) -> None:
    text = format_value(value)
    assert parse_value(text, decl.type, reg.enums) == value, (decl.name, text)
    if decl.bereik is not None and decl.type.kind is TypeKind.UREN:
        lo_u, hi_u = decl.bereik
        assert isinstance(value, Uren) and lo_u <= value <= hi_u, (decl.name, text)  # type: ignore[operator]
    elif decl.bereik is not None:
        lo, hi, v = (rt.decimal_of_integer(x) if isinstance(x, rt.Integer) else x for x in (*decl.bereik, value))
        assert isinstance(v, rt.Decimal) and lo <= v <= hi, (decl.name, text)


@pytest.mark.parametrize(("fixture", "versie"), CASES)
def test_drawn_facts_are_valid_case_values(request: pytest.FixtureRequest, fixture: str, versie: str) -> None:
    bundle = _bundle(request, fixture)
    reg = bundle.versions[versie]
    decls = {n: f for r in bundle.versions.values() for n, f in r.facts.items()}
    others = [r for v, r in bundle.versions.items() if v != versie]

    @settings(CI, max_examples=150)
    @given(facts_strategy(reg, also=others))
    def check(facts: dict[str, Value]) -> None:
        assert set(facts) <= set(decls)
        assert {n for n, f in decls.items() if not f.optioneel} <= set(facts)
        for name, value in facts.items():
            _check_value(bundle.versions[versie] if name in reg.facts else others[0], decls[name], value)

    check()


@pytest.mark.parametrize(("fixture", "versie"), CASES[:3])
def test_drawn_facts_survive_a_case_file(request: pytest.FixtureRequest, fixture: str, versie: str) -> None:
    """Written by the counterexample writer and read back by the case loader: no diagnostic, the same facts."""
    bundle = _bundle(request, fixture)
    reg = bundle.versions[versie]
    with tempfile.TemporaryDirectory() as tmp:
        @settings(CI, max_examples=25)
        @given(facts_strategy(reg))
        def check(facts: dict[str, Value]) -> None:
            cx = Counterexample((Example("", facts),), (versie,), "test")
            path = write_counterexample(PropertyResult(versie, "p", "p", False, GESCHONDEN, 1, cx), bundle.versions,
                                        Path(tmp))
            cases, diags = load_cases([path], bundle.versions, bundle.in_force)
            assert not diags, [d.message for d in diags]
            assert cases[0].feiten == facts

        check()


def test_shrinks_to_the_plainest_case(typen: Bundle) -> None:
    """First enum value, onwaar, the lower bound, 0, the version's geldig_vanaf; the optional fact left out."""
    minimal = find(facts_strategy(typen.versions["typen-2026"]), lambda f: True, settings=CI)
    assert shown(minimal) == {"peildatum": "2026-07-01", "aantal": "3", "fractie": "0,5", "vermogen": "€ 0,00",
                              "wachttijd": "0 dagen", "soort": "laag", "actief": "onwaar"}


def test_money_thresholds_are_hit_exactly_and_one_cent_below(typen: Bundle) -> None:
    strategy = facts_strategy(typen.versions["typen-2026"])
    for text in ("€ 1.250,50", "€ 1.250,49"):
        def hits(facts: dict[str, Value], text: str = text) -> bool:
            return format_value(facts["vermogen"]) == text

        assert format_value(find(strategy, hits, settings=CI)["vermogen"]) == text


def test_table_thresholds_are_hit_exactly(bundled: Bundle) -> None:
    """Meerzorg-specific: 1,25 x the bekostigingsuren (a constant times a table cell) is a landmark."""
    reg = bundled.versions["rlz-2026"]
    uren = next(iter(reg.tables["bekostigingsuren"].rows.values()))[0]
    drempel = uren * rt.Decimal("1.25")  # uren: 1,25 x 33:45 = 42:11:15, exact to the second
    # The bar and the second below it are landmarks of the fact's strategy, and drawing reaches the bar's edge.
    from meerzorg_law.properties.strategies import _Landmarks

    rand = {drempel.seconden, drempel.seconden - 1}
    assert drempel.seconden in _Landmarks([reg]).seconds
    found = find(facts_strategy(reg), lambda f: f["uren_zorg_per_week"].seconden in rand,
                 settings=settings(CI, max_examples=4000))
    assert found["uren_zorg_per_week"].seconden in rand


def test_given_conditions_pin_enum_and_boolean_facts(kapot: Bundle, bundled: Bundle) -> None:
    studenten = next(p for p in kapot.versions["kapot-2026"].properties if p.name == "studenten")
    assert studenten.waarvoor is not None
    meerzorg = next(r for r in bundled.versions["rlz-2026"].rules if r.outcome == "meerzorg")
    reg = bundled.versions["rlz-2026"]
    star = {k for k, row in reg.tables["zorgprofielen"].rows.items() if row[0] is True}

    @settings(CI, max_examples=60)
    @given(facts_strategy(kapot.versions["kapot-2026"], given=[studenten.waarvoor]),
           facts_strategy(reg, given=[c.expr for c in meerzorg.conditions if not c.tenzij]))
    def check(student: dict[str, Value], case: dict[str, Value]) -> None:
        assert student["status"] == "b"
        # Through the begrip meerzorgprofiel: a * in the table, or (the parameter) GGZ4W/GGZ5W.
        assert case["zorgprofiel"] in star | {"GGZ4W", "GGZ5W"}
        assert case["best_passend_zorgprofiel"] is True and case["bijzondere_zorgbehoefte"] is True
        assert case["andere_toeslag"] == "geen"

    check()


def test_only_draws_the_named_facts(kapot: Bundle) -> None:
    found = find(facts_strategy(kapot.versions["kapot-2026"], only=["inkomen", "einde_vorige"]), lambda f: True,
                 settings=CI)
    assert shown(found) == {"inkomen": "0", "einde_vorige": "2026-01-01"}
