"""Two versions + a population -> ImpactReport: who changes outcome, by zorgprofiel, leveringsvorm, age, grondslag.

Each chunk of clients goes through both versions with the columnar engine (``evaluate_columns``: numpy, the
per-case evaluator for the rows it cannot decide), and the tables are accumulated with ``bincount`` per chunk,
so memory stays bounded whatever the number of clients. Hours are summed exactly as integers (units of
10^-scale); each figure carries its 95% sampling margin (normal approximation: a share p of n clients
+-1,96·sqrt(p(1-p)/n); a total of hours +-1,96·sqrt(n)·s, s the spread of one client's hours).

A client's change is one of (first that fits): niet_beslist (an error in either version), gewonnen (meerzorg
onwaar -> waar), verloren (waar -> onwaar), andere_grondslag, andere_uren (same grondslag, other hours),
andere_reden (refused in both, for another reason), andere_uitkomst (any other outcome differs: the maximale
duur, a variant's own outcome), ongewijzigd. Every outcome the two versions share is also counted on its own
(``uitkomst_verschillen``), with its most frequent changes of value.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .. import ir
from ..columnar import ColumnResult, evaluate_columns
from ..columnar.batch import plan_of
from ..types import TypeKind
from .population import LEEFTIJDSGROEPEN, Population, leeftijdsgroepen

__all__ = ["SOORTEN", "Groep", "ImpactReport", "impact_report"]

SOORTEN = ("gewonnen", "verloren", "andere_grondslag", "andere_uren", "andere_reden", "andere_uitkomst", "niet_beslist",
           "ongewijzigd")
_GEWIJZIGD = SOORTEN[:6]
_Z = 1.96
_NIET_BESLIST = "niet beslist"


@dataclass(frozen=True, slots=True)
class Groep:
    """One row of a table: the clients in a group, how many changed in each way, and the 95% margins."""

    naam: str
    aantal: int
    soorten: dict[str, int]
    meerzorg_voor: int
    meerzorg_na: int
    uren_voor: Fraction
    uren_na: Fraction
    marge_gewijzigd: float = 0.0  # percentage points
    marge_uren_voor: float = 0.0
    marge_uren_na: float = 0.0
    marge_uren_verschil: float = 0.0

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
    populatiebestand: str = ""
    kaders: tuple[tuple[str, str], ...] = ()  # (versie, entry of bijzondere_zorgbehoefte used)
    aannames: tuple[str, ...] = ()  # stated defaults for facts and values the file does not describe
    per_casus: tuple[tuple[str, int], ...] = ()  # (versie, rows decided by the per-case evaluator)
    terugval: tuple[tuple[str, str], ...] = ()  # (reason, where) of constructs the plan does not vectorise
    # (scenario, meerzorg voor, meerzorg na, gewijzigd) under the laag and hoog shares (--gevoeligheid).
    gevoeligheid: tuple[tuple[str, int, int, int], ...] = ()
    # Other decimal or waar/onwaar outcomes (a variant's own toeslag, say): (naam, type, voor, na) over the
    # decided clients: the sum of a decimaal, the number with waar of a waar/onwaar; None where a version
    # does not have the outcome.
    andere_uitkomsten: tuple[tuple[str, TypeKind, Fraction | None, Fraction | None], ...] = ()
    # Every outcome both versions have: (naam, clients decided in both with another value, the most frequent
    # (voor, na, aantal) changes; those only for waar/onwaar, enumerations and whole numbers).
    uitkomst_verschillen: tuple[tuple[str, int, tuple[tuple[str, str, int], ...]], ...] = ()


class _Acc:
    """Running sums of one indeling over its groups (index = group code)."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.aantal = np.zeros(k, dtype=np.int64)
        self.soorten = np.zeros((k, len(SOORTEN)), dtype=np.int64)
        self.mz = np.zeros((2, k), dtype=np.int64)
        self.uren = [[0] * k, [0] * k]  # exact Python ints, units of 10^-scale
        self.sq = np.zeros((3, k))  # sums of squares: voor, na, verschil (floats: only for the margins)

    def add(self, key: np.ndarray, soort: np.ndarray, c: _ChunkSums) -> None:
        k = self.k
        self.aantal += np.bincount(key, minlength=k)
        self.soorten += np.bincount(key * len(SOORTEN) + soort, minlength=k * len(SOORTEN)).reshape(k, -1)
        for j in (0, 1):
            self.mz[j] += np.bincount(key[c.mz[j]], minlength=k)
            sums = _exact_sums(key, c.uren[j], c.exact, k)
            self.uren[j] = [a + b for a, b in zip(self.uren[j], sums.tolist(), strict=True)]
            self.sq[j] += np.bincount(key, weights=c.sq[j], minlength=k)
        self.sq[2] += np.bincount(key, weights=c.sq[2], minlength=k)

    def marginaal(self, vorm: tuple[int, ...], as_: int) -> _Acc:
        """The sums per value of axis ``as_`` when this accumulator's groups are the cells of an array of shape
        ``vorm`` (the indelingen crossed): one pass of bincounts per chunk serves every indeling. Counts and
        hours stay exact integers; the squares are floats, as before."""
        weg = tuple(a for a in range(len(vorm)) if a != as_)
        out = _Acc(vorm[as_])
        out.aantal = self.aantal.reshape(vorm).sum(axis=weg)
        out.soorten = self.soorten.reshape((*vorm, -1)).sum(axis=weg)
        out.mz = self.mz.reshape((2, *vorm)).sum(axis=tuple(a + 1 for a in weg))
        out.uren = [[int(x) for x in np.array(u, dtype=object).reshape(vorm).sum(axis=weg).ravel()]
                    if weg else list(u) for u in self.uren]
        out.sq = self.sq.reshape((3, *vorm)).sum(axis=tuple(a + 1 for a in weg))
        return out

    def groep(self, i: int, naam: str, unit: int) -> Groep:
        n = int(self.aantal[i])
        soorten = {s: int(self.soorten[i, j]) for j, s in enumerate(SOORTEN)}
        gewijzigd = sum(soorten[s] for s in _GEWIJZIGD)
        p = gewijzigd / n if n else 0.0
        sums = (self.uren[0][i], self.uren[1][i])

        def margin(total: float, sq: float) -> float:
            if n < 2:
                return 0.0
            var = max(0.0, (sq - total * total / n) / (n - 1))
            return _Z * math.sqrt(n * var) / unit

        return Groep(naam, n, soorten, int(self.mz[0, i]), int(self.mz[1, i]), Fraction(sums[0], unit),
                     Fraction(sums[1], unit), 100 * _Z * math.sqrt(p * (1 - p) / n) if n else 0.0,
                     margin(sums[0], self.sq[0, i]), margin(sums[1], self.sq[1, i]),
                     margin(sums[1] - sums[0], self.sq[2, i]))


