"""Values as canonical text, equal for equal values in every process: the fingerprints the site's pages and the
proofs' cache are keyed by.

Frozen dataclasses field by field, sets sorted, no ids and no hash order (``repr`` of a frozenset differs between
processes). A span stands by its file and provision only (a line that moves does not change a page), or, with
``regels``, by its lines and columns too (what a finding points at). ``PROZA`` are the fields that are a
provision's prose, never what a rule computes: left out, they give the *werking* of a version.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable

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
    _Schrijver(zonder, regels, uit.append).schrijf(obj)
    return "".join(uit)


class _Schrijver:
    """One canonical text, written by the type of each value: the kind of a type is looked up once (a regeling's
    IR is some 30,000 values, a page's fingerprint reads several), and so are a dataclass's fields without the
    ones left out."""

    def __init__(self, zonder: frozenset[str], regels: bool, out: Callable[[str], None]) -> None:
        self.zonder, self.regels, self.out = zonder, regels, out

    def schrijf(self, obj: object) -> None:
        soort = _SOORT.get(type(obj))
        if soort is None:
            soort = _SOORT[type(obj)] = _soort(obj)
        out = self.out
        if soort == "enkel":
            out(f"{type(obj).__name__}:{obj!r};")
        elif soort == "dataclass":
            cls = type(obj)
            namen = _velden(cls, self.zonder)
            out(f"{cls.__name__}(")
            for naam in namen:
                out(f"{naam}=")
                self.schrijf(getattr(obj, naam))
            out(")")
        elif soort == "rij":
            out("[")
            for x in obj:  # type: ignore[attr-defined]
                self.schrijf(x)
            out("]")
        elif soort == "span":
            assert isinstance(obj, Span)
            out(f"Span({obj.file};")
            if self.regels:
                out(f"{obj.line},{obj.column},{obj.end_line},{obj.end_column};")
            self.schrijf(obj.provision)
            out(")")
        elif soort == "dict":
            assert isinstance(obj, dict)
            out("{")
            for k, v in obj.items():
                self.schrijf(k)
                out(":")
                self.schrijf(v)
            out("}")
        else:  # a set: its members' texts sorted
            teksten = sorted(canoniek(x, self.zonder, self.regels) for x in obj)  # type: ignore[attr-defined]
            out("{" + ",".join(teksten) + "}")


# The kind of each type met (``_soort``), and the fields of each dataclass without the left-out ones: the same in
# every call.
_SOORT: dict[type, str] = {}
_VELDEN: dict[tuple[type, frozenset[str]], tuple[str, ...]] = {}


def _soort(obj: object) -> str:
    """A value's kind; "enkel" (its type and ``repr``) for anything not taken apart, as for a number or a text."""
    if isinstance(obj, Span):
        return "span"
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return "dataclass"
    if isinstance(obj, dict):
        return "dict"
    if isinstance(obj, (list, tuple)):
        return "rij"
    if isinstance(obj, (set, frozenset)):
        return "set"
    return "enkel"


def _velden(cls: type, zonder: frozenset[str]) -> tuple[str, ...]:
    namen = _VELDEN.get((cls, zonder))
    if namen is None:
        namen = _VELDEN[cls, zonder] = tuple(f.name for f in dataclasses.fields(cls)
                                             if f"{cls.__name__}.{f.name}" not in zonder)
    return namen


def hash_van(*delen: object) -> str:
    """One hash of ``delen`` (texts as they are, other values by ``canoniek``)."""
    h = hashlib.sha256()
    for d in delen:
        # surrogatepass: a name from a case file may hold a lone surrogate (tests/aanvallen); it is hashed as is.
        h.update((d if isinstance(d, str) else canoniek(d)).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()
