"""IR -> closures, once per version: no source generation, no exec.

Rule trees run through ``catala.runtime.handle_default``. Every value travels with the rule that produced
it, so when handle_default raises its single-position ConflictError we can name every applicable
provision. The traced variant records steps into the evaluation's own Recorder.

The untraced variant is what impact runs and property checks call millions of times, so it is compiled
for speed; each shortcut provably gives the same value or the same error (``interpret.py`` is the plain
reference and ``tests/engine/test_agreement.py`` holds the two together):

* definitions and outcomes live in a slot list per evaluation, indexed at compile time, not a dict;
* a leaf (a rule without exceptions) is tested directly: ``handle_default(pos, [], just, cons)`` is
  exactly "cons if just else empty";
* "not applicable" travels as None, which handle_default already treats as empty, instead of raising
  EmptyError through every level (exceptions are the dearest thing in CPython's evaluation loop);
* the conditions of a rule that sets several outcomes are evaluated once per case, not once per outcome;
* partial evaluation: a definition, run of conditions, rule or group whose value depends only on facts with
  few possible values (waar/onwaar, enumeraties) is evaluated ahead for every combination, through the same
  closures and the same handle_default, and becomes a dictionary lookup. A combination that raised an
  error raises the same error; a missing fact or a value outside the declaration takes the general path.
  Groups and outcomes that also read other facts (hours, dates) get a table over their few-valued facts
  where that decides most combinations: evaluated with only those facts known, a combination either gives
  its answer without looking at any other fact (so it holds whatever they are) or says it needs one, and
  then the general closure runs.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from catala import runtime as rt

from .. import ir
from ..diagnostics import Diagnostic
from ..span import Span
from ..values import Value, format_value
from .trace import ConditionStep, DefinitionStep, Recorder, RuleStep

__all__ = ["Ctx", "Decision", "EvaluationFailure", "compile_regeling"]

# Partial evaluation is tried when the facts an expression reads have at most this many combinations.
_TABULATE_LIMIT = 4096


class EvaluationFailure(Exception):
    """A case could not be decided (conflict, no rule, missing fact or table row); carries one Diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _Unset:
    """Marks a slot not computed yet in this evaluation."""

    __slots__ = ()


_UNSET: Any = _Unset()
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
        self.slots: list[Any] = [_UNSET] * decision.size


Fn = Callable[[Ctx], Any]


@dataclass(frozen=True)
class Decision:
    """A compiled version: one closure per definition and outcome."""

    regeling: ir.Regeling
    fns: dict[str, Fn]
    traced: bool
    size: int = 0
    compiler: Any = field(default=None, repr=False, compare=False)
    outcome_fns: tuple[tuple[str, Fn], ...] = ()
    # The facts the outcomes can read (through definitions), None when that cannot be known statically:
    # two cases that agree on these facts get the same outcomes, which lets bulk runs evaluate each once.
    reads: frozenset[str] | None = None

    def compile_expr(self, e: ir.Expr) -> Fn:
        """Compile a further expression against this version (eigenschappen use this)."""
        compiler = self.compiler if self.compiler is not None else _Compiler(self.regeling, self.traced)
        return compiler.expr(e)

    def decide(self, facts: dict[str, Value]) -> dict[str, Value]:
        """Every outcome for one case, without a trace or an Outcome: the bulk path (impact, benchmarks).

        Same values and errors as ``evaluate``; ``facts`` is read, never changed.
        """
        ctx = Ctx(self, facts, None)
        return {name: fn(ctx) for name, fn in self.outcome_fns}


def compile_regeling(regeling: ir.Regeling, traced: bool = False) -> Decision:
    """Compile every definition and outcome of one version to closures over an evaluation's Ctx."""
    return _Compiler(regeling, traced).decision()


def _pos(span: Span) -> rt.SourcePosition:
    return rt.SourcePosition(span.file, span.line, span.column, span.end_line, span.end_column,
                             [span.provision.citeer()])


def _fail(code: str, span: Span, message: str) -> EvaluationFailure:
    return EvaluationFailure(Diagnostic(code, span, message))


