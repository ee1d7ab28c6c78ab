"""Parse tree -> AST: ``ToAst``, the one Transformer of ``parse``. It adds the callbacks of a wijzigingsregeling
(its articles and onderdelen) to those of its instructions (``_instructies``), of a regeling
(``_to_ast_regeling``) and of expressions (``_to_ast_expr``). Citations stay relative until ``annotate``.
"""

from __future__ import annotations

from typing import Any

from . import _parts as P
from . import ast
from ._instructies import InstructieToAst
from ._lark import Meta, Token, v_args
from ._to_ast_expr import text_of


@v_args(inline=True, meta=True)
class ToAst(InstructieToAst):
    """One callback per grammar rule; each builds one AST node with its span (provision filled in later)."""

    # ---- wijzigingsregeling -----------------------------------------------------------------------
    def wijzigingsregeling(self, meta: Meta, titel: Token, *rest: Any) -> ast.Wijzigingsregeling:
        versie, variant = rest[0]
        basis = next(x.ident for x in rest if isinstance(x, P.Basis))
        geldig = next(x for x in rest if isinstance(x, P.Geldig))
        bron = next((x.text for x in rest if isinstance(x, P.Bron)), "")
        aanhef = next((x.text for x in rest if isinstance(x, P.Aanhef)), "")
        return ast.Wijzigingsregeling(
            text_of(titel), versie, variant, basis, geldig.datum, bron,
            tuple(x for x in rest if isinstance(x, ast.WijzigingsArtikel)),
            tuple(x for x in rest if isinstance(x, ast.Eigenschap)), self._span(meta), aanhef, geldig.span,
            next((x.text for x in rest if isinstance(x, P.Ondertekening)), ""),
            next((x.text for x in rest if isinstance(x, P.Citeertitel)), ""))

    def wgeldig(self, meta: Meta, datum: Token) -> P.Geldig:
        return P.Geldig(self.geldig(meta, datum), self._span(meta))

    def aanhef(self, meta: Meta, s: Token) -> P.Aanhef:
        return P.Aanhef(text_of(s))

    def ondertekening(self, meta: Meta, s: Token) -> P.Ondertekening:
        return P.Ondertekening(text_of(s))

    def citeertitel(self, meta: Meta, s: Token) -> P.Citeertitel:
        return P.Citeertitel(text_of(s))

    def wijzigingsartikel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.WijzigingsArtikel:
        titel = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        tekst = next((x.text for x in rest if isinstance(x, P.Tekst)), "")
        toel = next((x.text for x in rest if isinstance(x, P.Toelichting)), "")
        items = tuple(x for x in rest if isinstance(x, (ast.Begrip, ast.Regel)))
        leden = tuple(x for x in rest if isinstance(x, ast.Lid))
        # Rules of a zelfstandige bepaling: an Artikel numbered II, III, ... (cited "van de wijzigingsregeling").
        herkomst = next((x for x in rest if isinstance(x, ast.Herkomst)), None)
        bepaling = ast.Artikel(str(nummer), titel, tekst, toel, items, leden, (), self._span(meta), herkomst) \
            if items or leden or herkomst else None
        return ast.WijzigingsArtikel(str(nummer), titel, tekst, toel,
                                     tuple(x for x in rest if isinstance(x, ast.Wijziging)), self._span(meta),
                                     bepaling)

    def wijziging(self, meta: Meta, letter: Token, *rest: Any) -> ast.Wijziging:
        tekst = next((x.text for x in rest if isinstance(x, P.Tekst)), "")
        toel = next((x.text for x in rest if isinstance(x, P.Toelichting)), "")
        instr = tuple(x for x in rest if not isinstance(x, (P.Tekst, P.Toelichting)))
        return ast.Wijziging(str(letter), tekst, toel, instr, self._span(meta))

    def bepaling(self, meta: Meta, b: ast.Bepaling) -> ast.Bepaling:
        return b
