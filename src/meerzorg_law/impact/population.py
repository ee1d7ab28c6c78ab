"""Seed -> a synthetic population of Wlz clients for whom meerzorg is at stake, with the facts of a casus.

Every client carries exactly the facts of the case interface (``shared/domain/decisions.md``): peildatum,
leeftijd, zorgprofiel, best_passend_zorgprofiel, leveringsvorm, uren_zorg_per_week, uren_toezicht_per_week,
bijzondere_zorgbehoefte, andere_toeslag, bijzondere_situatie, soort_aanvraag and, when there is one,
eerdere_meerzorg_thuis_tot. The same seed gives the same clients, in the same order.

Where the shares come from (tags of the domain brief, ``meerzorg-brief.md`` paragraph 7 and 11). The brief
has volumes but no cross-tables, so most shares are assumptions, marked [aanname], chosen to resemble the
sources where they speak and to exercise every rule where they are silent:

* Who: clients for whom meerzorg is asked, about 6,000 in 2019 and growing by about 700 a year, mostly VG
  with severe behavioural problems [P1][P2] (so VG7 leads), plus the other profiles with ``*`` in Bijlage A
  and a few without, who apply anyway and are refused [S4] (``PROFIEL_AANDEEL``).
* Where: the ZIN track (verblijf) dominates the zorgkantoren's documents [S5][S6]; at home the pgb track
  [P9]-[P13]. EMB children (VG8) grow up at home with a pgb far more often [P7][P8]; LG adults live
  independently with a pgb or PAB [P17]-[P19] (``LEVERINGSVORM``).
* Age: LVG profiles are for 18 to 23 years (their text in Bijlage A); VV for the elderly; children mostly in
  VG8 at home (``LEEFTIJD``).
* Hours: the total need is the profile's bekostigingsuren [S7] (brief 7.2) times a factor drawn from bands
  (``UREN_FACTOR``) so that the region around the 25% threshold (factor 1,20-1,30) is well populated; at
  most 168 hours a week [P7]. Stand-alone toezicht is a small part in an institution and a large part at
  home (an EMB child: 20 of 48 hours presence without care acts, brief paragraph 9, scenario 13).
  Hours are whole quarter hours, so clients with the same facts can be decided once.
* When: one peildatum for all, 1 January 2027 unless given (the date the 2027 proposal would apply). An
  application at home for an extension or increase has an earlier decision ending between two months
  before and nine months after it (eerdere_meerzorg_thuis_tot, first of a month) [aanname].
* The rest [aanname]: 92% on the best fitting profile; the zorgkantoor finds a bijzondere zorgbehoefte for
  85% in an institution and 70% at home (stricter at home since 2025 [P3][P4]); another regeling first for
  a few (EKT for the young at home, PAB for adults with a pgb and a PAB profile, a condition toeslag);
  special situations only at home; 45% first applications, 45% extensions, 10% increases.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .. import values
from ..values import Value

__all__ = ["BEKOSTIGINGSUREN", "CLIENT_FACT", "LEEFTIJD", "LEEFTIJDSGROEPEN", "LEVERINGSVORM", "PROFIEL_AANDEEL",
           "THUIS", "TOEZICHT_DEEL", "UREN_FACTOR", "Client", "Population", "leeftijdsgroep"]

# Share of each zorgprofiel among the clients [P1][P2] (mostly VG) and [aanname] for the split.
PROFIEL_AANDEEL: dict[str, float] = {
    "VG7": 0.38, "VG8": 0.12, "VG5": 0.08, "VG6": 0.04, "VG4": 0.01,
    "LVG4": 0.02, "LVG5": 0.02, "SGLVG1": 0.02, "LVG3": 0.005,
    "LG5": 0.02, "LG6": 0.03, "LG7": 0.04, "LG4": 0.01,
    "VV7": 0.04, "VV8": 0.05, "VV5": 0.01, "VV6": 0.01,
    "ZGaud3": 0.01, "ZGvis5": 0.01,
    "GGZ6B": 0.02, "GGZ7B": 0.02, "GGZ4W": 0.02, "GGZ5W": 0.015,
}

# Bekostigingsuren per week, rekentool 2026 [S7] (brief 7.2; decisions.md). Profiles without meerzorg have
# none; for them the need is drawn around 25 hours [aanname].
BEKOSTIGINGSUREN: dict[str, float] = {
    "VG5": 24.50, "VG7": 33.75, "VG8": 29.00, "VV7": 22.25, "VV8": 27.00, "LVG4": 30.00, "LVG5": 30.00,
    "SGLVG1": 39.50, "LG5": 26.08, "LG6": 28.50, "LG7": 30.25, "ZGaud3": 45.00, "ZGvis5": 31.75,
    "GGZ6B": 25.00, "GGZ7B": 36.00, "GGZ4W": 25.00, "GGZ5W": 36.00,
}
_UREN_ZONDER_PROFIEL = 25.0

THUIS = ("vpt", "mpt", "pgb")
# (verblijf, vpt, mpt, pgb) per sector [aanname, see the module docstring for the sources it leans on].
LEVERINGSVORM: dict[str, tuple[float, float, float, float]] = {
    "VG8": (0.55, 0.10, 0.05, 0.30),
    "VG": (0.80, 0.06, 0.04, 0.10),
    "LVG": (0.92, 0.03, 0.00, 0.05),  # no pgb for LVG4, LVG5, SGLVG1 [S1 art. 5.5][P9]: still asked
    "LG": (0.60, 0.10, 0.05, 0.25),
    "VV": (0.85, 0.08, 0.04, 0.03),
    "ZG": (0.80, 0.06, 0.04, 0.10),
    "GGZ": (0.88, 0.05, 0.02, 0.05),
}
# (share of children, (min, max) age of a child, (min, max) age of an adult) per sector and place [aanname].
LEEFTIJD: dict[tuple[str, bool], tuple[float, tuple[int, int], tuple[int, int]]] = {
    ("VG8", True): (0.60, (2, 17), (18, 60)),
    ("VG8", False): (0.10, (4, 17), (18, 80)),
    ("VG", True): (0.35, (4, 17), (18, 60)),
    ("VG", False): (0.08, (6, 17), (18, 80)),
    ("LVG", True): (0.0, (0, 0), (18, 22)),
    ("LVG", False): (0.0, (0, 0), (18, 22)),
    ("LG", True): (0.15, (4, 17), (18, 75)),
    ("LG", False): (0.03, (6, 17), (18, 80)),
    ("VV", True): (0.0, (0, 0), (60, 98)),
    ("VV", False): (0.0, (0, 0), (60, 98)),
    ("ZG", True): (0.10, (4, 17), (18, 85)),
    ("ZG", False): (0.05, (6, 17), (18, 85)),
    ("GGZ", True): (0.0, (0, 0), (20, 75)),
    ("GGZ", False): (0.0, (0, 0), (20, 75)),
}
# Need as a factor of the bekostigingsuren: (share, low, high) bands; 30% within 1,20-1,30 [aanname].
UREN_FACTOR: tuple[tuple[float, float, float], ...] = (
    (0.30, 0.85, 1.20),  # below the threshold
    (0.30, 1.20, 1.30),  # around the 25% threshold
    (0.30, 1.30, 2.20),  # clearly above
    (0.10, 2.20, 4.00),  # very high needs, up to 168 hours with night care [P7][P8]
)
# Share of stand-alone toezicht in the need: (low, high) in an institution and at home [aanname, scenario 13].
TOEZICHT_DEEL = {False: (0.0, 0.10), True: (0.15, 0.50)}

LEEFTIJDSGROEPEN = ("0-17", "18-22", "23-64", "65+")

_SGLVG_LEEFTIJD = (18, 40)  # SGLVG1 is not bound to 18-23 as LVG4 and LVG5 are (Bijlage A)
_PAB_PROFIELEN = frozenset({"LG5", "LG6", "LG7", "VV7", "VV8"})  # [P18][P19]


def leeftijdsgroep(leeftijd: int) -> str:
    """The age group of the report: children, young adults (EKT until 23), adults, elderly.

    >>> leeftijdsgroep(17), leeftijdsgroep(22), leeftijdsgroep(23), leeftijdsgroep(65)
    ('0-17', '18-22', '23-64', '65+')
    """
    return "0-17" if leeftijd < 18 else "18-22" if leeftijd < 23 else "23-64" if leeftijd < 65 else "65+"


class Client(NamedTuple):
    """One synthetic client; hours in quarter hours, so equal needs are equal exactly."""

    zorgprofiel: str
    leveringsvorm: str
    leeftijd: int
    best_passend_zorgprofiel: bool
    zorg_kwartieren: int
    toezicht_kwartieren: int
    bijzondere_zorgbehoefte: bool
    andere_toeslag: str
    bijzondere_situatie: str
    soort_aanvraag: str
    eerdere_meerzorg_thuis_tot: datetime.date | None


# The facts a Client field stands for (the hours fields stand for the decimal hours facts).
CLIENT_FACT = {
    "zorgprofiel": "zorgprofiel", "leveringsvorm": "leveringsvorm", "leeftijd": "leeftijd",
    "best_passend_zorgprofiel": "best_passend_zorgprofiel", "zorg_kwartieren": "uren_zorg_per_week",
    "toezicht_kwartieren": "uren_toezicht_per_week", "bijzondere_zorgbehoefte": "bijzondere_zorgbehoefte",
    "andere_toeslag": "andere_toeslag", "bijzondere_situatie": "bijzondere_situatie",
    "soort_aanvraag": "soort_aanvraag", "eerdere_meerzorg_thuis_tot": "eerdere_meerzorg_thuis_tot",
}


@dataclass(frozen=True)
class Population:
    """``n`` clients drawn from ``seed``; iterate to get them, ``facts`` gives a client's case facts."""

    n: int
    seed: int = 2026
    peildatum: datetime.date = datetime.date(2027, 1, 1)

    def __iter__(self) -> Iterator[Client]:
        return _draw(self.n, self.seed, self.peildatum)

    def facts(self, client: Client) -> dict[str, Value]:
        """The facts of a casus, with Catala values; equal inputs share their value objects."""
        f: dict[str, Value] = {
            "peildatum": _date(self.peildatum), "leeftijd": _integer(client.leeftijd),
            "zorgprofiel": client.zorgprofiel, "best_passend_zorgprofiel": client.best_passend_zorgprofiel,
            "leveringsvorm": client.leveringsvorm, "uren_zorg_per_week": _quarters(client.zorg_kwartieren),
            "uren_toezicht_per_week": _quarters(client.toezicht_kwartieren),
            "bijzondere_zorgbehoefte": client.bijzondere_zorgbehoefte, "andere_toeslag": client.andere_toeslag,
            "bijzondere_situatie": client.bijzondere_situatie, "soort_aanvraag": client.soort_aanvraag}
        if client.eerdere_meerzorg_thuis_tot is not None:
            f["eerdere_meerzorg_thuis_tot"] = _date(client.eerdere_meerzorg_thuis_tot)
        return f