class _ChunkSums:
    """What every indeling adds up for one chunk, computed once: meerzorg masks, hours, squares."""

    def __init__(self, mz: tuple[np.ndarray, np.ndarray], uren: tuple[np.ndarray, np.ndarray]) -> None:
        self.mz = mz
        self.uren = uren
        floats = [u.astype(float) for u in uren]
        self.sq = [floats[0] ** 2, floats[1] ** 2, (floats[1] - floats[0]) ** 2]
        # bincount adds in float64: exact while every partial sum stays below 2^53.
        self.exact = max((max(int(u.max(initial=0)), -int(u.min(initial=0))) for u in uren),
                         default=0) * len(uren[0]) < 2**53


def _exact_sums(key: np.ndarray, x: np.ndarray, exact: bool, k: int) -> np.ndarray:
    """Per-group integer sums, exact: through float64 bincount when that is exact, else integer add.at."""
    if exact:
        return np.rint(np.bincount(key, weights=x, minlength=k)).astype(np.int64)
    out = np.zeros(k, dtype=np.int64)
    np.add.at(out, key, x)
    return out


def impact_report(basis: ir.Regeling, nieuw: ir.Regeling, population: Population,
                  progress: Callable[[int], None] | None = None, gevoeligheid: bool = False) -> ImpactReport:
    """Run ``population`` through both versions; ``progress(k)`` is called after every chunk of k clients."""
    basis_of = {basis.versie: basis.basis, nieuw.versie: nieuw.basis}
    (kader_a, frame_a), (kader_b, frame_b) = (population.a.frame(v, basis_of) for v in (basis.versie, nieuw.versie))
    outs = {o: _names(r, o) for r in (basis, nieuw) for o in ("grondslag", "reden")}
    grondslagen = tuple(dict.fromkeys((*outs["grondslag"], _NIET_BESLIST)))
    redenen = tuple(dict.fromkeys(outs["reden"]))
    profielen = population.categories.get("zorgprofiel", ())
    vormen = population.categories.get("leveringsvorm", ())
    # The indelingen crossed: one accumulator over every (zorgprofiel, leveringsvorm, leeftijdsgroep, grondslag),
    # each indeling its margin at the end (``marginaal``).
    vorm = (len(profielen), len(vormen), len(LEEFTIJDSGROEPEN), len(grondslagen))
    gekruist = _Acc(math.prod(vorm))
    pairs = {"grondslag": np.zeros(len(grondslagen) ** 2, dtype=np.int64),
             "reden": np.zeros(len(redenen) ** 2, dtype=np.int64)}
    fouten: Counter[tuple[str, str]] = Counter()
    per_case = Counter[str]()
    sens = np.zeros((2, 3), dtype=np.int64)
    scale = max(_scale(basis), _scale(nieuw))
    seconds = any(_is_uren(r) for r in (basis, nieuw))  # hours counted in seconds: units of 1/3600 per 10^scale
    extra = _extra_outcomes(basis, nieuw)
    extra_sums: dict[str, list[Fraction | None]] = {
        name: [Fraction(0) if name in r.outcomes else None for r in (basis, nieuw)] for name in extra}
    gedeeld = [name for name in nieuw.outcomes if name in basis.outcomes]
    verschil: Counter[str] = Counter()
    overgangen: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in gedeeld}
    for chunk in population.chunks():
        ra = evaluate_columns(basis, chunk.for_version(frame_a))
        rb = evaluate_columns(nieuw, chunk.for_version(frame_b))
        per_case[basis.versie] += ra.per_case
        per_case[nieuw.versie] += rb.per_case
        for name, totals in extra_sums.items():
            for j, r in enumerate((ra, rb)):
                so_far = totals[j]
                if so_far is not None:
                    totals[j] = so_far + _column_sum(r, name, (basis, nieuw)[j])
        ea, eb = ra.fout >= 0, rb.fout >= 0
        for versie, r in ((basis.versie, ra), (nieuw.versie, rb)):
            for idx, count in Counter(r.fout[r.fout >= 0].tolist()).items():
                d = r.diagnostics[idx]
                fouten[(versie, f"{d.code}: {d.message}")] += count
        ga, gb = (_recode(r, "grondslag", grondslagen) for r in (ra, rb))
        rea, reb = (_recode(r, "reden", redenen) for r in (ra, rb))
        mza, mzb = (r.columns.data["meerzorg"].astype(bool) & ~e for r, e in ((ra, ea), (rb, eb)))
        ua, ub = (np.where(e, 0, _units(r, scale, seconds)) for r, e in ((ra, ea), (rb, eb)))
        anders = {name: _anders(ra, rb, name) & ~ea & ~eb for name in gedeeld}
        for name, mask in anders.items():
            verschil[name] += int(mask.sum())
            if basis.outcomes[name].type.kind in (TypeKind.BOOL, TypeKind.ENUM, TypeKind.GEHEEL) and mask.any():
                overgangen[name].update(_overgangen(ra, rb, name, mask))
        overig = np.zeros(chunk.n, dtype=bool)
        for name, mask in anders.items():
            if name not in ("meerzorg", "grondslag", "reden", "meerzorg_uren_per_week"):
                overig |= mask
        soort = _soort(ea | eb, mza, mzb, ga != gb, ua != ub, rea != reb, overig)
        ga_key = np.where(ea, grondslagen.index(_NIET_BESLIST), ga)
        key = np.ravel_multi_index((chunk.columns.data["zorgprofiel"].astype(np.intp),
                                    chunk.columns.data["leveringsvorm"].astype(np.intp),
                                    leeftijdsgroepen(chunk.leeftijd),
                                    ga_key.astype(np.intp)), vorm)
        gekruist.add(key, soort, _ChunkSums((mza, mzb), (ua, ub)))
        both = ~ea & ~eb
        for name, x, y, names in (("grondslag", ga, gb, grondslagen), ("reden", rea, reb, redenen)):
            pairs[name] += np.bincount((x * len(names) + y)[both & (x != y)], minlength=len(names) ** 2)
        if gevoeligheid:
            for j, scenario in enumerate((0, 2)):
                sa = evaluate_columns(basis, chunk.for_version(frame_a, scenario))
                sb = evaluate_columns(nieuw, chunk.for_version(frame_b, scenario))
                m1 = sa.columns.data["meerzorg"].astype(bool) & (sa.fout < 0)
                m2 = sb.columns.data["meerzorg"].astype(bool) & (sb.fout < 0)
                sens[j] += (int(m1.sum()), int(m2.sum()), int((m1 != m2).sum()))
        if progress is not None:
            progress(chunk.n)
        # This chunk's arrays go before the next is drawn: the memory a fresh process must be given (page by
        # page, at a cost) is then that of one chunk, not two.
        del chunk, ra, rb, ea, eb, ga, gb, rea, reb, mza, mzb, ua, ub, anders, overig, soort, ga_key, key, both
    unit = 10**scale * (3600 if seconds else 1)
    accs = {name: gekruist.marginaal(vorm, as_) for as_, name in enumerate(
        ("zorgprofiel", "leveringsvorm", "leeftijdsgroep", "grondslag"))}
    accs["totaal"] = gekruist.marginaal((1, math.prod(vorm)), 0)
    indelingen = {
        "zorgprofiel": _groups(accs["zorgprofiel"], profielen, unit, None),
        "leveringsvorm": _groups(accs["leveringsvorm"], vormen, unit, vormen),
        "leeftijdsgroep": _groups(accs["leeftijdsgroep"], LEEFTIJDSGROEPEN, unit, LEEFTIJDSGROEPEN),
        "grondslag": _groups(accs["grondslag"], grondslagen, unit, None),
    }
    return ImpactReport(
        basis.versie, nieuw.versie, population.n, population.seed, population.peildatum,
        accs["totaal"].groep(0, "totaal", unit), indelingen, _ranked(pairs["grondslag"], grondslagen),
        _ranked(pairs["reden"], redenen), tuple((v, m, k) for (v, m), k in sorted(fouten.items(), key=lambda x: -x[1])),
        population.a.path, ((basis.versie, kader_a or "standaard"), (nieuw.versie, kader_b or "standaard")),
        tuple(population.notes), tuple(per_case.items()), _reasons(basis, nieuw),
        tuple((s, int(r[0]), int(r[1]), int(r[2])) for s, r in zip(("laag", "hoog"), sens, strict=True))
        if gevoeligheid else (), tuple((name, extra[name], t[0], t[1]) for name, t in extra_sums.items()),
        tuple((name, verschil[name], tuple((a, b, k) for (a, b), k in overgangen[name].most_common(3)))
              for name in gedeeld))


