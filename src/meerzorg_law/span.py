"""Source positions and provision references: text coordinates in, Dutch citations out.

Every AST node, IR node, diagnostic and trace step carries a ``Span``; the span knows which provision
(artikel, lid, onderdeel) it belongs to, so errors and explanations can cite the law, not just a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
        """The citation in messages and on the site: :func:`citeer` with its defaults."""
        return citeer(self)

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


def citeer(ref: ProvisionRef, binnen: str = "", hoofdletter: bool = False, *, onder: bool = False,
           zelfstandig: bool = True, term: Callable[[str], str] = "'{}'".format) -> str:
    """The one citation of a provision, for every output (messages, site, wijzigingsregeling, printer).

    ``binnen``: the artikel the citing text stands in; a lid or onderdeel of that artikel is cited relatively,
    as the Aanwijzingen voor de regelgeving do ("het tweede lid, onderdeel a", "onderdeel b"). ``onder``: a
    subonderdeel as "onder 4°" (the wording of legal text) instead of "subonderdeel 4°". ``zelfstandig``: a
    zelfstandige bepaling (Artikel II) is "van de wijzigingsregeling". ``hoofdletter``: at the start of a sentence.
    A begrip of a begrippenlijst is cited by its term, quoted by ``term`` (the legal text's ‘…’, the DSL's
    string): "artikel 1.1, begripsomschrijving van 'zorg thuis'", inside artikel 1.1 "de begripsomschrijving
    van 'zorg thuis'".

    >>> r = ProvisionRef("2.2", "1", "e", "4°")
    >>> citeer(r), citeer(r, onder=True), citeer(r, "2.2", True, onder=True)
    ('artikel 2.2, eerste lid, onderdeel e, subonderdeel 4°', 'artikel 2.2, eerste lid, onderdeel e, onder 4°', \
'Het eerste lid, onderdeel e, onder 4°')
    >>> citeer(ProvisionRef("1.1", "", "c"), "1.1"), citeer(ProvisionRef("1.1"), "1.1"), citeer(ProvisionRef("2", "2a"))
    ('onderdeel c', 'artikel 1.1', 'artikel 2, lid 2a')
    >>> citeer(ProvisionRef("II", "1")), citeer(ProvisionRef("II", "1"), zelfstandig=False), citeer(GEGEVENS)
    ('artikel II, eerste lid, van de wijzigingsregeling', 'artikel II, eerste lid', 'gegevens')
    >>> b = ProvisionRef("1.1", begrip="zorg thuis")
    >>> citeer(b), citeer(b, "1.1", True, term="‘{}’".format)
    ("artikel 1.1, begripsomschrijving van 'zorg thuis'", 'De begripsomschrijving van ‘zorg thuis’')
    """
    if ref.bijlage:
        tekst = f"bijlage {ref.bijlage}"
    elif not ref.artikel:
        tekst = "gegevens"
    elif ref.begrip:
        tekst = (f"de begripsomschrijving van {term(ref.begrip)}" if binnen == ref.artikel else
                 f"artikel {ref.artikel}, begripsomschrijving van {term(ref.begrip)}")
    else:
        relatief = bool(binnen) and ref.artikel == binnen and bool(ref.lid or ref.onderdeel)
        parts = [] if relatief else [f"artikel {ref.artikel}"]
        if ref.lid:
            word = rangtelwoord(ref.lid)
            lid = f"{word} lid" if word != ref.lid else f"lid {ref.lid}"
            parts.append(f"het {lid}" if relatief and word != ref.lid else lid)
        if ref.onderdeel:
            parts.append(f"onderdeel {ref.onderdeel}")
        if ref.subonderdeel:
            parts.append(f"{'onder' if onder else 'subonderdeel'} {ref.subonderdeel}")
        tekst = ", ".join(parts)
        if zelfstandig and not relatief and _ROMEINS.fullmatch(ref.artikel):  # Artikel II of the wijzigingsregeling
            tekst += ("," if len(parts) > 1 else "") + " van de wijzigingsregeling"
    return tekst[0].upper() + tekst[1:] if hoofdletter else tekst


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
