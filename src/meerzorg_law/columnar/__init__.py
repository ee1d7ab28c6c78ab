"""Columnar back end: the checked IR as array expressions over a batch of cases, run with numpy.

``plan`` (IR -> array expressions, pure) · ``execute`` (plan + columns -> values and per-case rows) ·
``batch.evaluate_columns`` (the batch API: the per-case evaluator decides the rows the plan marks).

The plan is pure data and the JavaScript back end reads it too; numpy is imported only with the parts that run
a plan (``evaluate_columns`` and the columns), so the site and the rekenhulp do not load it (0,1 s a process).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .nodes import FACT_SCALE as FACT_SCALE
from .nodes import Plan as Plan
from .plan import plan as plan

if TYPE_CHECKING:
    from .batch import evaluate_columns as evaluate_columns
    from .columns import ColumnResult as ColumnResult
    from .columns import Columns as Columns
    from .columns import columns_from_facts as columns_from_facts
    from .columns import row_facts as row_facts
    from .columns import row_values as row_values

__all__ = ["FACT_SCALE", "ColumnResult", "Columns", "Plan", "columns_from_facts", "evaluate_columns", "plan",
           "row_facts", "row_values"]

_MET_NUMPY = {"evaluate_columns": "batch", "ColumnResult": "columns", "Columns": "columns",
              "columns_from_facts": "columns", "row_facts": "columns", "row_values": "columns"}


def __getattr__(name: str) -> Any:
    """The parts that need numpy, imported when first asked for."""
    if name not in _MET_NUMPY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{_MET_NUMPY[name]}", __name__), name)
