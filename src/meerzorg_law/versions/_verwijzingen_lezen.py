"""Reading references in a tekst: single ("artikel 1.1, onderdeel e, onder 4°"), compound ("artikel 5.5, eerste
of derde lid", "de artikelen 2.2 en 5.5", "het eerste en tweede lid") and ranged ("onderdelen a tot en met c"),
each cut into its parts, and where a part stands in the source file (for a caret under the reference itself).
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..span import ProvisionRef, Span, lidnummer_van_woord

__all__ = ["Deel", "delen", "plaats"]

_RANG = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde"
_ART = r"\d+(?:\.\d+)*[a-z]?"
_LETTER = r"(?!en\b|of\b)[a-z]{1,2}\b"
_EN = r" (?:en|of|tot en met) "


def _lijst(item: str) -> str:
    return rf"{item}(?:, {item})*(?:{_EN}{item})?"


_LID = rf"(?:(?:{_lijst(f'(?:{_RANG})')}) lid|lid \d+[a-z]?\b)"
_OND = rf"(?:onderdeel {_LETTER}|onderdelen {_lijst(_LETTER)})"
_SUB = r"(?:, onder (?P<sub>\d+°))?"
_ABSOLUUT = re.compile(rf"\b[Aa]rtikel (?P<art>{_ART})(?:, (?P<lid>{_LID}))?(?:, (?P<ond>{_OND}))?{_SUB}")
_ARTIKELEN = re.compile(rf"\b(?:[Dd]e )?[Aa]rtikelen (?P<arts>{_lijst(_ART)})")
_RELATIEF = re.compile(rf"\b(?:[Hh]et|[Dd]it) (?P<lid>{_LID})(?:, (?P<ond>{_OND}))?{_SUB}")
_ONDERDEEL = re.compile(rf"\bbedoeld in (?:de )?(?P<ond>{_OND}){_SUB}")
_BIJLAGE = re.compile(r"\b[Bb]ijlage (?P<bijlage>[A-Z])\b")
# A begrip of a begrippenlijst by its term: "artikel 1.1, begripsomschrijving van ‘zorg thuis’" or "de
# begripsomschrijving van ‘zorg thuis’ in artikel 1.1" (single quotes, curly or straight).
_TERM = r"[‘'](?P<term>[^‘’'\n]+)[’']"
_BEGRIPPEN = (re.compile(rf"\b[Aa]rtikel (?P<art>{_ART}), begripsomschrijving van {_TERM}"),
              re.compile(rf"\b(?:[Dd]e )?begripsomschrijving van {_TERM} in artikel (?P<art>{_ART})"))
_ITEM = {"art": re.compile(_ART), "lid": re.compile(rf"\b(?:{_RANG}|\d+[a-z]?)\b"),
         "ond": re.compile(rf"\b{_LETTER}"), "arts": re.compile(_ART)}
_LEVEL = {"art": "artikel", "arts": "artikel", "lid": "lid", "ond": "onderdeel"}


@dataclass(frozen=True, slots=True)
class Deel:
    """One provision a reference names. ``begin``..``eind`` is the whole reference in the normalised tekst;
    ``tokens`` gives per level (artikel, lid, onderdeel) where this part's number stands in it, and
    ``in_reeks`` marks a provision named only by a range ("b" of "a tot en met c": it has no token)."""

    doel: ProvisionRef
    begin: int
    eind: int
    tokens: tuple[tuple[str, int, int], ...]
    relatief: bool
    samengesteld: bool
    in_reeks: bool = False


def _items(m: re.Match[str], groep: str) -> list[tuple[str, int, int, bool]]:
    """The numbers of one level with their place, ranges filled in ("a tot en met c": a, b, c)."""
    if groep not in m.re.groupindex or m[groep] is None:
        return []
    start = m.start(groep)
    found = [(x[0], start + x.start(), start + x.end()) for x in _ITEM[groep].finditer(m[groep])]
    if groep == "lid" and m[groep].startswith("lid "):
        found = found[-1:]
    out = [(w, b, e, False) for w, b, e in found]
    tekst = m.string
    for (w1, _, e1), (w2, b2, _) in itertools.pairwise(found):
        if tekst[e1:b2] == " tot en met " and groep == "ond" and len(w1) == len(w2) == 1:
            tussen = [(chr(c), -1, -1, True) for c in range(ord(w1) + 1, ord(w2))]
            plek = next(i for i, x in enumerate(out) if x[0] == w2 and x[1] == b2)
            out[plek:plek] = tussen
        elif tekst[e1:b2] == " tot en met " and groep == "lid":
            n1, n2 = (int(_nummer(w)) if _nummer(w).isdigit() else 0 for w in (w1, w2))
            tussen = [(str(n), -1, -1, True) for n in range(n1 + 1, n2)]
            plek = next(i for i, x in enumerate(out) if x[0] == w2 and x[1] == b2)
            out[plek:plek] = tussen
    return out


def _nummer(woord: str) -> str:
    return lidnummer_van_woord(woord) if not woord[:1].isdigit() else woord


def _uit(m: re.Match[str], artikel: str, lid: str, relatief: bool) -> Iterator[Deel]:
    arts, leden, onderdelen = _items(m, "art"), _items(m, "lid"), _items(m, "ond")
    sub = (m["sub"] or "") if "sub" in m.re.groupindex else ""
    samengesteld = len(leden) > 1 or len(onderdelen) > 1
    for a in arts or [(artikel, -1, -1, False)]:
        for li in leden or [(lid, -1, -1, False)]:
            for o in onderdelen or [("", -1, -1, False)]:
                tokens = tuple((_LEVEL[g], x[1], x[2]) for g, x in (("art", a), ("lid", li), ("ond", o)) if x[1] >= 0)
                nummer = _nummer(li[0]) if li[0] else ""
                yield Deel(ProvisionRef(a[0], nummer, o[0], sub), m.start(), m.end(), tokens, relatief, samengesteld,
                           a[3] or li[3] or o[3])


def delen(tekst: str, bron: ProvisionRef, extern: re.Pattern[str]) -> Iterator[Deel]:
    """Every part of every reference to this regeling in ``tekst`` (normalised), in order of appearance; a
    reference followed by ``extern`` ("van het Besluit", "Wlz") cites another regeling and is left out."""
    gezien: list[tuple[int, int]] = []
    for patroon in _BEGRIPPEN:
        for m in patroon.finditer(tekst):
            gezien.append(m.span())
            if extern.match(tekst, m.end()):
                continue
            yield Deel(ProvisionRef(m["art"], begrip=m["term"]), m.start(), m.end(),
                       (("artikel", m.start("art"), m.end("art")), ("begrip", m.start("term"), m.end("term"))),
                       False, False)
    for m in _ARTIKELEN.finditer(tekst):
        gezien.append(m.span())
        if not extern.match(tekst, m.end()):
            found = _items(m, "arts")
            for w, b, e, reeks in found:
                yield Deel(ProvisionRef(w), m.start(), m.end(), (("artikel", b, e),), False, True, reeks)
    for m in _ABSOLUUT.finditer(tekst):
        if any(a <= m.start() < b for a, b in gezien):
            continue
        gezien.append(m.span())
        if not extern.match(tekst, m.end()):
            yield from _uit(m, "", "", False)
    for m in _RELATIEF.finditer(tekst):
        if not any(a <= m.start() < b for a, b in gezien) and not extern.match(tekst, m.end()):
            yield from _uit(m, bron.artikel, "", True)
    for m in _ONDERDEEL.finditer(tekst):
        if not any(a <= m.start() < b for a, b in gezien):
            for d in _uit(m, bron.artikel, bron.lid, True):
                yield Deel(d.doel, m.start("ond"), d.eind, d.tokens, True, d.samengesteld, d.in_reeks)
    for m in _BIJLAGE.finditer(tekst):
        if not extern.match(tekst, m.end()):
            yield Deel(ProvisionRef(bijlage=m["bijlage"]), m.start(), m.end(), (), False, False)


# --------------------------------------------------------------------------------------------------
# Where a place in a tekst stands in its file
# --------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _lees(path: str, _stamp: tuple[int, int]) -> tuple[str, tuple[int, ...]]:
    """A source file and where each of its lines starts."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text, (0, *(m.end() for m in re.finditer("\n", text)))


