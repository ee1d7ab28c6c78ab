"""The plan: exact int64 without overflow, by static bounds; what cannot be held falls back, still exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from meerzorg_law.columnar import Columns, evaluate_columns, plan
from meerzorg_law.columnar.nodes import Arr, PGroup, PLeaf
from meerzorg_law.columnar.plan import LIMIT

from .helpers import BUNDLED, differences, versions

DATA = Path(__file__).parent / "data"


def _nodes(p: object) -> list[Arr]:
    """Every array expression of a plan (outcomes, definitions and the rules inside the trees)."""
    seen: dict[int, Arr] = {}
    todo: list[object] = [*p.outcomes.values(), *p.definitions.values()]  # type: ignore[attr-defined]
    while todo:
        x = todo.pop()
        if isinstance(x, Arr):
            if id(x) in seen:
                continue
            seen[id(x)] = x
            todo.extend(x.args)
            if x.op == "outcome":
                todo.extend(x.param[1])
        elif isinstance(x, PLeaf):
            todo.extend(c for c, _ in x.conditions)
            todo.append(x.value)
        elif isinstance(x, PGroup):
            todo.extend([*x.exceptions, *x.members])
    return list(seen.values())


def test_bundled_plans_are_whole_and_far_from_overflow() -> None:
    """Every node of every bundled version is translated, and its bound (in its own units) is below 10^9,
    far under the 2^62 at which the planner would refuse it."""
    for versie, reg in versions(BUNDLED).items():
        p = plan(reg)
        assert p.fallbacks == (), versie
        nodes = _nodes(p)
        assert len(nodes) > 50
        assert max(max(abs(a.lo), abs(a.hi)) for a in nodes) < 10**9, versie
        assert {a.scale for a in nodes if a.kind == "dec"} <= {0, 2, 4}, versie


def test_a_product_that_could_overflow_falls_back_and_stays_exact() -> None:
    reg = versions(DATA / "grenzen.rgl")["g-1"]
    p = plan(reg)
    reasons = " ".join(r for r, _ in p.fallbacks)
    assert "vermenigvuldiging kan 2^62 overschrijden" in reasons
    assert all(max(abs(a.lo), abs(a.hi)) < LIMIT for a in _nodes(p))
    rng = np.random.default_rng(3)
    n = 400
    # x up to 2 hours (the product rule needs x > 1), k mostly 0 or below (the fine sum needs k > 0).
    cols = Columns(n, {"x": rng.integers(0, 20_000, size=n), "y": rng.integers(0, 10**10, size=n),
                       "k": rng.integers(-5, 2, size=n) * 10**14})
    assert differences(reg, cols) == []
    result = evaluate_columns(reg, cols)
    # Only the rows that reach the product (x > 1) or the fine sum (k > 0) go per case.
    assert 0 < result.per_case < n


def test_inputs_with_more_decimals_than_the_plan_go_per_case() -> None:
    reg = versions(DATA / "grenzen.rgl")["g-1"]
    n = 50
    x = np.arange(n, dtype=np.int64) * 10**6 + 3  # at scale 6: not a whole number of ten-thousandths
    cols = Columns(n, {"x": x, "y": np.full(n, 5, dtype=np.int64), "k": np.ones(n, dtype=np.int64)},
                   scales={"x": 6, "y": 0})
    assert differences(reg, cols) == []
    assert evaluate_columns(reg, cols).per_case == n
