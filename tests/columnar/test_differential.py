"""The columnar engine gives exactly what the per-case evaluator gives: every outcome, every diagnostic.

On every case file for every bundled version, on a large generated population, on uniformly drawn facts
(also for the small regelingen with conflicts, errors of every kind and constructs the plan does not
vectorise), and on the tricky values: the 125% boundary of every profile, zero hours, profiles without *.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from meerzorg_law import values
from meerzorg_law.cases.project import load_project
from meerzorg_law.columnar import columns_from_facts, evaluate_columns, plan
from meerzorg_law.impact.assumptions import load_assumptions
from meerzorg_law.impact.population import Population

from .helpers import BUNDLED, CONSTRUCTS, DEFAULT_LOGIC, differences, random_columns, versions

BUNDLED_VERSIONS = versions(BUNDLED)
SMALL = {**versions(CONSTRUCTS), **versions(DEFAULT_LOGIC)}


@pytest.mark.parametrize("versie", sorted(BUNDLED_VERSIONS))
def test_every_case_file(versie: str) -> None:
    project = load_project()
    reg = BUNDLED_VERSIONS[versie]
    cols = columns_from_facts(reg, [c.feiten for c in project.cases])
    assert cols.n >= 100
    assert differences(reg, cols) == []
    # The bundled regeling is vectorised whole: no case needs the per-case evaluator (a translation that
    # turned rows into errors would still agree above, since those rows are decided per case).
    assert evaluate_columns(reg, cols).per_case == 0


@pytest.mark.parametrize("versie", sorted(BUNDLED_VERSIONS))
def test_generated_population(versie: str) -> None:
    reg = BUNDLED_VERSIONS[versie]
    # A fact only a variant declares and regeling/populatie.toml has no data for (the gebruikelijke zorg of
    # rlz-2026-gebruikelijke-zorg) gets its stated default, as 'meerzorg impact --standaard' would give it.
    zonder_aanname = set(reg.facts) - set(BUNDLED_VERSIONS["rlz-2026"].facts) - set(BUNDLED_VERSIONS["rlz-2027"].facts)
    population = Population(5_000, 7, load_assumptions(BUNDLED / "populatie.toml"), BUNDLED_VERSIONS["rlz-2026"], reg,
                            standaard=bool(zonder_aanname))
    chunk = next(population.chunks())
    cols = chunk.for_version({"instelling": [0.8] * 3, "thuis": [0.7] * 3})
    assert differences(reg, cols) == []
    assert evaluate_columns(reg, cols).per_case == 0


@pytest.mark.parametrize("versie", sorted(BUNDLED_VERSIONS) + sorted(SMALL))
def test_uniform_facts(versie: str) -> None:
    reg = {**BUNDLED_VERSIONS, **SMALL}[versie]
    assert differences(reg, random_columns(reg, 3_000, seed=11)) == []


def test_small_regelingen_exercise_the_per_case_rows() -> None:
    """Not vacuous: the generated rows hit conflicts, errors and the constructs that fall back."""
    reg = SMALL["c-1"]
    result = evaluate_columns(reg, random_columns(reg, 6_000, seed=11))
    codes = {d.code for d in result.diagnostics}
    assert {"R001", "R003", "R004", "R010"} <= codes, codes
    assert any("deling" in reason for reason, _ in plan(reg).fallbacks)
    assert 0 < result.per_case < 6_000


def _tricky_cases(versie: str) -> list[dict[str, values.Value]]:
    """The 125% boundary of every profile with bekostigingsuren (exactly on it, a second below and above, split
    between care and toezicht), zero hours, every profile (with and without *) and delivery form."""
    reg = BUNDLED_VERSIONS[versie]
    table = reg.tables["bekostigingsuren"]
    col = table.column_index("uren")
    base = {"peildatum": values.date_of_text("2027-01-01"), "leeftijd": values.integer(40),
            "best_passend_zorgprofiel": True, "bijzondere_zorgbehoefte": True, "andere_toeslag": "geen",
            "soort_aanvraag": "verlenging", "eerdere_meerzorg_thuis_tot": values.date_of_text("2027-03-01")}
    out = []
    profielen = reg.enums["zorgprofiel"].values
    for profiel, vorm, situatie in itertools.product(profielen, reg.enums["leveringsvorm"].values,
                                                     ("geen", "kind_thuis")):
        cell = table.rows[profiel][col] if profiel in table.rows else values.Uren(25 * 3600)
        assert isinstance(cell, values.Uren)
        uren = cell.seconden
        drempel = values.round_half_up(Fraction(5, 4) * uren)
        for total, toezicht_deel in itertools.product((0, drempel, drempel - 1, drempel + 1, uren),
                                                      (Fraction(0), Fraction(1, 4), Fraction(1))):
            toezicht = (total * toezicht_deel).__floor__()
            out.append({**base, "zorgprofiel": profiel, "leveringsvorm": vorm, "bijzondere_situatie": situatie,
                        "uren_zorg_per_week": values.Uren(total - toezicht),
                        "uren_toezicht_per_week": values.Uren(toezicht)})
    return out


@pytest.mark.parametrize("versie", sorted(BUNDLED_VERSIONS))
def test_tricky_values(versie: str) -> None:
    reg = BUNDLED_VERSIONS[versie]
    cases = _tricky_cases(versie)
    cols = columns_from_facts(reg, cases)
    assert differences(reg, cols) == []
    # The boundary is really crossed: exactly on 125% some are granted, a second below they are not.
    result = evaluate_columns(reg, cols)
    assert result.per_case == 0
    assert np.asarray(result.columns.data["meerzorg"]).any() and not np.asarray(result.columns.data["meerzorg"]).all()


def test_uren_in_columns() -> None:
    """Uren as int64 seconds, times a decimaal rounded to the second as the engine rounds (a half up): the
    columns decide every row themselves (only the 2% with a soort outside the tables go per case)."""
    reg = versions(Path(__file__).parent / "data" / "uren.rgl")["u-1"]
    assert plan(reg).fallbacks == ()
    cols = random_columns(reg, 4_000, seed=5)
    assert differences(reg, cols) == []
    result = evaluate_columns(reg, cols)
    assert result.per_case < 200
    seconds = np.asarray(result.columns.data["tijd"])
    assert (seconds % 60 != 0).any()  # not only whole minutes: the rounding is really exercised
