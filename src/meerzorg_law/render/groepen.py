"""The groups of ``meerzorg vergelijk --symbolisch`` in the sentences of the reading generator: who is in a
group (each condition a statement, a condition that reads a begrip of one version prefixed with that version,
"in 2027 is de telbare zorgbehoefte ten minste de drempel"), what changes for them (the sentences of ``uitleg``
and the exports), which provisions decide it, and an example client, every fact by its label and clause.
Versions are named in words (``lezingen.versienamen``), never by their ids."""

from __future__ import annotations

from collections.abc import Mapping

from .. import ir
from ..verify.symbolic import Deel, Group
from .lezing import Bijzin, Clause, Lezing, Zin
from .lezingen import versienamen
from .waarden import toon_feit
from .waarom import stelling, verandering
from .zinnen import clause

__all__ = ["groep_lezing", "voorwaarde_punt"]


def _leest(reg: ir.Regeling, e: ir.Expr) -> bool:
    """Whether every name in ``e`` is declared in ``reg`` (a fact the other version dropped is not)."""
    return all(x.name in reg.facts or x.name in reg.definitions or x.name in reg.outcomes
               for x in ir.walk(e) if isinstance(x, ir.Var)) and \
        all(x.fact in reg.facts for x in ir.walk(e) if isinstance(x, ir.Known))


def voorwaarde_punt(versions: Mapping[str, ir.Regeling], nieuw: str, basis: str, namen: Mapping[str, str],
                    d: Deel) -> str:
    """One condition of a group as a statement; read under its own version when it has one."""
    if d.versie:
        reg = versions[d.versie]
    else:
        reg = versions[nieuw] if _leest(versions[nieuw], d.expr) else versions[basis]
    if d.regel is not None:  # "aan de voorwaarden van artikel 2.2, tweede lid, is voldaan"
        cit = d.regel.citeer() + ("," if "," in d.regel.citeer() else "")
        c: Clause = Bijzin(f"aan de voorwaarden van {cit}", "is", "niet voldaan" if d.neg else "voldaan")
    else:
        c = clause(reg, d.expr, d.neg, versies=dict(namen))
    if not d.versie:
        return c.hoofd()
    if isinstance(c, Bijzin) and c.onderwerp and c.persoonsvorm:
        return f"{namen[d.versie]} {c.inversie()}"
    return f"{namen[d.versie]} geldt: {c.hoofd()}"


def _klein(s: str) -> str:
    """A statement as a list point: lower case first, unless it starts with a code ("VG7")."""
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def groep_lezing(versions: Mapping[str, ir.Regeling], basis: str, nieuw: str, g: Group,
                 voorbeeld: bool = True) -> Lezing:
    """A group as a reading: who, what changes, by which provisions, and (``voorbeeld``) an example client."""
    namen = versienamen({v: versions[v] for v in (basis, nieuw)})
    oud, new = versions[basis], versions[nieuw]
    wie = tuple(voorwaarde_punt(versions, nieuw, basis, namen, d) for d in g.delen)
    zinnen: list[Zin] = []
    if not wie:
        zinnen.append(Zin("Het gaat om elke cliënt."))
    elif len(wie) == 1:
        zinnen.append(Zin(f"Het gaat om cliënten voor wie geldt: {wie[0]}."))
    else:
        zinnen.append(Zin("Het gaat om cliënten voor wie elk van deze uitspraken geldt:", wie))
    wat = tuple(_klein(verandering(oud, new, w.outcome, w.oud, w.nieuw, namen).removesuffix("."))
                for w in g.veranderingen)
    if wat:
        zinnen.append(Zin("Wat verandert:", wat))
    door: list[str] = []
    for w in g.veranderingen:
        for ref, vid in ((w.oud_door, basis), (w.nieuw_door, nieuw)):
            tekst = f"{namen[vid]} {ref.citeer() if ref is not None else 'geen regel (de standaardwaarde)'}"
            if tekst not in door:
                door.append(tekst)
    if door:
        zinnen.append(Zin("Bepaald door:", tuple(door)))
    if not voorbeeld:
        return Lezing(tuple(zinnen))
    reg = new
    zinnen.append(Zin("Een voorbeeld van zo’n cliënt:",
                      tuple(_klein(stelling(reg if n in reg.facts else oud, n, "invoer", v, toon_feit))
                            for n, v in g.getuige.items())))
    return Lezing(tuple(zinnen))
