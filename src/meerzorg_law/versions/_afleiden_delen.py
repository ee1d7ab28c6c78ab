"""The parts of a derived wijzigingsregeling that are not provisions: gegevens, table rows, the smallest textual
substitution, and the tekst of each onderdeel in the one wording of its instructions (syntax/formules.py)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator

from ..span import Span
from ..syntax import ast
from ..syntax import formules as F
from ._gelijk import gelijk

__all__ = ["datum", "formule", "gegevens_instructies", "substitutie", "tabel_instructies", "wijzigingsregeling"]

# A substitution names at most this many words on either side; a larger change is "komt te luiden".
MAX_WOORDEN = 12


def gegevens_instructies(oud: tuple[ast.Declaratie, ...], nieuw: tuple[ast.Declaratie, ...],
                         span: Span) -> list[ast.GegevensInstructie]:
    """Per declaration: a new value of an enumeratie where only values were added at its end, "komt te
    luiden" for any other change, "wordt ingevoegd" for a new one and "vervalt" for one that is gone."""
    def key(d: ast.Declaratie) -> tuple[bool, str]:
        return isinstance(d, ast.Enumeratie), d.name

    was, wordt = {key(d): d for d in oud}, {key(d): d for d in nieuw}
    out: list[ast.GegevensInstructie] = []
    for k, d in was.items():
        if k not in wordt:
            out.append(ast.GegevensInstructie("vervalt", d.name, None, None, span, enumeratie=k[0]))
    for k, d in wordt.items():
        vorig = was.get(k)
        if vorig is None:
            out.append(ast.GegevensInstructie("ingevoegd", d.name, d, None, span))
        elif gelijk(vorig, d):
            continue
        elif (isinstance(vorig, ast.Enumeratie) and isinstance(d, ast.Enumeratie) and vorig.label == d.label
              and gelijk(d.values[:len(vorig.values)], vorig.values)):
            out += [ast.GegevensInstructie("waarde", d.name, None, w, span) for w in d.values[len(vorig.values):]]
        else:
            out.append(ast.GegevensInstructie("luidt", d.name, d, None, span))
    return out


def tabel_instructies(oud: ast.Tabel, nieuw: ast.Tabel, span: Span) -> list[ast.RijWijziging]:
    was, wordt = {r.key: r for r in oud.rijen}, {r.key: r for r in nieuw.rijen}
    out = [ast.RijWijziging("vervalt", k, None, span) for k in was if k not in wordt]
    for k, r in wordt.items():
        if k not in was:
            out.append(ast.RijWijziging("toegevoegd", k, r, span))
        elif not gelijk(was[k], r):
            out.append(ast.RijWijziging("luidt", k, r, span))
    return out


def substitutie(oud: str, nieuw: str) -> tuple[str, str] | None:
    """The smallest passage of ``oud`` (whole words, found once) whose replacement gives the words of
    ``nieuw``: ("drie jaar", "vijf jaar"); None when the change is too large for a substitution.

    >>> substitutie("ten hoogste drie jaar.", "ten hoogste vijf jaar.")
    ('drie', 'vijf')
    >>> substitutie("a b c", "a x c")
    ('b', 'x')
    """
    a, b = oud.split(), nieuw.split()
    begin = 0
    while begin < min(len(a), len(b)) and a[begin] == b[begin]:
        begin += 1
    eind = 0
    while eind < min(len(a), len(b)) - begin and a[-1 - eind] == b[-1 - eind]:
        eind += 1
    van, tot = begin, len(a) - eind
    nieuw_van, nieuw_tot = begin, len(b) - eind
    while True:
        if tot - van > MAX_WOORDEN or nieuw_tot - nieuw_van > MAX_WOORDEN:
            return None
        passage = _passage(oud, van, tot)
        if passage is not None and tot > van and oud.count(passage) == 1:
            vervanging = " ".join(b[nieuw_van:nieuw_tot])
            if (oud.replace(passage, vervanging).split() == b and not passage.endswith('"')
                    and not vervanging.endswith('"') and '"""' not in passage + vervanging):
                return passage, vervanging
        if van == 0 and tot == len(a):
            return None
        # Not found once (or empty, for a pure insertion): take in the word before, else the word after.
        if van > 0:
            van, nieuw_van = van - 1, nieuw_van - 1
        else:
            tot, nieuw_tot = tot + 1, nieuw_tot + 1


