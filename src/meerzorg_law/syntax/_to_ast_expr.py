"""The expression half of the parse-tree -> AST Transformer: spans, literals and operators.

``_to_ast.ToAst`` adds the callbacks for structure (provisions, declarations, amendments) on top.
"""

from __future__ import annotations

import textwrap
from typing import Any

from .. import values
from ..diagnostics import Diagnostic
from ..span import Span
from ..types import TypeKind
from . import ast
from ._lark import Meta, Token, Transformer, v_args


class NodeError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def text_of(token: Token) -> str:
    """Strip the quotes of a STRING token; triple-quoted text keeps its line breaks, not its indentation."""
    s = str(token)
    if s.startswith('"""'):
        body = textwrap.dedent(s[3:-3]).strip("\n")
        return "\n".join(line.strip() for line in body.splitlines()).strip()
    return s[1:-1]



@v_args(inline=True, meta=True)
class ExprToAst(Transformer[Token, Any]):
    """One callback per expression rule; each builds one AST node with its span."""


    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file

    def _span(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.file, 0, 0, 0, 0)
        return Span(self.file, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tok_span(self, tok: Token) -> Span:
        return Span(self.file, tok.line or 0, tok.column or 0, tok.end_line or 0, tok.end_column or 0)


    # ---- expressions ------------------------------------------------------------------------------
    def impliceert(self, meta: Meta, a: ast.Expr, b: ast.Expr) -> ast.BinOp:
        return ast.BinOp("impliceert", a, b, self._span(meta))

    def of(self, meta: Meta, a: ast.Expr, b: ast.Expr) -> ast.BinOp:
        return ast.BinOp("of", a, b, self._span(meta))

    def en(self, meta: Meta, a: ast.Expr, b: ast.Expr) -> ast.BinOp:
        return ast.BinOp("en", a, b, self._span(meta))

    def niet(self, meta: Meta, a: ast.Expr) -> ast.Unary:
        return ast.Unary("niet", a, self._span(meta))

    def negatief(self, meta: Meta, a: ast.Expr) -> ast.Unary:
        return ast.Unary("-", a, self._span(meta))

    _CANON = {"≠": "<>", "≤": "<=", "≥": ">=", "×": "*"}

    def vergelijk(self, meta: Meta, a: ast.Expr, op: Token, b: ast.Expr) -> ast.BinOp:
        return ast.BinOp(self._CANON.get(str(op), str(op)), a, b, self._span(meta))

    def rekensom(self, meta: Meta, a: ast.Expr, op: Token, b: ast.Expr) -> ast.BinOp:
        return ast.BinOp(self._CANON.get(str(op), str(op)), a, b, self._span(meta))

    def in_(self, meta: Meta, a: ast.Expr, b: ast.Expr) -> ast.In:
        return ast.In(a, b, False, self._span(meta))

    def niet_in(self, meta: Meta, a: ast.Expr, b: ast.Expr) -> ast.In:
        return ast.In(a, b, True, self._span(meta))

    def bekend(self, meta: Meta, a: ast.Expr) -> ast.Known:
        return ast.Known(a, False, self._span(meta))

    def onbekend(self, meta: Meta, a: ast.Expr) -> ast.Known:
        return ast.Known(a, True, self._span(meta))

    def opzoeken(self, meta: Meta, table: ast.Expr, key: ast.Expr) -> ast.Lookup:
        return ast.Lookup(table, key, self._span(meta))

    def kolom_van(self, meta: Meta, base: ast.Expr, naam: Token) -> ast.Column:
        return ast.Column(base, str(naam), self._span(meta))

    def volgens(self, meta: Meta, e: ast.Expr, versie: Token) -> ast.Volgens:
        return ast.Volgens(e, str(versie), self._span(meta))

    def met(self, meta: Meta, e: ast.Expr, naam: Token, waarde: ast.Expr) -> ast.Met:
        return ast.Met(e, str(naam), waarde, self._span(meta))

    def naam(self, meta: Meta, tok: Token) -> ast.Name:
        return ast.Name(str(tok), self._span(meta))

    def geheel(self, meta: Meta, tok: Token) -> ast.Literal:
        return ast.Literal(values.integer(int(tok)), TypeKind.GEHEEL, str(tok), self._span(meta))

    def decimaal(self, meta: Meta, tok: Token) -> ast.Literal:
        return ast.Literal(values.decimal_of_text(str(tok)), TypeKind.DECIMAAL, str(tok), self._span(meta))

    def geld(self, meta: Meta, tok: Token) -> ast.Literal:
        return ast.Literal(values.money_of_text(str(tok)), TypeKind.GELD, str(tok), self._span(meta))

    def datum(self, meta: Meta, tok: Token) -> ast.Literal:
        try:
            return ast.Literal(values.date_of_text(str(tok)), TypeKind.DATUM, str(tok), self._span(meta))
        except ValueError:
            raise NodeError(Diagnostic("E010", self._span(meta), f"'{tok}' is geen geldige datum")) from None

    def duur(self, meta: Meta, n: Token, unit: Token) -> ast.Literal:
        return ast.Literal(values.duration(int(n), str(unit)), TypeKind.DUUR, f"{n} {unit}", self._span(meta))

    def uren(self, meta: Meta, tok: Token) -> ast.Literal:
        try:
            return ast.Literal(values.uren_of_text(str(tok)), TypeKind.UREN, str(tok), self._span(meta))
        except ValueError as e:
            raise NodeError(Diagnostic("E011", self._span(meta), str(e))) from None

    def waar(self, meta: Meta) -> ast.Literal:
        return ast.Literal(True, TypeKind.BOOL, "waar", self._span(meta))

    def onwaar(self, meta: Meta) -> ast.Literal:
        return ast.Literal(False, TypeKind.BOOL, "onwaar", self._span(meta))

    def verzameling(self, meta: Meta, *items: ast.Expr) -> ast.SetLit:
        return ast.SetLit(tuple(i for i in items if i is not None), self._span(meta))

    def aanroep(self, meta: Meta, func: Token, *args: ast.Expr) -> ast.Call:
        return ast.Call(str(func), tuple(args), self._span(meta))

    def als_dan(self, meta: Meta, c: ast.Expr, a: ast.Expr, b: ast.Expr) -> ast.IfThenElse:
        return ast.IfThenElse(c, a, b, self._span(meta))

