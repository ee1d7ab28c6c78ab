"""Source positions and provision references: text coordinates in, Dutch citations out.

Every AST node, IR node, diagnostic and trace step carries a ``Span``; the span knows which provision
(artikel, lid, onderdeel) it belongs to, so errors and explanations can cite the law, not just a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The number of a zelfstandige bepaling of a wijzigingsregeling (Artikel II, III, ...).
_ROMEINS = re.compile(r"[IVXLC]+")

_RANGTELWOORDEN = (
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde",
    "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde",
)


def rangtelwoord(nummer: str) -> str:
    """Dutch ordinal for a lid number: ``rangtelwoord("2") == "tweede"``; ``"1a"`` stays ``"1a"``."""
    if nummer.isdigit() and 1 <= int(nummer) <= len(_RANGTELWOORDEN):
        return _RANGTELWOORDEN[int(nummer) - 1]
    return nummer


def lidnummer_van_woord(woord: str) -> str:
    """Inverse of :func:`rangtelwoord`: ``"tweede"`` -> ``"2"``."""
    return str(_RANGTELWOORDEN.index(woord) + 1)


@dataclass(frozen=True, slots=True, order=True)
class ProvisionRef:
    """A provision: artikel, lid, onderdeel, subonderdeel (or a bijlage, or the gegevens block).

    >>> ProvisionRef(artikel="2.2", lid="2", onderdeel="a").citeer()
    'artikel 2.2, tweede lid, onderdeel a'
    >>> ProvisionRef(artikel="2.2", lid="2a").citeer()
    'artikel 2.2, lid 2a'
    >>> ProvisionRef(artikel="II", lid="1").citeer()
    'artikel II, eerste lid, van de wijzigingsregeling'
    >>> ProvisionRef(artikel="II").citeer()
    'artikel II van de wijzigingsregeling'
    >>> ProvisionRef("1", "", "a").bevat(ProvisionRef("1", "2", "a"))
    False
    >>> ProvisionRef(artikel="1.1", begrip="meerzorg").citeer()
    "artikel 1.1, begripsomschrijving van 'meerzorg'"
    """

    artikel: str = ""
    lid: str = ""
    onderdeel: str = ""
    subonderdeel: str = ""
    bijlage: str = ""
    # A begripsomschrijving in an alphabetical begrippenlijst (artikel 1.1), addressed by its term.
    begrip: str = ""

    def citeer(self) -> str:
        if self.bijlage:
            return f"bijlage {self.bijlage}"
        if not self.artikel:
            return "gegevens"
        parts = [f"artikel {self.artikel}"]
        if self.lid:
            word = rangtelwoord(self.lid)
            parts.append(f"{word} lid" if word != self.lid else f"lid {self.lid}")
        if self.onderdeel:
            parts.append(f"onderdeel {self.onderdeel}")
        if self.subonderdeel:
            parts.append(f"subonderdeel {self.subonderdeel}")
        if self.begrip:
            parts.append(f"begripsomschrijving van '{self.begrip}'")
        if _ROMEINS.fullmatch(self.artikel):  # a zelfstandige bepaling: Artikel II of the wijzigingsregeling
            return ", ".join(parts) + ("," if len(parts) > 1 else "") + " van de wijzigingsregeling"
        return ", ".join(parts)

    def bevat(self, other: ProvisionRef) -> bool:
        """Whether ``other`` is this provision or lies inside it."""
        if self.bijlage or other.bijlage:
            return self.bijlage == other.bijlage and not self.artikel
        mine = (self.artikel, self.lid, self.onderdeel, self.subonderdeel, self.begrip)
        theirs = (other.artikel, other.lid, other.onderdeel, other.subonderdeel, other.begrip)
        # Compare up to this provision's deepest level; an empty level must be empty there too, so
        # artikel 1, onderdeel a does not contain artikel 1, tweede lid, onderdeel a.
        depth = max((i for i, part in enumerate(mine) if part), default=-1)
        return mine[: depth + 1] == theirs[: depth + 1]

    def __str__(self) -> str:
        return self.citeer()


GEGEVENS = ProvisionRef()


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node came from: file, 1-based start/end line and column, and its provision."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    provision: ProvisionRef = field(default=GEGEVENS)

    def in_provision(self, provision: ProvisionRef) -> Span:
        return Span(self.file, self.line, self.column, self.end_line, self.end_column, provision)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NO_SPAN = Span("<intern>", 0, 0, 0, 0)
