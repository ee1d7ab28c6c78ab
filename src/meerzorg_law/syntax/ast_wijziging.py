"""AST of a wijzigingsregeling: its articles, onderdelen and the instructions that change a base version.

Re-exported by ``ast``; the provisions and declarations an instruction carries are those of ``ast_regeling``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Union

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
