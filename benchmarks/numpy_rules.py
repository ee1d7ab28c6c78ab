"""rlz-2026 and rlz-2027 written by hand in numpy: the physical limit the columnar engine is measured against.

Same columns as the columnar engine (enum codes with their categories, hours (type uren) as int64 seconds,
dates as day numbers, optional facts with a known-mask), same exact arithmetic (the 25% bar as 4 x telbaar >= 5 x
bekostigingsuren, in integers). Written from the text of the regeling, not from the IR: a disagreement with the
columnar engine means one of the two is wrong (or the regeling changed since this was written).
"""

from __future__ import annotations

import datetime

import numpy as np

from meerzorg_law.columnar import Columns

# Artikel 2.1 and Bijlage A (profiles with *), artikel 2.1, tweede lid (GGZ-W, parameter waar), the tabel
# bekostigingsuren (rekentool 2026, "Uren uit 2012 (UU:MM)") in seconds, artikel 5.5 (no pgb for these profiles).
MET_STER = {"VV7", "VV8", "VG5", "VG7", "VG8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7", "ZGaud3", "ZGvis5",
            "GGZ6B", "GGZ7B"}
MEERZORG_GGZ_WONEN = True
_UU_MM = {"VV7": "22:15", "VV8": "27:00", "VG5": "24:30", "VG7": "33:45", "VG8": "29:00", "LVG4": "30:00",
          "LVG5": "30:00", "SGLVG1": "39:30", "LG5": "26:05", "LG6": "28:30", "LG7": "30:15", "ZGaud3": "45:00",
          "ZGvis5": "31:45", "GGZ6B": "25:00", "GGZ7B": "36:00", "GGZ4W": "25:00", "GGZ5W": "36:00"}
BEKOSTIGINGSUREN = {p: int(t[:-3]) * 3600 + int(t[-2:]) * 60 for p, t in _UU_MM.items()}
ZONDER_PGB = {"VV9b", "LVG3", "LVG4", "LVG5", "SGLVG1"}
REDENEN = ("toegekend", "geen_passend_profiel", "profiel_zonder_meerzorg", "geen_pgb_voor_profiel",
           "andere_toeslag_eerst", "onder_drempel", "geen_bijzondere_zorgbehoefte")
GRONDSLAGEN = ("geen", "bijzondere_zorgbehoefte", "bijzondere_situatie", "overgangsrecht")
_2027 = datetime.date(2027, 1, 1).toordinal()
_EINDE_2029 = datetime.date(2029, 12, 31).toordinal()


class _Facts:
    """Per-profile properties as arrays over the rows, and the enum facts as tests on names."""

    def __init__(self, c: Columns) -> None:
        self.c = c
        z = c.data["zorgprofiel"]
        profielen = c.categories["zorgprofiel"]
        self.bek = np.array([BEKOSTIGINGSUREN.get(p, 0) for p in profielen], dtype=np.int64)[z]
        ster = np.array([p in MET_STER for p in profielen])[z]
        ggzw = np.array([p in ("GGZ4W", "GGZ5W") for p in profielen])[z]
        self.meerzorgprofiel = ster | (MEERZORG_GGZ_WONEN & ggzw)
        zonder_pgb = np.array([p in ZONDER_PGB for p in profielen])[z]
        ggz5w = np.array([p == "GGZ5W" for p in profielen])[z] & MEERZORG_GGZ_WONEN
        self.geen_pgb = self.is_("leveringsvorm", "pgb") & (zonder_pgb | ggz5w)
        self.zorg = c.data["uren_zorg_per_week"]
        self.toezicht = c.data["uren_toezicht_per_week"]
        self.best = c.data["best_passend_zorgprofiel"]
        self.bzb = c.data["bijzondere_zorgbehoefte"]
        self.toeslag_geen = self.is_("andere_toeslag", "geen")

    def is_(self, fact: str, value: str) -> np.ndarray:
        cats = self.c.categories[fact]
        return self.c.data[fact] == (cats.index(value) if value in cats else -1)

    def known(self, fact: str) -> np.ndarray:
        if fact not in self.c.data:
            return np.zeros(self.c.n, dtype=bool)
        k = self.c.known.get(fact)
        return np.ones(self.c.n, dtype=bool) if k is None else k

    def reden(self, telbaar: np.ndarray, granted: np.ndarray) -> np.ndarray:
        """Artikel 2.2, eerste lid, onderdelen a-e and artikel 5.5 as one chain; toegekend when granted."""
        chain = [~self.best, ~self.meerzorgprofiel, self.geen_pgb, ~self.toeslag_geen, ~self.bzb,
                 (self.bek > 0) & (4 * telbaar < 5 * self.bek)]
        out = np.select(chain, [1, 2, 3, 4, 6, 5], default=0)
        return np.where(granted, 0, out)


