"""A checked bundle kept on disk (pickle, user cache directory), reused while nothing it came from changed.

Used for one folder or file at a time (the bundled regeling, a variant's folder): every command reads it;
parsing, consolidating and checking it again costs ~0,1 s of CPU where reading the pickle costs ~0,02 s. Safe
when stale: an entry records the content hash of every file it was built from (the .rgl and .toml files under
the path, and any file the catalog brought in), and the cache key covers the code that builds it (size and
mtime of the front-end modules, the grammar, the Python version). Any difference, or an entry that cannot be
read, means: build anew and overwrite.
``MEERZORG_CACHE=0`` turns it off; ``MEERZORG_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from ..output import atomic_file

__all__ = ["cache_dir", "cached"]

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
    h = hashlib.sha256(f"{sys.version}\0{grammar}".encode())
    for part in (*_CODE, *code):
        p = _PACKAGE / part
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            st = f.stat()
            h.update(f"{f.relative_to(_PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


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
    # A result that cannot be pickled, or a cache that cannot be written, is simply not cached.
    with contextlib.suppress(Exception), atomic_file(entry, binary=True, prefix=f".{soort}-") as out:
        pickle.dump({"listing": listing, "deps": deps, "result": result}, out, protocol=pickle.HIGHEST_PROTOCOL)
    return result
