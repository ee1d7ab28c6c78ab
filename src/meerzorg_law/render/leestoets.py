"""The quality gate of the readings: every reading of every version (rules, begrippen, outcomes, eigenschappen)
held to rules a Dutch reader needs, each a plain check that names what it found.

A sentence has at most 25 words (longer: a list); brackets nest at most one level; no clause carries two
negations; no identifier (snake_case, a version id) and no symbol (≥, ->, *, =) reaches the reader; "dit lid" and
relative citations ("het eerste lid") only inside the lid they stand in. ``tests/render/test_leestoets.py``
runs it over the bundled versions and over planted bad readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .. import ir
from ..span import ProvisionRef
from ..types import TypeKind
from .lezingen import MAX_WOORDEN, begrip_lezing, eigenschap_lezing, regel_lezing, versienamen
from .rangorde import rangorde_regels
from .rule_text import regels_van
from .waarden import toon_enum
from .waarom import redenen_van
from .zinnen import Lezing, Zin, hoofdletter, noun, term, zin_clause

__all__ = ["Lezingplek", "alle_lezingen", "lezingen_tekst", "toets", "uitkomst_lezing"]


@dataclass(frozen=True, slots=True)
class Lezingplek:
    """A reading with what it reads (``soort`` and ``naam``), its version and the provision it belongs to
    (``None``: the gegevens or a property); ``dit_lid``: a begrip of that very lid speaks of "dit lid"."""

    soort: str
    naam: str
    versie: str
    plek: ProvisionRef | None
    dit_lid: bool
    lezing: Lezing


def uitkomst_lezing(regeling: ir.Regeling, name: str) -> Lezing:
    """What an outcome can say to a reader: each value of a waar/onwaar or enumeration outcome as a sentence,
    and the standaard of any other."""
    decl = regeling.outcomes[name]
    subject = noun(regeling, name, "uitkomst")
    if decl.zin is not None and "[" in decl.zin.tekst:
        return Lezing(tuple(Zin(hoofdletter(zin_clause(decl.zin, neg).hoofd()) + ".") for neg in (False, True)))
    if decl.type.kind is TypeKind.ENUM and decl.type.enum in regeling.enums:
        waarden = regeling.enums[decl.type.enum].values
        return Lezing((Zin(f"{hoofdletter(subject)} is een van deze:",
                           tuple(f"‘{toon_enum(regeling, decl.type.enum, v)}’" for v in waarden)),))
    if decl.standaard is not None:
        return Lezing((Zin(f"Als geen regel van toepassing is, is {subject} {term(regeling, decl.standaard)}."),))
    return Lezing((Zin(f"{hoofdletter(subject)} volgt uit de regels."),))


def alle_lezingen(versions: Mapping[str, ir.Regeling]) -> Iterator[Lezingplek]:
    """Every reading of every version, in the order of the regeling."""
    namen = versienamen(versions)
    for vid, reg in versions.items():
        for p in reg.provisions:
            eigen = [d for d in reg.definitions.values() if d.span.provision == p.ref]
            dit_lid = bool(p.ref.lid) and any("dit lid" in f"{d.label} {d.zin.tekst if d.zin else ''}" for d in eigen)
            for d in eigen:
                yield Lezingplek("begrip", d.name, vid, p.ref, dit_lid, begrip_lezing(reg, d))
            for rules in regels_van(reg, p.ref):
                yield Lezingplek("regel", rules[0].outcome, vid, p.ref, dit_lid, regel_lezing(reg, rules))
        gezien: set[int] = set()
        for rule in reg.rules:
            if rule.id not in gezien:  # what the rekenhulp says held when this rule decided
                gezien.add(rule.id)
                yield Lezingplek("redenen", rule.outcome, vid, rule.provision, False,
                                 Lezing((Zin(f"Volgens {rule.provision.citeer()}:", redenen_van(reg, rule)),)))
        regels = rangorde_regels(reg, "")
        for r in reg.rangorden:  # as uitleg shows it (render.rangorde): a heading and a numbered list
            kop = regels.pop(0)
            punten = tuple(regels.pop(0).strip() for _ in r.volgorde)
            yield Lezingplek("rangorde", r.label, vid, r.span.provision, False, Lezing((Zin(kop, punten),)))
        for o in reg.outcomes:
            yield Lezingplek("uitkomst", o, vid, None, False, uitkomst_lezing(reg, o))
        for prop in reg.properties:
            if prop.versies is None or all(v in versions for v in prop.versies):
                yield Lezingplek("eigenschap", prop.name, vid, None, False, eigenschap_lezing(reg, prop, namen))


# --------------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b|\brlz-\d{4}(?:-[a-z0-9-]+)?\b")
_SYMBOOL = re.compile(r"->|=>|<=|>=|[≥≤≠<>=*_{}\[\]|→≈]")
_CITE = r"(?:dit|dat|deze|het vorige|het volgende|het voorgaande) (?:lid|artikel|onderdeel|subonderdeel)"
_RELATIEF = re.compile(rf"\b{_CITE}\b|(?<!, )\b(?:het )?(?:eerste|tweede|derde|vierde|vijfde|zesde) lid\b",
                       re.IGNORECASE)
_ONTKENNING = re.compile(r"\b(?:niet|geen|nooit|niets|niemand)\b", re.IGNORECASE)
_DEEL = re.compile(r",|;|:|\bals\b|\bdan\b|\ben\b|\bof\b|\bmaar\b|\btenzij\b")
_CITAAT = re.compile(r"‘[^’]*’")
_VERSIE = re.compile(r"\brlz-\d{4}(?:-[a-z0-9-]+)?\b")


def _diepte(text: str) -> int:
    depth = best = 0
    for ch in text:
        if ch == "(":
            depth += 1
            best = max(best, depth)
        elif ch == ")":
            depth -= 1
    return best


def toets(plek: Lezingplek) -> list[str]:
    """The problems of one reading, in Dutch, each naming the rule broken and the words that break it."""
    problemen: list[str] = []
    zinnen = plek.lezing.sentences()
    for z in zinnen:
        woorden = len(z.split())
        # Quoted words are someone else's (a label, a case's name, a version as it is typed after --versie):
        # symbols, brackets and citations in them are theirs; an identifier only passes as a quoted version.
        eigen = _CITAAT.sub("‘…’", z)
        if woorden > MAX_WOORDEN:
            problemen.append(f"zin van {woorden} woorden (meer dan {MAX_WOORDEN}; maak er een lijst van): {z}")
        if _diepte(eigen) > 1:
            problemen.append(f"haakjes {_diepte(eigen)} niveaus diep (ten hoogste 1): {z}")
        for deel in _DEEL.split(eigen):
            if len(_ONTKENNING.findall(deel)) > 1:
                problemen.append(f"dubbele ontkenning in “{deel.strip()}”: {z}")
        for m in _IDENTIFIER.finditer(_CITAAT.sub(lambda q: _VERSIE.sub("…", q.group(0)), z)):
            problemen.append(f"naam uit de code “{m.group(0)}”: {z}")
        for m in _SYMBOOL.finditer(eigen):
            problemen.append(f"teken “{m.group(0)}”: {z}")
        for m in _RELATIEF.finditer(eigen):
            # "dit lid" only where a begrip of that lid says it, in the reading of that lid itself.
            if not (m.group(0).lower() == "dit lid" and plek.dit_lid):
                problemen.append(f"verwijzing “{m.group(0)}” buiten haar eigen bepaling: {z}")
    return problemen


def lezingen_tekst(versions: Mapping[str, ir.Regeling], versie: str) -> str:
    """Every reading of one version as plain text, for the golden file a person reviews."""
    out: list[str] = []
    for plek in alle_lezingen(versions):
        if plek.versie != versie:
            continue
        waar = plek.plek.citeer() if plek.plek is not None else ("gegevens" if plek.soort == "uitkomst" else
                                                                  "eigenschappen")
        out += [f"[{waar}] {plek.soort} {plek.naam}", plek.lezing.tekst("  "), ""]
    return "\n".join(out)
