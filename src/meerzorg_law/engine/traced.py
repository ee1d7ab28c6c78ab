"""The traced closures: the same decisions as the fast ones, recording each step for the explanation.

A traced Decision (``compile_regeling(..., traced=True)``) is what ``meerzorg uitleg``, the docs and the
property counterexamples use; it takes no shortcuts (no partial evaluation, no shared justifications), so
every rule tried and every condition's value is recorded in the evaluation's Recorder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import ir
from ..values import Value
from .context import UNSET, Ctx, Fn
from .failure import EvaluationFailure
from .trace import ConditionStep, DefinitionStep, RuleStep

__all__ = ["Result", "traced_definition", "traced_leaf", "traced_outcome"]

# The result of a rule-tree node: None when it does not apply, else (value, rule).
Result = tuple[Value, ir.Rule] | None


def traced_definition(i: int, d: ir.Definition, body: Fn) -> Fn:
    """The definition's value, kept in slot ``i`` and recorded the first time it is computed."""
    name, prov, source = d.name, d.span.provision, d.source

    def definition(ctx: Ctx) -> Value:
        s = ctx.slots
        v = s[i]
        if v is UNSET:
            v = s[i] = body(ctx)
            if ctx.rec is not None:
                ctx.rec.definitions.append(DefinitionStep(name, prov, v, source))
        return v
    return definition


def traced_outcome(i: int, name: str, decide: Callable[[Ctx], Result],
                   none_applies: Callable[[], EvaluationFailure]) -> Fn:
    """The outcome's value, with the rules tried while deciding it grouped under it in the trace."""
    def outcome(ctx: Ctx) -> Value:
        s = ctx.slots
        v = s[i]
        if v is not UNSET:
            return v
        rec = ctx.rec
        if rec is not None:
            rec.begin()
        try:
            result = decide(ctx)
            if result is None:
                raise none_applies()
        except BaseException:
            if rec is not None:
                rec.abort()
            raise
        v = s[i] = result[0]
        if rec is not None:
            rule = result[1]
            rec.end(name, v, rule.id if rule is not None else None)
        return v
    return outcome


def traced_leaf(rule: ir.Rule, conds: Sequence[tuple[Fn, bool, str]], value: Fn) -> Fn:
    """A rule without exceptions: every condition up to the first that fails, then the value if it applies."""
    def leaf(ctx: Ctx) -> Result:
        steps: list[ConditionStep] = []
        ok = True
        for fn, tenzij, src in conds:
            if not ok:
                steps.append(ConditionStep(src, None, tenzij))
                continue
            v = fn(ctx)
            steps.append(ConditionStep(src, v, tenzij))
            ok = v is not tenzij
        result = value(ctx) if ok else None
        step = RuleStep(rule.id, rule.outcome, rule.provision, rule.exception_to, ok, tuple(steps), result,
                        rule.value_source)
        if ctx.rec is not None:
            ctx.rec.rule(step)
        return (result, rule) if ok else None
    return leaf
