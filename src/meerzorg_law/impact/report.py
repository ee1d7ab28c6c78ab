"""Two versions + a population -> ImpactReport: who changes outcome, by zorgprofiel, leveringsvorm, age, grondslag.

Every client is decided under both versions through the compiled (untraced) decisions. Clients that agree on
every fact the two versions can read get the same outcomes, so each such combination is decided once and
counted as often as it occurs; with hours in quarter hours that is most of a large population.

A client's change is one of (first that fits): niet_beslist (an error in either version), gewonnen (meerzorg
onwaar -> waar), verloren (waar -> onwaar), andere_grondslag, andere_uren (same grondslag, other hours),
andere_reden (refused in both, for another reason), ongewijzigd.
"""

from __future__ import annotations

import datetime
import operator
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .. import ir
from ..engine.compile import Decision, EvaluationFailure, compile_regeling
from ..values import Value, decimal_as_fraction
from .population import CLIENT_FACT, LEEFTIJDSGROEPEN, Client, Population, leeftijdsgroep

__all__ = ["SOORTEN", "Groep", "ImpactReport", "impact_report"]

SOORTEN = ("gewonnen", "verloren", "andere_grondslag", "andere_uren", "andere_reden", "niet_beslist", "ongewijzigd")
_GEWIJZIGD = SOORTEN[:5]
_CHUNK = 10_000  # clients between two progress reports


@dataclass(frozen=True, slots=True)
class Groep:
    """One row of a table: the clients in a group and how many changed in each way."""

    naam: str
    aantal: int
    soorten: dict[str, int]
    meerzorg_voor: int
    meerzorg_na: int
    uren_voor: Fraction
    uren_na: Fraction

    @property
    def gewijzigd(self) -> int:
        """Clients whose outcome differs (niet_beslist is counted apart)."""
        return sum(self.soorten[s] for s in _GEWIJZIGD)

    def aandeel(self, aantal: int) -> float:
        """``aantal`` as a percentage of this group (0 for an empty group)."""
        return 100.0 * aantal / self.aantal if self.aantal else 0.0


@dataclass(frozen=True, slots=True)
class ImpactReport:
    basis: str
    nieuw: str
    n: int
    seed: int
    peildatum: datetime.date
    totaal: Groep
    indelingen: dict[str, tuple[Groep, ...]]
    # (grondslag voor, grondslag na, aantal) and the same for reden, only where they differ.
    grondslag_overgangen: tuple[tuple[str, str, int], ...]
    reden_overgangen: tuple[tuple[str, str, int], ...]
    # (versie, foutmelding, aantal cliënten) for cases a version could not decide.
    fouten: tuple[tuple[str, str, int], ...]
    combinaties: int


# The outcome of one client under one version, as far as the report needs it: meerzorg, grondslag, reden and
# the hours as an exact (numerator, denominator) pair (hashed far faster than a Fraction); or (code, message).
_Uren = tuple[int, int]
_Uitkomst = tuple[bool, str, str, _Uren] | tuple[str, str]


def impact_report(basis: ir.Regeling, nieuw: ir.Regeling, population: Population,
                  progress: Callable[[int], None] | None = None) -> ImpactReport:
    """Run ``population`` through both versions; ``progress(k)`` is called after every k clients."""
    a, b = compile_regeling(basis), compile_regeling(nieuw)
    key_of = _key(a, b)
    memo: dict[Any, int] = {}
    # Distinct (soort, voor, na) summaries: many fact combinations end the same way.
    summaries: list[tuple[str, _Uitkomst, _Uitkomst]] = []
    index: dict[tuple[str, _Uitkomst, _Uitkomst], int] = {}
    counts: Counter[tuple[str, str, str, int]] = Counter()
    groep = [leeftijdsgroep(n) for n in range(131)]
    done = 0
    for client in population:
        key = key_of(client)
        sid = memo.get(key)
        if sid is None:
            summary = _decide(a, b, population.facts(client))
            sid = index.get(summary)
            if sid is None:
                sid = index[summary] = len(summaries)
                summaries.append(summary)
            memo[key] = sid
        counts[(client.zorgprofiel, client.leveringsvorm, groep[min(client.leeftijd, 130)], sid)] += 1
        done += 1
        if progress is not None and done % _CHUNK == 0:
            progress(_CHUNK)
    if progress is not None and done % _CHUNK:
        progress(done % _CHUNK)
    return _tables(basis.versie, nieuw.versie, population, counts, summaries, len(memo))


def _key(a: Decision, b: Decision) -> Callable[[Client], Any]:
    """The client fields that can matter to either version: equal keys, equal outcomes."""
    if a.reads is None or b.reads is None:
        return lambda c: c
    reads = a.reads | b.reads
    fields = [i for i, name in enumerate(Client._fields) if CLIENT_FACT[name] in reads]
    if not fields:
        return lambda c: ()
    return operator.itemgetter(*fields)


def _decide(a: Decision, b: Decision, facts: dict[str, Value]) -> tuple[str, _Uitkomst, _Uitkomst]:
    voor, na = _outcome(a, facts), _outcome(b, facts)
    return _soort(voor, na), voor, na


