"""The nodes of the document model: frozen, slotted dataclasses with a span, named after Akoma Ntoso.

A provision carries its number, heading, own text, herkomst, its change status against a base version and
an ``eid`` that stays the same when the provision is renumbered (it is the number it had when it entered the
lineage). An amendment instruction is a ``Mod``: its one Dutch sentence (``zin``, with citations as ``Cite``
parts so the site can link them) and what it quotes: provisions, old and new words, table rows or gegevens.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Union

from ..span import ProvisionRef, Span

__all__ = [
    "NODE_CLASSES",
    "STATUSES",
    "Act",
    "Amendment",
    "AmendmentArticle",
    "AmendmentPart",
    "Bron",
    "Cite",
    "DataChange",
    "Herkomst",
    "Mod",
    "Provision",
    "QuotedText",
    "RowChange",
    "Table",
    "Toelichting",
    "Zin",
    "zin_tekst",
]

# new, changed, lapsed, renumbered (from ``was``), unchanged: a provision measured against a base version.
STATUSES = ("new", "changed", "lapsed", "renumbered", "unchanged")


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation inside a sentence: ``tekst`` as it reads, ``ref`` the provision in version ``versie``."""

    tekst: str
    ref: ProvisionRef
    versie: str


Zin = tuple[Union[str, Cite], ...]


def zin_tekst(zin: Zin) -> str:
    return "".join(p if isinstance(p, str) else p.tekst for p in zin)


@dataclass(frozen=True, slots=True)
class Bron:
    """A source as the reader sees it: its title and address (never the registry key)."""

    key: str
    titel: str
    adres: str


@dataclass(frozen=True, slots=True)
class Herkomst:
    soort: str
    bronnen: tuple[Bron, ...]
    noot: str


@dataclass(frozen=True, slots=True)
class Table:
    """A table as the regeling prints it: column headings and rows of cell texts."""

    naam: str
    label: str
    kolommen: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    span: Span
    rijen_oud: tuple[tuple[str, ...], ...] | None = None  # the base's rows when the table changed
    kolommen_oud: tuple[str, ...] | None = None  # the base's headings when they changed


@dataclass(frozen=True, slots=True)
class Provision:
    """``soort``: chapter, section, article, paragraph (lid), point (onderdeel), subpoint, definition (a
    begripsomschrijving of an alphabetical begrippenlijst: ``nummer`` is its term), annex (bijlage)."""

    soort: str
    nummer: str
    kop: str
    tekst: str
    eid: str
    ref: ProvisionRef | None
    span: Span
    herkomst: Herkomst | None = None
    kinderen: tuple[Provision, ...] = ()
    tabellen: tuple[Table, ...] = ()
    status: str = "unchanged"
    was: str = ""  # renumbered: the number it had in the base
    ref_oud: ProvisionRef | None = None  # renumbered: the provision it was in the base
    tekst_oud: str = ""  # changed, renumbered or lapsed: the base's own text
    kop_oud: str = ""  # changed or renumbered: the base's heading
    regels: str = ""  # the provision's own formal rules as printed (what ``meerzorg vergelijk`` also diffs)
    regels_oud: str = ""


@dataclass(frozen=True, slots=True)
class Act:
    """One consolidated version; with a base, lapsed provisions stand where they stood (status lapsed)."""

    titel: str
    versie: str
    basis: str
    geldig_vanaf: datetime.date
    kinderen: tuple[Provision, ...]
    bijlagen: tuple[Provision, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class QuotedText:
    """``vervangen``: the words that go and the words that come (AKN ``quotedText``)."""

    oud: str
    nieuw: str
    span: Span


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row of a table change: ``soort`` luidt, vervalt or toegevoegd; ``cellen`` empty when it lapses."""

    soort: str
    key: str
    cellen: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class DataChange:
    """A change to the gegevens (the model's case interface, not legal text): a sentence per change."""

    zinnen: tuple[str, ...]
    span: Span


Quoted = Union[Provision, QuotedText, RowChange, DataChange]


@dataclass(frozen=True, slots=True)
class Mod:
    """One amendment instruction. ``soort`` names the AST instruction kind (worded in syntax/formules.py)."""

    soort: str
    zin: Zin
    quoted: tuple[Quoted, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class AmendmentPart:
    """An onderdeel A, B, ... of Artikel I: a lead sentence, and its mods (numbered 1., 2., ... when several)."""

    letter: str
    tekst: str
    mods: tuple[Mod, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class AmendmentArticle:
    nummer: str
    titel: str
    leden: tuple[str, ...]
    parts: tuple[AmendmentPart, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Toelichting:
    """The explanatory memorandum: ``algemeen`` paragraphs, then per article or onderdeel (``artikelsgewijs``);
    sources cited in the text as ``Bron`` parts."""

    algemeen: tuple[tuple[Union[str, Bron], ...], ...]
    artikelsgewijs: tuple[tuple[str, tuple[tuple[Union[str, Bron], ...], ...]], ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Amendment:
    """A wijzigingsregeling as it is circulated."""

    titel: str
    citeertitel: str
    ondertekening: str
    aanhef: str
    versie: str
    basis: str
    geldig_vanaf: datetime.date
    artikelen: tuple[AmendmentArticle, ...]
    slot: str  # "Deze regeling wordt met de toelichting in de Staatscourant geplaatst."
    toelichting: Toelichting
    span: Span


# Every node class a format must handle (formats.Generator.TRANSFORMS; tests/document checks each format).
NODE_CLASSES: tuple[type, ...] = (Act, Provision, Table, Amendment, AmendmentArticle, AmendmentPart, Mod,
                                  QuotedText, RowChange, DataChange, Toelichting)