def _result(meerzorg: np.ndarray, grondslag: np.ndarray, reden: np.ndarray, uren: np.ndarray) -> dict[str, np.ndarray]:
    return {"meerzorg": meerzorg, "grondslag": grondslag, "reden": reden, "meerzorg_uren_per_week": uren,
            "maximale_duur_jaren": np.where(meerzorg, 3, 0)}


def rlz2026(c: Columns) -> dict[str, np.ndarray]:
    """Artikel 2.2, eerste tot en met derde lid, and 5.5 of rlz-2026; codes index REDENEN and GRONDSLAGEN."""
    f = _Facts(c)
    telbaar = f.zorg + f.toezicht
    granted = f.best & f.meerzorgprofiel & f.toeslag_geen & f.bzb & (4 * telbaar >= 5 * f.bek) & ~f.geen_pgb
    return _result(granted, np.where(granted, 1, 0), f.reden(telbaar, granted), np.where(granted, telbaar - f.bek, 0))


def rlz2027(c: Columns) -> dict[str, np.ndarray]:
    """rlz-2027: toezicht counts only in the special situations at home (2.2, tweede lid), transitional law
    for a decision at home from before 2027 (2.2a), and an application from before 2027 is decided by 2026."""
    f = _Facts(c)
    voor_2027 = f.known("aanvraagdatum") & (c.data.get("aanvraagdatum", np.zeros(c.n, dtype=np.int64)) < _2027)
    met_toezicht = f.zorg + f.toezicht
    telbaar = np.where(voor_2027, met_toezicht, f.zorg)
    thuis = f.is_("leveringsvorm", "vpt") | f.is_("leveringsvorm", "mpt") | f.is_("leveringsvorm", "pgb")
    kind = f.is_("bijzondere_situatie", "kind_thuis") & (c.data["leeftijd"] < 18)
    situatie = thuis & (kind | f.is_("bijzondere_situatie", "geen_passende_instellingsplek")
                        | f.is_("bijzondere_situatie", "zelfstandig_participerend"))
    basis = f.best & f.meerzorgprofiel & f.toeslag_geen
    lid1 = basis & f.bzb & (4 * telbaar >= 5 * f.bek) & ~f.geen_pgb
    lid2 = situatie & (f.toezicht > 0) & basis & (4 * met_toezicht >= 5 * f.bek) & ~f.geen_pgb & ~voor_2027
    volstaat = (f.toezicht == 0) & f.bzb & (4 * telbaar >= 5 * f.bek)
    besluitdatum = c.data.get("eerdere_meerzorg_thuis_besluitdatum", np.zeros(c.n, dtype=np.int64))
    tot = c.data.get("eerdere_meerzorg_thuis_tot", np.zeros(c.n, dtype=np.int64))
    besluit = (f.known("eerdere_meerzorg_thuis_besluitdatum") & (besluitdatum < _2027)) | (
        ~f.known("eerdere_meerzorg_thuis_besluitdatum") & f.known("eerdere_meerzorg_thuis_tot")
        & (tot >= _2027) & (tot <= _EINDE_2029))
    complex_ = f.bzb | (4 * met_toezicht >= 5 * f.bek)
    lid2a = (f.is_("soort_aanvraag", "verlenging") & thuis & besluit & basis & complex_ & (met_toezicht > f.bek)
             & ~(lid2 | volstaat | voor_2027 | f.geen_pgb))
    meerzorg = lid2 | lid2a | lid1
    grondslag = np.select([lid2, lid2a, lid1], [2, 3, 1], default=0)
    uren = np.select([lid2 | lid2a, lid1], [met_toezicht - f.bek, telbaar - f.bek], default=0)
    return _result(meerzorg, grondslag, f.reden(telbaar, meerzorg), uren)


RULES = {"rlz-2026": rlz2026, "rlz-2027": rlz2027}
