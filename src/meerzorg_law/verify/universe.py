"""The clients of a set of versions as z3 variables: one per fact, with its declared range; values both ways.

Waar/onwaar is Bool; geheel getal, geldbedrag (cents), datum (day number) and duur (days) are Int; decimaal is
Real (exact, as the Catala runtime's rationals); an enumeration value is an Int index shared by every version.
``Term`` is what the translation (``smt``) gives for an expression: its value and ``ok``, when it evaluates
without error.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import z3
from catala import runtime as rt

from .. import ir
from ..span import Span
from ..types import Type, TypeKind
from ..values import Uren, Value, decimal_as_fraction

__all__ = ["DAY_MAX", "DAY_MIN", "TRUE", "Term", "Universe", "Unsupported", "conj", "mk_and", "mk_implies", "mk_not",
           "mk_or"]

DAY_MIN, DAY_MAX = datetime.date.min.toordinal(), datetime.date.max.toordinal()


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


TRUE = z3.BoolVal(True)


def conj(*xs: z3.BoolRef) -> z3.BoolRef:
    """And, leaving out the constant waar (by identity)."""
    parts = [x for x in xs if x is not TRUE]
    return TRUE if not parts else parts[0] if len(parts) == 1 else mk_and(parts)


def mk_and(parts: Sequence[z3.BoolRef]) -> z3.BoolRef:
    """``z3.And(*parts)`` of z3 Booleans, the same term built without z3's argument coercion: z3.And casts every
    argument to a common sort in Python (a sort comparison per argument), which was a third of the time a first
    ``meerzorg check`` spent translating the rules; for Booleans of one context that cast is the identity. Any
    other argument goes through z3.And as before."""
    if not _bools(parts):
        return z3.And(*parts)
    ctx = parts[0].ctx
    arr = (z3.Ast * len(parts))(*[p.as_ast() for p in parts])
    return z3.BoolRef(z3.Z3_mk_and(ctx.ref(), len(parts), arr), ctx)


def mk_or(parts: Sequence[z3.BoolRef]) -> z3.BoolRef:
    """``z3.Or(*parts)``, built as ``mk_and``."""
    if not _bools(parts):
        return z3.Or(*parts)
    ctx = parts[0].ctx
    arr = (z3.Ast * len(parts))(*[p.as_ast() for p in parts])
    return z3.BoolRef(z3.Z3_mk_or(ctx.ref(), len(parts), arr), ctx)


def mk_implies(a: z3.BoolRef, b: z3.BoolRef) -> z3.BoolRef:
    """``z3.Implies(a, b)``, built as ``mk_and``."""
    if not _bools((a, b)):
        return z3.Implies(a, b)
    return z3.BoolRef(z3.Z3_mk_implies(a.ctx.ref(), a.as_ast(), b.as_ast()), a.ctx)


def mk_not(a: z3.BoolRef) -> z3.BoolRef:
    """``z3.Not(a)``, built as ``mk_and``."""
    if type(a) is not z3.BoolRef:
        return z3.Not(a)
    return z3.BoolRef(z3.Z3_mk_not(a.ctx.ref(), a.as_ast()), a.ctx)


def _bools(parts: Sequence[z3.BoolRef]) -> bool:
    """Whether z3's cast of ``parts`` to one Boolean sort is the identity: two or more z3 Booleans (no Python
    bool, no probe) of one context."""
    if len(parts) < 2 or any(type(p) is not z3.BoolRef for p in parts):
        return False
    ctx = parts[0].ctx
    return all(p.ctx is ctx for p in parts)


# The z3 sort of each type kind (None: the verifier does not translate it): geld in cents, datum a day number,
# duur in days, uren in whole seconds, an enumeration value its index. The SMT verifier's one mapping keyed by
# TypeKind (tests/test_typekind.py checks it is complete).
SMT_SORTS: dict[TypeKind, Callable[[], z3.SortRef] | None] = {
    TypeKind.BOOL: z3.BoolSort, TypeKind.DECIMAAL: z3.RealSort, TypeKind.GEHEEL: z3.IntSort, TypeKind.GELD: z3.IntSort,
    TypeKind.DATUM: z3.IntSort, TypeKind.DUUR: z3.IntSort, TypeKind.UREN: z3.IntSort, TypeKind.ENUM: z3.IntSort,
    TypeKind.TABEL: None, TypeKind.FOUT: None,
}


class Antwoorden:
    """Answers by the z3 terms they were computed from (z3's answer to a question, a rule's translation):
    versions that share a rule (a variant and its base) build the same terms in the one universe, and z3 makes
    equal terms one node with one id, so what was computed for one version is found for another. The terms are
    kept with the answer (an id is reused once its node is freed) and compared node by node on a hit; ``extra``
    is the rest of the key (hashable). A question z3 did not decide is not kept (``Onbeslist`` is raised before
    ``put``)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[object, tuple[int, ...]], tuple[list[z3.AstRef], object]] = {}

    def get(self, terms: Sequence[z3.AstRef], extra: object = ()) -> object | None:
        hit = self._kept.get((extra, tuple(t.get_id() for t in terms)))
        if hit is not None and len(hit[0]) == len(terms) and all(a.eq(b) for a, b in zip(hit[0], terms,
                                                                                          strict=True)):
            return hit[1]
        return None

    def put(self, terms: Sequence[z3.AstRef], answer: object, extra: object = ()) -> None:
        self._kept[extra, tuple(t.get_id() for t in terms)] = (list(terms), answer)


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
        # smt.valid's terms per tuple of versions.
        self.valid_terms: dict[tuple[str, ...], list[z3.BoolRef]] = {}
        # Terms shared by every translator: a table column looked up by one key term is one If chain.
        self.lookups: dict[tuple[int, str, int], tuple[z3.ExprRef, Term]] = {}
        # z3's answers by question, over all versions (which share rules, and so terms).
        self.antwoorden = Antwoorden()
        self._tabellen: list[ir.Table] = []
        # A rule's terms (smt's NodeTerms) by the terms of the names it reads and the rule itself, shared by the
        # versions that repeat the rule.
        self.regels = Antwoorden()
        # ``range`` per fact term (kept alive in ``_vars``), type, enumeration values and bounds.
        self._ranges: dict[tuple[object, ...], list[z3.BoolRef]] = {}

    def table_nummer(self, table: ir.Table) -> int:
        """The same number for equal tables (of any version), for ``lookups``."""
        for n, known in enumerate(self._tabellen):
            if known is table or known == table:
                return n
        self._tabellen.append(table)
        return len(self._tabellen) - 1

    def index(self, enum: str, value: str) -> int:
        return self.enum_values[enum].index(value)

    def sort(self, t: Type, span: Span) -> z3.SortRef:
        make = SMT_SORTS[t.kind]
        if make is None:
            raise Unsupported(f"type {t}", span)
        return make()

    def fact(self, name: str) -> Term:
        """The value of fact ``name`` and whether the client has it (always, for a required fact)."""
        if name not in self._vars:
            f = self.facts[name]
            val = z3.Const(name, self.sort(f.type, f.span))
            known = z3.Bool(f"{name}?") if f.optioneel else TRUE
            self._vars[name] = Term(val, known)
        return self._vars[name]

    def ranges(self, vids: Sequence[str]) -> list[z3.BoolRef]:
        """Each fact of the versions ``vids`` within the ranges all of them declare (``smt.valid`` adds the
        beperkingen, which need the translation of expressions)."""
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
        """The values fact ``d`` may take in ``reg``; built once for all versions that declare it alike."""
        t = d.type
        key = (v.get_id(), t, tuple(reg.enums[t.enum].values) if t.kind is TypeKind.ENUM else (), repr(d.bereik))
        if key not in self._ranges:
            self._ranges[key] = self._range(d, reg, v)
        return self._ranges[key]

    def _range(self, d: ir.FactDecl, reg: ir.Regeling, v: z3.ExprRef) -> list[z3.BoolRef]:
        t = d.type
        if t.kind is TypeKind.ENUM:
            allowed = [self.index(t.enum, x) for x in reg.enums[t.enum].values]
            return [z3.Or(*[v == i for i in allowed])]
        out: list[z3.BoolRef] = []
        if t.kind is TypeKind.DATUM:
            out += [v >= DAY_MIN, v <= DAY_MAX]
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
        if isinstance(value, Uren):
            return z3.IntVal(value.seconden)
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
        if t.kind is TypeKind.BOOL:
            return bool(z3.is_true(v))
        if t.kind is TypeKind.ENUM:
            return self.enum_values[t.enum][v.as_long()]
        if t.kind is TypeKind.GEHEEL:
            return rt.integer_of_int(v.as_long())
        if t.kind is TypeKind.DECIMAAL:
            q = Fraction(v.numerator_as_long(), v.denominator_as_long())
            return rt.Decimal(str(q.numerator)) / rt.Decimal(str(q.denominator))
        if t.kind is TypeKind.GELD:
            return rt.money_of_cents_string(str(v.as_long()))
        if t.kind is TypeKind.DATUM:
            return rt.date_of_datetime(datetime.date.fromordinal(v.as_long()))
        if t.kind is TypeKind.UREN:
            return Uren(v.as_long())
        return rt.duration_of_numbers(0, 0, v.as_long())
