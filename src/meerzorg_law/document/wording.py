"""Every amendment instruction as the document model holds it: its one Dutch sentence, what it quotes, and its
Akoma Ntoso modification type.

The sentence is the one wording of syntax/formules.py (the wijzigingsformules of the Aanwijzingen voor de
regelgeving, which the derivation of a wijzigingsregeling writes too); here its citations get the version they
point into (``Cite``). ``_Wording`` has one method per instruction kind of the AST (``ast.InstructieVisitor``;
``WORDING`` is the same by class) for what the instruction quotes, ``MOD_TYPES`` its Akoma Ntoso modification
type; a kind missing from either fails ``tests/test_families.py`` and ``tests/document/test_formats.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..span import citeer
from ..syntax import ast
from ..syntax.formules import Omgeving, formule
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


def _zin(i: ast.Instructie, ctx: Context) -> Zin:
    """The instruction's one sentence (syntax/formules.py), its citations pointing into the base or the new
    version."""
    omg = Omgeving(ctx.binnen, lambda naam: ctx.tabel(naam)[0])
    return tuple(d if isinstance(d, str) else Cite(d.tekst, d.ref, ctx.nieuw if d.nieuw else ctx.basis)
                 for d in formule(i, omg))


Wording = tuple[Zin, tuple[Quoted, ...]]


def _komt_te_luiden(i: ast.KomtTeLuiden, ctx: Context) -> Wording:
    return _zin(i, ctx), (ctx.provision(i.bepaling),)


def _alfabetisch(i: ast.AlfabetischIngevoegd, ctx: Context) -> Wording:
    return _zin(i, ctx), tuple(ctx.provision(b) for b in i.begrippen)


def _vervalt(i: ast.Vervalt, ctx: Context) -> Wording:
    return _zin(i, ctx), ()


def _ingevoegd(i: ast.Ingevoegd, ctx: Context) -> Wording:
    return _zin(i, ctx), (ctx.provision(i.bepaling),)


def _vernummerd(i: ast.Vernummerd, ctx: Context) -> Wording:
    return _zin(i, ctx), ()


def _vervangen(i: ast.Vervangen, ctx: Context) -> Wording:
    return _zin(i, ctx), (QuotedText(regel(i.oud), regel(i.nieuw), i.span),)


def _structuur_vervalt(i: ast.StructuurVervalt, ctx: Context) -> Wording:
    return _zin(i, ctx), ()


def _structuur_ingevoegd(i: ast.StructuurIngevoegd, ctx: Context) -> Wording:
    return _zin(i, ctx), (ctx.provision(i.nieuw),)


def _tabel(i: ast.TabelWijziging, ctx: Context) -> Wording:
    rows = tuple(RowChange(w.soort, w.key, (w.key, *(cel(v) for v in w.rij.values)) if w.rij else (), w.span)
                 for w in i.wijzigingen)
    return _zin(i, ctx), rows


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
    return _zin(i, ctx), (DataChange(tuple(zinnen), i.span),)


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