def _bron(path: str) -> tuple[str, tuple[int, ...]] | None:
    try:
        st = os.stat(path)
        return _lees(path, (st.st_mtime_ns, st.st_size))
    except (OSError, UnicodeDecodeError):
        return None


_TEKST = re.compile(r'\btekst\s+(?:"""|")\s*')


def plaats(span: Span, tekst: str, offset: int) -> Span:
    """The file position of character ``offset`` of ``tekst`` (normalised: words and single spaces) in the
    ``tekst "..."`` of the provision at ``span``; ``span`` itself when the file does not hold that tekst (a
    text made by a substitution, a file that is gone)."""
    gelezen = _bron(span.file)
    if gelezen is None or not 1 <= span.line <= len(gelezen[1]):
        return span
    source, regels = gelezen
    m = _TEKST.search(source, regels[span.line - 1] + max(span.column - 1, 0))
    if m is None:
        return span
    j = m.end()
    for i, ch in enumerate(tekst):
        if i == offset:
            break
        if ch == " ":
            while j < len(source) and source[j].isspace():
                j += 1
            continue
        if j >= len(source) or source[j] != ch:
            return span
        j += 1
    line = source.count("\n", 0, j) + 1
    column = j - (source.rfind("\n", 0, j) + 1) + 1
    return Span(span.file, line, column, line, column + 1, span.provision)
