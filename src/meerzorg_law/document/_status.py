"""The status pass: a version's provisions measured against its base (new, changed, lapsed, renumbered,
unchanged), eIds carried over from the base, lapsed provisions put back where they stood."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..span import ProvisionRef
from .model import Act, Provision, Table

__all__ = ["restamp", "walk"]


def walk(ps: tuple[Provision, ...], parent: str = "") -> Iterator[tuple[str, Provision]]:
    """(parent eId, provision) for every provision, depth first in document order."""
    for p in ps:
        yield parent, p
        yield from walk(p.kinderen, p.eid)


def _moves(old: dict[ProvisionRef, tuple[str, str, str]],
           new: dict[ProvisionRef, tuple[str, str, str]]) -> dict[ProvisionRef, ProvisionRef]:
    """new ref -> old ref for content that left its old number and now stands, unchanged, under another one
    (a renumbering): pairing by number alone would show a change and an insertion."""
    left = {ref: content for ref, content in old.items() if new.get(ref) != content}
    moves: dict[ProvisionRef, ProvisionRef] = {}
    for ref, content in new.items():
        if old.get(ref) == content or not any(content):
            continue
        source = next((o for o, c in left.items() if c == content and o != ref and o not in moves.values()), None)
        if source is not None:
            moves[ref] = source
    return moves


def _lapsed(p: Provision) -> Provision:
    return dataclasses.replace(p, status="lapsed", tekst_oud=p.tekst, regels_oud=p.regels, kop_oud=p.kop,
                               kinderen=tuple(_lapsed(k) for k in p.kinderen))


def _tail(eid: str) -> str:
    return eid.rsplit("__", 1)[-1]


def restamp(act: Act, base: Act, with_status: bool) -> Act:
    """``act`` with the eIds of ``base`` where a provision continues one of it; with ``with_status`` also the
    status of each provision and the lapsed ones in place."""
    old = {p.ref: (parent, p) for parent, p in walk(base.kinderen) if p.ref is not None}
    old_by_eid = {p.eid: p for _, p in walk(base.kinderen)}
    new = {p.ref: p for _, p in walk(act.kinderen) if p.ref is not None}
    moves = _moves({r: (p.kop, p.tekst, p.regels) for r, (_, p) in old.items()},
                   {r: (p.kop, p.tekst, p.regels) for r, p in new.items()})
    moved_away = set(moves.values())
    used = {p.eid for r, (_, p) in old.items() if r in moved_away or (r in new and r not in moves)}
    used |= {p.eid for _, p in walk(base.kinderen) if p.ref is None}
    lapsed: dict[str, list[Provision]] = {}
    if with_status:
        gone = {old[r][1].eid for r in old if r not in moved_away and (r not in new or r in moves)}
        nu = {p.eid for _, p in walk(act.kinderen) if p.ref is None}
        gone |= {p.eid for _, p in walk(base.kinderen) if p.ref is None and p.eid not in nu}
        for parent, p in walk(base.kinderen):
            if p.eid in gone and parent not in gone:  # the top-most lapsed provision carries its parts
                lapsed.setdefault(parent, []).append(_lapsed(p))
    order = {parent: [p.eid for p in ps] for parent, ps in _children(base.kinderen).items()}

    def fresh(eid: str) -> str:
        out, n = eid, 1
        while out in used:
            n += 1
            out = f"{eid}_{n}"
        used.add(out)
        return out

    def stamp(p: Provision, parent: str) -> Provision:
        status, was, tekst_oud, regels_oud, ref_oud, kop_oud = "unchanged", "", "", "", None, p.kop
        if p.ref is None:  # chapter or section: matched on its eId
            o = old_by_eid.get(p.eid)
            eid = p.eid
            status = "new" if o is None else ("changed" if o.kop != p.kop else "unchanged")
            kop_oud = o.kop if o is not None else ""
        elif p.ref in moves:
            o = old[moves[p.ref]][1]
            eid, status, was, tekst_oud, regels_oud = o.eid, "renumbered", o.nummer, o.tekst, o.regels
            ref_oud, kop_oud = o.ref, o.kop
        elif p.ref in old and p.ref not in moved_away:
            o = old[p.ref][1]
            eid, tekst_oud, regels_oud, kop_oud = o.eid, o.tekst, o.regels, o.kop
            status = "unchanged" if (o.tekst, o.regels, o.kop) == (p.tekst, p.regels, p.kop) else "changed"
        else:
            eid, status = fresh(f"{parent}__{_tail(p.eid)}" if parent and p.soort != "article" else p.eid), "new"
        kids = tuple(stamp(k, eid) for k in p.kinderen)
        if not with_status:
            return dataclasses.replace(p, eid=eid, kinderen=kids)
        kids = _insert(kids, lapsed.get(eid, []), order.get(eid, []))
        return dataclasses.replace(p, eid=eid, kinderen=kids, status=status, was=was, tekst_oud=tekst_oud,
                                   regels_oud=regels_oud, ref_oud=ref_oud, kop_oud=kop_oud)

    body = tuple(stamp(p, "") for p in act.kinderen)
    if not with_status:
        return dataclasses.replace(act, kinderen=body)
    body = _insert(body, lapsed.get("", []), order.get("", []))
    return dataclasses.replace(act, kinderen=body, bijlagen=_annexes(act.bijlagen, base.bijlagen))


def _children(ps: tuple[Provision, ...], parent: str = "") -> dict[str, tuple[Provision, ...]]:
    out = {parent: ps}
    for p in ps:
        out.update(_children(p.kinderen, p.eid))
    return out


def _insert(kids: tuple[Provision, ...], gone: list[Provision], order: list[str]) -> tuple[Provision, ...]:
    """Put each lapsed provision after the sibling that preceded it in the base."""
    out = list(kids)
    for p in sorted(gone, key=lambda g: order.index(g.eid) if g.eid in order else len(order)):
        i = order.index(p.eid) if p.eid in order else len(order)
        before = set(order[:i])
        at = max((n + 1 for n, k in enumerate(out) if k.eid in before), default=0)
        out.insert(at, p)
    return tuple(out)


def _annexes(new: tuple[Provision, ...], base: tuple[Provision, ...]) -> tuple[Provision, ...]:
    old = {b.nummer: b for b in base}
    out = []
    for b in new:
        o = old.get(b.nummer)
        if o is None:
            out.append(dataclasses.replace(b, status="new"))
            continue
        oud_tabel = {t.naam: t for t in o.tabellen}
        tabellen = tuple(_tabel(t, oud_tabel.get(t.naam)) for t in b.tabellen)
        changed = o.tekst != b.tekst or o.kop != b.kop or tabellen != b.tabellen
        out.append(dataclasses.replace(b, tabellen=tabellen, status="changed" if changed else "unchanged",
                                       tekst_oud=o.tekst, kop_oud=o.kop))
    numbers = {b.nummer for b in new}
    out += [_lapsed(o) for o in base if o.nummer not in numbers]
    return tuple(out)


def _tabel(t: Table, o: Table | None) -> Table:
    if o is not None and (o.rijen, o.kolommen) == (t.rijen, t.kolommen):
        return t
    return dataclasses.replace(t, rijen_oud=o.rijen if o else (),
                               kolommen_oud=o.kolommen if o and o.kolommen != t.kolommen else None)
