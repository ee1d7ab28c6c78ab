"""The provision tree of an AST ``Regeling``: find the provisions beside a reference and rebuild the path up to
them. Used by ``consolidate`` (instructions) and ``references`` (citations in teksten); everything works on
``ProvisionRef`` paths artikel > lid > onderdeel > subonderdeel, and artikel > begripsomschrijving (an
alphabetical begrippenlijst, whose entries are addressed by their term and kept in alphabetical order)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from ..span import ProvisionRef
from ..syntax import ast

Node = ast.Artikel | ast.Lid | ast.Onderdeel | ast.Subonderdeel | ast.Begripsomschrijving
_LEVELS = ("artikel", "lid", "onderdeel", "subonderdeel", "begrip")


def soort(b: Node) -> str:
    return ast.niveau(b)


def soort_van(ref: ProvisionRef) -> str:
    if ref.begrip:
        return "begrip"
    if ref.subonderdeel:
        return "subonderdeel"
    return "onderdeel" if ref.onderdeel else "lid" if ref.lid else "artikel"


def nummer(b: Node) -> str:
    return ast.nummer(b)


def laatste(ref: ProvisionRef) -> str:
    return ref.begrip or ref.subonderdeel or ref.onderdeel or ref.lid or ref.artikel


def ouder(ref: ProvisionRef) -> ProvisionRef:
    if ref.begrip:
        return ProvisionRef(ref.artikel)
    if ref.subonderdeel:
        return ProvisionRef(ref.artikel, ref.lid, ref.onderdeel)
    if ref.onderdeel:
        return ProvisionRef(ref.artikel, ref.lid)
    return ProvisionRef(ref.artikel) if ref.lid else ProvisionRef()


def met_nummer(ref: ProvisionRef, waarde: str) -> ProvisionRef:
    """``ref`` with its own (deepest) number replaced."""
    return replace(ref, **{soort_van(ref): waarde})


def binnen(ref: ProvisionRef, parent: ProvisionRef) -> bool:
    """Whether ``ref`` is ``parent`` or lies inside it. Unlike ``ProvisionRef.bevat``, an artikel's own
    onderdeel a (artikel 4, onderdeel a) does not contain onderdeel a of one of its leden."""
    diepte = _LEVELS.index(soort_van(parent)) + 1
    mine = (ref.artikel, ref.lid, ref.onderdeel, ref.subonderdeel, ref.begrip)
    theirs = (parent.artikel, parent.lid, parent.onderdeel, parent.subonderdeel, parent.begrip)
    return mine[:diepte] == theirs[:diepte]


def artikellijsten(reg: ast.Regeling) -> Iterator[tuple[ast.Artikel, ...]]:
    yield reg.artikelen
    for h in reg.hoofdstukken:
        yield h.artikelen
        for p in h.paragrafen:
            yield p.artikelen


def per_artikellijst(reg: ast.Regeling,
                     f: Callable[[tuple[ast.Artikel, ...]], tuple[ast.Artikel, ...]]) -> ast.Regeling:
    return replace(reg, artikelen=f(reg.artikelen), hoofdstukken=tuple(
        replace(h, artikelen=f(h.artikelen),
                paragrafen=tuple(replace(p, artikelen=f(p.artikelen)) for p in h.paragrafen))
        for h in reg.hoofdstukken))


def per_artikel(reg: ast.Regeling, f: Callable[[ast.Artikel], ast.Artikel]) -> ast.Regeling:
    return per_artikellijst(reg, lambda lijst: tuple(f(a) for a in lijst))


def naast(reg: ast.Regeling, ref: ProvisionRef) -> tuple[Node, ...]:
    """The provisions standing beside ``ref``, itself included (empty when its parent does not exist)."""
    s = soort_van(ref)
    if s == "artikel":
        return next((lijst for lijst in artikellijsten(reg) if any(a.nummer == ref.artikel for a in lijst)), ())
    parent = vind(reg, ouder(ref))
    if s == "lid":
        return parent.leden if isinstance(parent, ast.Artikel) else ()
    if s == "onderdeel":
        return parent.onderdelen if isinstance(parent, (ast.Artikel, ast.Lid)) else ()
    if s == "begrip":
        return parent.begrippen if isinstance(parent, ast.Artikel) else ()
    return parent.subonderdelen if isinstance(parent, ast.Onderdeel) else ()


def vind(reg: ast.Regeling, ref: ProvisionRef) -> Node | None:
    return next((b for b in naast(reg, ref) if nummer(b) == laatste(ref)), None)


def kinderen(b: Node) -> tuple[Node, ...]:
    return ast.kinderen(b)


def met_naast(reg: ast.Regeling, ref: ProvisionRef, siblings: tuple[Node, ...]) -> ast.Regeling:
    """``reg`` with the provisions beside ``ref`` (whose parent exists) replaced by ``siblings``."""
    s = soort_van(ref)
    if s == "artikel":
        artikelen = tuple(b for b in siblings if isinstance(b, ast.Artikel))
        return per_artikellijst(reg, lambda lijst: artikelen if any(a.nummer == ref.artikel for a in lijst) else lijst)
    parent = vind(reg, ouder(ref))
    nieuw: Node
    if s == "lid" and isinstance(parent, ast.Artikel):
        nieuw = replace(parent, leden=tuple(b for b in siblings if isinstance(b, ast.Lid)))
    elif s == "onderdeel" and isinstance(parent, (ast.Artikel, ast.Lid)):
        nieuw = replace(parent, onderdelen=tuple(b for b in siblings if isinstance(b, ast.Onderdeel)))
    elif s == "begrip" and isinstance(parent, ast.Artikel):
        nieuw = replace(parent, begrippen=tuple(b for b in siblings if isinstance(b, ast.Begripsomschrijving)))
    elif s == "subonderdeel" and isinstance(parent, ast.Onderdeel):
        nieuw = replace(parent, subonderdelen=tuple(b for b in siblings if isinstance(b, ast.Subonderdeel)))
    else:
        raise AssertionError(f"{ouder(ref).citeer()} bestaat niet")
    return vervang(reg, ouder(ref), nieuw)


def vervang(reg: ast.Regeling, ref: ProvisionRef, bepaling: Node) -> ast.Regeling:
    """``reg`` with the provision at ``ref`` replaced (``bepaling`` may carry a new number)."""
    return met_naast(reg, ref, tuple(bepaling if nummer(b) == laatste(ref) else b for b in naast(reg, ref)))


def hernummer(b: Node, waarde: str) -> Node:
    if isinstance(b, ast.Begripsomschrijving):
        return replace(b, term=waarde)
    return replace(b, letter=waarde) if isinstance(b, ast.Onderdeel) else replace(b, nummer=waarde)


def bepalingen(reg: ast.Regeling) -> Iterator[tuple[ProvisionRef, Node]]:
    """Every provision with the reference it stands at, in document order."""
    def walk(b: Node, ref: ProvisionRef) -> Iterator[tuple[ProvisionRef, Node]]:
        yield ref, b
        for k in kinderen(b):
            yield from walk(k, ProvisionRef(ref.artikel, ref.lid, k.letter) if isinstance(k, ast.Onderdeel)
                            else replace(ref, **{soort(k): nummer(k)}))
    for a in reg.alle_artikelen():
        yield from walk(a, ProvisionRef(a.nummer))


class _Verwijzingen(ast.ItemVisitor[Callable[[ast.Verwijzing], ast.Verwijzing], ast.Item]):
    """An item with every citation it makes of a provision (a rule's "in afwijking van", the provisions of a
    rangorde) passed through the function."""

    def begrip(self, x: ast.Begrip, f: Callable[[ast.Verwijzing], ast.Verwijzing]) -> ast.Item:
        return x
    def regel(self, x: ast.Regel, f: Callable[[ast.Verwijzing], ast.Verwijzing]) -> ast.Item:
        return replace(x, afwijking=tuple(f(v) for v in x.afwijking))
    def rangorde(self, x: ast.Rangorde, f: Callable[[ast.Verwijzing], ast.Verwijzing]) -> ast.Item:
        return replace(x, volgorde=tuple(f(v) for v in x.volgorde))


_VERWIJZINGEN = _Verwijzingen()


def herschrijf_verwijzingen(oud: ProvisionRef, nieuw: ProvisionRef) -> Callable[[ast.Artikel], ast.Artikel]:
    """An artikel-rewriter: every citation of ``oud`` (or inside it) in an "in afwijking van" or a rangorde now
    cites ``nieuw``."""
    veld = soort_van(oud)

    def verwijzing(v: ast.Verwijzing) -> ast.Verwijzing:
        return replace(v, ref=replace(v.ref, **{veld: laatste(nieuw)})) if binnen(v.ref, oud) else v

    def items(xs: tuple[ast.Item, ...]) -> tuple[ast.Item, ...]:
        return tuple(_VERWIJZINGEN.visit(x, verwijzing) for x in xs)

    def onderdeel(o: ast.Onderdeel) -> ast.Onderdeel:
        return replace(o, items=items(o.items),
                       subonderdelen=tuple(replace(s, items=items(s.items)) for s in o.subonderdelen))

    def artikel(a: ast.Artikel) -> ast.Artikel:
        return replace(a, items=items(a.items), onderdelen=tuple(onderdeel(o) for o in a.onderdelen),
                       begrippen=tuple(replace(b, items=items(b.items)) for b in a.begrippen),
                       leden=tuple(replace(lid, items=items(lid.items),
                                           onderdelen=tuple(onderdeel(o) for o in lid.onderdelen))
                                   for lid in a.leden))

    return artikel