_REPORTED = frozenset({"meerzorg", "grondslag", "reden", "meerzorg_uren_per_week", "maximale_duur_jaren"})


def _extra_outcomes(*regelingen: ir.Regeling) -> dict[str, TypeKind]:
    """Decimal and waar/onwaar outcomes beside the five the tables report (name -> type kind)."""
    names: dict[str, TypeKind] = {}
    for r in regelingen:
        for name, decl in r.outcomes.items():
            if name not in _REPORTED and decl.type.kind in (TypeKind.DECIMAAL, TypeKind.UREN, TypeKind.BOOL):
                names.setdefault(name, decl.type.kind)
    return names


def _column_sum(r: ColumnResult, name: str, reg: ir.Regeling) -> Fraction:
    """Exact sum of an outcome over the decided rows (waar counts 1)."""
    col = r.columns.data[name][r.fout < 0]
    if col.dtype == object:
        return sum((Fraction(x) for x in col), Fraction(0))
    total = int(np.asarray(col, dtype=np.int64).sum(dtype=np.int64)) if col.dtype != bool else int(col.sum())
    if name in r.columns.scales:
        return Fraction(total, 10 ** r.columns.scale(name))
    return Fraction(total, 3600) if reg.outcomes[name].type.kind is TypeKind.UREN else Fraction(total)


