"""Checked IR -> z3 terms: one translation of expressions and default-logic trees, the interpreter's semantics.

Every expression becomes a ``Term``: its value and ``ok``, the condition under which evaluating it raises no
error (a missing optional fact, a table without the row, a division by zero, a conflict, an outcome without
rule or standaard). ``ok`` follows the interpreter's evaluation order: ``en``/``of``/``impliceert`` and
``als .. dan .. anders`` short-circuit, a rule's conditions are read in order, a group's members only when no
exception applies. Values: waar/onwaar as Bool; geheel getal, geldbedrag (cents) and datum (day number) as
Int; decimaal as Real (exact, as the Catala runtime's rationals); duur as Int days; enumeration values as Int
indices shared by every version (``Universe``). A construct without an exact translation raises
``Unsupported``; callers then fall back to sampling.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import z3
from catala import runtime as rt

from .. import ir
from ..engine.failure import MAX_DIGITS
from ..span import Span
from ..types import Type
from ..values import Value, decimal_as_fraction

__all__ = ["OutcomeTerms", "Term", "Translator", "Universe", "Unsupported"]

_DAY_MIN, _DAY_MAX = datetime.date.min.toordinal(), datetime.date.max.toordinal()
_LIMIT = 10**MAX_DIGITS


class Unsupported(Exception):
    """An IR construct the translation cannot express exactly (the caller samples instead)."""

    def __init__(self, what: str, span: Span) -> None:
        super().__init__(what)
        self.what = what
        self.span = span


@dataclass(frozen=True, slots=True)
class Term:
    val: z3.ExprRef
    ok: z3.BoolRef


_TRUE = z3.BoolVal(True)


def _and(*xs: z3.BoolRef) -> z3.BoolRef:
    parts = [x for x in xs if x is not _TRUE]
    return _TRUE if not parts else parts[0] if len(parts) == 1 else z3.And(*parts)


class Universe:
    """The clients of a set of versions: one z3 variable per fact, enumeration values numbered once."""

    def __init__(self, versions: Mapping[str, ir.Regeling]) -> None:
        self.versions = versions
        self.enum_values: dict[str, list[str]] = {}
        self.facts: dict[str, ir.FactDecl] = {}
        for reg in versions.values():
            for name, e in reg.enums.items():
                known = self.enum_values.setdefault(name, [])
                known.extend(v for v in e.values if v not in known)
            for name, f in reg.facts.items():
                self.facts.setdefault(name, f)
        self._vars: dict[str, Term] = {}
        # Terms shared by every translator: a table column looked up by one key term is one If chain.
        self.lookups: dict[tuple[int, str, int], tuple[z3.ExprRef, Term]] = {}

    def index(self, enum: str, value: str) -> int:
        return self.enum_values[enum].index(value)

    def sort(self, t: Type, span: Span) -> z3.SortRef:
        if t.kind == "bool":
            return z3.BoolSort()
        if t.kind == "decimaal":
            return z3.RealSort()
        if t.kind in ("geheel", "geld", "datum", "duur", "enum"):
            return z3.IntSort()
        raise Unsupported(f"type {t}", span)

    def fact(self, name: str) -> Term:
        """The value of fact ``name`` and whether the client has it (always, for a required fact)."""
        if name not in self._vars:
            f = self.facts[name]
            val = z3.Const(name, self.sort(f.type, f.span))
            known = z3.Bool(f"{name}?") if f.optioneel else _TRUE
            self._vars[name] = Term(val, known)
        return self._vars[name]

    def valid(self, vids: Sequence[str]) -> list[z3.BoolRef]:
        """The clients valid in every version of ``vids``: each fact within the ranges all of them declare.
        (A required fact is known by construction: its known-flag is the constant waar.)"""
        out: list[z3.BoolRef] = []
        regs = [self.versions[v] for v in vids]
        names = list(dict.fromkeys(n for r in regs for n in r.facts))
        for name in names:
            decls = [r.facts[name] for r in regs if name in r.facts]
            term = self.fact(name)
            for d, r in zip(decls, [r for r in regs if name in r.facts], strict=True):
                out.extend(self.range(d, r, term.val))
        return out

    def range(self, d: ir.FactDecl, reg: ir.Regeling, v: z3.ExprRef) -> list[z3.BoolRef]:
        """The values fact ``d`` may take in ``reg``."""
        t = d.type
        if t.kind == "enum":
            allowed = [self.index(t.enum, x) for x in reg.enums[t.enum].values]
            return [z3.Or(*[v == i for i in allowed])]
        out: list[z3.BoolRef] = []
        if t.kind == "datum":
            out += [v >= _DAY_MIN, v <= _DAY_MAX]
        if d.bereik is not None:
            lo, hi = (self.const(x, t, d.span) for x in d.bereik)
            out += [v >= lo, v <= hi]
        return out

    def const(self, value: Value, t: Type, span: Span) -> z3.ExprRef:
        if isinstance(value, bool):
            return z3.BoolVal(value)
        if isinstance(value, str):
            return z3.IntVal(self.index(t.enum, value))
        if isinstance(value, rt.Integer):
            return z3.IntVal(int(value.value))
        if isinstance(value, rt.Decimal):
            q = decimal_as_fraction(value)
            return z3.RealVal(q.numerator) / z3.RealVal(q.denominator) if q.denominator != 1 else \
                z3.RealVal(q.numerator)
        if isinstance(value, rt.Money):
            return z3.IntVal(int(value.value.value))
        if isinstance(value, rt.Date):
            return z3.IntVal(value.value.toordinal())
        if isinstance(value, rt.Duration):
            y, m, d = rt.duration_to_years_months_days(value)
            if y or m:
                raise Unsupported("een duur in jaren of maanden", span)
            return z3.IntVal(d)
        raise Unsupported(f"waarde {value!r}", span)

    def value(self, model: z3.ModelRef, term: z3.ExprRef, t: Type) -> Value:
        """A model's value of a term of type ``t``, as the engine's Value."""
        v = model.eval(term, model_completion=True)
        if t.kind == "bool":
            return bool(z3.is_true(v))
        if t.kind == "enum":
            return self.enum_values[t.enum][v.as_long()]
        if t.kind == "geheel":
            return rt.integer_of_int(v.as_long())
        if t.kind == "decimaal":
            q = Fraction(v.numerator_as_long(), v.denominator_as_long())
            return rt.Decimal(str(q.numerator)) / rt.Decimal(str(q.denominator))
        if t.kind == "geld":
            return rt.money_of_cents_string(str(v.as_long()))
        if t.kind == "datum":
            return rt.date_of_datetime(datetime.date.fromordinal(v.as_long()))
        return rt.duration_of_numbers(0, 0, v.as_long())


@dataclass(frozen=True, slots=True)
class NodeTerms:
    """A default-logic node: whether it gives a value, which, and whether evaluating it raises no error."""

    applies: z3.BoolRef
    val: z3.ExprRef
    ok: z3.BoolRef


@dataclass(frozen=True, slots=True)
class OutcomeTerms:
    term: Term
    # Every list of siblings of equal rank, with the rules in each sibling: where two apply, a conflict.
    ranks: tuple[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...], ...]
    leaves: dict[int, NodeTerms]


class Translator(ir.ExprVisitor[Term]):
    """One version under one assignment of facts (``env``: the facts ``met`` changed), the others reachable
    through ``volgens``. Definitions and outcomes are translated once each, as the interpreter reads each once."""

    def __init__(self, universe: Universe, reg: ir.Regeling, env: Mapping[str, Term] | None = None,
                 others: Sequence[str] = (), skip_rule: int | None = None, like: Translator | None = None) -> None:
        self.u = universe
        self.reg = reg
        self.env = dict(env or {})
        self.others = tuple(others)
        self.skip_rule = skip_rule
        self._memo: dict[str, Term] = {}
        self._leaves: dict[tuple[int, str], NodeTerms] = {}
        if like is not None and like.reg is reg and like.env == self.env:
            # Leaving out a rule changes no begrip and no rule that reads no outcome: reuse those terms.
            self._memo = {n: t for n, t in like._memo.items() if n in reg.definitions and not _reads_outcome(reg, n)}
            self._leaves = {k: t for k, t in like._leaves.items() if k[0] in like._pure}
        self._pure: set[int] = set()
        self._outcomes: dict[str, OutcomeTerms] = {}
        self._children: dict[object, Translator] = {}
        self._active: set[str] = set()

    # ---- names and default logic -------------------------------------------------------------------
    def fact(self, name: str) -> Term:
        return self.env[name] if name in self.env else self.u.fact(name)

    def name(self, name: str, kind: str, span: Span) -> Term:
        if kind == "invoer" or (name not in self.reg.definitions and name not in self.reg.trees):
            if name not in self.u.facts:
                raise Unsupported(f"de naam '{name}'", span)
            f = self.fact(name)
            return Term(f.val, f.ok)  # a fact the client lacks cannot be read (R002)
        if name not in self._memo:
            if name in self._active:
                raise Unsupported(f"een kringverwijzing via '{name}'", span)
            self._active.add(name)
            try:
                if name in self.reg.definitions:
                    self._memo[name] = self.visit(self.reg.definitions[name].expr)
                else:
                    self._memo[name] = self.outcome(name).term
            finally:
                self._active.discard(name)
        return self._memo[name]

    def outcome(self, name: str) -> OutcomeTerms:
        if name not in self._outcomes:
            tree = self.reg.trees[name]
            ranks: list[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]] = []
            leaves: dict[int, NodeTerms] = {}
            top = self._pick(tree.nodes, ranks, leaves)
            if tree.standaard is not None:
                s = self.visit(tree.standaard)
                term = Term(z3.If(top.applies, top.val, s.val), _and(top.ok, z3.Or(top.applies, s.ok)))
            else:
                term = Term(top.val, _and(top.ok, top.applies))
            self._outcomes[name] = OutcomeTerms(term, tuple(ranks), leaves)
        return self._outcomes[name]

    def _pick(self, nodes: tuple[ir.Node, ...], ranks: list[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]],
              leaves: dict[int, NodeTerms]) -> NodeTerms:
        kept = [n for n in nodes if not (isinstance(n, ir.Leaf) and n.rule.id == self.skip_rule)]
        found = [(self._node(n, ranks, leaves), tuple(_rules(n))) for n in kept]
        if len(found) > 1:
            ranks.append(tuple(found))
        if not found:
            return NodeTerms(z3.BoolVal(False), self._dummy(nodes), _TRUE)
        val = found[-1][0].val
        for t, _ in reversed(found[:-1]):
            val = z3.If(t.applies, t.val, val)
        applies = z3.Or(*[t.applies for t, _ in found]) if len(found) > 1 else found[0][0].applies
        ok = _and(*[t.ok for t, _ in found])
        if len(found) > 1:
            ok = _and(ok, z3.AtMost(*[t.applies for t, _ in found], 1))
        return NodeTerms(applies, val, ok)

    def _dummy(self, nodes: tuple[ir.Node, ...]) -> z3.ExprRef:
        rules = [r for n in nodes for r in _rules(n)]
        if not rules:
            return z3.IntVal(0)
        return z3.FreshConst(self.u.sort(self.reg.outcomes[rules[0].outcome].type, rules[0].span))

    def _node(self, node: ir.Node, ranks: list[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]],
              leaves: dict[int, NodeTerms]) -> NodeTerms:
        if isinstance(node, ir.Leaf):
            t = self._leaf(node.rule)
            leaves[node.rule.id] = t
            return t
        e = self._pick(node.exceptions, ranks, leaves)
        m = self._pick(node.members, ranks, leaves)
        return NodeTerms(z3.Or(e.applies, m.applies), z3.If(e.applies, e.val, m.val),
                         _and(e.ok, z3.Or(e.applies, m.ok)))

    def _leaf(self, rule: ir.Rule) -> NodeTerms:
        key = (rule.id, rule.outcome)
        if key not in self._leaves:
            self._leaves[key] = self._translate_leaf(rule)
            exprs = [c.expr for c in rule.conditions] + [rule.value]
            if not any(isinstance(x, ir.Var) and (x.name in self.reg.trees or
                                                  (x.name in self.reg.definitions and _reads_outcome(self.reg, x.name)))
                       for e in exprs for x in ir.walk(e)):
                self._pure.add(rule.id)
        return self._leaves[key]

    def _translate_leaf(self, rule: ir.Rule) -> NodeTerms:
        passed: z3.BoolRef = _TRUE
        ok: z3.BoolRef = _TRUE
        for c in rule.conditions:
            t = self.visit(c.expr)
            ok = _and(ok, t.ok if z3.is_true(passed) else z3.Implies(passed, t.ok))
            passed = _and(passed, z3.Not(t.val) if c.tenzij else t.val)
        v = self.visit(rule.value)
        return NodeTerms(passed, v.val, _and(ok, z3.Implies(passed, v.ok)))

    def child(self, key: object, reg: ir.Regeling, env: Mapping[str, Term]) -> Translator:
        if key not in self._children:
            self._children[key] = Translator(self.u, reg, env, self.others)
        return self._children[key]

    # ---- expressions -------------------------------------------------------------------------------
    def const(self, e: ir.Const) -> Term:
        return Term(self.u.const(e.value, e.type, e.span), _TRUE)

    def var(self, e: ir.Var) -> Term:
        return self.name(e.name, e.kind, e.span)

    def unary(self, e: ir.Unary) -> Term:
        a = self.visit(e.operand)
        if e.op == "niet":
            return Term(z3.Not(a.val), a.ok)
        if e.op == "promote":
            return Term(z3.ToReal(a.val), a.ok)
        return Term(-a.val, a.ok)

    def bin_op(self, e: ir.BinOp) -> Term:
        op = e.op
        a = self.visit(e.left)
        b = self.visit(e.right)
        if op == "en":
            return Term(z3.And(a.val, b.val), _and(a.ok, z3.Implies(a.val, b.ok)))
        if op == "of":
            return Term(z3.Or(a.val, b.val), _and(a.ok, z3.Implies(z3.Not(a.val), b.ok)))
        if op == "impliceert":
            return Term(z3.Implies(a.val, b.val), _and(a.ok, z3.Implies(a.val, b.ok)))
        ok = _and(a.ok, b.ok)
        ka, kb = e.left.type.kind, e.right.type.kind
        if op == "/":
            if ka == "geld" and kb != "geld":
                raise Unsupported("een geldbedrag gedeeld door een getal", e.span)
            if ka == "duur":
                raise Unsupported("een duur gedeeld door een duur", e.span)
            x, y = (z3.ToReal(t.val) if t.val.sort() == z3.IntSort() else t.val for t in (a, b))
            return Term(x / y, _and(ok, y != 0))
        if op == "*":
            if ka == "geld" or kb == "geld":
                cents, factor = (a.val, b.val) if ka == "geld" else (b.val, a.val)
                product = _money_times(cents, factor)
            else:
                product = a.val * b.val
            if e.type.kind == "duur":
                return Term(product, ok)
            # The engine refuses a product of more than MAX_DIGITS digits (R007).
            return Term(product, _and(ok, product < _LIMIT, product > -_LIMIT))
        if e.type.kind == "datum":  # datum ± duur must stay within the years 1-9999 (R006)
            day = a.val + b.val if op == "+" else a.val - b.val
            return Term(day, _and(ok, day >= _DAY_MIN, day <= _DAY_MAX))
        if op == "+":
            return Term(a.val + b.val, ok)
        if op == "-":
            return Term(a.val - b.val, ok)
        compare = {"=": lambda x, y: x == y, "<>": lambda x, y: x != y, "<": lambda x, y: x < y,
                   "<=": lambda x, y: x <= y, ">": lambda x, y: x > y, ">=": lambda x, y: x >= y}
        return Term(compare[op](a.val, b.val), ok)

    def in_set(self, e: ir.InSet) -> Term:
        v = self.visit(e.element)
        items = [self.visit(i) for i in e.items]
        hit = z3.Or(*[v.val == i.val for i in items]) if items else z3.BoolVal(False)
        return Term(z3.Not(hit) if e.negated else hit, _and(v.ok, *[i.ok for i in items]))

    def in_table(self, e: ir.InTable) -> Term:
        v = self.visit(e.element)
        table = self.reg.tables[e.table]
        hit = self._has_row(table, v.val, e.span)
        return Term(z3.Not(hit) if e.negated else hit, v.ok)

    def _has_row(self, table: ir.Table, key: z3.ExprRef, span: Span) -> z3.BoolRef:
        keys = [self.u.const(k, table.key_type, span) for k in table.rows]
        return z3.Or(*[key == k for k in keys]) if keys else z3.BoolVal(False)

    def lookup(self, e: ir.Lookup) -> Term:
        k = self.visit(e.key)
        table = self.reg.tables[e.table]
        # z3 shares equal terms, so a term's id names it while the term lives; the cache keeps it alive.
        key = (id(table), e.column, k.val.get_id())
        if key not in self.u.lookups:
            self.u.lookups[key] = (k.val, self._lookup(e, k, table))
        return self.u.lookups[key][1]

    def _lookup(self, e: ir.Lookup, k: Term, table: ir.Table) -> Term:
        col = table.column_index(e.column)
        rows = list(table.rows.items())
        if not rows:
            return Term(z3.FreshConst(self.u.sort(e.type, e.span)), z3.BoolVal(False))
        val = self.u.const(rows[-1][1][col], e.type, e.span)
        for key, cells in reversed(rows[:-1]):
            val = z3.If(k.val == self.u.const(key, table.key_type, e.span), self.u.const(cells[col], e.type,
                                                                                        e.span), val)
        return Term(val, _and(k.ok, self._has_row(table, k.val, e.span)))

    def known(self, e: ir.Known) -> Term:
        f = self.fact(e.fact)
        return Term(z3.Not(f.ok) if e.negated else f.ok, _TRUE)

    def if_then_else(self, e: ir.IfThenElse) -> Term:
        c, a, b = self.visit(e.condition), self.visit(e.then), self.visit(e.otherwise)
        return Term(z3.If(c.val, a.val, b.val), _and(c.ok, z3.If(c.val, a.ok, b.ok)))

    def call(self, e: ir.Call) -> Term:
        args = [self.visit(a) for a in e.args]
        ok = _and(*[a.ok for a in args])
        if e.function in ("minimum", "maximum"):
            best = args[0].val
            for a in args[1:]:
                better = a.val < best if e.function == "minimum" else best < a.val
                best = z3.If(better, a.val, best)
            return Term(best, ok)
        if e.function == "afronden":
            return Term(z3.ToReal(z3.ToInt(args[0].val + z3.RealVal(1) / 2)), ok)
        if e.function == "jaar_van":
            return Term(_year_of_day(args[0].val), ok)
        raise Unsupported(f"de functie {e.function}", e.span)

    def volgens(self, e: ir.Volgens) -> Term:
        if e.versie not in self.u.versions or e.versie not in self.others:
            raise Unsupported(f"versie {e.versie}", e.span)
        return self.child(("volgens", e.versie), self.u.versions[e.versie], self.env).visit(e.expr)

    def met(self, e: ir.Met) -> Term:
        v = self.visit(e.value)
        env = {**self.env, e.fact: Term(v.val, _TRUE)}
        inner = self.child(("met", e.fact, id(e.value)), self.reg, env).visit(e.expr)
        return Term(inner.val, _and(v.ok, inner.ok))


def _money_times(cents: z3.ExprRef, factor: z3.ExprRef) -> z3.ExprRef:
    """Catala's Money * Decimal: truncate the exact product, add a cent when the remainder is a half or more."""
    r = z3.ToReal(cents) * factor
    trunc = z3.If(r >= 0, z3.ToInt(r), -z3.ToInt(-r))
    return z3.If(r - z3.ToReal(trunc) >= z3.RealVal(1) / 2, trunc + 1, trunc)


def _year_of_day(d: z3.ExprRef) -> z3.ExprRef:
    """The year of a proleptic Gregorian day number (datetime's toordinal), exactly as datetime computes it."""
    n = d - 1
    n400, r = n / 146097, n % 146097
    n100, r = r / 36524, r % 36524
    n4, r = r / 1461, r % 1461
    n1 = r / 365
    year = n400 * 400 + 1 + n100 * 100 + n4 * 4 + n1
    return z3.If(z3.Or(n1 == 4, n100 == 4), year - 1, year)


def _reads_outcome(reg: ir.Regeling, name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether begrip ``name`` reads an outcome, directly or through other begrippen."""
    for dep in reg.dependencies.get(name, frozenset()):
        if dep in reg.trees:
            return True
        if dep in reg.definitions and dep not in seen and _reads_outcome(reg, dep, seen | {name}):
            return True
    return False


def _rules(node: ir.Node) -> list[ir.Rule]:
    if isinstance(node, ir.Leaf):
        return [node.rule]
    return [r for n in (*node.exceptions, *node.members) for r in _rules(n)]
