"""IR + facts -> outcome values, by walking the tree: the reference the compiled closures are checked against.

Slow and plain on purpose: no closures, no caches beyond one value per name, no fast paths. Its default
logic is Catala's ``EDefault`` written out (the compiled engine runs ``handle_default`` instead), so a
disagreement between the two points at an optimisation in ``compile.py``. Errors are the same
``EvaluationFailure``\\ s, built by the same constructors (``failure.py``), so codes and messages match.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from catala import runtime as rt

from .. import ir
from ..span import Span
from ..types import TypeKind
from ..values import Value
from .failure import EvaluationFailure, bounded

__all__ = ["interpret", "interpret_expr"]


def interpret(regeling: ir.Regeling, facts: Mapping[str, Value], outcomes: Iterable[str] | None = None,
              others: Mapping[str, ir.Regeling] | None = None) -> dict[str, Value]:
    """Decide ``outcomes`` (default: all) for one case; raises EvaluationFailure like ``evaluate``."""
    state = _State(regeling, dict(facts), dict(others or {}))
    names = list(outcomes) if outcomes is not None else list(regeling.outcomes)
    return {name: state.outcome(name) for name in names}


def interpret_expr(regeling: ir.Regeling, facts: Mapping[str, Value], expr: ir.Expr) -> Value:
    """One expression over the facts of a case (a beperking when a case is loaded); raises EvaluationFailure."""
    return _State(regeling, dict(facts), {}).expr(expr)


# A node's result: None when it does not apply, else the value and the rule that gave it.
_Result = tuple[Value, ir.Rule] | None


@dataclass
class _State:
    reg: ir.Regeling
    facts: dict[str, Value]
    others: dict[str, ir.Regeling]
    known: dict[str, Value] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.values = _Values(self)

    # ---- names ------------------------------------------------------------------------------------
    def name(self, name: str, kind: str, span: Span) -> Value:
        if kind == "invoer":
            if name not in self.facts:
                raise EvaluationFailure.missing_fact(name, span)
            return self.facts[name]
        if name in self.known:
            return self.known[name]
        if name in self.reg.definitions:
            value = self.expr(self.reg.definitions[name].expr)
        elif name in self.reg.trees:
            value = self.outcome(name)
        elif name in self.facts:
            return self.facts[name]
        else:
            raise EvaluationFailure.missing_fact(name, span)
        self.known[name] = value
        return value

    # ---- default logic ----------------------------------------------------------------------------
    def outcome(self, name: str) -> Value:
        if name in self.known:
            return self.known[name]
        tree = self.reg.trees[name]
        decl = self.reg.outcomes[name]
        result = self.pick(tree.nodes, name)
        if result is not None:
            value = result[0]
        elif tree.standaard is not None:
            value = self.expr(tree.standaard)
        else:
            raise EvaluationFailure.no_rule(name, decl.span)
        self.known[name] = value
        return value

    def pick(self, nodes: tuple[ir.Node, ...], outcome: str) -> _Result:
        """The one applicable node among equals; two or more is a conflict naming all that apply."""
        found: list[tuple[Value, ir.Rule]] = []
        for i, node in enumerate(nodes):
            result = self.node(node, outcome)
            if result is None:
                continue
            found.append(result)
            if len(found) == 2:
                # The conflict is certain: name every other sibling that applies too; one that cannot be
                # evaluated (a missing fact, say) is left out rather than hiding the conflict.
                for rest in nodes[i + 1:]:
                    try:
                        more = self.node(rest, outcome)
                    except EvaluationFailure:
                        continue
                    if more is not None:
                        found.append(more)
                raise EvaluationFailure.conflict(outcome, found)
        return found[0] if found else None

    def node(self, node: ir.Node, outcome: str) -> _Result:
        return _KNOOP.visit(node, (self, outcome))

    def leaf(self, rule: ir.Rule) -> _Result:
        for c in rule.conditions:
            if self.expr(c.expr) is c.tenzij:
                return None
        return self.expr(rule.value), rule

    # ---- expressions ------------------------------------------------------------------------------
    def expr(self, e: ir.Expr) -> Value:
        return self.values.visit(e)


class _Knoop(ir.NodeVisitor[tuple[_State, str], _Result]):
    """A rule applies or not; in a group an applicable exception wins, else the members decide."""

    def leaf(self, n: ir.Leaf, arg: tuple[_State, str]) -> _Result:
        return arg[0].leaf(n.rule)

    def group(self, n: ir.Group, arg: tuple[_State, str]) -> _Result:
        state, outcome = arg
        winner = state.pick(n.exceptions, outcome)
        return winner if winner is not None else state.pick(n.members, outcome)


_KNOOP = _Knoop()


class _Values(ir.ExprVisitor[Value]):
    """The value of an expression in one evaluation's state, by recursion over the IR."""

    def __init__(self, state: _State) -> None:
        self.state = state

    def const(self, e: ir.Const) -> Value:
        return e.value

    def var(self, e: ir.Var) -> Value:
        return self.state.name(e.name, e.kind, e.span)

    def unary(self, e: ir.Unary) -> Value:
        v = self.visit(e.operand)
        if e.op == "niet":
            return not v
        if e.op == "promote":
            assert isinstance(v, rt.Integer)
            return rt.decimal_of_integer(v)
        return -v  # type: ignore[operator]

    def in_set(self, e: ir.InSet) -> Value:
        v = self.visit(e.element)
        hit = any(v == self.visit(i) for i in e.items)
        return hit != e.negated

    def in_table(self, e: ir.InTable) -> Value:
        v = self.visit(e.element)
        return (v in self.state.reg.tables[e.table].rows) != e.negated

    def lookup(self, e: ir.Lookup) -> Value:
        table = self.state.reg.tables[e.table]
        key = self.visit(e.key)
        if key not in table.rows:
            raise EvaluationFailure.no_row(e.table, key, e.span)
        return table.rows[key][table.column_index(e.column)]

    def known(self, e: ir.Known) -> Value:
        return (e.fact in self.state.facts) != e.negated

    def if_then_else(self, e: ir.IfThenElse) -> Value:
        return self.visit(e.then) if self.visit(e.condition) else self.visit(e.otherwise)

    def volgens(self, e: ir.Volgens) -> Value:
        other = self.state.others.get(e.versie)
        if other is None:
            raise EvaluationFailure.unknown_version(e.versie, e.span)
        return _State(other, self.state.facts, self.state.others).expr(e.expr)

    def met(self, e: ir.Met) -> Value:
        facts = dict(self.state.facts)
        facts[e.fact] = self.visit(e.value)
        return _State(self.state.reg, facts, self.state.others).expr(e.expr)

    def bin_op(self, e: ir.BinOp) -> Value:
        op = e.op
        if op == "en":
            return bool(self.visit(e.left)) and bool(self.visit(e.right))
        if op == "of":
            return bool(self.visit(e.left)) or bool(self.visit(e.right))
        if op == "impliceert":
            return (not self.visit(e.left)) or bool(self.visit(e.right))
        a, b = self.visit(e.left), self.visit(e.right)
        if op == "/":
            try:
                return a / b  # type: ignore[operator]
            except ZeroDivisionError:
                raise EvaluationFailure.division_by_zero(e.span) from None
        if e.type.kind is TypeKind.DATUM:  # datum ± duur can leave the years 1-9999
            try:
                return a + b if op == "+" else a - b  # type: ignore[operator]
            except (ValueError, OverflowError):
                raise EvaluationFailure.date_out_of_range(e.span) from None
        result: Value
        if op == "+":
            result = a + b  # type: ignore[operator]
        elif op == "-":
            result = a - b  # type: ignore[operator]
        elif op == "*":
            result = bounded(a * b, e.span)  # type: ignore[operator]
        elif op == "=":
            result = a == b
        elif op == "<>":
            result = a != b
        elif op == "<":
            result = a < b  # type: ignore[operator]
        elif op == "<=":
            result = a <= b  # type: ignore[operator]
        elif op == ">":
            result = a > b  # type: ignore[operator]
        else:
            result = a >= b  # type: ignore[operator]
        return result

    def call(self, e: ir.Call) -> Value:
        args = [self.visit(a) for a in e.args]
        if e.function in ("minimum", "maximum"):
            best = args[0]
            for a in args[1:]:
                smaller = bool(a < best)  # type: ignore[operator]
                if smaller if e.function == "minimum" else bool(best < a):  # type: ignore[operator]
                    best = a
            return best
        if e.function == "afronden":
            assert isinstance(args[0], rt.Decimal)
            return rt.decimal_round(args[0])
        assert isinstance(args[0], rt.Date)
        return rt.year_of_date(args[0])
