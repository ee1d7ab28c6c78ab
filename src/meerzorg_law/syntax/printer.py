"""AST -> DSL text, canonically formatted: used for traces, renvooi, counterexamples and round-trip tests.

The output parses back to the same AST (spans aside): ``parse_text(print_document(doc))`` equals ``doc``. A
regeling, expressions and provisions are printed by ``_dsl``; the instructions of a wijzigingsregeling through
the instruction traversal by ``_instructies``, beside their parse callbacks, so this module names no kind.
"""

from __future__ import annotations

from . import ast
from ._dsl import (
    _INDENT,
    _bepaling,
    _eigenschap,
    _opt,
    _regeling,
    _str,
    _tekst_en_toelichting,
    print_bepaling,
    print_expr,
    print_items,
)
from ._instructies import instructie_regels

__all__ = ["print_bepaling", "print_document", "print_expr", "print_items"]


def print_document(doc: ast.Document) -> str:
    """Canonical text of a regeling or wijzigingsregeling, ending in a newline."""
    lines = _regeling(doc) if isinstance(doc, ast.Regeling) else _wijzigingsregeling(doc)
    return "\n".join(lines) + "\n"


def _wijzigingsregeling(w: ast.Wijzigingsregeling) -> list[str]:
    out = [f"wijzigingsregeling {_str(w.titel, 0)}", f"versie {w.versie}{' variant' if w.variant else ''}",
           f"basis {w.basis}", f"geldig vanaf {w.geldig_vanaf.isoformat()}"]
    if w.bron:
        out.append(f"bron {_str(w.bron, 0)}")
    if w.aanhef:
        out.append(f"aanhef {_str(w.aanhef, 0)}")
    if w.ondertekening:
        out.append(f"ondertekening {_str(w.ondertekening, 0)}")
    if w.citeertitel:
        out.append(f"citeertitel {_str(w.citeertitel, 0)}")
    for wa in w.artikelen:
        out += ["", f"Artikel {wa.nummer}{_opt(wa.titel, 0)}"]
        if wa.bepaling is not None:  # its tekst, toelichting, rules and leden, under the heading just written
            out += _bepaling(wa.bepaling, 0)[1:]
        else:
            out += _tekst_en_toelichting(wa.tekst, wa.toelichting, 1)
        for wz in wa.wijzigingen:
            out.append(f"{_INDENT}{wz.letter}.")
            out += _tekst_en_toelichting(wz.tekst, wz.toelichting, 2)
            for instr in wz.instructies:
                out += instructie_regels(instr, 2)
    for e in w.eigenschappen:
        out += ["", *_eigenschap(e)]
    return out
