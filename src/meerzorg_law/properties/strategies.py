"""IR declarations -> Hypothesis strategies for the facts of a case: valid by construction, minimal when shrunk.

Every value is one a drafter could have typed in a case file (``cases.load.parse_value`` reads it back
exactly), within the declared range. Shrinking goes to what a drafter calls the plainest case: the first
enum value, onwaar, the lowest number, the version's own geldig_vanaf, an optional fact left out.
Besides a grid of whole numbers, quarters and cents, numbers are drawn from landmarks found in the regeling
itself (constants, table cells, and their products, such as 1,25 x the bekostigingsuren), so thresholds are
hit exactly and one cent below.
"""

from __future__ import annotations

import datetime
import functools
import math
import operator
from collections.abc import Collection, Iterable, Iterator
from fractions import Fraction

from catala import runtime as rt
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .. import ir, values
from ..engine.failure import EvaluationFailure
from ..engine.interpret import interpret_expr
from ..types import TypeKind
from ..values import Value

__all__ = ["facts_strategy"]

_DEFAULT_RANGE = (Fraction(0), Fraction(1000))  # a number without a declared bereik
_MONEY_MAX_CENTS = 10_000_000  # EUR 100.000,00
_DAYS_BEFORE, _DAYS_AFTER = 366, 3 * 366  # the date window around the versions' geldig_vanaf
_EPSILON = Fraction(1, 100)


def facts_strategy(reg: ir.Regeling, *, also: Iterable[ir.Regeling] = (), given: Iterable[ir.Expr] = (),
                   only: Collection[str] | None = None) -> SearchStrategy[dict[str, Value]]:
    """Cases for ``reg`` (and the facts that the versions in ``also`` add), as ``{fact: value}``.

    ``given``: conditions the cases should satisfy. Simple conjuncts (``f = v``, ``f in {..}``, a boolean fact,
    a table column, through begrippen) pin enum and boolean facts to the values that can make them hold, so a
    ``waarvoor`` filter or a rarely applicable rule is not left to luck. ``only``: draw just these facts.
    """
    regs = [reg, *also]
    decls: dict[str, ir.FactDecl] = {}
    enums: dict[str, ir.EnumDecl] = {}
    for r in regs:
        for name, f in r.facts.items():
            decls.setdefault(name, f)
        for name, e in r.enums.items():
            enums.setdefault(name, e)
    pins: dict[str, frozenset[Value]] = {}
    for cond in given:
        pins = _meet(pins, _pins(cond, reg, 0))
    marks = _Landmarks(regs)
    required: dict[str, SearchStrategy[Value]] = {}
    optional: dict[str, SearchStrategy[Value]] = {}
    for name, f in decls.items():
        if only is not None and name not in only:
            continue
        domain = _domain(f, enums)
        pinned = [v for v in domain if v in pins[name]] if domain and pins.get(name) else None
        strategy = st.sampled_from(pinned) if pinned else _value(f, enums, marks, reg.geldig_vanaf)
        target = optional if f.optioneel and not pinned and only is None else required
        target[name] = strategy
    order = list(decls)
    # Hypothesis draws the keys in its own order; a case reads best in declaration order.
    cases = st.fixed_dictionaries(required, optional=optional).map(
        lambda d: {k: d[k] for k in order if k in d})
    # A case that breaks a beperking (a week of more than 168 hours) is an input error, never a client. It is
    # repaired, not rejected, so the landmarks drawn for the other facts survive: the last numeric fact of the
    # beperking goes to the bottom of its range; a case that this does not repair is left out.
    beperkingen = [(r, c) for r in regs for c in r.beperkingen if only is None or set(c.facts) <= set(only)]
    if not beperkingen:
        return cases
    return cases.map(lambda d: _repaired(d, beperkingen, decls)).filter(
        lambda d: all(_holds(r, c, d) for r, c in beperkingen))


def _repaired(facts: dict[str, Value], beperkingen: list[tuple[ir.Regeling, ir.Constraint]],
              decls: dict[str, ir.FactDecl]) -> dict[str, Value]:
    for reg, c in beperkingen:
        if _holds(reg, c, facts):
            continue
        numeric = [f for f in c.facts if decls[f].bereik is not None]
        if numeric:
            facts = {**facts, numeric[-1]: decls[numeric[-1]].bereik[0]}  # type: ignore[index]
    return facts


