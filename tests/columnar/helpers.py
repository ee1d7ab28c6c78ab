"""Shared by the columnar tests: the versions to check, generated columns, and the comparison with the
per-case evaluator (the reference)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from meerzorg_law import ir
from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.columnar import Columns, evaluate_columns, row_facts, row_values
from meerzorg_law.diagnostics import Diagnostic
from meerzorg_law.engine.compile import EvaluationFailure, compile_regeling
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.types import TypeKind
from meerzorg_law.values import Value

TESTS = Path(__file__).resolve().parents[1]
BUNDLED = bundled_paths()[0]
# The rarer shapes: conflicts among equals, no rule and no standaard, division (by zero), a missing table
# row, optional facts, money, dates and durations; and the default-logic chain of the semantics tests.
CONSTRUCTS = TESTS / "engine" / "data" / "constructs.rgl"
DEFAULT_LOGIC = TESTS / "semantics" / "good" / "default_logic.rgl"


def versions(*paths: Path) -> dict[str, ir.Regeling]:
    bundle = load_bundle(*paths)
    assert bundle.ok, bundle.diagnostics
    return dict(bundle.versions)


def random_columns(reg: ir.Regeling, n: int, seed: int) -> Columns:
    """Every declared fact drawn uniformly over its declaration (optional facts known for 70%), with an
    enumeration value no version declares for 2% of the rows."""
    rng = np.random.default_rng(seed)
    data: dict[str, np.ndarray] = {}
    cats: dict[str, tuple[str, ...]] = {}
    known: dict[str, np.ndarray] = {}
    for name, f in reg.facts.items():
        kind = f.type.kind
        if kind is TypeKind.BOOL:
            data[name] = rng.random(n) < 0.5
        elif kind is TypeKind.ENUM:
            vals = (*reg.enums[f.type.enum].values, "onbekende_waarde")
            p = np.full(len(vals), 0.98 / (len(vals) - 1))
            p[-1] = 0.02
            data[name] = rng.choice(len(vals), size=n, p=p / p.sum()).astype(np.int16)
            cats[name] = vals
        elif kind is TypeKind.GEHEEL:
            lo, hi = (int(b.value) for b in f.bereik) if f.bereik else (0, 30)  # type: ignore[union-attr]
            data[name] = rng.integers(lo, hi + 1, size=n)
        elif kind is TypeKind.DECIMAAL:
            hi = 168 if f.bereik else 100
            quarters = rng.integers(0, hi * 4 + 1, size=n) * 2500
            odd = rng.random(n) < 0.2  # some with four decimals
            data[name] = np.where(odd, rng.integers(0, hi * 10_000 + 1, size=n), quarters)
        elif kind is TypeKind.UREN:  # seconds: quarter hours, and any second for 20%
            hi = 168 * 3600 if f.bereik else 100 * 3600
            odd = rng.random(n) < 0.2
            data[name] = np.where(odd, rng.integers(0, hi + 1, size=n), rng.integers(0, hi // 900 + 1, size=n) * 900)
        elif kind is TypeKind.GELD:
            data[name] = rng.integers(0, 50_000, size=n)
        elif kind is TypeKind.DATUM:
            data[name] = rng.integers(739_252, 741_078, size=n)  # 2025 to 2029
        if f.optioneel:
            known[name] = rng.random(n) < 0.7
    return Columns(n, data, cats, known)


def reference(reg: ir.Regeling, columns: Columns) -> list[dict[str, Value] | Diagnostic]:
    """The per-case evaluator, row by row, on the same facts."""
    decision = compile_regeling(reg)
    out: list[dict[str, Value] | Diagnostic] = []
    for i in range(columns.n):
        try:
            out.append(decision.decide(row_facts(reg, columns, i)))
        except EvaluationFailure as f:
            out.append(f.diagnostic)
    return out


def differences(reg: ir.Regeling, columns: Columns, limit: int = 5) -> list[str]:
    """Rows where the columnar engine and the per-case evaluator differ (at most ``limit``, described)."""
    result = evaluate_columns(reg, columns)
    found = []
    for i, expected in enumerate(reference(reg, columns)):
        got = row_values(reg, result, i)
        if got != expected:
            facts = row_facts(reg, columns, i)
            found.append(f"{reg.versie} rij {i}: feiten {facts}\n  kolommen: {got}\n  per casus: {expected}")
            if len(found) >= limit:
                break
    return found
