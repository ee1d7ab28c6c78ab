"""IR + facts -> outcome values, by walking the tree: the reference the compiled closures are checked against.

Slow and plain on purpose: no closures, no caches beyond one value per name, no fast paths. Its default
logic is Catala's ``EDefault`` written out (the compiled engine runs ``handle_default`` instead), so a
disagreement between the two points at an optimisation in ``compile.py``. Errors are the same
``EvaluationFailure``\\ s with the same codes and messages: R001 no rule and no standaard, R002 missing fact,
R003 division by zero, R004 no table row, R005 unknown version, R010 conflict naming every applicable rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from catala import runtime as rt

from .. import ir
from ..diagnostics import Diagnostic
from ..span import Span
from ..values import Value, format_value
from .compile import EvaluationFailure

__all__ = ["interpret"]


def interpret(regeling: ir.Regeling, facts: Mapping[str, Value], outcomes: Iterable[str] | None = None,
              others: Mapping[str, ir.Regeling] | None = None) -> dict[str, Value]:
    """Decide ``outcomes`` (default: all) for one case; raises EvaluationFailure like ``evaluate``."""
    state = _State(regeling, dict(facts), dict(others or {}))
    names = list(outcomes) if outcomes is not None else list(regeling.outcomes)
    return {name: state.outcome(name) for name in names}


def _fail(code: str, span: Span, message: str) -> EvaluationFailure:
    return EvaluationFailure(Diagnostic(code, span, message))


# A node's result: None when it does not apply, else the value and the rule that gave it.
_Result = tuple[Value, ir.Rule] | None


@dataclass
class _State:
    reg: ir.Regeling
    facts: dict[str, Value]
    others: dict[str, ir.Regeling]
    known: dict[str, Value] = field(default_factory=dict)

    # ---- names ------------------------------------------------------------------------------------
    def name(self, name: str, kind: str, span: Span) -> Value:
        if kind == "invoer":
            if name not in self.facts:
                raise _fail("R002", span, f"het feit '{name}' is nodig maar ontbreekt in de casus")
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
            raise _fail("R002", span, f"het feit '{name}' is nodig maar ontbreekt in de casus")
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
            raise _fail("R001", decl.span, f"geen regel van toepassing voor uitkomst '{name}', en zij heeft geen "
                                           "standaardwaarde")
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
                raise _conflict(outcome, found)
        return found[0] if found else None

    def node(self, node: ir.Node, outcome: str) -> _Result:
        if isinstance(node, ir.Leaf):
            return self.leaf(node.rule)
        winner = self.pick(node.exceptions, outcome)
        if winner is not None:
            return winner
        return self.pick(node.members, outcome)

    def leaf(self, rule: ir.Rule) -> _Result:
        for c in rule.conditions:
            if self.expr(c.expr) is c.tenzij:
                return None
        return self.expr(rule.value), rule

    # ---- expressions ------------------------------------------------------------------------------
    def expr(self, e: ir.Expr) -> Value:
        if isinstance(e, ir.Const):
            return e.value
        if isinstance(e, ir.Var):
            return self.name(e.name, e.kind, e.span)
        if isinstance(e, ir.Unary):
            v = self.expr(e.operand)
            if e.op == "niet":
                return not v
            if e.op == "promote":
                assert isinstance(v, rt.Integer)
                return rt.decimal_of_integer(v)
            return -v  # type: ignore[operator]
        if isinstance(e, ir.BinOp):
            return self.binop(e)
        if isinstance(e, ir.InSet):
            v = self.expr(e.element)
            hit = any(v == self.expr(i) for i in e.items)
            return hit != e.negated
        if isinstance(e, ir.InTable):
            v = self.expr(e.element)
            return (v in self.reg.tables[e.table].rows) != e.negated
        if isinstance(e, ir.Lookup):
            table = self.reg.tables[e.table]
            key = self.expr(e.key)
            if key not in table.rows:
                raise _fail("R004", e.span, f"tabel {e.table} heeft geen rij voor {format_value(key)}")
            return table.rows[key][table.column_index(e.column)]
        if isinstance(e, ir.Known):
            return (e.fact in self.facts) != e.negated
        if isinstance(e, ir.IfThenElse):
            return self.expr(e.then) if self.expr(e.condition) else self.expr(e.otherwise)
        if isinstance(e, ir.Call):
            return self.call(e)
        if isinstance(e, ir.Volgens):
            other = self.others.get(e.versie)
            if other is None:
                raise _fail("R005", e.span, f"versie {e.versie} is hier niet beschikbaar")
            return _State(other, self.facts, self.others).expr(e.expr)
        facts = dict(self.facts)
        facts[e.fact] = self.expr(e.value)
        return _State(self.reg, facts, self.others).expr(e.expr)

    def binop(self, e: ir.BinOp) -> Value:
        op = e.op
        if op == "en":
            return bool(self.expr(e.left)) and bool(self.expr(e.right))
        if op == "of":
            return bool(self.expr(e.left)) or bool(self.expr(e.right))
        if op == "impliceert":
            return (not self.expr(e.left)) or bool(self.expr(e.right))
        a, b = self.expr(e.left), self.expr(e.right)
        if op == "/":
            try:
                return a / b  # type: ignore[operator]
            except ZeroDivisionError:
                raise _fail("R003", e.span, "deling door nul") from None
        result: Value
        if op == "+":
            result = a + b  # type: ignore[operator]
        elif op == "-":
            result = a - b  # type: ignore[operator]
        elif op == "*":
            result = a * b  # type: ignore[operator]
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
        args = [self.expr(a) for a in e.args]
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


def _conflict(outcome: str, found: list[tuple[Value, ir.Rule]]) -> EvaluationFailure:
    parts = [f"{rule.provision.citeer()} ({outcome} is {format_value(value)})" for value, rule in found]
    related = [(rule.span, f"{rule.provision.citeer()} is van toepassing") for _, rule in found]
    message = f"conflict voor '{outcome}': " + " en ".join(parts) + " zijn tegelijk van toepassing en geen van " \
              "beide is een uitzondering op de ander"
    return EvaluationFailure(Diagnostic("R010", found[0][1].span, message, related=tuple(related[1:])))
