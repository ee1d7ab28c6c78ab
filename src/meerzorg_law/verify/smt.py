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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import z3

from .. import ir
from ..engine.failure import MAX_DIGITS
from ..span import Span
from ..types import TypeKind
from .universe import DAY_MAX, DAY_MIN, TRUE, Term, Universe, Unsupported, conj, mk_and, mk_implies, mk_not, mk_or

__all__ = ["OutcomeTerms", "Term", "Translator", "Universe", "Unsupported", "beperkingen", "valid"]

_LIMIT = 10**MAX_DIGITS


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
                term = Term(z3.If(top.applies, top.val, s.val), conj(top.ok, mk_or((top.applies, s.ok))))
            else:
                term = Term(top.val, conj(top.ok, top.applies))
            self._outcomes[name] = OutcomeTerms(term, tuple(ranks), leaves)
        return self._outcomes[name]

    def _pick(self, nodes: tuple[ir.Node, ...], ranks: list[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]],
              leaves: dict[int, NodeTerms]) -> NodeTerms:
        kept = [n for n in nodes if not (isinstance(n, ir.Leaf) and n.rule.id == self.skip_rule)]
        found = [(self._node(n, ranks, leaves), tuple(_rules(n))) for n in kept]
        if len(found) > 1:
            ranks.append(tuple(found))
        if not found:
            return NodeTerms(z3.BoolVal(False), self._dummy(nodes), TRUE)
        val = found[-1][0].val
        for t, _ in reversed(found[:-1]):
            val = z3.If(t.applies, t.val, val)
        applies = mk_or([t.applies for t, _ in found]) if len(found) > 1 else found[0][0].applies
        ok = conj(*[t.ok for t, _ in found])
        if len(found) > 1:
            ok = conj(ok, z3.AtMost(*[t.applies for t, _ in found], 1))
        return NodeTerms(applies, val, ok)

    def _dummy(self, nodes: tuple[ir.Node, ...]) -> z3.ExprRef:
        rules = [r for n in nodes for r in _rules(n)]
        if not rules:
            return z3.IntVal(0)
        return z3.FreshConst(self.u.sort(self.reg.outcomes[rules[0].outcome].type, rules[0].span))

    def _node(self, node: ir.Node, ranks: list[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]],
              leaves: dict[int, NodeTerms]) -> NodeTerms:
        return _KNOOP.visit(node, (self, ranks, leaves))

    def _leaf(self, rule: ir.Rule) -> NodeTerms:
        key = (rule.id, rule.outcome)
        if key not in self._leaves:
            nodes = [x for e in (*(c.expr for c in rule.conditions), rule.value) for x in ir.walk(e)]
            self._leaves[key] = self._shared_leaf(rule, nodes)
            if not any(isinstance(x, ir.Var) and (x.name in self.reg.trees or
                                                  (x.name in self.reg.definitions and _reads_outcome(self.reg, x.name)))
                       for x in nodes):
                self._pure.add(rule.id)
        return self._leaves[key]

    def _shared_leaf(self, rule: ir.Rule, nodes: list[ir.Expr]) -> NodeTerms:
        """``_translate_leaf``, once for every version in which the rule reads the same: a variant repeats most
        rules of its base (the bundled regeling: 145 rules in nine versions, 33 different), and translating
        them was most of the time a first ``meerzorg check`` spent building terms. The same means: equal
        conditions and value, the same terms for every begrip and outcome they read, equal tables (facts are
        the universe's, the same in every version). Not shared: under ``met`` (an assignment of facts), a rule
        that reads another version or assigns a fact, one with an unhashable constant."""
        if self.env or any(isinstance(x, (ir.Volgens, ir.Met)) for x in nodes):
            return self._translate_leaf(rule)
        names = sorted({x.name for x in nodes if isinstance(x, ir.Var) and x.kind != "invoer"
                        and (x.name in self.reg.definitions or x.name in self.reg.trees)})
        spans = {x.name: x.span for x in nodes if isinstance(x, ir.Var)}
        tables = [x.table for x in nodes if isinstance(x, (ir.Lookup, ir.InTable))]
        if any(t not in self.reg.tables for t in tables):
            return self._translate_leaf(rule)  # its error, as translated
        terms = [self.name(n, "begrip", spans[n]) for n in names]  # translated here first: their ids are keys
        kept: list[z3.AstRef] = [x for t in terms for x in (t.val, t.ok)]
        extra = (rule.conditions, rule.value, self.others, tuple(names),
                 tuple(self.u.table_nummer(self.reg.tables[t]) for t in tables))
        try:
            hash(extra)
        except TypeError:  # a constant without a hash (the runtime's Decimal)
            return self._translate_leaf(rule)
        hit = self.u.regels.get(kept, extra)
        if hit is not None:
            return cast(NodeTerms, hit)
        found = self._translate_leaf(rule)
        self.u.regels.put(kept, found, extra)
        return found

    def _translate_leaf(self, rule: ir.Rule) -> NodeTerms:
        passed: z3.BoolRef = TRUE
        ok: z3.BoolRef = TRUE
        for c in rule.conditions:
            t = self.visit(c.expr)
            ok = conj(ok, t.ok if z3.is_true(passed) else mk_implies(passed, t.ok))
            passed = conj(passed, mk_not(t.val) if c.tenzij else t.val)
        v = self.visit(rule.value)
        return NodeTerms(passed, v.val, conj(ok, mk_implies(passed, v.ok)))

    def child(self, key: object, reg: ir.Regeling, env: Mapping[str, Term]) -> Translator:
        if key not in self._children:
            self._children[key] = Translator(self.u, reg, env, self.others)
        return self._children[key]

    # ---- expressions -------------------------------------------------------------------------------
    def const(self, e: ir.Const) -> Term:
        return Term(self.u.const(e.value, e.type, e.span), TRUE)

    def var(self, e: ir.Var) -> Term:
        return self.name(e.name, e.kind, e.span)

    def unary(self, e: ir.Unary) -> Term:
        a = self.visit(e.operand)
        if e.op == "niet":
            return Term(mk_not(a.val), a.ok)
        if e.op == "promote":
            return Term(z3.ToReal(a.val), a.ok)
        return Term(-a.val, a.ok)

    def bin_op(self, e: ir.BinOp) -> Term:
        op = e.op
        a = self.visit(e.left)
        b = self.visit(e.right)
        if op == "en":
            return Term(mk_and((a.val, b.val)), conj(a.ok, mk_implies(a.val, b.ok)))
        if op == "of":
            return Term(mk_or((a.val, b.val)), conj(a.ok, mk_implies(mk_not(a.val), b.ok)))
        if op == "impliceert":
            return Term(mk_implies(a.val, b.val), conj(a.ok, mk_implies(a.val, b.ok)))
        ok = conj(a.ok, b.ok)
        ka, kb = e.left.type.kind, e.right.type.kind
        if op == "/":
            if ka is TypeKind.GELD and kb is not TypeKind.GELD:
                raise Unsupported("een geldbedrag gedeeld door een getal", e.span)
            if ka is TypeKind.DUUR:
                raise Unsupported("een duur gedeeld door een duur", e.span)
            if ka is TypeKind.UREN and kb is not TypeKind.UREN:  # rounded to the second, as the engine does
                return Term(_round_half_up(z3.ToReal(a.val) / b.val), conj(ok, b.val != 0))
            x, y = (z3.ToReal(t.val) if t.val.sort() == z3.IntSort() else t.val for t in (a, b))
            return Term(x / y, conj(ok, y != 0))
        if op == "*":
            if ka is TypeKind.GELD or kb is TypeKind.GELD:
                cents, factor = (a.val, b.val) if ka is TypeKind.GELD else (b.val, a.val)
                product = _money_times(cents, factor)
            elif ka is TypeKind.UREN:
                product = _round_half_up(z3.ToReal(a.val) * b.val)
            else:
                product = a.val * b.val
            if e.type.kind is TypeKind.DUUR:
                return Term(product, ok)
            # The engine refuses a product of more than MAX_DIGITS digits (R007).
            return Term(product, conj(ok, product < _LIMIT, product > -_LIMIT))
        if e.type.kind is TypeKind.DATUM:  # datum ± duur must stay within the years 1-9999 (R006)
            day = a.val + b.val if op == "+" else a.val - b.val
            return Term(day, conj(ok, day >= DAY_MIN, day <= DAY_MAX))
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
        return Term(z3.Not(hit) if e.negated else hit, conj(v.ok, *[i.ok for i in items]))

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
        # z3 shares equal terms, so a term's id names it while the term lives; the cache keeps it alive. A table
        # by its content: the versions that share one (a variant and its base) share its If chain.
        key = (self.u.table_nummer(table), e.column, k.val.get_id())
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
        return Term(val, conj(k.ok, self._has_row(table, k.val, e.span)))

    def known(self, e: ir.Known) -> Term:
        f = self.fact(e.fact)
        return Term(z3.Not(f.ok) if e.negated else f.ok, TRUE)

    def if_then_else(self, e: ir.IfThenElse) -> Term:
        c, a, b = self.visit(e.condition), self.visit(e.then), self.visit(e.otherwise)
        return Term(z3.If(c.val, a.val, b.val), conj(c.ok, z3.If(c.val, a.ok, b.ok)))

    def call(self, e: ir.Call) -> Term:
        args = [self.visit(a) for a in e.args]
        ok = conj(*[a.ok for a in args])
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
        env = {**self.env, e.fact: Term(v.val, TRUE)}
        inner = self.child(("met", e.fact, id(e.value)), self.reg, env).visit(e.expr)
        return Term(inner.val, conj(v.ok, inner.ok))


