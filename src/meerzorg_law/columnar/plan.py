"""ir.Regeling -> Plan: every definition and outcome as an array expression over a batch of cases.

The plan is a pure value: frozen nodes that name array operations, no numpy and no data in it. ``execute``
runs it with numpy one chunk at a time; the same plan could be handed to a dataframe engine that runs out of
core or distributed, since every node is an elementwise operation, a lookup in a small constant table, or an
ordered select.

Values in columns (the representation every back end of the plan must keep):

* waar/onwaar: bool; enumeration: an int code, the value's index in this version's declaration;
* geheel getal: int64; geldbedrag: int64 cents; datum: int64 day number (``date.toordinal()``);
* uren: int64 seconds (exact: the type counts whole seconds); times a decimaal, the product at the decimaal's
  scale is rounded to the second as ``values.round_half_up`` does (the ``round`` op, as ``afronden``);
* decimaal: int64 counting units of 10^-scale. Facts come in at ``FACT_SCALE`` (10^-4: a ten-thousandth of an
  hour); every other node's scale follows statically from its operands (a constant 1,25 has scale 2, a
  product adds scales, a sum takes the larger). Binary fractions never occur.

Exactness without overflow, by construction: every node carries bounds ``lo <= value <= hi`` in its own units,
computed with Python integers from the declared ranges of the facts (``bereik``; ``ASSUMED_BOUND`` for a
number declared without one) and the constants. A node whose bound reaches ``LIMIT`` (2^62) is not
translated but becomes a ``fallback`` node. Both operands of + and - are below 2^62, so their sum is below
2^63; a product or rescaling is emitted only when its exact bound is below 2^62. The executor checks every
input against its fact's bounds and sends rows outside them to the per-case evaluator, so no int64 in a
plan can overflow. For the bundled regeling the largest bound is below 10^9 (tests/columnar/test_plan.py).

What cannot be vectorised exactly becomes a ``fallback`` node with a Dutch reason: division (a fraction),
geldbedrag times decimaal (Catala's rounding), durations other than whole days, ``volgens`` and ``met``, a
table whose key is not an enumeration. The executor marks the rows that reach such a node (lazily, as the
per-case evaluator would reach it) and those rows alone are decided by the per-case evaluator.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from catala import runtime as rt

from .. import ir
from ..types import TypeKind
from ..values import Uren, Value, decimal_as_fraction
from .nodes import COLUMN_KINDS, FACT_SCALE, Arr, FactSpec, PGroup, Plan, PlanVisitor, PLeaf, PNode

__all__ = ["ASSUMED_BOUND", "FACT_SCALE", "LIMIT", "plan", "planner"]

LIMIT = 2**62
ASSUMED_BOUND = 10**15
_MAX_SCALE = 12
_DATE_LO, _DATE_HI = 1, 3_652_059  # date.min and date.max as day numbers


def plan(regeling: ir.Regeling) -> Plan:
    """Translate every outcome of ``regeling`` (and the definitions they read) to array expressions."""
    p = _Planner(regeling)
    outcomes = {name: p.outcome(name) for name in regeling.outcomes}
    return Plan(regeling.versie, p.facts, dict(p.defs), outcomes, tuple(p.reasons))


_KINDS = COLUMN_KINDS
_NUMBERS = ("int", "dec", "geld", "uren")


def _fits(lo: int, hi: int) -> bool:
    return -LIMIT < lo and hi < LIMIT


class _Planner(ir.ExprVisitor[Arr]):
    def __init__(self, reg: ir.Regeling) -> None:
        self.reg = reg
        self.defs: dict[str, Arr] = {}
        self.facts = {name: self._fact_spec(f) for name, f in reg.facts.items()}
        self.reasons: list[tuple[str, str]] = []
        self.memo: dict[int, Arr] = {}

    # ---- facts, names, default logic ----------------------------------------------------------------
    def _fact_spec(self, f: ir.FactDecl) -> FactSpec:
        kind = _KINDS.get(f.type.kind, "other")
        if kind == "bool":
            return FactSpec(f.name, kind, 0, 0, 1, f.optioneel)
        if kind == "enum":
            vals = self.reg.enums[f.type.enum].values
            return FactSpec(f.name, kind, 0, 0, len(vals) - 1, f.optioneel, vals)
        if kind == "date":
            return FactSpec(f.name, kind, 0, _DATE_LO, _DATE_HI, f.optioneel)
        scale = FACT_SCALE if kind == "dec" else 0
        lo, hi = -ASSUMED_BOUND, ASSUMED_BOUND
        if f.bereik is not None and kind in _NUMBERS:
            ends = [_bound(v, scale) for v in f.bereik]
            lo, hi = math.floor(min(ends)), math.ceil(max(ends))
        return FactSpec(f.name, kind, scale, lo, hi, f.optioneel)

    def outcome(self, name: str) -> Arr:
        if name in self.defs:
            return self.defs[name]
        tree = self.reg.trees[name]
        kind = _KINDS.get(self.reg.outcomes[name].type.kind, "other")
        leaves: list[PLeaf] = []
        nodes = tuple(self._node(n, leaves) for n in tree.nodes)
        standaard = self.visit(tree.standaard) if tree.standaard is not None else None
        values = [leaf.value for leaf in leaves] + ([standaard] if standaard is not None else [])
        if kind == "other" or any(v.op == "fallback" and v.kind == "other" for v in values):
            result = self._fallback(f"uitkomst {name}: type {self.reg.outcomes[name].type}", self.reg.outcomes[name])
        else:
            scale = max((v.scale for v in values), default=0)
            lo = min((v.lo * 10 ** (scale - v.scale) for v in values), default=0)
            hi = max((v.hi * 10 ** (scale - v.scale) for v in values), default=0)
            if not _fits(lo, hi):
                result = self._fallback(f"uitkomst {name}: kan 2^62 overschrijden", self.reg.outcomes[name])
            else:
                nodes = tuple(_rescale_node(n, scale) for n in nodes)
                std = (_rescale(standaard, scale),) if standaard is not None else ()
                result = Arr("outcome", std, kind, scale, lo, hi, (name, nodes))
        self.defs[name] = result
        return result

    def _node(self, node: ir.Node, leaves: list[PLeaf]) -> PLeaf | PGroup:
        return _KNOOP.visit(node, (self, leaves))

    def _name(self, name: str) -> Arr:
        if name in self.defs:
            return self.defs[name]
        if name in self.reg.trees:
            return self.outcome(name)
        d = self.reg.definitions[name]
        value = self.visit(d.expr)
        self.defs[name] = value
        return value

    def visit(self, e: ir.Expr) -> Arr:
        """Each IR expression is planned once, so a condition shared by several outcomes is one node."""
        hit = self.memo.get(id(e))
        if hit is None:
            hit = self.memo[id(e)] = super().visit(e)
        return hit

    def _fallback(self, reason: str, where: Any) -> Arr:
        span = getattr(where, "span", None)
        self.reasons.append((reason, span.provision.citeer() if span is not None and span.provision.citeer()
                             else str(span) if span is not None else ""))
        return Arr("fallback", (), "other", param=reason)

    def _typed_fallback(self, reason: str, e: Any) -> Arr:
        """A fallback that keeps the kind of ``e``, so the expression around it still plans."""
        base = self._fallback(reason, e)
        kind = _KINDS.get(e.type.kind, "other")
        scale = FACT_SCALE if kind == "dec" else 0
        return Arr("fallback", (), kind, scale, 0, 0, base.param)

    # ---- expressions ----------------------------------------------------------------------------------
    def const(self, e: ir.Const) -> Arr:
        v = e.value
        if isinstance(v, bool):
            return Arr("lit", (), "bool", 0, int(v), int(v), v)
        if isinstance(v, str):
            vals = self.reg.enums[e.type.enum].values if e.type.kind is TypeKind.ENUM else ()
            if v not in vals:
                return self._typed_fallback(f"waarde {v} is niet gedeclareerd", e)
            code = vals.index(v)
            return Arr("lit", (), "enum", 0, code, code, code)
        if isinstance(v, rt.Date):
            day = v.value.toordinal()
            return Arr("lit", (), "date", 0, day, day, day)
        kind = _KINDS.get(e.type.kind, "other")
        units = _units(v, None)
        if units is None or kind not in _NUMBERS:
            return self._typed_fallback(f"constante van type {e.type} is niet exact als geheel getal", e)
        n, scale = units
        return Arr("lit", (), kind, scale, n, n, n)

    def var(self, e: ir.Var) -> Arr:
        if e.kind != "invoer" and (e.name in self.reg.definitions or e.name in self.reg.trees):
            target = self._name(e.name)
            if target.op in ("fallback", "lit"):
                return target
            return Arr("ref", (), target.kind, target.scale, target.lo, target.hi, e.name)
        spec = self.facts.get(e.name)
        if spec is None or spec.kind == "other":
            return self._typed_fallback(f"feit {e.name} van type {e.type}", e)
        return Arr("col", (), spec.kind, spec.scale, spec.lo, spec.hi, e.name)

    def unary(self, e: ir.Unary) -> Arr:
        a = self.visit(e.operand)
        if a.kind == "other":
            return a
        if e.op == "niet":
            return Arr("not", (a,), "bool", 0, 0, 1)
        if e.op == "promote":
            return Arr("rescale", (a,), "dec", a.scale, a.lo, a.hi, 1)
        return Arr("neg", (a,), a.kind, a.scale, -a.hi, -a.lo)

    def bin_op(self, e: ir.BinOp) -> Arr:
        a, b = self.visit(e.left), self.visit(e.right)
        op = e.op
        if op in ("en", "of", "impliceert"):
            return Arr({"en": "and", "of": "or", "impliceert": "implies"}[op], (a, b), "bool", 0, 0, 1)
        if "other" in (a.kind, b.kind):
            return self._typed_fallback(f"'{op}' met een waarde van type {e.left.type} of {e.right.type}", e)
        if op in _CMP:
            a, b = _align(a, b)
            if a.kind == "other":
                return self._typed_fallback("vergelijking kan 2^62 overschrijden", e)
            return Arr(_CMP[op], (a, b), "bool", 0, 0, 1)
        if op == "/":
            return self._typed_fallback("deling: de uitkomst is een breuk, geen vast aantal decimalen", e)
        if op == "*" and a.kind == "uren" and b.kind in ("int", "dec"):
            return self._uren_times(a, b, e)
        same = (a.kind, b.kind) in (("int", "int"), ("dec", "dec"), ("geld", "geld"), ("uren", "uren"))
        if not same or (a.kind in ("geld", "uren") and op == "*"):
            return self._typed_fallback(f"'{op}' op {e.left.type} en {e.right.type}", e)
        if op == "*":
            scale = a.scale + b.scale
            corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
            lo, hi = min(corners), max(corners)
            if scale > _MAX_SCALE or not _fits(lo, hi):
                return self._typed_fallback("vermenigvuldiging kan 2^62 overschrijden", e)
            return Arr("mul", (a, b), a.kind, scale, lo, hi)
        a, b = _align(a, b)
        if a.kind == "other":
            return self._typed_fallback(f"'{op}' kan 2^62 overschrijden", e)
        lo, hi = (a.lo + b.lo, a.hi + b.hi) if op == "+" else (a.lo - b.hi, a.hi - b.lo)
        if not _fits(lo, hi):
            return self._typed_fallback(f"'{op}' kan 2^62 overschrijden", e)
        return Arr("add" if op == "+" else "sub", (a, b), a.kind, a.scale, lo, hi)

    def _uren_times(self, a: Arr, b: Arr, e: ir.BinOp) -> Arr:
        """Seconds times a number: exact at the number's scale, then rounded to the second (a half up)."""
        corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        lo, hi = min(corners), max(corners)
        if b.scale > _MAX_SCALE or not _fits(lo, hi + 10**b.scale):
            return self._typed_fallback("vermenigvuldiging kan 2^62 overschrijden", e)
        product = Arr("mul", (a, b), "uren", b.scale, lo, hi)
        if b.scale == 0:
            return product
        unit = 10**b.scale
        return Arr("round", (product,), "uren", 0, (2 * lo + unit) // (2 * unit), (2 * hi + unit) // (2 * unit),
                   b.scale)

    def in_set(self, e: ir.InSet) -> Arr:
        el = self.visit(e.element)
        items = [self.visit(i) for i in e.items]
        if el.kind == "enum" and all(i.op == "lit" for i in items):
            hit = Arr("isin", (el,), "bool", 0, 0, 1, tuple(i.param for i in items))
        else:
            # The per-case evaluator compares item by item and stops at the first equal one: an or-chain.
            hit = Arr("lit", (), "bool", 0, 0, 0, False)
            for item in reversed(items):
                x, y = _align(el, item)
                if x.kind == "other":
                    return self._typed_fallback("vergelijking kan 2^62 overschrijden", e)
                hit = Arr("or", (Arr("eq", (x, y), "bool", 0, 0, 1), hit), "bool", 0, 0, 1)
        return Arr("not", (hit,), "bool", 0, 0, 1) if e.negated else hit

    def in_table(self, e: ir.InTable) -> Arr:
        el = self.visit(e.element)
        table = self.reg.tables[e.table]
        if el.kind != "enum" or table.key_type.kind is not TypeKind.ENUM:
            return self._typed_fallback(f"tabel {e.table} heeft geen enumeratie als sleutel", e)
        vals = self.reg.enums[table.key_type.enum].values
        hit = Arr("isin", (el,), "bool", 0, 0, 1, tuple(i for i, v in enumerate(vals) if v in table.rows))
        return Arr("not", (hit,), "bool", 0, 0, 1) if e.negated else hit

    def lookup(self, e: ir.Lookup) -> Arr:
        key = self.visit(e.key)
        table = self.reg.tables[e.table]
        if key.kind != "enum" or table.key_type.kind is not TypeKind.ENUM:
            return self._typed_fallback(f"tabel {e.table} heeft geen enumeratie als sleutel", e)
        vals = self.reg.enums[table.key_type.enum].values
        col = table.column_index(e.column)
        kind = _KINDS.get(e.type.kind, "other")
        cells: list[tuple[int, int] | None] = []
        for v in vals:
            row = table.rows.get(v)
            cell = row[col] if row is not None else None
            if cell is None:
                cells.append(None)
            elif isinstance(cell, bool):
                cells.append((int(cell), 0))
            elif isinstance(cell, str):
                enum_vals = self.reg.enums[e.type.enum].values
                cells.append((enum_vals.index(cell), 0) if cell in enum_vals else None)
            elif isinstance(cell, rt.Date):
                cells.append((cell.value.toordinal(), 0))
            else:
                cells.append(_units(cell, None))
        lost = any(c is None and table.rows.get(v) is not None for c, v in zip(cells, vals, strict=True))
        if kind == "other" or lost:
            return self._typed_fallback(f"kolom {e.column} van tabel {e.table} is niet exact als geheel getal", e)
        scale = max((c[1] for c in cells if c is not None), default=0) if kind == "dec" else 0
        units = tuple(c[0] * 10 ** (scale - c[1]) if c is not None else 0 for c in cells)
        valid = tuple(c is not None for c in cells)
        present = [u for u, ok in zip(units, valid, strict=True) if ok] or [0]
        if not _fits(min(present), max(present)):
            return self._typed_fallback(f"kolom {e.column} van tabel {e.table} kan 2^62 overschrijden", e)
        return Arr("take", (key,), kind, scale, min(present), max(present), (units, valid))

    def known(self, e: ir.Known) -> Arr:
        hit = Arr("known", (), "bool", 0, 0, 1, e.fact)
        return Arr("not", (hit,), "bool", 0, 0, 1) if e.negated else hit

    def if_then_else(self, e: ir.IfThenElse) -> Arr:
        c, a, b = self.visit(e.condition), self.visit(e.then), self.visit(e.otherwise)
        a, b = _align(a, b)
        if a.kind == "other":
            return self._typed_fallback("'als ... dan ... anders' kan 2^62 overschrijden", e)
        return Arr("where", (c, a, b), a.kind, a.scale, min(a.lo, b.lo), max(a.hi, b.hi))

    def call(self, e: ir.Call) -> Arr:
        args = [self.visit(a) for a in e.args]
        if any(a.kind == "other" for a in args):
            return self._typed_fallback(f"{e.function} van een waarde die niet als kolom kan", e)
        if e.function in ("minimum", "maximum") and args:
            out = args[0]
            for nxt in args[1:]:
                x, y = _align(out, nxt)
                if x.kind == "other":
                    return self._typed_fallback(f"{e.function} kan 2^62 overschrijden", e)
                lo, hi = (min(x.lo, y.lo), min(x.hi, y.hi)) if e.function == "minimum" else \
                    (max(x.lo, y.lo), max(x.hi, y.hi))
                out = Arr("min" if e.function == "minimum" else "max", (x, y), x.kind, x.scale, lo, hi)
            return out
        if e.function == "afronden" and args and args[0].kind == "dec":
            a = args[0]
            unit = 10**a.scale
            return Arr("round", (a,), "dec", 0, (2 * a.lo + unit) // (2 * unit), (2 * a.hi + unit) // (2 * unit),
                       a.scale)
        if e.function == "jaar" and args and args[0].kind == "date":
            return Arr("year", (args[0],), "int", 0, 1, 9999)
        return self._typed_fallback(f"functie {e.function}", e)

    def volgens(self, e: ir.Volgens) -> Arr:
        return self._typed_fallback("'volgens' een andere versie (alleen in eigenschappen)", e)

    def met(self, e: ir.Met) -> Arr:
        return self._typed_fallback("'met' een ander feit (alleen in eigenschappen)", e)