def _true(_: rt.Unit) -> bool:
    return True


def _none(_: rt.Unit) -> None:
    return None


# The result of a rule-tree node: None when it does not apply, else (value, rule).
_Result = tuple[Value, ir.Rule] | None


class _Raise:
    """A tabulated combination that fails: raise the same diagnostic again."""

    __slots__ = ("diagnostic",)

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


_MISS: Any = object()
_NEEDS: Any = object()  # a tabulated combination whose result needs a fact outside the table's key


class _NeedsFact(Exception):
    """Partial evaluation read a fact that is not part of the table's key."""


class _Partial(dict[str, Value]):
    """The facts during partial evaluation: reading or testing any other fact raises _NeedsFact."""

    __slots__ = ("known",)

    def __init__(self, facts: dict[str, Value], known: frozenset[str]) -> None:
        super().__init__(facts)
        self.known = known

    def __getitem__(self, name: str) -> Value:
        if name not in self.known:
            raise _NeedsFact(name)
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        if name not in self.known:
            raise _NeedsFact(name)
        return dict.__contains__(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self.known:
            raise _NeedsFact(name)
        return dict.get(self, name, default)


_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "=": operator.eq, "<>": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


class _Compiler:
    def __init__(self, regeling: ir.Regeling, traced: bool) -> None:
        self.reg = regeling
        self.traced = traced
        # Slot layout: definitions, then outcomes, then the shared justification of multi-outcome rules.
        self.slot: dict[str, int] = {}
        for name in (*regeling.definitions, *regeling.trees):
            self.slot.setdefault(name, len(self.slot))
        self.rule_slot: dict[int, int] = {}
        if not traced:
            by_id: dict[int, list[ir.Rule]] = {}
            for r in regeling.rules:
                by_id.setdefault(r.id, []).append(r)
            for rid, rules in by_id.items():
                # Only when every outcome's copy has the very same conditions (true by construction).
                if len(rules) > 1 and all(r.conditions == rules[0].conditions for r in rules):
                    self.rule_slot[rid] = len(self.slot) + len(self.rule_slot)
        self.size = len(self.slot) + len(self.rule_slot)
        self.getters: dict[str, Fn] = {}
        self.reads: dict[str, frozenset[str] | None] = {}
        self.scratch = Decision(regeling, {}, traced, self.size)
        # Tables keyed on the same facts share one key per evaluation (several outcomes read the same ones).
        self.key_slot: dict[tuple[str, ...], int] = {}
        self.sealed = False  # after decision(): the slot layout is fixed (compile_expr adds no slots)

    def decision(self) -> Decision:
        fns = {name: self.getter(name) for name in (*self.reg.definitions, *self.reg.trees)}
        outcome_fns = tuple((name, fns[name]) for name in self.reg.outcomes)
        reads = [self._reads_outcome(tree) for tree in self.reg.trees.values()]
        union = None if any(r is None for r in reads) else frozenset().union(*reads)  # type: ignore[arg-type]
        decision = Decision(self.reg, fns, self.traced, self.size, self, outcome_fns, union)
        self.scratch = decision
        self.sealed = True
        return decision

    # ---- names ------------------------------------------------------------------------------------
    def getter(self, name: str) -> Fn:
        """The closure giving the value of a definition or outcome, computed at most once per Ctx."""
        fn = self.getters.get(name)
        if fn is None:
            if name in self.reg.definitions:
                fn = self._definition(self.reg.definitions[name])
            else:
                fn = self._outcome(self.reg.trees[name])
            self.getters[name] = fn
        return fn

    def _definition(self, d: ir.Definition) -> Fn:
        i = self.slot[d.name]
        if not self.traced:
            body = self.expr(d.expr)
            return body if getattr(body, "cheap", False) else _memoised(i, body)
        body = self.expr(d.expr)
        name, prov, source = d.name, d.span.provision, d.source

        def traced_definition(ctx: Ctx) -> Value:
            s = ctx.slots
            v = s[i]
            if v is _UNSET:
                v = s[i] = body(ctx)
                if ctx.rec is not None:
                    ctx.rec.definitions.append(DefinitionStep(name, prov, v, source))
            return v
        return traced_definition

    def _outcome(self, tree: ir.OutcomeTree) -> Fn:
        i = self.slot[tree.outcome]
        if self.traced:
            return self._traced_outcome(tree)
        reads = self._reads_outcome(tree)
        body: Fn | None = None
        if self._tabulable(reads, partial=True):
            # The whole outcome as one lookup; its nodes then need no lookups of their own on the way.
            body = self._tabulate(self._outcome_body(tree, partial_nodes=False), reads, partial=True)
        if body is None:
            body = self._outcome_body(tree, partial_nodes=True)
        return _memoised(i, body)

    def _outcome_parts(self, tree: ir.OutcomeTree, partial_nodes: bool) -> tuple[
            list[Fn], Callable[[Ctx], _Result], Callable[[], EvaluationFailure], Fn | None, Any]:
        """The top nodes, handle_default over them with the standaard as consequence, and the R001 failure."""
        decl = self.reg.outcomes[tree.outcome]
        name, span, pos = tree.outcome, decl.span, _pos(decl.span)
        nodes = [self.node(n, name, partial_nodes) for n in tree.nodes]
        std = self.expr(tree.standaard) if tree.standaard is not None else None
        std_value = getattr(std, "constant", _MISS) if getattr(std, "cheap", False) else _MISS
        std_pair = (std_value, None)

        def none_applies() -> EvaluationFailure:
            return _fail("R001", span, f"geen regel van toepassing voor uitkomst '{name}', en zij heeft geen "
                                       "standaardwaarde")

        def decide(ctx: Ctx) -> _Result:
            cons: Callable[[rt.Unit], Any]
            if std is None:
                cons = _none
            elif std_value is not _MISS:
                cons = lambda _: std_pair  # noqa: E731
            else:
                cons = lambda _: (std(ctx), None)  # noqa: E731
            return _default(pos, nodes, ctx, _true, cons, name)  # type: ignore[no-any-return]
        return nodes, decide, none_applies, std, std_value

    def _outcome_body(self, tree: ir.OutcomeTree, partial_nodes: bool) -> Fn:
        nodes, decide, none_applies, std, std_value = self._outcome_parts(tree, partial_nodes)
        if len(nodes) != 1 or std is None or std_value is _MISS:
            def value_of(ctx: Ctx) -> Value:
                result = decide(ctx)
                if result is None:
                    raise none_applies()
                return result[0]
            return value_of

        # The common shape, one rule (or group) and a constant standaard, without the intermediate calls.
        (n0,) = nodes
        name, pos = tree.outcome, _pos(self.reg.outcomes[tree.outcome].span)
        std_pair = (std_value, None)

        def std_cons(_: rt.Unit) -> Any:
            return std_pair

        def one_node(ctx: Ctx) -> Value:
            try:
                result = rt.handle_default(pos, [lambda _: n0(ctx)], _true, std_cons)
            except rt.ConflictError:
                raise _conflict(name, _applicable(nodes, ctx)) from None
            return result[0]
        return one_node

    def _traced_outcome(self, tree: ir.OutcomeTree) -> Fn:
        i, name = self.slot[tree.outcome], tree.outcome
        _, decide, none_applies, _, _ = self._outcome_parts(tree, False)

        def traced_outcome(ctx: Ctx) -> Value:
            s = ctx.slots
            v = s[i]
            if v is not _UNSET:
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
        return traced_outcome

    # ---- rule trees -------------------------------------------------------------------------------
    def node(self, node: ir.Node, outcome: str, partial: bool = True) -> Fn:
        fn = self._leaf(node.rule) if isinstance(node, ir.Leaf) else self._group(node, outcome, partial)
        if self.traced:
            return fn
        # Partial tables only for groups: a leaf that also needs hours is cheaper through its shared
        # justification (see _leaf) than through a lookup that mostly falls through to it.
        table = self._tabulate(fn, self._reads_node(node), partial=partial and isinstance(node, ir.Group))
        return table if table is not None else fn

    def _group(self, node: ir.Group, outcome: str, partial: bool) -> Fn:
        exceptions = [self.node(n, outcome, partial) for n in node.exceptions]
        members = [self.node(n, outcome, partial) for n in node.members]
        pos = _pos(_first_rule(node).span)
        if len(members) == 1:
            # < [m] | false :- nothing > is m itself: one member needs no default of its own.
            (only,) = members

            def group(ctx: Ctx) -> _Result:
                return _default(pos, exceptions, ctx, _true, lambda _: only(ctx), outcome)  # type: ignore[no-any-return]
            return group

        def group_of_members(ctx: Ctx) -> _Result:
            return _default(pos, exceptions, ctx, _true,  # type: ignore[no-any-return]
                            lambda _: _default(pos, members, ctx, _true, _none, outcome), outcome)
        return group_of_members

    def _leaf(self, rule: ir.Rule) -> Fn:
        if self.traced:
            return self._traced_leaf(rule)
        value = self.expr(rule.value)
        conds = self._conditions(rule.conditions)
        k = self.rule_slot.get(rule.id)
        constant = getattr(value, "constant", _MISS) if getattr(value, "cheap", False) else _MISS
        pair = (constant, rule)

        if k is not None:
            def shared_leaf(ctx: Ctx) -> _Result:
                s = ctx.slots
                j = s[k]
                if j is _UNSET:
                    j = s[k] = conds(ctx)
                if not j:
                    return None
                return pair if constant is not _MISS else (value(ctx), rule)
            return shared_leaf

        def leaf(ctx: Ctx) -> _Result:
            if not conds(ctx):
                return None
            return pair if constant is not _MISS else (value(ctx), rule)
        return leaf

    def _conditions(self, conditions: tuple[ir.Condition, ...]) -> Fn:
        """Whether every condition lets the rule through, in order. Each longest run of consecutive conditions
        on few-valued facts becomes one lookup: the run holds, fails, or raises as its first failing part."""
        steps: list[tuple[Fn, bool]] = []
        i = 0
        while i < len(conditions):
            end = i
            for n in range(len(conditions), i, -1):
                reads = self._reads_all(c.expr for c in conditions[i:n])
                if reads is not None and self._combinations(reads) <= _TABULATE_LIMIT:
                    end = n
                    break
            if end - i <= 1:
                steps.append((self.expr(conditions[i].expr), conditions[i].tenzij))
                i += 1
                continue
            run = [(self.expr(c.expr), c.tenzij) for c in conditions[i:end]]

            def holds(ctx: Ctx, run: list[tuple[Fn, bool]] = run) -> bool:
                for fn, tenzij in run:
                    if fn(ctx) is tenzij:
                        return False
                return True
            table = self._tabulate(holds, self._reads_all(c.expr for c in conditions[i:end]))
            steps.append((table if table is not None else holds, False))
            i = end
        if len(steps) == 1:
            (f0, t0), = steps
            return lambda ctx: f0(ctx) is not t0
        frozen = tuple(steps)

        def all_hold(ctx: Ctx) -> bool:
            for fn, tenzij in frozen:
                if fn(ctx) is tenzij:
                    return False
            return True
        return all_hold

    def _traced_leaf(self, rule: ir.Rule) -> Fn:
        conds = [(self.expr(c.expr), c.tenzij, c.source) for c in rule.conditions]
        value = self.expr(rule.value)

        def traced_leaf(ctx: Ctx) -> _Result:
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
        return traced_leaf

    # ---- partial evaluation -----------------------------------------------------------------------
    def _domain(self, fact: str) -> tuple[Value, ...] | None:
        decl = self.reg.facts.get(fact)
        if decl is None:
            return None
        if decl.type.kind == "bool":
            return (False, True)
        if decl.type.kind == "enum" and decl.type.enum in self.reg.enums:
            return self.reg.enums[decl.type.enum].values
        return None

    def _combinations(self, facts: frozenset[str]) -> int:
        n = 1
        for f in facts:
            d = self._domain(f)
            if d is None:
                return _TABULATE_LIMIT + 1
            n *= len(d)
        return n

    def _tabulable(self, reads: frozenset[str] | None, partial: bool) -> bool:
        if reads is None:
            return False
        finite = frozenset(f for f in reads if self._domain(f) is not None)
        if len(finite) < len(reads) and not (partial and finite):
            return False
        return self._combinations(finite) <= _TABULATE_LIMIT

    def _tabulate(self, fn: Fn, reads: frozenset[str] | None, partial: bool = False) -> Fn | None:
        """``fn`` evaluated ahead for every combination of the few-valued facts it reads, or None.

        With ``partial``, ``fn`` may also read other facts (hours, dates): each combination is evaluated with
        only the few-valued facts known, and where the result still needs another fact the entry says so and
        the general closure runs. A combination that needs nothing else gives the same result whatever the
        other facts are, because evaluation never looks at them.
        """
        if reads is None or not self._tabulable(reads, partial):
            return None
        names = sorted(f for f in reads if self._domain(f) is not None)
        domains = [self._domain(n) for n in names]
        known = frozenset(names)
        table: dict[Any, Any] = {}
        resolved = 0
        for combo in itertools.product(*domains):  # type: ignore[arg-type]
            facts = dict(zip(names, combo, strict=True))
            ctx = Ctx(self.scratch, _Partial(facts, known) if len(names) < len(reads) else facts, None)
            try:
                v = fn(ctx)
                resolved += 1
            except EvaluationFailure as f:
                v = _Raise(f.diagnostic)
                resolved += 1
            except _NeedsFact:
                v = _NEEDS
            except Exception:
                return None  # e.g. a type the expression cannot handle: keep the general path
            table[combo[0] if len(combo) == 1 else combo] = v
        # A table that mostly answers "needs another fact" would only add a lookup to most evaluations.
        if resolved * 2 < len(table):
            return None
        return _lookup(table, names, fn, self._key_slot(names))

    def _key_slot(self, names: list[str]) -> int | None:
        """A slot for the key tuple of these facts, or None for a single fact (its value is the key)."""
        if len(names) < 2:
            return None
        k = self.key_slot.get(tuple(names))
        if k is None and self.sealed:
            return None
        if k is None:
            k = self.key_slot[tuple(names)] = self.size
            self.size += 1
            self.scratch = Decision(self.reg, {}, self.traced, self.size)
        return k

    def _reads(self, e: ir.Expr | None) -> frozenset[str] | None:
        """The facts an expression reads, through definitions and outcomes; None if not knowable here."""
        if e is None:
            return frozenset()
        if isinstance(e, ir.Const):
            return frozenset()
        if isinstance(e, ir.Var):
            if e.kind == "invoer" or (e.name not in self.reg.definitions and e.name not in self.reg.trees):
                return frozenset((e.name,))
            return self._reads_name(e.name)
        if isinstance(e, ir.Known):
            return frozenset((e.fact,))
        if isinstance(e, (ir.Volgens, ir.Met)):
            return None
        return self._reads_all(ir.children(e))

    def _reads_all(self, exprs: Any) -> frozenset[str] | None:
        out: set[str] = set()
        for c in exprs:
            r = self._reads(c)
            if r is None:
                return None
            out |= r
        return frozenset(out)

    def _reads_name(self, name: str) -> frozenset[str] | None:
        if name not in self.reads:
            self.reads[name] = None  # no cycles after checking; this guards against one anyway
            if name in self.reg.definitions:
                self.reads[name] = self._reads(self.reg.definitions[name].expr)
            else:
                self.reads[name] = self._reads_outcome(self.reg.trees[name])
        return self.reads[name]

    def _reads_outcome(self, tree: ir.OutcomeTree) -> frozenset[str] | None:
        parts = [self._reads_node(n) for n in tree.nodes] + [self._reads(tree.standaard)]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*parts)  # type: ignore[arg-type]

    def _reads_node(self, node: ir.Node) -> frozenset[str] | None:
        if isinstance(node, ir.Leaf):
            return self._reads_all([node.rule.value, *(c.expr for c in node.rule.conditions)])
        parts = [self._reads_node(n) for n in (*node.exceptions, *node.members)]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*parts)  # type: ignore[arg-type]

    # ---- expressions ------------------------------------------------------------------------------
    def expr(self, e: ir.Expr, dynamic: bool = False) -> Fn:
        """Compile ``e``; untraced, a part that reads only few-valued facts becomes a lookup."""
        if dynamic or self.traced or isinstance(e, (ir.Const, ir.Var, ir.Known)):
            return self._plain(e, dynamic)
        reads = self._reads(e)
        if reads is not None and self._combinations(reads) <= _TABULATE_LIMIT:
            table = self._tabulate(self._plain(e, False), reads)
            if table is not None:
                return table
        return self._plain(e, False, tabulate_parts=True)

    def _plain(self, e: ir.Expr, dynamic: bool, tabulate_parts: bool = False) -> Fn:
        sub: Callable[[ir.Expr], Fn]
        if tabulate_parts:
            def sub(x: ir.Expr) -> Fn:
                return self.expr(x)
        else:
            def sub(x: ir.Expr) -> Fn:
                return self._plain(x, dynamic)
        if isinstance(e, ir.Const):
            return _const(e.value)
        if isinstance(e, ir.Var):
            return self._var(e, dynamic)
        if isinstance(e, ir.Unary):
            f = sub(e.operand)
            if e.op == "niet":
                return lambda ctx: not f(ctx)
            if e.op == "promote":
                return lambda ctx: rt.decimal_of_integer(f(ctx))
            return lambda ctx: -f(ctx)
        if isinstance(e, ir.BinOp):
            return _binop(e, sub(e.left), sub(e.right))
        if isinstance(e, ir.InSet):
            el = sub(e.element)
            neg = e.negated
            if all(isinstance(i, ir.Const) and isinstance(i.value, (str, bool)) for i in e.items):
                members = frozenset(i.value for i in e.items if isinstance(i, ir.Const))
                return lambda ctx: (el(ctx) in members) is not neg
            items = [sub(i) for i in e.items]
            return lambda ctx: any(el(ctx) == i(ctx) for i in items) is not neg
        if isinstance(e, ir.InTable):
            return self._in_table(e, sub(e.element), dynamic)
        if isinstance(e, ir.Lookup):
            return self._lookup(e, sub(e.key), dynamic)
        if isinstance(e, ir.Known):
            name, neg = e.fact, e.negated
            return lambda ctx: (name in ctx.facts) is not neg
        if isinstance(e, ir.IfThenElse):
            c, a, b = sub(e.condition), sub(e.then), sub(e.otherwise)
            return lambda ctx: a(ctx) if c(ctx) else b(ctx)
        if isinstance(e, ir.Call):
            return _call(e.function, [sub(a) for a in e.args])
        if isinstance(e, ir.Volgens):
            return self._volgens(e)
        return self._met(e, dynamic)

    def _var(self, e: ir.Var, dynamic: bool) -> Fn:
        name, span = e.name, e.span
        if dynamic:
            kind = e.kind

            def dynamic_var(ctx: Ctx) -> Value:
                if kind == "invoer" and name in ctx.facts:
                    return ctx.facts[name]
                fn = ctx.decision.fns.get(name)
                if fn is not None:
                    return fn(ctx)
                if name in ctx.facts:
                    return ctx.facts[name]
                raise _fail("R002", span, f"het feit '{name}' is nodig maar ontbreekt in de casus")
            return dynamic_var
        if e.kind != "invoer" and (name in self.reg.definitions or name in self.reg.trees):
            return self.getter(name)
        traced = self.traced

        def fact(ctx: Ctx) -> Value:
            try:
                v = ctx.facts[name]
            except KeyError:
                raise _fail("R002", span, f"het feit '{name}' is nodig maar ontbreekt in de casus") from None
            if traced and ctx.rec is not None:
                ctx.rec.facts[name] = None
            return v
        return fact

    def _in_table(self, e: ir.InTable, el: Fn, dynamic: bool) -> Fn:
        table, neg = e.table, e.negated
        if dynamic:
            return lambda ctx: (el(ctx) in ctx.decision.regeling.tables[table].rows) is not neg
        rows = self.reg.tables[table].rows
        return lambda ctx: (el(ctx) in rows) is not neg

    def _lookup(self, e: ir.Lookup, key: Fn, dynamic: bool) -> Fn:
        table, column, span = e.table, e.column, e.span

        def missing(k: Value) -> EvaluationFailure:
            return _fail("R004", span, f"tabel {table} heeft geen rij voor {format_value(k)}")

        if dynamic:
            def dynamic_lookup(ctx: Ctx) -> Value:
                t = ctx.decision.regeling.tables[table]
                k = key(ctx)
                row = t.rows.get(k)
                if row is None:
                    raise missing(k)
                return row[t.column_index(column)]
            return dynamic_lookup
        t = self.reg.tables[table]
        col = t.column_index(column)
        cells = {k: row[col] for k, row in t.rows.items()}

        def lookup(ctx: Ctx) -> Value:
            k = key(ctx)
            v = cells.get(k, _MISS)
            if v is _MISS:
                raise missing(k)
            return v
        return lookup

    def _volgens(self, e: ir.Volgens) -> Fn:
        inner, versie, span = self.expr(e.expr, dynamic=True), e.versie, e.span

        def volgens(ctx: Ctx) -> Value:
            other = ctx.others.get(versie)
            if other is None:
                raise _fail("R005", span, f"versie {versie} is hier niet beschikbaar")
            return inner(Ctx(other, ctx.facts, None, ctx.others))
        return volgens

    def _met(self, e: ir.Met, dynamic: bool) -> Fn:
        inner, fact, value = self.expr(e.expr, dynamic), e.fact, self.expr(e.value, dynamic)

        def met(ctx: Ctx) -> Value:
            facts = dict(ctx.facts)
            facts[fact] = value(ctx)
            return inner(Ctx(ctx.decision, facts, None, ctx.others))
        return met


