"""Performance targets of the design, measured in one run and printed as target, measurement and ratio.

    python benchmarks/bench.py [--n 100000] [--impact-n 1000000] [--seed 2026]

Run by hand; not part of the test suite. Four measurements, each printed with its target:

1. Evaluation: the compiled rlz-2026 decision against ``oracle`` below, a hand-written plain-Python function
   of the same rules with exact arithmetic (fractions.Fraction), per case over ``--n`` generated cases
   (the impact population). Target: at most 3x the oracle's time. Every case's outcomes must agree, so the
   oracle doubles as a differential check of the whole pipeline on rlz-2026. A second set draws every declared
   value uniformly (most cases refused early, where the oracle is cheapest).
All times are CPU seconds of this one process (time.process_time), so other work on the machine does not
count.
2. Parse and check of the bundled regeling/: target under 0.3 s.
3. The whole case suite, every version (load, compile, run): target under 2 s.
4. Impact: ``--impact-n`` clients through rlz-2026 and the newest other version (rlz-2027 when it exists,
   else the test variant under tests/impact/data): target under 60 s on one core.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from meerzorg_law import values  # noqa: E402
from meerzorg_law.engine.compile import compile_regeling  # noqa: E402
from meerzorg_law.engine.evaluate import evaluate  # noqa: E402

# ---- the oracle: rlz-2026 by hand ----------------------------------------------------------------
# Artikel 2.1 and Bijlage A (profiles with *), artikel 2.1, tweede lid (GGZ-W, parameter waar), artikel 2.2
# (the five steps in order, the 25% bar on the bekostigingsuren, hours above them, three years), artikel 5.5
# (no pgb for VV9b, LVG3, LVG4, LVG5, SGLVG1; meerzorg for 5 GGZ-W only in natura).

MET_STER = {"VV7", "VV8", "VG5", "VG7", "VG8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7", "ZGaud3", "ZGvis5",
            "GGZ6B", "GGZ7B"}
MEERZORG_GGZ_WONEN = True
BEKOSTIGINGSUREN = {p: Fraction(u) for p, u in {
    "VV7": "22.25", "VV8": "27.00", "VG5": "24.50", "VG7": "33.75", "VG8": "29.00", "LVG4": "30.00",
    "LVG5": "30.00", "SGLVG1": "39.50", "LG5": "26.08", "LG6": "28.50", "LG7": "30.25", "ZGaud3": "45.00",
    "ZGvis5": "31.75", "GGZ6B": "25.00", "GGZ7B": "36.00", "GGZ4W": "25.00", "GGZ5W": "36.00"}.items()}
ZONDER_PGB = {"VV9b", "LVG3", "LVG4", "LVG5", "SGLVG1"}
DREMPEL = Fraction(5, 4)


def oracle(f: dict[str, Any]) -> dict[str, Any]:
    """rlz-2026 for one case of plain Python values (hours as Fractions)."""
    profiel = f["zorgprofiel"]
    meerzorgprofiel = profiel in MET_STER or (MEERZORG_GGZ_WONEN and profiel in ("GGZ4W", "GGZ5W"))
    geen_pgb = f["leveringsvorm"] == "pgb" and (
        profiel in ZONDER_PGB or (MEERZORG_GGZ_WONEN and profiel == "GGZ5W"))
    telbaar = f["uren_zorg_per_week"] + f["uren_toezicht_per_week"]
    if not f["best_passend_zorgprofiel"]:
        reden = "geen_passend_profiel"
    elif not meerzorgprofiel:
        reden = "profiel_zonder_meerzorg"
    elif geen_pgb:
        reden = "geen_pgb_voor_profiel"
    elif f["andere_toeslag"] != "geen":
        reden = "andere_toeslag_eerst"
    elif not f["bijzondere_zorgbehoefte"]:
        reden = "geen_bijzondere_zorgbehoefte"
    elif telbaar < DREMPEL * BEKOSTIGINGSUREN[profiel]:
        reden = "onder_drempel"
    else:
        return {"meerzorg": True, "grondslag": "bijzondere_zorgbehoefte", "reden": "toegekend",
                "meerzorg_uren_per_week": telbaar - BEKOSTIGINGSUREN[profiel], "maximale_duur_jaren": 3}
    return {"meerzorg": False, "grondslag": "geen", "reden": reden, "meerzorg_uren_per_week": Fraction(0),
            "maximale_duur_jaren": 0}


def _plain(v: Any) -> Any:
    """A Catala value as the oracle's plain Python value."""
    if isinstance(v, values.Decimal):
        return values.decimal_as_fraction(v)
    if isinstance(v, values.Integer):
        return int(v.value)
    return v


