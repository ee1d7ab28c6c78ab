"""IR -> closures, once per version: no source generation, no exec.

Rule trees run through ``catala.runtime.handle_default``. Every value travels with the rule that produced
it, so when handle_default raises its single-position ConflictError we can name every applicable
provision. The traced variant (``traced.py``) records steps into the evaluation's own Recorder.

The untraced variant is what impact runs and property checks call millions of times, so it is compiled
for speed; each shortcut provably gives the same value or the same error (``interpret.py`` is the plain
reference and ``tests/engine/test_agreement.py`` holds the two together):

* definitions and outcomes live in a slot list per evaluation, indexed at compile time, not a dict
  (``context.py``);
* a leaf (a rule without exceptions) is tested directly: ``handle_default(pos, [], just, cons)`` is
  exactly "cons if just else empty";
* a default with a single exception and a true justification cannot conflict, so
  ``handle_default(pos, [e], true, cons)`` is exactly "e's value, or cons when e is empty (None or
  EmptyError)": an outcome of one node with a constant standaard and a group with one exception are
  computed so; every default over two or more exceptions still goes through handle_default;
* "not applicable" travels as None, which handle_default already treats as empty, instead of raising
  EmptyError through every level (exceptions are the dearest thing in CPython's evaluation loop);
* the conditions of a rule that sets several outcomes are evaluated once per case, not once per outcome;
* partial evaluation (``tabulate.py``): parts that read only few-valued facts become dictionary lookups.

This module arranges the rule trees; expressions become closures in ``closures.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from catala import runtime as rt

from .. import ir
from ..span import Span
from ..values import Value
from .closures import Closures
from .context import UNSET, Ctx, Decision, Fn, memo_plan, memoised
from .failure import EvaluationFailure
from .reads import FactsRead
from .tabulate import MISS, Tabulator
from .traced import Result, traced_definition, traced_leaf, traced_outcome

__all__ = ["Compiler", "Ctx", "Decision", "EvaluationFailure", "compile_regeling"]


def compile_regeling(regeling: ir.Regeling, traced: bool = False) -> Decision:
    """Compile every definition and outcome of one version to closures over an evaluation's Ctx."""
    return Compiler(regeling, traced).decision()


def _pos(span: Span) -> rt.SourcePosition:
    return rt.SourcePosition(span.file, span.line, span.column, span.end_line, span.end_column,
                             [span.provision.citeer()])


def _true(_: rt.Unit) -> bool:
    return True


def _none(_: rt.Unit) -> None:
    return None