def _names(r: ir.Regeling, outcome: str) -> tuple[str, ...]:
    decl = r.outcomes.get(outcome)
    return r.enums[decl.type.enum].values if decl is not None and decl.type.kind is TypeKind.ENUM else ()


def _recode(r: ColumnResult, outcome: str, names: tuple[str, ...]) -> np.ndarray:
    """An enum outcome column as codes in ``names`` (the union over both versions)."""
    col = r.columns.data.get(outcome)
    if col is None:
        return np.zeros(r.columns.n, dtype=np.intp)
    cats = r.columns.categories.get(outcome, ())
    remap = np.array([names.index(c) for c in cats] or [0], dtype=np.intp)
    return remap[np.asarray(col, dtype=np.intp)]


def _scale(r: ir.Regeling) -> int:
    arr = plan_of(r).outcomes.get("meerzorg_uren_per_week")
    return arr.scale if arr is not None and arr.kind == "dec" else 0


def _is_uren(r: ir.Regeling) -> bool:
    arr = plan_of(r).outcomes.get("meerzorg_uren_per_week")
    return arr is not None and arr.kind == "uren"


def _units(r: ColumnResult, scale: int, seconds: bool) -> np.ndarray:
    """meerzorg_uren_per_week in units of 10^-scale hours (of 10^-scale seconds when ``seconds``), exactly."""
    col = r.columns.data.get("meerzorg_uren_per_week")
    if col is None:
        return np.zeros(r.columns.n, dtype=np.int64)
    per_hour = 3600 if seconds else 1
    if "meerzorg_uren_per_week" not in r.columns.scales:  # an uren column: int64 seconds
        seconden: np.ndarray = np.asarray(col, dtype=np.int64) * 10**scale
        return seconden
    if col.dtype == object:
        return np.array([int(Fraction(x) * 10**scale * per_hour) for x in col], dtype=np.int64)
    out: np.ndarray = np.asarray(col, dtype=np.int64) * (10 ** (scale - r.columns.scale("meerzorg_uren_per_week"))
                                                         * per_hour)
    return out


