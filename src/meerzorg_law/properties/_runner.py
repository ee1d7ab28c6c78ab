"""Run a check over a strategy with Hypothesis, programmatically, and return the shrunk failures.

A check signals a failure by raising ``Failure`` with the counterexample; Hypothesis shrinks and replays
the minimal example last, so the exception it finally raises carries the minimal counterexample.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis.errors import Unsatisfiable
from hypothesis.strategies import SearchStrategy

from .model import Counterexample

T = TypeVar("T")

ENV = "MEERZORG_HYPOTHESIS"
_COMMON = dict(deadline=None, database=None, print_blob=False, verbosity=Verbosity.quiet,
               suppress_health_check=list(HealthCheck),
               phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink))
# ci: the same cases on every run (the test suite and CI); lang: many more, fresh ones each run.
PROFILES = {
    "ci": settings(derandomize=True, max_examples=300, **_COMMON),  # type: ignore[arg-type]
    "lang": settings(derandomize=False, max_examples=5000, **_COMMON),  # type: ignore[arg-type]
}


def profile(name: str | None) -> tuple[str, settings]:
    """The named profile, else the one in $MEERZORG_HYPOTHESIS, else ci. ValueError names the choices."""
    chosen = name or os.environ.get(ENV) or "ci"
    if chosen not in PROFILES:
        raise ValueError(f"onbekend profiel '{chosen}' (mogelijk: {', '.join(PROFILES)})")
    return chosen, PROFILES[chosen]


class Failure(Exception):
    """Raised by a check: the case violates the property."""

    def __init__(self, counterexample: Counterexample) -> None:
        super().__init__(counterexample.reden)
        self.counterexample = counterexample


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    failures: tuple[Failure, ...]
    count: int
    unsatisfiable: bool = False


def search(strategy: SearchStrategy[T], check: Callable[[T], None], cfg: settings,
           shrink: bool = True) -> SearchOutcome:
    """Run ``check`` on cases from ``strategy``; distinct failures (by where ``Failure`` was raised) are shrunk
    apart when ``cfg.report_multiple_bugs`` is set."""
    count = 0

    def test(case: T) -> None:
        nonlocal count
        count += 1
        check(case)

    phases = cfg.phases if shrink else tuple(p for p in cfg.phases if p is not Phase.shrink)
    run = settings(cfg, phases=phases)(given(strategy)(test))
    try:
        run()
    except Failure as f:
        return SearchOutcome((f,), count)
    except BaseExceptionGroup as group:
        matched, rest = group.split(Failure)
        if rest is not None:
            raise
        assert matched is not None
        return SearchOutcome(tuple(_leaves(matched)), count)
    except Unsatisfiable:
        return SearchOutcome((), count, unsatisfiable=True)
    return SearchOutcome((), count)


def _leaves(group: BaseExceptionGroup[Failure]) -> list[Failure]:
    out: list[Failure] = []
    for e in group.exceptions:
        out.extend(_leaves(e) if isinstance(e, BaseExceptionGroup) else [e])
    return out