class Compiler:
    """Compiles one version; ``expr`` stays usable after ``decision()`` for further expressions."""

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
        self.reads = FactsRead(regeling)
        self.tables = Tabulator(regeling, traced, len(self.slot) + len(self.rule_slot))
        self.plain = Closures(self)
        self.with_parts = Closures(self, parts=True)
        self.dynamic = Closures(self, dynamic=True)
        # The closure of each definition and outcome, built once; it memoises its value per evaluation.
        self.getter: Callable[[str], Fn] = functools.cache(self._getter)

    def decision(self) -> Decision:
        fns = {name: self.getter(name) for name in (*self.reg.definitions, *self.reg.trees)}
        outcome_fns = tuple((name, fns[name]) for name in self.reg.outcomes)
        reads = [self.reads.outcome(tree) for tree in self.reg.trees.values()]
        union = None if any(r is None for r in reads) else frozenset().union(*reads)  # type: ignore[arg-type]
        decision = Decision(self.reg, fns, self.traced, self.tables.size, self, outcome_fns, union,
                            memo_plan(outcome_fns))
        self.tables.seal(decision)
        return decision

    # ---- names ------------------------------------------------------------------------------------
    def _getter(self, name: str) -> Fn:
        if name in self.reg.definitions:
            return self._definition(self.reg.definitions[name])
        return self._outcome(self.reg.trees[name])

    def _definition(self, d: ir.Definition) -> Fn:
        i = self.slot[d.name]
        body = self.expr(d.expr)
        if self.traced:
            return traced_definition(i, d, body)
        return body if getattr(body, "cheap", False) else memoised(i, body)

    def _outcome(self, tree: ir.OutcomeTree) -> Fn:
        i = self.slot[tree.outcome]
        if self.traced:
            _, decide, none_applies, _, _ = self._outcome_parts(tree, False)
            return traced_outcome(i, tree.outcome, decide, none_applies)
        reads = self.reads.outcome(tree)
        body: Fn | None = None
        if self.tables.tabulable(reads, partial=True):
            # The whole outcome as one lookup; its nodes then need no lookups of their own on the way.
            body = self.tables.tabulate(self._outcome_body(tree, partial_nodes=False), reads, partial=True)
        if body is None:
            body = self._outcome_body(tree, partial_nodes=True)
        return memoised(i, body)

    def _outcome_parts(self, tree: ir.OutcomeTree, partial_nodes: bool) -> tuple[
            list[Fn], Callable[[Ctx], Result], Callable[[], EvaluationFailure], Fn | None, Any]:
        """The top nodes, handle_default over them with the standaard as consequence, and the R001 failure."""
        decl = self.reg.outcomes[tree.outcome]
        name, span, pos = tree.outcome, decl.span, _pos(decl.span)
        nodes = [self.node(n, name, partial_nodes) for n in tree.nodes]
        std = self.expr(tree.standaard) if tree.standaard is not None else None
        std_value = getattr(std, "constant", MISS) if getattr(std, "cheap", False) else MISS
        std_pair = (std_value, None)

        def none_applies() -> EvaluationFailure:
            return EvaluationFailure.no_rule(name, span)

        def decide(ctx: Ctx) -> Result:
            cons: Callable[[rt.Unit], Any]
            if std is None:
                cons = _none
            elif std_value is not MISS:
                cons = lambda _: std_pair  # noqa: E731
            else:
                cons = lambda _: (std(ctx), None)  # noqa: E731
            return _default(pos, nodes, ctx, _true, cons, name)  # type: ignore[no-any-return]
        return nodes, decide, none_applies, std, std_value

    def _outcome_body(self, tree: ir.OutcomeTree, partial_nodes: bool) -> Fn:
        nodes, decide, none_applies, std, std_value = self._outcome_parts(tree, partial_nodes)
        if std is None:
            # decide() below, with its consequence (nothing) written in: no closure made per call.
            name, pos = tree.outcome, _pos(self.reg.outcomes[tree.outcome].span)

            def without_standaard(ctx: Ctx) -> Value:
                result = _default(pos, nodes, ctx, _true, _none, name)
                if result is None:
                    raise none_applies()
                return result[0]
            return without_standaard
        if len(nodes) != 1 or std_value is MISS:
            def value_of(ctx: Ctx) -> Value:
                result = decide(ctx)
                if result is None:
                    raise none_applies()
                return result[0]
            return value_of

        # The common shape, one rule (or group) and a constant standaard, without the intermediate calls.
        # handle_default(pos, [n0], true, std) with a single exception cannot conflict: it is n0's value,
        # or the standaard when n0 is empty (None or EmptyError), exactly what this computes.
        (n0,) = nodes

        def one_node(ctx: Ctx) -> Value:
            try:
                result = n0(ctx)
            except rt.EmptyError:
                return std_value
            return std_value if result is None else result[0]
        return one_node

    # ---- rule trees -------------------------------------------------------------------------------
    def node(self, node: ir.Node, outcome: str, partial: bool = True) -> Fn:
        fn, groep = _KNOOP.visit(node, (self, outcome, partial))
        if self.traced:
            return fn
        # Partial tables only for groups: a leaf that also needs hours is cheaper through its shared
        # justification (see _leaf) than through a lookup that mostly falls through to it.
        table = self.tables.tabulate(fn, self.reads.node(node), partial=partial and groep)
        return table if table is not None else fn

    def _group(self, node: ir.Group, outcome: str, partial: bool) -> Fn:
        exceptions = [self.node(n, outcome, partial) for n in node.exceptions]
        members = [self.node(n, outcome, partial) for n in node.members]
        pos = _pos(_first_rule(node).span)
        # One exception cannot conflict with anything: handle_default([e], true, cons) is e's value, or
        # cons when e is empty (None or EmptyError); no exception at all is cons itself.
        if len(members) == 1 and len(exceptions) <= 1:
            (only,) = members
            if not exceptions:
                return only
            (e0,) = exceptions

            def group_one(ctx: Ctx) -> Result:
                r: Result
                try:
                    r = e0(ctx)
                except rt.EmptyError:
                    r = None
                return only(ctx) if r is None else r
            return group_one
        if len(exceptions) == 1:
            (e0,) = exceptions

            def group_one_exception(ctx: Ctx) -> Result:
                r: Result
                try:
                    r = e0(ctx)
                except rt.EmptyError:
                    r = None
                if r is None:
                    return _default(pos, members, ctx, _true, _none, outcome)  # type: ignore[no-any-return]
                return r
            return group_one_exception
        if len(members) == 1:
            # < [m] | false :- nothing > is m itself: one member needs no default of its own.
            (only,) = members

            def group(ctx: Ctx) -> Result:
                return _default(pos, exceptions, ctx, _true, lambda _: only(ctx), outcome)  # type: ignore[no-any-return]
            return group

        def group_of_members(ctx: Ctx) -> Result:
            return _default(pos, exceptions, ctx, _true,  # type: ignore[no-any-return]
                            lambda _: _default(pos, members, ctx, _true, _none, outcome), outcome)
        return group_of_members

    def _leaf(self, rule: ir.Rule) -> Fn:
        if self.traced:
            return traced_leaf(rule, [(self.expr(c.expr), c.tenzij, c.source) for c in rule.conditions],
                               self.expr(rule.value))
        value = self.expr(rule.value)
        conds = self._conditions(rule.conditions)
        k = self.rule_slot.get(rule.id)
        constant = getattr(value, "constant", MISS) if getattr(value, "cheap", False) else MISS
        pair = (constant, rule)

        if k is not None and constant is not MISS:
            def shared_constant_leaf(ctx: Ctx) -> Result:
                s = ctx.slots
                j = s[k]
                if j is UNSET:
                    j = s[k] = conds(ctx)
                return pair if j else None
            return shared_constant_leaf
        if k is not None:
            def shared_leaf(ctx: Ctx) -> Result:
                s = ctx.slots
                j = s[k]
                if j is UNSET:
                    j = s[k] = conds(ctx)
                return (value(ctx), rule) if j else None
            return shared_leaf

        def leaf(ctx: Ctx) -> Result:
            if not conds(ctx):
                return None
            return pair if constant is not MISS else (value(ctx), rule)
        return leaf

    def _conditions(self, conditions: tuple[ir.Condition, ...]) -> Fn:
        """Whether every condition lets the rule through, in order. Each longest run of consecutive conditions
        on few-valued facts becomes one lookup: the run holds, fails, or raises as its first failing part."""
        steps: list[tuple[Fn, bool]] = []
        i = 0
        while i < len(conditions):
            end = i
            for n in range(len(conditions), i, -1):
                if self.tables.few(self.reads.all(c.expr for c in conditions[i:n])):
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
            table = self.tables.tabulate(holds, self.reads.all(c.expr for c in conditions[i:end]))
            steps.append((table if table is not None else holds, False))
            i = end
        if len(steps) == 1:
            (f0, t0), = steps
            return lambda ctx: f0(ctx) is not t0
        if len(steps) == 2:
            (f0, t0), (f1, t1) = steps
            return lambda ctx: f0(ctx) is not t0 and f1(ctx) is not t1
        frozen = tuple(steps)

        def all_hold(ctx: Ctx) -> bool:
            for fn, tenzij in frozen:
                if fn(ctx) is tenzij:
                    return False
            return True
        return all_hold

    # ---- expressions ------------------------------------------------------------------------------
    def expr(self, e: ir.Expr, dynamic: bool = False) -> Fn:
        """Compile ``e``; untraced, a part that reads only few-valued facts becomes a lookup."""
        if dynamic:
            return self.dynamic.visit(e)
        if self.traced or not ir.children(e):
            return self.plain.visit(e)
        reads = self.reads.of(e)
        if self.tables.few(reads):
            table = self.tables.tabulate(self.plain.visit(e), reads)
            if table is not None:
                return table
        return self.with_parts.visit(e)


