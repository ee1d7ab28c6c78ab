"""Columnar back end: the checked IR as array expressions over a batch of cases, run with numpy.

``plan`` (IR -> array expressions, pure) · ``execute`` (plan + columns -> values and per-case rows) ·
``batch.evaluate_columns`` (the batch API: the per-case evaluator decides the rows the plan marks).
"""

from __future__ import annotations

from .batch import evaluate_columns as evaluate_columns
from .columns import ColumnResult as ColumnResult
from .columns import Columns as Columns
from .columns import columns_from_facts as columns_from_facts
from .columns import row_facts as row_facts
from .columns import row_values as row_values
from .nodes import FACT_SCALE as FACT_SCALE
from .nodes import Plan as Plan
from .plan import plan as plan

__all__ = ["FACT_SCALE", "ColumnResult", "Columns", "Plan", "columns_from_facts", "evaluate_columns", "plan",
           "row_facts", "row_values"]
