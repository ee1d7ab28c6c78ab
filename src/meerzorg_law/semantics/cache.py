"""A checked bundle kept on disk (pickle, user cache directory), reused while nothing it came from changed.

Used for one folder or file at a time (the bundled regeling, a variant's folder): every command reads it;
parsing, consolidating and checking it again costs ~0,1 s of CPU where reading the pickle costs ~0,02 s. Safe
when stale: an entry records the content hash of every file it was built from (the .rgl and .toml files under
the path, and any file the catalog brought in), and the cache key covers the code that builds it (the content
of the front-end modules, the grammar, the Python version). Any difference, or an entry that cannot be read
(corrupt, foreign, from other code), means: build anew and overwrite, silently. Entries are written atomically
(``output.write_bytes_atomic``).
``MEERZORG_CACHE=0`` turns it off; ``MEERZORG_CACHE_DIR`` moves it.

Finer entries (``cached_entry``) make a rebuild after an edit incremental: one per parsed file (keyed by its
bytes, the path as given and the front end's code) and one per version's proofs (keyed by the files it is
built from, the solver's universe and the proofs' code), so an edited variant parses only itself and proves
only what it changed. Each is one file per name (a path, a version), overwritten when its key changes, so the
cache does not grow with every edit. Code is fingerprinted by content (``code_fingerprint``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["MISSING", "cache_dir", "cached", "cached_entry", "code_fingerprint", "content_key", "has_entry",
           "lookup", "store"]

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parents[1]
# The modules whose code decides what a bundle holds: a change in any of them makes every entry stale.
_CODE = ("syntax", "versions", "semantics", "ir.py", "ir_expr.py", "types.py", "values.py", "span.py",
         "diagnostics.py", "names.py")


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is off or the directory cannot be written."""
    if os.environ.get("MEERZORG_CACHE") == "0":
        return None
    from platformdirs import user_cache_dir

    folder = Path(os.environ.get("MEERZORG_CACHE_DIR") or user_cache_dir("meerzorg_law"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def _code_fingerprint(grammar: str, code: tuple[str, ...] = ()) -> str:
    return content_key(grammar, code_fingerprint(code))


@functools.cache
def code_fingerprint(code: tuple[str, ...] = ()) -> str:
    """A hash of the content of the front end's modules (``_CODE``) and of ``code`` (further modules or
    packages under the package), with the Python version: an entry built by other code is never used."""
    h = hashlib.sha256(sys.version.encode())
    for part in (*_CODE, *code):
        p = _PACKAGE / part
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            h.update(f"{f.relative_to(_PACKAGE)}\0".encode())
            h.update(_hash(f).encode())
    return h.hexdigest()


def content_key(*parts: str | bytes) -> str:
    """One hash of ``parts`` (separated, so ("ab", "c") and ("a", "bc") differ)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def cached_entry(soort: str, naam: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or the result stored under ``naam`` when it was stored with the same ``key``. A corrupt,
    foreign or stale entry is ignored (built anew and overwritten); a result that cannot be pickled is not
    stored."""
    found = lookup(soort, naam, key)
    if found is not MISSING:
        result: T = found
        return result
    result = build()
    store(soort, naam, key, result)
    return result


MISSING: Any = object()


def _entry(soort: str, naam: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{soort}-{content_key(naam)[:24]}.pickle"


def has_entry(soort: str, naam: str) -> bool:
    """Whether something is stored under ``naam`` (with whatever key)."""
    entry = _entry(soort, naam)
    return entry is not None and entry.is_file()


def lookup(soort: str, naam: str, key: str) -> Any:
    """The result stored under ``naam`` with ``key``, else ``MISSING`` (also for a corrupt or foreign entry,
    or with the cache off)."""
    entry = _entry(soort, naam)
    if entry is not None:
        with contextlib.suppress(Exception):
            stored: dict[str, Any] = pickle.loads(entry.read_bytes())
            if stored["key"] == key:
                return stored["result"]
    return MISSING


def store(soort: str, naam: str, key: str, result: object) -> None:
    entry = _entry(soort, naam)
    if entry is not None:
        _bewaar(entry, {"key": key, "result": result})


def _bewaar(entry: Path, payload: dict[str, Any]) -> None:
    """Write ``payload`` to ``entry`` through the toolkit's one atomic write; any failure (unpicklable, disk
    full, read-only) leaves no entry and no temporary file, and is no error: the result is simply not kept."""
    from ..output import write_bytes_atomic

    _snel_pickelen()
    with contextlib.suppress(Exception):
        write_bytes_atomic(entry, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


_GEZIEN: set[str] = set()


def _snel_pickelen() -> None:
    """Pickle the package's frozen slotted dataclasses as their class and field values, rebuilt by their own
    ``__init__``. Python pickles such an object through ``__getstate__``/``__setstate__``, which list the
    class's fields again for every object: dumping and loading the bundled regeling took 0,06 and 0,04 s of
    CPU, now 0,02 and 0,02 (the same objects; tests/test_startup.py compares a cached bundle with a fresh
    one). Only classes whose fields are all ``__init__`` arguments and that have no ``__post_init__``;
    registered with ``copyreg`` once per class, for modules loaded since the last call."""
    import copyreg
    import dataclasses

    for naam, module in list(sys.modules.items()):
        if naam in _GEZIEN or not naam.startswith("meerzorg_law") or module is None:
            continue
        _GEZIEN.add(naam)
        for cls in list(vars(module).values()):
            if not (isinstance(cls, type) and cls.__module__ == naam and dataclasses.is_dataclass(cls)):
                continue
            params = getattr(cls, "__dataclass_params__", None)
            velden = dataclasses.fields(cls)
            if (params is None or not params.frozen or "__slots__" not in vars(cls) or not velden
                    or hasattr(cls, "__post_init__") or not all(f.init for f in velden)):
                continue
            copyreg.pickle(cls, _als_argumenten(cls, tuple(f.name for f in velden)))


def _als_argumenten(cls: type, namen: tuple[str, ...]) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    import operator

    lees = operator.attrgetter(*namen)
    if len(namen) == 1:
        return lambda obj: (cls, (lees(obj),))
    return lambda obj: (cls, lees(obj))


def _inputs(path: Path) -> list[Path]:
    return sorted(f for f in path.rglob("*") if f.suffix in (".rgl", ".toml")) if path.is_dir() else [path]


def _hash(f: Path) -> str:
    try:
        return hashlib.sha256(f.read_bytes()).hexdigest()
    except OSError:
        return ""


def cached(path: Path, grammar: str, build: Callable[[], T], extra_files: Callable[[T], Iterable[str]],
           soort: str = "bundle", code: tuple[str, ...] = ()) -> T:
    """``build()``, or its pickled result from an earlier run when nothing it depends on has changed.

    ``extra_files(result)`` names further files the result was built from (a base version elsewhere);
    ``soort`` names the kind of entry and ``code`` the further modules (beside the front end) that compute it.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    # The path as given (spans and messages name it so), and the directory it is relative to.
    key = hashlib.sha256(f"{os.getcwd()}\0{path}\0{_code_fingerprint(grammar, code)}".encode()).hexdigest()[:24]
    entry = folder / f"{soort}-{key}.pickle"
    listing = [str(f.resolve()) for f in _inputs(path)]
    with contextlib.suppress(Exception):  # unreadable, truncated or from other code: rebuild
        stored: dict[str, Any] = pickle.loads(entry.read_bytes())
        deps: dict[str, str] = stored["deps"]
        if stored["listing"] == listing and all(_hash(Path(f)) == h for f, h in deps.items()):
            result: T = stored["result"]
            return result
    result = build()
    deps = {f: _hash(Path(f)) for f in {*listing, *(str(Path(x).resolve()) for x in extra_files(result))}}
    _bewaar(entry, {"listing": listing, "deps": deps, "result": result})
    return result
