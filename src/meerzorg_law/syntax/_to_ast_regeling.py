"""Parse tree -> AST, the callbacks of a regeling: document, provisions, declarations, rules, bijlagen and
eigenschappen. Expressions come from the base class in ``_to_ast_expr``; ``_to_ast.ToAst`` adds the
wijzigingsregeling. Citations stay relative until ``annotate``.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic
from ..span import ProvisionRef, lidnummer_van_woord
from ..types import TypeKind
from . import _parts as P
from . import ast
from ._lark import Meta, Token, v_args
from ._to_ast_expr import ExprToAst, NodeError, text_of


@v_args(inline=True, meta=True)
class RegelingToAst(ExprToAst):
    """One callback per grammar rule of a regeling; each builds one AST node with its span."""

    # ---- document ---------------------------------------------------------------------------------
    def start(self, meta: Meta, doc: ast.Document) -> ast.Document:
        return doc

    def regeling(self, meta: Meta, titel: Token, *rest: Any) -> ast.Regeling:
        versie, variant = rest[0]
        geldig = rest[1]
        bron = ""
        gegevens: tuple[ast.Declaratie, ...] = ()
        structuur: tuple[tuple[ast.Hoofdstuk, ...], tuple[ast.Artikel, ...]] = ((), ())
        bijlagen: list[ast.Bijlage] = []
        eigenschappen: list[ast.Eigenschap] = []
        for x in rest[2:]:
            if isinstance(x, P.Bron):
                bron = x.text
            elif isinstance(x, P.Gegevens):
                gegevens = x.items
            elif isinstance(x, P.Structuur):
                structuur = (x.hoofdstukken, x.artikelen)
            elif isinstance(x, ast.Bijlage):
                bijlagen.append(x)
            elif isinstance(x, ast.Eigenschap):
                eigenschappen.append(x)
        return ast.Regeling(text_of(titel), versie, variant, geldig, bron, gegevens, structuur[0], structuur[1],
                            tuple(bijlagen), tuple(eigenschappen), self._span(meta))

    def versie(self, meta: Meta, ident: Token, variant: Token | None = None) -> tuple[str, bool]:
        return str(ident), variant is not None

    def geldig(self, meta: Meta, datum: Token) -> datetime.date:
        try:
            return datetime.date.fromisoformat(str(datum))
        except ValueError:
            raise NodeError(Diagnostic("E010", self._tok_span(datum), f"'{datum}' is geen geldige datum")) from None

    def bron(self, meta: Meta, s: Token) -> P.Bron:
        return P.Bron(text_of(s))

    def basis(self, meta: Meta, ident: Token) -> P.Basis:
        return P.Basis(str(ident))

    def gegevens(self, meta: Meta, *decls: ast.Declaratie) -> P.Gegevens:
        return P.Gegevens(tuple(decls))

    def structuur_hoofdstukken(self, meta: Meta, *hs: ast.Hoofdstuk) -> P.Structuur:
        return P.Structuur(tuple(hs), ())

    def structuur_artikelen(self, meta: Meta, *arts: ast.Artikel) -> P.Structuur:
        return P.Structuur((), tuple(arts))

    def hoofdstuk(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Hoofdstuk:
        titel = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        parts = [x for x in rest if not isinstance(x, Token)]
        return ast.Hoofdstuk(str(nummer), titel, tuple(p for p in parts if isinstance(p, ast.Paragraaf)),
                             tuple(a for a in parts if isinstance(a, ast.Artikel)), self._span(meta))

    def paragraaf(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Paragraaf:
        titel = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        return ast.Paragraaf(str(nummer), titel, tuple(a for a in rest if isinstance(a, ast.Artikel)),
                             self._span(meta))

    # ---- provisions -------------------------------------------------------------------------------
    def inhoud(self, meta: Meta, *parts: Any) -> P.Inhoud:
        tekst = next((p.text for p in parts if isinstance(p, P.Tekst)), "")
        toel = next((p.text for p in parts if isinstance(p, P.Toelichting)), "")
        herkomst = next((p for p in parts if isinstance(p, ast.Herkomst)), None)
        return P.Inhoud(tekst, toel, tuple(p for p in parts if isinstance(p, (ast.Begrip, ast.Regel, ast.Rangorde))),
                        herkomst)

    def herkomst(self, meta: Meta, soort: Token, *rest: Any) -> ast.Herkomst:
        bronnen = next((x.ids for x in rest if isinstance(x, P.HerkomstBronnen)), ())
        noot = next((text_of(x) for x in rest if isinstance(x, Token)), "")
        alternatieven = tuple(x.text for x in rest if isinstance(x, P.Alternatief))
        return ast.Herkomst(str(soort), bronnen, noot, alternatieven, self._span(meta))

    def herkomstbronnen(self, meta: Meta, *ids: Token) -> P.HerkomstBronnen:
        return P.HerkomstBronnen(tuple(str(i) for i in ids))

    def alternatief(self, meta: Meta, s: Token) -> P.Alternatief:
        return P.Alternatief(text_of(s))

    def tekst(self, meta: Meta, s: Token) -> P.Tekst:
        return P.Tekst(text_of(s))

    def toelichting(self, meta: Meta, s: Token) -> P.Toelichting:
        return P.Toelichting(text_of(s))

    def artikel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Artikel:
        titel = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        inh = next(x for x in rest if isinstance(x, P.Inhoud))
        begrippen = tuple(x for x in rest if isinstance(x, ast.Begripsomschrijving))
        _alfabetisch(begrippen)
        return ast.Artikel(str(nummer), titel, inh.tekst, inh.toelichting, inh.items,
                           tuple(x for x in rest if isinstance(x, ast.Lid)),
                           tuple(x for x in rest if isinstance(x, ast.Onderdeel)), self._span(meta),
                           inh.herkomst, begrippen)

    def begripsomschrijving(self, meta: Meta, term: Token, inh: P.Inhoud) -> ast.Begripsomschrijving:
        woord = " ".join(text_of(term).split())
        if not woord:
            raise NodeError(Diagnostic("E016", self._tok_span(term), "een begripsomschrijving noemt een begrip: "
                                                                     "schrijf het tussen de aanhalingstekens"))
        return ast.Begripsomschrijving(woord, inh.tekst, inh.toelichting, inh.items, self._span(meta),
                                       inh.herkomst)

    def lid(self, meta: Meta, nummer: Token, inh: P.Inhoud, *onderdelen: ast.Onderdeel) -> ast.Lid:
        return ast.Lid(str(nummer), inh.tekst, inh.toelichting, inh.items, tuple(onderdelen), self._span(meta),
                       inh.herkomst)

    def onderdeel(self, meta: Meta, letter: Token, inh: P.Inhoud, *subs: ast.Subonderdeel) -> ast.Onderdeel:
        return ast.Onderdeel(str(letter), inh.tekst, inh.toelichting, inh.items, tuple(subs), self._span(meta),
                             inh.herkomst)

    def subonderdeel(self, meta: Meta, nummer: Token, inh: P.Inhoud) -> ast.Subonderdeel:
        return ast.Subonderdeel(str(nummer), inh.tekst, inh.toelichting, inh.items, self._span(meta), inh.herkomst)

    # ---- declarations -----------------------------------------------------------------------------
    def enumeratie(self, meta: Meta, naam: Token, *rest: Any) -> ast.Enumeratie:
        label = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        return ast.Enumeratie(str(naam), label, tuple(x for x in rest if isinstance(x, ast.EnumWaarde)),
                              self._span(meta))

    def enumwaarde(self, meta: Meta, naam: Token, *rest: Any) -> ast.EnumWaarde:
        label = next((text_of(x) for x in rest if isinstance(x, Token)), "")
        zin = next((x for x in rest if isinstance(x, ast.Zin)), None)
        return ast.EnumWaarde(str(naam), label, self._span(meta), zin)

    def zin(self, meta: Meta, tekst: Token, ontkend: Token | None = None) -> ast.Zin:
        return ast.Zin(text_of(tekst), text_of(ontkend) if ontkend else "", self._span(meta))

    def invoer(self, meta: Meta, naam: Token, type_: ast.TypeExpr, *rest: Any) -> ast.Invoer:
        bereik = next((x for x in rest if isinstance(x, tuple)), None)
        optioneel = any(isinstance(x, Token) and x.type == "OPTIONEEL" for x in rest)
        label = next((text_of(x) for x in rest if isinstance(x, Token) and x.type == "STRING"), "")
        zin = next((x for x in rest if isinstance(x, ast.Zin)), None)
        return ast.Invoer(str(naam), type_, bereik, optioneel, label, self._span(meta), zin)

    def uitkomst(self, meta: Meta, naam: Token, type_: ast.TypeExpr, *rest: Any) -> ast.Uitkomst:
        standaard = next((x.expr for x in rest if isinstance(x, P.Standaard)), None)
        label = next((text_of(x) for x in rest if isinstance(x, Token)), "")
        zin = next((x for x in rest if isinstance(x, ast.Zin)), None)
        return ast.Uitkomst(str(naam), type_, standaard, label, self._span(meta), zin)

    def beperking(self, meta: Meta, naam: Token, *rest: Any) -> ast.Beperking:
        label = text_of(rest[0]) if isinstance(rest[0], Token) else ""
        return ast.Beperking(str(naam), label, rest[-1], self._span(meta))

    def standaard(self, meta: Meta, expr: ast.Expr) -> P.Standaard:
        return P.Standaard(expr)

    def bereik(self, meta: Meta, lo: ast.Literal, hi: ast.Literal) -> tuple[ast.Literal, ast.Literal]:
        return (lo, hi)

    def _type(self, meta: Meta, kind: TypeKind, name: str = "") -> ast.TypeExpr:
        return ast.TypeExpr(kind, name, self._span(meta))

    def type_bool(self, meta: Meta, *_: Token) -> ast.TypeExpr:
        return self._type(meta, TypeKind.BOOL)

    def type_geheel(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, TypeKind.GEHEEL)

    def type_decimaal(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, TypeKind.DECIMAAL)

    def type_geld(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, TypeKind.GELD)

    def type_datum(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, TypeKind.DATUM)

    def type_duur(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, TypeKind.DUUR)

    def type_uren(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, TypeKind.UREN)

    def type_enum(self, meta: Meta, naam: Token) -> ast.TypeExpr:
        return self._type(meta, TypeKind.ENUM, str(naam))

    def _begrip(self, meta: Meta, naam: Token, rest: tuple[Any, ...], is_parameter: bool) -> ast.Begrip:
        label = text_of(rest[0]) if isinstance(rest[0], Token) else ""
        herkomst = rest[-1] if isinstance(rest[-1], ast.Herkomst) else None
        if herkomst is not None:
            rest = rest[:-1]
        zin = rest[-1] if isinstance(rest[-1], ast.Zin) else None
        if zin is not None:
            rest = rest[:-1]
        type_, expr = rest[-2], rest[-1]
        return ast.Begrip(str(naam), label, type_, expr, is_parameter, self._span(meta), herkomst, zin)

    def begrip(self, meta: Meta, naam: Token, *rest: Any) -> ast.Begrip:
        return self._begrip(meta, naam, rest, False)

    def parameter(self, meta: Meta, naam: Token, *rest: Any) -> ast.Begrip:
        return self._begrip(meta, naam, rest, True)

    # ---- rules ------------------------------------------------------------------------------------
    def regel(self, meta: Meta, *parts: Any) -> ast.Regel:
        afwijking = next((x.refs for x in parts if isinstance(x, P.Afwijking)), ())
        toek = tuple(x for x in parts if isinstance(x, ast.Toekenning))
        voorwaarde = next((x.expr for x in parts if isinstance(x, P.Voorwaarde)), None)
        tenzij = next((x.expr for x in parts if isinstance(x, P.Tenzij)), None)
        herkomst = next((x for x in parts if isinstance(x, ast.Herkomst)), None)
        return ast.Regel(afwijking, toek, voorwaarde, tenzij, self._span(meta), herkomst)

    def rangorde(self, meta: Meta, *parts: Any) -> ast.Rangorde:
        label = text_of(parts[0]) if parts and isinstance(parts[0], Token) else ""
        return ast.Rangorde(label, tuple(x for x in parts if isinstance(x, ast.Verwijzing)), self._span(meta))

    def afwijking(self, meta: Meta, *refs: ast.Verwijzing) -> P.Afwijking:
        return P.Afwijking(tuple(refs))

    def toekenning(self, meta: Meta, naam: Token, expr: ast.Expr) -> ast.Toekenning:
        return ast.Toekenning(str(naam), expr, self._span(meta))

    def voorwaarde(self, meta: Meta, expr: ast.Expr) -> P.Voorwaarde:
        return P.Voorwaarde(expr)

    def tenzij(self, meta: Meta, expr: ast.Expr) -> P.Tenzij:
        return P.Tenzij(expr)

    def verwijzing_artikel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Verwijzing:
        lid = next((x for x in rest if isinstance(x, P.Lidnr)), None)
        ond = next((str(x) for x in rest if isinstance(x, Token)), "")
        return ast.Verwijzing(ProvisionRef(str(nummer), lid.nummer if lid else "", ond), self._span(meta))

    def doel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Verwijzing:
        lid = next((x for x in rest if isinstance(x, P.Lidnr)), None)
        ond = next((str(x) for x in rest if isinstance(x, Token)), "")
        sub = next((x for x in rest if isinstance(x, str) and not isinstance(x, Token)), "")
        return ast.Verwijzing(ProvisionRef(str(nummer), lid.nummer if lid else "", ond, sub), self._span(meta))

    def verwijzing_begrip(self, meta: Meta, nummer: Token, term: Token) -> ast.Verwijzing:
        return ast.Verwijzing(ProvisionRef(str(nummer), begrip=" ".join(text_of(term).split())), self._span(meta))

    def doel_begrip(self, meta: Meta, nummer: Token, term: Token) -> ast.Verwijzing:
        return self.verwijzing_begrip(meta, nummer, term)

    def verwijzing_lid(self, meta: Meta, lid: P.Lidnr, ond: Token | None = None) -> ast.Verwijzing:
        # Relative: the artikel is filled in by _annotate from where the citation stands.
        return ast.Verwijzing(ProvisionRef("", lid.nummer, str(ond) if ond else ""), self._span(meta))

    def verwijzing_onderdeel(self, meta: Meta, ond: Token) -> ast.Verwijzing:
        return ast.Verwijzing(ProvisionRef("", "", str(ond)), self._span(meta))

    def lidnr_woord(self, meta: Meta, woord: Token) -> P.Lidnr:
        return P.Lidnr(lidnummer_van_woord(str(woord)))

    def lidnr_getal(self, meta: Meta, nummer: Token) -> P.Lidnr:
        return P.Lidnr(str(nummer))

    # ---- bijlagen ---------------------------------------------------------------------------------
    def bijlage(self, meta: Meta, letter: Token, *rest: Any) -> ast.Bijlage:
        titel = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        tekst = next((x.text for x in rest if isinstance(x, P.Tekst)), "")
        toel = next((x.text for x in rest if isinstance(x, P.Toelichting)), "")
        return ast.Bijlage(str(letter), titel, tekst, toel, tuple(x for x in rest if isinstance(x, ast.Tabel)),
                           self._span(meta), next((x for x in rest if isinstance(x, ast.Herkomst)), None))

    def tabel(self, meta: Meta, naam: Token, *rest: Any) -> ast.Tabel:
        label = text_of(rest[0]) if isinstance(rest[0], Token) else ""
        sleutel = next(x for x in rest if isinstance(x, ast.TypeExpr))
        return ast.Tabel(str(naam), label, sleutel, tuple(x for x in rest if isinstance(x, ast.Kolom)),
                         tuple(x for x in rest if isinstance(x, ast.Rij)), self._span(meta),
                         next((x for x in rest if isinstance(x, ast.Herkomst)), None))

    def kolom(self, meta: Meta, naam: Token, type_: ast.TypeExpr, label: Token | None = None) -> ast.Kolom:
        return ast.Kolom(str(naam), type_, text_of(label) if label else "", self._span(meta))

    def _rij(self, meta: Meta, key: Token, rest: tuple[Any, ...]) -> ast.Rij:
        label = text_of(rest[-1]) if rest and isinstance(rest[-1], Token) else ""
        vals = tuple(x for x in rest if not isinstance(x, Token))
        return ast.Rij(str(key), vals, label, self._span(meta))

    def rij(self, meta: Meta, key: Token, *rest: Any) -> ast.Rij:
        return self._rij(meta, key, rest)

    # ---- eigenschappen ----------------------------------------------------------------------------
    def eigenschap(self, meta: Meta, naam: Token, *rest: Any) -> ast.Eigenschap:
        label = text_of(rest[0]) if rest and isinstance(rest[0], Token) else ""
        versies = next((x.ids for x in rest if isinstance(x, P.Versies)), None)
        waarvoor = next((x.expr for x in rest if isinstance(x, P.Waarvoor)), None)
        eis = next(x for x in rest if isinstance(x, (ast.Geldt, ast.Monotoon)))
        verwacht = tuple(pair for x in rest if isinstance(x, _VerwachtGeschonden) for pair in x.pairs)
        return ast.Eigenschap(str(naam), label, versies, waarvoor, eis, self._span(meta), verwacht)

    def verwacht_geschonden(self, meta: Meta, *rest: Token) -> _VerwachtGeschonden:
        reden = text_of(rest[-1])
        return _VerwachtGeschonden(tuple((str(v), reden) for v in rest[:-1]))

    def versies(self, meta: Meta, a: Token, b: Token) -> P.Versies:
        return P.Versies((str(a), str(b)))

    def waarvoor(self, meta: Meta, expr: ast.Expr) -> P.Waarvoor:
        return P.Waarvoor(expr)

    def eis_geldt(self, meta: Meta, expr: ast.Expr) -> ast.Geldt:
        return ast.Geldt(expr, self._span(meta))

    def eis_monotoon(self, meta: Meta, uitkomst: Token, invoer: Token) -> ast.Monotoon:
        return ast.Monotoon(str(uitkomst), str(invoer), self._span(meta))


@dataclass(frozen=True, slots=True)
class _VerwachtGeschonden:
    """The pairs (versie, reden) of one 'verwacht geschonden in ...' clause, passed up to the eigenschap."""

    pairs: tuple[tuple[str, str], ...]


def _alfabetisch(begrippen: tuple[ast.Begripsomschrijving, ...]) -> None:
    """E017 when a term stands twice, E018 when the list is not alphabetical (the first place it goes wrong)."""
    gezien: dict[str, ast.Begripsomschrijving] = {}
    for b in begrippen:
        eerder = gezien.get(b.term.casefold())
        if eerder is not None:
            raise NodeError(Diagnostic("E017", b.span, f"het begrip '{b.term}' staat twee keer in de begrippenlijst",
                                       related=((eerder.span, "eerste keer"),)))
        gezien[b.term.casefold()] = b
    sleutel = ast.alfabetische_sleutel
    for vorige, b in itertools.pairwise(begrippen):
        if sleutel(b.term) < sleutel(vorige.term):
            plek = next(x for x in begrippen if sleutel(b.term) < sleutel(x.term))
            raise NodeError(Diagnostic("E018", b.span, f"de begrippenlijst is niet alfabetisch: '{b.term}' hoort "
                                                       f"vóór '{plek.term}'",
                                       related=((plek.span, f"hier staat '{plek.term}'"),)))
