"""Text -> AST: one Lark parse, one Transformer pass, then one pass that gives every item its provision.

``parse_text`` never raises on bad input: it returns the AST (or None) and a list of diagnostics.
"""

from __future__ import annotations

import dataclasses
import datetime
import textwrap
from typing import Any

from lark import Token, Transformer, v_args
from lark.exceptions import UnexpectedInput, VisitError
from lark.tree import Meta

from .. import values
from ..diagnostics import Diagnostic
from ..span import ProvisionRef, Span, lidnummer_van_woord
from . import ast
from ._syntax_errors import syntax_diagnostic
from .grammar import parser

__all__ = ["parse_file", "parse_text"]


def parse_text(text: str, file: str = "<tekst>") -> tuple[ast.Document | None, list[Diagnostic]]:
    """Parse one DSL file. Returns (document, diagnostics); the document is None when it did not parse."""
    if "\x00" in text:
        return None, [Diagnostic("E001", Span(file, 1, 1, 1, 1), "dit is geen tekstbestand (het bevat NUL-tekens)")]
    if not text.strip():
        return None, [Diagnostic("E002", Span(file, 1, 1, 1, 1), "het bestand is leeg: een regeling of "
                                 "wijzigingsregeling begint met 'regeling \"...\"' of 'wijzigingsregeling \"...\"'")]
    try:
        tree = parser().parse(text)
    except UnexpectedInput as err:
        return None, [syntax_diagnostic(err, text, file)]
    try:
        doc: ast.Document = _ToAst(file).transform(tree)
    except VisitError as err:
        if isinstance(err.orig_exc, _NodeError):
            return None, [err.orig_exc.diagnostic]
        raise
    diagnostics: list[Diagnostic] = []
    return _annotate(doc, diagnostics), diagnostics


def parse_file(path: str) -> tuple[ast.Document | None, list[Diagnostic]]:
    try:
        raw = open(path, "rb").read()
    except OSError as err:
        return None, [Diagnostic("E003", Span(path, 1, 1, 1, 1), f"kan het bestand niet lezen: {err.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Diagnostic("E001", Span(path, line, 1, line, 1),
                                 "dit is geen UTF-8-tekstbestand (binaire inhoud?)")]
    return parse_text(text, path)


class _NodeError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _text(token: Token) -> str:
    """Strip the quotes of a STRING token; triple-quoted text keeps its line breaks, not its indentation."""
    s = str(token)
    if s.startswith('"""'):
        body = textwrap.dedent(s[3:-3]).strip("\n")
        return "\n".join(line.strip() for line in body.splitlines()).strip()
    return s[1:-1]