def _soort(err: np.ndarray, mza: np.ndarray, mzb: np.ndarray, gr: np.ndarray, ur: np.ndarray,
           re: np.ndarray, ov: np.ndarray) -> np.ndarray:
    """The code in SOORTEN of each client's change, the first that fits."""
    bits = np.zeros(len(err), dtype=np.uint8)
    for mask in (err, mza, mzb, gr, ur, re, ov):
        bits <<= 1
        bits |= mask.view(np.uint8)
    return _SOORT_VAN_BITS[bits]


def _soort_van_bits(bits: int) -> int:
    err, mza, mzb, gr, ur, re, ov = (bool(bits >> (6 - i) & 1) for i in range(7))
    conditions = [err, not mza and mzb, mza and not mzb, mza and gr, mza and ur, not mza and re, ov]
    return next((code for c, code in zip(conditions, (6, 0, 1, 2, 3, 4, 5), strict=True) if c), 7)


# The first condition of ``_soort`` that holds, for each combination of the seven masks (one lookup per client).
_SOORT_VAN_BITS = np.array([_soort_van_bits(b) for b in range(128)], dtype=np.intp)


def _waarden(r: ColumnResult, name: str) -> np.ndarray:
    """An outcome column comparable across versions: enum values as their names, numbers as exact fractions
    where the two versions could use another scale."""
    col = r.columns.data[name]
    cats = r.columns.categories.get(name)
    if cats is not None:
        return np.array(cats, dtype=object)[np.asarray(col, dtype=np.intp)]
    if col.dtype == object:
        return np.array([Fraction(x) for x in col.tolist()], dtype=object)
    if name in r.columns.scales:
        unit = 10 ** r.columns.scale(name)
        return np.array([Fraction(int(x), unit) for x in col.tolist()], dtype=object)
    return np.asarray(col)


def _anders(ra: ColumnResult, rb: ColumnResult, name: str) -> np.ndarray:
    """Rows where outcome ``name`` differs between the two versions (either way of storing it)."""
    a, b = ra.columns.data[name], rb.columns.data[name]
    ca, cb = ra.columns.categories.get(name), rb.columns.categories.get(name)
    if ca is not None and cb is not None and a.dtype != object and b.dtype != object:
        # Enumerations: equal names are equal codes in the union of both versions' values (a value is named once).
        if ca == cb:
            return np.asarray(a != b, dtype=bool)
        union = {v: i for i, v in enumerate(dict.fromkeys((*ca, *cb)))}
        ka, kb = (np.array([union[v] for v in c], dtype=np.intp) for c in (ca, cb))
        return np.asarray(ka[np.asarray(a, dtype=np.intp)] != kb[np.asarray(b, dtype=np.intp)], dtype=bool)
    same_form = (a.dtype == b.dtype and a.dtype != object and ra.columns.categories.get(name) is None
                 and rb.columns.categories.get(name) is None
                 and (name in ra.columns.scales) == (name in rb.columns.scales)
                 and (name not in ra.columns.scales or ra.columns.scale(name) == rb.columns.scale(name)))
    out: np.ndarray = (a != b) if same_form else (_waarden(ra, name) != _waarden(rb, name))
    return np.asarray(out, dtype=bool)


