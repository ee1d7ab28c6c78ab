"""The AST: frozen, slotted dataclasses built by ``syntax.parse``; children are tuples, every node has a span.

The nodes live in three modules by what they describe: ``ast_expr`` (expressions), ``ast_regeling`` (a
regeling: declarations, rules, provisions, bijlagen, eigenschappen) and ``ast_wijziging`` (a wijzigingsregeling
and its instructions); all are re-exported here, so callers write ``ast.BinOp`` and ``ast.Artikel`` alike.
Nothing here knows about types or evaluation; ``semantics`` turns a (consolidated) ``Regeling`` into IR.
"""

from __future__ import annotations

from typing import Union

from ..herkomst import Herkomst, HerkomstDeel
from . import ast_wijziging as _wijziging
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
    BEPALING_KINDS,
    DECLARATIE_KINDS,
    ITEM_KINDS,
    Artikel,
    Begrip,
    Begripsomschrijving,
    Bepaling,
    BepalingVisitor,
    Beperking,
    Bijlage,
    Declaratie,
    DeclaratieVisitor,
    Eigenschap,
    Enumeratie,
    EnumWaarde,
    Geldt,
    Hoofdstuk,
    Invoer,
    Item,
    ItemVisitor,
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
    kinderen,
    niveau,
    nummer,
)
from .ast_wijziging import *  # noqa: F403  (every instruction kind: a new one is written in ast_wijziging alone)

__all__ = [
    "BEPALING_KINDS", "DECLARATIE_KINDS", "ITEM_KINDS",
    "Artikel", "Begrip", "Begripsomschrijving", "Bepaling", "BepalingVisitor", "Beperking", "Bijlage", "BinOp",
    "Call", "Column",
    "Declaratie", "DeclaratieVisitor", "Document", "Eigenschap", "EnumWaarde", "Enumeratie", "Expr", "ExprVisitor",
    "Geldt", "Herkomst", "HerkomstDeel", "Hoofdstuk", "IfThenElse", "In", "Invoer", "Item", "ItemVisitor", "Known",
    "Kolom", "Lid", "Literal", "Lookup", "Met", "Monotoon", "Name", "Onderdeel", "Paragraaf", "Rangorde", "Regel",
    "Regeling", "Rij", "SetLit", "Subonderdeel", "Tabel", "Toekenning", "TypeExpr", "Uitkomst", "Unary",
    "Verwijzing", "Volgens", "Zin", "alfabetische_sleutel", "kinderen", "niveau", "nummer",
]
__all__ += _wijziging.__all__

Document = Union[Regeling, _wijziging.Wijzigingsregeling]