@v_args(inline=True, meta=True)
class _ToAst(Transformer[Token, Any]):
    """One callback per grammar rule; each builds one AST node with its span (provision filled in later)."""

    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file

    def _span(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.file, 0, 0, 0, 0)
        return Span(self.file, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tok_span(self, tok: Token) -> Span:
        return Span(self.file, tok.line or 0, tok.column or 0, tok.end_line or 0, tok.end_column or 0)

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
            if isinstance(x, _Bron):
                bron = x.text
            elif isinstance(x, _Gegevens):
                gegevens = x.items
            elif isinstance(x, _Structuur):
                structuur = (x.hoofdstukken, x.artikelen)
            elif isinstance(x, ast.Bijlage):
                bijlagen.append(x)
            elif isinstance(x, ast.Eigenschap):
                eigenschappen.append(x)
        return ast.Regeling(_text(titel), versie, variant, geldig, bron, gegevens, structuur[0], structuur[1],
                            tuple(bijlagen), tuple(eigenschappen), self._span(meta))

    def versie(self, meta: Meta, ident: Token, variant: Token | None = None) -> tuple[str, bool]:
        return str(ident), variant is not None

    def geldig(self, meta: Meta, datum: Token) -> datetime.date:
        try:
            return datetime.date.fromisoformat(str(datum))
        except ValueError:
            raise _NodeError(Diagnostic("E010", self._tok_span(datum), f"'{datum}' is geen geldige datum")) from None

    def bron(self, meta: Meta, s: Token) -> _Bron:
        return _Bron(_text(s))

    def basis(self, meta: Meta, ident: Token) -> _Basis:
        return _Basis(str(ident))

    def gegevens(self, meta: Meta, *decls: ast.Declaratie) -> _Gegevens:
        return _Gegevens(tuple(decls))

    def structuur_hoofdstukken(self, meta: Meta, *hs: ast.Hoofdstuk) -> _Structuur:
        return _Structuur(tuple(hs), ())

    def structuur_artikelen(self, meta: Meta, *arts: ast.Artikel) -> _Structuur:
        return _Structuur((), tuple(arts))

    def hoofdstuk(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Hoofdstuk:
        titel = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        parts = [x for x in rest if not isinstance(x, Token)]
        return ast.Hoofdstuk(str(nummer), titel, tuple(p for p in parts if isinstance(p, ast.Paragraaf)),
                             tuple(a for a in parts if isinstance(a, ast.Artikel)), self._span(meta))

    def paragraaf(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Paragraaf:
        titel = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        return ast.Paragraaf(str(nummer), titel, tuple(a for a in rest if isinstance(a, ast.Artikel)),
                             self._span(meta))

    # ---- provisions -------------------------------------------------------------------------------
    def inhoud(self, meta: Meta, *parts: Any) -> _Inhoud:
        tekst = next((p.text for p in parts if isinstance(p, _Tekst)), "")
        toel = next((p.text for p in parts if isinstance(p, _Toelichting)), "")
        return _Inhoud(tekst, toel, tuple(p for p in parts if isinstance(p, (ast.Begrip, ast.Regel))))

    def tekst(self, meta: Meta, s: Token) -> _Tekst:
        return _Tekst(_text(s))

    def toelichting(self, meta: Meta, s: Token) -> _Toelichting:
        return _Toelichting(_text(s))

    def artikel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Artikel:
        titel = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        inh = next(x for x in rest if isinstance(x, _Inhoud))
        return ast.Artikel(str(nummer), titel, inh.tekst, inh.toelichting, inh.items,
                           tuple(x for x in rest if isinstance(x, ast.Lid)),
                           tuple(x for x in rest if isinstance(x, ast.Onderdeel)), self._span(meta))

    def lid(self, meta: Meta, nummer: Token, inh: _Inhoud, *onderdelen: ast.Onderdeel) -> ast.Lid:
        return ast.Lid(str(nummer), inh.tekst, inh.toelichting, inh.items, tuple(onderdelen), self._span(meta))

    def onderdeel(self, meta: Meta, letter: Token, inh: _Inhoud, *subs: ast.Subonderdeel) -> ast.Onderdeel:
        return ast.Onderdeel(str(letter), inh.tekst, inh.toelichting, inh.items, tuple(subs), self._span(meta))

    def subonderdeel(self, meta: Meta, nummer: Token, inh: _Inhoud) -> ast.Subonderdeel:
        return ast.Subonderdeel(str(nummer), inh.tekst, inh.toelichting, inh.items, self._span(meta))

    # ---- declarations -----------------------------------------------------------------------------
    def enumeratie(self, meta: Meta, naam: Token, *rest: Any) -> ast.Enumeratie:
        label = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        return ast.Enumeratie(str(naam), label, tuple(x for x in rest if isinstance(x, ast.EnumWaarde)),
                              self._span(meta))

    def enumwaarde(self, meta: Meta, naam: Token, label: Token | None = None) -> ast.EnumWaarde:
        return ast.EnumWaarde(str(naam), _text(label) if label else "", self._span(meta))

    def invoer(self, meta: Meta, naam: Token, type_: ast.TypeExpr, *rest: Any) -> ast.Invoer:
        bereik = next((x for x in rest if isinstance(x, tuple)), None)
        optioneel = any(isinstance(x, Token) and x.type == "OPTIONEEL" for x in rest)
        label = next((_text(x) for x in rest if isinstance(x, Token) and x.type == "STRING"), "")
        return ast.Invoer(str(naam), type_, bereik, optioneel, label, self._span(meta))

    def uitkomst(self, meta: Meta, naam: Token, type_: ast.TypeExpr, *rest: Any) -> ast.Uitkomst:
        standaard = next((x.expr for x in rest if isinstance(x, _Standaard)), None)
        label = next((_text(x) for x in rest if isinstance(x, Token)), "")
        return ast.Uitkomst(str(naam), type_, standaard, label, self._span(meta))

    def standaard(self, meta: Meta, expr: ast.Expr) -> _Standaard:
        return _Standaard(expr)

    def bereik(self, meta: Meta, lo: ast.Literal, hi: ast.Literal) -> tuple[ast.Literal, ast.Literal]:
        return (lo, hi)

    def _type(self, meta: Meta, kind: str, name: str = "") -> ast.TypeExpr:
        return ast.TypeExpr(kind, name, self._span(meta))

    def type_bool(self, meta: Meta, *_: Token) -> ast.TypeExpr:
        return self._type(meta, "bool")

    def type_geheel(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, "geheel")

    def type_decimaal(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, "decimaal")

    def type_geld(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, "geld")

    def type_datum(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, "datum")

    def type_duur(self, meta: Meta) -> ast.TypeExpr:
        return self._type(meta, "duur")

    def type_enum(self, meta: Meta, naam: Token) -> ast.TypeExpr:
        return self._type(meta, "enum", str(naam))

    def _begrip(self, meta: Meta, naam: Token, rest: tuple[Any, ...], is_parameter: bool) -> ast.Begrip:
        label = _text(rest[0]) if isinstance(rest[0], Token) else ""
        type_, expr = rest[-2], rest[-1]
        return ast.Begrip(str(naam), label, type_, expr, is_parameter, self._span(meta))

    def begrip(self, meta: Meta, naam: Token, *rest: Any) -> ast.Begrip:
        return self._begrip(meta, naam, rest, False)

    def parameter(self, meta: Meta, naam: Token, *rest: Any) -> ast.Begrip:
        return self._begrip(meta, naam, rest, True)

    # ---- rules ------------------------------------------------------------------------------------
    def regel(self, meta: Meta, *parts: Any) -> ast.Regel:
        afwijking = next((x.refs for x in parts if isinstance(x, _Afwijking)), ())
        toek = tuple(x for x in parts if isinstance(x, ast.Toekenning))
        voorwaarde = next((x.expr for x in parts if isinstance(x, _Voorwaarde)), None)
        tenzij = next((x.expr for x in parts if isinstance(x, _Tenzij)), None)
        return ast.Regel(afwijking, toek, voorwaarde, tenzij, self._span(meta))

    def afwijking(self, meta: Meta, *refs: ast.Verwijzing) -> _Afwijking:
        return _Afwijking(tuple(refs))

    def toekenning(self, meta: Meta, naam: Token, expr: ast.Expr) -> ast.Toekenning:
        return ast.Toekenning(str(naam), expr, self._span(meta))

    def voorwaarde(self, meta: Meta, expr: ast.Expr) -> _Voorwaarde:
        return _Voorwaarde(expr)

    def tenzij(self, meta: Meta, expr: ast.Expr) -> _Tenzij:
        return _Tenzij(expr)

    def verwijzing_artikel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Verwijzing:
        lid = next((x for x in rest if isinstance(x, _Lidnr)), None)
        ond = next((str(x) for x in rest if isinstance(x, Token)), "")
        return ast.Verwijzing(ProvisionRef(str(nummer), lid.nummer if lid else "", ond), self._span(meta))

    def doel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.Verwijzing:
        return self.verwijzing_artikel(meta, nummer, *rest)

    def verwijzing_lid(self, meta: Meta, lid: _Lidnr, ond: Token | None = None) -> ast.Verwijzing:
        # Relative: the artikel is filled in by _annotate from where the citation stands.
        return ast.Verwijzing(ProvisionRef("", lid.nummer, str(ond) if ond else ""), self._span(meta))

    def verwijzing_onderdeel(self, meta: Meta, ond: Token) -> ast.Verwijzing:
        return ast.Verwijzing(ProvisionRef("", "", str(ond)), self._span(meta))

    def lidnr_woord(self, meta: Meta, woord: Token) -> _Lidnr:
        return _Lidnr(lidnummer_van_woord(str(woord)))

    def lidnr_getal(self, meta: Meta, nummer: Token) -> _Lidnr:
        return _Lidnr(str(nummer))

    # ---- bijlagen ---------------------------------------------------------------------------------
    def bijlage(self, meta: Meta, letter: Token, *rest: Any) -> ast.Bijlage:
        titel = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        tekst = next((x.text for x in rest if isinstance(x, _Tekst)), "")
        toel = next((x.text for x in rest if isinstance(x, _Toelichting)), "")
        return ast.Bijlage(str(letter), titel, tekst, toel, tuple(x for x in rest if isinstance(x, ast.Tabel)),
                           self._span(meta))

    def tabel(self, meta: Meta, naam: Token, *rest: Any) -> ast.Tabel:
        label = _text(rest[0]) if isinstance(rest[0], Token) else ""
        sleutel = next(x for x in rest if isinstance(x, ast.TypeExpr))
        return ast.Tabel(str(naam), label, sleutel, tuple(x for x in rest if isinstance(x, ast.Kolom)),
                         tuple(x for x in rest if isinstance(x, ast.Rij)), self._span(meta))

    def kolom(self, meta: Meta, naam: Token, type_: ast.TypeExpr, label: Token | None = None) -> ast.Kolom:
        return ast.Kolom(str(naam), type_, _text(label) if label else "", self._span(meta))

    def _rij(self, meta: Meta, key: Token, rest: tuple[Any, ...]) -> ast.Rij:
        label = _text(rest[-1]) if rest and isinstance(rest[-1], Token) else ""
        vals = tuple(x for x in rest if not isinstance(x, Token))
        return ast.Rij(str(key), vals, label, self._span(meta))

    def rij(self, meta: Meta, key: Token, *rest: Any) -> ast.Rij:
        return self._rij(meta, key, rest)

    # ---- eigenschappen ----------------------------------------------------------------------------
    def eigenschap(self, meta: Meta, naam: Token, *rest: Any) -> ast.Eigenschap:
        label = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        versies = next((x.ids for x in rest if isinstance(x, _Versies)), None)
        waarvoor = next((x.expr for x in rest if isinstance(x, _Waarvoor)), None)
        eis = next(x for x in rest if isinstance(x, (ast.Geldt, ast.Monotoon)))
        return ast.Eigenschap(str(naam), label, versies, waarvoor, eis, self._span(meta))

    def versies(self, meta: Meta, a: Token, b: Token) -> _Versies:
        return _Versies((str(a), str(b)))

    def waarvoor(self, meta: Meta, expr: ast.Expr) -> _Waarvoor:
        return _Waarvoor(expr)

    def eis_geldt(self, meta: Meta, expr: ast.Expr) -> ast.Geldt:
        return ast.Geldt(expr, self._span(meta))

    def eis_monotoon(self, meta: Meta, uitkomst: Token, invoer: Token) -> ast.Monotoon:
        return ast.Monotoon(str(uitkomst), str(invoer), self._span(meta))

    # ---- wijzigingsregeling -----------------------------------------------------------------------
    def wijzigingsregeling(self, meta: Meta, titel: Token, *rest: Any) -> ast.Wijzigingsregeling:
        versie, variant = rest[0]
        basis = next(x.ident for x in rest if isinstance(x, _Basis))
        geldig = next(x for x in rest if isinstance(x, datetime.date))
        bron = next((x.text for x in rest if isinstance(x, _Bron)), "")
        return ast.Wijzigingsregeling(
            _text(titel), versie, variant, basis, geldig, bron,
            tuple(x for x in rest if isinstance(x, ast.WijzigingsArtikel)),
            tuple(x for x in rest if isinstance(x, ast.Eigenschap)), self._span(meta))

    def wijzigingsartikel(self, meta: Meta, nummer: Token, *rest: Any) -> ast.WijzigingsArtikel:
        titel = _text(rest[0]) if rest and isinstance(rest[0], Token) else ""
        tekst = next((x.text for x in rest if isinstance(x, _Tekst)), "")
        toel = next((x.text for x in rest if isinstance(x, _Toelichting)), "")
        return ast.WijzigingsArtikel(str(nummer), titel, tekst, toel,
                                     tuple(x for x in rest if isinstance(x, ast.Wijziging)), self._span(meta))

    def wijziging(self, meta: Meta, letter: Token, *rest: Any) -> ast.Wijziging:
        tekst = next((x.text for x in rest if isinstance(x, _Tekst)), "")
        toel = next((x.text for x in rest if isinstance(x, _Toelichting)), "")
        instr = tuple(x for x in rest if not isinstance(x, (_Tekst, _Toelichting)))
        return ast.Wijziging(str(letter), tekst, toel, instr, self._span(meta))

    def bepaling(self, meta: Meta, b: ast.Bepaling) -> ast.Bepaling:
        return b

    def komt_te_luiden(self, meta: Meta, doel: ast.Verwijzing, b: ast.Bepaling) -> ast.KomtTeLuiden:
        return ast.KomtTeLuiden(doel, b, self._span(meta))

    def vervalt(self, meta: Meta, doel: ast.Verwijzing) -> ast.Vervalt:
        return ast.Vervalt(doel, self._span(meta))

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

    def gegevens_waarde(self, meta: Meta, enum: Token, waarde: Token, *label: Token) -> ast.GegevensInstructie:
        value = ast.EnumWaarde(str(waarde), _text(label[0]) if label else "", self._span(meta))
        return ast.GegevensInstructie("waarde", str(enum), None, value, self._span(meta))

    def rij_vervalt(self, meta: Meta, key: Token) -> ast.RijWijziging:
        return ast.RijWijziging("vervalt", str(key), None, self._span(meta))

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
        return ast.Literal(values.integer(int(tok)), "geheel", str(tok), self._span(meta))

    def decimaal(self, meta: Meta, tok: Token) -> ast.Literal:
        return ast.Literal(values.decimal_of_text(str(tok)), "decimaal", str(tok), self._span(meta))

    def geld(self, meta: Meta, tok: Token) -> ast.Literal:
        return ast.Literal(values.money_of_text(str(tok)), "geld", str(tok), self._span(meta))

    def datum(self, meta: Meta, tok: Token) -> ast.Literal:
        try:
            return ast.Literal(values.date_of_text(str(tok)), "datum", str(tok), self._span(meta))
        except ValueError:
            raise _NodeError(Diagnostic("E010", self._span(meta), f"'{tok}' is geen geldige datum")) from None

    def duur(self, meta: Meta, n: Token, unit: Token) -> ast.Literal:
        return ast.Literal(values.duration(int(n), str(unit)), "duur", f"{n} {unit}", self._span(meta))

    def waar(self, meta: Meta) -> ast.Literal:
        return ast.Literal(True, "bool", "waar", self._span(meta))

    def onwaar(self, meta: Meta) -> ast.Literal:
        return ast.Literal(False, "bool", "onwaar", self._span(meta))

    def verzameling(self, meta: Meta, *items: ast.Expr) -> ast.SetLit:
        return ast.SetLit(tuple(i for i in items if i is not None), self._span(meta))

    def aanroep(self, meta: Meta, func: Token, *args: ast.Expr) -> ast.Call:
        return ast.Call(str(func), tuple(args), self._span(meta))

    def als_dan(self, meta: Meta, c: ast.Expr, a: ast.Expr, b: ast.Expr) -> ast.IfThenElse:
        return ast.IfThenElse(c, a, b, self._span(meta))


@dataclasses.dataclass(frozen=True)
class _Bron:
    text: str


@dataclasses.dataclass(frozen=True)
class _Basis:
    ident: str


@dataclasses.dataclass(frozen=True)
class _Gegevens:
    items: tuple[ast.Declaratie, ...]


@dataclasses.dataclass(frozen=True)
class _Structuur:
    hoofdstukken: tuple[ast.Hoofdstuk, ...]
    artikelen: tuple[ast.Artikel, ...]


@dataclasses.dataclass(frozen=True)
class _Inhoud:
    tekst: str
    toelichting: str
    items: tuple[ast.Item, ...]


@dataclasses.dataclass(frozen=True)
class _Tekst:
    text: str


@dataclasses.dataclass(frozen=True)
class _Toelichting:
    text: str


@dataclasses.dataclass(frozen=True)
class _Standaard:
    expr: ast.Expr


@dataclasses.dataclass(frozen=True)
class _Afwijking:
    refs: tuple[ast.Verwijzing, ...]


@dataclasses.dataclass(frozen=True)
class _Voorwaarde:
    expr: ast.Expr


@dataclasses.dataclass(frozen=True)
class _Tenzij:
    expr: ast.Expr


@dataclasses.dataclass(frozen=True)
class _Lidnr:
    nummer: str


@dataclasses.dataclass(frozen=True)
class _Versies:
    ids: tuple[str, str]


@dataclasses.dataclass(frozen=True)
class _Waarvoor:
    expr: ast.Expr


# --------------------------------------------------------------------------------------------------
# Provision annotation: give each provision and item the ProvisionRef it stands in, and make relative
# citations ("tweede lid", "onderdeel b") absolute. Public for versions.consolidate, which re-annotates
# provisions it inserts.
# --------------------------------------------------------------------------------------------------


def _annotate(doc: ast.Document, diagnostics: list[Diagnostic]) -> ast.Document:
    if isinstance(doc, ast.Regeling):
        return annotate_regeling(doc)
    return dataclasses.replace(doc, artikelen=tuple(
        dataclasses.replace(wa, wijzigingen=tuple(
            dataclasses.replace(w, instructies=tuple(_annotate_instructie(i) for i in w.instructies))
            for w in wa.wijzigingen))
        for wa in doc.artikelen))


def _annotate_instructie(instr: ast.Instructie) -> ast.Instructie:
    """A provision in an instruction is annotated as if it already stood where it will stand."""
    if isinstance(instr, ast.KomtTeLuiden):
        return dataclasses.replace(instr, bepaling=annotate_bepaling(instr.bepaling, instr.doel.ref))
    if isinstance(instr, ast.Ingevoegd):
        return dataclasses.replace(instr, bepaling=annotate_bepaling(
            instr.bepaling, _inserted_ref(instr.anker.ref, instr.bepaling)))
    return instr


def _inserted_ref(anker: ProvisionRef, b: ast.Bepaling) -> ProvisionRef:
    if isinstance(b, ast.Artikel):
        return ProvisionRef(b.nummer)
    if isinstance(b, ast.Lid):
        return ProvisionRef(anker.artikel, b.nummer)
    return ProvisionRef(anker.artikel, anker.lid, b.letter)


def annotate_bepaling(b: ast.Bepaling, where: ProvisionRef) -> ast.Bepaling:
    """Annotate a provision that will stand at ``where`` (its own number is taken from ``b``)."""
    if isinstance(b, ast.Artikel):
        return _ann_artikel(b)
    if isinstance(b, ast.Lid):
        return _ann_lid(b, ProvisionRef(where.artikel, b.nummer))
    return _ann_onderdeel(b, ProvisionRef(where.artikel, where.lid, b.letter))


def annotate_regeling(reg: ast.Regeling) -> ast.Regeling:
    return dataclasses.replace(
        reg,
        artikelen=tuple(_ann_artikel(a) for a in reg.artikelen),
        hoofdstukken=tuple(dataclasses.replace(
            h, artikelen=tuple(_ann_artikel(a) for a in h.artikelen),
            paragrafen=tuple(dataclasses.replace(p, artikelen=tuple(_ann_artikel(a) for a in p.artikelen))
                             for p in h.paragrafen))
            for h in reg.hoofdstukken),
        bijlagen=tuple(dataclasses.replace(
            b, span=b.span.in_provision(ProvisionRef(bijlage=b.letter)),
            tabellen=tuple(dataclasses.replace(t, span=t.span.in_provision(ProvisionRef(bijlage=b.letter)))
                           for t in b.tabellen))
            for b in reg.bijlagen))


def _ann_items(items: tuple[ast.Item, ...], ref: ProvisionRef) -> tuple[ast.Item, ...]:
    out: list[ast.Item] = []
    for it in items:
        if isinstance(it, ast.Regel):
            refs = tuple(ast.Verwijzing(_absolute(v.ref, ref), v.span.in_provision(ref)) for v in it.afwijking)
            out.append(dataclasses.replace(it, afwijking=refs, span=it.span.in_provision(ref),
                                           toekenningen=tuple(dataclasses.replace(t, span=t.span.in_provision(ref))
                                                              for t in it.toekenningen)))
        else:
            out.append(dataclasses.replace(it, span=it.span.in_provision(ref)))
    return tuple(out)


def _absolute(target: ProvisionRef, here: ProvisionRef) -> ProvisionRef:
    if target.artikel:
        return target
    if target.lid:
        return ProvisionRef(here.artikel, target.lid, target.onderdeel)
    return ProvisionRef(here.artikel, here.lid, target.onderdeel)


def _ann_artikel(a: ast.Artikel) -> ast.Artikel:
    ref = ProvisionRef(a.nummer)
    return dataclasses.replace(
        a, span=a.span.in_provision(ref), items=_ann_items(a.items, ref),
        leden=tuple(_ann_lid(lid, ProvisionRef(a.nummer, lid.nummer)) for lid in a.leden),
        onderdelen=tuple(_ann_onderdeel(o, ProvisionRef(a.nummer, "", o.letter)) for o in a.onderdelen))


def _ann_lid(lid: ast.Lid, ref: ProvisionRef) -> ast.Lid:
    return dataclasses.replace(
        lid, span=lid.span.in_provision(ref), items=_ann_items(lid.items, ref),
        onderdelen=tuple(_ann_onderdeel(o, ProvisionRef(ref.artikel, ref.lid, o.letter)) for o in lid.onderdelen))


def _ann_onderdeel(o: ast.Onderdeel, ref: ProvisionRef) -> ast.Onderdeel:
    return dataclasses.replace(
        o, span=o.span.in_provision(ref), items=_ann_items(o.items, ref),
        subonderdelen=tuple(dataclasses.replace(
            s, span=s.span.in_provision(dataclasses.replace(ref, subonderdeel=s.nummer)),
            items=_ann_items(s.items, dataclasses.replace(ref, subonderdeel=s.nummer)))
            for s in o.subonderdelen))
