"""The parts of a derived wijzigingsregeling that are not provisions: gegevens, table rows, the smallest textual
substitution, and the Dutch formula of each onderdeel (Aanwijzingen voor de regelgeving, wijzigingsformules)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from ..span import ProvisionRef, Span, citeer, rangtelwoord
from ..syntax import ast
from . import _tree as T
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


def _cite(ref: ProvisionRef, komma: bool = False) -> str:
    """"artikel 2.2, derde lid"; with ``komma`` the closing comma a citation before a verb gets ("artikel 2.2,
    derde lid, vervalt")."""
    tekst = citeer(ref, onder=True)
    return tekst + "," if komma and ", " in tekst else tekst


def _plek(ref: ProvisionRef) -> str:
    """"het derde lid", "onderdeel b": the place of a provision inside its parent."""
    if T.soort_van(ref) == "lid":
        woord = rangtelwoord(ref.lid)
        return f"het {woord} lid" if woord != ref.lid else f"lid {ref.lid}"
    return _cite(ref).split(", ")[-1]


# A begrip's term as the legal text quotes it.
_TERM = "‘{}’".format


def _begrip_zin(i: ast.Instructie, binnen: bool) -> str | None:
    """The formula of an instruction on a begrip of a begrippenlijst (Aanwijzingen voor de regelgeving), within
    an onderdeel on its artikel alone ("De begripsomschrijving van ‘X’ vervalt.") or on its own ("In artikel
    1.1 vervalt de begripsomschrijving van ‘X’."); None for any other instruction."""
    if isinstance(i, ast.AlfabetischIngevoegd):
        return ("In de alfabetische volgorde wordt ingevoegd:" if binnen else
                f"In artikel {i.artikel.ref.artikel} wordt in de alfabetische volgorde ingevoegd:")
    if not isinstance(i, (ast.KomtTeLuiden, ast.Vervalt, ast.Vervangen)) or not i.doel.ref.begrip:
        return None
    ref = i.doel.ref
    begrip = citeer(ref, ref.artikel, term=_TERM)  # "de begripsomschrijving van ‘X’"
    if isinstance(i, ast.Vervangen):
        wat = f"\u201c{' '.join(i.oud.split())}\u201d vervangen door \u201c{' '.join(i.nieuw.split())}\u201d."
        return f"In {begrip} wordt {wat}" if binnen else f"In artikel {ref.artikel} wordt in {begrip} {wat}"
    werkwoord = ("komt", " te luiden:") if isinstance(i, ast.KomtTeLuiden) else ("vervalt", ".")
    if binnen:
        return f"{begrip[0].upper()}{begrip[1:]} {werkwoord[0]}{werkwoord[1]}"
    return f"In artikel {ref.artikel} {werkwoord[0]} {begrip}{werkwoord[1]}"


def _zin(i: ast.Instructie, binnen: bool = False) -> str:
    """The formula of one instruction, as a sentence starting with a capital."""
    begrip = _begrip_zin(i, binnen)
    if begrip is not None:
        return begrip
    if isinstance(i, ast.KomtTeLuiden):
        zin = f"{_cite(i.doel.ref, True)} komt te luiden:"
    elif isinstance(i, ast.Vervangen):
        zin = f"in {_cite(i.doel.ref, True)} wordt \u201c{' '.join(i.oud.split())}\u201d vervangen door " \
              f"\u201c{' '.join(i.nieuw.split())}\u201d."
    elif isinstance(i, ast.Vervalt):
        onder = " en ".join(f"{_plek(a)} tot {_plek(b).removeprefix('het ')}" for a, b in i.hernummering)
        woord = "verlettering" if T.soort_van(i.doel.ref) == "onderdeel" else "vernummering"
        zin = f"{_cite(i.doel.ref, True)} vervalt" + (f", onder {woord} van {onder}." if onder else ".")
    elif isinstance(i, ast.Vernummerd):
        zin = f"{_cite(i.doel.ref, True)} wordt vernummerd tot {_plek(i.nieuw.ref).removeprefix('het ')}."
    elif isinstance(i, ast.Ingevoegd):
        zin = (f"aan {_cite(i.anker.ref, True)} wordt een {i.soort} toegevoegd, luidende:" if i.positie == "aan" else
               f"{i.positie} {_cite(i.anker.ref, True)} wordt een {i.soort} ingevoegd, luidende:")
    elif isinstance(i, ast.StructuurIngevoegd):
        anker = f"hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}" if i.paragraaf else "")
        zin = f"{i.positie} {anker} wordt een {i.soort} ingevoegd, luidende:"
    elif isinstance(i, ast.StructuurVervalt):
        zin = f"hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}," if i.paragraaf else "") + " vervalt."
    elif isinstance(i, ast.TabelWijziging):
        zin = f"tabel {i.tabel} wordt gewijzigd."
    else:
        zin = "de gegevens van een casus worden gewijzigd."
    return zin[:1].upper() + zin[1:]