_CMP = {"=": "eq", "<>": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}


class _Knoop(ir.NodeVisitor[tuple[_Planner, list[PLeaf]], PLeaf | PGroup]):
    """A rule as its condition and value arrays (collected in ``leaves``, in order); a group as its parts."""

    def leaf(self, n: ir.Leaf, arg: tuple[_Planner, list[PLeaf]]) -> PLeaf | PGroup:
        p, leaves = arg
        rule = n.rule
        leaf = PLeaf(tuple((p.visit(c.expr), c.tenzij) for c in rule.conditions), p.visit(rule.value))
        leaves.append(leaf)
        return leaf

    def group(self, n: ir.Group, arg: tuple[_Planner, list[PLeaf]]) -> PLeaf | PGroup:
        p, leaves = arg
        return PGroup(tuple(p._node(m, leaves) for m in n.exceptions), tuple(p._node(m, leaves) for m in n.members))


_KNOOP = _Knoop()


def _units(v: Value, scale: int | None) -> tuple[int, int] | None:
    """(n, s) with v == n * 10^-s: at ``scale`` when given, else the smallest s; None when not exact."""
    if isinstance(v, bool) or isinstance(v, str):
        return None
    if isinstance(v, rt.Integer):
        q = Fraction(int(v.value))
    elif isinstance(v, rt.Decimal):
        q = decimal_as_fraction(v)
    elif isinstance(v, rt.Money):
        q = Fraction(int(v.value.value))
    elif isinstance(v, Uren):
        q = Fraction(v.seconden)
    else:
        return None
    for s in ([scale] if scale is not None else range(_MAX_SCALE + 1)):
        n = q * 10**s
        if n.denominator == 1:
            return int(n), s
    return None