def _memoised(i: int, body: Fn) -> Fn:
    """``body`` computed at most once per evaluation, kept in slot ``i`` of the evaluation's Ctx."""
    def get(ctx: Ctx) -> Value:
        s = ctx.slots
        v = s[i]
        if v is _UNSET:
            v = s[i] = body(ctx)
        return v
    return get


def _const(v: Value) -> Fn:
    def const(_: Ctx) -> Value:
        return v
    const.cheap = True  # type: ignore[attr-defined]
    const.constant = v  # type: ignore[attr-defined]
    return const


def _lookup(table: dict[Any, Any], names: list[str], general: Fn, slot: int | None) -> Fn:
    """The runtime side of a tabulated part: one dictionary lookup, the general closure as fallback.

    With ``slot`` the key tuple is built once per evaluation and kept there for the other tables on it.
    """
    if len(table) == 1 and not names:
        (v,) = table.values()
        if not isinstance(v, _Raise):
            return _const(v)
    key_of: Callable[[Ctx], Any]
    if not names:
        table = {(): next(iter(table.values()))}
        key_of = lambda ctx: ()  # noqa: E731
    elif slot is None:
        get = operator.itemgetter(*names)
        key_of = lambda ctx: get(ctx.facts)  # noqa: E731
    else:
        get = operator.itemgetter(*names)
        k = slot

        def key_of(ctx: Ctx) -> Any:
            s = ctx.slots
            key = s[k]
            if key is _UNSET:
                try:
                    key = get(ctx.facts)
                except KeyError:  # a fact is missing: no table entry, the general path every time
                    key = _MISS
                s[k] = key
            return key

    if any(isinstance(v, _Raise) or v is _NEEDS for v in table.values()):
        def lookup_or_general(ctx: Ctx) -> Any:
            try:
                v = table[key_of(ctx)]
            except (KeyError, TypeError):  # a fact is missing, or its value is not a declared one
                return general(ctx)
            if v is _NEEDS:
                return general(ctx)
            if v.__class__ is _Raise:
                raise EvaluationFailure(v.diagnostic)
            return v
        return lookup_or_general

    def lookup(ctx: Ctx) -> Any:
        try:
            return table[key_of(ctx)]
        except (KeyError, TypeError):
            pass
        return general(ctx)
    lookup.cheap = True  # type: ignore[attr-defined]
    return lookup