def _passage(tekst: str, van: int, tot: int) -> str | None:
    """The words ``van``..``tot`` of ``tekst`` as they stand in it (with its own line breaks)."""
    spans = [m.span() for m in re.finditer(r"\S+", tekst)]
    if not 0 <= van < tot <= len(spans):
        return None
    return tekst[spans[van][0]:spans[tot - 1][1]]


_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december")


def datum(d: datetime.date) -> str:
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def formule(instructies: list[ast.Instructie], tabel: Callable[[str], str]) -> str:
    """The tekst of an onderdeel in the one wording of its instructions (syntax/formules.py, as the document
    model renders them): one sentence, or "... wordt als volgt gewijzigd:" with numbered sentences."""
    if len(instructies) == 1:
        return F.zin_tekst(F.formule(instructies[0], F.Omgeving("", tabel)))
    ref = ast.doel(instructies[0])
    kop = f"Artikel {ref.artikel}" if ref is not None and ref.artikel else "De regeling"
    omg = F.Omgeving(F.binnen(instructies), tabel)
    return "\n".join([f"{kop} wordt als volgt gewijzigd:",
                      *(f"{n}. {F.zin_tekst(F.formule(i, omg))}" for n, i in enumerate(instructies, 1))])


def _letters() -> Iterator[str]:
    alfabet = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    yield from alfabet
    yield from (a + b for a in alfabet for b in alfabet)


def wijzigingsregeling(base: ast.Regeling, versie: str, geldig_vanaf: datetime.date, variant: bool,
                        instructies: list[ast.Instructie], eigenschappen: tuple[ast.Eigenschap, ...],
                        groepering: str, volgorde: dict[str, int], span: Span,
                        zelfstandig: tuple[ast.Artikel, ...] = (),
                        nieuw: ast.Regeling | None = None) -> ast.Wijzigingsregeling:
    """Artikel I with the instructions in onderdelen, the zelfstandige bepalingen with rules (Artikel II, ...)
    as ``zelfstandig`` gives them, and last the artikel on the inwerkingtreding. ``nieuw``, the edited copy,
    is where a table is cited from first (as the document model cites it from the new version)."""
    groepen: dict[str, list[ast.Instructie]] = {}
    for n, i in enumerate(instructies):
        groepen.setdefault(F.groep(i) if groepering != "geen" else str(n), []).append(i)
    lijst = list(groepen.items())
    if groepering == "regeling":  # gegevens first, then artikelen as they stand, then tables (stable sort)
        lijst.sort(key=lambda kv: (0 if kv[0] == F.GEGEVENS_GROEP else 1, volgorde.get(kv[0], len(volgorde))))
    def tabel(naam: str) -> str:
        return F.tabel_citaat((nieuw, base), naam)[0]

    onderdelen = tuple(ast.Wijziging(letter, formule(groep, tabel), "", tuple(groep), span)
                       for letter, (_, groep) in zip(_letters(), lijst, strict=False))
    artikel_i = ast.WijzigingsArtikel("I", "", f"De {base.titel} wordt als volgt gewijzigd:", "", onderdelen, span)
    eigen = tuple(ast.WijzigingsArtikel(a.nummer, a.titel, a.tekst, a.toelichting, (), span, a) for a in zelfstandig)
    slot = ast.WijzigingsArtikel(_ROMEINS[len(eigen) + 2], "", f"Deze regeling treedt in werking met ingang van "
                                                             f"{datum(geldig_vanaf)}.", "", (), span)
    titel = (f"Regeling van de Minister voor Langdurige Zorg van ... tot wijziging van de {base.titel} in verband "
             "met ...")
    return ast.Wijzigingsregeling(titel, versie, variant, base.versie, geldig_vanaf, "", (artikel_i, *eigen, slot),
                                  eigenschappen, span)


_ROMEINS = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
