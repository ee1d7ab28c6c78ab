"""Intermediate values that the Transformer passes from a grammar rule up to the node that owns them."""

from __future__ import annotations

import dataclasses
import datetime

from ..span import Span
from . import ast


@dataclasses.dataclass(frozen=True)
class Bron:
    text: str


@dataclasses.dataclass(frozen=True)
class Basis:
    ident: str


@dataclasses.dataclass(frozen=True)
class Gegevens:
    items: tuple[ast.Declaratie, ...]


@dataclasses.dataclass(frozen=True)
class Structuur:
    hoofdstukken: tuple[ast.Hoofdstuk, ...]
    artikelen: tuple[ast.Artikel, ...]


@dataclasses.dataclass(frozen=True)
class Inhoud:
    tekst: str
    toelichting: str
    items: tuple[ast.Item, ...]
    herkomst: ast.Herkomst | None = None


@dataclasses.dataclass(frozen=True)
class Tekst:
    text: str


@dataclasses.dataclass(frozen=True)
class Toelichting:
    text: str


@dataclasses.dataclass(frozen=True)
class Standaard:
    expr: ast.Expr


@dataclasses.dataclass(frozen=True)
class Afwijking:
    refs: tuple[ast.Verwijzing, ...]


@dataclasses.dataclass(frozen=True)
class Voorwaarde:
    expr: ast.Expr


@dataclasses.dataclass(frozen=True)
class Tenzij:
    expr: ast.Expr


@dataclasses.dataclass(frozen=True)
class Lidnr:
    nummer: str


@dataclasses.dataclass(frozen=True)
class Versies:
    ids: tuple[str, str]


@dataclasses.dataclass(frozen=True)
class Waarvoor:
    expr: ast.Expr




@dataclasses.dataclass(frozen=True)
class HerkomstBronnen:
    ids: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Alternatief:
    text: str


@dataclasses.dataclass(frozen=True)
class Geldig:
    datum: datetime.date
    span: Span


@dataclasses.dataclass(frozen=True)
class Aanhef:
    text: str


@dataclasses.dataclass(frozen=True)
class Ondertekening:
    text: str


@dataclasses.dataclass(frozen=True)
class Citeertitel:
    text: str
