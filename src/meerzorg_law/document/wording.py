"""Every amendment instruction as the document model holds it: its one Dutch sentence, what it quotes, and its
Akoma Ntoso modification type.

The sentence, what it quotes and the type are the one wording of each instruction kind in syntax/formules.py
(the wijzigingsformules of the Aanwijzingen voor de regelgeving, which the derivation of a wijzigingsregeling
writes too; a kind missing there fails tests/test_families.py). Here the citations get the version they point
into (``Cite``) and the quoted parts become the model's ``Provision``, ``QuotedText``, ``RowChange`` and
``DataChange``; no instruction kind is named, so a new kind needs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..span import citeer
from ..syntax import ast
from ..syntax.formules import MOD_TYPES, Citaat, Gegevens, Omgeving, Vervanging, woorden
from .model import Cite, DataChange, Mod, Provision, Quoted, QuotedText, RowChange, Zin
from .tekst import cel, declaratie_zin, regel

__all__ = ["MOD_TYPES", "Context", "citeer", "mod", "wording"]


@dataclass(frozen=True, slots=True)
class Context:
    """What a sentence needs: the versions it cites into, the article the onderdeel is about (relative
    citations), and how to turn an AST provision or structure into a quoted model provision."""

    basis: str
    nieuw: str
    binnen: str
    provision: Callable[[ast.Bepaling | ast.Hoofdstuk | ast.Paragraaf], Provision]
    tabel: Callable[[str], tuple[str, str]]  # table name -> (citation "bijlage A, tabel ...", its label)


Wording = tuple[Zin, tuple[Quoted, ...]]


def _quoted(c: Citaat, ctx: Context) -> Quoted:
    """What an instruction quotes, as the document model holds it."""
    if isinstance(c, Vervanging):
        return QuotedText(c.oud, c.nieuw, c.span)
    if isinstance(c, ast.RijWijziging):
        return RowChange(c.soort, c.key, (c.key, *(cel(v) for v in c.rij.values)) if c.rij else (), c.span)
    if isinstance(c, Gegevens):
        return DataChange(tuple(_gegevens_zin(w) for w in c.wijzigingen), c.span)
    return ctx.provision(c)


def _gegevens_zin(w: ast.GegevensInstructie) -> str:
    wat = f"enumeratie {w.naam}" if w.enumeratie else w.naam
    if w.soort == "waarde" and w.waarde is not None:
        return (f"Aan {w.naam} wordt de waarde {w.waarde.name} toegevoegd"
                + (f" ({regel(w.waarde.label)})." if w.waarde.label else "."))
    if w.soort == "vervalt" or w.declaratie is None:
        return f"{wat[0].upper() + wat[1:]} vervalt."
    kop = "Ingevoegd" if w.soort == "ingevoegd" else f"{w.naam} komt te luiden"
    return f"{kop}: {declaratie_zin(w.declaratie)}"


def wording(i: ast.Instructie, ctx: Context) -> Wording:
    """The instruction's one sentence (syntax/formules.py), its citations pointing into the base or the new
    version, and what it quotes."""
    zin, citaten = woorden(i, Omgeving(ctx.binnen, lambda naam: ctx.tabel(naam)[0]))
    return (tuple(d if isinstance(d, str) else Cite(d.tekst, d.ref, ctx.nieuw if d.nieuw else ctx.basis)
                  for d in zin),
            tuple(_quoted(c, ctx) for c in citaten))


def mod(i: ast.Instructie, ctx: Context) -> Mod:
    """The one wording of instruction ``i``."""
    zin, quoted = wording(i, ctx)
    return Mod(type(i).__name__, zin, quoted, i.span)
