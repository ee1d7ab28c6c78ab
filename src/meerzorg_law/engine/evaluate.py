"""evaluate(decision, facts) -> Outcome: the values of the outcomes asked for, and the trace if asked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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
        return _untraced(decision.regeling.versie, decision.decide_in(ctx))
    rec = Recorder() if decision.traced else None
    ctx = Ctx(decision, dict(facts), rec, dict(others) if others else None)
    names = list(outcomes) if outcomes is not None else list(decision.regeling.outcomes)
    # Outcome closures keep their value in the evaluation's slots, so asking twice computes once.
    values = {name: decision.fns[name](ctx) for name in names}
    trace = rec.freeze(decision.regeling.versie, list(decision.regeling.outcomes)) if rec is not None else None
    return Outcome(decision.regeling.versie, values, trace)


# A frozen dataclass's __init__ sets each field through object.__setattr__ by name; the slots' own descriptors
# set the very same fields in about half the time (bench: 0,42 -> 0,24 µs per Outcome).
_new = object.__new__
_set_versie: Any = vars(Outcome)["versie"].__set__
_set_values: Any = vars(Outcome)["values"].__set__
_set_trace: Any = vars(Outcome)["trace"].__set__


def _untraced(versie: str, values: dict[str, Value]) -> Outcome:
    """``Outcome(versie, values, None)``, built faster."""
    o = _new(Outcome)
    _set_versie(o, versie)
    _set_values(o, values)
    _set_trace(o, None)
    return o