def _outcome(d: Decision, facts: dict[str, Value]) -> _Uitkomst:
    try:
        v = d.decide(facts)
    except EvaluationFailure as f:
        return f.diagnostic.code, f.diagnostic.message
    uren = v.get("meerzorg_uren_per_week")
    q = decimal_as_fraction(uren) if uren is not None and not isinstance(uren, (bool, str)) else Fraction(0)
    return bool(v.get("meerzorg", False)), str(v.get("grondslag", "")), str(v.get("reden", "")), \
        (q.numerator, q.denominator)


def _soort(voor: _Uitkomst, na: _Uitkomst) -> str:
    if len(voor) == 2 or len(na) == 2:
        return "niet_beslist"
    mz_a, gr_a, re_a, ur_a = voor
    mz_b, gr_b, re_b, ur_b = na
    if mz_a != mz_b:
        return "gewonnen" if mz_b else "verloren"
    if mz_a and gr_a != gr_b:
        return "andere_grondslag"
    if mz_a and ur_a != ur_b:
        return "andere_uren"
    if not mz_a and re_a != re_b:
        return "andere_reden"
    return "ongewijzigd"


class _Acc:
    """Running totals of one group."""

    __slots__ = ("aantal", "mz_na", "mz_voor", "soorten", "uren_na", "uren_voor")

    def __init__(self) -> None:
        self.aantal = 0
        self.soorten: Counter[str] = Counter()
        self.mz_voor = self.mz_na = 0
        self.uren_voor: Counter[_Uren] = Counter()
        self.uren_na: Counter[_Uren] = Counter()

    def add(self, count: int, soort: str, voor: _Uitkomst, na: _Uitkomst) -> None:
        self.aantal += count
        self.soorten[soort] += count
        if len(voor) == 4:
            self.mz_voor += count * bool(voor[0])
            self.uren_voor[voor[3]] += count
        if len(na) == 4:
            self.mz_na += count * bool(na[0])
            self.uren_na[na[3]] += count

    def freeze(self, naam: str) -> Groep:
        return Groep(naam, self.aantal, {s: self.soorten[s] for s in SOORTEN}, self.mz_voor, self.mz_na,
                     sum((Fraction(*h) * k for h, k in self.uren_voor.items()), Fraction(0)),
                     sum((Fraction(*h) * k for h, k in self.uren_na.items()), Fraction(0)))


def _tables(basis: str, nieuw: str, population: Population, counts: Counter[tuple[str, str, str, int]],
            summaries: list[tuple[str, _Uitkomst, _Uitkomst]], combinaties: int) -> ImpactReport:
    totaal = _Acc()
    by: dict[str, dict[str, _Acc]] = {"zorgprofiel": {}, "leveringsvorm": {}, "leeftijdsgroep": {},
                                      "grondslag": {}}
    overgangen: dict[str, Counter[tuple[str, str]]] = {"grondslag": Counter(), "reden": Counter()}
    fouten: Counter[tuple[str, str]] = Counter()
    for (profiel, vorm, leeftijd, sid), count in counts.items():
        soort, voor, na = summaries[sid]
        grondslag = str(voor[1]) if len(voor) == 4 else "niet beslist"
        for acc in (totaal, _get(by["zorgprofiel"], profiel), _get(by["leveringsvorm"], vorm),
                    _get(by["leeftijdsgroep"], leeftijd), _get(by["grondslag"], grondslag)):
            acc.add(count, soort, voor, na)
        if len(voor) == 4 and len(na) == 4:
            if voor[1] != na[1]:
                overgangen["grondslag"][(str(voor[1]), str(na[1]))] += count
            if voor[2] != na[2]:
                overgangen["reden"][(str(voor[2]), str(na[2]))] += count
        for versie, uitkomst in ((basis, voor), (nieuw, na)):
            if len(uitkomst) == 2:
                fouten[(versie, f"{uitkomst[0]}: {uitkomst[1]}")] += count
    order = {"zorgprofiel": None, "leveringsvorm": ("verblijf", "vpt", "mpt", "pgb"),
             "leeftijdsgroep": LEEFTIJDSGROEPEN, "grondslag": None}
    indelingen = {}
    for name, groups in by.items():
        keys = order[name] or sorted(groups, key=lambda k: (-groups[k].aantal, k))
        indelingen[name] = tuple(groups[k].freeze(k) for k in keys if k in groups)
    return ImpactReport(
        basis, nieuw, population.n, population.seed, population.peildatum, totaal.freeze("totaal"), indelingen,
        _ranked(overgangen["grondslag"]), _ranked(overgangen["reden"]),
        tuple((v, m, k) for (v, m), k in sorted(fouten.items(), key=lambda x: -x[1])), combinaties)


def _get(groups: dict[str, _Acc], key: str) -> _Acc:
    acc = groups.get(key)
    if acc is None:
        acc = groups[key] = _Acc()
    return acc


def _ranked(c: Counter[tuple[str, str]]) -> tuple[tuple[str, str, int], ...]:
    return tuple((a, b, k) for (a, b), k in sorted(c.items(), key=lambda x: (-x[1], x[0])))
