"""The limit ``meerzorg impact`` is measured against, as a command of its own: what any impact command of two
versions must do, with the rules written by hand in numpy (``numpy_rules.py``) instead of the columnar engine
and the smallest report.

Start-up, the bundled regeling from the cache (the draw needs its facts), the population drawn as the command
draws it, both versions by the hand-written rules chunk by chunk, who changes (the pairs of grondslag and of
reden, the sums of hours and of years), and a JSON report on stdout. ``bench_inner_loop.py`` runs it beside the
command and prints the ratio, so the verdict does not depend on how fast the shared machine is at the moment.

    python benchmarks/impact_grens.py [--n 1000000]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from numpy_rules import GRONDSLAGEN, REDENEN, RULES

from meerzorg_law.impact.assumptions import load_assumptions
from meerzorg_law.impact.population import Population
from meerzorg_law.semantics.pipeline import load_bundle

ROOT = Path(__file__).resolve().parents[1]
BASIS, NIEUW = "rlz-2026", "rlz-2027"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    bundle = load_bundle(ROOT / "regeling")
    assert bundle.ok, bundle.diagnostics
    basis, nieuw = bundle.versions[BASIS], bundle.versions[NIEUW]
    assumptions = load_assumptions(ROOT / "regeling" / "populatie.toml")
    basis_of = {BASIS: basis.basis, NIEUW: nieuw.basis}
    frames = {v: assumptions.frame(v, basis_of)[1] for v in (BASIS, NIEUW)}
    population = Population(args.n, args.seed, assumptions, basis, nieuw)
    paren = {"grondslag": np.zeros(len(GRONDSLAGEN) ** 2, np.int64), "reden": np.zeros(len(REDENEN) ** 2, np.int64)}
    sommen = {"meerzorg_uren_per_week": [0, 0], "maximale_duur_jaren": [0, 0]}
    for chunk in population.chunks():
        a, b = (RULES[v](chunk.for_version(frames[v])) for v in (BASIS, NIEUW))
        for naam, namen in (("grondslag", GRONDSLAGEN), ("reden", REDENEN)):
            paren[naam] += np.bincount(a[naam] * len(namen) + b[naam], minlength=len(namen) ** 2)
        for naam, som in sommen.items():
            som[0] += int(a[naam].sum())
            som[1] += int(b[naam].sum())
    rapport = {
        naam: {f"{namen[i // len(namen)]} -> {namen[i % len(namen)]}": int(k)
               for i, k in enumerate(paren[naam]) if k}
        for naam, namen in (("grondslag", GRONDSLAGEN), ("reden", REDENEN))}
    rapport |= {naam: {BASIS: som[0], NIEUW: som[1]} for naam, som in sommen.items()}
    print(json.dumps(rapport, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
