"""The declared test orders (``rangorde``) as readers see them: an order, never a derogation.

Shared by ``uitleg`` and the site, so both say the same: "De redenen worden in deze volgorde getoetst: 1. ...".
"""

from __future__ import annotations

from .. import ir

__all__ = ["rangorde_regels", "rangorde_zin"]


def rangorde_zin(r: ir.Rangorde) -> str:
    """The heading of one order: its label, or a plain default."""
    return r.label or "De regels worden in deze volgorde getoetst"


def rangorde_regels(regeling: ir.Regeling, inspringing: str = "  ") -> list[str]:
    """Each order as a heading with a numbered list of the provisions it ranks, first one first."""
    out: list[str] = []
    for r in regeling.rangorden:
        out.append(f"{inspringing}{rangorde_zin(r)} ({r.span.provision.citeer()}; een volgorde van de toets, "
                   "geen afwijking die de tekst maakt):")
        out += [f"{inspringing}  {i}. {ref.citeer()}" for i, ref in enumerate(r.volgorde, 1)]
    return out
