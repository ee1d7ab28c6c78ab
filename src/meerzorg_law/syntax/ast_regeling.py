"""AST of a regeling as written: declarations, rules and definitions, provisions, bijlagen and eigenschappen.

Re-exported by ``ast``; frozen, slotted dataclasses with a span, children in tuples.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from typing import Union

from ..span import ProvisionRef, Span
from .ast_expr import Expr, Literal

# --------------------------------------------------------------------------------------------------
# Declarations
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeExpr:
    """``kind`` is bool, geheel, decimaal, geld, datum, duur or enum (then ``name`` is the enumeratie)."""

    kind: str
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

# --------------------------------------------------------------------------------------------------
# Items inside provisions
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verwijzing:
    """A citation. After parsing, relative citations are made absolute against where they stand."""

    ref: ProvisionRef
    span: Span


@dataclass(frozen=True, slots=True)
class HerkomstDeel:
    """Words of a tekst with another herkomst than the provision: ``tekst[begin:eind]`` (``woorden``) was
    brought in by the instruction at ``span`` ("wordt 'drie jaar' vervangen door 'vijf jaar'"). Made by
    consolidation, never written: the printer leaves it out."""

    begin: int
    eind: int
    woorden: str
    soort: str
    span: Span


@dataclass(frozen=True, slots=True)
class Herkomst:
    """What kind of source a provision, table or rule rests on (``soort``: officieel, beleid, uitvoering,
    reconstructie, keuze, voorstel), the registered sources it cites, a note, and for a keuze the
    alternatives that were not chosen; a reader must be able to tell official text from our wording.
    ``delen``: words of the provision's tekst that a wijziging brought in, with their own herkomst."""

    soort: str
    bronnen: tuple[str, ...]
    noot: str
    alternatieven: tuple[str, ...]
    span: Span
    delen: tuple[HerkomstDeel, ...] = ()


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
