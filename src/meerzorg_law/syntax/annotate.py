"""AST -> AST: give each provision and item the ProvisionRef it stands in, and make relative citations
("tweede lid", "onderdeel b") absolute. ``annotate_bepaling`` is public for versions.consolidate, which
re-annotates provisions it inserts.
"""

from __future__ import annotations

import dataclasses

from ..span import ProvisionRef
from . import ast

__all__ = ["annotate_bepaling", "annotate_document", "annotate_regeling"]


def annotate_document(doc: ast.Document) -> ast.Document:
    if isinstance(doc, ast.Regeling):
        return annotate_regeling(doc)
    return dataclasses.replace(doc, artikelen=tuple(
        dataclasses.replace(wa, wijzigingen=tuple(
            dataclasses.replace(w, instructies=tuple(_annotate_instructie(i) for i in w.instructies))
            for w in wa.wijzigingen), bepaling=_ann_artikel(wa.bepaling) if wa.bepaling else None)
        for wa in doc.artikelen))


def _annotate_instructie(instr: ast.Instructie) -> ast.Instructie:
    """A provision in an instruction is annotated as if it already stood where it will stand (``ast.inhoud``
    says what each kind carries and beside which reference, so no kind is named here)."""
    return ast.met_inhoud(instr, _ann_inhoud)


def _ann_inhoud(where: ProvisionRef, waarde: ast.Inhoud) -> ast.Inhoud:
    if isinstance(waarde, tuple):
        if waarde and isinstance(waarde[0], ast.Begripsomschrijving):  # begrippen inserted alphabetically
            return tuple(_BEPALING.begripsomschrijving(b, where) for b in waarde
                         if isinstance(b, ast.Begripsomschrijving))
        return _ann_items(tuple(x for x in waarde if not isinstance(x, ast.Begripsomschrijving)), where)
    if isinstance(waarde, ast.Hoofdstuk):
        return dataclasses.replace(
            waarde, artikelen=tuple(_ann_artikel(a) for a in waarde.artikelen),
            paragrafen=tuple(dataclasses.replace(p, artikelen=tuple(_ann_artikel(a) for a in p.artikelen))
                             for p in waarde.paragrafen))
    if isinstance(waarde, ast.Paragraaf):
        return dataclasses.replace(waarde, artikelen=tuple(_ann_artikel(a) for a in waarde.artikelen))
    return annotate_bepaling(waarde, where)


def annotate_bepaling(b: ast.Bepaling, where: ProvisionRef) -> ast.Bepaling:
    """Annotate a provision that will stand in ``where`` (its parent, or a sibling: only the levels above
    ``b`` are read; its own number is taken from ``b``)."""
    return _BEPALING.visit(b, where)


def annotate_regeling(reg: ast.Regeling) -> ast.Regeling:
    return dataclasses.replace(
        reg,
        artikelen=tuple(_ann_artikel(a) for a in reg.artikelen),
        hoofdstukken=tuple(dataclasses.replace(
            h, artikelen=tuple(_ann_artikel(a) for a in h.artikelen),
            paragrafen=tuple(dataclasses.replace(p, artikelen=tuple(_ann_artikel(a) for a in p.artikelen))
                             for p in h.paragrafen))
            for h in reg.hoofdstukken),
        bijlagen=tuple(dataclasses.replace(
            b, span=b.span.in_provision(ProvisionRef(bijlage=b.letter)),
            tabellen=tuple(dataclasses.replace(t, span=t.span.in_provision(ProvisionRef(bijlage=b.letter)))
                           for t in b.tabellen))
            for b in reg.bijlagen))


def _ann_items(items: tuple[ast.Item, ...], ref: ProvisionRef) -> tuple[ast.Item, ...]:
    return tuple(_ITEM.visit(it, ref) for it in items)


class _Item(ast.ItemVisitor[ProvisionRef, ast.Item]):
    """An item standing in ``ref``: its spans there, its citations ("in afwijking van", rangorde) absolute."""

    def begrip(self, it: ast.Begrip, ref: ProvisionRef) -> ast.Item:
        return dataclasses.replace(it, span=it.span.in_provision(ref))

    def regel(self, it: ast.Regel, ref: ProvisionRef) -> ast.Item:
        refs = tuple(ast.Verwijzing(_absolute(v.ref, ref), v.span.in_provision(ref)) for v in it.afwijking)
        return dataclasses.replace(it, afwijking=refs, span=it.span.in_provision(ref), toekenningen=tuple(
            dataclasses.replace(t, span=t.span.in_provision(ref)) for t in it.toekenningen))

    def rangorde(self, it: ast.Rangorde, ref: ProvisionRef) -> ast.Item:
        return dataclasses.replace(it, span=it.span.in_provision(ref), volgorde=tuple(
            ast.Verwijzing(_absolute(v.ref, ref), v.span.in_provision(ref)) for v in it.volgorde))


_ITEM = _Item()


def _absolute(target: ProvisionRef, here: ProvisionRef) -> ProvisionRef:
    if target.artikel:
        return target
    if target.lid:
        return ProvisionRef(here.artikel, target.lid, target.onderdeel)
    return ProvisionRef(here.artikel, here.lid, target.onderdeel)


def _ann_artikel(a: ast.Artikel) -> ast.Artikel:
    return _BEPALING.artikel(a, ProvisionRef(a.nummer))


class _Bepaling(ast.BepalingVisitor[ProvisionRef, ast.Bepaling]):
    """Each level takes its reference from its parent's (``where``) and its own number, then annotates its
    items and children with it."""

    def artikel(self, b: ast.Artikel, where: ProvisionRef) -> ast.Artikel:
        ref = ProvisionRef(b.nummer)
        return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref),
                                   leden=tuple(self.lid(lid, ref) for lid in b.leden),
                                   onderdelen=tuple(self.onderdeel(o, ref) for o in b.onderdelen),
                                   begrippen=tuple(self.begripsomschrijving(x, ref) for x in b.begrippen))

    def lid(self, b: ast.Lid, where: ProvisionRef) -> ast.Lid:
        ref = ProvisionRef(where.artikel, b.nummer)
        return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref),
                                   onderdelen=tuple(self.onderdeel(o, ref) for o in b.onderdelen))

    def onderdeel(self, b: ast.Onderdeel, where: ProvisionRef) -> ast.Onderdeel:
        ref = ProvisionRef(where.artikel, where.lid, b.letter)
        return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref),
                                   subonderdelen=tuple(self.subonderdeel(s, ref) for s in b.subonderdelen))

    def subonderdeel(self, b: ast.Subonderdeel, where: ProvisionRef) -> ast.Subonderdeel:
        ref = ProvisionRef(where.artikel, where.lid, where.onderdeel, b.nummer)
        return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref))

    def begripsomschrijving(self, b: ast.Begripsomschrijving, where: ProvisionRef) -> ast.Begripsomschrijving:
        ref = ProvisionRef(where.artikel, begrip=b.term)
        return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref))


_BEPALING = _Bepaling()