def _binop(e: ir.BinOp, a: Fn, b: Fn) -> Fn:
    op, span = e.op, e.span
    if op == "en":
        return lambda ctx: a(ctx) and b(ctx)
    if op == "of":
        return lambda ctx: a(ctx) or b(ctx)
    if op == "impliceert":
        return lambda ctx: (not a(ctx)) or b(ctx)
    if op == "/":
        def divide(ctx: Ctx) -> Value:
            try:
                return a(ctx) / b(ctx)
            except ZeroDivisionError:
                raise _fail("R003", span, "deling door nul") from None
        return divide
    fn = _COMPARE[op]
    bv = getattr(b, "constant", _MISS) if getattr(b, "cheap", False) else _MISS
    if bv is not _MISS:
        if op == ">=":
            return lambda ctx: a(ctx) >= bv
        if op == "<":
            return lambda ctx: a(ctx) < bv
        if op == "=":
            return lambda ctx: a(ctx) == bv
        if op == "<>":
            return lambda ctx: a(ctx) != bv
        return lambda ctx: fn(a(ctx), bv)
    if op == ">=":
        return lambda ctx: a(ctx) >= b(ctx)
    if op == "<":
        return lambda ctx: a(ctx) < b(ctx)
    if op == "+":
        return lambda ctx: a(ctx) + b(ctx)
    if op == "-":
        return lambda ctx: a(ctx) - b(ctx)
    return lambda ctx: fn(a(ctx), b(ctx))