def _bound(v: Value, scale: int) -> Fraction:
    """A declared range end in units of 10^-scale (exact; the caller rounds outwards)."""
    if isinstance(v, rt.Decimal):
        return Fraction(decimal_as_fraction(v) * 10**scale)
    if isinstance(v, rt.Money):
        return Fraction(int(v.value.value))
    if isinstance(v, Uren):
        return Fraction(v.seconden)
    if isinstance(v, rt.Integer):
        return Fraction(int(v.value) * 10**scale)
    return Fraction(ASSUMED_BOUND) if v else Fraction(-ASSUMED_BOUND)


def _rescale(a: Arr, scale: int) -> Arr:
    if a.kind != "dec" or a.scale == scale:
        return a
    f = 10 ** (scale - a.scale)
    return Arr("rescale", (a,), a.kind, scale, a.lo * f, a.hi * f, f)


class _Rescale(PlanVisitor[int, PNode]):
    """A default-logic tree with every rule's value at decimal ``scale``."""

    def leaf(self, node: PLeaf, scale: int) -> PNode:
        return PLeaf(node.conditions, _rescale(node.value, scale))
    def group(self, node: PGroup, scale: int) -> PNode:
        return PGroup(tuple(self.visit(n, scale) for n in node.exceptions),
                      tuple(self.visit(n, scale) for n in node.members))


_RESCALE = _Rescale()


def _rescale_node(node: PNode, scale: int) -> PNode:
    return _RESCALE.visit(node, scale)


def _align(a: Arr, b: Arr) -> tuple[Arr, Arr]:
    """Both at the larger decimal scale; an ``other`` node when that could pass 2^62."""
    if a.kind != "dec" or b.kind != "dec" or a.scale == b.scale:
        return a, b
    scale = max(a.scale, b.scale)
    x, y = _rescale(a, scale), _rescale(b, scale)
    if not (_fits(x.lo, x.hi) and _fits(y.lo, y.hi)):
        return Arr("fallback", (), "other", param="schaal"), b
    return x, y


def planner(regeling: ir.Regeling) -> _Planner:
    """The planner itself, for another exact back end (javascript) that needs each IR node's kind and scale:
    ``visit(e)`` plans an expression (once per node), ``outcome(name)`` an outcome at its common scale."""
    return _Planner(regeling)
