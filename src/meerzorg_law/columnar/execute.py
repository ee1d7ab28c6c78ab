"""Plan + Columns -> per outcome, an array of values and a mask of the rows the per-case evaluator must decide.

Every node gives ``(values, fail)``: ``fail`` (None when no row can fail) marks the rows where the per-case
evaluator, walking the same expression lazily, would raise (a missing fact, a missing table row, no rule and
no standaard, a conflict) or would reach a construct the plan does not vectorise. Laziness is kept exactly:
``en``/``of``/``impliceert`` and ``als`` look at their second part only in rows where the per-case
evaluator would; a rule's conditions are tested in order and stop at the first that fails; siblings in a
default-logic group fail a row when one of them fails or two apply (a conflict). Values in failed rows are
never used. Inputs outside their fact's bounds (see ``plan``) are zeroed and their rows failed, so every
value in every row stays within its node's static bounds and no int64 operation overflows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .columns import Columns
from .nodes import FACT_SCALE, Arr, FactSpec, PGroup, Plan, PlanVisitor, PLeaf, PNode

__all__ = ["execute"]

_Res = tuple[np.ndarray, np.ndarray | None]
_EPOCH = 719_163  # date(1970, 1, 1).toordinal()


# Rows evaluated together. Every node's result is kept until the block is done (a shared subexpression is
# computed once), so a block's arrays should fit in the processor's cache: 65.536 rows, 512 KiB per int64 array.
# Larger blocks cost twice the time in a fresh process (the memory is new to it); smaller ones, more Python.
BLOCK = 1 << 16


def execute(plan: Plan, columns: Columns, outcomes: list[str] | None = None) -> dict[str, _Res]:
    """Evaluate ``outcomes`` (default: all) of ``plan`` over every row of ``columns``, ``BLOCK`` rows at a time
    (every operation is row by row, so the blocks joined are the whole evaluated at once)."""
    names = outcomes or list(plan.outcomes)
    if columns.n <= BLOCK:
        run = _Run(plan, columns)
        return {name: run.ev(plan.outcomes[name]) for name in names}
    parts = []
    for start in range(0, columns.n, BLOCK):
        run = _Run(plan, _rows(columns, start, min(columns.n, start + BLOCK)))
        parts.append([run.ev(plan.outcomes[name]) for name in names])
    out: dict[str, _Res] = {}
    for k, name in enumerate(names):
        fails = [p[k][1] for p in parts]
        fail = None if all(f is None for f in fails) else np.concatenate(
            [np.zeros(len(p[k][0]), dtype=bool) if f is None else f for p, f in zip(parts, fails, strict=True)])
        out[name] = np.concatenate([p[k][0] for p in parts]), fail
    return out


def _rows(columns: Columns, start: int, stop: int) -> Columns:
    """Rows ``start`` to ``stop`` of ``columns`` (views, no copies)."""
    return Columns(stop - start, {k: v[start:stop] for k, v in columns.data.items()}, columns.categories,
                   {k: v[start:stop] for k, v in columns.known.items()}, columns.scales)


def _or(a: np.ndarray | None, b: np.ndarray | None) -> np.ndarray | None:
    if a is None:
        return b
    if b is None:
        return a
    out: np.ndarray = a | b
    return out


def _and(a: np.ndarray, b: np.ndarray | None) -> np.ndarray | None:
    return None if b is None else a & b


class _Run:
    def __init__(self, plan: Plan, columns: Columns) -> None:
        self.plan = plan
        self.cols = columns
        self.n = columns.n
        self.memo: dict[int, _Res] = {}
        self.read: dict[str, _Res] = {}
        self.lits: dict[tuple[bool, object], np.ndarray] = {}
        self.alive: dict[tuple[tuple[int, bool], ...], _Res] = {}
        self.tables: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        self.winners: dict[object, tuple[np.ndarray, np.ndarray | None]] = {}
        self.index = 0  # rules _Kies has met in the tree it resolves
        self.wp = np.zeros(0, dtype=np.uint8)  # ... and the highest of them that applies, per row

    def ev(self, a: Arr) -> _Res:
        hit = self.memo.get(id(a))
        if hit is None:
            hit = self.memo[id(a)] = _OPS[a.op](self, a)
        return hit

    # ---- leaves -----------------------------------------------------------------------------------------
    def col(self, a: Arr) -> _Res:
        hit = self.read.get(a.param)
        if hit is None:
            hit = self.read[a.param] = self._col(self.plan.facts[a.param])
        return hit

    def _col(self, spec: FactSpec) -> _Res:
        raw = self.cols.data.get(spec.name)
        if raw is None:  # the batch lacks the fact: every row that reads it is decided per case (R002)
            return np.zeros(self.n, dtype=np.int64 if spec.kind != "bool" else bool), np.ones(self.n, dtype=bool)
        values, fail = _read(spec, raw, self.cols)
        known = self.cols.known.get(spec.name)
        if known is not None:
            fail = _or(fail, ~known)
        return values, fail

    def known(self, a: Arr) -> _Res:
        if a.param not in self.cols.data:
            return np.zeros(self.n, dtype=bool), None
        k = self.cols.known.get(a.param)
        return (np.ones(self.n, dtype=bool) if k is None else k), None

    def lit(self, a: Arr) -> _Res:
        # One array per literal value and chunk: results are never changed in place, so they can be shared.
        key = (a.kind == "bool", a.param)
        hit = self.lits.get(key)
        if hit is None:
            hit = self.lits[key] = np.full(self.n, a.param, dtype=bool if a.kind == "bool" else np.int64)
        return hit, None

    def ref(self, a: Arr) -> _Res:
        return self.ev(self.plan.definitions[a.param])

    def fallback(self, a: Arr) -> _Res:
        return np.zeros(self.n, dtype=bool if a.kind == "bool" else np.int64), np.ones(self.n, dtype=bool)

    # ---- strict operations --------------------------------------------------------------------------------
    def _strict(self, a: Arr, fn: Callable[..., np.ndarray]) -> _Res:
        results = [self.ev(x) for x in a.args]
        fail = None
        for _, f in results:
            fail = _or(fail, f)
        return fn(*(v for v, _ in results)), fail

    def rescale(self, a: Arr) -> _Res:
        return self._strict(a, lambda x: x * a.param if a.param != 1 else x)

    def neg(self, a: Arr) -> _Res:
        return self._strict(a, np.negative)

    def not_(self, a: Arr) -> _Res:
        return self._strict(a, np.logical_not)

    def isin(self, a: Arr) -> _Res:
        """Membership of small int codes by a lookup table (far faster than np.isin's sort)."""
        (x, f), = [self.ev(v) for v in a.args]
        top = int(x.max(initial=0)) + 1
        lut = np.zeros(max(top, max(a.param, default=0) + 1), dtype=bool)
        lut[list(a.param)] = True
        return lut[x], f

    def take(self, a: Arr) -> _Res:
        """A table column by key code; codes outside the table (a value it has no row for) fail the row."""
        (key, kf), = [self.ev(x) for x in a.args]
        cache_key = (id(a.args[0]), id(a.param))
        hit_cached = self.tables.get(cache_key)
        if hit_cached is not None:
            out, miss = hit_cached
            return out, _or(kf, miss if miss.any() else None)
        units, valid = a.param
        top = max(len(units), int(key.max(initial=0)) + 1)
        table = np.zeros(top, dtype=bool if a.kind == "bool" else np.int64)
        table[: len(units)] = units
        ok = np.zeros(top, dtype=bool)
        ok[: len(valid)] = valid
        miss = ~ok[key]
        out = table[key]
        self.tables[cache_key] = (out, miss)
        return out, _or(kf, miss if miss.any() else None)

    def round(self, a: Arr) -> _Res:
        unit = 10 ** a.param
        return self._strict(a, lambda x: np.floor_divide(x + unit // 2, unit) if unit > 1 else x)

    def year(self, a: Arr) -> _Res:
        def year(x: np.ndarray) -> np.ndarray:
            days = (x - _EPOCH).astype("datetime64[D]")
            return np.asarray(days.astype("datetime64[Y]").astype(np.int64) + 1970)
        return self._strict(a, year)

    # ---- short-circuit operations -----------------------------------------------------------------------
    def and_(self, a: Arr) -> _Res:
        (x, fx), (y, fy) = self.ev(a.args[0]), self.ev(a.args[1])
        return x & y, _or(fx, _and(x, fy))

    def or_(self, a: Arr) -> _Res:
        (x, fx), (y, fy) = self.ev(a.args[0]), self.ev(a.args[1])
        return x | y, _or(fx, _and(~x, fy))

    def implies(self, a: Arr) -> _Res:
        (x, fx), (y, fy) = self.ev(a.args[0]), self.ev(a.args[1])
        return ~x | y, _or(fx, _and(x, fy))

    def where(self, a: Arr) -> _Res:
        (c, fc), (x, fx), (y, fy) = (self.ev(v) for v in a.args)
        return np.where(c, x, y), _or(fc, _or(_and(c, fx), _and(~c, fy)))

    # ---- default logic ----------------------------------------------------------------------------------
    # Where each rule applies and which rows fail depend only on the rules' conditions, which the outcomes of
    # one tree share (meerzorg, grondslag, uren: the same rules, other values); so each shape of tree is
    # resolved once, to ``wp``: per row 1 + the number of the rule that decides it, 0 where none applies.
    # Rules are numbered with a group's members before its exceptions, so that the rule that decides is the
    # highest-numbered rule that applies: an exception that applies outranks every member, and of siblings at
    # most one applies in a row that does not fail (two is a conflict). In a failing row ``wp`` is not used.
    # Each outcome then takes its values by ``wp``: a lookup in a small table where the rules' values are
    # constants, a select where they are not.
    def outcome(self, a: Arr) -> _Res:
        _, nodes = a.param
        leaves: list[PLeaf] = []
        key = tuple(_VORM.visit(n, leaves) for n in nodes)
        if not leaves:  # no rule: the standaard (as before, an int64 array where it is not)
            zero = np.zeros(self.n, dtype=np.int64)
            if a.args:
                sv, sf = self.ev(a.args[0])
                return np.where(np.zeros(self.n, dtype=bool), zero, sv), sf
            return zero, np.ones(self.n, dtype=bool)  # no rule and no standaard: R001
        hit = self.winners.get(key)
        if hit is None:
            self.index = 0
            self.wp = np.zeros(self.n, dtype=np.uint8 if len(leaves) < 255 else np.int32)
            _, shared = self._pick(nodes)
            hit = self.winners[key] = (self.wp, shared)
        wp, fail = hit
        # By wp: the standaard (if any), then the rules' values.
        values = [a.args[0] if a.args else None] + [leaf.value for leaf in leaves]
        table = [v.param if v is not None and v.op == "lit" else 0 for v in values]
        out = np.array(table, dtype=bool if a.kind == "bool" else np.int64)[wp.astype(np.intp)]
        for i, v in enumerate(values):
            if v is not None and v.op != "lit":  # a constant is in the table and cannot fail
                x, f = self.ev(v)
                chosen = wp == i
                out = (out & ~chosen) | (x & chosen) if a.kind == "bool" else out + chosen * (x - out)
                fail = _or(fail, _and(chosen, f))
        return out, fail if a.args else _or(fail, wp == 0)  # no rule applies and no standaard: R001

    def _pick(self, nodes: tuple[PNode, ...]) -> tuple[np.ndarray, np.ndarray | None]:
        """Siblings of equal rank: where one applies; a row fails when one fails or two apply."""
        results = [_PICK.visit(n, self) for n in nodes]
        if not results:
            return np.zeros(self.n, dtype=bool), None
        applies, fail = results[-1]
        conflict = None
        for app, f in results[:-1]:
            conflict = _or(conflict, applies & app)
            applies = applies | app
            fail = _or(fail, f)
        return applies, _or(fail, conflict)

    def _leaf(self, leaf: PLeaf) -> tuple[np.ndarray, np.ndarray | None]:
        alive, fail = self._conditions(leaf.conditions)
        self.index += 1
        self.wp = np.maximum(self.wp, alive * self.wp.dtype.type(self.index))
        return alive, fail

    def _conditions(self, conditions: tuple[tuple[Arr, bool], ...]) -> _Res:
        """Where a rule's conditions all hold, tested in order; once per rule, however many outcomes it sets."""
        key = tuple((id(c), t) for c, t in conditions)
        hit = self.alive.get(key)
        if hit is not None:
            return hit
        alive = np.ones(self.n, dtype=bool)
        fail = None
        for cond, tenzij in conditions:
            v, f = self.ev(cond)
            fail = _or(fail, _and(alive, f))
            alive = alive & (~v if tenzij else v)
            if f is not None:
                alive &= ~f
        self.alive[key] = (alive, fail)
        return alive, fail

    def _group(self, g: PGroup) -> tuple[np.ndarray, np.ndarray | None]:
        ma, mf = self._pick(g.members)  # members first: they are numbered below the exceptions
        ea, ef = self._pick(g.exceptions)
        return ea | ma, _or(ef, _and(~ea, mf))


_Pick = tuple[np.ndarray, np.ndarray | None]


class _Kies(PlanVisitor[_Run, _Pick]):
    """Where a node of a default-logic tree applies and the rows that fail; each rule met raises ``wp``."""

    def leaf(self, node: PLeaf, run: _Run) -> _Pick:
        return run._leaf(node)
    def group(self, node: PGroup, run: _Run) -> _Pick:
        return run._group(node)


_PICK = _Kies()


class _Vorm(PlanVisitor[list[PLeaf], object]):
    """The shape of a tree (its rules' conditions, by identity), its rules collected in the order ``_Kies``
    numbers them (a group's members before its exceptions): two outcomes of one shape have the same rules."""

    def leaf(self, node: PLeaf, leaves: list[PLeaf]) -> object:
        leaves.append(node)
        return "regel", tuple((id(c), t) for c, t in node.conditions)

    def group(self, node: PGroup, leaves: list[PLeaf]) -> object:
        members = tuple(self.visit(n, leaves) for n in node.members)
        return "groep", members, tuple(self.visit(n, leaves) for n in node.exceptions)


_VORM = _Vorm()


def _read(spec: FactSpec, raw: np.ndarray, cols: Columns) -> tuple[np.ndarray, np.ndarray | None]:
    """A fact column in the plan's representation; rows outside the fact's bounds are zeroed and failed."""
    if spec.kind == "bool":
        return np.asarray(raw, dtype=bool), None
    if spec.kind == "enum":
        cats = cols.categories.get(spec.name)
        if cats is None:  # strings: code them against the declaration
            cats_arr, inverse = np.unique(np.asarray(raw, dtype=str), return_inverse=True)
            cats, raw = tuple(str(c) for c in cats_arr), inverse
        declared = {v: i for i, v in enumerate(spec.values)}
        remap = np.array([declared.get(c, len(spec.values) + i) for i, c in enumerate(cats)], dtype=np.int64)
        return remap[np.asarray(raw, dtype=np.int64)], None
    if spec.kind == "date" and np.issubdtype(np.asarray(raw).dtype, np.datetime64):
        raw = np.asarray(raw).astype("datetime64[D]").astype(np.int64) + _EPOCH
    x = np.asarray(raw, dtype=np.int64)
    fail: np.ndarray | None = None
    if spec.kind == "dec":
        scale = cols.scale(spec.name)
        if scale > FACT_SCALE:
            unit = 10 ** (scale - FACT_SCALE)
            fail = x % unit != 0
            x = x // unit
        elif scale < FACT_SCALE:
            factor = 10 ** (FACT_SCALE - scale)
            fail = np.abs(x) > spec.hi // factor + 1
            x = np.where(fail, 0, x) * factor
    out = (x < spec.lo) | (x > spec.hi)
    if out.any():
        fail = _or(fail, out)
        x = np.where(out, 0, x)
    elif fail is not None and not fail.any():
        fail = None
    return x, fail


_OPS: dict[str, Callable[[_Run, Arr], _Res]] = {
    "col": _Run.col, "known": _Run.known, "lit": _Run.lit, "ref": _Run.ref, "fallback": _Run.fallback,
    "rescale": _Run.rescale, "neg": _Run.neg, "not": _Run.not_, "isin": _Run.isin, "take": _Run.take,
    "round": _Run.round, "year": _Run.year, "and": _Run.and_, "or": _Run.or_, "implies": _Run.implies,
    "where": _Run.where, "outcome": _Run.outcome,
    "add": lambda r, a: r._strict(a, np.add), "sub": lambda r, a: r._strict(a, np.subtract),
    "mul": lambda r, a: r._strict(a, np.multiply),
    "eq": lambda r, a: r._strict(a, np.equal), "ne": lambda r, a: r._strict(a, np.not_equal),
    "lt": lambda r, a: r._strict(a, np.less), "le": lambda r, a: r._strict(a, np.less_equal),
    "gt": lambda r, a: r._strict(a, np.greater), "ge": lambda r, a: r._strict(a, np.greater_equal),
    "min": lambda r, a: r._strict(a, np.minimum), "max": lambda r, a: r._strict(a, np.maximum),
}
