"""Two versions -> the exact set of clients whose outcome differs, as a short list of readable groups.

Each group is a conjunction ("cube") over the facts with few values (an enumeration fact in a set of values, a
waar/onwaar fact, whether an optional fact is known), over the numeric conditions the rules of either version
test (``telbare_zorgbehoefte >= drempel`` in rlz-2026), and over whether all conditions of a rule hold (tried
last, so a group is said in the rules' terms where they describe it: rlz-2027 gives 6 groups where the facts
and comparisons alone gave 16, split on which date of an earlier decision was known). A group is found from
one differing client, generalised while every client it describes still differs (proved by z3), then
blocked; the loop repeats until no differing client is left (the list is complete) or ``max_groups`` is
reached. Groups are disjoint: a literal is dropped only while the group stays apart from every earlier one, so
each differing client is in exactly one group. Each group carries its condition as IR (``Deel``, worded by
``render.groepen``), a witness client, what changes for it and the provisions that decide its outcomes in
each version.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import z3

from .. import ir
from ..engine.compile import Decision, EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..engine.trace import OutcomeChange, trace_diff
from ..span import ProvisionRef
from ..types import BOOL, ORDERED, TypeKind
from ..values import Value, format_value
from . import budget
from .smt import Translator, Universe
from .smt import valid as smt_valid
from .universe import Unsupported
from .witness import client, find_client

__all__ = ["Deel", "Group", "SymbolicDiff", "symbolic_diff"]

_COMPARISONS = {"<", "<=", ">", ">=", "=", "<>"}
_NUMERIC = ORDERED


@dataclass(frozen=True, slots=True)
class Deel:
    """One condition of a group as IR, for the reading generator (``render.groepen``): ``expr`` (waar/onwaar)
    holds, or its negation when ``neg``; ``versie`` the version whose begrippen it reads ("" when it means the
    same in both, as every condition on the facts themselves does)."""

    expr: ir.Expr
    neg: bool = False
    versie: str = ""
    regel: ProvisionRef | None = None  # ``expr`` is all conditions of the rule in this provision


@dataclass(frozen=True, slots=True)
class Group:
    """``voorwaarde``: the condition in the drafter's terms; every valid client meeting it has a different
    outcome. ``delen`` the same condition as IR and ``veranderingen`` what changes for the witness, for the
    reading generator."""

    voorwaarde: str
    getuige: dict[str, Value]
    wijzigingen: tuple[str, ...]
    bepalingen: tuple[str, ...]
    # The condition as z3 terms over the Universe's fact variables (for tests and further queries).
    formule: tuple[z3.BoolRef, ...] = ()
    delen: tuple[Deel, ...] = ()
    veranderingen: tuple[OutcomeChange, ...] = ()


@dataclass(frozen=True, slots=True)
class SymbolicDiff:
    basis: str
    nieuw: str
    groepen: tuple[Group, ...]
    volledig: bool  # False when max_groups cut the list short, or z3 ran out of time (``onbeslist``)
    universe: Universe | None = None
    onbeslist: str = ""  # "niet bewezen binnen N s" when the search for more groups was not decided
    anders: z3.BoolRef | None = None  # over the Universe's facts: the outcomes of the two versions differ


@dataclass(frozen=True, slots=True)
class _Literal:
    term: z3.BoolRef
    text: str
    key: str  # literals with one key form one set ("leveringsvorm in {..}")
    value: str = ""
    deel: Deel | None = None


def symbolic_diff(versions: Mapping[str, ir.Regeling], basis: str, nieuw: str, max_groups: int = 50) -> SymbolicDiff:
    u = Universe(versions)
    a, b = versions[basis], versions[nieuw]
    ta, tb = Translator(u, a), Translator(u, b)
    differs = []
    for name in a.outcomes:
        if name not in b.outcomes:
            continue
        x, y = ta.outcome(name).term, tb.outcome(name).term
        differs.append(z3.Or(x.ok != y.ok, z3.And(x.ok, x.val != y.val)))
    differ = z3.Or(*differs) if differs else z3.BoolVal(False)
    valid = smt_valid(u, [basis, nieuw])
    literals = _literals(u, [basis, nieuw], ((a, ta), (b, tb)), basis, nieuw)
    search = budget.solver()
    search.add(*valid, differ)
    inside = budget.solver()  # a cube is a group when no valid client meeting it has equal outcomes
    inside.add(*valid, z3.Not(differ))
    apart = z3.SimpleSolver()  # a cube is apart from the earlier groups when no valid client is in both
    apart.add(*valid)
    earlier: list[z3.BoolRef] = []
    groups: list[Group] = []
    decisions = (compile_regeling(a, traced=True), compile_regeling(b, traced=True))
    volledig, onbeslist = False, ""
    while True:
        try:
            if not budget.beslis(search):
                volledig = True
                break
        except budget.Onbeslist as err:  # not proved that no other client changes: never "volledig"
            onbeslist = err.reden
            break
        if len(groups) >= max_groups:
            break
        model = search.model()
        cube = [lit for lit in literals if z3.is_true(model.eval(lit.term, model_completion=True))]
        # The client's own numbers come last, so the generalisation drops them first where the conditions of
        # the rules already describe the group.
        cube = _generalise(inside, apart, earlier, [*_points(u, model, [basis, nieuw]), *cube], literals)
        terms = _terms(cube)
        search.add(z3.Not(z3.And(*terms)) if terms else z3.BoolVal(False))
        earlier.append(z3.And(*terms) if terms else z3.BoolVal(True))
        try:
            found = find_client(u, [basis, nieuw], terms)
        except budget.Onbeslist:  # the group stands; its client is then the one the search found
            found = None
        group = _group(cube, found[0] if found else client(u, model, [basis, nieuw]), decisions)
        groups.append(dataclasses.replace(group, formule=tuple(terms)))
    return SymbolicDiff(basis, nieuw, tuple(groups), volledig, u, onbeslist, differ)


def _literals(u: Universe, vids: Sequence[str], trs: Sequence[tuple[ir.Regeling, Translator]], basis: str,
              nieuw: str) -> list[_Literal]:
    out: list[_Literal] = []
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        f = u.facts[name]
        t = u.fact(name)
        label = _label(f.label, name)
        var = ir.Var(name, "invoer", f.type, f.span)
        if f.optioneel:
            bekend = ir.Known(name, False, BOOL, f.span)
            out += [_Literal(t.ok, f"{label} is bekend", f"?{name}", deel=Deel(bekend)),
                    _Literal(z3.Not(t.ok), f"{label} is niet bekend", f"?{name}", deel=Deel(bekend, True))]
        if f.type.kind is TypeKind.BOOL:
            out += [_Literal(t.val, label, name, deel=Deel(var)),
                    _Literal(z3.Not(t.val), f"niet {label}", name, deel=Deel(var, True))]
        elif f.type.kind is TypeKind.ENUM:
            out += [_Literal(t.val == u.index(f.type.enum, v), label, name, v,
                             Deel(ir.BinOp("=", var, ir.Const(v, f.type, f.span), BOOL, f.span)))
                    for v in u.enum_values[f.type.enum]]
        elif f.bereik is not None and f.type.kind in _NUMERIC:
            low = u.const(f.bereik[0], f.type, f.span)
            shown = format_value(f.bereik[0])
            laag = ir.Const(f.bereik[0], f.type, f.span)
            out += [_Literal(z3.And(t.ok, t.val > low), f"{label} > {shown}", f">{name}",
                             deel=Deel(ir.BinOp(">", var, laag, BOOL, f.span))),
                    _Literal(z3.And(t.ok, t.val == low), f"{label} = {shown}", f">{name}",
                             deel=Deel(ir.BinOp("=", var, laag, BOOL, f.span)))]
    seen: list[z3.BoolRef] = []
    for reg, tr in trs:
        tag = basis if reg.versie == basis else nieuw
        other = next((t for r, t in trs if r is not reg), tr)
        # The waar/onwaar begrippen and every comparison of numbers or dates in the rules and begrippen: the
        # conditions the drafters wrote, so a group reads in their words.
        atoms: list[ir.Expr] = [ir.Var(d.name, "begrip", d.type, d.span) for d in reg.definitions.values()
                                if d.type.kind is TypeKind.BOOL]
        exprs = [*(c.expr for r in reg.rules for c in r.conditions), *(d.expr for d in reg.definitions.values())]
        atoms += [e for x in exprs for e in ir.walk(x)
                  if isinstance(e, ir.BinOp) and e.op in _COMPARISONS and e.left.type.kind in _NUMERIC]
        for e in atoms:
            term = tr.visit(e)
            atom = z3.simplify(z3.And(term.ok, term.val))
            if z3.is_true(atom) or z3.is_false(atom) or any(z3.eq(atom, other) for other in seen):
                continue
            seen.append(atom)
            text = _Text(reg).visit(e)
            key = f"{text} volgens {tag}"
            negated = _Text(reg).visit(ir.BinOp(_NEGATION[e.op], e.left, e.right, e.type, e.span)) \
                if isinstance(e, ir.BinOp) else f"niet {text}"
            # A condition that means the same under the other version's begrippen is read without a version.
            versie = tag if not _zelfde(other, e, atom) else ""
            out += [_Literal(atom, key, key, deel=Deel(e, False, versie)),
                    _Literal(z3.simplify(z3.And(term.ok, z3.Not(term.val))), f"{negated} volgens {tag}", key,
                             deel=Deel(e, True, versie))]
    # Last, so the generalisation keeps them where they describe a group: whether all conditions of a rule hold
    # ("in 2027 is aan de voorwaarden van artikel 2.2a, eerste lid, voldaan"), the terms a drafter thinks in;
    # without them two groups that differ only in which condition of one rule fails are apart.
    for reg, tr in trs:
        tag = basis if reg.versie == basis else nieuw
        gezien: set[int] = set()
        # The later rules of a regeling (exceptions, grounds of refusal) first, so the generalisation drops
        # them before the main rule ("aan de voorwaarden van artikel 2.2, eerste lid, is voldaan").
        for rule in reversed(reg.rules):
            if rule.id in gezien or not rule.conditions:
                continue
            gezien.add(rule.id)
            delen = [c.expr if not c.tenzij else ir.Unary("niet", c.expr, BOOL, c.expr.span) for c in rule.conditions]
            e = delen[0]
            for d in delen[1:]:
                e = ir.BinOp("en", e, d, BOOL, rule.span)
            term = tr.visit(e)
            atom = z3.simplify(z3.And(term.ok, term.val))
            if z3.is_true(atom) or z3.is_false(atom) or any(z3.eq(atom, other) for other in seen):
                continue
            seen.append(atom)
            key = f"de voorwaarden van {rule.provision.citeer()} volgens {tag}"
            out += [_Literal(atom, key, key, deel=Deel(e, False, tag, rule.provision)),
                    _Literal(z3.simplify(z3.And(term.ok, z3.Not(term.val))), f"niet {key}", key,
                             deel=Deel(e, True, tag, rule.provision))]
    return out


_NEGATION = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "<>", "<>": "="}


def _zelfde(tr: Translator, e: ir.Expr, atom: z3.BoolRef) -> bool:
    """Whether ``e`` read under the other version (``tr``) is the same condition over the facts."""
    try:
        term = tr.visit(e)
    except (Unsupported, KeyError):  # a begrip or table the other version does not have
        return False
    return bool(z3.eq(z3.simplify(z3.And(term.ok, term.val)), atom))


def _label(label: str, name: str) -> str:
    """A fact's or begrip's label (its name in words when it has none): groups read without internal names."""
    return label or name.replace("_", " ")


class _Text(ir.ExprVisitor[str]):
    """An IR expression in the drafter's terms (labels of facts and begrippen), for the conditions of a group."""

    def __init__(self, reg: ir.Regeling) -> None:
        self.reg = reg

    def const(self, e: ir.Const) -> str:
        return format_value(e.value)

    def var(self, e: ir.Var) -> str:
        decl = self.reg.facts.get(e.name) or self.reg.definitions.get(e.name) or self.reg.outcomes.get(e.name)
        return _label(decl.label if decl is not None else "", e.name)

    def unary(self, e: ir.Unary) -> str:
        inner = self.visit(e.operand)
        return inner if e.op == "promote" else f"niet {inner}" if e.op == "niet" else f"-{inner}"

    def bin_op(self, e: ir.BinOp) -> str:
        return f"{self._operand(e.left)} {e.op} {self._operand(e.right)}"

    def _operand(self, e: ir.Expr) -> str:
        text = self.visit(e)
        return f"({text})" if isinstance(e, (ir.BinOp, ir.IfThenElse)) else text

    def in_set(self, e: ir.InSet) -> str:
        items = ", ".join(self.visit(i) for i in e.items)
        return f"{self.visit(e.element)} {'niet in' if e.negated else 'in'} {{{items}}}"

    def in_table(self, e: ir.InTable) -> str:
        return f"{self.visit(e.element)} {'niet in' if e.negated else 'in'} {e.table}"

    def lookup(self, e: ir.Lookup) -> str:
        return f"{e.table}[{self.visit(e.key)}].{e.column}"

    def known(self, e: ir.Known) -> str:
        return f"{e.fact} is {'niet ' if e.negated else ''}bekend"

    def if_then_else(self, e: ir.IfThenElse) -> str:
        return f"als {self.visit(e.condition)} dan {self.visit(e.then)} anders {self.visit(e.otherwise)}"

    def call(self, e: ir.Call) -> str:
        return f"{e.function}({', '.join(self.visit(a) for a in e.args)})"

    def volgens(self, e: ir.Volgens) -> str:
        return f"{self._operand(e.expr)} volgens {e.versie}"

    def met(self, e: ir.Met) -> str:
        return f"({self.visit(e.expr)} met {e.fact} als {self.visit(e.value)})"


