"""The one Dutch sentence of every amendment instruction: the wijzigingsformules of the Aanwijzingen voor de
regelgeving, what each instruction quotes after it, and which instructions share an onderdeel (per artikel
één onderdeel).

Both outputs that word an instruction read it here: the document model (document/wording.py, which gives the
citations the versions they point into and turns what is quoted into model nodes) and the onderdeel tekst of
a derived wijzigingsregeling (versions/_afleiden_delen.py, which joins the parts). It lives next to the
instruction nodes because the versions layer may not import the document model (tests/test_layers.py).
``_Formule`` is a pass of ``ast.InstructieVisitor`` with one method per kind, so a new kind without its
sentence fails tests/test_families.py by name. ``MOD_TYPES`` is the Akoma Ntoso modification type of each
kind's formula.

A sentence is a tuple of parts: plain text and ``Aanhaling`` (a citation of a provision in the base version
or in the new one). Inside an onderdeel whose changes all fall in one article ("Artikel 1.1 wordt als volgt
gewijzigd:"), citations are relative to that article ("Onderdeel c komt te luiden:"); a begrip of an
alphabetical begrippenlijst is cited by its term ("De begripsomschrijving van ‘zorg thuis’ komt te luiden:").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Union

from ..span import ProvisionRef, Span, citeer, rangtelwoord
from . import ast_regeling as R
from .ast_wijziging import (
    AlfabetischIngevoegd,
    GegevensInstructie,
    GegevensWijziging,
    Ingevoegd,
    Instructie,
    InstructieVisitor,
    KomtTeLuiden,
    RijWijziging,
    StructuurIngevoegd,
    StructuurVervalt,
    TabelWijziging,
    Vernummerd,
    Vervalt,
    Vervangen,
    doel,
)

__all__ = ["MOD_TYPES", "Aanhaling", "Citaat", "Deel", "Gegevens", "Omgeving", "Vervanging", "binnen", "formule",
           "groep", "regel", "tabel_citaat", "woorden", "zin_tekst"]


@dataclass(frozen=True, slots=True)
class Aanhaling:
    """A citation inside a sentence: ``tekst`` as it reads, ``ref`` the provision, in the new version
    (``nieuw``) or in the base."""

    tekst: str
    ref: ProvisionRef
    nieuw: bool


Deel = Union[str, Aanhaling]
Formule = tuple[Deel, ...]


@dataclass(frozen=True, slots=True)
class Vervanging:
    """The passage a "wordt … vervangen door …" quotes, as one line each."""

    oud: str
    nieuw: str
    span: Span


@dataclass(frozen=True, slots=True)
class Gegevens:
    """The changes to the gegevens an instruction on them quotes."""

    wijzigingen: tuple[GegevensInstructie, ...]
    span: Span


# What an instruction quotes after its sentence: a provision, chapter or paragraph as it comes to read, the
# passage of a substitution, the changed rows of a table, or the changes to the gegevens.
Citaat = Union[R.Bepaling, R.Hoofdstuk, R.Paragraaf, Vervanging, RijWijziging, Gegevens]
Woorden = tuple[Formule, tuple[Citaat, ...]]


def regel(s: str) -> str:
    """Legal text as one line: the DSL's line breaks inside a tekst are layout."""
    return " ".join(s.split())


def tabel_citaat(regelingen: Iterable[R.Regeling | None], naam: str) -> tuple[str, str]:
    """A table as the legal text cites it ("bijlage A, tabel “label”,") and its label, from the first of
    ``regelingen`` that has it; "de tabel NAAM" when none has."""
    for reg in regelingen:
        for b in reg.bijlagen if reg else ():
            for t in b.tabellen:
                if t.name == naam:
                    return f"bijlage {b.letter}, tabel “{regel(t.label) or naam}”,", regel(t.label)
    return f"de tabel {naam}", ""


@dataclass(frozen=True, slots=True)
class Omgeving:
    """Where a sentence stands: the article of its onderdeel (relative citations; "" for none) and how a
    table is cited."""

    binnen: str = ""
    tabel: Callable[[str], str] = field(default=lambda naam: tabel_citaat((), naam)[0])


def binnen(instructies: Sequence[Instructie]) -> str:
    """The article an onderdeel of several changes is about, when they all fall in one ("" otherwise): its
    sentences cite relatively to it."""
    refs = [doel(i) for i in instructies]
    eerste = refs[0] if refs else None
    if len(refs) > 1 and eerste is not None and all(r is not None and r.artikel == eerste.artikel for r in refs):
        return eerste.artikel
    return ""


def zin_tekst(zin: Formule) -> str:
    return "".join(d if isinstance(d, str) else d.tekst for d in zin)


def _lid(lid: str) -> str:
    woord = rangtelwoord(lid)
    return f"het {woord} lid" if woord != lid else f"lid {lid}"