# ---- measuring -----------------------------------------------------------------------------------


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """CPU seconds of this process, best of ``repeat``: steady on a shared machine, and one core is the target.

    The garbage collector is off while timing, as in timeit: its passes grow with everything alive in the
    process (here: the generated cases), which would blur the code being compared.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        finally:
            gc.enable()
    return min(times)


def uniform_cases(reg: Any, n: int, seed: int) -> list[dict[str, Any]]:
    """Every declared value equally likely (all profiles, every leveringsvorm): most cases are refused early,
    where the oracle is cheapest, so this is the harder ratio."""
    rnd = random.Random(seed)
    enum = {name: reg.enums[f.type.enum].values for name, f in reg.facts.items() if f.type.kind == "enum"}
    peil = values.date_of_text("2026-06-01")
    out = []
    for _ in range(n):
        f: dict[str, Any] = {name: rnd.choice(vals) for name, vals in enum.items()}
        f.update(peildatum=peil, leeftijd=values.integer(rnd.randint(0, 100)),
                 best_passend_zorgprofiel=rnd.random() < 0.5, bijzondere_zorgbehoefte=rnd.random() < 0.5,
                 uren_zorg_per_week=values.decimal_of_text(str(rnd.randint(0, 320) / 4)),
                 uren_toezicht_per_week=values.decimal_of_text(str(rnd.randint(0, 160) / 4)))
        out.append(f)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100_000, help="generated cases for the evaluation benchmark")
    p.add_argument("--impact-n", type=int, default=1_000_000, help="clients for the impact benchmark")
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    rows: list[tuple[str, str, str, str]] = []

    # 2. Parse + check (first, so the grammar is built in this measurement as in a fresh `meerzorg check`).
    from meerzorg_law.semantics.pipeline import load_bundle

    t = time.process_time()
    bundle = load_bundle(ROOT / "regeling")
    cold = time.process_time() - t
    warm = best_of(3, lambda: load_bundle(ROOT / "regeling"))
    status = "" if bundle.ok else f" (regeling heeft {len(bundle.diagnostics)} fout(en))"
    rows.append(("parse + check regeling/ (eerste keer)", "< 0,3 s", f"{cold:.3f} s{status}", f"{cold / 0.3:.2f}"))
    rows.append(("parse + check regeling/ (daarna)", "< 0,3 s", f"{warm:.3f} s", f"{warm / 0.3:.2f}"))

    # 1. Evaluation against the oracle, on two sets of generated cases.
    from meerzorg_law.impact.population import Population

    reg = load_bundle(ROOT / "regeling" / "rlz-2026.rgl").versions["rlz-2026"]
    decision = compile_regeling(reg)
    population = Population(args.n, args.seed)
    names = list(reg.outcomes)
    reasons: dict[str, int] = {}
    for label, cases in (("impactpopulatie", [population.facts(c) for c in population]),
                         ("uniform", uniform_cases(reg, args.n, args.seed))):
        plain = [{k: _plain(v) for k, v in f.items()} for f in cases]
        t_eval = best_of(3, lambda cases=cases: [evaluate(decision, f) for f in cases])  # type: ignore[misc]
        t_decide = best_of(3, lambda cases=cases: [decision.decide(f) for f in cases])  # type: ignore[misc]
        t_oracle = best_of(3, lambda plain=plain: [oracle(f) for f in plain])  # type: ignore[misc]
        for f, facts in zip(plain, cases, strict=True):
            got = decision.decide(facts)
            have, want = {k: _plain(got[k]) for k in names}, oracle(f)
            if have != want:
                print(f"VERSCHIL met het orakel voor {f}:\n  gecompileerd {have}\n  orakel       {want}",
                      file=sys.stderr)
                return 1
            if label == "impactpopulatie":
                reasons[str(got["reden"])] = reasons.get(str(got["reden"]), 0) + 1
        per = 1e6 / args.n
        rows.append((f"orakel (gewoon Python, Fraction), {label}, per casus", "-", f"{t_oracle * per:.2f} µs", "1"))
        rows.append((f"gecompileerd via evaluate(), {label}", "<= 3x orakel", f"{t_eval * per:.2f} µs",
                     f"{t_eval / t_oracle:.2f}"))
        rows.append((f"gecompileerd via Decision.decide(), {label}", "<= 3x orakel", f"{t_decide * per:.2f} µs",
                     f"{t_decide / t_oracle:.2f}"))

    # 3. The case suite, every version: load (parse, check, read cases), compile, run.
    from meerzorg_law.cases.project import load_project
    from meerzorg_law.cases.run import run_cases

    def suite() -> tuple[int, int]:
        project = load_project()
        results = run_cases(project.bundle.versions, project.cases, project.bundle.in_force)
        return len(results), sum(r.ok for r in results)

    t = time.process_time()
    ran, passed = suite()
    t_suite = time.process_time() - t
    rows.append((f"casussuite, alle versies ({ran} runs, {passed} geslaagd)", "< 2 s", f"{t_suite:.3f} s",
                 f"{t_suite / 2:.2f}"))

    # 4. Impact.
    from meerzorg_law.impact.report import impact_report

    versions = dict(bundle.versions)
    new = "rlz-2027" if "rlz-2027" in versions else None
    if new is None:
        versions.update(load_bundle(ROOT / "regeling" / "rlz-2026.rgl", ROOT / "tests" / "impact" / "data").versions)
        new = "rlz-2026-zonder-toezicht"
    t = time.process_time()
    report = impact_report(versions["rlz-2026"], versions[new], Population(args.impact_n, args.seed))
    t_impact = time.process_time() - t
    rows.append((f"impact rlz-2026 -> {new}, {args.impact_n:,} cliënten ({report.combinaties:,} combinaties)",
                 "< 60 s", f"{t_impact:.1f} s ({args.impact_n / t_impact:,.0f} cliënten/s)", f"{t_impact / 60:.2f}"))

    print(f"Python {platform.python_version()} op {platform.machine()}; CPU-tijd van dit ene proces; seed {args.seed}")
    print(f"Redenen in de impactpopulatie: {dict(sorted(reasons.items(), key=lambda x: -x[1]))}")
    print(f"Alle 2 x {args.n:,} gegenereerde casussen gelijk aan het orakel.\n")
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("meting", "doel", "gemeten", "verhouding (gemeten / doel of orakel)")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