def _points(u: Universe, model: z3.ModelRef, vids: Sequence[str]) -> list[_Literal]:
    """The client's own value of every numeric and date fact, as literals the generalisation may drop."""
    out = []
    for name in dict.fromkeys(n for v in vids for n in u.versions[v].facts):
        f = u.facts[name]
        if f.type.kind not in _NUMERIC:
            continue
        t = u.fact(name)
        if not z3.is_true(model.eval(t.ok, model_completion=True)):
            continue  # an optional fact the client lacks: its known-flag literal says so
        value = u.value(model, t.val, f.type)
        gelijk = ir.BinOp("=", ir.Var(name, "invoer", f.type, f.span), ir.Const(value, f.type, f.span), BOOL, f.span)
        out.append(_Literal(z3.And(t.ok, t.val == u.const(value, f.type, f.span)),
                            f"{_label(f.label, name)} = {format_value(value)}", f"={name}", deel=Deel(gelijk)))
    return out


def _terms(cube: Sequence[_Literal]) -> list[z3.BoolRef]:
    """Literals of one enumeration fact are one disjunction: the fact is in the set of their values."""
    sets: dict[str, list[_Literal]] = {}
    for lit in cube:
        sets.setdefault(lit.key if lit.value else str(id(lit)), []).append(lit)
    return [z3.Or(*[lit.term for lit in lits]) if len(lits) > 1 else lits[0].term for lits in sets.values()]


