"""AST of a wijzigingsregeling: its articles, onderdelen and the instructions that change a base version.

Re-exported by ``ast``; the provisions and declarations an instruction carries are those of ``ast_regeling``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar, Union

from ..familie import Traversal
from ..span import ProvisionRef, Span
from .ast_regeling import (
    Artikel,
    Begripsomschrijving,
    Bepaling,
    Declaratie,
    Eigenschap,
    EnumWaarde,
    Hoofdstuk,
    Item,
    Paragraaf,
    Rij,
    Verwijzing,
)

__all__ = [
    "INSTRUCTIE_KINDS", "AlfabetischIngevoegd", "GegevensInstructie", "GegevensWijziging", "Ingevoegd", "Inhoud",
    "Instructie",
    "InstructieVisitor", "KomtTeLuiden", "RijWijziging", "StructuurIngevoegd", "StructuurVervalt", "TabelWijziging",
    "Vernummerd", "Vervalt", "Vervangen", "Wijziging", "WijzigingsArtikel", "Wijzigingsregeling", "doel", "inhoud",
    "met_inhoud",
]

# --------------------------------------------------------------------------------------------------
# Wijzigingsregeling
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KomtTeLuiden:
    """``redactioneel``: the drafter declares that tekst and rules may change apart (no warning W020)."""

    doel: Verwijzing
    bepaling: Bepaling
    span: Span
    redactioneel: bool = False


@dataclass(frozen=True, slots=True)
class Vervalt:
    """``doel`` lapses; ``hernummering`` holds the (old, new) pairs of "onder vernummering van het derde lid tot
    tweede lid", made absolute against the parent of ``doel``."""

    doel: Verwijzing
    span: Span
    hernummering: tuple[tuple[ProvisionRef, ProvisionRef], ...] = ()


@dataclass(frozen=True, slots=True)
class Ingevoegd:
    """``na artikel 2.2, eerste lid wordt een lid ingevoegd: ...``; ``positie`` is na or voor, or aan ("aan
    artikel 2.2 wordt een lid toegevoegd": then ``anker`` is the parent and the provision comes last)."""

    positie: str
    anker: Verwijzing
    soort: str
    bepaling: Bepaling
    span: Span


