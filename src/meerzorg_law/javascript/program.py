"""ir.Regeling -> one JavaScript object per version: facts, begrippen, outcome trees, beperkingen and rules.

The default logic itself is not generated: ``runtime.js`` walks the trees as data (exceptions first, a
conflict when two of equal rank apply, naming both provisions), exactly as ``engine/interpret.py`` does. What
is generated are the expressions (``expr.Expressies``), each wrapped as ``(c)=>…``, and the declarations as
JSON literals through ``escape.js``. ``programma`` concatenates the runtime and every version into one file
that runs in a browser (no eval, no network, nothing but this file) and in Node (``module.exports``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path

from catala import runtime as rt

from .. import ir
from ..columnar.nodes import FACT_SCALE
from ..types import TypeKind
from ..values import Uren, Value, decimal_as_fraction, format_value, uren_text
from .escape import js
from .expr import Expressies, NietOndersteund, Pool

__all__ = ["RUNTIME", "NietOndersteund", "feiten_van", "programma", "tekst", "versie_js"]

RUNTIME = Path(__file__).with_name("runtime.js")

# Digits after the point a fact is read with: a decimaal at the columnar fact scale, a geldbedrag in cents.
_SCHAAL = {"dec": FACT_SCALE, "geld": 2}
# The runtime's soort of each type kind (None: the rekenhulp does not support it). The JavaScript back end's one
# mapping keyed by TypeKind (tests/test_typekind.py checks it is complete).
SOORTEN: dict[TypeKind, str | None] = {
    TypeKind.BOOL: "bool", TypeKind.ENUM: "enum", TypeKind.GEHEEL: "int", TypeKind.DECIMAAL: "dec",
    TypeKind.GELD: "geld", TypeKind.DATUM: "datum", TypeKind.UREN: "uren",
    TypeKind.DUUR: None, TypeKind.TABEL: None, TypeKind.FOUT: None,
}


def programma(versies: Mapping[str, ir.Regeling]) -> str:
    """The runtime and every version, as one JavaScript file (``RK.versies[id]``): the constants and functions
    of all versions first, once each, then each version as an object that refers to them."""
    pool = Pool()
    objecten = [f"R.versies[{js(vid)}]={versie_js(reg, pool)};\n" for vid, reg in versies.items()]
    constanten = "".join(f"K[{i}]={k};" for k, i in pool.constants.items())
    functies = ",\n".join(f"(c)=>{body}" for body in pool.functions)
    return (RUNTIME.read_text(encoding="utf-8") + "(function(R){const K=[];const F=[\n" + functies + "];\n"
            + constanten + "\n" + "".join(objecten) + "})(RK);\n")


def feiten_van(reg: ir.Regeling) -> list[str]:
    """The facts the outcomes can read (through begrippen and other outcomes), in declaration order."""
    seen: set[str] = set()
    todo = list(reg.outcomes)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(reg.dependencies.get(name, ()))
    return [f for f in reg.facts if f in seen]


def _feit(reg: ir.Regeling, f: ir.FactDecl) -> str:
    soort = SOORTEN[f.type.kind]
    if soort is None:
        raise NietOndersteund(f"feit {f.name} van type {f.type} ({f.span})")
    decl: dict[str, object] = {"soort": soort, "optioneel": f.optioneel, "label": f.label,
                               "schaal": _SCHAAL.get(soort, 0)}
    if soort == "enum":
        decl["waarden"] = list(reg.enums[f.type.enum].values)
    if f.bereik is not None:
        decl["bereik"] = [tekst(v) for v in f.bereik]
    return js(decl)


def tekst(v: Value) -> object:
    """A value as the runtime reads it (``RK.lees``) and writes it (``R.tekst``): numbers as exact decimal text
    with a point ("32.6", a geldbedrag in euros), uren as their literal ("26:05"), dates ISO, enumeration values
    by name, booleans as such."""
    if isinstance(v, (bool, str)):
        return v
    if isinstance(v, rt.Integer):
        return str(int(v.value))
    if isinstance(v, rt.Money):
        return _decimaal(Fraction(int(v.value.value), 100))
    if isinstance(v, rt.Decimal):
        return _decimaal(decimal_as_fraction(v))
    if isinstance(v, rt.Date):
        return str(v.value.isoformat())
    if isinstance(v, Uren):  # as the runtime's seconden() reads it: 26:05, 32:36:15
        return uren_text(v)
    raise NietOndersteund(f"een waarde van deze soort kan de rekenhulp niet lezen: {format_value(v)}")


def _decimaal(q: Fraction) -> str:
    """Exact decimal text; a fraction without a finite expansion cannot occur (the planner has none)."""
    sign, q = ("-" if q < 0 else ""), abs(q)
    whole, rest = divmod(q.numerator, q.denominator)
    digits = ""
    while rest and len(digits) < 40:
        d, rest = divmod(rest * 10, q.denominator)
        digits += str(d)
    return f"{sign}{whole}" + (f".{digits}" if digits else "")


def versie_js(reg: ir.Regeling, pool: Pool) -> str:
    """One version as a JavaScript object literal over the runtime ``R``; its expressions are ``F[i]`` and
    its constants ``K[i]`` of ``pool``."""
    x = Expressies(reg, pool)
    feiten = "{" + ",".join(f"{js(n)}:{_feit(reg, f)}" for n, f in reg.facts.items()) + "}"
    namen = "{" + ",".join(f"{js(n)}:{pool.function(x.visit(d.expr))}" for n, d in reg.definitions.items()) + "}"
    index = {id(r): i for i, r in enumerate(reg.rules)}
    uitkomsten = ",".join(f"{js(name)}:{_uitkomst(x, reg, tree, index)}" for name, tree in reg.trees.items())
    beperkingen = ",".join(f"{{naam:{js(b.name)},label:{js(b.label)},feiten:{js(list(b.facts))},"
                           f"test:{pool.function(x.visit(b.expr))}}}" for b in reg.beperkingen)
    regels = js([{"bepaling": r.provision.citeer(), "uitkomst": r.outcome} for r in reg.rules])
    return (f"{{id:{js(reg.versie)},feiten:{feiten},uitvoer:{js(feiten_van(reg))},namen:{namen},"
            f"uitkomsten:{{{uitkomsten}}},beperkingen:[{beperkingen}],regels:{regels}}}")


def _uitkomst(x: Expressies, reg: ir.Regeling, tree: ir.OutcomeTree, index: dict[int, int]) -> str:
    """One outcome: its kind and scale, its standaard and its tree; every value at the outcome's scale."""
    decl = reg.outcomes[tree.outcome]
    soort = SOORTEN[decl.type.kind]
    if soort is None:
        raise NietOndersteund(f"uitkomst {tree.outcome} van type {decl.type} ({decl.span})")
    scale = x.plan.outcome(tree.outcome).scale

    def waarde(e: ir.Expr) -> str:
        return x.pool.function(x.at(e, scale) if soort == "dec" else x.visit(e))

    knoop = _Knoop(x, waarde, index)
    std = waarde(tree.standaard) if tree.standaard is not None else "null"
    return (f"{{soort:{js(soort)},schaal:{scale},std:{std},"
            f"boom:[{','.join(knoop.visit(n, None) for n in tree.nodes)}]}}")


class _Knoop(ir.NodeVisitor[None, str]):
    """A rule as {r: its index, v: its value, w: its conditions}; a group as {u: exceptions, l: members}."""

    def __init__(self, x: Expressies, waarde: Callable[[ir.Expr], str], index: dict[int, int]) -> None:
        self.x, self.waarde, self.index = x, waarde, index

    def leaf(self, n: ir.Leaf, _: None) -> str:
        x = self.x
        conds = ",".join(f"[{x.pool.function(x.visit(c.expr))},{'true' if c.tenzij else 'false'}]"
                         for c in n.rule.conditions)
        return f"{{r:{self.index[id(n.rule)]},v:{self.waarde(n.rule.value)},w:[{conds}]}}"

    def group(self, n: ir.Group, _: None) -> str:
        u = ",".join(self.visit(m, None) for m in n.exceptions)
        return f"{{u:[{u}],l:[{','.join(self.visit(m, None) for m in n.members)}]}}"
