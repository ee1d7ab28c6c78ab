"""Run the same cases under two versions: per case both outcomes, what changed and which provision caused it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .. import ir
from ..cases.model import Case
from ..diagnostics import Diagnostic
from ..engine.compile import EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..engine.trace import OutcomeChange, trace_diff
from ..values import Value

__all__ = ["CaseComparison", "Summary", "compare_cases"]


@dataclass(frozen=True, slots=True)
class CaseComparison:
    case: Case
    oud: dict[str, Value]
    nieuw: dict[str, Value]
    wijzigingen: tuple[OutcomeChange, ...]
    fout: Diagnostic | None

    @property
    def gewijzigd(self) -> bool:
        return bool(self.wijzigingen)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over all cases: per boolean outcome gained/lost, per other outcome changed."""

    totaal: int
    gewijzigd: int
    fouten: int
    gewonnen: dict[str, int]
    verloren: dict[str, int]
    anders: dict[str, int]


def compare_cases(base: ir.Regeling, new: ir.Regeling, cases: Iterable[Case]) -> tuple[list[CaseComparison], Summary]:
    old_d, new_d = compile_regeling(base, traced=True), compile_regeling(new, traced=True)
    results: list[CaseComparison] = []
    for case in cases:
        try:
            a = evaluate(old_d, case.feiten)
            b = evaluate(new_d, case.feiten)
        except EvaluationFailure as f:
            results.append(CaseComparison(case, {}, {}, (), f.diagnostic))
            continue
        assert a.trace is not None and b.trace is not None
        results.append(CaseComparison(case, a.values, b.values, trace_diff(a.trace, b.trace), None))
    gained: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for r in results:
        for w in r.wijzigingen:
            if isinstance(w.oud, bool) and isinstance(w.nieuw, bool):
                (gained if w.nieuw else lost)[w.outcome] += 1
            else:
                other[w.outcome] += 1
    summary = Summary(len(results), sum(r.gewijzigd for r in results), sum(r.fout is not None for r in results),
                      dict(gained), dict(lost), dict(other))
    return results, summary
