"""The drafters' eigenschappen (ir.Property) checked with Hypothesis: ``geldt`` and ``monotoon``.

``geldt``: the expression is waar for every case (``waarvoor`` filters the cases; ``volgens`` and ``met`` are
the engine's own). A property ``tussen versies A en B`` is checked with both versions compiled and passed as
``others``, on cases with the facts of both. ``monotoon``: raising the numeric fact (a second value drawn from
the same range) never lowers the outcome; for waar/onwaar, waar -> onwaar is a decrease.
Cases that the regeling does not decide are skipped here: the built-in checks report them once.
"""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import reject, settings
from hypothesis import strategies as st

from .. import ir
from ..engine.compile import Ctx, Decision, EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..types import ORDERED, TypeKind
from ..values import Value, format_value
from ..verify.props import checked_elsewhere
from ._runner import Failure, search
from .model import GESCHONDEN, GETOETST, NIET_GECONTROLEERD, Counterexample, Example, PropertyResult
from .strategies import facts_strategy

__all__ = ["check_declared", "check_declared_one", "checked_elsewhere"]

_ORDERED = ORDERED | {TypeKind.BOOL}


def check_declared(versions: Mapping[str, ir.Regeling], versie: str, cfg: settings) -> tuple[PropertyResult, ...]:
    """Every eigenschap declared in version ``versie``, in declaration order, sampled."""
    reg = versions[versie]
    return tuple(check_declared_one(versions, versie, prop, cfg) for prop in reg.properties
                 if not checked_elsewhere(prop, versie, versions))


def check_declared_one(versions: Mapping[str, ir.Regeling], versie: str, prop: ir.Property,
                       cfg: settings) -> PropertyResult:
    """One eigenschap of version ``versie``, sampled with Hypothesis (the fallback where z3 cannot prove)."""
    reg = versions[versie]
    missing = [v for v in prop.versies or () if v not in versions]
    if missing:
        return PropertyResult(versie, prop.name, prop.label, False, NIET_GECONTROLEERD, 0,
                              opmerking=f"versie {', '.join(missing)} bestaat niet")
    others = {v: compile_regeling(versions[v]) for v in prop.versies or ()}
    main = others[versie] if versie in others else compile_regeling(reg)
    return _check(prop, reg, main, others, [versions[v] for v in others], cfg)


def _check(prop: ir.Property, reg: ir.Regeling, main: Decision, others: dict[str, Decision],
           also: list[ir.Regeling], cfg: settings) -> PropertyResult:
    versies = tuple(others) or (reg.versie,)
    waarvoor = main.compile_expr(prop.waarvoor) if prop.waarvoor is not None else None
    given = [prop.waarvoor] if prop.waarvoor is not None else []
    facts = facts_strategy(reg, also=also, given=given)

    expr = main.compile_expr(prop.expr) if prop.expr is not None else None

    def holds(case: dict[str, Value]) -> bool:
        """Evaluate the property; a case the regeling cannot decide is skipped."""
        try:
            return expr is None or bool(expr(Ctx(main, case, None, others)))
        except EvaluationFailure:
            reject()

    def selected(case: dict[str, Value]) -> bool:
        if waarvoor is None:
            return True
        try:
            return bool(waarvoor(Ctx(main, case, None, others)))
        except EvaluationFailure:
            return False

    if prop.kind == "monotoon":
        decl = reg.outcomes.get(prop.uitkomst)
        if decl is None or decl.type.kind not in _ORDERED:
            return PropertyResult(reg.versie, prop.name, prop.label, False, NIET_GECONTROLEERD, 0, opmerking=(
                f"'daalt' is niet bepaald voor een uitkomst van type {decl.type if decl else '?'}"))

        def check_monotone(drawn: tuple[dict[str, Value], dict[str, Value]]) -> None:
            case, other = drawn
            low, high = sorted((case.get(prop.invoer, other[prop.invoer]), other[prop.invoer]), key=_Key)
            lower, higher = {**case, prop.invoer: low}, {**case, prop.invoer: high}
            if not (selected(lower) and selected(higher)):
                reject()
            try:
                a = evaluate(main, lower, [prop.uitkomst], others).values[prop.uitkomst]
                b = evaluate(main, higher, [prop.uitkomst], others).values[prop.uitkomst]
            except EvaluationFailure:
                reject()
            if _decreases(a, b):
                reden = (f"{prop.uitkomst} daalt van {format_value(a)} naar {format_value(b)} als {prop.invoer} "
                         f"stijgt van {format_value(low)} naar {format_value(high)}")
                raise Failure(Counterexample((Example(f"{prop.invoer} {format_value(low)}", lower),
                                              Example(f"{prop.invoer} {format_value(high)}", higher)),
                                             versies, reden))

        strategy = st.tuples(facts, facts_strategy(reg, also=also, only=[prop.invoer]))
        outcome = search(strategy, check_monotone, settings(cfg, report_multiple_bugs=False))
    else:
        def check_geldt(case: dict[str, Value]) -> None:
            if not selected(case):
                reject()
            if not holds(case):
                raise Failure(Counterexample(
                    (Example("", case), *_variants(prop.expr, main, case, others)), versies,
                    f"'{prop.source}' is onwaar voor dit geval"))

        outcome = search(facts, check_geldt, settings(cfg, report_multiple_bugs=False))

    if outcome.unsatisfiable:
        return PropertyResult(reg.versie, prop.name, prop.label, False, NIET_GECONTROLEERD, outcome.count,
                              opmerking="geen enkel gegenereerd geval valt onder 'waarvoor' of wordt beslist")
    cx = outcome.failures[0].counterexample if outcome.failures else None
    return PropertyResult(reg.versie, prop.name, prop.label, False, GESCHONDEN if cx else GETOETST,
                          outcome.count, cx)


def _variants(e: ir.Expr | None, main: Decision, case: dict[str, Value],
              others: dict[str, Decision]) -> list[Example]:
    """The cases a ``met`` in the property looks at, so the counterexample file shows them too."""
    out: list[Example] = []
    for node in ir.walk(e) if e is not None else ():
        if isinstance(node, ir.Met):
            try:
                value = main.compile_expr(node.value)(Ctx(main, case, None, others))
            except EvaluationFailure:
                continue
            variant = Example(f"met {node.fact} = {format_value(value)}", {**case, node.fact: value})
            if variant not in out:
                out.append(variant)
    return out


def _decreases(a: Value, b: Value) -> bool:
    if isinstance(a, bool) and isinstance(b, bool):
        return a and not b
    return bool(b < a)  # type: ignore[operator]


class _Key:
    """Sort key over the Catala value types' own comparison."""

    __slots__ = ("v",)

    def __init__(self, v: Value) -> None:
        self.v = v

    def __lt__(self, other: _Key) -> bool:
        return bool(self.v < other.v)  # type: ignore[operator]