def _first_rule(node: ir.Node) -> ir.Rule:
    return _EERSTE.visit(node, None)


class _Knoop(ir.NodeVisitor[tuple[Compiler, str, bool], tuple[Fn, bool]]):
    """A rule's closure or a group's, and whether a partial table may stand for it (for a group only)."""

    def leaf(self, n: ir.Leaf, arg: tuple[Compiler, str, bool]) -> tuple[Fn, bool]:
        return arg[0]._leaf(n.rule), False

    def group(self, n: ir.Group, arg: tuple[Compiler, str, bool]) -> tuple[Fn, bool]:
        compiler, outcome, partial = arg
        return compiler._group(n, outcome, partial), True


class _Eerste(ir.NodeVisitor[None, ir.Rule]):
    """The rule a group's position is taken from: its first member's (or exception's) first rule."""

    def leaf(self, n: ir.Leaf, _: None) -> ir.Rule:
        return n.rule

    def group(self, n: ir.Group, _: None) -> ir.Rule:
        return self.visit((n.members or n.exceptions)[0], None)


_KNOOP = _Knoop()
_EERSTE = _Eerste()


def _default(pos: rt.SourcePosition, fns: Sequence[Fn], ctx: Ctx, just: Callable[[rt.Unit], bool],
             cons: Callable[[rt.Unit], Any], outcome: str) -> Any:
    """handle_default over closures bound to this evaluation; None is empty, as handle_default has it.

    A ConflictError becomes a failure naming every applicable rule.
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
        raise EvaluationFailure.conflict(outcome, _applicable(fns, ctx)) from None


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
