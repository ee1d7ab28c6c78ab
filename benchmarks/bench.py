"""The performance targets, measured in one run: figures, ratios, and whether each target is met.

    python benchmarks/bench.py            # the targets (1.000.000 clients), medians of 3
    python benchmarks/bench.py --quick    # agreement only (what CI runs through tests/test_bench.py)
    python benchmarks/bench.py --long     # also 10.000.000 clients through `meerzorg impact`, peak memory

Every time is given twice: wall clock (what the targets speak of) and CPU seconds of the process
(time.process_time, or the children's rusage for subprocesses), because the machine is shared while measuring
and wall clock then includes waiting for a core. Medians of ``--repeat`` runs.

1. Columnar: rlz-2026 and rlz-2027 over the same drawn population by the columnar engine
   (``evaluate_columns``) and by ``numpy_rules.py`` (written by hand: the physical limit); every outcome of
   every client must agree exactly. Ratio columnar / numpy.
2. Impact: ``impact_report`` for 1M clients through both versions, the draw included. Target < 2 s wall.
3. Per case: ``evaluate()`` and ``Decision.decide()`` of rlz-2026 against ``oracle``, a plain-Python function of
   the same rules with exact Fractions, on the same clients. Target <= 2x the oracle.
4. Command line, fresh processes: ``meerzorg --help`` < 0,15 s, ``meerzorg check`` < 0,3 s (after a first run
   has filled Lark's cache), ``meerzorg test`` (all bundled case files) < 1 s.
5. --long: ``meerzorg impact rlz-2026 rlz-2027 --n 10000000 --json`` in a subprocess, its peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from numpy_rules import GRONDSLAGEN, REDENEN, RULES  # noqa: E402

from meerzorg_law import values  # noqa: E402
from meerzorg_law.columnar import Columns, evaluate_columns, row_facts  # noqa: E402
from meerzorg_law.engine.compile import compile_regeling  # noqa: E402
from meerzorg_law.engine.evaluate import evaluate  # noqa: E402
from meerzorg_law.impact.assumptions import load_assumptions  # noqa: E402
from meerzorg_law.impact.population import Population  # noqa: E402
from meerzorg_law.impact.report import impact_report  # noqa: E402
from meerzorg_law.semantics.pipeline import load_bundle  # noqa: E402

VERSIONS = ("rlz-2026", "rlz-2027")
MEERZORG = os.path.join(os.path.dirname(sys.executable), "meerzorg")

# ---- the per-case oracle: rlz-2026 by hand, plain Python --------------------------------------------------
MET_STER = {"VV7", "VV8", "VG5", "VG7", "VG8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7", "ZGaud3", "ZGvis5",
            "GGZ6B", "GGZ7B"}
# "Uren uit 2012 (UU:MM)" of the rekentool 2026, as hours: LG5 26:05 is 26 1/12 hours.
BEKOSTIGINGSUREN = {p: Fraction(int(h)) + Fraction(int(m), 60) for p, (h, m) in (
    (p, t.split(":")) for p, t in {
        "VV7": "22:15", "VV8": "27:00", "VG5": "24:30", "VG7": "33:45", "VG8": "29:00", "LVG4": "30:00",
        "LVG5": "30:00", "SGLVG1": "39:30", "LG5": "26:05", "LG6": "28:30", "LG7": "30:15", "ZGaud3": "45:00",
        "ZGvis5": "31:45", "GGZ6B": "25:00", "GGZ7B": "36:00", "GGZ4W": "25:00", "GGZ5W": "36:00"}.items())}
ZONDER_PGB = {"VV9b", "LVG3", "LVG4", "LVG5", "SGLVG1"}
DREMPEL = Fraction(5, 4)


def oracle(f: dict[str, Any]) -> dict[str, Any]:
    """rlz-2026 for one case of plain Python values (hours as Fractions)."""
    profiel = f["zorgprofiel"]
    meerzorgprofiel = profiel in MET_STER or profiel in ("GGZ4W", "GGZ5W")
    geen_pgb = f["leveringsvorm"] == "pgb" and (profiel in ZONDER_PGB or profiel == "GGZ5W")
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
    if isinstance(v, values.Decimal):
        return values.decimal_as_fraction(v)
    if isinstance(v, values.Integer):
        return int(v.value)
    if isinstance(v, values.Uren):
        return values.uren_as_fraction(v)
    return v


# ---- measuring --------------------------------------------------------------------------------------------
def timed(repeat: int, fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds, medians of ``repeat`` runs; the collector is off while timing, as in timeit."""
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            w, c = time.perf_counter(), time.process_time()
            fn()
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        finally:
            gc.enable()
    return statistics.median(walls), statistics.median(cpus)


