"""The gegevens instructions of a wijzigingsregeling: add, replace or remove a declaration, extend an enumeratie.

Types (enumeraties) and names (invoer, uitkomst) are separate namespaces, as in the checker: the bundled
regeling declares ``enumeratie bijzondere_situatie`` and ``invoer bijzondere_situatie: bijzondere_situatie``.
A new or replacing declaration says by its kind which namespace it is in; ``wordt aan X de waarde`` always
means enumeratie X; ``vervalt X`` means the invoer or uitkomst X (or the enumeratie X when there is no such
name), ``vervalt enumeratie X`` the enumeratie.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..span import Span
from ..syntax import ast

__all__ = ["gegevens"]

_Key = tuple[str, str]  # ("enumeratie", name) or ("gegevens", name)


def _key(d: ast.Declaratie) -> _Key:
    return ("enumeratie" if isinstance(d, ast.Enumeratie) else "gegevens", d.name)


def gegevens(reg: ast.Regeling, i: ast.GegevensWijziging, raakt: Callable[[_Key, Span], bool],
             fout: Callable[[str, Span, str], None], versie: str) -> ast.Regeling:
    """``reg`` with the instructions of ``i`` applied; ``raakt`` records what each touches (False: conflict)."""
    decls = {_key(d): d for d in reg.gegevens}  # insertion order: a replaced declaration keeps its place
    for w in i.wijzigingen:
        key = _target(w, decls)
        if not raakt(key, w.span):
            continue
        bestaand = decls.get(key)
        wat = f"enumeratie '{w.naam}'" if key[0] == "enumeratie" else f"'{w.naam}'"
        if w.soort == "ingevoegd" and w.declaratie is not None:
            if bestaand is not None:
                fout("W012", w.span, f"{wat} bestaat al in de gegevens")
            else:
                decls[key] = w.declaratie
        elif bestaand is None and w.soort == "waarde" and ("gegevens", w.naam) in decls:
            fout("W015", w.span, f"'{w.naam}' is geen enumeratie")
        elif bestaand is None:
            fout("W013", w.span, f"{wat} bestaat niet in de gegevens van {versie}")
        elif w.soort == "luidt" and w.declaratie is not None:
            if w.declaratie.name != w.naam:
                fout("W014", w.span, f"'{w.naam}' komt te luiden als '{w.declaratie.name}': gebruik dezelfde naam")
            else:
                decls[key] = w.declaratie
        elif w.soort == "vervalt":
            del decls[key]
        elif w.waarde is not None and isinstance(bestaand, ast.Enumeratie):
            if any(v.name == w.waarde.name for v in bestaand.values):
                fout("W016", w.span, f"'{w.waarde.name}' is al een waarde van {w.naam}")
            else:
                decls[key] = replace(bestaand, values=(*bestaand.values, w.waarde))
    return replace(reg, gegevens=tuple(decls.values()))


def _target(w: ast.GegevensInstructie, decls: dict[_Key, ast.Declaratie]) -> _Key:
    if w.declaratie is not None:
        return ("enumeratie" if isinstance(w.declaratie, ast.Enumeratie) else "gegevens", w.naam)
    if w.soort == "waarde" or w.enumeratie:
        return ("enumeratie", w.naam)
    if ("gegevens", w.naam) not in decls and ("enumeratie", w.naam) in decls:
        return ("enumeratie", w.naam)
    return ("gegevens", w.naam)
