"""The impact report: counts add up, and the test variant changes exactly the clients it should.

The expectation is computed apart from the report: per client, with the plain interpreter instead of the
compiled decisions, without grouping equal clients, and with the variant's one change applied to the facts
instead of the rules (the variant counts no stand-alone toezicht: rlz-2026 with uren_toezicht_per_week 0).
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest

from meerzorg_law import values
from meerzorg_law.engine.interpret import interpret
from meerzorg_law.impact.population import LEEFTIJDSGROEPEN, Population, leeftijdsgroep
from meerzorg_law.impact.report import SOORTEN, ImpactReport, impact_report
from meerzorg_law.semantics.pipeline import Bundle

N = 3000


@pytest.fixture(scope="module")
def population() -> Population:
    return Population(N, seed=42)


@pytest.fixture(scope="module")
def report(bundle: Bundle, population: Population, variant: str) -> ImpactReport:
    return impact_report(bundle.versions["rlz-2026"], bundle.versions[variant], population)


def test_counts_add_up(report: ImpactReport) -> None:
    t = report.totaal
    assert t.aantal == N == sum(t.soorten.values())
    assert set(t.soorten) == set(SOORTEN)
    for key, groups in report.indelingen.items():
        assert sum(g.aantal for g in groups) == N, key
        for soort in SOORTEN:
            assert sum(g.soorten[soort] for g in groups) == t.soorten[soort], (key, soort)
        assert sum(g.meerzorg_voor for g in groups) == t.meerzorg_voor
        assert sum((g.uren_na for g in groups), Fraction(0)) == t.uren_na
    assert [g.naam for g in report.indelingen["leeftijdsgroep"]] == list(LEEFTIJDSGROEPEN)
    assert t.meerzorg_voor - t.soorten["verloren"] + t.soorten["gewonnen"] == t.meerzorg_na
    assert sum(k for _, _, k in report.grondslag_overgangen) == t.soorten["gewonnen"] + t.soorten["verloren"] \
        + t.soorten["andere_grondslag"]
    assert 0 < report.combinaties < N  # equal clients were decided once


def _expected(bundle: Bundle, population: Population) -> tuple[Counter[tuple[str, str]], Fraction, Fraction]:
    reg = bundle.versions["rlz-2026"]
    zero = values.decimal_of_text("0")
    kinds: Counter[tuple[str, str]] = Counter()
    before = after = Fraction(0)
    for client in population:
        facts = population.facts(client)
        a = interpret(reg, facts)
        b = interpret(reg, {**facts, "uren_toezicht_per_week": zero})
        if a["meerzorg"] != b["meerzorg"]:
            kind = "gewonnen" if b["meerzorg"] else "verloren"
        elif a["meerzorg"] and a["meerzorg_uren_per_week"] != b["meerzorg_uren_per_week"]:
            kind = "andere_uren"
        elif not a["meerzorg"] and a["reden"] != b["reden"]:
            kind = "andere_reden"
        else:
            kind = "ongewijzigd"
        for group in (client.zorgprofiel, client.leveringsvorm, leeftijdsgroep(client.leeftijd), "totaal"):
            kinds[(group, kind)] += 1
        before += values.decimal_as_fraction(a["meerzorg_uren_per_week"])
        after += values.decimal_as_fraction(b["meerzorg_uren_per_week"])
    return kinds, before, after


def test_variant_changes_exactly_the_expected_clients(bundle: Bundle, population: Population,
                                                     report: ImpactReport) -> None:
    kinds, before, after = _expected(bundle, population)
    groups = [report.totaal, *report.indelingen["zorgprofiel"], *report.indelingen["leveringsvorm"],
              *report.indelingen["leeftijdsgroep"]]
    for g in groups:
        for soort in SOORTEN:
            assert g.soorten[soort] == kinds[(g.naam, soort)], (g.naam, soort)
    assert report.totaal.uren_voor == before and report.totaal.uren_na == after
    # The change only takes away: nobody gains, and the lost ones had toezicht that carried them over the bar.
    assert report.totaal.soorten["verloren"] > 0 and report.totaal.soorten["gewonnen"] == 0
    assert report.reden_overgangen == (("toegekend", "onder_drempel", report.totaal.soorten["verloren"]),)
    assert after < before


def test_same_version_changes_nobody(bundle: Bundle) -> None:
    reg = bundle.versions["rlz-2026"]
    r = impact_report(reg, reg, Population(1000, seed=1))
    assert r.totaal.soorten["ongewijzigd"] == 1000 and r.totaal.gewijzigd == 0
    assert r.totaal.uren_voor == r.totaal.uren_na > 0
    assert r.grondslag_overgangen == () and r.fouten == ()


def test_progress_is_reported_for_every_client(bundle: Bundle) -> None:
    seen: list[int] = []
    reg = bundle.versions["rlz-2026"]
    impact_report(reg, reg, Population(25_000, seed=1), seen.append)
    assert sum(seen) == 25_000 and len(seen) == 3