def timed_command(repeat: int, *argv: str) -> tuple[float, float, int]:
    """(wall, CPU, peak RSS in KiB) of a fresh process, medians; os.wait4 gives that one child's own usage."""
    walls, cpus, peaks = [], [], []
    for _ in range(repeat):
        w = time.perf_counter()
        child = subprocess.Popen([MEERZORG, *argv], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        walls.append(time.perf_counter() - w)
        assert child.returncode == 0, f"meerzorg {' '.join(argv)}: exitcode {child.returncode}"
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def _agree(versie: str, reg: Any, cols: Columns) -> int:
    """Every client's outcomes by the columnar engine == by the hand-written numpy rules; returns clients."""
    got, want = evaluate_columns(reg, cols), RULES[versie](cols)
    assert (got.fout < 0).all(), f"{versie} kon niet alle cliënten beslissen"
    for name, expected in want.items():
        col = got.columns.data[name]
        if name in ("grondslag", "reden"):
            names = GRONDSLAGEN if name == "grondslag" else REDENEN
            col = np.array([names.index(c) for c in got.columns.categories[name]])[col]
        if name == "meerzorg_uren_per_week" and name in got.columns.scales:  # a decimaal outcome: in seconds
            col = col * 3600 // 10 ** got.columns.scale(name)
        bad = np.flatnonzero(np.asarray(col) != expected)
        assert not len(bad), (f"{versie}, {name} verschilt voor {len(bad)} cliënten, bv. "
                              f"{row_facts(reg, cols, int(bad[0]))}: {col[bad[0]]} != {expected[bad[0]]}")
    return cols.n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--n", type=int, default=1_000_000, help="clients for the columnar and impact measurements")
    p.add_argument("--per-case", type=int, default=100_000, help="cases for the per-case measurement")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--quick", action="store_true", help="agreement only, small, no timing (CI)")
    p.add_argument("--long", action="store_true", help="also 10M clients through meerzorg impact, peak memory")
    args = p.parse_args(argv)
    if args.quick:
        args.n, args.per_case, args.repeat = 30_000, 3_000, 1
    bundle = load_bundle(ROOT / "regeling")
    assert bundle.ok, bundle.diagnostics
    regs = {v: bundle.versions[v] for v in VERSIONS}
    assumptions = load_assumptions(ROOT / "regeling" / "populatie.toml")
    frames = {v: assumptions.frame(v, {v: regs[v].basis})[1] for v in VERSIONS}

    def population(n: int) -> Population:
        return Population(n, args.seed, assumptions, regs["rlz-2026"], regs["rlz-2027"])

    drawn = list(population(args.n).chunks())
    chunks = {v: [c.for_version(frames[v]) for c in drawn] for v in VERSIONS}
    agreed = sum(_agree(v, regs[v], cols) for v in VERSIONS for cols in chunks[v])
    # The per-case oracle against the compiled decision, on the first clients of the same population.
    decision = compile_regeling(regs["rlz-2026"])
    first = chunks["rlz-2026"][0]
    cases = [row_facts(regs["rlz-2026"], first, i) for i in range(min(args.per_case, first.n))]
    plain = [{k: _plain(v) for k, v in f.items()} for f in cases]
    for f, facts in zip(plain, cases, strict=True):
        have = {k: _plain(v) for k, v in decision.decide(facts).items()}
        assert have == oracle(f), f"het orakel verschilt voor {f}: {have} != {oracle(f)}"
    print(f"Overeenstemming: {agreed:,} cliëntversies kolomsgewijs == numpy met de hand; {len(cases):,} casussen "
          "per casus == orakel.".replace(",", "."))
    if args.quick:
        return 0

    rows: list[tuple[str, str, str, str]] = []

    def row(what: str, target: str, wall: float, cpu: float, ratio: str) -> None:
        rows.append((what, target, f"{wall:.3f} s wall, {cpu:.3f} s CPU", ratio))

    n = f"{args.n:,}".replace(",", ".")
    t_draw = timed(args.repeat, lambda: list(population(args.n).chunks()))
    t_numpy = timed(args.repeat, lambda: [RULES[v](c) for v in VERSIONS for c in chunks[v]])
    t_col = timed(args.repeat, lambda: [evaluate_columns(regs[v], c) for v in VERSIONS for c in chunks[v]])
    row(f"trekken populatie, {n} cliënten", "-", *t_draw, "")
    row(f"numpy met de hand, 2 versies, {n}", "grens", *t_numpy, "1")
    row(f"kolomsgewijs (evaluate_columns), 2 versies, {n}", "<= 30x numpy", *t_col,
        f"{t_col[1] / t_numpy[1]:.1f}x numpy (CPU)")
    t_imp = timed(args.repeat, lambda: impact_report(regs["rlz-2026"], regs["rlz-2027"], population(args.n)))
    row(f"impact rlz-2026 -> rlz-2027, {n}, met trekken", "< 2 s wall", *t_imp,
        f"{'gehaald' if t_imp[0] < 2 else 'NIET gehaald'}; {t_imp[1] / (t_numpy[1] + t_draw[1]):.1f}x numpy+trekken")
    t_or = timed(args.repeat, lambda: [oracle(f) for f in plain])
    t_ev = timed(args.repeat, lambda: [evaluate(decision, f) for f in cases])
    t_de = timed(args.repeat, lambda: [decision.decide(f) for f in cases])
    per = 1e6 / len(cases)
    rows.append((f"orakel (gewoon Python), per casus ({len(cases):_})".replace("_", "."), "-",
                 f"{t_or[1] * per:.2f} µs CPU", "1"))
    for label, t in (("evaluate()", t_ev), ("Decision.decide()", t_de)):
        ratio = t[1] / t_or[1]
        rows.append((f"{label} per casus", "<= 2x orakel", f"{t[1] * per:.2f} µs CPU",
                     f"{ratio:.2f}x ({'gehaald' if ratio <= 2 else 'NIET gehaald'})"))
    subprocess.run([MEERZORG, "check"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fill caches
    for argv_, target, limit in ((("--help",), "< 0,15 s", 0.15), (("--version",), "< 0,15 s", 0.15),
                                 (("check",), "< 0,3 s", 0.3), (("test",), "< 1 s", 1.0)):
        wall, cpu, _ = timed_command(args.repeat, *argv_)
        row(f"meerzorg {' '.join(argv_)} (vers proces)", target, wall, cpu,
            "gehaald" if wall < limit else ("NIET gehaald" + (" (CPU wel)" if cpu < limit else "")))
    if args.long:
        wall, cpu, rss = timed_command(1, "impact", "rlz-2026", "rlz-2027", "--n", "10000000", "--json")
        rows.append(("meerzorg impact, 10.000.000 cliënten (lang)", "< 1 GB geheugen",
                     f"{wall:.1f} s wall, {cpu:.1f} s CPU, piek {rss / 1024:.0f} MiB",
                     "gehaald" if rss < 1024 * 1024 else "NIET gehaald"))
    cpu_model = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                      if ln.startswith("model name")), platform.processor())
    print(f"Machine: {os.cpu_count()} cores ({cpu_model}), Python {platform.python_version()}, numpy "
          f"{np.__version__}; medianen van {args.repeat}; seed {args.seed}; de machine wordt gedeeld, dus naast de "
          "wandkloktijd ook de CPU-tijd.\n")
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("meting", "doel", "gemeten", "verhouding / doel")
    for r in [header, tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
