"""References in teksten ("bedoeld in artikel 1.1, onderdeel e, onder 4°", "het eerste lid", "bijlage A"):
found in the wording, resolved against one version, and checked.

T001 a reference to a provision that does not exist (with "bedoelde u" for a near miss); T002 a reference to a
provision that a wijzigingsregeling renumbers, with the wording it must get; T003 a reference to a provision
that lapses; T010 (a warning) an onderdeel without tekst. A reference to another regeling ("artikel 3.1.1,
eerste lid, van het Besluit", "artikel 3.3.1 Wlz") is not ours to check and is left alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic, Severity
from ..span import ProvisionRef, Span, lidnummer_van_woord, rangtelwoord
from ..syntax import ast
from . import _tree as T

__all__ = ["Hernummering", "TekstVerwijzing", "check_references", "check_teksten", "renumbered_references",
           "verwijzingen", "woorden"]

_RANG = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde"
_LID = rf"(?:({_RANG}) lid|lid (\d+[a-z]?))"
_ABSOLUUT = re.compile(rf"\b[Aa]rtikel (\d+(?:\.\d+)*[a-z]?)(?:, {_LID})?(?:, onderdeel ([a-z]{{1,2}}))?"
                       rf"(?:, onder (\d+°))?")
_RELATIEF = re.compile(rf"\b(?:[Hh]et|[Dd]it) {_LID}(?:, onderdeel ([a-z]{{1,2}}))?(?:, onder (\d+°))?")
_ONDERDEEL = re.compile(r"\bbedoeld in onderdeel ([a-z]{1,2})(?:, onder (\d+°))?")
_BIJLAGE = re.compile(r"\b[Bb]ijlage ([A-Z])\b")
# What follows a citation of another regeling: "van het Besluit", ", van de Wet", " Wlz".
_EXTERN = re.compile(r",? (?:van (?!deze regeling)|bij (?!deze regeling)(?:het|de) |[A-Z][A-Za-z]{1,5}\b)")


@dataclass(frozen=True, slots=True)
class TekstVerwijzing:
    """A reference in the tekst of ``bron`` (at ``span``), as written (``woorden``) and resolved (``doel``)."""

    bron: ProvisionRef
    span: Span
    woorden: str
    doel: ProvisionRef
    relatief: bool
    tekst: str


@dataclass(frozen=True, slots=True)
class Hernummering:
    """A provision renumbered by a wijzigingsregeling (``nieuw`` None: it lapses), and the instruction."""

    oud: ProvisionRef
    nieuw: ProvisionRef | None
    span: Span


def _lid(woord: str | None, getal: str | None) -> str:
    return lidnummer_van_woord(woord) if woord else (getal or "")


def verwijzingen(reg: ast.Regeling) -> Iterator[TekstVerwijzing]:
    """Every reference to this regeling in the teksten of its provisions and bijlagen, in document order."""
    bronnen: list[tuple[ProvisionRef, str, Span]] = [(ref, b.tekst, b.span) for ref, b in T.bepalingen(reg)]
    bronnen += [(ProvisionRef(bijlage=b.letter), b.tekst, b.span) for b in reg.bijlagen]
    for bron, tekst, span in bronnen:
        tekst = " ".join(tekst.split())
        gezien: list[tuple[int, int]] = []
        for m in _ABSOLUUT.finditer(tekst):
            gezien.append(m.span())
            if _EXTERN.match(tekst, m.end()):
                continue
            doel = ProvisionRef(m[1], _lid(m[2], m[3]), m[4] or "", m[5] or "")
            yield TekstVerwijzing(bron, span, m[0], doel, False, tekst)
        for m in _RELATIEF.finditer(tekst):
            if any(a <= m.start() < b for a, b in gezien) or _EXTERN.match(tekst, m.end()):
                continue
            doel = ProvisionRef(bron.artikel, _lid(m[1], m[2]), m[3] or "", m[4] or "")
            yield TekstVerwijzing(bron, span, m[0], doel, True, tekst)
        for m in _ONDERDEEL.finditer(tekst):
            if not any(a <= m.start() < b for a, b in gezien):
                doel = ProvisionRef(bron.artikel, bron.lid, m[1], m[2] or "")
                yield TekstVerwijzing(bron, span, m[0].removeprefix("bedoeld in "), doel, True, tekst)
        for m in _BIJLAGE.finditer(tekst):
            if not _EXTERN.match(tekst, m.end()):
                yield TekstVerwijzing(bron, span, m[0], ProvisionRef(bijlage=m[1]), False, tekst)


def woorden(doel: ProvisionRef, relatief: bool) -> str:
    """The wording of a reference: "artikel 1.1, onderdeel e, onder 4°", or relative "het tweede lid"."""
    if doel.bijlage:
        return f"bijlage {doel.bijlage}"
    delen = [] if relatief and doel.lid else [f"artikel {doel.artikel}"]
    if doel.lid:
        woord = rangtelwoord(doel.lid)
        lid = f"{woord} lid" if woord != doel.lid else f"lid {doel.lid}"
        delen.append(f"het {lid}" if relatief else lid)
    if doel.onderdeel:
        delen.append(f"onderdeel {doel.onderdeel}")
    if doel.subonderdeel:
        delen.append(f"onder {doel.subonderdeel}")
    if relatief and not doel.lid:
        delen = delen[1:]
    return ", ".join(delen)


def _bestaande(reg: ast.Regeling) -> set[ProvisionRef]:
    return {ref for ref, _ in T.bepalingen(reg)} | {ProvisionRef(bijlage=b.letter) for b in reg.bijlagen}


def check_references(reg: ast.Regeling, overslaan: frozenset[tuple[ProvisionRef, str]] = frozenset(),
                     versie: str = "") -> list[Diagnostic]:
    """T001 for every tekst that refers to a provision that does not exist in ``reg`` (except the references in
    ``overslaan``, already reported as (bron, woorden)); one diagnostic per tekst, naming each reference."""
    bestaand = _bestaande(reg)
    namen = [woorden(r, False) for r in bestaand]
    per_bron: dict[ProvisionRef, list[tuple[TekstVerwijzing, tuple[str, ...]]]] = {}
    for v in verwijzingen(reg):
        if v.doel in bestaand or (v.bron, v.woorden) in overslaan:
            continue
        close = tuple(difflib.get_close_matches(woorden(v.doel, False), namen, n=2, cutoff=0.9))
        per_bron.setdefault(v.bron, []).append((v, close))
    out = []
    for bron, fouten in per_bron.items():
        delen = [f"'{v.woorden}'" + (f" (bedoelde u {' of '.join(close)}?)" if close else "") for v, close in fouten]
        wat = "die bepaling bestaat" if len(delen) == 1 else "die bepalingen bestaan"
        out.append(Diagnostic("T001", fouten[0][0].span, (
            f"de tekst van {bron.citeer()} verwijst naar {_en(delen)}, maar {wat} niet in {versie or reg.versie}"),
            suggestions=tuple(c for _, close in fouten for c in close)))
    return out


def _en(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def renumbered_references(base: ast.Regeling, result: ast.Regeling, hernummerd: list[Hernummering],
                          versie: str) -> list[Diagnostic]:
    """T002/T003 for every reference in ``result`` that cites a renumbered or lapsed provision by its old
    number, then T001 for any other reference that dangles. A reference in a tekst the wijziging wrote counts
    only when its target is gone: the drafter may mean a provision now standing at that number."""
    if not hernummerd:
        return check_references(result, versie=versie)
    bestaand = _bestaande(result)
    base_teksten = {" ".join(b.tekst.split()) for _, b in T.bepalingen(base)}
    out: list[Diagnostic] = []
    gemeld: set[tuple[ProvisionRef, str]] = set()
    for v in verwijzingen(result):
        for h in hernummerd:
            if v.doel.bijlage or not T.binnen(v.doel, h.oud):
                continue
            if v.doel in bestaand and v.tekst not in base_teksten:
                continue
            gemeld.add((v.bron, v.woorden))
            if h.nieuw is None:
                out.append(Diagnostic("T003", v.span, (
                    f"de tekst van {v.bron.citeer()} verwijst naar '{v.woorden}', maar {h.oud.citeer()} vervalt in "
                    f"{versie}: pas de verwijzing aan of laat haar vervallen"), related=((h.span, "hier"),)))
                break
            nieuw = replace(v.doel, **{T.soort_van(h.oud): T.laatste(h.nieuw)})
            juist = woorden(nieuw, v.relatief)
            juist = juist[0].upper() + juist[1:] if v.woorden[0].isupper() else juist
            out.append(Diagnostic("T002", v.span, (
                f"de tekst van {v.bron.citeer()} verwijst naar '{v.woorden}', maar {h.oud.citeer()} wordt in "
                f"{versie} vernummerd tot {h.nieuw.citeer()}: de verwijzing moet luiden '{juist}'"),
                related=((h.span, "hier wordt vernummerd"),), suggestions=(juist,)))
            break
    return _per_tekst(out) + check_references(result, frozenset(gemeld), versie)


def _per_tekst(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per tekst and code: two wrong references in one tekst share its place, and a place is
    reported once (the pipeline drops repeats of a code at one place)."""
    groepen: dict[tuple[str, Span], list[Diagnostic]] = {}
    for d in diags:
        groepen.setdefault((d.code, d.span), []).append(d)
    out = []
    for (code, span), groep in groepen.items():
        if len(groep) == 1:
            out.append(groep[0])
            continue
        kop = groep[0].message.split(" verwijst naar ")[0]
        delen = "; ".join(d.message.split(" verwijst naar ", 1)[1] for d in groep)
        out.append(Diagnostic(code, span, f"{kop} heeft {len(groep)} verwijzingen die niet meer kloppen: {delen}",
                              related=tuple(r for d in groep for r in d.related),
                              suggestions=tuple(x for d in groep for x in d.suggestions)))
    return out



def check_teksten(reg: ast.Regeling) -> list[Diagnostic]:
    """T010 (a warning) for every onderdeel or subonderdeel without tekst in a regeling that carries its legal
    text: its rules then cite wording that the reader cannot find. (A model without any tekst is left alone.)"""
    if not any(b.tekst.strip() for _, b in T.bepalingen(reg)):
        return []
    return [Diagnostic("T010", b.span, f"{ref.citeer()} heeft geen tekst: schrijf de wettekst erbij met "
                                       "'tekst \"...\"'", Severity.WAARSCHUWING)
            for ref, b in T.bepalingen(reg)
            if isinstance(b, (ast.Onderdeel, ast.Subonderdeel)) and not b.tekst.strip()]
