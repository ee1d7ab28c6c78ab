"""IR -> closures, once per version: no source generation, no exec.

Rule trees run through ``catala.runtime.handle_default``. Every value travels with the rule that produced
it, so when handle_default raises its single-position ConflictError we can name every applicable
provision. The traced variant records steps into the evaluation's own Recorder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from catala import runtime as rt

from .. import ir
from ..diagnostics import Diagnostic
from ..span import Span
from ..values import Value, format_value
from .trace import ConditionStep, DefinitionStep, Recorder, RuleStep

__all__ = ["Decision", "EvaluationFailure", "compile_regeling"]


class EvaluationFailure(Exception):
    """A case could not be decided (conflict, no rule, missing fact or table row); carries one Diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class Ctx:
    """The state of one evaluation: facts and computed values (memo), and the recorder when tracing."""

    __slots__ = ("decision", "facts", "memo", "others", "rec")

    def __init__(self, decision: Decision, facts: dict[str, Value], rec: Recorder | None,
                 others: dict[str, Decision] | None = None) -> None:
        self.decision = decision
        self.facts = facts
        self.memo: dict[str, Value] = dict(facts)
        self.rec = rec
        self.others = others or {}


Fn = Callable[[Ctx], Any]


@dataclass(frozen=True)
class Decision:
    """A compiled version: one closure per definition and outcome."""

    regeling: ir.Regeling
    fns: dict[str, Fn]
    traced: bool

    def compile_expr(self, e: ir.Expr) -> Fn:
        """Compile a further expression against this version (eigenschappen use this)."""
        return _Compiler(self.regeling, self.traced).expr(e)


def compile_regeling(regeling: ir.Regeling, traced: bool = False) -> Decision:
    return _Compiler(regeling, traced).decision()


def _pos(span: Span) -> rt.SourcePosition:
    return rt.SourcePosition(span.file, span.line, span.column, span.end_line, span.end_column,
                             [span.provision.citeer()])


def _fail(code: str, span: Span, message: str) -> EvaluationFailure:
    return EvaluationFailure(Diagnostic(code, span, message))


def _true(_: rt.Unit) -> bool:
    return True


def _false(_: rt.Unit) -> bool:
    return False


def _never(_: rt.Unit) -> Any:
    raise rt.EmptyError


