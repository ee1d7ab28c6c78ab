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
from ..syntax.printer import print_bepaling
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
    if isinstance(b, ast.Subonderdeel):
        shell: ast.Bepaling = ast.Onderdeel(b.nummer, "", "", b.items, (), b.span)
    elif isinstance(b, ast.Begripsomschrijving):
        shell = dataclasses.replace(b, tekst="", toelichting="", herkomst=None)
    elif isinstance(b, ast.Artikel):
        shell = dataclasses.replace(b, tekst="", toelichting="", leden=(), onderdelen=(), begrippen=(),
                                    herkomst=None)
    elif isinstance(b, ast.Lid):
        shell = dataclasses.replace(b, tekst="", toelichting="", onderdelen=(), herkomst=None)
    else:
        shell = dataclasses.replace(b, tekst="", toelichting="", subonderdelen=(), herkomst=None)
    if not shell.items:
        return ""
    return "\n".join(line.strip() for line in print_bepaling(shell).splitlines()[1:] if line.strip())


def provision(b: AstBepaling | ast.Hoofdstuk | ast.Paragraaf, bronnen: Mapping[str, ir.Bron],
              parent: str = "") -> Provision:
    """One provision and everything in it, eIds from the numbers under ``parent``."""
    pre = f"{parent}__" if parent else ""
    h = herkomst(getattr(b, "herkomst", None), bronnen)
    if isinstance(b, ast.Hoofdstuk):
        eid = f"chp_{_num(b.nummer)}"
        kids = [provision(a, bronnen) for a in b.artikelen] + [provision(p, bronnen, eid) for p in b.paragrafen]
        return Provision("chapter", b.nummer, regel(b.titel), "", eid, None, b.span, None, tuple(kids))
    if isinstance(b, ast.Paragraaf):
        eid = f"{pre}sec_{_num(b.nummer)}"
        return Provision("section", b.nummer, regel(b.titel), "", eid, None, b.span, None,
                         tuple(provision(a, bronnen) for a in b.artikelen))
    ref = b.span.provision
    if isinstance(b, ast.Artikel):
        eid = f"art_{_num(b.nummer)}"
        delen: tuple[AstBepaling, ...] = (*b.leden, *b.onderdelen, *b.begrippen)
        kids = [provision(x, bronnen, eid) for x in delen]
        return Provision("article", b.nummer, regel(b.titel), regel(b.tekst), eid, ref, b.span, h, tuple(kids),
                         regels=_regels(b))
    if isinstance(b, ast.Lid):
        eid = f"{pre}para_{_num(b.nummer)}"
        return Provision("paragraph", b.nummer, "", regel(b.tekst), eid, ref, b.span, h,
                         tuple(provision(o, bronnen, eid) for o in b.onderdelen), regels=_regels(b))
    if isinstance(b, ast.Begripsomschrijving):
        # A definition: its number is its term, and it reads "term: omschrijving".
        return Provision("definition", b.term, "", regel(b.tekst), f"{pre}point_{term_id(b.term)}", ref, b.span, h,
                         regels=_regels(b))
    if isinstance(b, ast.Onderdeel):
        eid = f"{pre}point_{_num(b.letter)}"
        return Provision("point", b.letter, "", regel(b.tekst), eid, ref, b.span, h,
                         tuple(provision(s, bronnen, eid) for s in b.subonderdelen), regels=_regels(b))
    return Provision("subpoint", b.nummer, "", regel(b.tekst), f"{pre}subpoint_{_num(b.nummer)}", ref, b.span, h,
                     regels=_regels(b))


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

