"""Run cases against the versions they have expectations for (or the version in force on their peildatum)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import ir, values
from ..diagnostics import Diagnostic
from ..engine.compile import Decision, EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..engine.interpret import interpret
from ..span import Span
from ..values import Value
from .model import Case

__all__ = ["CaseResult", "Mismatch", "run_cases", "versions_for"]


@dataclass(frozen=True, slots=True)
class Mismatch:
    outcome: str
    verwacht: Value
    uitkomst: Value | None
    span: Span


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: Case
    versie: str
    verwacht: dict[str, Value]
    uitkomst: dict[str, Value]
    mismatches: tuple[Mismatch, ...]
    failure: Diagnostic | None
    te_herzien: bool = False  # the expectation is 'te herzien': nothing is established until it is reviewed

    @property
    def ok(self) -> bool:
        return self.failure is None and not self.mismatches and not self.te_herzien


def versions_for(case: Case, in_force: Callable[[datetime.date], str | None]) -> list[str]:
    """The versions a case runs on: those it has expectations for, else the one in force on its peildatum."""
    if case.verwacht:
        return [e.versie for e in case.verwacht]
    peil = case.feiten.get("peildatum")
    vid = in_force(peil.value) if isinstance(peil, values.Date) else None
    return [vid] if vid else []


def run_cases(versions: dict[str, ir.Regeling], cases: Iterable[Case],
              in_force: Callable[[datetime.date], str | None], versie: str | None = None,
              decisions: dict[str, Decision] | None = None) -> list[CaseResult]:
    """One result per (case, version); with ``versie`` only that version (cases without an expectation
    for it still run, so every case is at least decided).

    Without ``decisions`` the cases are decided by the reference interpreter: for the few dozen cases per
    version of a test run, compiling (with its tables) costs ten times more than interpreting them all, and
    both give the same values and diagnostics (tests/engine/test_agreement.py).
    """
    compiled = decisions if decisions is not None else {}
    results: list[CaseResult] = []
    for case in cases:
        targets = [versie] if versie else versions_for(case, in_force)
        for vid in targets:
            if vid not in versions:
                continue
            if decisions is not None and vid not in compiled:
                compiled[vid] = compile_regeling(versions[vid])
            expected = next((e for e in case.verwacht if e.versie == vid), None)
            exp_values = expected.values if expected else {}
            try:
                values_ = evaluate(compiled[vid], case.feiten).values if decisions is not None else \
                    interpret(versions[vid], case.feiten)
            except EvaluationFailure as f:
                results.append(CaseResult(case, vid, exp_values, {}, (), f.diagnostic))
                continue
            mismatches = tuple(
                Mismatch(name, want, values_.get(name), expected.spans[name] if expected else case.span)
                for name, want in exp_values.items() if values_.get(name) != want)
            results.append(CaseResult(case, vid, exp_values, values_, mismatches, None,
                                      expected is not None and expected.te_herzien))
    return results
