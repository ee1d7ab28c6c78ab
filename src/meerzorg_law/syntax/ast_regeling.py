"""AST of a regeling as written: declarations, rules and definitions, provisions, bijlagen and eigenschappen.

Re-exported by ``ast``; frozen, slotted dataclasses with a span, children in tuples.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from typing import TypeVar, Union

from ..familie import Traversal
from ..herkomst import Herkomst
from ..span import ProvisionRef, Span
from ..types import TypeKind
from .ast_expr import Expr, Literal

A = TypeVar("A")
R = TypeVar("R")

# --------------------------------------------------------------------------------------------------
# Declarations
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeExpr:
    """``kind`` is a TypeKind; with ``TypeKind.ENUM``, ``name`` is the enumeratie."""

    kind: TypeKind
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Zin:
    """The clause that states a fact, begrip or enumeration value in a Dutch reading: for waar/onwaar a main
    clause with its finite verb in brackets ("de verzekerde [ontvangt] zorg thuis") and optionally its negation
    ("de verzekerde [ontvangt] geen zorg thuis"), so "niet"/"geen" stands where Dutch puts it; else a noun phrase
    with its article ("de leveringsvorm van de zorg")."""

    tekst: str
    ontkend: str
    span: Span


@dataclass(frozen=True, slots=True)
class EnumWaarde:
    name: str
    label: str
    span: Span
    zin: Zin | None = None


@dataclass(frozen=True, slots=True)
class Enumeratie:
    name: str
    label: str
    values: tuple[EnumWaarde, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Invoer:
    name: str
    type: TypeExpr
    bereik: tuple[Literal, Literal] | None
    optioneel: bool
    label: str
    span: Span
    zin: Zin | None = None


@dataclass(frozen=True, slots=True)
class Uitkomst:
    name: str
    type: TypeExpr
    standaard: Expr | None
    label: str
    span: Span
    zin: Zin | None = None


@dataclass(frozen=True, slots=True)
class Beperking:
    """A constraint on the facts of a case (``beperking week "...": a + b <= 168``), checked when a case is
    loaded: input a week cannot hold is an input error at the facts, never an outcome."""

    name: str
    label: str
    expr: Expr
    span: Span


Declaratie = Union[Enumeratie, Invoer, Uitkomst, Beperking]

# Every kind of declaration with its method on DeclaratieVisitor (tests/test_families.py checks every pass).
DECLARATIE_KINDS: dict[type, str] = {
    Enumeratie: "enumeratie", Invoer: "invoer", Uitkomst: "uitkomst", Beperking: "beperking",
}


class DeclaratieVisitor(Traversal[A, R]):
    """The one traversal over the declarations of the gegevens (lowering, the printer, the document's words)."""

    KINDS = DECLARATIE_KINDS
    abstract_visitor = True

    def visit(self, d: Declaratie, arg: A) -> R:
        return self.dispatch(d, arg)

    def enumeratie(self, d: Enumeratie, arg: A) -> R:
        raise NotImplementedError
    def invoer(self, d: Invoer, arg: A) -> R:
        raise NotImplementedError
    def uitkomst(self, d: Uitkomst, arg: A) -> R:
        raise NotImplementedError
    def beperking(self, d: Beperking, arg: A) -> R:
        raise NotImplementedError

# --------------------------------------------------------------------------------------------------
# Items inside provisions
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verwijzing:
    """A citation. After parsing, relative citations are made absolute against where they stand."""

    ref: ProvisionRef
    span: Span


@dataclass(frozen=True, slots=True)
class Begrip:
    """A definition (``begrip``) or a named policy parameter (``parameter``): one value, cited."""

    name: str
    label: str
    type: TypeExpr
    expr: Expr
    is_parameter: bool
    span: Span
    herkomst: Herkomst | None = None
    zin: Zin | None = None


@dataclass(frozen=True, slots=True)
class Toekenning:
    outcome: str
    expr: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Regel:
    """A rule; with ``afwijking`` it is an exception ("in afwijking van ...") to the rules it cites."""

    afwijking: tuple[Verwijzing, ...]
    toekenningen: tuple[Toekenning, ...]
    voorwaarde: Expr | None
    tenzij: Expr | None
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Rangorde:
    """The order in which rules are tested where the text makes no exception ("in afwijking van" is kept for
    what the text says): each rule in an earlier provision of ``volgorde`` goes before those in later ones."""

    label: str
    volgorde: tuple[Verwijzing, ...]
    span: Span


Item = Union[Begrip, Regel, Rangorde]

# The items of a provision: begrippen and parameters (declarations with a value), and the default-logic tree as
# written: rules, their exceptions ("in afwijking van") and "tenzij", and the rangorde. One method each.
ITEM_KINDS: dict[type, str] = {Begrip: "begrip", Regel: "regel", Rangorde: "rangorde"}


class ItemVisitor(Traversal[A, R]):
    """The one traversal over the items of a provision (lowering, the printer, annotation)."""

    KINDS = ITEM_KINDS
    abstract_visitor = True

    def visit(self, item: Item, arg: A) -> R:
        return self.dispatch(item, arg)

    def begrip(self, item: Begrip, arg: A) -> R:
        raise NotImplementedError
    def regel(self, item: Regel, arg: A) -> R:
        raise NotImplementedError
    def rangorde(self, item: Rangorde, arg: A) -> R:
        raise NotImplementedError

# --------------------------------------------------------------------------------------------------
# Provisions
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Subonderdeel:
    nummer: str
    tekst: str
    toelichting: str
    items: tuple[Item, ...]
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Onderdeel:
    letter: str
    tekst: str
    toelichting: str
    items: tuple[Item, ...]
    subonderdelen: tuple[Subonderdeel, ...]
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Lid:
    nummer: str
    tekst: str
    toelichting: str
    items: tuple[Item, ...]
    onderdelen: tuple[Onderdeel, ...]
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Begripsomschrijving:
    """One entry of an alphabetical begrippenlijst (artikel 1.1: "In deze regeling wordt verstaan onder:"),
    addressed by its ``term`` instead of a letter: ``tekst`` is the omschrijving after "term: ", ``items`` the
    formal definition beside it (a ``begrip``), cited "artikel 1.1, begripsomschrijving van 'term'"."""

    term: str
    tekst: str
    toelichting: str
    items: tuple[Item, ...]
    span: Span
    herkomst: Herkomst | None = None


def alfabetische_sleutel(term: str) -> tuple[str, str]:
    """Where a term stands in a begrippenlijst: dictionary order, letter by letter, without regard to capitals,
    accents, spaces or hyphens, as a Dutch dictionary sorts ("zorgaanbieder" before "zorg thuis"); the term
    itself decides a tie."""
    kaal = unicodedata.normalize("NFKD", term.casefold())
    return "".join(c for c in kaal if c.isalnum()), term


@dataclass(frozen=True, slots=True)
class Artikel:
    """``begrippen``: an alphabetical begrippenlijst instead of leden or onderdelen (at most one of the three)."""

    nummer: str
    titel: str
    tekst: str
    toelichting: str
    items: tuple[Item, ...]
    leden: tuple[Lid, ...]
    onderdelen: tuple[Onderdeel, ...]
    span: Span
    herkomst: Herkomst | None = None
    begrippen: tuple[Begripsomschrijving, ...] = ()


Bepaling = Union[Artikel, Lid, Onderdeel, Subonderdeel, Begripsomschrijving]

# The provision tree, artikel > lid > onderdeel > subonderdeel (or artikel > begripsomschrijving), with the
# method of each on BepalingVisitor.
BEPALING_KINDS: dict[type, str] = {Artikel: "artikel", Lid: "lid", Onderdeel: "onderdeel", Subonderdeel: "subonderdeel",
                                   Begripsomschrijving: "begripsomschrijving"}


class BepalingVisitor(Traversal[A, R]):
    """The one traversal over the provision tree (the printer, annotation, the document model, consolidation)."""

    KINDS = BEPALING_KINDS
    abstract_visitor = True

    def visit(self, b: Bepaling, arg: A) -> R:
        return self.dispatch(b, arg)

    def artikel(self, b: Artikel, arg: A) -> R:
        raise NotImplementedError
    def lid(self, b: Lid, arg: A) -> R:
        raise NotImplementedError
    def onderdeel(self, b: Onderdeel, arg: A) -> R:
        raise NotImplementedError
    def subonderdeel(self, b: Subonderdeel, arg: A) -> R:
        raise NotImplementedError
    def begripsomschrijving(self, b: Begripsomschrijving, arg: A) -> R:
        raise NotImplementedError


Plaats = tuple[str, str, tuple[Bepaling, ...]]


class _Plaats(BepalingVisitor[None, Plaats]):
    """The structure generic passes use: each provision's level, its number (an onderdeel's letter) and its
    children in document order."""

    def artikel(self, b: Artikel, arg: None) -> Plaats:
        return "artikel", b.nummer, (*b.leden, *b.onderdelen, *b.begrippen)
    def lid(self, b: Lid, arg: None) -> Plaats:
        return "lid", b.nummer, b.onderdelen
    def onderdeel(self, b: Onderdeel, arg: None) -> Plaats:
        return "onderdeel", b.letter, b.subonderdelen
    def subonderdeel(self, b: Subonderdeel, arg: None) -> Plaats:
        return "subonderdeel", b.nummer, ()
    def begripsomschrijving(self, b: Begripsomschrijving, arg: None) -> Plaats:
        return "begrip", b.term, ()


_PLAATS = _Plaats()


def niveau(b: Bepaling) -> str:
    """artikel, lid, onderdeel, subonderdeel or begrip: the field of ``ProvisionRef`` this provision fills."""
    return _PLAATS.visit(b, None)[0]


def nummer(b: Bepaling) -> str:
    """Its number: "2.2", "3", "c", "1°"; a begripsomschrijving's term."""
    return _PLAATS.visit(b, None)[1]


def kinderen(b: Bepaling) -> tuple[Bepaling, ...]:
    """Its leden, onderdelen or subonderdelen, in document order."""
    return _PLAATS.visit(b, None)[2]


@dataclass(frozen=True, slots=True)
class Paragraaf:
    nummer: str
    titel: str
    artikelen: tuple[Artikel, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Hoofdstuk:
    nummer: str
    titel: str
    paragrafen: tuple[Paragraaf, ...]
    artikelen: tuple[Artikel, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Kolom:
    name: str
    type: TypeExpr
    label: str
    span: Span


@dataclass(frozen=True, slots=True)
class Rij:
    key: str
    values: tuple[Expr, ...]
    label: str
    span: Span


@dataclass(frozen=True, slots=True)
class Tabel:
    name: str
    label: str
    sleutel: TypeExpr
    kolommen: tuple[Kolom, ...]
    rijen: tuple[Rij, ...]
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Bijlage:
    letter: str
    titel: str
    tekst: str
    toelichting: str
    tabellen: tuple[Tabel, ...]
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Geldt:
    expr: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Monotoon:
    """``geldt meerzorg daalt niet als uren_zorg_per_week stijgt``."""

    uitkomst: str
    invoer: str
    span: Span


@dataclass(frozen=True, slots=True)
class Eigenschap:
    name: str
    label: str
    versies: tuple[str, str] | None
    waarvoor: Expr | None
    eis: Geldt | Monotoon
    span: Span
    # (versie, reden) per version where the drafter expects the property to be violated.
    verwacht_geschonden: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Regeling:
    """A complete version of the regeling, as written or as consolidated from a wijzigingsregeling."""

    titel: str
    versie: str
    variant: bool
    geldig_vanaf: datetime.date
    bron: str
    gegevens: tuple[Declaratie, ...]
    hoofdstukken: tuple[Hoofdstuk, ...]
    artikelen: tuple[Artikel, ...]
    bijlagen: tuple[Bijlage, ...]
    eigenschappen: tuple[Eigenschap, ...]
    span: Span
    basis: str = ""
    # The zelfstandige bepalingen with rules of the wijzigingsregeling that made this version (Artikel II, ...):
    # they hold in it, cited "artikel II, eerste lid, van de wijzigingsregeling", but are no part of its text.
    zelfstandig: tuple[Artikel, ...] = ()

    def alle_artikelen(self) -> tuple[Artikel, ...]:
        """Articles in document order, whether or not the regeling uses hoofdstukken and paragrafen; the
        wijzigingsregeling's zelfstandige bepalingen last."""
        result: list[Artikel] = list(self.artikelen)
        for h in self.hoofdstukken:
            result.extend(h.artikelen)
            for p in h.paragrafen:
                result.extend(p.artikelen)
        return (*result, *self.zelfstandig)
