"""Every amendment instruction in its one Dutch sentence, after the Aanwijzingen voor de regelgeving.

``_Wording`` has one method per instruction kind of the AST (``ast.InstructieVisitor``; ``WORDING`` is the
same by class), ``MOD_TYPES`` its Akoma Ntoso modification type; a kind missing from either fails
``tests/test_families.py`` and ``tests/document/test_formats.py``. Each entry
gives the sentence (citations as ``Cite`` parts) and what the instruction quotes. Inside an onderdeel whose
changes all fall in one article ("Artikel 1.1 wordt als volgt gewijzigd:"), citations are relative to that
article ("Onderdeel c komt te luiden:").

A begrip of an alphabetical begrippenlijst is cited by its term, in the formulas of the Aanwijzingen voor de
regelgeving: "In artikel 1.1 wordt in de alfabetische volgorde ingevoegd:", "De begripsomschrijving van
‘zorg thuis’ komt te luiden:", "… vervalt.", and outside an onderdeel on artikel 1.1 alone "In artikel 1.1
komt de begripsomschrijving van ‘zorg thuis’ te luiden:".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..span import ProvisionRef, citeer, rangtelwoord
from ..syntax import ast
from .model import Cite, DataChange, Mod, Provision, Quoted, QuotedText, RowChange, Zin
from .tekst import cel, declaratie_zin, regel

__all__ = ["WORDING", "Context", "citeer", "mod"]


@dataclass(frozen=True, slots=True)
class Context:
    """What a sentence needs: the versions it cites into, the article the onderdeel is about (relative
    citations), and how to turn an AST provision or structure into a quoted model provision."""

    basis: str
    nieuw: str
    binnen: str
    provision: Callable[[ast.Bepaling | ast.Hoofdstuk | ast.Paragraaf], Provision]
    tabel: Callable[[str], tuple[str, str]]  # table name -> (citation "bijlage A, tabel ...", its label)


def _lid(lid: str) -> str:
    woord = rangtelwoord(lid)
    return f"het {woord} lid" if woord != lid else f"lid {lid}"


def _cite(ref: ProvisionRef, ctx: Context, versie: str, hoofdletter: bool = False, midden: bool = True) -> Zin:
    """A citation part; in mid-sentence a multi-part citation is closed by a comma ("Na artikel 2.2, eerste
    lid, wordt ...")."""
    tekst = citeer(ref, ctx.binnen, hoofdletter, onder=True)
    return (Cite(tekst, ref, versie), "," if midden and "," in tekst else "")


def _plek(ref: ProvisionRef) -> str:
    if ref.subonderdeel:
        return f"subonderdeel {ref.subonderdeel}"
    if ref.onderdeel:
        return f"onderdeel {ref.onderdeel}"
    return _lid(ref.lid) if ref.lid else f"artikel {ref.artikel}"


Wording = tuple[Zin, tuple[Quoted, ...]]

# A begrip's term as the legal text quotes it ("de begripsomschrijving van ‘zorg thuis’").
_TERM = "‘{}’".format


def _begrip(ref: ProvisionRef, ctx: Context, versie: str, binnen: str, buiten: str) -> Zin:
    """A sentence on a begripsomschrijving: in an onderdeel on its artikel alone "De begripsomschrijving van
    ‘term’ {binnen}", else "In artikel 1.1 {buiten}" where ``buiten`` holds "{begrip}" for the citation."""
    if ctx.binnen == ref.artikel:
        return (Cite(citeer(ref, ctx.binnen, True, term=_TERM), ref, versie), binnen)
    begrip = Cite(citeer(ref, ref.artikel, term=_TERM), ref, versie)  # "de begripsomschrijving van ‘term’"
    voor, _, na = buiten.partition("{begrip}")
    return ("In ", Cite(f"artikel {ref.artikel}", ProvisionRef(ref.artikel), versie), voor, begrip, na)


def _komt_te_luiden(i: ast.KomtTeLuiden, ctx: Context) -> Wording:
    if i.doel.ref.begrip:
        return (_begrip(i.doel.ref, ctx, ctx.nieuw, " komt te luiden:", " komt {begrip} te luiden:"),
                (ctx.provision(i.bepaling),))
    return (*_cite(i.doel.ref, ctx, ctx.nieuw, True), " komt te luiden:"), (ctx.provision(i.bepaling),)


def _alfabetisch(i: ast.AlfabetischIngevoegd, ctx: Context) -> Wording:
    artikel = i.artikel.ref.artikel
    zin: Zin = (("In de alfabetische volgorde wordt ingevoegd:",) if ctx.binnen == artikel else
                ("In ", Cite(f"artikel {artikel}", i.artikel.ref, ctx.nieuw),
                 " wordt in de alfabetische volgorde ingevoegd:"))
    return zin, tuple(ctx.provision(b) for b in i.begrippen)


def _vervalt(i: ast.Vervalt, ctx: Context) -> Wording:
    if i.doel.ref.begrip:
        return _begrip(i.doel.ref, ctx, ctx.basis, " vervalt.", " vervalt {begrip}."), ()
    head = _cite(i.doel.ref, ctx, ctx.basis, True)
    if not i.hernummering:
        return (*head, " vervalt."), ()
    woord = "verlettering" if i.doel.ref.onderdeel and not i.doel.ref.subonderdeel else "vernummering"
    paren = " en van ".join(f"{_plek(a)} tot {_plek(b).removeprefix('het ')}" for a, b in i.hernummering)
    return (*head, f" vervalt, onder {woord} van {paren}."), ()


def _ingevoegd(i: ast.Ingevoegd, ctx: Context) -> Wording:
    anker = _cite(i.anker.ref, ctx, ctx.nieuw)
    if i.positie == "aan":
        zin: Zin = ("Aan ", *anker, f" wordt een {i.soort} toegevoegd, luidende:")
    else:
        zin = (f"{i.positie.capitalize()} ", *anker, f" wordt een {i.soort} ingevoegd, luidende:")
    return zin, (ctx.provision(i.bepaling),)


def _vernummerd(i: ast.Vernummerd, ctx: Context) -> Wording:
    return (*_cite(i.doel.ref, ctx, ctx.basis, True), " wordt vernummerd tot ",
            *_cite(i.nieuw.ref, ctx, ctx.nieuw, midden=False), "."), ()


def _vervangen(i: ast.Vervangen, ctx: Context) -> Wording:
    telkens = " telkens" if i.telkens else ""
    oud, nieuw = regel(i.oud), regel(i.nieuw)
    if i.doel.ref.begrip:
        ref = i.doel.ref
        begrip = Cite(citeer(ref, ref.artikel, term=_TERM), ref, ctx.nieuw)
        wat = f"“{oud}”{telkens} vervangen door “{nieuw}”."
        zin: Zin = (("In ", begrip, f" wordt {wat}") if ctx.binnen == ref.artikel else
                    ("In ", Cite(f"artikel {ref.artikel}", ProvisionRef(ref.artikel), ctx.nieuw), " wordt in ",
                     begrip, f" {wat}"))
        return zin, (QuotedText(oud, nieuw, i.span),)
    return (("In ", *_cite(i.doel.ref, ctx, ctx.nieuw), f" wordt “{oud}”{telkens} vervangen door “{nieuw}”."),
            (QuotedText(oud, nieuw, i.span),))


def _structuur(hoofdstuk: str, paragraaf: str) -> str:
    return f"hoofdstuk {hoofdstuk}" + (f", paragraaf {paragraaf}" if paragraaf else "")


def _structuur_vervalt(i: ast.StructuurVervalt, ctx: Context) -> Wording:
    plek = _structuur(i.hoofdstuk, i.paragraaf)
    return (plek[0].upper() + plek[1:] + ("," if i.paragraaf else "") + " vervalt.",), ()


def _structuur_ingevoegd(i: ast.StructuurIngevoegd, ctx: Context) -> Wording:
    plek = _structuur(i.hoofdstuk, i.paragraaf) + ("," if i.paragraaf else "")
    return ((f"{i.positie.capitalize()} {plek} wordt een {i.soort} ingevoegd, luidende:",),
            (ctx.provision(i.nieuw),))


def _tabel(i: ast.TabelWijziging, ctx: Context) -> Wording:
    plek, _ = ctx.tabel(i.tabel)
    rows = tuple(RowChange(w.soort, w.key, (w.key, *(cel(v) for v in w.rij.values)) if w.rij else (), w.span)
                 for w in i.wijzigingen)
    return (f"In {plek} worden de volgende rijen gewijzigd:",), rows


def _gegevens(i: ast.GegevensWijziging, ctx: Context) -> Wording:
    zinnen: list[str] = []
    for w in i.wijzigingen:
        wat = f"enumeratie {w.naam}" if w.enumeratie else w.naam
        if w.soort == "waarde" and w.waarde is not None:
            zinnen.append(f"Aan {w.naam} wordt de waarde {w.waarde.name} toegevoegd"
                          + (f" ({regel(w.waarde.label)})." if w.waarde.label else "."))
        elif w.soort == "vervalt" or w.declaratie is None:
            zinnen.append(f"{wat[0].upper() + wat[1:]} vervalt.")
        else:
            kop = "Ingevoegd" if w.soort == "ingevoegd" else f"{w.naam} komt te luiden"
            zinnen.append(f"{kop}: {declaratie_zin(w.declaratie)}")
    return ("De gegevens van het model worden als volgt gewijzigd:",), (DataChange(tuple(zinnen), i.span),)


class _Wording(ast.InstructieVisitor[Context, Wording]):
    """The one wording of each instruction kind: one method per kind (tests/test_families.py names a kind
    this pass lacks, tests/document/test_formats.py renders each through every format)."""

    def komt_te_luiden(self, i: ast.KomtTeLuiden, ctx: Context) -> Wording:
        return _komt_te_luiden(i, ctx)
    def vervalt(self, i: ast.Vervalt, ctx: Context) -> Wording:
        return _vervalt(i, ctx)
    def ingevoegd(self, i: ast.Ingevoegd, ctx: Context) -> Wording:
        return _ingevoegd(i, ctx)
    def alfabetisch_ingevoegd(self, i: ast.AlfabetischIngevoegd, ctx: Context) -> Wording:
        return _alfabetisch(i, ctx)
    def vernummerd(self, i: ast.Vernummerd, ctx: Context) -> Wording:
        return _vernummerd(i, ctx)
    def vervangen(self, i: ast.Vervangen, ctx: Context) -> Wording:
        return _vervangen(i, ctx)
    def structuur_vervalt(self, i: ast.StructuurVervalt, ctx: Context) -> Wording:
        return _structuur_vervalt(i, ctx)
    def structuur_ingevoegd(self, i: ast.StructuurIngevoegd, ctx: Context) -> Wording:
        return _structuur_ingevoegd(i, ctx)
    def tabel_wijziging(self, i: ast.TabelWijziging, ctx: Context) -> Wording:
        return _tabel(i, ctx)
    def gegevens_wijziging(self, i: ast.GegevensWijziging, ctx: Context) -> Wording:
        return _gegevens(i, ctx)


_WORDING = _Wording()

# The wording per instruction class, as the tests and the formats look it up.
WORDING: dict[type, Callable[[ast.Instructie, Context], Wording]] = {
    cls: getattr(_WORDING, naam) for cls, naam in ast.INSTRUCTIE_KINDS.items()}


# Akoma Ntoso's textualMod type per instruction kind (document/akn.py): the same kinds as WORDING, kept here so
# that a new kind is added in this one module. Gegevens are the model's case interface, not legal text (None).
MOD_TYPES: dict[str, str | None] = {
    "KomtTeLuiden": "substitution", "Vervalt": "repeal", "Ingevoegd": "insertion",
    "AlfabetischIngevoegd": "insertion", "Vernummerd": "renumbering",
    "Vervangen": "substitution", "StructuurVervalt": "repeal", "StructuurIngevoegd": "insertion",
    "TabelWijziging": "substitution", "GegevensWijziging": None,
}


def mod(i: ast.Instructie, ctx: Context) -> Mod:
    """The one wording of instruction ``i``; an unknown kind is a programming error (see the test)."""
    zin, quoted = _WORDING.visit(i, ctx)
    return Mod(type(i).__name__, zin, quoted, i.span)
