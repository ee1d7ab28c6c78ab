"""The Dutch explanation of a trace, as golden files (``pytest --update-golden`` rewrites them; review the diff)."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cases.project import load_project
from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.render.explain import explain

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).parents[2]
CASES = {
    # A refusal decided by the reason chain (artikel 2.2, eerste lid, onderdeel e).
    "drempel-net-niet": ("rlz-2026", "rlz-2026-drempel.yaml", 1),
    # The 2027 overgangsrecht for a child at home: an exception deciding five outcomes with one rule.
    "emb-kind-overgangsrecht": ("rlz-2027", "rlz-2027-scenarios.yaml", 1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_explanation_golden(name: str, update_golden: bool) -> None:
    versie, file, index = CASES[name]
    project = load_project(None, [ROOT / "tests" / "casussen" / file])
    case = project.cases[index]
    reg = project.bundle.versions[versie]
    outcome = evaluate(compile_regeling(reg, traced=True), case.feiten)
    assert outcome.trace is not None
    text = explain(reg, case.feiten, outcome.trace, case.naam) + "\n"
    golden = GOLDEN / f"{name}.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt; draai pytest met --update-golden en bekijk het verschil"
    assert text == golden.read_text(encoding="utf-8")