def _sector(profiel: str) -> str:
    if profiel == "VG8":
        return "VG8"
    for prefix, sector in (("SGLVG", "LVG"), ("LVG", "LVG"), ("VG", "VG"), ("LG", "LG"), ("VV", "VV"),
                           ("ZG", "ZG"), ("GGZ", "GGZ")):
        if profiel.startswith(prefix):
            return sector
    raise ValueError(f"onbekend zorgprofiel {profiel}")


def _draw(n: int, seed: int, peildatum: datetime.date) -> Iterator[Client]:
    rnd = random.Random(seed)
    r = rnd.random
    profielen = list(PROFIEL_AANDEEL)
    cum_profiel = list(itertools.accumulate(PROFIEL_AANDEEL.values()))
    total = cum_profiel[-1]
    vormen = ("verblijf", *THUIS)
    cum_vorm = {s: list(itertools.accumulate(w)) for s, w in LEVERINGSVORM.items()}
    cum_band = list(itertools.accumulate(b[0] for b in UREN_FACTOR))
    eerdere = [_month(peildatum, m) for m in range(-2, 10)]
    for _ in range(n):
        profiel = profielen[min(bisect.bisect(cum_profiel, r() * total), len(profielen) - 1)]
        sector = _sector(profiel)
        cv = cum_vorm[sector]
        vorm = vormen[min(bisect.bisect(cv, r() * cv[-1]), 3)]
        thuis = vorm != "verblijf"
        kind_deel, kind, volwassen = LEEFTIJD[(sector, thuis)]
        if profiel == "SGLVG1":
            volwassen = _SGLVG_LEEFTIJD
        lo, hi = kind if r() < kind_deel else volwassen
        leeftijd = lo + int(r() * (hi - lo + 1))
        band = UREN_FACTOR[min(bisect.bisect(cum_band, r()), len(UREN_FACTOR) - 1)]
        factor = band[1] + r() * (band[2] - band[1])
        totaal = min(168 * 4, round(BEKOSTIGINGSUREN.get(profiel, _UREN_ZONDER_PROFIEL) * factor * 4))
        t_lo, t_hi = TOEZICHT_DEEL[thuis]
        toezicht = round(totaal * (t_lo + r() * (t_hi - t_lo)))
        best_passend = r() < 0.92
        bijzonder = r() < (0.70 if thuis else 0.85)
        toeslag = _toeslag(r, profiel, vorm, leeftijd)
        situatie = _situatie(r, sector, thuis, leeftijd)
        x = r()
        soort = "eerste" if x < 0.45 else "verlenging" if x < 0.90 else "verhoging"
        tot = eerdere[int(r() * len(eerdere))] if thuis and soort != "eerste" else None
        yield Client(profiel, vorm, leeftijd, best_passend, totaal - toezicht, toezicht, bijzonder, toeslag,
                     situatie, soort, tot)


