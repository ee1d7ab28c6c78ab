"""Resolve names and type-check one AST expression into a typed IR expression; errors are collected.

Bidirectional: an expected type flows down so that a bare enumeration value (``geen``, ``pgb``) is
resolved against the enumeratie the context needs, and a geheel getal is promoted where a decimaal meets it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .. import ir
from .. import types as T
from ..diagnostics import Diagnostic
from ..span import GEGEVENS
from ..syntax import ast
from ..syntax.printer import print_expr
from ..types import TypeKind

_CMP = {"=", "<>", "<", "<=", ">", ">="}
_ORDERED = T.ORDERED


@dataclass
class Scope:
    """What names mean in one version; filled by ``lower`` before any expression is checked."""

    enums: dict[str, ir.EnumDecl] = field(default_factory=dict)
    facts: dict[str, ir.FactDecl] = field(default_factory=dict)
    outcomes: dict[str, ir.OutcomeDecl] = field(default_factory=dict)
    definitions: dict[str, T.Type] = field(default_factory=dict)
    tables: dict[str, ir.Table] = field(default_factory=dict)
    in_property: bool = False

    def all_names(self) -> list[str]:
        values = [v for e in self.enums.values() for v in e.values]
        return [*self.facts, *self.outcomes, *self.definitions, *self.tables, *values]


class Checker(ast.ExprVisitor[T.Type | None, ir.Expr]):
    """AST expression -> typed IR expression; ``arg`` of each method is the type the context expects."""

    def __init__(self, scope: Scope, diagnostics: list[Diagnostic]) -> None:
        self.scope = scope
        self.diagnostics = diagnostics
        # The provision being checked: expression spans do not carry it, diagnostics should.
        self.provision = GEGEVENS

    # ---- helpers ----------------------------------------------------------------------------------
    def error(self, code: str, node: ast.Expr | ast.TypeExpr, message: str, suggestions: tuple[str, ...] = ()) -> None:
        self.diagnostics.append(Diagnostic(code, node.span.in_provision(self.provision), message,
                                           suggestions=suggestions))

    def _bad(self, node: ast.Expr) -> ir.Expr:
        """Placeholder after an error; its type is accepted everywhere, so one mistake gives one message."""
        return ir.Const(False, T.FOUT, node.span)

    def resolve_type(self, t: ast.TypeExpr) -> T.Type:
        if t.kind is not TypeKind.ENUM:
            return T.Type(t.kind)
        if t.name not in self.scope.enums:
            close = tuple(difflib.get_close_matches(t.name, list(self.scope.enums), n=3))
            hint = f"; bedoelde u {' of '.join(close)}?" if close else ""
            self.error("E201", t, f"onbekend type '{t.name}'{hint}", close)
            return T.FOUT
        return T.enum(t.name)

    def expect(self, node: ast.Expr, expected: T.Type) -> ir.Expr:
        """Check ``node`` and require type ``expected`` (a geheel getal is promoted to decimaal)."""
        e = self.infer(node, expected)
        got = e.type
        if got == expected or T.FOUT in (got, expected):
            return e
        if got.kind is TypeKind.GEHEEL and expected.kind is TypeKind.DECIMAAL:
            return ir.Unary("promote", e, T.DECIMAAL, e.span)
        self.error("E210", node, f"verwacht {expected}, maar '{print_expr(node)}' is {got}"
                                 f"{_uren_hint(e, expected)}")
        return self._bad(node)

    # ---- inference --------------------------------------------------------------------------------
    def infer(self, node: ast.Expr, expected: T.Type | None = None) -> ir.Expr:
        return self.visit(node, expected)

    def literal(self, node: ast.Literal, expected: T.Type | None) -> ir.Expr:
        return ir.Const(node.value, T.Type(node.kind), node.span)

    def name(self, node: ast.Name, expected: T.Type | None) -> ir.Expr:
        s, n = self.scope, node.name
        if expected is not None and expected.kind is TypeKind.ENUM and expected.enum in s.enums \
                and n in s.enums[expected.enum].values:
            return ir.Const(n, expected, node.span)
        if n in s.facts:
            return ir.Var(n, "invoer", s.facts[n].type, node.span)
        if n in s.definitions:
            return ir.Var(n, "begrip", s.definitions[n], node.span)
        if n in s.outcomes:
            return ir.Var(n, "uitkomst", s.outcomes[n].type, node.span)
        if expected is not None and expected.kind is TypeKind.ENUM and expected.enum in s.enums \
                and n not in s.facts and n not in s.definitions and n not in s.outcomes:
            options = s.enums[expected.enum].values
            close = tuple(difflib.get_close_matches(n, options, n=2))
            hint = f"; bedoelde u {' of '.join(close)}?" if close else f" (mogelijk: {', '.join(options)})"
            self.error("E234", node, f"'{n}' is geen waarde van {expected.enum}{hint}", close)
            return self._bad(node)
        if n in s.tables:
            self.error("E212", node, f"'{n}' is een tabel: gebruik '{n}[sleutel]' of 'x in {n}'")
            return self._bad(node)
        owners = [e for e in s.enums.values() if n in e.values]
        if len(owners) == 1:
            return ir.Const(n, T.enum(owners[0].name), node.span)
        if len(owners) > 1:
            names = ", ".join(o.name for o in owners)
            self.error("E213", node, f"'{n}' is een waarde van meer enumeraties ({names}); uit de context "
                                     "blijkt niet welke bedoeld is")
            return self._bad(node)
        close = tuple(difflib.get_close_matches(n, s.all_names(), n=3, cutoff=0.7))
        hint = f"; bedoelde u {' of '.join(close)}?" if close else ""
        self.error("E211", node, f"onbekende naam '{n}'{hint}", close)
        return self._bad(node)

    def set_lit(self, node: ast.SetLit, expected: T.Type | None) -> ir.Expr:
        self.error("E214", node, "een verzameling {…} kan alleen rechts van 'in' staan")
        return self._bad(node)

    def bin_op(self, node: ast.BinOp, expected: T.Type | None) -> ir.Expr:
        op = node.op
        if op in ("en", "of", "impliceert"):
            return ir.BinOp(op, self.expect(node.left, T.BOOL), self.expect(node.right, T.BOOL), T.BOOL, node.span)
        if op in _CMP:
            left = self.infer(node.left)
            right = self.infer(node.right, left.type)
            if left.type.kind is TypeKind.ENUM and right.type.kind is not TypeKind.ENUM \
                    and isinstance(node.left, ast.Name):
                left = self.infer(node.left, right.type)  # "geen = andere_toeslag": resolve against the right
            common = T.unify_numeric(left.type, right.type)
            if common is None:
                self.error("E215", node, f"kan {left.type} niet vergelijken met {right.type} in '{print_expr(node)}'"
                                         f"{_uren_hint(left, right.type) or _uren_hint(right, left.type)}")
                return self._bad(node)
            if op not in ("=", "<>") and common.kind not in _ORDERED | {TypeKind.FOUT}:
                self.error("E216", node, f"'{op}' is niet gedefinieerd voor {common}; alleen = en <> zijn dat")
                return self._bad(node)
            return ir.BinOp(op, self._promote(left, common), self._promote(right, common), T.BOOL, node.span)
        left = self.infer(node.left, expected if expected and expected.numeric else None)
        right = self.infer(node.right, left.type if left.type.numeric else None)
        result = T.arithmetic(op, left.type, right.type)
        if result is None:
            hint = _uren_hint(left, right.type) or _uren_hint(right, left.type)
            self.error("E217", node, f"'{op}' is niet gedefinieerd voor {left.type} en {right.type} in "
                                     f"'{print_expr(node)}'{hint}")
            return self._bad(node)
        rtype, pl, pr = result
        if pl:
            left = ir.Unary("promote", left, T.DECIMAAL, left.span)
        if pr:
            right = ir.Unary("promote", right, T.DECIMAAL, right.span)
        if op == "*" and rtype.kind in (TypeKind.GELD, TypeKind.UREN) and right.type.kind == rtype.kind:
            left, right = right, left
        return ir.BinOp(op, left, right, rtype, node.span)

    def _promote(self, e: ir.Expr, common: T.Type) -> ir.Expr:
        if e.type.kind is TypeKind.GEHEEL and common.kind is TypeKind.DECIMAAL:
            return ir.Unary("promote", e, T.DECIMAAL, e.span)
        return e

    def in_(self, node: ast.In, expected: T.Type | None) -> ir.Expr:
        coll = node.collection
        if isinstance(coll, ast.Name) and coll.name in self.scope.tables:
            table = self.scope.tables[coll.name]
            return ir.InTable(self.expect(node.element, table.key_type), table.name, node.negated, T.BOOL, node.span)
        if isinstance(coll, ast.SetLit):
            element = self.infer(node.element)
            if element.type.kind is TypeKind.ENUM and isinstance(node.element, ast.Name) and coll.items:
                probe = self.infer(coll.items[0])
                if probe.type.kind is TypeKind.ENUM and probe.type != element.type:
                    element = self.infer(node.element, probe.type)
            items = tuple(self.expect(i, element.type) for i in coll.items)
            return ir.InSet(element, items, node.negated, T.BOOL, node.span)
        self.error("E218", node, "rechts van 'in' staat een verzameling {…} of de naam van een tabel")
        return self._bad(node)

    def unary(self, node: ast.Unary, expected: T.Type | None) -> ir.Expr:
        if node.op == "niet":
            return ir.Unary("niet", self.expect(node.operand, T.BOOL), T.BOOL, node.span)
        operand = self.infer(node.operand, expected)
        if operand.type.kind not in (TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.GELD, TypeKind.DUUR, TypeKind.UREN):
            self.error("E217", node, f"kan {operand.type} niet negatief maken")
        return ir.Unary("-", operand, operand.type, node.span)

    def known(self, node: ast.Known, expected: T.Type | None) -> ir.Expr:
        name = node.operand.name if isinstance(node.operand, ast.Name) else ""
        fact = self.scope.facts.get(name)
        if fact is None or not fact.optioneel:
            self.error("E219", node, "'is bekend' kan alleen na de naam van een optioneel feit staan")
            return self._bad(node)
        return ir.Known(name, node.negated, T.BOOL, node.span)

    def _table_of(self, node: ast.Expr) -> ir.Table | None:
        if isinstance(node, ast.Name) and node.name in self.scope.tables:
            return self.scope.tables[node.name]
        close = difflib.get_close_matches(print_expr(node), list(self.scope.tables), n=1)
        hint = f"; bedoelde u {close[0]}?" if close else ""
        self.error("E220", node, f"'{print_expr(node)}' is geen tabel{hint}")
        return None

    def lookup(self, node: ast.Lookup, expected: T.Type | None) -> ir.Expr:
        return self._lookup(node, "")

    def _lookup(self, node: ast.Lookup, column: str) -> ir.Expr:
        """``tabel[sleutel]``, with ``column`` named by a following ``.kolom`` or else the only column."""
        table = self._table_of(node.table)
        if table is None:
            return self._bad(node)
        key = self.expect(node.key, table.key_type)
        if not column:
            if len(table.columns) != 1:
                cols = ", ".join(c[0] for c in table.columns)
                self.error("E221", node, f"tabel {table.name} heeft meer kolommen ({cols}): kies er een met "
                                         f"'{print_expr(node)}.kolom'")
                return self._bad(node)
            column = table.columns[0][0]
        return ir.Lookup(table.name, key, column, table.columns[table.column_index(column)][1], node.span)

    def column(self, node: ast.Column, expected: T.Type | None) -> ir.Expr:
        if not isinstance(node.base, ast.Lookup):
            self.error("E222", node, "'.kolom' kan alleen na een opzoeking 'tabel[sleutel]' staan")
            return self._bad(node)
        table = self._table_of(node.base.table)
        if table is not None and node.column not in [c[0] for c in table.columns]:
            close = tuple(difflib.get_close_matches(node.column, [c[0] for c in table.columns], n=2, cutoff=0.5))
            hint = f"; bedoelde u {' of '.join(close)}?" if close else ""
            self.error("E223", node, f"tabel {table.name} heeft geen kolom '{node.column}'{hint}", close)
            return self._bad(node)
        return self._lookup(node.base, node.column)

    def call(self, node: ast.Call, expected: T.Type | None) -> ir.Expr:
        f = node.function
        if f in ("minimum", "maximum"):
            args = [self.infer(a, expected) for a in node.args]
            common: T.Type | None = args[0].type
            for a in args[1:]:
                common = T.unify_numeric(common, a.type) if common else None
            if common is None or common.kind not in _ORDERED:
                self.error("E224", node, f"{f}(…) vraagt getallen, bedragen, data of duren van één soort")
                return self._bad(node)
            return ir.Call(f, tuple(self._promote(a, common) for a in args), common, node.span)
        if len(node.args) != 1:
            self.error("E224", node, f"{f}(…) heeft één argument")
            return self._bad(node)
        if f == "afronden":
            return ir.Call(f, (self.expect(node.args[0], T.DECIMAAL),), T.DECIMAAL, node.span)
        return ir.Call(f, (self.expect(node.args[0], T.DATUM),), T.GEHEEL, node.span)  # jaar_van

    def if_then_else(self, node: ast.IfThenElse, expected: T.Type | None) -> ir.Expr:
        cond = self.expect(node.condition, T.BOOL)
        then = self.infer(node.then, expected)
        other = self.infer(node.otherwise, then.type)
        common = T.unify_numeric(then.type, other.type)
        if common is None:
            self.error("E225", node, f"de takken van 'als … dan … anders …' hebben verschillende types: "
                                     f"{then.type} en {other.type}")
            return self._bad(node)
        return ir.IfThenElse(cond, self._promote(then, common), self._promote(other, common), common, node.span)

    def _property_only(self, node: ast.Expr, what: str) -> bool:
        if not self.scope.in_property:
            self.error("E226", node, f"'{what}' mag alleen in een eigenschap staan")
            return False
        return True

    def volgens(self, node: ast.Volgens, expected: T.Type | None) -> ir.Expr:
        inner = self.infer(node.expr, expected)
        if not self._property_only(node, "volgens"):
            return inner
        return ir.Volgens(inner, node.versie, inner.type, node.span)

    def met(self, node: ast.Met, expected: T.Type | None) -> ir.Expr:
        inner = self.infer(node.expr, expected)
        if not self._property_only(node, "met … als …"):
            return inner
        fact = self.scope.facts.get(node.fact)
        if fact is None:
            self.error("E227", node, f"'{node.fact}' is geen feit (invoer)")
            return inner
        return ir.Met(inner, node.fact, self.expect(node.value, fact.type), inner.type, node.span)


def _uren_hint(number: ir.Expr, other: T.Type) -> str:
    """Where a written number meets uren: how to write it as uren (the language does not guess the unit)."""
    if other.kind is TypeKind.UREN and isinstance(number, ir.Const) and number.type.numeric:
        return "; schrijf een aantal uren als uu:mm, zoals 168:00 of 0:30"
    return ""
