"""Assumptions + two versions + seed -> a synthetic population of Wlz clients, drawn straight into columns.

Every number comes from the assumption file (``populatie.toml``, see its comments for what each means); this
module only knows how the facts hang together (age depends on sector and place, hours on the profile's
bekostigingsuren, special situations only at home). The facts are those the two versions declare: a fact
the file does not describe, or an enumeration value a version adds that the file does not mention, gets the
file's stated default, and ``notes`` says which. Draws use numpy's Generator (PCG64) in fixed-size chunks,
so the same seed gives the same clients whatever the total.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .. import ir, values
from ..columnar import FACT_SCALE, Columns
from ..types import TypeKind
from ..values import decimal_as_fraction
from .assumptions import Assumptions, PopulatieFout, check_sections

__all__ = ["CHUNK", "LEEFTIJDSGROEPEN", "Chunk", "Population", "leeftijdsgroep", "leeftijdsgroepen"]

CHUNK = 1 << 18
LEEFTIJDSGROEPEN = ("0-17", "18-22", "23-64", "65+")
_VORMEN = ("verblijf", "vpt", "mpt", "pgb")
_SPECIAL = frozenset({"peildatum", "leeftijd", "zorgprofiel", "best_passend_zorgprofiel", "leveringsvorm",
                      "uren_zorg_per_week", "uren_toezicht_per_week", "bijzondere_zorgbehoefte", "andere_toeslag",
                      "bijzondere_situatie", "soort_aanvraag", "eerdere_meerzorg_thuis_tot"})
_QUARTER = 10**FACT_SCALE // 4
_QUARTER_SECONDS = 900


def leeftijdsgroep(leeftijd: int) -> str:
    """The age group of the report: children, young adults (EKT until 23), adults, elderly.

    >>> leeftijdsgroep(17), leeftijdsgroep(22), leeftijdsgroep(23), leeftijdsgroep(65)
    ('0-17', '18-22', '23-64', '65+')
    """
    return LEEFTIJDSGROEPEN[int(np.searchsorted(_GRENZEN, leeftijd, side="right"))]


_GRENZEN = np.array([18, 23, 65])


def leeftijdsgroepen(leeftijd: np.ndarray) -> np.ndarray:
    """``leeftijdsgroep`` of every client, as the index in LEEFTIJDSGROEPEN: how many bounds the age reaches
    (a comparison per bound, not a binary search per client)."""
    out = np.zeros(len(leeftijd), dtype=np.uint8)
    for grens in _GRENZEN.tolist():
        out += (leeftijd >= grens).view(np.uint8)
    return out.astype(np.intp)


@dataclass(frozen=True, slots=True)
class Chunk:
    """One chunk of clients: the shared fact columns, and per version its own bijzondere_zorgbehoefte."""

    n: int
    columns: Columns
    bzb_draw: np.ndarray  # one uniform draw per client, compared with each version's share
    thuis: np.ndarray
    leeftijd: np.ndarray

    def for_version(self, shares: dict[str, list[float]], scenario: int = 1) -> Columns:
        """The columns as version ``shares`` sees them (scenario 0 laag, 1 midden, 2 hoog)."""
        share = np.array([shares["instelling"][scenario], shares["thuis"][scenario]])[self.thuis.view(np.uint8)]
        data = dict(self.columns.data)
        data["bijzondere_zorgbehoefte"] = self.bzb_draw < share
        return Columns(self.n, data, self.columns.categories, self.columns.known, self.columns.scales)


class Population:
    """``n`` clients for ``basis`` and ``nieuw`` drawn from ``seed`` under ``assumptions``."""

    def __init__(self, n: int, seed: int, assumptions: Assumptions, basis: ir.Regeling, nieuw: ir.Regeling,
                 standaard: bool = False, bekend: Collection[str] | None = None) -> None:
        """``standaard``: a fact without a section gets its stated default (else that is an error);
        ``bekend``: every fact name a section may describe (default: the facts of both versions)."""
        self.n, self.seed, self.a = n, seed, assumptions
        self.peildatum: datetime.date = assumptions.peildatum
        self.notes: list[str] = []
        self.facts = {**basis.facts, **{k: v for k, v in nieuw.facts.items() if k not in basis.facts}}
        self.categories: dict[str, tuple[str, ...]] = {}
        self.added: dict[str, tuple[str, ...]] = {}  # enum values only nieuw declares
        for name, f in self.facts.items():
            if f.type.kind is TypeKind.ENUM:
                base = basis.enums[f.type.enum].values if f.type.enum in basis.enums else ()
                new = nieuw.enums[f.type.enum].values if f.type.enum in nieuw.enums else ()
                self.categories[name] = tuple(dict.fromkeys((*base, *new)))
                self.added[name] = tuple(v for v in new if v not in base)
        nodig = {name: _default_note(name, f, assumptions) for name, f in self.facts.items() if name not in _SPECIAL}
        self.beschreven = {name for name in nodig if isinstance(assumptions.data.get(name), dict)
                           and not assumptions.data[name].get("standaard", False)}
        self.notes += [note for name, note in nodig.items() if name not in self.beschreven]
        try:
            self._setup(basis)
            self._draw(np.random.Generator(np.random.PCG64(seed)), 1)  # a bad shape fails here, not midway
        except (TypeError, KeyError, AttributeError, IndexError, ValueError) as e:
            if isinstance(e, PopulatieFout):
                raise
            raise PopulatieFout(f"{assumptions.path}: een waarde heeft niet de vorm die het populatiebestand "
                                f"beschrijft ({type(e).__name__}: {e})") from None
        # After the shape checks above, so a malformed section is named first.
        check_sections(assumptions, nodig, set(bekend or ()) | set(self.facts), standaard)

    # ---- set-up: every share as an array indexed by code ---------------------------------------------------
    def _setup(self, basis: ir.Regeling) -> None:
        a = self.a
        profielen = self.categories.get("zorgprofiel", ())
        shares = a.shares(a.section("zorgprofiel"), "zorgprofiel")
        for p in shares:
            if p not in profielen:
                self.notes.append(f"zorgprofiel {p} uit het populatiebestand komt in geen van beide versies voor")
        self.p_profiel = self._with_new("zorgprofiel", [shares.get(p, 0.0) for p in profielen], shares)
        sector_of = {str(k): str(v) for k, v in a.section("sector").items()}
        self.sector = [next((sector_of[k] for k in sorted(sector_of, key=len, reverse=True) if p.startswith(k)),
                            "overig") for p in profielen]
        vorm = a.section("leveringsvorm")
        self.cum_vorm = np.array([_cum([a.number(a.section("leveringsvorm", s).get(v, 0.0),
                                                 f"leveringsvorm.{s}.{v}") for v in _VORMEN])
                                  if s in vorm else _cum([1.0, 0, 0, 0]) for s in self.sector])
        ages = a.section("leeftijd")
        self.age = np.zeros((len(profielen), 2, 5))
        for i, (p, s) in enumerate(zip(profielen, self.sector, strict=True)):
            key = p if p in ages else s if s in ages else "overig"
            for j, place in enumerate(("instelling", "thuis")):
                self.age[i, j] = a.numbers(a.section("leeftijd", key).get(place), f"leeftijd.{key}.{place}", 5) \
                    if key in ages else [0.0, 0, 0, 18, 80]
        u = a.section("uren")
        table = basis.tables.get(str(u.get("tabel", "bekostigingsuren")))
        zonder = a.number(u.get("zonder_tabel", 25.0), "uren.zonder_tabel")
        col = table.column_index(str(u.get("kolom", "uren"))) if table is not None else 0
        self.bek = np.array([float(_fraction(table.rows[p][col]))
                             if table is not None and p in table.rows else zonder for p in profielen])
        raw_bands = u.get("banden", [[1.0, 0.85, 2.2]])
        if not isinstance(raw_bands, list) or not raw_bands:
            raise PopulatieFout(f"{a.path}: uren.banden moet een lijst van banden [aandeel, laag, hoog] zijn")
        bands = [a.numbers(b, f"uren.banden[{i}]", 3) for i, b in enumerate(raw_bands)]
        self.band_cum = _cum([b[0] for b in bands])
        self.band_lo = np.array([b[1] for b in bands])
        self.band_hi = np.array([b[2] for b in bands])
        self.max_q = int(a.number(u.get("maximum", 168), "uren.maximum") * 4)
        self.toezicht = [a.numbers(u.get(k, [0.0, 0.0]), f"uren.{k}", 2)
                         for k in ("toezicht_instelling", "toezicht_thuis")]
        # The same numbers as tables the draw looks up in (gathers instead of selects over the clients; every
        # entry is computed with the same operations on the same operands as before, so the values are equal).
        self.kies_profiel = _Keuze(self.p_profiel)
        self.vorm_grenzen = [np.ascontiguousarray(c) for c in self.cum_vorm.T]
        # age by (profiel, thuis, kind): the first age, and the number of ages (tot en met - van + 1)
        plek = self.age.reshape(-1, 5)
        self.kind_aandeel = np.ascontiguousarray(plek[:, 0])
        van = np.stack([plek[:, 3], plek[:, 1]], axis=1)
        tot = np.stack([plek[:, 4], plek[:, 2]], axis=1)
        self.age_van, self.age_span = van.reshape(-1), (tot - van + 1).reshape(-1)
        self.kies_band = _Zoeker(self.band_cum)
        self.band_breed = self.band_hi - self.band_lo
        self.toezicht_lo = np.array([t[0] for t in self.toezicht])
        self.toezicht_breed = np.array([t[1] - t[0] for t in self.toezicht])

    def _quarter(self, fact: str) -> int:
        """A quarter of an hour in the column's units: 900 seconds for uren, else decimal units."""
        f = self.facts.get(fact)
        return _QUARTER_SECONDS if f is not None and f.type.kind is TypeKind.UREN else _QUARTER

    def _with_new(self, fact: str, shares: list[float], mentioned: dict[str, float]) -> np.ndarray:
        """Shares over the fact's categories; values a version adds that the file does not mention get the
        default share (the others shrink in proportion), and a note says so."""
        cats = self.categories.get(fact, ())
        extra = [v for v in self.added.get(fact, ()) if v not in mentioned]
        default = self.a.number(self.a.section("standaard").get("nieuwe_waarde", 0.01), "standaard.nieuwe_waarde", 0, 1)
        p = np.array(shares, dtype=float)
        if p.sum() <= 0:
            p = np.ones(len(cats))
        p = p / p.sum() * (1 - default * len(extra))
        for v in extra:
            p[cats.index(v)] = default
            self.notes.append(f"{fact} = {v} (nieuw in een versie, niet in het populatiebestand): "
                              f"aandeel {default:.0%}")
        if (p < 0).any():
            raise PopulatieFout(f"{self.a.path}: standaard.nieuwe_waarde is te groot voor {fact}")
        out: np.ndarray = p / p.sum()
        return out

    # ---- drawing ------------------------------------------------------------------------------------------
    def chunks(self) -> Iterator[Chunk]:
        rng = np.random.Generator(np.random.PCG64(self.seed))
        done = 0
        while done < self.n:
            size = min(CHUNK, self.n - done)
            yield self._draw(rng, size)
            done += size

    def _draw(self, rng: np.random.Generator, n: int) -> Chunk:
        a = self.a
        cats = self.categories
        data: dict[str, np.ndarray] = {}
        known: dict[str, np.ndarray] = {}
        profiel = self.kies_profiel.trek(rng, n)
        u = rng.random(n)
        vorm = sum(((u > grens[profiel]).view(np.uint8) for grens in self.vorm_grenzen), np.zeros(n, np.uint8))
        vorm = np.minimum(vorm, 3).astype(np.intp)
        del u  # here and below: what is no longer needed goes at once (a fresh page costs more than its use)
        thuis = vorm > 0
        plek = profiel * 2 + thuis
        child = rng.random(n) < self.kind_aandeel[plek]
        plek = plek * 2 + child
        leeftijd = (self.age_van[plek] + np.floor(rng.random(n) * self.age_span[plek])).astype(np.int64)
        del plek, child
        band = np.minimum(self.kies_band.zoek(rng.random(n)), len(self.band_lo) - 1)
        factor = self.band_lo[band] + rng.random(n) * self.band_breed[band]
        totaal = np.minimum(self.max_q, np.rint(self.bek[profiel] * factor * 4)).astype(np.int64)
        del band, factor
        t = thuis.view(np.uint8)
        toezicht = np.rint(totaal * (self.toezicht_lo[t] + rng.random(n) * self.toezicht_breed[t])).astype(np.int64)
        data["zorgprofiel"] = profiel.astype(np.int16)
        data["leveringsvorm"] = _codes(cats.get("leveringsvorm", _VORMEN), _VORMEN)[vorm]
        data["leeftijd"] = leeftijd
        data["uren_zorg_per_week"] = (totaal - toezicht) * self._quarter("uren_zorg_per_week")
        data["uren_toezicht_per_week"] = toezicht * self._quarter("uren_toezicht_per_week")
        del totaal, toezicht
        data["best_passend_zorgprofiel"] = rng.random(n) < a.number(
            a.section("best_passend_zorgprofiel").get("waar", 0.92), "best_passend_zorgprofiel.waar", 0, 1)
        bzb = rng.random(n)
        data["andere_toeslag"] = self._toeslag(rng, n, profiel, vorm, leeftijd)
        data["bijzondere_situatie"] = self._situatie(rng, n, profiel, thuis, leeftijd)
        del profiel, vorm
        soort = a.section("soort_aanvraag") or dict.fromkeys(cats.get("soort_aanvraag", ("eerste",)), 1.0)
        soort_names = tuple(soort)
        pick = _Zoeker(_cum([a.number(soort[k], f"soort_aanvraag.{k}") for k in soort_names])).zoek(rng.random(n))
        data["soort_aanvraag"] = _codes(cats.get("soort_aanvraag", soort_names), soort_names)[
            np.minimum(pick, len(soort_names) - 1)]
        del pick
        e = a.section("eerdere_meerzorg_thuis_tot")
        van, tot = int(e.get("van", -2)), int(e.get("tot", 9))
        months = rng.integers(van, tot + 1, size=n)
        base = self.peildatum.year * 12 + self.peildatum.month - 1
        firsts = np.array([datetime.date((base + m) // 12, (base + m) % 12 + 1, 1).toordinal()
                           for m in range(van, tot + 1)], dtype=np.int64)
        data["eerdere_meerzorg_thuis_tot"] = firsts[months - van]
        del months
        eerste = _code(cats, "soort_aanvraag", "eerste")
        known["eerdere_meerzorg_thuis_tot"] = thuis & (data["soort_aanvraag"] != eerste)
        data["peildatum"] = np.full(n, self.peildatum.toordinal(), dtype=np.int64)
        for name, f in self.facts.items():
            if name in self.beschreven:
                data[name], known_ = _fact_column(rng, n, f, self)
                if f.optioneel:
                    known[name] = known_
            elif name not in _SPECIAL:
                data[name] = _default_column(rng, n, f, self)
                if f.optioneel:
                    known[name] = np.zeros(n, dtype=bool)
        for name in list(data):
            if name not in self.facts:
                del data[name]
                known.pop(name, None)
        columns = Columns(n, data, {k: v for k, v in cats.items() if k in data}, known, {})
        return Chunk(n, columns, bzb, thuis, leeftijd)

    def _toeslag(self, rng: np.random.Generator, n: int, profiel: np.ndarray, vorm: np.ndarray,
                 leeftijd: np.ndarray) -> np.ndarray:
        a = self.a
        t = a.section("andere_toeslag")
        inst, thuis_t = a.section("andere_toeslag", "instelling"), a.section("andere_toeslag", "thuis")
        pab_prof = set(t.get("pab_profielen", []))
        profielen = self.categories.get("zorgprofiel", ())
        is_pab = np.array([p in pab_prof for p in profielen], dtype=bool)[profiel]
        ekt = np.array([thuis_t.get("ekt", 0.0), thuis_t.get("ekt_jong", 0.0)])[
            (leeftijd < int(t.get("ekt_jong_tot", 23))).view(np.uint8)]
        pab = np.array([0.0, thuis_t.get("pab", 0.0)])[
            ((vorm == 3) & (leeftijd >= int(self.a.section("populatie").get("kind_tot", 18))) & is_pab).view(np.uint8)]
        u = rng.random(n)
        names = self.categories.get("andere_toeslag", ("geen",))
        # Each client's toeslag by five tests: thuis, then (instelling) u below the toeslag share, (thuis) u below
        # ekt, below ekt + pab, below ekt + pab + toeslag: the first that holds decides.
        s = ekt + pab
        bits = ((vorm > 0).view(np.uint8) << 4) | ((u < inst.get("toeslag", 0.0)).view(np.uint8) << 3)
        bits |= ((u < ekt).view(np.uint8) << 2) | ((u < s).view(np.uint8) << 1)
        bits |= (u < s + thuis_t.get("toeslag", 0.0)).view(np.uint8)
        geen, toeslag = (_code(self.categories, "andere_toeslag", v) for v in ("geen", "toeslag"))
        ekt_code, pab_code = (_code(self.categories, "andere_toeslag", v) for v in ("ekt", "pab"))
        table = np.full(32, geen, dtype=np.int16)
        for key in range(32):
            if not key & 16:
                table[key] = toeslag if key & 8 else geen
            else:
                table[key] = ekt_code if key & 4 else pab_code if key & 2 else toeslag if key & 1 else geen
        out = table[bits]
        return self._new_values(rng, "andere_toeslag", out, {*inst, *thuis_t, "geen"} & set(names))

    def _situatie(self, rng: np.random.Generator, n: int, profiel: np.ndarray, thuis: np.ndarray,
                  leeftijd: np.ndarray) -> np.ndarray:
        s = self.a.section("bijzondere_situatie")
        kind_tot = int(self.a.section("populatie").get("kind_tot", 18))
        zelf = s.get("zelfstandig_participerend", 0.0)
        per_sector = zelf if isinstance(zelf, dict) else {"standaard": zelf}
        zelf_sector = np.array([self.a.number(per_sector.get(sec, per_sector.get("standaard", 0.0)),
                                              "bijzondere_situatie.zelfstandig_participerend") for sec in self.sector])
        zelf_sector = zelf_sector[profiel]
        geen_plek = float(s.get("geen_passende_instellingsplek", 0.0))
        u = rng.random(n)
        cats = self.categories
        # thuis, kind, u below kind_thuis, below geen_plek, below geen_plek + zelfstandig: a code per combination.
        bits = (thuis.view(np.uint8) << 4) | ((leeftijd < kind_tot).view(np.uint8) << 3)
        bits |= ((u < float(s.get("kind_thuis", 0.0))).view(np.uint8) << 2) | ((u < geen_plek).view(np.uint8) << 1)
        bits |= (u < geen_plek + zelf_sector).view(np.uint8)
        geen, kind, plek, zelf = (_code(cats, "bijzondere_situatie", v) for v in (
            "geen", "kind_thuis", "geen_passende_instellingsplek", "zelfstandig_participerend"))
        table = np.full(32, geen, dtype=np.int16)
        for key in range(16, 32):
            if key & 8:
                table[key] = kind if key & 4 else geen
            else:
                table[key] = plek if key & 2 else zelf if key & 1 else geen
        out = table[bits]
        return self._new_values(rng, "bijzondere_situatie", out, set(s) | {"geen"})

    def _new_values(self, rng: np.random.Generator, fact: str, codes: np.ndarray, mentioned: set[str]) -> np.ndarray:
        """Replace a default share of the draws by each value a version adds that the file does not mention."""
        cats = self.categories.get(fact, ())
        default = self.a.number(self.a.section("standaard").get("nieuwe_waarde", 0.01), "standaard.nieuwe_waarde", 0, 1)
        nieuw = [v for v in self.added.get(fact, ()) if v not in mentioned]
        if not nieuw:  # the draw is made all the same (the clients after it stay who they are), not computed
            _overslaan(rng, len(codes))
            return codes
        u = rng.random(len(codes))
        for k, v in enumerate(nieuw):
            note = f"{fact} = {v} (nieuw in een versie, niet in het populatiebestand): aandeel {default:.0%}"
            if note not in self.notes:  # every chunk draws again; the note is made once
                self.notes.append(note)
            codes = np.where((u >= k * default) & (u < (k + 1) * default), cats.index(v), codes).astype(np.int16)
        return codes


_EMMERS = 1 << 12


_KORT = 8


class _Zoeker:
    """``cdf.searchsorted(u, side="right")`` for draws ``u`` in [0, 1), exactly, without a binary search per
    client (a search in a short table costs as much as ten passes over the clients).

    For a sorted ``cdf`` the answer is the number of its values at most ``u``: for a short one (a few shares)
    that many comparisons are counted. Else [0, 1) is cut into 4096 equal buckets; ``u * 4096`` is exact (a
    power of two), so its integer part is the bucket. Where no value of ``cdf`` lies in a bucket, every ``u`` in
    it has the same answer, looked up; the few clients in the other buckets (at most one bucket per value of
    ``cdf``) are searched as before."""

    def __init__(self, cdf: np.ndarray) -> None:
        self.cdf = cdf
        self.sorted = bool(len(cdf)) and bool(np.all(cdf[1:] >= cdf[:-1]))  # else searchsorted's own answer
        edges = np.arange(_EMMERS + 1) / _EMMERS
        eerste = cdf.searchsorted(edges[:-1], side="right")  # the answer at a bucket's start: its least ...
        zeker = eerste == cdf.searchsorted(edges[1:], side="left")  # ... and its largest
        self.emmers = np.where(zeker, eerste, -1).astype(np.intp)  # -1: search

    def zoek(self, u: np.ndarray) -> np.ndarray:
        if not self.sorted:
            out: np.ndarray = self.cdf.searchsorted(u, side="right")
            return out
        if len(self.cdf) <= _KORT:
            count = np.zeros(len(u), dtype=np.uint8)
            for waarde in self.cdf.tolist():
                count += (u >= waarde).view(np.uint8)
            return count.astype(np.intp)
        out = self.emmers[(u * _EMMERS).astype(np.intp)]
        twijfel = np.flatnonzero(out < 0)
        if len(twijfel):
            out[twijfel] = self.cdf.searchsorted(u[twijfel], side="right")
        return out


class _Keuze:
    """``rng.choice(len(p), size=n, p=p)``: the same draws (one uniform per client, against the same
    cumulative shares), looked up by ``_Zoeker``."""

    def __init__(self, p: np.ndarray) -> None:
        self.p = p
        self.zoeker: _Zoeker | None = None
        # Where numpy would refuse these shares (or there are none), it is left to say so itself.
        if len(p) and np.isfinite(p).all() and (p >= 0).all() and abs(float(p.sum()) - 1) <= 1e-9:
            cdf = p.cumsum()
            cdf /= cdf[-1]
            self.zoeker = _Zoeker(cdf)

    def trek(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.zoeker is None:  # nothing to choose from: numpy's own error
            out: np.ndarray = rng.choice(len(self.p), size=n, p=self.p)
            return out
        return self.zoeker.zoek(rng.random(n))


def _overslaan(rng: np.random.Generator, n: int) -> None:
    """The stream as after ``rng.random(n)``, without computing the n numbers: a PCG64 double is one 64-bit
    step, so ``advance(n)``; advancing drops a buffered 32-bit half (``integers`` draws in halves), which
    ``random`` keeps, so it is put back."""
    bits = rng.bit_generator
    if not isinstance(bits, np.random.PCG64):
        rng.random(n)
        return
    before = bits.state
    bits.advance(n)
    after = bits.state
    after["has_uint32"], after["uinteger"] = before["has_uint32"], before["uinteger"]
    bits.state = after


def _fraction(v: object) -> Fraction:
    if isinstance(v, values.Decimal):
        return decimal_as_fraction(v)
    if isinstance(v, values.Integer):
        return Fraction(int(v.value))
    if isinstance(v, values.Uren):
        return values.uren_as_fraction(v)
    return Fraction(0)


def _cum(shares: list[float]) -> np.ndarray:
    c = np.cumsum(np.array(shares, dtype=float))
    return c / c[-1] if c[-1] > 0 else np.linspace(0.25, 1.0, len(shares))


def _codes(categories: tuple[str, ...], names: tuple[str, ...]) -> np.ndarray:
    """For each of ``names`` its code among ``categories`` (a name not declared: appended code)."""
    return np.array([categories.index(v) if v in categories else len(categories) + i for i, v in enumerate(names)],
                    dtype=np.int16)


def _code(categories: dict[str, tuple[str, ...]], fact: str, value: str) -> int:
    cats = categories.get(fact, ())
    return cats.index(value) if value in cats else 0


def _default_note(name: str, f: ir.FactDecl, a: Assumptions) -> str:
    kind = f.type.kind
    if f.optioneel:
        what = "onbekend (optioneel feit)"
    elif kind is TypeKind.BOOL:
        what = f"waar voor {a.number(a.section('standaard').get('waar', 0.5), 'standaard.waar', 0, 1):.0%}"
    elif kind is TypeKind.ENUM:
        what = "alle waarden even vaak"
    elif kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.UREN):
        what = "gelijk verdeeld over het bereik" if f.bereik else "0 (geen bereik gedeclareerd)"
    else:
        what = "de peildatum" if kind is TypeKind.DATUM else "0"
    return f"feit {name} staat niet in het populatiebestand: {what}"


def _fact_column(rng: np.random.Generator, n: int, f: ir.FactDecl, pop: Population) -> tuple[np.ndarray, np.ndarray]:
    """A fact drawn as its own section describes it (docs/populatie.rst): ``waar`` for waar/onwaar, a share per
    value for an enumeration, ``van``/``tot`` for a number or date (uniform), ``bekend`` for an optional fact."""
    a, name, kind = pop.a, f.name, f.type.kind
    sectie = a.section(name)
    known = rng.random(n) < a.number(sectie.get("bekend", 1.0), f"{name}.bekend", 0, 1)
    if kind is TypeKind.BOOL:
        return rng.random(n) < a.number(sectie.get("waar", 0.5), f"{name}.waar", 0, 1), known
    if kind is TypeKind.ENUM:
        cats = pop.categories[name]
        shares = {k: v for k, v in a.shares(sectie, name).items() if k not in ("bekend", "standaard")}
        for k in shares:
            if k not in cats:
                raise PopulatieFout(f"{a.path}: {name}.{k} is geen waarde van {name} (waarden: {', '.join(cats)})")
        p = np.array([shares.get(c, 0.0) for c in cats]) if shares else np.ones(len(cats))
        if p.sum() <= 0:
            raise PopulatieFout(f"{a.path}: de aandelen van [{name}] tellen op tot 0")
        return _Keuze(p / p.sum()).trek(rng, n).astype(np.int16), known
    if kind is TypeKind.DATUM:
        van, tot = (sectie.get(k, pop.peildatum) for k in ("van", "tot"))
        if not isinstance(van, datetime.date) or not isinstance(tot, datetime.date) or tot < van:
            raise PopulatieFout(f"{a.path}: {name}.van en {name}.tot moeten datums zijn, van <= tot")
        return rng.integers(van.toordinal(), tot.toordinal() + 1, size=n).astype(np.int64, copy=False), known
    if kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL):
        lo_d, hi_d = (float(_fraction(v)) for v in f.bereik) if f.bereik else (0.0, 0.0)
        lo = a.number(sectie.get("van", lo_d), f"{name}.van", -1e9)
        hi = a.number(sectie.get("tot", hi_d), f"{name}.tot", lo)
        step = 4 if kind is TypeKind.DECIMAAL else 1
        q = rng.integers(math.ceil(lo * step), math.floor(hi * step) + 1, size=n)
        return (q * _QUARTER if kind is TypeKind.DECIMAAL else q).astype(np.int64, copy=False), known
    raise PopulatieFout(f"{a.path}: [{name}]: een feit van dit type kan het populatiebestand nog niet beschrijven; "
                        "gebruik 'standaard = true'")


def _default_column(rng: np.random.Generator, n: int, f: ir.FactDecl, pop: Population) -> np.ndarray:
    kind = f.type.kind
    if kind is TypeKind.BOOL:
        return rng.random(n) < pop.a.number(pop.a.section("standaard").get("waar", 0.5), "standaard.waar", 0, 1)
    if kind is TypeKind.ENUM:
        return rng.integers(0, max(1, len(pop.categories[f.name])), size=n).astype(np.int16)
    if kind is TypeKind.DATUM:
        return np.full(n, pop.peildatum.toordinal(), dtype=np.int64)
    if kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL, TypeKind.UREN) and f.bereik:
        lo, hi = (_fraction(v) for v in f.bereik)
        step = 1 if kind is TypeKind.GEHEEL else 4
        q = rng.integers(math.ceil(lo * step), math.floor(hi * step) + 1, size=n)
        unit = {TypeKind.GEHEEL: 1, TypeKind.DECIMAAL: _QUARTER, TypeKind.UREN: _QUARTER_SECONDS}[kind]
        drawn: np.ndarray = (q * unit).astype(np.int64, copy=False)
        return drawn
    return np.zeros(n, dtype=np.int64)
