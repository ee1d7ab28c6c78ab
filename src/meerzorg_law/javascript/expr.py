"""IR expression -> JavaScript expression text: the JavaScript back end of ``ir.ExprVisitor``.

Exact arithmetic with BigInt at the columnar engine's fixed scales: the kind and decimal scale of every node
come from the columnar planner (``columnar.plan.planner``), so a decimaal is a BigInt counting units of
10^-scale exactly as a column does, a geheel getal a BigInt, a geldbedrag BigInt cents. Booleans are booleans,
enumeration values their names, dates ISO strings (which compare as dates), uren BigInt seconds (times a
decimaal rounded to the second as the planner's ``round`` node has it). What the planner cannot make
exact (a division, geldbedrag times decimaal, durations, ``volgens``, ``met``) raises ``NietOndersteund`` with
its reason: the page for that version is then not generated, never computed inexactly.

Every constant from the regeling enters the text through ``escape.js``; names of facts, begrippen and tables
are passed as such string literals to the runtime (``runtime.js``), never spliced in as code.
"""

from __future__ import annotations

from pathlib import Path

from catala import runtime as rt

from .. import ir
from ..columnar.nodes import Arr
from ..columnar.plan import planner
from ..engine.failure import MAX_DIGITS
from ..span import Span
from ..types import TypeKind
from ..values import Uren, Value, decimal_as_fraction
from .escape import js

__all__ = ["Expressies", "NietOndersteund", "Pool", "plaats"]


class NietOndersteund(Exception):
    """An expression the JavaScript back end cannot compute exactly; the message is Dutch."""


class Pool:
    """Constants (``K[i]``) and functions (``F[i]``) shared by every version of one program: the same text is
    emitted once, so a rule that seven versions share costs its bytes once."""

    def __init__(self) -> None:
        self.constants: dict[str, int] = {}
        self.functions: dict[str, int] = {}

    def constant(self, text: str) -> int:
        return self.constants.setdefault(text, len(self.constants))

    def function(self, body: str) -> str:
        """``(c)=>body`` as a reference ``F[i]``."""
        return f"F[{self.functions.setdefault(body, len(self.functions))}]"


def plaats(span: Span) -> str:
    """Where an expression stands, for an error: the file's name and the line, never a machine's path."""
    return f"{Path(span.file).name}:{span.line}"


