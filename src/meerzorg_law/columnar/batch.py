"""evaluate_columns(regeling, columns) -> ColumnResult: the batch API (impact, comparisons over populations).

The plan decides every row it can with numpy; the rows it marks (errors, conflicts, constructs it does not
vectorise) are decided by the per-case evaluator, the reference, so the result is the per-case result for
every row, values and diagnostics alike.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import ir
from ..diagnostics import Diagnostic
from ..values import Uren, Value, decimal_as_fraction
from .columns import ColumnResult, Columns, row_facts
from .execute import execute
from .nodes import Plan
from .plan import plan

if TYPE_CHECKING:
    from ..engine.compile import Decision

__all__ = ["evaluate_columns", "plan_of"]

# A few versions' plans and compiled decisions, keyed by identity (an ir.Regeling is not hashable).
_CACHE: dict[int, tuple[ir.Regeling, Plan, list[Decision]]] = {}


def plan_of(regeling: ir.Regeling) -> Plan:
    """The (cached) columnar plan of ``regeling``."""
    hit = _CACHE.get(id(regeling))
    if hit is None or hit[0] is not regeling:
        if len(_CACHE) >= 16:
            _CACHE.pop(next(iter(_CACHE)))
        hit = _CACHE[id(regeling)] = (regeling, plan(regeling), [])
    return hit[1]


def _decision(regeling: ir.Regeling) -> Decision:
    plan_of(regeling)
    compiled = _CACHE[id(regeling)][2]
    if not compiled:
        # Imported here: only rows the plan cannot decide need the per-case evaluator (a run of `meerzorg
        # impact` over the bundled regeling has none and need not load it).
        from ..engine.compile import compile_regeling

        compiled.append(compile_regeling(regeling))
    return compiled[0]


def evaluate_columns(regeling: ir.Regeling, columns: Columns) -> ColumnResult:
    """Every outcome of ``regeling`` for every row of ``columns``; exactly what ``evaluate`` gives per case."""
    p = plan_of(regeling)
    results = execute(p, columns)
    fail = np.zeros(columns.n, dtype=bool)
    for _, f in results.values():
        if f is not None:
            fail |= f
    data: dict[str, np.ndarray] = {}
    categories: dict[str, tuple[str, ...]] = {}
    scales: dict[str, int] = {}
    for name, (vals, _) in results.items():
        arr = p.outcomes[name]
        data[name] = vals.astype(np.int16) if arr.kind == "enum" else vals
        if arr.kind == "other":  # a type the plan does not hold in columns: every row comes per case
            data[name] = np.empty(columns.n, dtype=object)
        if arr.kind == "enum":
            categories[name] = regeling.enums[regeling.outcomes[name].type.enum].values
        if arr.kind == "dec":
            scales[name] = arr.scale
    fout = np.full(columns.n, -1, dtype=np.int32)
    rows = np.flatnonzero(fail)
    diagnostics: list[Diagnostic] = []
    if len(rows):
        for name in data:  # the per-case values are written in place: never into an array the plan shares
            data[name] = np.array(data[name], copy=True)
        _per_case(regeling, columns, rows, data, categories, scales, fout, diagnostics)
    return ColumnResult(regeling.versie, Columns(columns.n, data, categories, {}, scales), fout,
                        tuple(diagnostics), len(rows), p.fallbacks)


def _per_case(regeling: ir.Regeling, columns: Columns, rows: np.ndarray, data: dict[str, np.ndarray],
              categories: dict[str, tuple[str, ...]], scales: dict[str, int], fout: np.ndarray,
              diagnostics: list[Diagnostic]) -> None:
    """Decide ``rows`` with the per-case evaluator and write their values (or diagnostics) in place."""
    from ..engine.compile import EvaluationFailure

    decision = _decision(regeling)
    index: dict[Diagnostic, int] = {}
    for i in rows:
        try:
            outcome = decision.decide(row_facts(regeling, columns, int(i)))
        except EvaluationFailure as failure:
            d = failure.diagnostic
            if d not in index:
                index[d] = len(diagnostics)
                diagnostics.append(d)
            fout[i] = index[d]
            continue
        for name, value in outcome.items():
            _put(data, categories, scales, name, int(i), value)


def _put(data: dict[str, np.ndarray], categories: dict[str, tuple[str, ...]], scales: dict[str, int],
         name: str, i: int, value: Value) -> None:
    col = data[name]
    x: Any
    if isinstance(value, bool):
        x = value
    elif isinstance(value, Uren):
        x = value.seconden
    elif isinstance(value, str):
        x = categories[name].index(value)
    elif hasattr(value, "value") and name in scales and col.dtype != object:
        q = decimal_as_fraction(value)
        units = q * 10 ** scales[name]
        if units.denominator == 1 and abs(units) < 2**62:
            x = int(units)
        else:  # more decimals than the plan's scale: the column holds exact Fractions from here on
            data[name] = col = np.array([Fraction(int(u), 10 ** scales[name]) for u in col], dtype=object)
            x = q
    elif col.dtype == object:
        x = decimal_as_fraction(value) if name in scales else value
    else:
        x = _scalar(value)
    col[i] = x


def _scalar(value: Value) -> int:
    """geheel getal, geldbedrag (cents) or datum (day number) as an int."""
    v: Any = value
    if hasattr(v.value, "toordinal"):
        return int(v.value.toordinal())
    inner = v.value
    return int(inner.value) if hasattr(inner, "value") else int(inner)
