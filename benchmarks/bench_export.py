"""``meerzorg export rlz-2027 --geen-pdf`` and ``--formaat akn``: CPU seconds of a fresh process (the children's
rusage), wall clock beside it, medians of ``--repeat`` runs, against the target of 2 s CPU.

    python benchmarks/bench_export.py [--repeat 3]

Then, in-process, where the time goes: loading the bundle and cases, building the document model, laying out
the two .docx files, the comparison of the cases (profile first, then optimise: in the version before the
document model, python-docx's ``table.cell(i, j)``, which walks the whole table on every call, took 6 of 8 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DOEL = 2.0


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


_PYC = tempfile.mkdtemp(prefix="meerzorg-pyc-")


def _env() -> dict[str, str]:
    """With bytecode, as an installed package runs (not compiling every module again when the shell has
    PYTHONDONTWRITEBYTECODE set); the first, unmeasured run fills the temporary PYTHONPYCACHEPREFIX."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONPYCACHEPREFIX": _PYC}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(args: list[str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as uit:
        cpu, wall = _child_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "meerzorg_law", *args, "--uit", uit], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT, env=_env())
        return _child_cpu() - cpu, time.perf_counter() - wall


def _stages() -> list[tuple[str, float]]:
    from meerzorg_law.cases.project import bundled_paths, load_project
    from meerzorg_law.document import build_act, build_amendment
    from meerzorg_law.export.docx import DocxFormat
    from meerzorg_law.export.write import vergelijking_rijen
    from meerzorg_law.syntax import ast

    out: list[tuple[str, float]] = []
    t = time.process_time()
    regeling, casussen = bundled_paths()
    project = load_project(regeling, [casussen])
    b = project.bundle
    out.append(("bundel en casussen laden", time.process_time() - t))
    t = time.process_time()
    doc = b.documents["rlz-2027"]
    assert isinstance(doc, ast.Wijzigingsregeling)
    amendment = build_amendment(doc, b.consolidated, b.bronnen)
    act = build_act("rlz-2027", b.consolidated, b.bronnen, "rlz-2026")
    out.append(("documentmodel bouwen", time.process_time() - t))
    t = time.process_time()
    DocxFormat().render(amendment)
    DocxFormat(renvooi=True).render(act)
    out.append(("twee .docx opmaken", time.process_time() - t))
    t = time.process_time()
    vergelijking_rijen(b, project.cases, "rlz-2027")
    out.append(("casussen vergelijken", time.process_time() - t))
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    for naam, args in (("export rlz-2027 --geen-pdf", ["export", "rlz-2027", "--geen-pdf"]),
                       ("export rlz-2027 --formaat akn", ["export", "rlz-2027", "--formaat", "akn"])):
        _run(args)  # bytecode and the regeling's cache, as after installing and a first command
        runs = [_run(args) for _ in range(a.repeat)]
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"{naam:32} {cpu:6.2f} s CPU  {wall:6.2f} s wall  CPU/doel {cpu / DOEL:5.2f} "
              f"({'gehaald' if cpu < DOEL else 'NIET gehaald'}: < {DOEL:.0f} s CPU)")
    print("\nWaar de tijd heen gaat (in één proces, CPU):")
    for naam, s in _stages():
        print(f"  {naam:28} {s:6.2f} s")


if __name__ == "__main__":
    main()
