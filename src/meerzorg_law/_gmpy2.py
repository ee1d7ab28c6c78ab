"""Importing gmpy2 (under catala's runtime) without ``importlib.metadata``.

gmpy2's module initialisation runs ``import importlib.metadata as imp; gmpy2.__version__ = imp.version('gmpy2')``.
Loading ``importlib.metadata`` (with email, zipfile, csv and more) and searching the installed distributions
cost 0.05-0.1 s CPU in every ``meerzorg`` command, which never reads that version. While gmpy2 loads,
``importlib.metadata`` is a stand-in whose ``version`` reads gmpy2's version from the name of its
``gmpy2-X.Y.Z.dist-info`` folder beside the package (what ``importlib.metadata`` finds as well); without such a
folder it asks the real module. The stand-in is gone once gmpy2 is loaded: a later ``import importlib.metadata``
loads the real one. When ``importlib.metadata`` or gmpy2 is loaded already, nothing changes.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from pathlib import Path

__all__ = ["zonder_metadata"]

_NAAM = "importlib.metadata"


def _versie(naam: str) -> str:
    spec = importlib.util.find_spec(naam)
    if spec is not None and spec.origin is not None:
        for info in sorted(Path(spec.origin).parent.parent.glob(f"{naam}-*.dist-info")):
            return info.name[len(naam) + 1:-len(".dist-info")]
    sys.modules.pop(_NAAM, None)
    from importlib.metadata import version

    return version(naam)


@contextlib.contextmanager
def zonder_metadata() -> Iterator[None]:
    """Inside: a stand-in ``importlib.metadata`` for gmpy2's import (see the module)."""
    if _NAAM in sys.modules or "gmpy2" in sys.modules:
        yield
        return
    stand_in = types.ModuleType(_NAAM)
    stand_in.version = _versie  # type: ignore[attr-defined]
    sys.modules[_NAAM] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(_NAAM) is stand_in:
            del sys.modules[_NAAM]
