"""References in teksten ("bedoeld in artikel 1.1, onderdeel e, onder 4°", "het eerste lid", "bijlage A"):
found in the wording, resolved against one version, and checked.

T001 a reference to a provision that does not exist (with "bedoelde u" for a near miss); T002 a reference to a
provision that a wijzigingsregeling renumbers, with the wording it must get; T003 a reference to a provision
that lapses; T010 (a warning) an onderdeel without tekst. A reference to another regeling ("artikel 3.1.1,
eerste lid, van het Besluit", "artikel 3.3.1 Wlz") is not ours to check and is left alone.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic, Severity
from ..span import ProvisionRef, Span, citeer, rangtelwoord
from ..syntax import ast
from . import _tree as T
from ._verwijzingen_lezen import Deel, delen, plaats

__all__ = ["Hernummering", "TekstVerwijzing", "check_references", "check_teksten", "renumbered_references",
           "verwijzingen", "woorden"]

# What follows a citation of another regeling: "van het Besluit", ", van de Wet", " Wlz".
_EXTERN = re.compile(r",? (?:van (?!deze regeling)|bij (?!deze regeling)(?:het|de) |[A-Z][A-Za-z]{1,5}\b)")


@dataclass(frozen=True, slots=True)
class TekstVerwijzing:
    """A reference in the tekst of ``bron`` (at ``span``), resolved (``doel``), at ``offset`` in the tekst.
    ``woorden`` names this one provision as written, or for a part of a compound reference ("derde lid" of
    "artikel 5.5, eerste of derde lid", which is ``geheel``) in its own words."""

    bron: ProvisionRef
    span: Span
    woorden: str
    doel: ProvisionRef
    relatief: bool
    tekst: str
    geheel: str = ""
    deel: Deel | None = None
    offset: int = 0

    def waar(self) -> Span:
        """Where the reference stands in its file (looked up only for a diagnostic): the tekst string, at the
        reference (at its own number for a part), else the provision."""
        return plaats(self.span, self.tekst, self.offset)


@dataclass(frozen=True, slots=True)
class Hernummering:
    """A provision renumbered by a wijzigingsregeling (``nieuw`` None: it lapses), and the instruction."""

    oud: ProvisionRef
    nieuw: ProvisionRef | None
    span: Span


def verwijzingen(reg: ast.Regeling) -> Iterator[TekstVerwijzing]:
    """Every reference to this regeling in the teksten of its provisions and bijlagen, in document order; a
    compound or ranged reference gives one per provision it names."""
    bronnen: list[tuple[ProvisionRef, str, Span]] = [(ref, b.tekst, b.span) for ref, b in T.bepalingen(reg)]
    bronnen += [(ProvisionRef(bijlage=b.letter), b.tekst, b.span) for b in reg.bijlagen]
    for bron, tekst, span in bronnen:
        tekst = " ".join(tekst.split())
        for d in _delen(tekst, bron.artikel, bron.lid):
            geheel = tekst[d.begin:d.eind]
            woorden_ = woorden(d.doel, d.relatief) if d.samengesteld or d.in_reeks else geheel
            if d.samengesteld and geheel[:1].isupper():
                woorden_ = woorden_[:1].upper() + woorden_[1:]
            eigen = [b for lvl, b, _ in d.tokens if lvl == T.soort_van(d.doel)] if d.samengesteld else []
            yield TekstVerwijzing(bron, span, woorden_, d.doel,
                                  d.relatief, tekst, geheel, d, eigen[0] if eigen else d.begin)


@functools.lru_cache(maxsize=4096)
def _delen(tekst: str, artikel: str, lid: str) -> tuple[Deel, ...]:
    """The parts of the references in one tekst, in order; the same tekst recurs in every version."""
    return tuple(sorted(delen(tekst, ProvisionRef(artikel, lid), _EXTERN), key=lambda d: d.begin))


def woorden(doel: ProvisionRef, relatief: bool) -> str:
    """The wording of a reference: "artikel 1.1, onderdeel e, onder 4°", or relative "het tweede lid"."""
    # A begrip is cited by its term in full ("artikel 1.1, begripsomschrijving van 'zorg thuis'") even nearby.
    return citeer(doel, doel.artikel if relatief and not doel.begrip else "", onder=True)


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
        delen = [f"'{v.woorden}'{_in(v)}" + (f" (bedoelde u {' of '.join(close)}?)" if close else "")
                 for v, close in fouten]
        wat = "die bepaling bestaat" if len(delen) == 1 else "die bepalingen bestaan"
        out.append(Diagnostic("T001", fouten[0][0].waar(), (
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
            if v.doel.bijlage or not T.binnen(v.doel, h.oud) or (v.deel is not None and v.deel.in_reeks):
                continue
            if v.doel in bestaand and v.tekst not in base_teksten:
                continue
            gemeld.add((v.bron, v.woorden))
            if h.nieuw is None:
                out.append(Diagnostic("T003", v.waar(), (
                    f"de tekst van {v.bron.citeer()} verwijst naar '{v.woorden}'{_in(v)}, maar {h.oud.citeer()} "
                    f"vervalt in {versie}: pas de verwijzing aan of laat haar vervallen"), related=((h.span, "hier"),)))
                break
            juist = _juist(v, h.oud, h.nieuw)
            out.append(Diagnostic("T002", v.waar(), (
                f"de tekst van {v.bron.citeer()} verwijst naar '{v.woorden}'{_in(v)}, maar {h.oud.citeer()} wordt in "
                f"{versie} vernummerd tot {h.nieuw.citeer()}: de verwijzing moet luiden '{juist}'"),
                related=((h.span, "hier wordt vernummerd"),), suggestions=(juist,)))
            break
    return _per_tekst(out) + check_references(result, frozenset(gemeld), versie)


def _in(v: TekstVerwijzing) -> str:
    """" (in 'artikel 5.5, eerste of derde lid')" for a part of a compound or ranged reference."""
    return f" (in '{v.geheel}')" if v.deel is not None and (v.deel.samengesteld or v.deel.in_reeks) else ""


def _juist(v: TekstVerwijzing, oud: ProvisionRef, nieuw: ProvisionRef) -> str:
    """The reference as it must read after ``oud`` became ``nieuw``: the number of that level replaced where it
    stands, in its own form (a word stays a word: "eerste of derde lid" -> "eerste of tweede lid")."""
    niveau, waarde = T.soort_van(oud), T.laatste(nieuw)
    tokens = [(b, e) for lvl, b, e in (v.deel.tokens if v.deel is not None else ()) if lvl == niveau]
    if not tokens or v.deel is None:
        juist = woorden(replace(v.doel, **{niveau: waarde}), v.relatief)
        return juist[0].upper() + juist[1:] if v.woorden[0].isupper() else juist
    (b, e), begin = tokens[0], v.deel.begin
    oud_woord = v.tekst[b:e]
    if niveau == "lid" and not oud_woord[:1].isdigit():
        waarde = rangtelwoord(waarde)
    return v.geheel[:b - begin] + waarde + v.geheel[e - begin:]


def _per_tekst(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per tekst and code, at its first wrong reference: two wrong references in one tekst are
    named together (the pipeline drops repeats of a code at one place)."""
    groepen: dict[tuple[str, str, str], list[Diagnostic]] = {}
    for d in diags:
        groepen.setdefault((d.code, d.span.file, d.message.split(" verwijst naar ")[0]), []).append(d)
    out = []
    for (code, _, _), groep in groepen.items():
        span = groep[0].span
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
    """T010 (a warning) for every onderdeel, subonderdeel or begrip without tekst in a regeling that carries its legal
    text: its rules then cite wording that the reader cannot find. (A model without any tekst is left alone.)"""
    if not any(b.tekst.strip() for _, b in T.bepalingen(reg)):
        return []
    return [Diagnostic("T010", b.span, f"{ref.citeer()} heeft geen tekst: schrijf de wettekst erbij met "
                                       "'tekst \"...\"'", Severity.WAARSCHUWING)
            for ref, b in T.bepalingen(reg)
            if isinstance(b, (ast.Onderdeel, ast.Subonderdeel, ast.Begripsomschrijving)) and not b.tekst.strip()]
