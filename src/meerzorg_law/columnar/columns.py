"""Cases as columns and back: the batch the columnar engine reads and the outcome columns it returns.

A ``Columns`` holds one numpy array per fact (or outcome), all of length ``n``:

* waar/onwaar: bool; geheel getal: int64; geldbedrag: int64 cents; uren: int64 seconds; datum: int64 day
  number (``date.toordinal()``);
* enumeration: int codes with ``categories[name]`` giving the value of each code (a batch may carry values a
  version does not declare: the columnar engine treats them as the per-case evaluator treats an unknown
  string, equal to nothing);
* decimaal: int64 units of 10^-``scales[name]`` (default ``FACT_SCALE``, a ten-thousandth); an outcome
  column of dtype object holds exact ``Fraction``\\ s instead (only when a row decided per case has a value
  with more decimals than the plan's scale);
* an optional fact has ``known[name]``, a bool array of the rows that have it (absent: every row has it).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from catala import runtime as rt

from .. import ir, values
from ..diagnostics import Diagnostic
from ..types import Type
from ..values import Uren, Value, decimal_as_fraction
from .nodes import COLUMN_KINDS, FACT_SCALE

__all__ = ["ColumnResult", "Columns", "columns_from_facts", "row_facts", "row_values"]

_MAX_SCALE = 12


@dataclass(frozen=True, slots=True)
class Columns:
    n: int
    data: dict[str, np.ndarray]
    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    known: dict[str, np.ndarray] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)

    def scale(self, name: str) -> int:
        return self.scales.get(name, FACT_SCALE)


@dataclass(frozen=True, slots=True)
class ColumnResult:
    """Outcome columns of one batch; ``fout[i]`` is -1 for a decided row, else an index in ``diagnostics``."""

    versie: str
    columns: Columns
    fout: np.ndarray
    diagnostics: tuple[Diagnostic, ...]
    # Rows decided by the per-case evaluator (errors, conflicts, and constructs that are not vectorised).
    per_case: int = 0
    fallbacks: tuple[tuple[str, str], ...] = ()


def _kind(t: Type) -> str:
    return COLUMN_KINDS[t.kind]


def columns_from_facts(regeling: ir.Regeling, cases: Sequence[Mapping[str, Value]]) -> Columns:
    """Case facts (Catala values) -> columns for ``regeling``'s facts; raises ValueError (Dutch) for a
    decimal that no fixed number of decimals holds exactly."""
    n = len(cases)
    data: dict[str, np.ndarray] = {}
    categories: dict[str, tuple[str, ...]] = {}
    known: dict[str, np.ndarray] = {}
    scales: dict[str, int] = {}
    for name, decl in regeling.facts.items():
        present = np.array([name in c for c in cases], dtype=bool)
        if not present.all():
            known[name] = present
        raw = [c.get(name) for c in cases]
        kind = _kind(decl.type)
        if kind == "bool":
            data[name] = np.array([bool(v) for v in raw], dtype=bool)
        elif kind == "enum":
            cats = list(regeling.enums[decl.type.enum].values)
            for v in raw:
                if isinstance(v, str) and v not in cats:
                    cats.append(v)
            index = {v: i for i, v in enumerate(cats)}
            data[name] = np.array([index.get(v, 0) if isinstance(v, str) else 0 for v in raw], dtype=np.int16)
            categories[name] = tuple(cats)
        elif kind == "date":
            data[name] = np.array([v.value.toordinal() if isinstance(v, rt.Date) else 0 for v in raw], dtype=np.int64)
        elif kind == "dec":
            fracs = [decimal_as_fraction(v) if isinstance(v, rt.Decimal) else Fraction(0) for v in raw]
            scale = next((s for s in range(FACT_SCALE, _MAX_SCALE + 1)
                          if all((f * 10**s).denominator == 1 for f in fracs)), None)
            if scale is None:
                raise ValueError(f"feit '{name}': een waarde heeft meer dan {_MAX_SCALE} decimalen")
            data[name] = np.array([int(f * 10**scale) for f in fracs], dtype=np.int64)
            if scale != FACT_SCALE:
                scales[name] = scale
        elif kind == "int":
            data[name] = np.array([int(v.value) if isinstance(v, rt.Integer) else 0 for v in raw], dtype=np.int64)
        elif kind == "geld":
            data[name] = np.array([int(v.value.value) if isinstance(v, rt.Money) else 0 for v in raw], dtype=np.int64)
        elif kind == "uren":
            data[name] = np.array([v.seconden if isinstance(v, Uren) else 0 for v in raw], dtype=np.int64)
    return Columns(n, data, categories, known, scales)


def row_facts(regeling: ir.Regeling, columns: Columns, i: int) -> dict[str, Value]:
    """Row ``i`` as the facts of one case, for the per-case evaluator."""
    facts: dict[str, Value] = {}
    for name, decl in regeling.facts.items():
        col = columns.data.get(name)
        if col is None:
            continue
        k = columns.known.get(name)
        if k is not None and not k[i]:
            continue
        facts[name] = _value(_kind(decl.type), col[i], columns.categories.get(name), columns.scale(name))
    return facts


def _value(kind: str, x: Any, cats: tuple[str, ...] | None, scale: int) -> Value:
    if not isinstance(x, (np.generic, int, Fraction)):  # an object column of values decided per case
        return x
    if kind == "bool":
        return bool(x)
    if kind == "enum":
        return cats[int(x)] if cats is not None else str(x)
    if kind == "date":
        return values.date_of_python(datetime.date.fromordinal(int(x)))
    if kind == "dec":
        return _decimal(x if isinstance(x, Fraction) else Fraction(int(x), 10**scale))
    if kind == "geld":
        return rt.money_of_cents_string(str(int(x)))
    if kind == "uren":
        return Uren(int(x))
    return values.integer(int(x))


def _decimal(f: Fraction) -> rt.Decimal:
    return rt.Decimal(f"{f.numerator}/{f.denominator}")


def row_values(regeling: ir.Regeling, result: ColumnResult, i: int) -> dict[str, Value] | Diagnostic:
    """Row ``i`` of a result as the per-case evaluator gives it: every outcome's value, or the diagnostic."""
    if result.fout[i] >= 0:
        return result.diagnostics[int(result.fout[i])]
    cols = result.columns
    return {name: _value(_kind(regeling.outcomes[name].type), cols.data[name][i], cols.categories.get(name),
                         cols.scale(name)) for name in cols.data}
