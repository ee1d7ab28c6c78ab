"""Parsed documents -> one consolidated AST per version id, base versions first, amendments applied in order."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..syntax import ast
from .consolidate import consolidate
from .references import check_references, check_teksten

__all__ = ["Versie", "build_versions"]


@dataclass(frozen=True, slots=True)
class Versie:
    id: str
    geldig_vanaf: datetime.date
    basis: str
    variant: bool
    file: str


def build_versions(docs: list[ast.Document]) -> tuple[dict[str, ast.Regeling], list[Versie], list[Diagnostic]]:
    """Consolidate every wijzigingsregeling onto its basis (which may itself be amended)."""
    diags: list[Diagnostic] = []
    by_id: dict[str, ast.Document] = {}
    for d in docs:
        if d.versie in by_id:
            diags.append(Diagnostic("V001", d.span, f"versie {d.versie} is al gedefinieerd",
                                    related=((by_id[d.versie].span, "eerste definitie"),)))
            continue
        by_id[d.versie] = d
    done: dict[str, ast.Regeling] = {}
    failed: set[str] = set()

    def resolve(vid: str, trail: tuple[str, ...]) -> ast.Regeling | None:
        if vid in done:
            return done[vid]
        doc = by_id[vid]
        if isinstance(doc, ast.Regeling):
            diags.extend(check_references(doc) + check_teksten(doc))
            done[vid] = doc
            return doc
        if doc.basis not in by_id:
            diags.append(Diagnostic("V002", doc.span, f"basisversie {doc.basis} van {vid} bestaat niet"))
            return None
        if doc.basis in trail:
            diags.append(Diagnostic("V003", doc.span, "kring van basisversies: " + " -> ".join((*trail, vid))))
            return None
        base = resolve(doc.basis, (*trail, vid))
        if base is None:
            return None
        result, found = consolidate(base, doc)
        diags.extend(found)
        if result is not None:
            diags.extend(check_teksten(result))
        if result is not None:
            done[vid] = result
        return result

    for vid in by_id:
        if resolve(vid, ()) is None:
            failed.add(vid)
    versies = sorted((Versie(v.versie, v.geldig_vanaf, getattr(v, "basis", ""), v.variant, v.span.file)
                      for v in by_id.values()), key=lambda v: (v.geldig_vanaf, v.variant, v.id))
    return {v.id: done[v.id] for v in versies if v.id in done}, versies, diags
