"""Equality of AST nodes as a drafter sees them: spans (where a node was read) play no part, and a tekst is
equal when its words are (a reflowed line is no change in the law), and the words a substitution brought in
(``Herkomst.delen``, which consolidation makes) are not compared."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..span import NO_SPAN, Span

__all__ = ["gelijk", "kaal", "woorden_van"]


def woorden_van(tekst: str) -> str:
    return " ".join(tekst.split())


def kaal(x: Any) -> Any:
    """``x`` with every span replaced by NO_SPAN and every tekst, toelichting and titel normalised to its words;
    tuples and frozen dataclasses are rebuilt, everything else is returned as it is."""
    if isinstance(x, Span):
        return NO_SPAN
    if isinstance(x, tuple):
        return tuple(kaal(v) for v in x)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(x):
            v = getattr(x, f.name)
            if f.name in ("tekst", "toelichting", "titel") and isinstance(v, str):
                changes[f.name] = woorden_van(v)
            elif f.name == "delen":  # a herkomst's substituted words: made by consolidation, never written
                changes[f.name] = ()
            else:
                changes[f.name] = kaal(v)
        return dataclasses.replace(x, **changes)
    return x


def gelijk(a: Any, b: Any) -> bool:
    return bool(kaal(a) == kaal(b))
