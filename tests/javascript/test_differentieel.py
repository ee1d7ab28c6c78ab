"""The generated JavaScript gives exactly what the per-case engine gives: every outcome of every bundled
version, value for value and error for error, on every case file and on 10,000 generated cases; and a
planted wrong operator in the generator is caught."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from meerzorg_law import ir
from meerzorg_law.cases.project import bundled_paths, load_project
from meerzorg_law.columnar import row_facts
from meerzorg_law.impact.assumptions import load_assumptions
from meerzorg_law.impact.population import Population
from meerzorg_law.javascript import expr, programma
from meerzorg_law.properties.strategies import facts_strategy
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.values import Value

from .helpers import NODE, differences, in_node

BUNDLED = bundled_paths()[0]
DEFAULT_LOGIC = Path(__file__).resolve().parents[1] / "semantics" / "good" / "default_logic.rgl"
VORMEN = Path(__file__).with_name("data") / "vormen.rgl"


def versions(*paths: Path) -> dict[str, ir.Regeling]:
    bundle = load_bundle(*paths)
    assert bundle.ok, bundle.diagnostics
    return dict(bundle.versions)


pytestmark = pytest.mark.skipif(NODE is None, reason="node ontbreekt (apt-get install nodejs)")

BUNDLED_VERSIONS = versions(BUNDLED)
GENERATED = 10_000


def _generated(n: int) -> list[dict[str, Value]]:
    """``n`` cases from the property tests' strategies over all bundled versions (landmarks included)."""
    regs = list(BUNDLED_VERSIONS.values())
    found: list[dict[str, Value]] = []

    @settings(max_examples=n, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(facts_strategy(regs[0], also=regs[1:]))
    def collect(facts: dict[str, Value]) -> None:
        found.append(facts)

    collect()
    return found


def test_every_case_file(tmp_path: Path) -> None:
    cases = [c.feiten for c in load_project().cases]
    assert len(cases) >= 100
    assert differences(programma(BUNDLED_VERSIONS), tmp_path, BUNDLED_VERSIONS, cases) == []


def _population(n: int) -> list[dict[str, Value]]:
    """``n`` clients of the impact population (regeling/populatie.toml), as facts of a case."""
    regs = BUNDLED_VERSIONS
    population = Population(n, 7, load_assumptions(BUNDLED / "populatie.toml"), regs["rlz-2026"], regs["rlz-2027"])
    cols = next(population.chunks()).for_version({"instelling": [0.8] * 3, "thuis": [0.7] * 3})
    return [row_facts(regs["rlz-2027"], cols, i) for i in range(cols.n)]


def test_generated_cases(tmp_path: Path) -> None:
    """10,000 clients of the impact population and 2,000 cases from the property tests' strategies (which hit
    every threshold exactly and one cent below), all distinct, each under every bundled version."""
    cases = _population(GENERATED) + _generated(2_000)
    distinct = {tuple(sorted((k, repr(v)) for k, v in c.items())) for c in cases}
    assert len(distinct) >= GENERATED, len(distinct)
    assert differences(programma(BUNDLED_VERSIONS), tmp_path, BUNDLED_VERSIONS, cases) == []


def test_conflicts_and_exceptions(tmp_path: Path) -> None:
    """The default-logic chain of the semantics tests: exceptions win, equals conflict naming both."""
    regs = versions(DEFAULT_LOGIC)
    cases = [facts for reg in regs.values() for facts in _small(reg)]
    assert differences(programma(regs), tmp_path, regs, cases) == []


def test_every_form_the_back_end_translates(tmp_path: Path) -> None:
    """Conflicts among three, no rule and no standaard, a missing row, optional facts, rounding, dates."""
    regs = versions(VORMEN)
    cases = _small(regs["v-1"], 1_500)
    results = in_node(programma(regs), tmp_path, [("v-1", c) for c in cases])
    codes = {code for r in results for code, _ in r["x"].values()}  # type: ignore[attr-defined]
    assert {"R001", "R004", "R010"} <= codes, codes
    assert differences(programma(regs), tmp_path, regs, cases) == []


def _small(reg: ir.Regeling, n: int = 300) -> list[dict[str, Value]]:
    found: list[dict[str, Value]] = []

    @settings(max_examples=n, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(facts_strategy(reg))
    def collect(facts: dict[str, Value]) -> None:
        found.append(facts)

    collect()
    return found


def test_a_planted_wrong_operator_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not vacuous: with ">=" generated as ">" the comparison finds the cases exactly on a threshold."""
    monkeypatch.setitem(expr._CMP, ">=", ">")
    cases = [c.feiten for c in load_project().cases]
    found = differences(programma(BUNDLED_VERSIONS), tmp_path, BUNDLED_VERSIONS, cases)
    assert found, "een verkeerde operator in de generator valt niet op"
