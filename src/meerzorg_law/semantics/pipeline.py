"""The front half of the pipeline in one call: files -> parse -> consolidate -> check -> IR per version."""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import ir
from ..diagnostics import Diagnostic, Severity
from ..span import Span

if TYPE_CHECKING:
    from ..syntax import ast
    from ..versions.catalog import Versie

__all__ = ["Bundle", "load_bundle", "zonder_gc"]


class _Teksten:
    """The ASTs of a bundle (documents and consolidated texts), pickled apart and read on first use: a command
    that needs only the IR (check, test, impact) reading a bundle from the cache neither unpickles them nor
    imports the syntax tree's classes."""

    __slots__ = ("_blob", "_waarde")

    def __init__(self, waarde: tuple[dict[str, ast.Document], dict[str, ast.Regeling]] | None,
                 blob: bytes | None = None) -> None:
        self._waarde, self._blob = waarde, blob

    def get(self) -> tuple[dict[str, ast.Document], dict[str, ast.Regeling]]:
        if self._waarde is None:
            assert self._blob is not None
            self._waarde, self._blob = pickle.loads(self._blob), None
        return self._waarde

    def __reduce__(self) -> tuple[type[_Teksten], tuple[None, bytes]]:
        blob = self._blob if self._waarde is None else pickle.dumps(self._waarde, protocol=pickle.HIGHEST_PROTOCOL)
        assert blob is not None
        return _Teksten, (None, blob)


@dataclass(frozen=True, init=False)
class Bundle:
    """All versions found under a path. ``consolidated`` keeps the ASTs for the printer (renvooi)."""

    versions: dict[str, ir.Regeling]
    catalog: tuple[Versie, ...]
    diagnostics: tuple[Diagnostic, ...]
    # The source registry (regeling/bronnen.toml), also on every ir.Regeling as ``bronnen``.
    bronnen: dict[str, ir.Bron]
    _teksten: _Teksten = field(repr=False, compare=False)

    def __init__(self, versions: dict[str, ir.Regeling], catalog: tuple[Versie, ...],
                 documents: dict[str, ast.Document], consolidated: dict[str, ast.Regeling],
                 diagnostics: tuple[Diagnostic, ...], bronnen: dict[str, ir.Bron] | None = None) -> None:
        for naam, waarde in (("versions", versions), ("catalog", catalog), ("diagnostics", diagnostics),
                             ("bronnen", bronnen if bronnen is not None else {}),
                             ("_teksten", _Teksten((documents, consolidated)))):
            object.__setattr__(self, naam, waarde)

    @property
    def documents(self) -> dict[str, ast.Document]:
        return self._teksten.get()[0]

    @property
    def consolidated(self) -> dict[str, ast.Regeling]:
        return self._teksten.get()[1]

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.FOUT for d in self.diagnostics)

    def in_force(self, peildatum: datetime.date) -> str | None:
        """The non-variant version with the latest geldig_vanaf on or before ``peildatum``."""
        candidates = [v for v in self.catalog if not v.variant and v.geldig_vanaf <= peildatum]
        return max(candidates, key=lambda v: v.geldig_vanaf).id if candidates else None


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.rgl")) if path.is_dir() else [path]


def load_bundle(*paths: Path | str) -> Bundle:
    """Parse, consolidate and check every .rgl file under ``paths``; never raises on bad input.

    One folder or file (the bundled regeling, a variant's folder) comes from the on-disk cache when nothing it
    was built from changed (``cache.py``: keyed by the content of every input file, whichever folder).
    """
    if cacheable(*paths):
        from ..grammatica import grammar_text
        from .cache import cached

        return cached(Path(paths[0]), grammar_text(), lambda: _load_bundle(*paths),
                      lambda b: [v.file for v in b.catalog])
    return _load_bundle(*paths)


_BUNDLED = (Path(__file__).resolve().parents[3] / "regeling").resolve()


def cacheable(*paths: Path | str) -> bool:
    """Whether the result for ``paths`` is kept in the on-disk cache: one existing folder or file."""
    return len(paths) == 1 and Path(paths[0]).exists()


def is_bundled(*paths: Path | str) -> bool:
    """Whether ``paths`` is exactly the bundled regeling/ folder (the one whose results are cached on disk)."""
    return len(paths) == 1 and Path(paths[0]).resolve() == _BUNDLED


@contextlib.contextmanager
def zonder_gc() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block. Building the bundle (and proving) makes millions
    of objects that all stay alive, and the collector walks every one of them again and again: for 15,000
    artikelen it was 40% of the front end (18 s -> 11 s CPU without it). The few cycles made meanwhile are
    collected when the block ends."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _load_bundle(*paths: Path | str) -> Bundle:
    with zonder_gc():
        return _laad(*paths)


def _laad(*paths: Path | str) -> Bundle:
    # Imported here: a bundle served from the cache needs none of the front end's code, only its node classes.
    from ..versions.catalog import build_versions
    from .bronnen import check_herkomst, find_registry, load_bronnen
    from .depth import check_depth
    from .lower import lower

    diags: list[Diagnostic] = []
    docs: list[ast.Document] = []
    files = [f for p in paths for f in _files(Path(p))]
    if not files:
        where = ", ".join(str(p) for p in paths)
        diags.append(Diagnostic("E004", Span(where, 1, 1, 1, 1), "geen .rgl-bestanden gevonden"))
    for f in files:
        doc, found = lees(str(f))
        diags.extend(found)
        if doc is not None:
            docs.append(doc)
    consolidated, versies, found = build_versions(docs, lees)
    diags.extend(found)
    # Beside the given files, else beside a bundled base version the catalog brought in.
    registry = find_registry([*(Path(p) for p in paths), *(Path(v.file) for v in versies)])
    bronnen: dict[str, ir.Bron] = {}
    if registry is not None:
        bronnen, found = load_bronnen(registry)
        diags.extend(found)
    versions: dict[str, ir.Regeling] = {}
    for vid, source in consolidated.items():
        lowered, found = lower(source)
        diags.extend(found)
        if lowered is not None:
            diags.extend(check_depth(lowered))
            versions[vid] = replace(lowered, bronnen=bronnen)
            diags.extend(check_herkomst(lowered, bronnen, required=registry is not None))
    known = {v.id for v in versies}
    for checked in versions.values():
        for prop in checked.properties:
            for vid in prop.versies or ():
                if vid not in known:
                    diags.append(Diagnostic("E282", prop.span, f"eigenschap {prop.name} noemt versie {vid}, "
                                                               "die niet bestaat"))
    return Bundle(versions, tuple(versies), {d.versie: d for d in docs}, consolidated, tuple(_dedupe(diags)),
                  bronnen)


def lees(path: str) -> tuple[ast.Document | None, list[Diagnostic]]:
    """``parse_file``, or its result from the on-disk cache when these bytes under this path were parsed by
    this front end before: after an edit only the edited file is parsed again (not the bundled rlz-2026 a
    variant builds on)."""
    from ..syntax.parse import parse_bytes, parse_file

    try:
        raw = Path(path).read_bytes()
    except OSError:
        return parse_file(path)  # its E003
    from ..grammatica import grammar_text
    from .cache import cached_entry, code_fingerprint, content_key

    return cached_entry("ontleed", f"{os.getcwd()}\0{path}", content_key(code_fingerprint(), grammar_text(), raw),
                        lambda: parse_bytes(raw, path))


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    """A base version's error would repeat once per amended version built on it: report it once."""
    seen: set[tuple[str, str, int, int]] = set()
    out = []
    for d in diags:
        key = (d.code, d.span.file, d.span.line, d.span.column)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
