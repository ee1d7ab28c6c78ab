"""Herkomst follows instructions: what a wijzigingsregeling brings in is ``voorstel`` in the consolidated
version, unless the instruction declares another herkomst itself.

* a provision that is inserted or comes to read anew, without a herkomst of its own, is a voorstel;
* a textual substitution keeps the provision's herkomst for the words it leaves, and records the words it
  brings in as ``delen`` of that herkomst (``ast.HerkomstDeel``: where in the tekst, which words, voorstel), so
  "drie jaar" -> "vijf jaar" in an officieel lid leaves the rest official and the five years a voorstel;
* begrippen and regels that "met regels:" brings in (new or changed) without a herkomst are a voorstel, so
  they no longer borrow the herkomst of the provision they stand in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..span import Span
from ..syntax import ast
from ._gelijk import gelijk

__all__ = ["ingebracht", "nieuwe_items", "vervangen"]

VOORSTEL = "voorstel"

_Node = ast.Bepaling


def _voorstel(span: Span) -> ast.Herkomst:
    return ast.Herkomst(VOORSTEL, (), "", (), span)


def ingebracht(b: _Node, span: Span) -> _Node:
    """A provision an instruction brings in: its own herkomst, or voorstel (its parts inherit it)."""
    return b if b.herkomst is not None else replace(b, herkomst=_voorstel(span))


def nieuwe_items(oud: tuple[ast.Item, ...], nieuw: tuple[ast.Item, ...], span: Span) -> tuple[ast.Item, ...]:
    """The items of "met regels:": each one that was not there before and says no herkomst is a voorstel."""
    # A rangorde says only in which order reasons are tested: it has no herkomst of its own.
    return tuple(x if isinstance(x, ast.Rangorde) or x.herkomst is not None or any(gelijk(x, o) for o in oud)
                 else replace(x, herkomst=_voorstel(span)) for x in nieuw)


def vervangen(h: ast.Herkomst | None, tekst: str, oud: str, nieuw: str, span: Span) -> ast.Herkomst | None:
    """The herkomst of a provision after every ``oud`` in ``tekst`` became ``nieuw``: the words brought in are
    a voorstel (a deel), earlier delen move with the text around them or go when their words are replaced."""
    if h is None or h.soort == VOORSTEL:
        return h
    merk: list[tuple[str, Span] | None] = [None] * len(tekst)
    for d in h.delen:
        merk[d.begin:d.eind] = [(d.soort, d.span)] * (d.eind - d.begin)
    nieuw_merk: list[tuple[str, Span] | None] = []
    pos = 0
    for m in re.finditer(re.escape(oud), tekst):
        nieuw_merk += merk[pos:m.start()]
        nieuw_merk += [(VOORSTEL, span)] * len(nieuw)
        pos = m.end()
    nieuw_merk += merk[pos:]
    nieuwe_tekst = tekst.replace(oud, nieuw)
    delen: list[ast.HerkomstDeel] = []
    begin = 0
    for i in range(1, len(nieuw_merk) + 1):
        if i == len(nieuw_merk) or nieuw_merk[i] != nieuw_merk[begin]:
            soort = nieuw_merk[begin]
            if soort is not None and nieuwe_tekst[begin:i].strip():
                delen.append(ast.HerkomstDeel(begin, i, nieuwe_tekst[begin:i], soort[0], soort[1]))
            begin = i
    return replace(h, delen=tuple(delen))