def _toeslag(r: Callable[[], float], profiel: str, vorm: str, leeftijd: int) -> str:
    """Another regeling that covers the need [aanname]: EKT for the young at home, PAB for adults with a pgb
    and a PAB profile, a condition toeslag (ventilation, epilepsy) anywhere."""
    draw = r()
    if vorm == "verblijf":
        return "toeslag" if draw < 0.04 else "geen"
    ekt = 0.08 if leeftijd < 23 else 0.03
    pab = 0.06 if vorm == "pgb" and leeftijd >= 18 and profiel in _PAB_PROFIELEN else 0.0
    if draw < ekt:
        return "ekt"
    if draw < ekt + pab:
        return "pab"
    if draw < ekt + pab + 0.05:
        return "toeslag"
    return "geen"


def _situatie(r: Callable[[], float], sector: str, thuis: bool, leeftijd: int) -> str:
    """The special situations at home (decisions.md): a child growing up at home; no suitable place in an
    institution; living independently and taking part in society (mostly LG) [aanname]."""
    if not thuis:
        return "geen"
    draw = r()
    if leeftijd < 18:
        return "kind_thuis" if draw < 0.90 else "geen"
    zelfstandig = 0.40 if sector == "LG" else 0.20
    if draw < 0.15:
        return "geen_passende_instellingsplek"
    if draw < 0.15 + zelfstandig:
        return "zelfstandig_participerend"
    return "geen"


def _month(peildatum: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` after the peildatum's month."""
    index = peildatum.year * 12 + peildatum.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


_QUARTERS: dict[int, Value] = {}
_INTEGERS: dict[int, Value] = {}
_DATES: dict[datetime.date, Value] = {}


def _quarters(q: int) -> Value:
    v = _QUARTERS.get(q)
    if v is None:
        v = _QUARTERS[q] = values.decimal_of_text(f"{q // 4}.{(q % 4) * 25:02d}")
    return v


def _integer(n: int) -> Value:
    v = _INTEGERS.get(n)
    if v is None:
        v = _INTEGERS[n] = values.integer(n)
    return v


def _date(d: datetime.date) -> Value:
    v = _DATES.get(d)
    if v is None:
        v = _DATES[d] = values.date_of_python(d)
    return v