def _cite(ref: ProvisionRef, omg: Omgeving, nieuw: bool, hoofdletter: bool = False,
          midden: bool = True) -> Formule:
    """A citation part; in mid-sentence a multi-part citation is closed by a comma ("Na artikel 2.2, eerste
    lid, wordt ...")."""
    tekst = citeer(ref, omg.binnen, hoofdletter, onder=True)
    return (Aanhaling(tekst, ref, nieuw), "," if midden and "," in tekst else "")


def _plek(ref: ProvisionRef) -> str:
    if ref.subonderdeel:
        return f"subonderdeel {ref.subonderdeel}"
    if ref.onderdeel:
        return f"onderdeel {ref.onderdeel}"
    return _lid(ref.lid) if ref.lid else f"artikel {ref.artikel}"


# A begrip's term as the legal text quotes it ("de begripsomschrijving van ‘zorg thuis’").
_TERM = "‘{}’".format


def _artikel(artikel: str, nieuw: bool) -> Aanhaling:
    return Aanhaling(f"artikel {artikel}", ProvisionRef(artikel), nieuw)


def _begrip(ref: ProvisionRef, omg: Omgeving, nieuw: bool, binnen: str, buiten: str) -> Formule:
    """A sentence on a begripsomschrijving: in an onderdeel on its artikel alone "De begripsomschrijving van
    ‘term’ {binnen}", else "In artikel 1.1 {buiten}" where ``buiten`` holds "{begrip}" for the citation."""
    if omg.binnen == ref.artikel:
        return (Aanhaling(citeer(ref, omg.binnen, True, term=_TERM), ref, nieuw), binnen)
    begrip = Aanhaling(citeer(ref, ref.artikel, term=_TERM), ref, nieuw)  # "de begripsomschrijving van ‘term’"
    voor, _, na = buiten.partition("{begrip}")
    return ("In ", _artikel(ref.artikel, nieuw), voor, begrip, na)


def _structuur(hoofdstuk: str, paragraaf: str) -> str:
    return f"hoofdstuk {hoofdstuk}" + (f", paragraaf {paragraaf}" if paragraaf else "")


class _Formule(InstructieVisitor[Omgeving, Woorden]):
    """The one sentence of each instruction kind, and what it quotes after it."""

    def komt_te_luiden(self, i: KomtTeLuiden, omg: Omgeving) -> Woorden:
        if i.doel.ref.begrip:
            return _begrip(i.doel.ref, omg, True, " komt te luiden:", " komt {begrip} te luiden:"), (i.bepaling,)
        return (*_cite(i.doel.ref, omg, True, True), " komt te luiden:"), (i.bepaling,)

    def alfabetisch_ingevoegd(self, i: AlfabetischIngevoegd, omg: Omgeving) -> Woorden:
        artikel = i.artikel.ref.artikel
        zin: Formule = (("In de alfabetische volgorde wordt ingevoegd:",) if omg.binnen == artikel else
                        ("In ", Aanhaling(f"artikel {artikel}", i.artikel.ref, True),
                         " wordt in de alfabetische volgorde ingevoegd:"))
        return zin, i.begrippen

    def vervalt(self, i: Vervalt, omg: Omgeving) -> Woorden:
        if i.doel.ref.begrip:
            return _begrip(i.doel.ref, omg, False, " vervalt.", " vervalt {begrip}."), ()
        head = _cite(i.doel.ref, omg, False, True)
        if not i.hernummering:
            return (*head, " vervalt."), ()
        woord = "verlettering" if i.doel.ref.onderdeel and not i.doel.ref.subonderdeel else "vernummering"
        paren = " en van ".join(f"{_plek(a)} tot {_plek(b).removeprefix('het ')}" for a, b in i.hernummering)
        return (*head, f" vervalt, onder {woord} van {paren}."), ()

    def ingevoegd(self, i: Ingevoegd, omg: Omgeving) -> Woorden:
        anker = _cite(i.anker.ref, omg, True)
        if i.positie == "aan":
            return ("Aan ", *anker, f" wordt een {i.soort} toegevoegd, luidende:"), (i.bepaling,)
        return (f"{i.positie.capitalize()} ", *anker, f" wordt een {i.soort} ingevoegd, luidende:"), (i.bepaling,)

    def vernummerd(self, i: Vernummerd, omg: Omgeving) -> Woorden:
        return (*_cite(i.doel.ref, omg, False, True), " wordt vernummerd tot ",
                *_cite(i.nieuw.ref, omg, True, midden=False), "."), ()

    def vervangen(self, i: Vervangen, omg: Omgeving) -> Woorden:
        wat = f"“{regel(i.oud)}”{' telkens' if i.telkens else ''} vervangen door “{regel(i.nieuw)}”."
        ref = i.doel.ref
        citaat = (Vervanging(regel(i.oud), regel(i.nieuw), i.span),)
        if not ref.begrip:
            return ("In ", *_cite(ref, omg, True), f" wordt {wat}"), citaat
        begrip = Aanhaling(citeer(ref, ref.artikel, term=_TERM), ref, True)
        if omg.binnen == ref.artikel:
            return ("In ", begrip, f" wordt {wat}"), citaat
        return ("In ", _artikel(ref.artikel, True), " wordt in ", begrip, f" {wat}"), citaat

    def structuur_vervalt(self, i: StructuurVervalt, omg: Omgeving) -> Woorden:
        plek = _structuur(i.hoofdstuk, i.paragraaf)
        return (plek[0].upper() + plek[1:] + ("," if i.paragraaf else "") + " vervalt.",), ()

    def structuur_ingevoegd(self, i: StructuurIngevoegd, omg: Omgeving) -> Woorden:
        plek = _structuur(i.hoofdstuk, i.paragraaf) + ("," if i.paragraaf else "")
        return (f"{i.positie.capitalize()} {plek} wordt een {i.soort} ingevoegd, luidende:",), (i.nieuw,)

    def tabel_wijziging(self, i: TabelWijziging, omg: Omgeving) -> Woorden:
        return (f"In {omg.tabel(i.tabel)} worden de volgende rijen gewijzigd:",), i.wijzigingen

    def gegevens_wijziging(self, i: GegevensWijziging, omg: Omgeving) -> Woorden:
        return ("De gegevens van het model worden als volgt gewijzigd:",), (Gegevens(i.wijzigingen, i.span),)