_CMP = {"=": "===", "<>": "!==", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


class Expressies(ir.ExprVisitor[str]):
    """One JavaScript expression per IR expression, over the evaluation context ``c`` of ``runtime.js``.

    Table columns and sets become constants (``K[i]``) in ``pool``, which the program emits once for all
    versions (the same table in seven versions is one constant).
    """

    def __init__(self, regeling: ir.Regeling, pool: Pool | None = None) -> None:
        self.reg = regeling
        self.plan = planner(regeling)
        self.pool = pool if pool is not None else Pool()

    # ---- scales -------------------------------------------------------------------------------------
    def arr(self, e: ir.Expr) -> Arr:
        a = self.plan.visit(e)
        if a.op == "fallback":
            raise NietOndersteund(f"niet exact te rekenen in JavaScript: {a.param} ({e.span})")
        return a

    def scale(self, e: ir.Expr) -> int:
        return self.arr(e).scale

    def at(self, e: ir.Expr, scale: int) -> str:
        """``e`` as units of 10^-scale (a decimaal at a finer scale is multiplied up; never down)."""
        text = self.visit(e)
        own = self.scale(e)
        if e.type.kind is not TypeKind.DECIMAAL or own == scale:
            return text
        if own > scale:
            raise NietOndersteund(f"schaal {own} kan niet naar {scale} ({e.span})")
        return f"({text}*{10 ** (scale - own)}n)"

    def value(self, v: Value, e: ir.Expr, scale: int) -> str:
        """A value of the regeling (constant or table cell) as a literal at ``scale``."""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return js(v)
        if isinstance(v, rt.Date):
            return js(v.value.isoformat())
        if isinstance(v, rt.Integer):
            return f"{int(v.value)}n"
        if isinstance(v, rt.Money):
            return f"{int(v.value.value)}n"
        if isinstance(v, Uren):  # seconds, as the columns hold them
            return f"{v.seconden}n"
        if isinstance(v, rt.Decimal):
            units = decimal_as_fraction(v) * 10**scale
            if units.denominator != 1:
                raise NietOndersteund(f"{v} heeft meer dan {scale} decimalen ({e.span})")
            return f"{int(units)}n"
        raise NietOndersteund(f"waarde van type {e.type} ({e.span})")

    def constant(self, text: str) -> str:
        return f"K[{self.pool.constant(text)}]"

    # ---- kinds --------------------------------------------------------------------------------------
    def const(self, e: ir.Const) -> str:
        scale = self.scale(e) if e.type.kind is TypeKind.DECIMAAL else 0
        return self.value(e.value, e, scale)

    def var(self, e: ir.Var) -> str:
        if e.kind != "invoer" and (e.name in self.reg.definitions or e.name in self.reg.trees):
            self.arr(e)
            return f"c.n({js(e.name)})"
        return f"c.f({js(e.name)})"

    def unary(self, e: ir.Unary) -> str:
        operand = self.visit(e.operand)
        if e.op == "niet":
            return f"(!{operand})"
        if e.op == "promote":  # a geheel getal is already a decimaal at scale 0
            return operand
        return f"(-{operand})"

    def bin_op(self, e: ir.BinOp) -> str:
        op = e.op
        if op in ("en", "of"):
            return f"({self.visit(e.left)}{'&&' if op == 'en' else '||'}{self.visit(e.right)})"
        if op == "impliceert":
            return f"(!{self.visit(e.left)}||{self.visit(e.right)})"
        planned = self.arr(e)  # division, geld x decimaal and date arithmetic stop here, with the planner's reason
        if op in _CMP:
            s = max(self.scale(e.left), self.scale(e.right))
            return f"({self.at(e.left, s)}{_CMP[op]}{self.at(e.right, s)})"
        if op == "*" and planned.op == "round":
            # uren times a decimaal: exact in seconds at the decimaal's scale, then to the second, a half up.
            product = planned.args[0]
            limit = 10 ** (MAX_DIGITS + product.scale)
            return (f"R.afronden(R.mul({self.visit(e.left)},{self.visit(e.right)},{limit}n,{js(plaats(e.span))}),"
                    f"{10 ** planned.param}n)")
        if op == "*":
            s = self.scale(e)
            limit = 10 ** (MAX_DIGITS + (s if e.type.kind is TypeKind.DECIMAAL else 0))
            return f"R.mul({self.visit(e.left)},{self.visit(e.right)},{limit}n,{js(plaats(e.span))})"
        s = self.scale(e)
        return f"({self.at(e.left, s)}{op}{self.at(e.right, s)})"

    def _equal(self, a: ir.Expr, b: ir.Expr) -> str:
        s = max(self.scale(a), self.scale(b)) if a.type.kind is TypeKind.DECIMAAL else 0
        return f"({self.at(a, s)}==={self.at(b, s)})"

    def in_set(self, e: ir.InSet) -> str:
        if e.element.type.kind in (TypeKind.ENUM, TypeKind.BOOL) and all(isinstance(i, ir.Const) for i in e.items):
            members = js(sorted({str(i.value).lower() if isinstance(i.value, bool) else str(i.value)
                                 for i in e.items if isinstance(i, ir.Const)}))
            test = f"{self.constant(f'new Set({members})')}.has(String({self.visit(e.element)}))"
        else:
            test = "(" + "||".join(self._equal(e.element, i) for i in e.items) + ")" if e.items else "false"
        return f"(!{test})" if e.negated else test

    def in_table(self, e: ir.InTable) -> str:
        rows = self.constant(f"new Set({js(sorted(self.reg.tables[e.table].rows))})")
        test = f"{rows}.has({self.visit(e.element)})"
        return f"(!{test})" if e.negated else test

    def lookup(self, e: ir.Lookup) -> str:
        table = self.reg.tables[e.table]
        col = table.column_index(e.column)
        scale = self.scale(e) if e.type.kind is TypeKind.DECIMAAL else 0
        cells = "{" + ",".join(f"{js(k)}:{self.value(row[col], e, scale)}" for k, row in table.rows.items()
                               if row[col] is not None) + "}"
        return f"R.rij({self.constant(cells)},{self.visit(e.key)},{js(e.table)},{js(plaats(e.span))})"

    def known(self, e: ir.Known) -> str:
        return f"({'!' if e.negated else ''}c.k({js(e.fact)}))"

    def if_then_else(self, e: ir.IfThenElse) -> str:
        s = self.scale(e) if e.type.kind is TypeKind.DECIMAAL else 0
        return f"({self.visit(e.condition)}?{self.at(e.then, s)}:{self.at(e.otherwise, s)})"

    def call(self, e: ir.Call) -> str:
        if e.function in ("jaar", "jaar_van"):  # a geheel getal: no scale to take from the planner
            return f"R.jaar({self.visit(e.args[0])})"
        self.arr(e)
        if e.function in ("minimum", "maximum"):
            s = self.scale(e) if e.type.kind is TypeKind.DECIMAAL else 0
            args = ",".join(self.at(a, s) for a in e.args)
            return f"R.{'min' if e.function == 'minimum' else 'max'}({args})"
        if e.function == "afronden":
            return f"R.afronden({self.visit(e.args[0])},{10 ** self.scale(e.args[0])}n)"
        raise NietOndersteund(f"functie {e.function} ({e.span})")

    def volgens(self, e: ir.Volgens) -> str:
        raise NietOndersteund(f"'volgens' een andere versie komt alleen in eigenschappen voor ({e.span})")

    def met(self, e: ir.Met) -> str:
        raise NietOndersteund(f"'met' een ander feit komt alleen in eigenschappen voor ({e.span})")
