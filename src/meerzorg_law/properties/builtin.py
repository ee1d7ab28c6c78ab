"""Built-in checks on every version: every case decided, no conflict, and which provisions never decide anything.

Two properties any regeling must have, whatever the drafters declared: for every valid case every uitkomst
gets a value (no "geen regel van toepassing", R001, nor a missing table row or a division by zero), and no two
rules of equal rank apply together (a conflict, R010). Reachability is a report, not a failure: a provision
holding a rule that never decides an outcome in any generated case is listed, after a directed search that
pins the facts its rule's conditions name.
"""

from __future__ import annotations

from hypothesis import settings

from .. import ir
from ..diagnostics import Diagnostic
from ..engine.compile import Decision, EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..span import ProvisionRef
from ..values import Value
from ._runner import Failure, search
from .model import GESCHONDEN, GETOETST, NIET_GECONTROLEERD, Counterexample, Example, PropertyResult
from .strategies import facts_strategy

__all__ = ["check_builtin"]

BESLIST = ("elk_geval_beslist", "Elk geval krijgt een waarde voor elke uitkomst")
GEEN_CONFLICT = ("geen_conflict", "Nooit zijn twee regels van gelijke rang tegelijk van toepassing")


def check_builtin(reg: ir.Regeling, cfg: settings) -> tuple[tuple[PropertyResult, ...], tuple[ProvisionRef, ...]]:
    """The two built-in properties of ``reg`` and the provisions whose rules never decided a generated case."""
    decision = compile_regeling(reg, traced=True)
    reached: set[ProvisionRef] = set()
    results = []
    # One search per property, so each shrinks to its own minimal case and one kind cannot hide the other.
    for (naam, label), wanted in ((BESLIST, False), (GEEN_CONFLICT, True)):
        def check(facts: dict[str, Value], conflicts: bool = wanted) -> None:
            provisions, failures = _decide(decision, facts)
            reached.update(provisions)
            for code, message, diagnostic in failures:
                if (code == "R010") is conflicts:
                    raise Failure(Counterexample((Example("", facts),), (reg.versie,), message, diagnostic))

        outcome = search(facts_strategy(reg), check, settings(cfg, report_multiple_bugs=False))
        cx = outcome.failures[0].counterexample if outcome.failures else None
        status = NIET_GECONTROLEERD if outcome.unsatisfiable else GESCHONDEN if cx else GETOETST
        results.append(PropertyResult(reg.versie, naam, label, True, status, outcome.count, cx))
    return tuple(results), _unreachable(reg, decision, reached, cfg)


_Failed = tuple[str, str, "Diagnostic | None"]


def _decide(decision: Decision, facts: dict[str, Value]) -> tuple[set[ProvisionRef], list[_Failed]]:
    """The provisions that decided an outcome of this case, and every outcome it could not decide (code,
    message); after a failure each outcome is evaluated on its own, so one failure does not hide another."""
    try:
        result = evaluate(decision, facts)
    except (EvaluationFailure, ArithmeticError, TypeError, ValueError):
        pass
    else:
        assert result.trace is not None
        return {o.decided_by.provision for o in result.trace.outcomes if o.decided_by is not None}, []
    provisions: set[ProvisionRef] = set()
    failures: list[_Failed] = []
    for name in decision.regeling.outcomes:
        try:
            result = evaluate(decision, facts, [name])
        except EvaluationFailure as f:
            failures.append((f.diagnostic.code, f.diagnostic.message, f.diagnostic))
            continue
        except (ArithmeticError, TypeError, ValueError) as e:
            # The runtime refused the case (say, comparing 1 maand with 30 dagen): not decided either.
            failures.append(("", f"de berekening van '{name}' faalt: {type(e).__name__}: {e}", None))
            continue
        assert result.trace is not None
        provisions.update(o.decided_by.provision for o in result.trace.outcomes if o.decided_by is not None)
    return provisions, failures


def _unreachable(reg: ir.Regeling, decision: Decision, reached: set[ProvisionRef],
                 cfg: settings) -> tuple[ProvisionRef, ...]:
    """Provisions with a rule that decided nothing; each gets one directed search before it is listed."""
    by_provision: dict[ProvisionRef, list[ir.Rule]] = {}
    for rule in reg.rules:
        by_provision.setdefault(rule.provision, []).append(rule)
    for prov, rules in by_provision.items():
        for rule in {r.id: r for r in rules}.values():
            if prov in reached:
                break
            _search_for(reg, decision, rule, reached, cfg)
    return tuple(p for p in by_provision if p not in reached)


def _search_for(reg: ir.Regeling, decision: Decision, rule: ir.Rule, reached: set[ProvisionRef],
                cfg: settings) -> None:
    target = rule.provision

    def check(facts: dict[str, Value]) -> None:
        reached.update(_decide(decision, facts)[0])
        if target in reached:
            raise Failure(Counterexample((Example("", facts),), (reg.versie,), f"{target.citeer()} bereikt"))

    given = [c.expr for c in rule.conditions if not c.tenzij]
    search(facts_strategy(reg, given=given), check, settings(cfg, report_multiple_bugs=False), shrink=False)
