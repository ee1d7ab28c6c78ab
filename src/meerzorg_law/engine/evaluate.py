"""evaluate(decision, facts) -> Outcome: the values of the outcomes asked for, and the trace if asked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..values import Value
from .context import Ctx, Decision
from .failure import EvaluationFailure
from .trace import Recorder, Trace

__all__ = ["EvaluationFailure", "Outcome", "evaluate"]


@dataclass(frozen=True, slots=True)
class Outcome:
    versie: str
    values: dict[str, Value]
    trace: Trace | None


def evaluate(decision: Decision, facts: Mapping[str, Value], outcomes: Iterable[str] | None = None,
             others: Mapping[str, Decision] | None = None) -> Outcome:
    """Decide ``outcomes`` (default: all) for one case. Raises EvaluationFailure with a Diagnostic.

    The trace is recorded when ``decision`` was compiled with ``traced=True``.
    """
    if outcomes is None and not others and not decision.traced:
        # The common call, all outcomes untraced: as decide. Closures never change ctx.facts (``met``
        # evaluates over a copy), so a plain dict needs no copy of its own.
        ctx = Ctx(decision, facts if type(facts) is dict else dict(facts), None)
        return Outcome(decision.regeling.versie, decision.decide_in(ctx), None)
    rec = Recorder() if decision.traced else None
    ctx = Ctx(decision, dict(facts), rec, dict(others) if others else None)
    names = list(outcomes) if outcomes is not None else list(decision.regeling.outcomes)
    # Outcome closures keep their value in the evaluation's slots, so asking twice computes once.
    values = {name: decision.fns[name](ctx) for name in names}
    trace = rec.freeze(decision.regeling.versie, list(decision.regeling.outcomes)) if rec is not None else None
    return Outcome(decision.regeling.versie, values, trace)
