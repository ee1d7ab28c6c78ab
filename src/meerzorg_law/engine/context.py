"""The runtime side of a compiled version: Decision (its closures) and Ctx (the state of one evaluation).

Every closure the compiler builds is a ``Fn``: it takes the evaluation's Ctx and returns a value. Definitions
and outcomes keep their value in a slot of the Ctx (a list indexed at compile time, cheaper than a dict), so
each is computed at most once per evaluation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .. import ir
from ..values import Value
from .trace import Recorder

__all__ = ["UNSET", "Ctx", "Decision", "ExprCompiler", "Fn", "const", "memo_plan", "memoised"]


class _Unset:
    """Marks a slot not computed yet in this evaluation."""

    __slots__ = ()


UNSET: Any = _Unset()
_NO_OTHERS: dict[str, Decision] = {}


class Ctx:
    """The state of one evaluation: facts, computed values (one slot each), and the recorder when tracing."""

    __slots__ = ("decision", "facts", "others", "rec", "slots")

    def __init__(self, decision: Decision, facts: dict[str, Value], rec: Recorder | None,
                 others: dict[str, Decision] | None = None) -> None:
        self.decision = decision
        self.facts = facts
        self.rec = rec
        self.others = others if others is not None else _NO_OTHERS
        self.slots: list[Any] = [UNSET] * decision.size


Fn = Callable[[Ctx], Any]


class ExprCompiler(Protocol):
    """What a Decision needs of the compiler that made it (``compile.Compiler``): closures for further
    expressions against the same slot layout. A protocol, so this module does not import the compiler."""

    def expr(self, e: ir.Expr) -> Fn: ...


@dataclass(frozen=True)
class Decision:
    """A compiled version: one closure per definition and outcome."""

    regeling: ir.Regeling
    fns: dict[str, Fn]
    traced: bool
    size: int = 0
    compiler: ExprCompiler | None = field(default=None, repr=False, compare=False)
    outcome_fns: tuple[tuple[str, Fn], ...] = ()
    # The facts the outcomes can read (through definitions), None when that cannot be known statically:
    # two cases that agree on these facts get the same outcomes, which lets bulk runs evaluate each once.
    reads: frozenset[str] | None = None
    # (name, slot, body) of each outcome when every one of outcome_fns is ``memoised``, else None.
    memo_plan: tuple[tuple[str, int, Fn], ...] | None = field(default=None, repr=False, compare=False)

    def compile_expr(self, e: ir.Expr) -> Fn:
        """Compile a further expression against this version (eigenschappen use this)."""
        if self.compiler is None:  # a scratch Decision (the tabulator's partial evaluation)
            raise ValueError("compile_expr needs a Decision from compile_regeling; this one has no compiler")
        return self.compiler.expr(e)

    def decide(self, facts: dict[str, Value]) -> dict[str, Value]:
        """Every outcome for one case, without a trace or an Outcome: the bulk path (impact, benchmarks).

        Same values and errors as ``evaluate``; ``facts`` is read, never changed.
        """
        return self.decide_in(Ctx(self, facts, None))

    def decide_in(self, ctx: Ctx) -> dict[str, Value]:
        """Every outcome, in declaration order, within the evaluation ``ctx``."""
        plan = self.memo_plan
        if plan is None:
            return {name: fn(ctx) for name, fn in self.outcome_fns}
        # The memoised closures' own check, inlined: one call fewer per outcome.
        s = ctx.slots
        values = {}
        for name, i, body in plan:
            v = s[i]
            if v is UNSET:
                v = s[i] = body(ctx)
            values[name] = v
        return values


def memoised(i: int, body: Fn) -> Fn:
    """``body`` computed at most once per evaluation, kept in slot ``i`` of the evaluation's Ctx."""
    def get(ctx: Ctx) -> Value:
        s = ctx.slots
        v = s[i]
        if v is UNSET:
            v = s[i] = body(ctx)
        return v
    get.memo = (i, body)  # type: ignore[attr-defined]
    return get


def memo_plan(outcome_fns: tuple[tuple[str, Fn], ...]) -> tuple[tuple[str, int, Fn], ...] | None:
    """``Decision.memo_plan`` for these outcome closures: their slots and bodies, if all are ``memoised``."""
    plan = []
    for name, fn in outcome_fns:
        memo = getattr(fn, "memo", None)
        if memo is None:
            return None
        plan.append((name, *memo))
    return tuple(plan)


def const(v: Value) -> Fn:
    """A closure returning ``v``; marked ``cheap`` and carrying ``constant`` so callers can fold it."""
    def constant(_: Ctx) -> Value:
        return v
    constant.cheap = True  # type: ignore[attr-defined]
    constant.constant = v  # type: ignore[attr-defined]
    return constant