def formule(instructies: list[ast.Instructie]) -> str:
    """The tekst of an onderdeel: one sentence, or "... wordt als volgt gewijzigd:" with numbered sentences."""
    if len(instructies) == 1:
        return _zin(instructies[0])
    eerste = instructies[0]
    ref = ast.doel(eerste)
    kop = f"Artikel {ref.artikel}" if ref is not None and ref.artikel else "De regeling"
    binnen = ref is not None and bool(ref.artikel) and all(_groep(i) == f"artikel {ref.artikel}" for i in instructies)
    return "\n".join([f"{kop} wordt als volgt gewijzigd:",
                      *(f"{n}. {_zin(i, binnen)}" for n, i in enumerate(instructies, 1))])


def _groep(i: ast.Instructie) -> str:
    """Instructions on one artikel share an onderdeel (Aanwijzing 6.x: per artikel één onderdeel)."""
    if isinstance(i, (ast.KomtTeLuiden, ast.Vervangen, ast.Vervalt)):
        return f"artikel {i.doel.ref.artikel}"
    if isinstance(i, ast.Vernummerd):
        return f"artikel {i.nieuw.ref.artikel}"
    if isinstance(i, ast.Ingevoegd):
        return f"artikel {T.nummer(i.bepaling) if T.soort(i.bepaling) == 'artikel' else i.anker.ref.artikel}"
    if isinstance(i, ast.AlfabetischIngevoegd):
        return f"artikel {i.artikel.ref.artikel}"
    if isinstance(i, ast.TabelWijziging):
        return f"tabel {i.tabel}"
    return type(i).__name__ + (f" {i.hoofdstuk}.{i.paragraaf}" if isinstance(
        i, (ast.StructuurIngevoegd, ast.StructuurVervalt)) else "")


def _letters() -> Iterator[str]:
    alfabet = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    yield from alfabet
    yield from (a + b for a in alfabet for b in alfabet)


def wijzigingsregeling(base: ast.Regeling, versie: str, geldig_vanaf: datetime.date, variant: bool,
                        instructies: list[ast.Instructie], eigenschappen: tuple[ast.Eigenschap, ...],
                        groepering: str, volgorde: dict[str, int], span: Span,
                        zelfstandig: tuple[ast.Artikel, ...] = ()) -> ast.Wijzigingsregeling:
    """Artikel I with the instructions in onderdelen, the zelfstandige bepalingen with rules (Artikel II, ...)
    as ``zelfstandig`` gives them, and last the artikel on the inwerkingtreding."""
    groepen: dict[str, list[ast.Instructie]] = {}
    for n, i in enumerate(instructies):
        groepen.setdefault(_groep(i) if groepering != "geen" else str(n), []).append(i)
    lijst = list(groepen.items())
    if groepering == "regeling":  # gegevens first, then artikelen as they stand, then tables (stable sort)
        lijst.sort(key=lambda kv: (0 if kv[0] == "GegevensWijziging" else 1, volgorde.get(kv[0], len(volgorde))))
    onderdelen = tuple(ast.Wijziging(letter, formule(groep), "", tuple(groep), span)
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
