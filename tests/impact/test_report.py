"""The impact report: counts add up, and the test variant changes exactly the clients it should.

The expectation is computed apart from the report: per client, with the plain interpreter instead of the
columnar engine, and with the variant's one change applied to the facts instead of the rules (the variant
counts no stand-alone toezicht: rlz-2026 with uren_toezicht_per_week 0).
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest

from meerzorg_law import values
from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.columnar import row_facts
from meerzorg_law.engine.interpret import interpret
from meerzorg_law.impact.assumptions import load_assumptions
from meerzorg_law.impact.population import LEEFTIJDSGROEPEN, Population, leeftijdsgroep
from meerzorg_law.impact.report import SOORTEN, ImpactReport, impact_report
from meerzorg_law.semantics.pipeline import Bundle
from meerzorg_law.types import TypeKind

N = 3000
ASSUMPTIONS = load_assumptions(bundled_paths()[0] / "populatie.toml")


def _population(bundle: Bundle, n: int, seed: int, nieuw: str = "rlz-2026") -> Population:
    return Population(n, seed, ASSUMPTIONS, bundle.versions["rlz-2026"], bundle.versions[nieuw])


@pytest.fixture(scope="module")
def population(bundle: Bundle, variant: str) -> Population:
    return _population(bundle, N, 42, variant)


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
    assert report.totaal.marge_gewijzigd > 0 and report.totaal.marge_uren_verschil > 0
    assert dict(report.per_casus) == {"rlz-2026": 0, "rlz-2026-zonder-toezicht": 0}


def _expected(bundle: Bundle, population: Population) -> tuple[Counter[tuple[str, str]], Fraction, Fraction]:
    reg = bundle.versions["rlz-2026"]
    zero = values.Uren(0)
    kinds: Counter[tuple[str, str]] = Counter()
    before = after = Fraction(0)
    frame = ASSUMPTIONS.frame("rlz-2026", {})[1]
    clients = [(chunk, i) for chunk in population.chunks() for i in range(chunk.n)]
    for chunk, i in clients:
        cols = chunk.for_version(frame)
        facts = row_facts(reg, cols, i)
        a = interpret(reg, facts)
        b = interpret(reg, {**facts, "uren_toezicht_per_week": zero})
        if a["meerzorg"] != b["meerzorg"]:
            kind = "gewonnen" if b["meerzorg"] else "verloren"
        elif a["meerzorg"] and a["meerzorg_uren_per_week"] != b["meerzorg_uren_per_week"]:
            kind = "andere_uren"
        elif not a["meerzorg"] and a["reden"] != b["reden"]:
            kind = "andere_reden"
        elif any(a[o] != b[o] for o in a):
            kind = "andere_uitkomst"
        else:
            kind = "ongewijzigd"
        groups = (str(facts["zorgprofiel"]), str(facts["leveringsvorm"]), leeftijdsgroep(int(chunk.leeftijd[i])))
        for group in (*groups, "totaal"):
            kinds[(group, kind)] += 1
        before += values.uren_as_fraction(a["meerzorg_uren_per_week"])  # type: ignore[arg-type]
        after += values.uren_as_fraction(b["meerzorg_uren_per_week"])  # type: ignore[arg-type]
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
    r = impact_report(reg, reg, _population(bundle, 1000, 1))
    assert r.totaal.soorten["ongewijzigd"] == 1000 and r.totaal.gewijzigd == 0
    assert r.totaal.uren_voor == r.totaal.uren_na > 0
    assert r.grondslag_overgangen == () and r.fouten == ()


def test_progress_is_reported_for_every_client(bundle: Bundle) -> None:
    seen: list[int] = []
    reg = bundle.versions["rlz-2026"]
    impact_report(reg, reg, _population(bundle, 300_000, 1), seen.append)
    assert seen == [262_144, 37_856]


def test_same_seed_same_report_other_seed_other(bundle: Bundle, variant: str) -> None:
    def run(seed: int) -> ImpactReport:
        population = _population(bundle, 2000, seed, variant)
        return impact_report(bundle.versions["rlz-2026"], bundle.versions[variant], population)

    assert run(5) == run(5)
    assert run(5).totaal != run(6).totaal


def test_outcomes_only_a_variant_has_are_summed_exactly() -> None:
    """A variant's own outcomes (rlz-2027-variant-d's toeslag) are summed over the clients, as the per-case
    interpreter gives them; the basis does not have them."""
    from meerzorg_law.semantics.pipeline import load_bundle

    bundle = load_bundle(bundled_paths()[0])
    basis, nieuw = bundle.versions["rlz-2026"], bundle.versions["rlz-2027-variant-d"]
    population = Population(600, 4, ASSUMPTIONS, basis, nieuw)
    report = impact_report(basis, nieuw, population)
    extra = {name: (kind, voor, na) for name, kind, voor, na in report.andere_uitkomsten}
    assert set(extra) == {"toeslag_toezicht_thuis", "toeslag_toezicht_uren_per_week"}
    frame = ASSUMPTIONS.frame(nieuw.versie, {nieuw.versie: nieuw.basis})[1]
    count, hours = 0, Fraction(0)
    for chunk in population.chunks():
        cols = chunk.for_version(frame)
        for i in range(chunk.n):
            out = interpret(nieuw, row_facts(nieuw, cols, i))
            count += bool(out["toeslag_toezicht_thuis"])
            hours += values.uren_as_fraction(out["toeslag_toezicht_uren_per_week"])  # type: ignore[arg-type]
    assert extra["toeslag_toezicht_thuis"] == (TypeKind.BOOL, None, Fraction(count)) and count > 0
    assert extra["toeslag_toezicht_uren_per_week"] == (TypeKind.UREN, None, hours) and hours > 0
