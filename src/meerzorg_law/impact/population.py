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

__all__ = ["CHUNK", "LEEFTIJDSGROEPEN", "Chunk", "Population", "leeftijdsgroep"]

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
        share = np.where(self.thuis, shares["thuis"][scenario], shares["instelling"][scenario])
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
        profiel = rng.choice(len(self.p_profiel), size=n, p=self.p_profiel)
        vorm = (rng.random(n)[:, None] > self.cum_vorm[profiel]).sum(axis=1)
        vorm = np.minimum(vorm, 3)
        thuis = vorm > 0
        age = self.age[profiel, thuis.astype(np.intp)]
        child = rng.random(n) < age[:, 0]
        lo = np.where(child, age[:, 1], age[:, 3])
        hi = np.where(child, age[:, 2], age[:, 4])
        leeftijd = (lo + np.floor(rng.random(n) * (hi - lo + 1))).astype(np.int64)
        band = np.minimum(np.searchsorted(self.band_cum, rng.random(n), side="right"), len(self.band_lo) - 1)
        factor = self.band_lo[band] + rng.random(n) * (self.band_hi[band] - self.band_lo[band])
        totaal = np.minimum(self.max_q, np.rint(self.bek[profiel] * factor * 4)).astype(np.int64)
        t_lo = np.where(thuis, self.toezicht[1][0], self.toezicht[0][0])
        t_hi = np.where(thuis, self.toezicht[1][1], self.toezicht[0][1])
        toezicht = np.rint(totaal * (t_lo + rng.random(n) * (t_hi - t_lo))).astype(np.int64)
        data["zorgprofiel"] = profiel.astype(np.int16)
        data["leveringsvorm"] = _codes(cats.get("leveringsvorm", _VORMEN), _VORMEN)[vorm]
        data["leeftijd"] = leeftijd
        data["uren_zorg_per_week"] = (totaal - toezicht) * self._quarter("uren_zorg_per_week")
        data["uren_toezicht_per_week"] = toezicht * self._quarter("uren_toezicht_per_week")
        data["best_passend_zorgprofiel"] = rng.random(n) < a.number(
            a.section("best_passend_zorgprofiel").get("waar", 0.92), "best_passend_zorgprofiel.waar", 0, 1)
        bzb = rng.random(n)
        data["andere_toeslag"] = self._toeslag(rng, n, profiel, vorm, leeftijd)
        data["bijzondere_situatie"] = self._situatie(rng, n, profiel, thuis, leeftijd)
        soort = a.section("soort_aanvraag") or dict.fromkeys(cats.get("soort_aanvraag", ("eerste",)), 1.0)
        soort_names = tuple(soort)
        pick = np.searchsorted(_cum([a.number(soort[k], f"soort_aanvraag.{k}") for k in soort_names]), rng.random(n),
                               side="right")
        data["soort_aanvraag"] = _codes(cats.get("soort_aanvraag", soort_names), soort_names)[
            np.minimum(pick, len(soort_names) - 1)]
        e = a.section("eerdere_meerzorg_thuis_tot")
        van, tot = int(e.get("van", -2)), int(e.get("tot", 9))
        months = rng.integers(van, tot + 1, size=n)
        base = self.peildatum.year * 12 + self.peildatum.month - 1
        firsts = np.array([datetime.date((base + m) // 12, (base + m) % 12 + 1, 1).toordinal()
                           for m in range(van, tot + 1)], dtype=np.int64)
        data["eerdere_meerzorg_thuis_tot"] = firsts[months - van]
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
        ekt = np.where(leeftijd < int(t.get("ekt_jong_tot", 23)), thuis_t.get("ekt_jong", 0.0), thuis_t.get("ekt", 0.0))
        pab = np.where((vorm == 3) & (leeftijd >= int(self.a.section("populatie").get("kind_tot", 18))) & is_pab,
                       thuis_t.get("pab", 0.0), 0.0)
        u = rng.random(n)
        at_home = vorm > 0
        names = self.categories.get("andere_toeslag", ("geen",))
        out = np.full(n, _code(self.categories, "andere_toeslag", "geen"), dtype=np.int16)
        toeslag = _code(self.categories, "andere_toeslag", "toeslag")
        out[~at_home & (u < inst.get("toeslag", 0.0))] = toeslag
        home_toeslag = at_home & (u >= ekt + pab) & (u < ekt + pab + thuis_t.get("toeslag", 0.0))
        out[home_toeslag] = toeslag
        out[at_home & (u < ekt)] = _code(self.categories, "andere_toeslag", "ekt")
        out[at_home & (u >= ekt) & (u < ekt + pab)] = _code(self.categories, "andere_toeslag", "pab")
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
        out = np.full(n, _code(cats, "bijzondere_situatie", "geen"), dtype=np.int16)
        child = leeftijd < kind_tot
        out[thuis & child & (u < float(s.get("kind_thuis", 0.0)))] = _code(cats, "bijzondere_situatie", "kind_thuis")
        adult = thuis & ~child
        out[adult & (u < geen_plek)] = _code(cats, "bijzondere_situatie", "geen_passende_instellingsplek")
        out[adult & (u >= geen_plek) & (u < geen_plek + zelf_sector)] = _code(
            cats, "bijzondere_situatie", "zelfstandig_participerend")
        return self._new_values(rng, "bijzondere_situatie", out, set(s) | {"geen"})

    def _new_values(self, rng: np.random.Generator, fact: str, codes: np.ndarray, mentioned: set[str]) -> np.ndarray:
        """Replace a default share of the draws by each value a version adds that the file does not mention."""
        cats = self.categories.get(fact, ())
        default = self.a.number(self.a.section("standaard").get("nieuwe_waarde", 0.01), "standaard.nieuwe_waarde", 0, 1)
        u = rng.random(len(codes))
        for k, v in enumerate(v for v in self.added.get(fact, ()) if v not in mentioned):
            note = f"{fact} = {v} (nieuw in een versie, niet in het populatiebestand): aandeel {default:.0%}"
            if note not in self.notes:  # every chunk draws again; the note is made once
                self.notes.append(note)
            codes = np.where((u >= k * default) & (u < (k + 1) * default), cats.index(v), codes).astype(np.int16)
        return codes


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
        return rng.choice(len(cats), size=n, p=p / p.sum()).astype(np.int16), known
    if kind is TypeKind.DATUM:
        van, tot = (sectie.get(k, pop.peildatum) for k in ("van", "tot"))
        if not isinstance(van, datetime.date) or not isinstance(tot, datetime.date) or tot < van:
            raise PopulatieFout(f"{a.path}: {name}.van en {name}.tot moeten datums zijn, van <= tot")
        return rng.integers(van.toordinal(), tot.toordinal() + 1, size=n).astype(np.int64), known
    if kind in (TypeKind.GEHEEL, TypeKind.DECIMAAL):
        lo_d, hi_d = (float(_fraction(v)) for v in f.bereik) if f.bereik else (0.0, 0.0)
        lo = a.number(sectie.get("van", lo_d), f"{name}.van", -1e9)
        hi = a.number(sectie.get("tot", hi_d), f"{name}.tot", lo)
        step = 4 if kind is TypeKind.DECIMAAL else 1
        q = rng.integers(math.ceil(lo * step), math.floor(hi * step) + 1, size=n)
        return (q * _QUARTER if kind is TypeKind.DECIMAAL else q).astype(np.int64), known
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
        drawn: np.ndarray = (q * unit).astype(np.int64)
        return drawn
    return np.zeros(n, dtype=np.int64)