def _call(function: str, args: list[Fn]) -> Fn:
    if function == "minimum":
        return lambda ctx: min((a(ctx) for a in args), key=_Cmp)
    if function == "maximum":
        return lambda ctx: max((a(ctx) for a in args), key=_Cmp)
    if function == "afronden":
        return lambda ctx: rt.decimal_round(args[0](ctx))
    return lambda ctx: rt.year_of_date(args[0](ctx))



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


def _default(pos: rt.SourcePosition, fns: Sequence[Fn], ctx: Ctx, just: Callable[[rt.Unit], bool],
             cons: Callable[[rt.Unit], Any], outcome: str) -> Any:
    """handle_default over closures bound to this evaluation; None is empty, as handle_default has it.

    A ConflictError becomes a diagnostic naming every applicable rule.
    """
    if len(fns) == 1:
        f0 = fns[0]
        thunks = [lambda _: f0(ctx)]
    elif len(fns) == 2:
        f0, f1 = fns
        thunks = [lambda _: f0(ctx), lambda _: f1(ctx)]
    else:
        thunks = [_bind(f, ctx) for f in fns]
    try:
        return rt.handle_default(pos, thunks, just, cons)
    except rt.ConflictError:
        raise _conflict(outcome, _applicable(fns, ctx)) from None


def _applicable(fns: Sequence[Fn], ctx: Ctx) -> list[tuple[Value, ir.Rule]]:
    """After a conflict: every node that applies. One that cannot be evaluated is left out rather than
    hiding the conflict (handle_default stopped at the second applicable one, before reaching it)."""
    found = []
    for f in fns:
        try:
            r = f(ctx)
        except (EvaluationFailure, rt.EmptyError):
            continue
        if r is not None:
            found.append(r)
    return found


def _bind(f: Fn, ctx: Ctx) -> Callable[[rt.Unit], Any]:
    return lambda _: f(ctx)


def _conflict(outcome: str, applicable: list[tuple[Value, ir.Rule]]) -> EvaluationFailure:
    """Name every applicable provision; the producing rule travels with each value."""
    parts = [f"{rule.provision.citeer()} ({outcome} is {format_value(value)})" for value, rule in applicable]
    related = [(rule.span, f"{rule.provision.citeer()} is van toepassing") for _, rule in applicable]
    message = f"conflict voor '{outcome}': " + " en ".join(parts) + " zijn tegelijk van toepassing en geen van " \
              "beide is een uitzondering op de ander"
    return EvaluationFailure(Diagnostic("R010", applicable[0][1].span, message, related=tuple(related[1:])))
