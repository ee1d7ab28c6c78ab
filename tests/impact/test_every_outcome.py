"""Impact covers every outcome: a change of a whole-number outcome only (the maximale duur from three to five
years, tests/versions/zelfstandig) shows up as changed clients, per outcome with its most frequent change."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.impact.assumptions import load_assumptions
from meerzorg_law.impact.population import Population
from meerzorg_law.impact.report import impact_report
from meerzorg_law.render.impact import impact_json, impact_text
from meerzorg_law.semantics.pipeline import load_bundle

MAP = Path(__file__).resolve().parents[1] / "versions" / "zelfstandig"


def test_a_longer_term_shows_up_in_the_report() -> None:
    bundle = load_bundle(MAP)
    basis, nieuw = bundle.versions["rlz-2026"], bundle.versions["rlz-2027-termijn"]
    assumptions = load_assumptions(bundled_paths()[0] / "populatie.toml")
    report = impact_report(basis, nieuw, Population(3_000, 7, assumptions, basis, nieuw))
    t = report.totaal
    assert t.gewijzigd > 0  # before: 0 changes, the term is not among the compared outcomes
    assert t.gewijzigd == t.soorten["andere_uitkomst"] == t.meerzorg_voor  # every granted client, nothing else
    verschillen = {naam: (k, top) for naam, k, top in report.uitkomst_verschillen}
    assert verschillen["maximale_duur_jaren"] == (t.meerzorg_voor, (("3", "5", t.meerzorg_voor),))
    assert all(k == 0 for naam, (k, _) in verschillen.items() if naam != "maximale_duur_jaren")
    assert f"maximale_duur_jaren: {t.meerzorg_voor:,}".replace(",", ".") in impact_text(report)
    assert impact_json(report)["uitkomst_verschillen"][-1]["uitkomst"] in verschillen
