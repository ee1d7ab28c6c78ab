"""The rekenhulp's generated JavaScript, measured; run by hand: python benchmarks/bench_rekenhulp.py

Prints the size of the generated file and, for the case files repeated to about 50,000 (version, case) runs,
the time of the one Node process that decides them all (what tests/javascript does) against the per-case engine
deciding the same runs outcome by outcome (as the differential test asks it), as a ratio.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.javascript.helpers import engine, in_node

from meerzorg_law.cases.project import load_project
from meerzorg_law.javascript import programma


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    project = load_project()
    versions = dict(project.bundle.versions)
    program = programma(versions)
    print(f"gegenereerd JavaScript: {len(program.encode()) / 1024:.0f} KiB voor {len(versions)} versies")
    cases = [c.feiten for c in project.cases]
    runs = [(vid, facts) for _ in range(max(1, 50_000 // (len(cases) * len(versions))))
            for facts in cases for vid in versions]
    with tempfile.TemporaryDirectory() as work:
        cpu0, t0 = _cpu_children(), time.perf_counter()
        got = in_node(program, Path(work), runs)
        t_node, cpu_node = time.perf_counter() - t0, _cpu_children() - cpu0
    assert len(got) == len(runs)
    t0, c0 = time.perf_counter(), time.process_time()
    for vid, facts in runs:
        engine(versions[vid], facts)
    t_engine, cpu_engine = time.perf_counter() - t0, time.process_time() - c0
    n = len(runs)
    # CPU time is what a shared machine's load does not inflate; the ratio uses it, wall clock is shown too.
    print(f"{n} runs: node {cpu_node:.2f} s cpu ({t_node:.2f} s wall, {cpu_node / n * 1e6:.1f} µs cpu per run, "
          f"opstart inbegrepen); engine per uitkomst {cpu_engine:.2f} s cpu ({t_engine:.2f} s wall, "
          f"{cpu_engine / n * 1e6:.1f} µs per run); verhouding node/engine (cpu) {cpu_node / cpu_engine:.2f}")


if __name__ == "__main__":
    main()
