"""Parsed documents -> one consolidated AST per version id, base versions first, amendments applied in order.

A wijzigingsregeling whose basis is not among the documents (a drafter's own folder with only a variant of
rlz-2026) is built on the bundled regeling's version of that id, so the bundled files need no copy.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..syntax import ast

__all__ = ["Versie", "build_versions"]


@dataclass(frozen=True, slots=True)
class Versie:
    id: str
    geldig_vanaf: datetime.date
    basis: str
    variant: bool
    file: str


def build_versions(docs: list[ast.Document],
                   lees: Callable[[str], tuple[ast.Document | None, list[Diagnostic]]] | None = None,
                   ) -> tuple[dict[str, ast.Regeling], list[Versie], list[Diagnostic]]:
    """Consolidate every wijzigingsregeling onto its basis (which may itself be amended). ``lees`` parses a
    bundled base file (the caller may serve it from a cache; default ``parse_file``)."""
    # Imported here: unpickling a cached bundle's ``Versie`` loads this module, and needs none of these.
    from ..syntax import ast
    from ..syntax.parse import parse_file
    from .consolidate import consolidate
    from .references import check_references, check_teksten

    diags: list[Diagnostic] = []
    lees = lees or parse_file
    docs = [*_bundled_bases(docs, lees), *docs]
    by_id: dict[str, ast.Document] = {}
    for d in docs:
        if d.versie in by_id:
            diags.append(Diagnostic("V021", d.span, f"versie {d.versie} is al gedefinieerd",
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
            diags.append(Diagnostic("V022", doc.span, f"basisversie {doc.basis} van {vid} bestaat niet"))
            return None
        if doc.basis in trail:
            diags.append(Diagnostic("V023", doc.span, "kring van basisversies: " + " -> ".join((*trail, vid))))
            return None
        basis_doc = by_id[doc.basis]
        if doc.geldig_vanaf < basis_doc.geldig_vanaf:  # it would amend a text that is not in force yet
            diags.append(Diagnostic("V020", doc.span, (
                f"{vid} geldt vanaf {doc.geldig_vanaf.isoformat()}, vóór de versie die zij wijzigt: {doc.basis} "
                f"geldt pas vanaf {basis_doc.geldig_vanaf.isoformat()}"),
                related=((basis_doc.span, f"{doc.basis} geldt vanaf {basis_doc.geldig_vanaf.isoformat()}"),)))
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


def bundled_regeling() -> Path:
    """The bundled ``regeling/`` folder: of this checkout, else of the current directory."""
    root = Path(__file__).resolve().parents[3]
    return root / "regeling" if (root / "regeling").is_dir() else Path.cwd() / "regeling"


def _bundled_bases(docs: list[ast.Document],
                   lees: Callable[[str], tuple[ast.Document | None, list[Diagnostic]]]) -> list[ast.Document]:
    """The bundled documents that the wijzigingsregelingen in ``docs`` build on but do not bring along."""
    from ..syntax import ast

    have = {d.versie for d in docs}
    todo = [d.basis for d in docs if isinstance(d, ast.Wijzigingsregeling) and d.basis not in have]
    if not todo or not bundled_regeling().is_dir():
        return []
    bundled: dict[str, ast.Document] = {}
    for f in sorted(bundled_regeling().glob("*.rgl")):
        doc, _ = lees(str(f))
        if doc is not None:
            bundled[doc.versie] = doc
    extra: list[ast.Document] = []
    while todo:
        vid = todo.pop()
        if vid in have or vid not in bundled:
            continue
        have.add(vid)
        extra.insert(0, bundled[vid])
        if isinstance(bundled[vid], ast.Wijzigingsregeling):
            todo.append(bundled[vid].basis)
    return extra
