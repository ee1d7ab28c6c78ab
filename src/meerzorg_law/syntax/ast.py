"""The AST: frozen, slotted dataclasses built by ``syntax.parse``; children are tuples, every node has a span.

The nodes live in three modules by what they describe: ``ast_expr`` (expressions), ``ast_regeling`` (a
regeling: declarations, rules, provisions, bijlagen, eigenschappen) and ``ast_wijziging`` (a wijzigingsregeling
and its instructions); all are re-exported here, so callers write ``ast.BinOp`` and ``ast.Artikel`` alike.
Nothing here knows about types or evaluation; ``semantics`` turns a (consolidated) ``Regeling`` into IR.
"""

from __future__ import annotations

from typing import Union

from .ast_expr import (
    BinOp,
    Call,
    Column,
    Expr,
    ExprVisitor,
    IfThenElse,
    In,
    Known,
    Literal,
    Lookup,
    Met,
    Name,
    SetLit,
    Unary,
    Volgens,
)
from .ast_regeling import (
    Artikel,
    Begrip,
    Begripsomschrijving,
    Bepaling,
    Beperking,
    Bijlage,
    Declaratie,
    Eigenschap,
    Enumeratie,
    EnumWaarde,
    Geldt,
    Herkomst,
    HerkomstDeel,
    Hoofdstuk,
    Invoer,
    Item,
    Kolom,
    Lid,
    Monotoon,
    Onderdeel,
    Paragraaf,
    Rangorde,
    Regel,
    Regeling,
    Rij,
    Subonderdeel,
    Tabel,
    Toekenning,
    TypeExpr,
    Uitkomst,
    Verwijzing,
    Zin,
    alfabetische_sleutel,
)
from .ast_wijziging import (
    AlfabetischIngevoegd,
    GegevensInstructie,
    GegevensWijziging,
    Ingevoegd,
    Instructie,
    KomtTeLuiden,
    RijWijziging,
    StructuurIngevoegd,
    StructuurVervalt,
    TabelWijziging,
    Vernummerd,
    Vervalt,
    Vervangen,
    Wijziging,
    WijzigingsArtikel,
    Wijzigingsregeling,
)

__all__ = [
    "AlfabetischIngevoegd", "Artikel", "Begrip", "Begripsomschrijving", "Bepaling", "Beperking", "Bijlage", "BinOp",
    "Call", "Column", "Declaratie", "Document",
    "Eigenschap", "EnumWaarde", "Enumeratie", "Expr", "ExprVisitor", "GegevensInstructie", "GegevensWijziging",
    "Geldt", "Herkomst", "HerkomstDeel",
    "Hoofdstuk", "IfThenElse", "In", "Ingevoegd", "Instructie", "Invoer", "Item", "Known",
    "Kolom", "KomtTeLuiden", "Lid", "Literal", "Lookup", "Met", "Monotoon", "Name", "Onderdeel", "Paragraaf",
    "Rangorde", "Regel", "Regeling", "Rij", "RijWijziging", "SetLit", "StructuurIngevoegd", "StructuurVervalt",
    "Subonderdeel",
    "Tabel", "TabelWijziging", "Toekenning", "TypeExpr", "Uitkomst", "Unary", "Vernummerd", "Vervalt", "Vervangen",
    "Verwijzing", "Volgens", "Wijziging", "WijzigingsArtikel", "Wijzigingsregeling", "Zin",
    "alfabetische_sleutel",
]

Document = Union[Regeling, Wijzigingsregeling]
