"""A consolidated regeling (AST) -> an ``Act``; against a base version, each provision's change status.

eIds: a provision gets ``art_2.2__para_1``-style ids from its numbers when it first appears; a provision that
is renumbered keeps the eId it had (matched on its content, as after "vervalt, onder vernummering" or "wordt
vernummerd"), so a reference by eId survives renumbering. A lapsed provision stands where it stood, with
status ``lapsed``, so a renvooi can strike it through in place.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Mapping

from .. import ir
from ..span import ProvisionRef
from ..syntax import ast
from ..syntax.printer import print_items
from ._status import restamp
from .model import Act, Bron, Herkomst, Provision, Table
from .tekst import cel, regel

__all__ = ["act_against", "build_act", "provision", "table", "term_id"]

AstBepaling = ast.Bepaling


def _num(s: str) -> str:
    return s.replace("°", "").replace(" ", "")


def term_id(term: str) -> str:
    """The eId part of a begrip: its term in letters, digits and hyphens ("zorg thuis" -> "zorg-thuis")."""
    kaal = unicodedata.normalize("NFKD", term.casefold())
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in kaal).split()) or "begrip"


def herkomst(h: ast.Herkomst | None, bronnen: Mapping[str, ir.Bron]) -> Herkomst | None:
    if h is None:
        return None
    return Herkomst(h.soort, tuple(bron(k, bronnen) for k in h.bronnen), regel(h.noot))


def bron(key: str, bronnen: Mapping[str, ir.Bron]) -> Bron:
    b = bronnen.get(key)
    return Bron(key, b.titel, b.url) if b is not None else Bron(key, key, "")


def _regels(b: AstBepaling) -> str:
    """A provision's own rules as printed, without its text and sub-provisions."""
    return "\n".join(line.strip() for line in print_items(b.items).splitlines() if line.strip())


def provision(b: AstBepaling | ast.Hoofdstuk | ast.Paragraaf, bronnen: Mapping[str, ir.Bron],
              parent: str = "") -> Provision:
    """One provision and everything in it, eIds from the numbers under ``parent``."""
    pre = f"{parent}__" if parent else ""
    if isinstance(b, ast.Hoofdstuk):
        eid = f"chp_{_num(b.nummer)}"
        kids = [provision(a, bronnen) for a in b.artikelen] + [provision(p, bronnen, eid) for p in b.paragrafen]
        return Provision("chapter", b.nummer, regel(b.titel), "", eid, None, b.span, None, tuple(kids))
    if isinstance(b, ast.Paragraaf):
        eid = f"{pre}sec_{_num(b.nummer)}"
        return Provision("section", b.nummer, regel(b.titel), "", eid, None, b.span, None,
                         tuple(provision(a, bronnen) for a in b.artikelen))
    return _BEPALING.visit(b, (bronnen, pre))


_Waar = tuple[Mapping[str, ir.Bron], str]  # the sources, the eId prefix of the parent ("" or "art_2.2__")


class _Bepaling(ast.BepalingVisitor[_Waar, Provision]):
    """Each level of the provision tree as a model provision: its AKN name and eId, its children."""

    def _maak(self, b: AstBepaling, soort: str, kop: str, eid: str, bronnen: Mapping[str, ir.Bron]) -> Provision:
        kids = tuple(self.visit(k, (bronnen, f"{eid}__")) for k in ast.kinderen(b))
        return Provision(soort, ast.nummer(b), kop, regel(b.tekst), eid, b.span.provision, b.span,
                         herkomst(b.herkomst, bronnen), kids, regels=_regels(b))

    def artikel(self, b: ast.Artikel, waar: _Waar) -> Provision:
        return self._maak(b, "article", regel(b.titel), f"art_{_num(b.nummer)}", waar[0])

    def lid(self, b: ast.Lid, waar: _Waar) -> Provision:
        return self._maak(b, "paragraph", "", f"{waar[1]}para_{_num(b.nummer)}", waar[0])

    def onderdeel(self, b: ast.Onderdeel, waar: _Waar) -> Provision:
        return self._maak(b, "point", "", f"{waar[1]}point_{_num(b.letter)}", waar[0])

    def subonderdeel(self, b: ast.Subonderdeel, waar: _Waar) -> Provision:
        return self._maak(b, "subpoint", "", f"{waar[1]}subpoint_{_num(b.nummer)}", waar[0])

    def begripsomschrijving(self, b: ast.Begripsomschrijving, waar: _Waar) -> Provision:
        # A definition: its number is its term, and it reads "term: omschrijving".
        return self._maak(b, "definition", "", f"{waar[1]}point_{term_id(b.term)}", waar[0])


_BEPALING = _Bepaling()


def table(t: ast.Tabel) -> Table:
    """A table as the regeling prints it: the key, the row's description (its first paragraph), the values."""
    beschreven = any(r.label for r in t.rijen)
    kolommen = (t.sleutel.name.replace("_", " ").capitalize(), *(["Omschrijving"] if beschreven else []),
                *(regel(k.label) or k.name for k in t.kolommen))
    rijen = tuple((r.key, *([regel(r.label.strip().split("\n\n")[0])] if beschreven else []),
                   *(cel(v) for v in r.values)) for r in t.rijen)
    return Table(t.name, regel(t.label), kolommen, rijen, t.span)


def _bijlage(b: ast.Bijlage, bronnen: Mapping[str, ir.Bron]) -> Provision:
    return Provision("annex", b.letter, regel(b.titel), regel(b.tekst), f"annex_{_num(b.letter)}",
                     ProvisionRef(bijlage=b.letter), b.span, herkomst(b.herkomst, bronnen),
                     tabellen=tuple(table(t) for t in b.tabellen))


def _plain(reg: ast.Regeling, bronnen: Mapping[str, ir.Bron]) -> Act:
    body = [provision(a, bronnen) for a in reg.artikelen] + [provision(h, bronnen) for h in reg.hoofdstukken]
    return Act(reg.titel, reg.versie, reg.basis, reg.geldig_vanaf, tuple(body),
               tuple(_bijlage(b, bronnen) for b in reg.bijlagen), reg.span)


def build_act(versie: str, consolidated: Mapping[str, ast.Regeling], bronnen: Mapping[str, ir.Bron],
              basis: str = "") -> Act:
    """Version ``versie``; with ``basis`` every provision carries its status against that version, eIds follow
    the lineage back through the bases, and lapsed provisions stand in place."""
    act = _plain(consolidated[versie], bronnen)
    if not basis:
        lineage = consolidated[versie].basis
        if not lineage or lineage not in consolidated:
            return act
        base = build_act(lineage, consolidated, bronnen, consolidated[lineage].basis)
        return restamp(act, _zonder_vervallen(base), with_status=False)
    return restamp(act, _zonder_vervallen(build_act(basis, consolidated, bronnen)), with_status=True)


def act_against(reg: ast.Regeling, base: ast.Regeling, bronnen: Mapping[str, ir.Bron] | None = None) -> Act:
    """``reg`` with every provision's status against ``base`` (eIds from ``base`` alone)."""
    return restamp(_plain(reg, bronnen or {}), _plain(base, bronnen or {}), with_status=True)


def _zonder_vervallen(act: Act) -> Act:
    def keep(ps: tuple[Provision, ...]) -> tuple[Provision, ...]:
        return tuple(dataclasses.replace(p, kinderen=keep(p.kinderen)) for p in ps if p.status != "lapsed")
    return dataclasses.replace(act, kinderen=keep(act.kinderen))

