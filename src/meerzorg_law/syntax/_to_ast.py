"""Parse tree -> AST: ``ToAst``, the one Transformer of ``parse``. It adds the callbacks of a wijzigingsregeling
(its articles, onderdelen and instructions) to those of a regeling (``_to_ast_regeling``) and of expressions
(``_to_ast_expr``). Citations stay relative until ``annotate``.
"""

from __future__ import annotations

from typing import Any

from lark import Token, v_args
from lark.tree import Meta

from ..span import ProvisionRef
from . import _parts as P
from . import ast
from ._to_ast_expr import text_of
from ._to_ast_regeling import RegelingToAst


@v_args(inline=True, meta=True)
class ToAst(RegelingToAst):
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

    def komt_te_luiden(self, meta: Meta, *rest: Any) -> ast.KomtTeLuiden:
        redactioneel = isinstance(rest[0], Token)
        doel, b = rest[-2:]
        return ast.KomtTeLuiden(doel, b, self._span(meta), redactioneel)

    def vervalt(self, meta: Meta, doel: ast.Verwijzing,
                paren: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = ()) -> ast.Vervalt:
        # "van het derde lid tot tweede lid": the places are relative to the parent of the lapsed provision.
        def absolute(plek: tuple[str, str]) -> ProvisionRef:
            soort, nummer = plek
            r = doel.ref
            if soort == "artikel":
                return ProvisionRef(nummer)
            if soort == "lid":
                return ProvisionRef(r.artikel, nummer)
            if soort == "onderdeel":
                return ProvisionRef(r.artikel, r.lid, nummer)
            return ProvisionRef(r.artikel, r.lid, r.onderdeel, nummer)
        return ast.Vervalt(doel, self._span(meta), tuple((absolute(a), absolute(b)) for a, b in paren))

    def vernummering(self, meta: Meta, _soort: Token, *paren: tuple[tuple[str, str], tuple[str, str]]
                     ) -> tuple[tuple[tuple[str, str], tuple[str, str]], ...]:
        return paren

    def hernummering(self, meta: Meta, oud: tuple[str, str], nieuw: tuple[str, str]
                     ) -> tuple[tuple[str, str], tuple[str, str]]:
        return (oud, nieuw)

    def plek_lid(self, meta: Meta, lid: P.Lidnr) -> tuple[str, str]:
        return ("lid", lid.nummer)

    def plek_onderdeel(self, meta: Meta, letter: Token) -> tuple[str, str]:
        return ("onderdeel", str(letter))

    def plek_subonderdeel(self, meta: Meta, nummer: Token) -> tuple[str, str]:
        return ("subonderdeel", str(nummer))

    def plek_artikel(self, meta: Meta, nummer: Token) -> tuple[str, str]:
        return ("artikel", str(nummer))

    def toegevoegd(self, meta: Meta, doel: ast.Verwijzing, soort: str, b: ast.Bepaling) -> ast.Ingevoegd:
        return ast.Ingevoegd("aan", doel, soort, b, self._span(meta))

    def vervangen(self, meta: Meta, *rest: Any) -> ast.Vervangen:
        redactioneel = isinstance(rest[0], Token)
        doel = next(x for x in rest if isinstance(x, ast.Verwijzing))
        oud, nieuw = (x for x in rest if isinstance(x, Token) and x.type == "STRING")
        telkens = any(isinstance(x, Token) and x.type == "TELKENS" for x in rest)
        items = next((x for x in rest if isinstance(x, tuple)), None)
        return ast.Vervangen(doel, text_of(oud), text_of(nieuw), telkens, items, self._span(meta), redactioneel)

    def met_regels(self, meta: Meta, *items: ast.Item) -> tuple[ast.Item, ...]:
        return items

    def subnr(self, meta: Meta, nummer: Token) -> str:
        return str(nummer)

    def structuur_ingevoegd(self, meta: Meta, na_voor: Token, anker: tuple[str, str], soort: str,
                            nieuw: ast.Hoofdstuk | ast.Paragraaf) -> ast.StructuurIngevoegd:
        return ast.StructuurIngevoegd(str(na_voor), anker[0], anker[1], soort, nieuw, self._span(meta))

    def structuur_vervalt(self, meta: Meta, doel: tuple[str, str]) -> ast.StructuurVervalt:
        return ast.StructuurVervalt(doel[0], doel[1], self._span(meta))

    def structuurdoel(self, meta: Meta, hoofdstuk: Token, paragraaf: Token | None = None) -> tuple[str, str]:
        return (str(hoofdstuk), str(paragraaf) if paragraaf is not None else "")

    def soort_hoofdstuk(self, meta: Meta) -> str:
        return "hoofdstuk"

    def soort_paragraaf(self, meta: Meta) -> str:
        return "paragraaf"

    def soort_subonderdeel(self, meta: Meta) -> str:
        return "subonderdeel"

    def plaats(self, meta: Meta, na_voor: Token, doel: ast.Verwijzing) -> tuple[str, ast.Verwijzing]:
        return (str(na_voor), doel)

    def ingevoegd(self, meta: Meta, plaats: tuple[str, ast.Verwijzing], soort: str,
                  b: ast.Bepaling) -> ast.Ingevoegd:
        return ast.Ingevoegd(plaats[0], plaats[1], soort, b, self._span(meta))

    def soort_artikel(self, meta: Meta) -> str:
        return "artikel"

    def soort_lid(self, meta: Meta) -> str:
        return "lid"

    def soort_onderdeel(self, meta: Meta) -> str:
        return "onderdeel"

    def alfabetisch_ingevoegd(self, meta: Meta, artikel: ast.Verwijzing,
                              *begrippen: ast.Begripsomschrijving) -> ast.AlfabetischIngevoegd:
        return ast.AlfabetischIngevoegd(artikel, tuple(begrippen), self._span(meta))

    def vernummerd(self, meta: Meta, doel: ast.Verwijzing, nieuw: ast.Verwijzing) -> ast.Vernummerd:
        return ast.Vernummerd(doel, nieuw, self._span(meta))

    def tabelwijziging(self, meta: Meta, naam: Token, *ws: ast.RijWijziging) -> ast.TabelWijziging:
        return ast.TabelWijziging(str(naam), tuple(ws), self._span(meta))

    def rij_luidt(self, meta: Meta, key: Token, *rest: Any) -> ast.RijWijziging:
        return ast.RijWijziging("luidt", str(key), self._rij(meta, key, rest), self._span(meta))

    def rij_toegevoegd(self, meta: Meta, key: Token, *rest: Any) -> ast.RijWijziging:
        return ast.RijWijziging("toegevoegd", str(key), self._rij(meta, key, rest), self._span(meta))

    def gegevenswijziging(self, meta: Meta, *ws: ast.GegevensInstructie) -> ast.GegevensWijziging:
        return ast.GegevensWijziging(tuple(ws), self._span(meta))

    def gegevens_ingevoegd(self, meta: Meta, decl: ast.Declaratie) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("ingevoegd", decl.name, decl, None, self._span(meta))

    def gegevens_luidt(self, meta: Meta, naam: Token, decl: ast.Declaratie) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("luidt", str(naam), decl, None, self._span(meta))

    def gegevens_vervalt(self, meta: Meta, naam: Token) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("vervalt", str(naam), None, None, self._span(meta))

    def gegevens_vervalt_enumeratie(self, meta: Meta, naam: Token) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("vervalt", str(naam), None, None, self._span(meta), enumeratie=True)

    def gegevens_waarde(self, meta: Meta, enum: Token, waarde: Token, *label: Token) -> ast.GegevensInstructie:
        value = ast.EnumWaarde(str(waarde), text_of(label[0]) if label else "", self._span(meta))
        return ast.GegevensInstructie("waarde", str(enum), None, value, self._span(meta))

    def rij_vervalt(self, meta: Meta, key: Token) -> ast.RijWijziging:
        return ast.RijWijziging("vervalt", str(key), None, self._span(meta))