@dataclass(frozen=True, slots=True)
class AlfabetischIngevoegd:
    """``in artikel 1.1 wordt in de alfabetische volgorde ingevoegd: begripsomschrijving "..." ...``: each
    begripsomschrijving takes its place in the begrippenlijst of ``artikel`` by its term."""

    artikel: Verwijzing
    begrippen: tuple[Begripsomschrijving, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Vernummerd:
    doel: Verwijzing
    nieuw: Verwijzing
    span: Span


@dataclass(frozen=True, slots=True)
class RijWijziging:
    """``soort`` is luidt, vervalt or toegevoegd; ``rij`` is None for vervalt."""

    soort: str
    key: str
    rij: Rij | None
    span: Span


@dataclass(frozen=True, slots=True)
class TabelWijziging:
    tabel: str
    wijzigingen: tuple[RijWijziging, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class GegevensInstructie:
    """``soort``: ingevoegd, luidt (then ``declaratie`` replaces ``naam``), vervalt, or waarde (``waarde`` is
    added to enumeratie ``naam``). Enumeraties (types) and invoer/uitkomst (names) are separate namespaces:
    ``enumeratie`` says that vervalt removes the type ``naam``."""

    soort: str
    naam: str
    declaratie: Declaratie | None
    waarde: EnumWaarde | None
    span: Span
    enumeratie: bool = False


@dataclass(frozen=True, slots=True)
class GegevensWijziging:
    wijzigingen: tuple[GegevensInstructie, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Vervangen:
    """Textual substitution: in ``doel`` the words ``oud`` become ``nieuw`` (``telkens``: every occurrence).
    ``items``, when given ("met regels:"), are the provision's begrippen and regels after the change."""

    doel: Verwijzing
    oud: str
    nieuw: str
    telkens: bool
    items: tuple[Item, ...] | None
    span: Span
    redactioneel: bool = False


@dataclass(frozen=True, slots=True)
class StructuurIngevoegd:
    """``na hoofdstuk 2 wordt een hoofdstuk ingevoegd: ...`` or ``na hoofdstuk 5, paragraaf 2 wordt een
    paragraaf ingevoegd: ...``; ``paragraaf`` of the anchor is empty for a hoofdstuk."""

    positie: str
    hoofdstuk: str
    paragraaf: str
    soort: str
    nieuw: Hoofdstuk | Paragraaf
    span: Span


@dataclass(frozen=True, slots=True)
class StructuurVervalt:
    """``hoofdstuk 3 vervalt`` or ``hoofdstuk 5, paragraaf 2, vervalt``: with every artikel in it."""

    hoofdstuk: str
    paragraaf: str
    span: Span


Instructie = Union[KomtTeLuiden, Vervalt, Ingevoegd, AlfabetischIngevoegd, Vernummerd, Vervangen,
                   StructuurIngevoegd, StructuurVervalt, TabelWijziging, GegevensWijziging]

# --------------------------------------------------------------------------------------------------
# The one traversal over instructions
# --------------------------------------------------------------------------------------------------

A = TypeVar("A")
R = TypeVar("R")

# Every instruction kind with its method on InstructieVisitor. A new kind is added to ``Instructie``, here, and
# to ``_Delen`` below; tests/test_families.py then names every pass that has no method for it (consolidation,
# the one wording of syntax/formules.py, the DSL printer's line of syntax/_instructies.py).
INSTRUCTIE_KINDS: dict[type, str] = {
    KomtTeLuiden: "komt_te_luiden", Vervalt: "vervalt", Ingevoegd: "ingevoegd",
    AlfabetischIngevoegd: "alfabetisch_ingevoegd", Vernummerd: "vernummerd",
    Vervangen: "vervangen", StructuurIngevoegd: "structuur_ingevoegd", StructuurVervalt: "structuur_vervalt",
    TabelWijziging: "tabel_wijziging", GegevensWijziging: "gegevens_wijziging",
}


class InstructieVisitor(Traversal[A, R]):
    """The one traversal over amendment instructions: one method per kind, found through the table."""

    KINDS = INSTRUCTIE_KINDS
    abstract_visitor = True

    def visit(self, i: Instructie, arg: A) -> R:
        return self.dispatch(i, arg)

    def komt_te_luiden(self, i: KomtTeLuiden, arg: A) -> R:
        raise NotImplementedError
    def vervalt(self, i: Vervalt, arg: A) -> R:
        raise NotImplementedError
    def ingevoegd(self, i: Ingevoegd, arg: A) -> R:
        raise NotImplementedError
    def alfabetisch_ingevoegd(self, i: AlfabetischIngevoegd, arg: A) -> R:
        raise NotImplementedError
    def vernummerd(self, i: Vernummerd, arg: A) -> R:
        raise NotImplementedError
    def vervangen(self, i: Vervangen, arg: A) -> R:
        raise NotImplementedError
    def structuur_ingevoegd(self, i: StructuurIngevoegd, arg: A) -> R:
        raise NotImplementedError
    def structuur_vervalt(self, i: StructuurVervalt, arg: A) -> R:
        raise NotImplementedError
    def tabel_wijziging(self, i: TabelWijziging, arg: A) -> R:
        raise NotImplementedError
    def gegevens_wijziging(self, i: GegevensWijziging, arg: A) -> R:
        raise NotImplementedError


Inhoud = Union[Bepaling, Hoofdstuk, Paragraaf, tuple[Item, ...], tuple[Begripsomschrijving, ...]]
Delen = tuple[ProvisionRef | None, tuple[tuple[str, ProvisionRef, Inhoud], ...]]


class _Delen(InstructieVisitor[None, Delen]):
    """The structure every generic pass uses (as ``ir_expr._Children`` for expressions): the provision an
    instruction is about (its doel, or the anchor of an insertion; None for structures, tables, gegevens) and
    what it carries as (field, where it will stand, value). Annotation, the relative citations and eIds of the
    document model and the formula of a derived onderdeel read only this, so a new kind is described here
    once."""

    def komt_te_luiden(self, i: KomtTeLuiden, arg: None) -> Delen:
        return i.doel.ref, (("bepaling", i.doel.ref, i.bepaling),)
    def vervalt(self, i: Vervalt, arg: None) -> Delen:
        return i.doel.ref, ()
    def ingevoegd(self, i: Ingevoegd, arg: None) -> Delen:
        return i.anker.ref, (("bepaling", i.anker.ref, i.bepaling),)
    def alfabetisch_ingevoegd(self, i: AlfabetischIngevoegd, arg: None) -> Delen:
        return i.artikel.ref, (("begrippen", i.artikel.ref, i.begrippen),)
    def vernummerd(self, i: Vernummerd, arg: None) -> Delen:
        return i.doel.ref, ()
    def vervangen(self, i: Vervangen, arg: None) -> Delen:
        return i.doel.ref, (("items", i.doel.ref, i.items),) if i.items is not None else ()
    def structuur_ingevoegd(self, i: StructuurIngevoegd, arg: None) -> Delen:
        return None, (("nieuw", ProvisionRef(), i.nieuw),)
    def structuur_vervalt(self, i: StructuurVervalt, arg: None) -> Delen:
        return None, ()
    def tabel_wijziging(self, i: TabelWijziging, arg: None) -> Delen:
        return None, ()
    def gegevens_wijziging(self, i: GegevensWijziging, arg: None) -> Delen:
        return None, ()


_DELEN = _Delen()


def doel(i: Instructie) -> ProvisionRef | None:
    """The provision ``i`` is about: its doel, or for an insertion its anchor; None for a structure, a table or
    the gegevens."""
    return _DELEN.visit(i, None)[0]


def inhoud(i: Instructie) -> tuple[tuple[str, ProvisionRef, Inhoud], ...]:
    """What ``i`` carries into the version: (field, the reference it stands at or beside, value)."""
    return _DELEN.visit(i, None)[1]


def met_inhoud(i: Instructie, f: Callable[[ProvisionRef, Inhoud], Inhoud]) -> Instructie:
    """``i`` with every carried value ``v`` standing at ``ref`` replaced by ``f(ref, v)``."""
    delen = inhoud(i)
    nieuw: dict[str, Any] = {veld: f(ref, waarde) for veld, ref, waarde in delen}
    return replace(i, **nieuw) if delen else i


@dataclass(frozen=True, slots=True)
class Wijziging:
    """One onderdeel (A, B, ...) of Artikel I: instructions plus its toelichting."""

    letter: str
    tekst: str
    toelichting: str
    instructies: tuple[Instructie, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class WijzigingsArtikel:
    nummer: str
    titel: str
    tekst: str
    toelichting: str
    wijzigingen: tuple[Wijziging, ...]
    span: Span
    # A zelfstandige bepaling's rules (overgangsrecht, a date of application) as an Artikel numbered like this
    # one; None when it holds only text. Consolidation carries it into the version (Regeling.zelfstandig).
    bepaling: Artikel | None = None


@dataclass(frozen=True, slots=True)
class Wijzigingsregeling:
    titel: str
    versie: str
    variant: bool
    basis: str
    geldig_vanaf: datetime.date
    bron: str
    artikelen: tuple[WijzigingsArtikel, ...]
    eigenschappen: tuple[Eigenschap, ...]
    span: Span
    aanhef: str = ""
    geldig_span: Span | None = None  # the line 'geldig vanaf', for the inwerkingtreding check
    # Empty: the document model derives them from the opschrift (document/wording.py).
    ondertekening: str = ""
    citeertitel: str = ""