def _holds(reg: ir.Regeling, c: ir.Constraint, facts: dict[str, Value]) -> bool:
    if any(f not in facts for f in c.facts):
        return True
    try:
        return interpret_expr(reg, facts, c.expr) is not False
    except EvaluationFailure:
        return True


# ---- values per type ------------------------------------------------------------------------------


def _domain(f: ir.FactDecl, enums: dict[str, ir.EnumDecl]) -> list[Value]:
    if f.type.kind is TypeKind.BOOL:
        return [False, True]
    if f.type.kind is TypeKind.ENUM and f.type.enum in enums:
        return list(enums[f.type.enum].values)
    return []


def _value(f: ir.FactDecl, enums: dict[str, ir.EnumDecl], marks: _Landmarks,
           anchor: datetime.date) -> SearchStrategy[Value]:
    kind = f.type.kind
    if kind in (TypeKind.BOOL, TypeKind.ENUM):
        return st.sampled_from(_domain(f, enums) or [""])
    if kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL):
        lo, hi = (_fraction(b) for b in f.bereik) if f.bereik else _DEFAULT_RANGE
        return _number(kind is TypeKind.GEHEEL, lo, hi, marks)
    if kind is TypeKind.UREN:
        lo_s, hi_s = (b.seconden for b in f.bereik if isinstance(b, values.Uren)) if f.bereik else \
            (int(_DEFAULT_RANGE[0] * 3600), int(_DEFAULT_RANGE[1] * 3600))
        return _seconds(lo_s, hi_s, marks).map(values.Uren)
    if kind is TypeKind.GELD:
        cents = st.integers(0, _MONEY_MAX_CENTS)
        landmarks = sorted({c + d for c in marks.money for d in (-1, 0) if 0 <= c + d <= _MONEY_MAX_CENTS})
        branches = [st.integers(0, _MONEY_MAX_CENTS // 100).map(lambda e: e * 100), cents]
        if landmarks:
            branches.insert(1, st.sampled_from(landmarks))
        return st.one_of(branches).map(lambda c: rt.money_of_cents_string(str(c)))
    if kind is TypeKind.DATUM:
        first = min([anchor, *marks.dates])
        last = max([anchor, *marks.dates])
        offsets = st.integers((first - anchor).days - _DAYS_BEFORE, (last - anchor).days + _DAYS_AFTER)
        near = sorted({(d - anchor).days + e for d in marks.dates for e in (-1, 0, 1)})
        chosen = st.one_of(offsets, st.sampled_from(near)) if near else offsets
        return chosen.map(lambda n: values.date_of_python(anchor + datetime.timedelta(days=n)))
    if kind is TypeKind.DUUR:
        # One unit each, as a case file writes it; 12 maanden would be normalised to '1 jaar'.
        single = st.one_of(st.integers(0, 10).map(lambda n: values.duration(n, "jaar")),
                           st.integers(0, 11).map(lambda n: values.duration(n, "maanden")),
                           st.integers(0, 730).map(lambda n: values.duration(n, "dagen")))
        return st.one_of(single, st.sampled_from(marks.durations)) if marks.durations else single
    return st.nothing()


def _number(whole: bool, lo: Fraction, hi: Fraction, marks: _Landmarks) -> SearchStrategy[Value]:
    """Whole steps first (they shrink to the lowest value), then landmarks, then quarters and cents."""
    def grid(denominator: int) -> SearchStrategy[Fraction] | None:
        a, b = math.ceil(lo * denominator), math.floor(hi * denominator)
        return st.integers(a, b).map(lambda n: Fraction(n, denominator)) if a <= b else None

    if whole:
        near = {m + d for m in marks.numbers if m.denominator == 1 for d in (-1, 0, 1)}
    else:
        near = {m - d for m in marks.numbers for d in (0, _EPSILON) if _finite(m)}
    landmarks = sorted(m for m in near if lo <= m <= hi)
    # The plainest numbers: whole steps up from the lower bound (from 0 when the range holds it).
    first = st.integers(0, math.floor(hi - lo)).map(lambda n: lo + n) if 0 < lo <= hi else grid(1)
    branches = [first] + ([st.sampled_from(landmarks)] if landmarks else [])
    if not whole:
        branches += [grid(4), grid(100)]
    usable = [b for b in branches if b is not None]
    if not usable:
        return st.nothing()
    numbers = st.one_of(usable)
    if whole:
        return numbers.map(lambda q: values.integer(int(q)))
    return numbers.map(lambda q: rt.Decimal(f"{q.numerator}/{q.denominator}"))


def _seconds(lo: int, hi: int, marks: _Landmarks) -> SearchStrategy[int]:
    """Uren as seconds: whole hours from the lower bound first, then the regeling's own uren (and a second
    below each: the bar 32:36:15 and 32:36:14), then quarters, minutes and any second."""
    if lo > hi:
        return st.nothing()
    landmarks = sorted({m + d for m in marks.seconds for d in (-1, 0) if lo <= m + d <= hi})
    branches = [st.integers(0, (hi - lo) // 3600).map(lambda n: lo + 3600 * n)]
    branches += [st.sampled_from(landmarks)] if landmarks else []
    for step in (900, 60):
        a, b = -(-lo // step), hi // step
        if a <= b:
            branches.append(st.integers(a, b).map(functools.partial(operator.mul, step)))
    return st.one_of([*branches, st.integers(lo, hi)])


def _fraction(v: Value) -> Fraction:
    if isinstance(v, rt.Decimal):
        return values.decimal_as_fraction(v)
    if isinstance(v, rt.Integer):
        return Fraction(int(v.value))
    raise TypeError(f"geen getal: {v!r}")


def _finite(q: Fraction) -> bool:
    """Whether ``q`` has a finite decimal expansion, so a case file can state it exactly."""
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


# ---- landmarks: the numbers the regeling itself mentions ------------------------------------------


class _Landmarks:
    """Constants, table cells and products of the two, per kind, from every expression of the versions."""

    def __init__(self, regs: list[ir.Regeling]) -> None:
        self.numbers: set[Fraction] = set()
        self.money: set[int] = set()
        self.dates: list[datetime.date] = []
        self.durations: list[Value] = []
        self.seconds: set[int] = set()
        uren_cells: set[int] = set()
        constants: set[Fraction] = set()
        cells: set[Fraction] = set()
        factors: set[Fraction] = set()
        dates: set[datetime.date] = set()
        for reg in regs:
            dates.add(reg.geldig_vanaf)
            for e in _expressions(reg):
                for c in ir.walk(e):
                    if isinstance(c, ir.Const):
                        self._add(c.value, constants, dates)
                    elif isinstance(c, ir.BinOp) and c.op in ("*", "/"):
                        # Only constants that multiply something make products worth drawing (1,25 x uren).
                        for operand in (c.left, c.right):
                            if isinstance(operand, ir.Unary) and operand.op == "promote":
                                operand = operand.operand
                            if isinstance(operand, ir.Const) and isinstance(operand.value, rt.Integer | rt.Decimal):
                                q = _fraction(operand.value)
                                factors.add(q if c.op == "*" or q == 0 else 1 / q)
            for table in reg.tables.values():
                for row in table.rows.values():
                    for cell in row:
                        self._add(cell, cells, dates)
                        if isinstance(cell, values.Uren):
                            uren_cells.add(cell.seconden)
        self.numbers = constants | cells | {c * t for c in factors - {0, 1} for t in cells}
        self.seconds |= {values.round_half_up(c * t) for c in factors - {0, 1} for t in uren_cells}
        self.dates = sorted(dates)

    def _add(self, v: Value, numbers: set[Fraction], dates: set[datetime.date]) -> None:
        if isinstance(v, bool | str):
            return
        if isinstance(v, rt.Integer | rt.Decimal):
            numbers.add(_fraction(v))
        elif isinstance(v, rt.Money):
            self.money.add(int(v.value.value))
        elif isinstance(v, values.Uren):
            self.seconds.add(v.seconden)
        elif isinstance(v, rt.Date):
            dates.add(v.value)
        elif isinstance(v, rt.Duration) and v not in self.durations and _single_unit(v):
            self.durations.append(v)


def _single_unit(v: rt.Duration) -> bool:
    """A case file writes a duration in one unit ('3 jaar'); only such landmarks are drawn."""
    return sum(1 for part in rt.duration_to_years_months_days(v) if part) <= 1


def _expressions(reg: ir.Regeling) -> Iterator[ir.Expr]:
    for rule in reg.rules:
        yield rule.value
        yield from (c.expr for c in rule.conditions)
    yield from (d.expr for d in reg.definitions.values())
    yield from (o.standaard for o in reg.outcomes.values() if o.standaard is not None)
    for p in reg.properties:
        yield from (e for e in (p.expr, p.waarvoor) if e is not None)





Pins = dict[str, frozenset[Value]]


def _meet(a: Pins, b: Pins) -> Pins:
    """Both conditions hold: a fact pinned by both keeps the values both allow."""
    out = dict(a)
    for k, v in b.items():
        out[k] = out[k] & v if k in out else v
    return out


def _pins(e: ir.Expr, reg: ir.Regeling, depth: int) -> Pins:
    """Over-approximates: a case outside the pinned values never satisfies ``e``; unknown shapes pin nothing."""
    return _Pins(reg, depth).visit(e)


class _Pins(ir.ExprVisitor[Pins]):
    """Per expression kind, the values of few-valued facts a condition of that shape requires."""

    def __init__(self, reg: ir.Regeling, depth: int) -> None:
        self.reg = reg
        self.depth = depth

    def visit(self, e: ir.Expr) -> Pins:
        return {} if self.depth > 20 else super().visit(e)

    def _deeper(self, e: ir.Expr) -> Pins:
        return _Pins(self.reg, self.depth + 1).visit(e)

    def bin_op(self, e: ir.BinOp) -> Pins:
        if e.op == "en":
            return _meet(self._deeper(e.left), self._deeper(e.right))
        if e.op == "of":
            a, b = self._deeper(e.left), self._deeper(e.right)
            return {k: a[k] | b[k] for k in a.keys() & b.keys()}
        if e.op in ("=", "<>"):
            fact, const = (e.left, e.right) if isinstance(e.left, ir.Var) else (e.right, e.left)
            if _is_finite_fact(fact) and isinstance(const, ir.Const) and isinstance(fact, ir.Var):
                return {fact.name: _select(self.reg, fact, {const.value}, e.op == "<>")}
        return {}

    def var(self, e: ir.Var) -> Pins:
        if e.kind == "begrip" and e.name in self.reg.definitions:
            return self._deeper(self.reg.definitions[e.name].expr)
        if e.kind == "invoer" and e.type.kind is TypeKind.BOOL:
            return {e.name: frozenset([True])}
        return {}

    def unary(self, e: ir.Unary) -> Pins:
        if e.op == "niet" and isinstance(e.operand, ir.Var) and e.operand.kind == "invoer" \
                and e.operand.type.kind is TypeKind.BOOL:
            return {e.operand.name: frozenset([False])}
        return {}

    def in_set(self, e: ir.InSet) -> Pins:
        if _is_finite_fact(e.element) and isinstance(e.element, ir.Var) \
                and all(isinstance(i, ir.Const) for i in e.items):
            return {e.element.name: _select(self.reg, e.element,
                                            {i.value for i in e.items if isinstance(i, ir.Const)}, e.negated)}
        return {}

    def in_table(self, e: ir.InTable) -> Pins:
        if _is_finite_fact(e.element) and isinstance(e.element, ir.Var):
            return {e.element.name: _select(self.reg, e.element, set(self.reg.tables[e.table].rows), e.negated)}
        return {}

    def lookup(self, e: ir.Lookup) -> Pins:
        if e.type.kind is TypeKind.BOOL and _is_finite_fact(e.key) and isinstance(e.key, ir.Var):
            t = self.reg.tables[e.table]
            i = t.column_index(e.column)
            return {e.key.name: _select(self.reg, e.key, {k for k, row in t.rows.items() if row[i] is True}, False)}
        return {}

    # Shapes that pin no fact: a constant, bekend, als-dan-anders, a function, another version, a changed fact.
    def const(self, e: ir.Const) -> Pins:
        return {}

    def known(self, e: ir.Known) -> Pins:
        return {}

    def if_then_else(self, e: ir.IfThenElse) -> Pins:
        return {}

    def call(self, e: ir.Call) -> Pins:
        return {}

    def volgens(self, e: ir.Volgens) -> Pins:
        return {}

    def met(self, e: ir.Met) -> Pins:
        return {}


def _is_finite_fact(e: ir.Expr) -> bool:
    return isinstance(e, ir.Var) and e.kind == "invoer" and e.type.kind in (TypeKind.BOOL, TypeKind.ENUM)


def _select(reg: ir.Regeling, fact: ir.Var, chosen: set[Value], negated: bool) -> frozenset[Value]:
    if not negated:
        return frozenset(chosen)
    domain: list[Value] = [False, True] if fact.type.kind is TypeKind.BOOL else list(reg.enums[fact.type.enum].values)
    return frozenset(v for v in domain if v not in chosen)