class _Compiler:
    def __init__(self, regeling: ir.Regeling, traced: bool) -> None:
        self.reg = regeling
        self.traced = traced

    def decision(self) -> Decision:
        fns: dict[str, Fn] = {}
        for name, d in self.reg.definitions.items():
            fns[name] = self._definition(d)
        for name, tree in self.reg.trees.items():
            fns[name] = self._outcome(tree)
        return Decision(self.reg, fns, self.traced)

    # ---- definitions and outcomes -----------------------------------------------------------------
    def _definition(self, d: ir.Definition) -> Fn:
        body = self.expr(d.expr)
        if not self.traced:
            return body
        name, prov, source = d.name, d.span.provision, d.source

        def traced_definition(ctx: Ctx) -> Value:
            value = body(ctx)
            if ctx.rec is not None:
                ctx.rec.definitions.append(DefinitionStep(name, prov, value, source))
            return value
        return traced_definition

    def _outcome(self, tree: ir.OutcomeTree) -> Fn:
        nodes = [self._node(n, tree.outcome) for n in tree.nodes]
        standaard = self.expr(tree.standaard) if tree.standaard is not None else None
        decl = self.reg.outcomes[tree.outcome]
        pos = _pos(decl.span)
        name = tree.outcome
        has_default = _true if standaard is not None else _false
        traced = self.traced

        def outcome(ctx: Ctx) -> Value:
            rec = ctx.rec if traced else None
            if rec is not None:
                rec.begin()
            try:
                value, rule = _default(pos, nodes, ctx, has_default,
                                       lambda _: (standaard(ctx) if standaard else None, None), name, decl.span)
            except rt.EmptyError:
                if rec is not None:
                    rec.abort()
                raise _fail("R001", decl.span, f"geen regel van toepassing voor uitkomst '{name}', en zij heeft "
                                               "geen standaardwaarde") from None
            except BaseException:
                if rec is not None:
                    rec.abort()
                raise
            if rec is not None:
                rec.end(name, value, rule.id if rule is not None else None)
            return value
        return outcome

    def _node(self, node: ir.Node, outcome: str) -> Fn:
        if isinstance(node, ir.Leaf):
            return self._leaf(node.rule)
        exceptions = [self._node(n, outcome) for n in node.exceptions]
        members = [self._node(n, outcome) for n in node.members]
        span = _first_rule(node).span
        pos = _pos(span)

        def group(ctx: Ctx) -> Any:
            return _default(pos, exceptions, ctx, _true,
                            lambda _: _default(pos, members, ctx, _false, _never, outcome, span), outcome, span)
        return group

    def _leaf(self, rule: ir.Rule) -> Fn:
        conds = [(self.expr(c.expr), c.tenzij, c.source) for c in rule.conditions]
        value = self.expr(rule.value)
        pos = _pos(rule.span)
        if not self.traced:
            def leaf(ctx: Ctx) -> Any:
                def just(_: rt.Unit) -> bool:
                    for fn, tenzij, _src in conds:
                        if fn(ctx) is tenzij:
                            return False
                    return True
                return rt.handle_default(pos, [], just, lambda _: (value(ctx), rule))
            return leaf

        def traced_leaf(ctx: Ctx) -> Any:
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
            return rt.handle_default(pos, [], lambda _: ok, lambda _: (result, rule))
        return traced_leaf

    # ---- expressions ------------------------------------------------------------------------------
    def expr(self, e: ir.Expr) -> Fn:
        method: Callable[[Any], Fn] = getattr(self, "_" + type(e).__name__)
        return method(e)

    def _Const(self, e: ir.Const) -> Fn:
        v = e.value
        return lambda ctx: v

    def _Var(self, e: ir.Var) -> Fn:
        name, span, kind = e.name, e.span, e.kind
        traced = self.traced and kind == "invoer"

        def var(ctx: Ctx) -> Value:
            memo = ctx.memo
            if name in memo:
                if traced and ctx.rec is not None:
                    ctx.rec.facts[name] = None
                return memo[name]
            fn = ctx.decision.fns.get(name)
            if fn is None:
                raise _fail("R002", span, f"het feit '{name}' is nodig maar ontbreekt in de casus")
            v = fn(ctx)
            memo[name] = v
            return v
        return var

    def _Unop(self, e: ir.Unop) -> Fn:
        f = self.expr(e.operand)
        if e.op == "niet":
            return lambda ctx: not f(ctx)
        if e.op == "promote":
            return lambda ctx: rt.decimal_of_integer(f(ctx))
        return lambda ctx: -f(ctx)

    def _Binop(self, e: ir.Binop) -> Fn:
        a, b, op, span = self.expr(e.left), self.expr(e.right), e.op, e.span
        if op == "en":
            return lambda ctx: a(ctx) and b(ctx)
        if op == "of":
            return lambda ctx: a(ctx) or b(ctx)
        if op == "impliceert":
            return lambda ctx: (not a(ctx)) or b(ctx)
        if op == "/":
            def divide(ctx: Ctx) -> Value:
                try:
                    return a(ctx) / b(ctx)  # type: ignore[no-any-return]
                except ZeroDivisionError:
                    raise _fail("R003", span, "deling door nul") from None
            return divide
        import operator

        fn = {"+": operator.add, "-": operator.sub, "*": operator.mul, "=": operator.eq, "<>": operator.ne,
              "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}[op]
        return lambda ctx: fn(a(ctx), b(ctx))

    def _InSet(self, e: ir.InSet) -> Fn:
        el = self.expr(e.element)
        neg = e.negated
        if all(isinstance(i, ir.Const) and isinstance(i.value, (str, bool)) for i in e.items):
            members = frozenset(i.value for i in e.items if isinstance(i, ir.Const))
            return lambda ctx: (el(ctx) in members) is not neg
        items = [self.expr(i) for i in e.items]
        return lambda ctx: any(el(ctx) == i(ctx) for i in items) is not neg

    def _InTable(self, e: ir.InTable) -> Fn:
        el, table, neg = self.expr(e.element), e.table, e.negated
        return lambda ctx: (el(ctx) in ctx.decision.regeling.tables[table].rows) is not neg

    def _Lookup(self, e: ir.Lookup) -> Fn:
        key, table, column, span = self.expr(e.key), e.table, e.column, e.span

        def lookup(ctx: Ctx) -> Value:
            t = ctx.decision.regeling.tables[table]
            k = key(ctx)
            row = t.rows.get(k)
            if row is None:
                raise _fail("R004", span, f"tabel {table} heeft geen rij voor {format_value(k)}")
            return row[t.column_index(column)]
        return lookup

    def _Known(self, e: ir.Known) -> Fn:
        name, neg = e.fact, e.negated
        return lambda ctx: (name in ctx.facts) is not neg

    def _IfThenElse(self, e: ir.IfThenElse) -> Fn:
        c, a, b = self.expr(e.condition), self.expr(e.then), self.expr(e.otherwise)
        return lambda ctx: a(ctx) if c(ctx) else b(ctx)

    def _Call(self, e: ir.Call) -> Fn:
        args = [self.expr(a) for a in e.args]
        if e.function == "minimum":
            return lambda ctx: min((a(ctx) for a in args), key=_Cmp)
        if e.function == "maximum":
            return lambda ctx: max((a(ctx) for a in args), key=_Cmp)
        if e.function == "afronden":
            return lambda ctx: rt.decimal_round(args[0](ctx))
        return lambda ctx: rt.year_of_date(args[0](ctx))

    def _Volgens(self, e: ir.Volgens) -> Fn:
        inner, versie, span = self.expr(e.expr), e.versie, e.span

        def volgens(ctx: Ctx) -> Value:
            other = ctx.others.get(versie)
            if other is None:
                raise _fail("R005", span, f"versie {versie} is hier niet beschikbaar")
            return inner(Ctx(other, ctx.facts, None, ctx.others))  # type: ignore[no-any-return]
        return volgens

    def _Met(self, e: ir.Met) -> Fn:
        inner, fact, value = self.expr(e.expr), e.fact, self.expr(e.value)

        def met(ctx: Ctx) -> Value:
            facts = dict(ctx.facts)
            facts[fact] = value(ctx)
            return inner(Ctx(ctx.decision, facts, None, ctx.others))  # type: ignore[no-any-return]
        return met


class _Cmp:
    """Sort key so min/max use the Catala types' own comparisons."""

    __slots__ = ("v",)

    def __init__(self, v: Any) -> None:
        self.v = v

    def __lt__(self, other: _Cmp) -> bool:
        return bool(self.v < other.v)


def _first_rule(node: ir.Node) -> ir.Rule:
    if isinstance(node, ir.Leaf):
        return node.rule
    return _first_rule((node.members or node.exceptions)[0])


def _default(pos: rt.SourcePosition, fns: list[Fn], ctx: Ctx, just: Callable[[rt.Unit], bool],
             cons: Callable[[rt.Unit], Any], outcome: str, span: Span) -> Any:
    """handle_default over bound closures; a ConflictError becomes a diagnostic naming every applicable rule."""
    try:
        return rt.handle_default(pos, [_bind(f, ctx) for f in fns], just, cons)
    except rt.ConflictError:
        applicable = []
        for f in fns:
            try:
                applicable.append(f(ctx))
            except rt.EmptyError:
                pass
        raise _conflict(outcome, applicable, span) from None


def _bind(f: Fn, ctx: Ctx) -> Callable[[rt.Unit], Any]:
    return lambda _: f(ctx)


def _conflict(outcome: str, applicable: list[tuple[Value, Any]], span: Span) -> EvaluationFailure:
    """Name every applicable provision; the producing rule travels with each value."""
    parts, related = [], []
    for value, origin in applicable:
        prov = origin.provision if origin is not None else None
        where = prov.citeer() if prov is not None else "standaard"
        parts.append(f"{where} ({outcome} is {format_value(value)})")
        if isinstance(origin, ir.Rule):
            related.append((origin.span, f"{where} is van toepassing"))
    first_span = next((s for s, _ in related), span)
    message = f"conflict voor '{outcome}': " + " en ".join(parts) + " zijn tegelijk van toepassing en geen van " \
              "beide is een uitzondering op de ander"
    return EvaluationFailure(Diagnostic("R010", first_span, message, related=tuple(related[1:])))
