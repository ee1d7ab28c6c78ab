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
    """A provision in an instruction is annotated as if it already stood where it will stand."""
    if isinstance(instr, ast.KomtTeLuiden):
        return dataclasses.replace(instr, bepaling=annotate_bepaling(instr.bepaling, instr.doel.ref))
    if isinstance(instr, ast.Ingevoegd):
        return dataclasses.replace(instr, bepaling=annotate_bepaling(
            instr.bepaling, _inserted_ref(instr.anker.ref, instr.bepaling)))
    if isinstance(instr, ast.AlfabetischIngevoegd):
        return dataclasses.replace(instr, begrippen=tuple(
            _ann_begrip(b, ProvisionRef(instr.artikel.ref.artikel, begrip=b.term)) for b in instr.begrippen))
    if isinstance(instr, ast.Vervangen) and instr.items is not None:
        return dataclasses.replace(instr, items=_ann_items(instr.items, instr.doel.ref))
    if isinstance(instr, ast.StructuurIngevoegd):
        nieuw = instr.nieuw
        if isinstance(nieuw, ast.Hoofdstuk):
            return dataclasses.replace(instr, nieuw=dataclasses.replace(
                nieuw, artikelen=tuple(_ann_artikel(a) for a in nieuw.artikelen),
                paragrafen=tuple(dataclasses.replace(p, artikelen=tuple(_ann_artikel(a) for a in p.artikelen))
                                 for p in nieuw.paragrafen)))
        return dataclasses.replace(instr, nieuw=dataclasses.replace(
            nieuw, artikelen=tuple(_ann_artikel(a) for a in nieuw.artikelen)))
    return instr


def _inserted_ref(anker: ProvisionRef, b: ast.Bepaling) -> ProvisionRef:
    if isinstance(b, ast.Artikel):
        return ProvisionRef(b.nummer)
    if isinstance(b, ast.Lid):
        return ProvisionRef(anker.artikel, b.nummer)
    if isinstance(b, ast.Subonderdeel):
        return ProvisionRef(anker.artikel, anker.lid, anker.onderdeel, b.nummer)
    if isinstance(b, ast.Begripsomschrijving):
        return ProvisionRef(anker.artikel, begrip=b.term)
    return ProvisionRef(anker.artikel, anker.lid, b.letter)


def annotate_bepaling(b: ast.Bepaling, where: ProvisionRef) -> ast.Bepaling:
    """Annotate a provision that will stand at ``where`` (its own number is taken from ``b``)."""
    if isinstance(b, ast.Artikel):
        return _ann_artikel(b)
    if isinstance(b, ast.Lid):
        return _ann_lid(b, ProvisionRef(where.artikel, b.nummer))
    if isinstance(b, ast.Subonderdeel):
        ref = ProvisionRef(where.artikel, where.lid, where.onderdeel, b.nummer)
        return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref))
    if isinstance(b, ast.Begripsomschrijving):
        return _ann_begrip(b, ProvisionRef(where.artikel, begrip=b.term))
    return _ann_onderdeel(b, ProvisionRef(where.artikel, where.lid, b.letter))


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
    out: list[ast.Item] = []
    for it in items:
        if isinstance(it, ast.Regel):
            refs = tuple(ast.Verwijzing(_absolute(v.ref, ref), v.span.in_provision(ref)) for v in it.afwijking)
            out.append(dataclasses.replace(it, afwijking=refs, span=it.span.in_provision(ref),
                                           toekenningen=tuple(dataclasses.replace(t, span=t.span.in_provision(ref))
                                                              for t in it.toekenningen)))
        elif isinstance(it, ast.Rangorde):
            out.append(dataclasses.replace(it, span=it.span.in_provision(ref), volgorde=tuple(
                ast.Verwijzing(_absolute(v.ref, ref), v.span.in_provision(ref)) for v in it.volgorde)))
        else:
            out.append(dataclasses.replace(it, span=it.span.in_provision(ref)))
    return tuple(out)


def _absolute(target: ProvisionRef, here: ProvisionRef) -> ProvisionRef:
    if target.artikel:
        return target
    if target.lid:
        return ProvisionRef(here.artikel, target.lid, target.onderdeel)
    return ProvisionRef(here.artikel, here.lid, target.onderdeel)


def _ann_artikel(a: ast.Artikel) -> ast.Artikel:
    ref = ProvisionRef(a.nummer)
    return dataclasses.replace(
        a, span=a.span.in_provision(ref), items=_ann_items(a.items, ref),
        leden=tuple(_ann_lid(lid, ProvisionRef(a.nummer, lid.nummer)) for lid in a.leden),
        onderdelen=tuple(_ann_onderdeel(o, ProvisionRef(a.nummer, "", o.letter)) for o in a.onderdelen),
        begrippen=tuple(_ann_begrip(b, ProvisionRef(a.nummer, begrip=b.term)) for b in a.begrippen))


def _ann_begrip(b: ast.Begripsomschrijving, ref: ProvisionRef) -> ast.Begripsomschrijving:
    return dataclasses.replace(b, span=b.span.in_provision(ref), items=_ann_items(b.items, ref))


def _ann_lid(lid: ast.Lid, ref: ProvisionRef) -> ast.Lid:
    return dataclasses.replace(
        lid, span=lid.span.in_provision(ref), items=_ann_items(lid.items, ref),
        onderdelen=tuple(_ann_onderdeel(o, ProvisionRef(ref.artikel, ref.lid, o.letter)) for o in lid.onderdelen))


def _ann_onderdeel(o: ast.Onderdeel, ref: ProvisionRef) -> ast.Onderdeel:
    return dataclasses.replace(
        o, span=o.span.in_provision(ref), items=_ann_items(o.items, ref),
        subonderdelen=tuple(dataclasses.replace(
            s, span=s.span.in_provision(dataclasses.replace(ref, subonderdeel=s.nummer)),
            items=_ann_items(s.items, dataclasses.replace(ref, subonderdeel=s.nummer)))
            for s in o.subonderdelen))

