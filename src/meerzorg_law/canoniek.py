"""Values as canonical text, equal for equal values in every process: the fingerprints the site's pages and the
proofs' cache are keyed by.

Frozen dataclasses field by field, sets sorted, no ids and no hash order (``repr`` of a frozenset differs between
processes). A span stands by its file and provision only (a line that moves does not change a page), or, with
``regels``, by its lines and columns too (what a finding points at). ``PROZA`` are the fields that are a
provision's prose, never what a rule computes: left out, they give the *werking* of a version.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from .span import Span

__all__ = ["PROZA", "canoniek", "hash_van"]

# As ``Klasse.veld``: a provision's prose and the title, left out of the werking of a version (the key of the
# cached case results and proofs, and the part of every page that reads rules).
PROZA = frozenset({"Provision.tekst", "Provision.toelichting", "Provision.titel", "Provision.herkomst",
                   "Provision.hoofdstuk", "Regeling.titel"})


def canoniek(obj: object, zonder: frozenset[str] = frozenset(), regels: bool = False) -> str:
    """A text that is equal for equal values in every process (``zonder``: fields left out, as ``Klasse.veld``).

    >>> from meerzorg_law.span import ProvisionRef
    >>> a = Span("r.rgl", 3, 1, 3, 9, ProvisionRef("2.2"))
    >>> canoniek(a) == canoniek(Span("r.rgl", 40, 1, 41, 2, ProvisionRef("2.2")))
    True
    >>> canoniek(a, regels=True) == canoniek(Span("r.rgl", 40, 1, 41, 2, ProvisionRef("2.2")), regels=True)
    False
    >>> canoniek({"b", "a"}) == canoniek({"a", "b"})
    True
    """
    uit: list[str] = []
    _schrijf(obj, zonder, regels, uit.append)
    return "".join(uit)


_VELDEN: dict[type, tuple[str, ...]] = {}


def _schrijf(obj: object, zonder: frozenset[str], regels: bool, out: Callable[[str], None]) -> None:
    if obj is None or isinstance(obj, (bool, int, float, str, bytes, Decimal, Fraction, datetime.date,
                                       datetime.time, enum.Enum)):
        out(f"{type(obj).__name__}:{obj!r};")
    elif isinstance(obj, Span):
        out(f"Span({obj.file};")
        if regels:
            out(f"{obj.line},{obj.column},{obj.end_line},{obj.end_column};")
        _schrijf(obj.provision, zonder, regels, out)
        out(")")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        cls = type(obj)
        namen = _VELDEN.get(cls)
        if namen is None:
            namen = _VELDEN[cls] = tuple(f.name for f in dataclasses.fields(obj))
        out(f"{cls.__name__}(")
        for naam in namen:
            if zonder and f"{cls.__name__}.{naam}" in zonder:
                continue
            out(f"{naam}=")
            _schrijf(getattr(obj, naam), zonder, regels, out)
        out(")")
    elif isinstance(obj, dict):
        out("{")
        for k, v in obj.items():
            _schrijf(k, zonder, regels, out)
            out(":")
            _schrijf(v, zonder, regels, out)
        out("}")
    elif isinstance(obj, (list, tuple)):
        out("[")
        for x in obj:
            _schrijf(x, zonder, regels, out)
        out("]")
    elif isinstance(obj, (set, frozenset)):
        out("{" + ",".join(sorted(canoniek(x, zonder, regels) for x in obj)) + "}")
    else:
        out(f"{type(obj).__name__}:{obj!r};")


def hash_van(*delen: object) -> str:
    """One hash of ``delen`` (texts as they are, other values by ``canoniek``)."""
    h = hashlib.sha256()
    for d in delen:
        # surrogatepass: a name from a case file may hold a lone surrogate (tests/aanvallen); it is hashed as is.
        h.update((d if isinstance(d, str) else canoniek(d)).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()