_FORMULE = _Formule()


def woorden(i: Instructie, omg: Omgeving) -> Woorden:
    """The one sentence of instruction ``i`` standing in ``omg``, and what it quotes after it."""
    return _FORMULE.visit(i, omg)


def formule(i: Instructie, omg: Omgeving) -> Formule:
    """The one sentence of instruction ``i`` standing in ``omg``."""
    return _FORMULE.visit(i, omg)[0]


# Akoma Ntoso's textualMod type of each kind's formula (document/akn.py); the gegevens are the model's case
# interface, not legal text (None). tests/document/test_formats.py checks it names every kind.
MOD_TYPES: dict[str, str | None] = {
    "KomtTeLuiden": "substitution", "Vervalt": "repeal", "Ingevoegd": "insertion",
    "AlfabetischIngevoegd": "insertion", "Vernummerd": "renumbering",
    "Vervangen": "substitution", "StructuurVervalt": "repeal", "StructuurIngevoegd": "insertion",
    "TabelWijziging": "substitution", "GegevensWijziging": None,
}


class _Groep(InstructieVisitor[None, str]):
    """Which onderdeel an instruction belongs in: instructions on one artikel share one (Aanwijzingen: per
    artikel één onderdeel); a table, a chapter or paragraph, and the gegevens each have their own."""

    def komt_te_luiden(self, i: KomtTeLuiden, arg: None) -> str:
        return f"artikel {i.doel.ref.artikel}"
    def vervalt(self, i: Vervalt, arg: None) -> str:
        return f"artikel {i.doel.ref.artikel}"
    def vervangen(self, i: Vervangen, arg: None) -> str:
        return f"artikel {i.doel.ref.artikel}"
    def vernummerd(self, i: Vernummerd, arg: None) -> str:
        return f"artikel {i.nieuw.ref.artikel}"
    def ingevoegd(self, i: Ingevoegd, arg: None) -> str:
        nieuw = i.bepaling.nummer if isinstance(i.bepaling, R.Artikel) else i.anker.ref.artikel
        return f"artikel {nieuw}"
    def alfabetisch_ingevoegd(self, i: AlfabetischIngevoegd, arg: None) -> str:
        return f"artikel {i.artikel.ref.artikel}"
    def tabel_wijziging(self, i: TabelWijziging, arg: None) -> str:
        return f"tabel {i.tabel}"
    def structuur_ingevoegd(self, i: StructuurIngevoegd, arg: None) -> str:
        return f"StructuurIngevoegd {i.hoofdstuk}.{i.paragraaf}"
    def structuur_vervalt(self, i: StructuurVervalt, arg: None) -> str:
        return f"StructuurVervalt {i.hoofdstuk}.{i.paragraaf}"
    def gegevens_wijziging(self, i: GegevensWijziging, arg: None) -> str:
        return GEGEVENS_GROEP


GEGEVENS_GROEP = "GegevensWijziging"  # the gegevens' onderdeel, first in a wijzigingsregeling by regeling
_GROEP = _Groep()


def groep(i: Instructie) -> str:
    """The onderdeel ``i`` belongs in, as a key ("artikel 2.2", "tabel bekostigingsuren", ...)."""
    return _GROEP.visit(i, None)
