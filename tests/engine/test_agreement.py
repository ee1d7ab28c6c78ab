"""The compiled closures (untraced and traced) agree with the plain interpreter, value for value and error for error.

The interpreter is the reference; every shortcut in ``compile.py`` (slots, leaves without handle_default,
None for empty, shared justifications, partial evaluation over few-valued facts) must leave no trace here.
Cases: every bundled casus, then generated ones, also with a fact missing or a value outside its enumeratie.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from catala import runtime as rt
from hypothesis import HealthCheck, given, settings

from meerzorg_law import ir, values
from meerzorg_law.cases.project import bundled_paths, load_project
from meerzorg_law.engine.compile import Ctx, Decision, EvaluationFailure, compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.engine.interpret import interpret
from meerzorg_law.properties.strategies import facts_strategy
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.types import TypeKind
from meerzorg_law.values import Value

HERE = Path(__file__).parent
TESTS = HERE.parent
# Each entry is loaded as one bundle: the bundled versions with the impact test variant (a wijziging on
# rlz-2026), and two small regelingen that exercise the rarer shapes (conflicts, errors of every kind).
BUNDLES = [(bundled_paths()[0], TESTS / "impact" / "data"), (TESTS / "semantics" / "good" / "default_logic.rgl",),
           (HERE / "data" / "constructs.rgl",)]


def _versions() -> dict[str, ir.Regeling]:
    found: dict[str, ir.Regeling] = {}
    for paths in BUNDLES:
        bundle = load_bundle(*paths)
        assert bundle.ok, bundle.diagnostics
        found.update(bundle.versions)
    return found


VERSIONS = _versions()
COMPILED: dict[str, tuple[Decision, Decision]] = {
    vid: (compile_regeling(reg), compile_regeling(reg, traced=True)) for vid, reg in VERSIONS.items()}


def _outcome(fn: object, *args: object) -> tuple[str, object]:
    """('ok', values) or ('fout', the diagnostic as data), so both kinds of result compare with ==."""
    try:
        result = fn(*args)  # type: ignore[operator]
    except EvaluationFailure as f:
        d = f.diagnostic
        return "fout", (d.code, d.message, d.span, d.related)
    return "ok", result


def check(vid: str, facts: dict[str, Value]) -> str:
    reg = VERSIONS[vid]
    fast, traced = COMPILED[vid]
    want = _outcome(interpret, reg, facts)
    assert _outcome(lambda f: evaluate(fast, f).values, facts) == want, (vid, facts)
    assert _outcome(lambda f: evaluate(traced, f).values, facts) == want, (vid, facts)
    assert _outcome(fast.decide, facts) == want, (vid, facts)
    return want[0]


def test_bundled_cases_agree() -> None:
    project = load_project()
    assert project.ok
    checked = 0
    for case in project.cases:
        for vid in [e.versie for e in case.verwacht] or list(project.bundle.versions):
            check(vid, case.feiten)
            checked += 1
    assert checked >= len(project.cases) > 0


# ---- generated cases: a small generator of its own, plain random, that also breaks the rules ---------


def _random_value(rnd: random.Random, reg: ir.Regeling, f: ir.FactDecl, landmarks: list[Value]) -> Value:
    kind = f.type.kind
    if kind is TypeKind.BOOL:
        return rnd.random() < 0.5
    if kind is TypeKind.ENUM:
        return rnd.choice(reg.enums[f.type.enum].values)
    if kind is TypeKind.GEHEEL:
        lo, hi = (int(b.value) for b in f.bereik) if f.bereik else (0, 120)  # type: ignore[union-attr]
        return values.integer(rnd.randint(lo, hi))
    if kind is TypeKind.DECIMAAL:
        decimals = [m for m in landmarks if isinstance(m, rt.Decimal)]
        if decimals and rnd.random() < 0.3:
            return rnd.choice(decimals)
        hi = int(values.decimal_as_fraction(f.bereik[1])) if f.bereik else 100  # type: ignore[arg-type]
        return values.decimal_of_text(str(rnd.randint(0, hi * 4) / 4))
    if kind is TypeKind.UREN:  # whole seconds; the bars (1,25 x bekostigingsuren) and a second either side
        marks = [m for m in landmarks if isinstance(m, values.Uren)]
        if marks and rnd.random() < 0.3:
            return rnd.choice(marks)
        hi = f.bereik[1].seconden if f.bereik and isinstance(f.bereik[1], values.Uren) else 100 * 3600
        return values.Uren(rnd.choice((rnd.randint(0, hi // 900) * 900, rnd.randint(0, hi))))
    if kind is TypeKind.GELD:
        return rt.money_of_cents_string(str(rnd.randint(0, 50_000)))
    if kind is TypeKind.DATUM:
        return values.date_of_python(datetime.date(2025, 1, 1) + datetime.timedelta(days=rnd.randint(0, 4 * 365)))
    return values.duration(rnd.randint(0, 5), "jaar")


def _landmarks(reg: ir.Regeling) -> list[Value]:
    """Decimal and uren table cells times 1,25 and a ten-thousandth (a second) either side: the thresholds."""
    out: list[Value] = []
    step = values.decimal_of_text("0.0001")
    for table in reg.tables.values():
        for row in table.rows.values():
            for cell in row:
                if isinstance(cell, rt.Decimal):
                    mark = cell * values.decimal_of_text("1.25")
                    out += [mark - step, mark, mark + step, cell]
                elif isinstance(cell, values.Uren):
                    bar = cell * values.decimal_of_text("1.25")
                    out += [values.Uren(bar.seconden + d) for d in (-1, 0, 1)] + [cell]
    return out


def generated(vid: str, n: int, seed: int) -> Iterator[dict[str, Value]]:
    reg = VERSIONS[vid]
    rnd = random.Random(seed)
    landmarks = _landmarks(reg)
    for _ in range(n):
        facts: dict[str, Value] = {}
        for name, f in reg.facts.items():
            if f.optioneel and rnd.random() < 0.4:
                continue
            facts[name] = _random_value(rnd, reg, f, landmarks)
        roll = rnd.random()
        if roll < 0.03 and facts:
            del facts[rnd.choice(list(facts))]  # R002, and the tabulated parts' general path
        elif roll < 0.06:
            enum_facts = [k for k, f in reg.facts.items() if f.type.kind is TypeKind.ENUM and k in facts]
            if enum_facts:
                facts[rnd.choice(enum_facts)] = "ONBEKEND"  # outside the declaration: general path too
        yield facts


@pytest.mark.parametrize("vid", sorted(VERSIONS))
def test_generated_cases_agree(vid: str) -> None:
    kinds = [check(vid, facts) for facts in generated(vid, 2000, seed=hash(vid) % 1000)]
    assert "ok" in kinds  # the generator reaches decided cases, not only errors


@pytest.mark.parametrize("vid", sorted(VERSIONS))
def test_hypothesis_cases_agree(vid: str) -> None:
    @settings(max_examples=150, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(facts_strategy(VERSIONS[vid]))
    def agree(facts: dict[str, Value]) -> None:
        check(vid, facts)

    agree()


def test_conflict_names_every_applicable_rule_in_both() -> None:
    """Three equals apply at once (artikel 2, eerste lid, overlapping ranges, and lid 2 twice)."""
    facts: dict[str, Value] = {"s": "d", "t": "d", "vlag": False, "n": values.integer(1),
                               "x": values.decimal_of_text("20"), "y": values.decimal_of_text("25"),
                               "bedrag": rt.money_of_cents_string("100"), "op": values.date_of_text("2026-01-01")}
    assert check("c-1", facts) == "fout"
    with pytest.raises(EvaluationFailure) as err:
        interpret(VERSIONS["c-1"], facts)
    d = err.value.diagnostic
    assert d.code == "R010"
    assert d.message.count("artikel 2, tweede lid") == 2


def test_generated_cases_cover_every_result_kind() -> None:
    """The constructs version gives values, conflicts, missing rows and division by zero: agreement on each."""
    codes: set[str] = set()
    reg = VERSIONS["c-1"]
    for facts in generated("c-1", 2000, seed=7):
        try:
            interpret(reg, facts)
            codes.add("ok")
        except EvaluationFailure as f:
            codes.add(f.diagnostic.code)
    assert {"ok", "R001", "R002", "R003", "R004", "R010"} <= codes


def test_expressions_compiled_later_agree() -> None:
    """compile_expr after compile_regeling (as the property checks do) reuses the layout and agrees."""
    reg = VERSIONS["c-1"]
    fast, _ = COMPILED["c-1"]
    exprs = [c.expr for r in reg.rules for c in r.conditions] + [d.expr for d in reg.definitions.values()]
    # Conjunctions of two conditions read fact combinations no rule reads: new tables, after the layout is fixed.
    bools = [e for e in exprs if e.type.kind is TypeKind.BOOL]
    exprs += [ir.BinOp("of", a, b, a.type, a.span) for a, b in itertools.pairwise(bools)]
    fns = [fast.compile_expr(e) for e in exprs]
    for facts in generated("c-1", 300, seed=3):
        for e, fn in zip(exprs, fns, strict=True):
            want = _outcome(lambda f, e=e: interpret_expr(reg, f, e), facts)
            assert _outcome(lambda f, fn=fn: fn(Ctx(fast, f, None)), facts) == want, (e, facts)


def interpret_expr(reg: ir.Regeling, facts: dict[str, Value], e: ir.Expr) -> Value:
    from meerzorg_law.engine.interpret import _State  # the reference's own expression evaluator

    return _State(reg, dict(facts), {}).expr(e)