def valid(u: Universe, vids: Sequence[str]) -> list[z3.BoolRef]:
    """The clients valid in every version of ``vids``: each fact within the ranges all of them declare,
    and no beperking of theirs broken (as cases.load rejects such a case). A required fact is known by
    construction: its known-flag is the constant waar. Kept per universe, as each call builds the same terms."""
    key = tuple(vids)
    if key not in u.valid_terms:
        out = u.ranges(vids)
        for v in vids:
            out.extend(beperkingen(Translator(u, u.versions[v])))
        u.valid_terms[key] = out
    return u.valid_terms[key]


def beperkingen(tr: Translator) -> list[z3.BoolRef]:
    """Every beperking of the translator's version holds for its facts: a client breaks one only when all its
    facts are known and it evaluates to onwaar (the case loader's rule, C036)."""
    out: list[z3.BoolRef] = []
    for c in tr.reg.beperkingen:
        t = tr.visit(c.expr)
        known = [tr.fact(f).ok for f in c.facts if f in tr.u.facts]
        out.append(z3.Not(z3.And(*known, t.ok, z3.Not(t.val))))
    return out


def _money_times(cents: z3.ExprRef, factor: z3.ExprRef) -> z3.ExprRef:
    """Catala's Money * Decimal: truncate the exact product, add a cent when the remainder is a half or more."""
    r = z3.ToReal(cents) * factor
    trunc = z3.If(r >= 0, z3.ToInt(r), -z3.ToInt(-r))
    return z3.If(r - z3.ToReal(trunc) >= z3.RealVal(1) / 2, trunc + 1, trunc)