def _generalise(inside: z3.Solver, apart: z3.Solver, earlier: Sequence[z3.BoolRef], cube: list[_Literal],
                literals: Sequence[_Literal]) -> list[_Literal]:
    """Drop every literal the group does not need, then widen each enumeration value to a set of values; each
    step only while every client of the group still differs and none is in an earlier group."""
    overlap = z3.Or(*earlier) if earlier else z3.BoolVal(False)

    def holds(trial: list[_Literal]) -> bool:
        terms = _terms(trial)
        return (budget.check(inside, *terms) == z3.unsat
                and (not earlier or budget.check(apart, *terms, overlap) == z3.unsat))

    kept = list(cube)
    for lit in list(kept):
        trial = [x for x in kept if x is not lit]
        if holds(trial):
            kept = trial
    for lit in [x for x in kept if x.value]:
        for other in literals:
            if other.key == lit.key and other.value and all(other is not x for x in kept):
                trial = [*kept, other]
                if holds(trial):
                    kept = trial
    return kept


def _describe(cube: Sequence[_Literal]) -> str:
    parts: list[str] = []
    sets: dict[str, list[_Literal]] = {}
    for lit in cube:
        if lit.value:
            sets.setdefault(lit.key, []).append(lit)
        else:
            parts.append(lit.text)
    for lits in sets.values():
        values = sorted(x.value.replace("_", " ") for x in lits)
        parts.insert(0, f"{lits[0].text} = {values[0]}" if len(values) == 1 else
                     f"{lits[0].text} in {{{', '.join(values)}}}")
    return " en ".join(parts) or "elke geldige cliënt"


