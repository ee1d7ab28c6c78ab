"""Equality of AST nodes as a drafter sees them: spans (where a node was read) play no part, a tekst is equal
when its words are (a reflowed line is no change in the law), and the words a substitution brought in
(``Herkomst.delen``, which consolidation makes) are not compared. ``zelfde_versie`` compares two consolidated
versions this way (the check of ``afleiden`` and the round trip in the tests)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..span import NO_SPAN, Span
from ..syntax import ast
from . import _tree as T

__all__ = ["eigen", "gelijk", "kaal", "verschillen", "woorden_van", "zelfde_versie"]


def woorden_van(tekst: str) -> str:
    return " ".join(tekst.split())


def kaal(x: Any) -> Any:
    """``x`` with every span replaced by NO_SPAN and every tekst, toelichting and titel normalised to its words;
    tuples and frozen dataclasses are rebuilt, everything else is returned as it is."""
    if isinstance(x, Span):
        return NO_SPAN
    if isinstance(x, tuple):
        return tuple(kaal(v) for v in x)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(x):
            v = getattr(x, f.name)
            if f.name in ("tekst", "toelichting", "titel") and isinstance(v, str):
                changes[f.name] = woorden_van(v)
            elif f.name == "delen":  # a herkomst's substituted words: made by consolidation, never written
                changes[f.name] = ()
            else:
                changes[f.name] = kaal(v)
        return dataclasses.replace(x, **changes)
    return x


def gelijk(a: Any, b: Any) -> bool:
    return bool(kaal(a) == kaal(b))


def zelfde_versie(a: ast.Regeling, b: ast.Regeling) -> bool:
    """Whether two consolidated versions say the same, apart from header and layout: provisions, gegevens
    (in any order), bijlagen, eigenschappen."""
    return not any(True for _ in verschillen(a, b))


def verschillen(a: ast.Regeling, b: ast.Regeling) -> Iterator[str]:
    pa, pb = dict(T.bepalingen(a)), dict(T.bepalingen(b))
    for ref in dict.fromkeys([*pa, *pb]):
        if ref not in pa or ref not in pb or not gelijk(eigen(pa[ref]), eigen(pb[ref])):
            yield ref.citeer()
    if sorted(map(repr, kaal(a.gegevens))) != sorted(map(repr, kaal(b.gegevens))):
        yield "de gegevens"
    if not gelijk(a.bijlagen, b.bijlagen):
        yield "de bijlagen"
    if not gelijk(a.eigenschappen, b.eigenschappen):
        yield "de eigenschappen"
    if not gelijk(_structuur(a), _structuur(b)):
        yield "de indeling in hoofdstukken en paragrafen"


def eigen(b: T.Node) -> T.Node:
    """A provision without its children (they are compared on their own)."""
    return _EIGEN.visit(b, None)


class _Eigen(ast.BepalingVisitor[None, T.Node]):
    def artikel(self, b: ast.Artikel, _: None) -> T.Node:
        return replace(b, leden=(), onderdelen=(), begrippen=())
    def lid(self, b: ast.Lid, _: None) -> T.Node:
        return replace(b, onderdelen=())
    def onderdeel(self, b: ast.Onderdeel, _: None) -> T.Node:
        return replace(b, subonderdelen=())
    def subonderdeel(self, b: ast.Subonderdeel, _: None) -> T.Node:
        return b
    def begripsomschrijving(self, b: ast.Begripsomschrijving, _: None) -> T.Node:
        return b


_EIGEN = _Eigen()


def _structuur(r: ast.Regeling) -> list[tuple[str, str, str, tuple[str, ...]]]:
    out = [("", "", "", tuple(x.nummer for x in r.artikelen))]
    for h in r.hoofdstukken:
        out.append((h.nummer, "", woorden_van(h.titel), tuple(x.nummer for x in h.artikelen)))
        out += [(h.nummer, p.nummer, woorden_van(p.titel), tuple(x.nummer for x in p.artikelen))
                for p in h.paragrafen]
    return out
