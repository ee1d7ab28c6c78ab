"""A loaded case + the versions it runs on -> a diagnostic for every beperking its facts break.

Facts that a week cannot hold (more than 168 hours of care and toezicht) are an input error at the facts,
with their positions, not an outcome: the regeling is never asked about an impossible client.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import ir, values
from ..diagnostics import Diagnostic
from ..engine.failure import EvaluationFailure
from ..engine.interpret import interpret_expr
from .model import Case

__all__ = ["check_beperkingen"]


def check_beperkingen(case: Case, versions: Iterable[ir.Regeling]) -> list[Diagnostic]:
    """C036 once per broken beperking (by name), at the first of its facts, the others as related positions.
    A beperking over a fact the case leaves unknown is not checked (a missing fact has its own message)."""
    out: list[Diagnostic] = []
    done: set[str] = set()
    for reg in versions:
        for c in reg.beperkingen:
            if c.name in done or any(f not in case.feiten for f in c.facts):
                continue
            try:
                holds = interpret_expr(reg, case.feiten, c.expr)
            except EvaluationFailure:
                continue
            if holds is not False:
                continue
            done.add(c.name)
            spans = [case.feit_spans[f] for f in c.facts if f in case.feit_spans]
            waarden = ", ".join(f"{f} = {values.format_value(case.feiten[f])}" for f in c.facts)
            label = f"{c.label}: " if c.label else ""
            out.append(Diagnostic("C036", spans[0] if spans else case.span,
                                  f"{label}{c.source} geldt niet voor deze casus ({waarden})",
                                  related=tuple((s, "dit feit telt mee") for s in spans[1:])))
    return out