def _delen(cube: Sequence[_Literal]) -> tuple[Deel, ...]:
    """The condition of a group as IR: the values of one enumeration fact as one set ("de leveringsvorm is een
    pgb of een vpt"), in the order of ``_describe``."""
    parts: list[Deel] = []
    sets: dict[str, list[_Literal]] = {}
    for lit in cube:
        if lit.value:
            sets.setdefault(lit.key, []).append(lit)
        elif lit.deel is not None:
            parts.append(lit.deel)
    for lits in reversed(sets.values()):
        eqs = [lit.deel.expr for lit in lits if lit.deel is not None and isinstance(lit.deel.expr, ir.BinOp)]
        if not eqs:
            continue
        if len(eqs) == 1:
            parts.insert(0, Deel(eqs[0]))
        else:
            e = eqs[0]
            parts.insert(0, Deel(ir.InSet(e.left, tuple(x.right for x in eqs), False, BOOL, e.span)))
    return tuple(parts)


def _group(cube: Sequence[_Literal], facts: dict[str, Value], decisions: tuple[Decision, Decision]) -> Group:
    """The group with its witness: what changes for the witness and which provisions decide it."""
    old, new = decisions
    changes: list[str] = []
    provisions: list[str] = []
    try:
        ra = evaluate(old, facts)
        rb = evaluate(new, facts)
    except EvaluationFailure as f:
        return Group(_describe(cube), facts, (f.diagnostic.message,), (), delen=_delen(cube))
    assert ra.trace is not None and rb.trace is not None
    veranderingen = trace_diff(ra.trace, rb.trace)
    for w in veranderingen:
        changes.append(f"{w.outcome}: {format_value(w.oud)} -> {format_value(w.nieuw)}")
        for ref in (w.oud_door, w.nieuw_door):
            text = ref.citeer() if ref is not None else "standaardwaarde"
            if text not in provisions:
                provisions.append(text)
    return Group(_describe(cube), facts, tuple(changes), tuple(provisions), delen=_delen(cube),
                 veranderingen=tuple(veranderingen))
