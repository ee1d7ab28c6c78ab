"""Inserting a hoofdstuk or a paragraaf: "na hoofdstuk 2 wordt een hoofdstuk ingevoegd: hoofdstuk 2a ..."."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..span import Span
from ..syntax import ast

__all__ = ["structuur_ingevoegd", "structuur_vervalt"]


def structuur_ingevoegd(reg: ast.Regeling, i: ast.StructuurIngevoegd,
                        fout: Callable[[str, Span, str], None]) -> ast.Regeling:
    nieuw = i.nieuw
    if (i.soort == "hoofdstuk") != isinstance(nieuw, ast.Hoofdstuk):
        fout("W004", i.span, f"er wordt een {i.soort} ingevoegd, maar de nieuwe bepaling is geen {i.soort}")
        return reg
    if (i.soort == "paragraaf") != bool(i.paragraaf):
        fout("W004", i.span, f"een {i.soort} komt {i.positie} een ander{'e' if i.soort == 'paragraaf' else ''} "
                             f"{i.soort}")
        return reg
    bestaande = {a.nummer for a in reg.alle_artikelen()}
    for a in _artikelen(nieuw):
        if a.nummer in bestaande:
            fout("W005", i.span, f"artikel {a.nummer} bestaat al")
            return reg
    hoofdstukken = list(reg.hoofdstukken)
    plek = next((n for n, h in enumerate(hoofdstukken) if h.nummer == i.hoofdstuk), None)
    if plek is None:
        fout("W019", i.span, f"hoofdstuk {i.hoofdstuk} bestaat niet")
        return reg
    if isinstance(nieuw, ast.Hoofdstuk):
        if any(h.nummer == nieuw.nummer for h in hoofdstukken):
            fout("W019", i.span, f"hoofdstuk {nieuw.nummer} bestaat al")
            return reg
        hoofdstukken.insert(plek + (i.positie == "na"), nieuw)
        return replace(reg, hoofdstukken=tuple(hoofdstukken))
    h = hoofdstukken[plek]
    paragrafen = list(h.paragrafen)
    p_plek = next((n for n, p in enumerate(paragrafen) if p.nummer == i.paragraaf), None)
    if p_plek is None:
        fout("W019", i.span, f"paragraaf {i.paragraaf} van hoofdstuk {i.hoofdstuk} bestaat niet")
        return reg
    if any(p.nummer == nieuw.nummer for p in paragrafen):
        fout("W019", i.span, f"paragraaf {nieuw.nummer} van hoofdstuk {i.hoofdstuk} bestaat al")
        return reg
    paragrafen.insert(p_plek + (i.positie == "na"), nieuw)
    hoofdstukken[plek] = replace(h, paragrafen=tuple(paragrafen))
    return replace(reg, hoofdstukken=tuple(hoofdstukken))


def _artikelen(x: ast.Hoofdstuk | ast.Paragraaf) -> tuple[ast.Artikel, ...]:
    if isinstance(x, ast.Hoofdstuk):
        return (*x.artikelen, *(a for p in x.paragrafen for a in p.artikelen))
    return x.artikelen


def structuur_vervalt(reg: ast.Regeling, i: ast.StructuurVervalt, fout: Callable[[str, Span, str], None]
                      ) -> tuple[ast.Regeling, tuple[ast.Artikel, ...]]:
    """``reg`` without the hoofdstuk or paragraaf, and the artikelen that lapse with it (none after an error)."""
    h = next((h for h in reg.hoofdstukken if h.nummer == i.hoofdstuk), None)
    if h is None:
        fout("W019", i.span, f"hoofdstuk {i.hoofdstuk} bestaat niet")
        return reg, ()
    if not i.paragraaf:
        return replace(reg, hoofdstukken=tuple(x for x in reg.hoofdstukken if x is not h)), _artikelen(h)
    p = next((p for p in h.paragrafen if p.nummer == i.paragraaf), None)
    if p is None:
        fout("W019", i.span, f"paragraaf {i.paragraaf} van hoofdstuk {i.hoofdstuk} bestaat niet")
        return reg, ()
    nieuw = replace(h, paragrafen=tuple(x for x in h.paragrafen if x is not p))
    return replace(reg, hoofdstukken=tuple(nieuw if x is h else x for x in reg.hoofdstukken)), p.artikelen