def _overgangen(ra: ColumnResult, rb: ColumnResult, name: str, mask: np.ndarray) -> Counter[tuple[str, str]]:
    """How often each pair (value before, value after) of ``name`` occurs on the rows of ``mask``, as the report
    shows the values: counted over the distinct values (``np.unique``), not row by row in Python."""
    rows = np.flatnonzero(mask)  # few: taken by index, not by a mask over every client
    va, vb = _codes(ra, name, rows), _codes(rb, name, rows)
    if all(_klein(v) for v in (va, vb)):
        return _kleine_overgangen(ra, rb, name, va, vb)
    (wa, ia), (wb, ib) = (np.unique(v, return_inverse=True) for v in (va, vb))
    paar = ia.ravel() * len(wb) + ib.ravel()
    counts = np.bincount(paar, minlength=len(wa) * len(wb))
    ta, tb = _als_tekst(ra, name, wa), _als_tekst(rb, name, wb)
    # In the order the pairs first occur, as counting row by row would insert them (most_common breaks ties so).
    codes, first = np.unique(paar, return_index=True)
    return Counter({(ta[i // len(wb)], tb[i % len(wb)]): int(counts[i])
                    for i in codes[np.argsort(first, kind="stable")].tolist()})


_KLEIN = 256


def _klein(v: np.ndarray) -> bool:
    """Codes from 0 to 255 (waar/onwaar, an enumeration, a small whole number): counted by ``bincount``."""
    return v.dtype == bool or (np.issubdtype(v.dtype, np.integer) and (
        not len(v) or (int(v.min()) >= 0 and int(v.max()) < _KLEIN)))


def _kleine_overgangen(ra: ColumnResult, rb: ColumnResult, name: str, va: np.ndarray,
                       vb: np.ndarray) -> Counter[tuple[str, str]]:
    """``_overgangen`` for small codes: each pair (a * k + b, k above every b) counted by ``bincount``; the same
    pairs, counts and order of first occurrence as through ``np.unique``, without sorting the clients."""
    k = int(vb.max(initial=0)) + 1
    paar = va.astype(np.intp) * k + vb.astype(np.intp)
    counts = np.bincount(paar)
    found = np.flatnonzero(counts).tolist()
    eerst = np.full(len(counts), len(paar), dtype=np.intp)  # where each pair first occurs
    np.minimum.at(eerst, paar, np.arange(len(paar)))
    first = eerst[found].tolist()
    wa, wb = sorted({c // k for c in found}), sorted({c % k for c in found})
    ta = dict(zip(wa, _als_tekst(ra, name, np.array(wa, dtype=va.dtype)), strict=True))
    tb = dict(zip(wb, _als_tekst(rb, name, np.array(wb, dtype=vb.dtype)), strict=True))
    return Counter({(ta[c // k], tb[c % k]): int(counts[c]) for _, c in sorted(zip(first, found, strict=True))})


def _codes(r: ColumnResult, name: str, rows: np.ndarray) -> np.ndarray:
    """The column of ``name`` on ``rows``, as stored (an enum as its category codes)."""
    col = r.columns.data[name]
    out: np.ndarray
    if r.columns.categories.get(name) is not None:
        out = np.asarray(col)[rows].astype(np.intp)
    else:
        out = _waarden(r, name)[rows] if col.dtype == object or name in r.columns.scales else np.asarray(col)[rows]
    return out


def _als_tekst(r: ColumnResult, name: str, waarden: np.ndarray) -> list[str]:
    """Distinct stored values (``_codes``) as the report shows them: ``_tekst`` of the values they stand for."""
    cats = r.columns.categories.get(name)
    if cats is not None:
        return [str(cats[int(i)]) for i in waarden.tolist()]
    if waarden.dtype == bool:
        return ["waar" if x else "onwaar" for x in waarden.tolist()]
    return [str(x) for x in waarden.tolist()]


def _groups(acc: _Acc, names: tuple[str, ...], unit: int, order: tuple[str, ...] | None) -> tuple[Groep, ...]:
    present = [i for i in range(acc.k) if acc.aantal[i]]
    if order is None:
        present.sort(key=lambda i: (-int(acc.aantal[i]), names[i]))
    return tuple(acc.groep(i, names[i], unit) for i in present)


def _ranked(counts: np.ndarray, names: tuple[str, ...]) -> tuple[tuple[str, str, int], ...]:
    k = len(names)
    found = [(names[i // k], names[i % k], int(c)) for i, c in enumerate(counts) if c]
    return tuple(sorted(found, key=lambda x: (-x[2], x[0], x[1])))


def _reasons(*regelingen: ir.Regeling) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys(r for reg in regelingen for r in plan_of(reg).fallbacks))