def _round_half_up(r: z3.ArithRef) -> z3.ArithRef:
    """Uren times or divided by a number: the nearest whole second, a half up (``values.round_half_up``)."""
    return z3.ToInt(r + z3.RealVal(1) / 2)


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
    return list(ir.regels(node))


_Ranks = list[tuple[tuple[NodeTerms, tuple[ir.Rule, ...]], ...]]


class _Knoop(ir.NodeVisitor[tuple[Translator, _Ranks, dict[int, NodeTerms]], NodeTerms]):
    """A rule's terms (kept by id in ``leaves``); a group: an applicable exception's value, else the members'."""

    def leaf(self, n: ir.Leaf, arg: tuple[Translator, _Ranks, dict[int, NodeTerms]]) -> NodeTerms:
        t = arg[0]._leaf(n.rule)
        arg[2][n.rule.id] = t
        return t

    def group(self, n: ir.Group, arg: tuple[Translator, _Ranks, dict[int, NodeTerms]]) -> NodeTerms:
        tr, ranks, leaves = arg
        e = tr._pick(n.exceptions, ranks, leaves)
        m = tr._pick(n.members, ranks, leaves)
        return NodeTerms(mk_or((e.applies, m.applies)), z3.If(e.applies, e.val, m.val),
                         conj(e.ok, mk_or((e.applies, m.ok))))


_KNOOP = _Knoop()
