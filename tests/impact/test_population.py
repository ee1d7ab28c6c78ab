"""The synthetic population: the same for a seed, its shares as documented, its facts valid for the regeling."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from meerzorg_law import values
from meerzorg_law.cases.load import parse_value
from meerzorg_law.impact import population as pop
from meerzorg_law.impact.population import Population
from meerzorg_law.semantics.pipeline import Bundle

N = 40_000


@pytest.fixture(scope="module")
def clients() -> list[pop.Client]:
    return list(Population(N, seed=11))


def test_same_seed_same_clients_other_seed_others() -> None:
    assert list(Population(500, seed=3)) == list(Population(500, seed=3))
    assert list(Population(500, seed=3)) != list(Population(500, seed=4))
    # A prefix of a larger population is the smaller population: n only says where to stop.
    assert list(Population(1000, seed=3))[:500] == list(Population(500, seed=3))


def test_profile_shares_match_the_documented_ones(clients: list[pop.Client]) -> None:
    counts = Counter(c.zorgprofiel for c in clients)
    total = sum(pop.PROFIEL_AANDEEL.values())
    for profiel, share in pop.PROFIEL_AANDEEL.items():
        assert abs(counts[profiel] / N - share / total) < 0.01, profiel
    vg = sum(k for p, k in counts.items() if p.startswith("VG"))
    assert vg / N > 0.55  # "mostly VG" [P1][P2]


def test_delivery_form_shares_match_per_sector(clients: list[pop.Client]) -> None:
    by_sector: dict[str, Counter[str]] = {}
    for c in clients:
        by_sector.setdefault(pop._sector(c.zorgprofiel), Counter())[c.leveringsvorm] += 1
    for sector, weights in pop.LEVERINGSVORM.items():
        seen = by_sector[sector]
        n = sum(seen.values())
        for vorm, w in zip(("verblijf", "vpt", "mpt", "pgb"), weights, strict=True):
            assert abs(seen[vorm] / n - w / sum(weights)) < 0.03 + 3 * (w * (1 - w) / n) ** 0.5, (sector, vorm)


def test_ages_follow_the_profiles(clients: list[pop.Client]) -> None:
    for c in clients:
        if c.zorgprofiel in ("LVG3", "LVG4", "LVG5"):
            assert 18 <= c.leeftijd <= 22  # Bijlage A: 18 tot 23 jaar
        if c.zorgprofiel.startswith("VV"):
            assert c.leeftijd >= 60
    vg8_home = [c for c in clients if c.zorgprofiel == "VG8" and c.leveringsvorm != "verblijf"]
    children = sum(c.leeftijd < 18 for c in vg8_home) / len(vg8_home)
    assert abs(children - pop.LEEFTIJD[("VG8", True)][0]) < 0.05  # EMB children at home [P7][P8]


def test_hours_populate_the_threshold_region(clients: list[pop.Client]) -> None:
    with_hours = [c for c in clients if c.zorgprofiel in pop.BEKOSTIGINGSUREN]
    factors = [(c.zorg_kwartieren + c.toezicht_kwartieren) / 4 / pop.BEKOSTIGINGSUREN[c.zorgprofiel]
               for c in with_hours]
    near = sum(1.20 <= f < 1.30 for f in factors) / len(factors)
    assert abs(near - pop.UREN_FACTOR[1][0]) < 0.02
    assert sum(f < 1.25 for f in factors) / len(factors) > 0.3  # both sides of the 25% bar
    assert sum(f >= 1.25 for f in factors) / len(factors) > 0.3
    assert all(c.zorg_kwartieren + c.toezicht_kwartieren <= 168 * 4 for c in clients)
    home = [c.toezicht_kwartieren / max(1, c.zorg_kwartieren + c.toezicht_kwartieren)
            for c in clients if c.leveringsvorm != "verblijf"]
    away = [c.toezicht_kwartieren / max(1, c.zorg_kwartieren + c.toezicht_kwartieren)
            for c in clients if c.leveringsvorm == "verblijf"]
    assert sum(home) / len(home) > 0.25 > 0.08 > sum(away) / len(away)


def test_special_situations_only_at_home(clients: list[pop.Client]) -> None:
    for c in clients:
        if c.leveringsvorm == "verblijf":
            assert c.bijzondere_situatie == "geen" and c.eerdere_meerzorg_thuis_tot is None
        if c.bijzondere_situatie == "kind_thuis":
            assert c.leeftijd < 18
    assert any(c.eerdere_meerzorg_thuis_tot is not None for c in clients)


def test_facts_are_exactly_the_case_interface_and_valid(bundle: Bundle) -> None:
    reg = bundle.versions["rlz-2026"]
    population = Population(3000, seed=5)
    interface = {"peildatum", "leeftijd", "zorgprofiel", "best_passend_zorgprofiel", "leveringsvorm",
                 "uren_zorg_per_week", "uren_toezicht_per_week", "bijzondere_zorgbehoefte", "andere_toeslag",
                 "bijzondere_situatie", "soort_aanvraag", "eerdere_meerzorg_thuis_tot"}
    for client in itertools.islice(population, 3000):
        facts = population.facts(client)
        assert set(facts) <= interface and interface - set(facts) <= {"eerdere_meerzorg_thuis_tot"}
        for name, value in facts.items():
            decl = reg.facts[name]
            # Written as a drafter would write it in a case file, it reads back as the same value.
            assert parse_value(values.format_value(value).replace(",", "."), decl.type, reg.enums) == value
            if decl.bereik is not None:
                lo, hi = decl.bereik
                as_dec = values.decimal_of_integer(value) if isinstance(value, values.Integer) else value
                lo_d = values.decimal_of_integer(lo) if isinstance(lo, values.Integer) else lo
                hi_d = values.decimal_of_integer(hi) if isinstance(hi, values.Integer) else hi
                assert lo_d <= as_dec <= hi_d, (name, value)
