"""Scale of ``meerzorg check``: a generated regeling of N artikelen (by hand: python benchmarks/bench_schaal.py).

The regeling is written into a temporary folder, never committed: ``--artikelen`` artikelen (default 15,000,
about 5 MB), each with a lid whose rule sets one of ``--uitkomsten`` outcomes when a fact takes the artikel's
own value, so that every outcome has many rules of equal rank (the shape that made the proofs grow with n²).
Prints, per phase, the CPU time (parse + check + lowering, and the proofs), and the ratio to the target of
one minute in all. ``--profiel`` prints the 15 costliest functions of each phase (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOEL = 60.0


def regeling(artikelen: int, uitkomsten: int) -> str:
    """The text of the generated regeling."""
    kop = ['regeling "Schaalproef (gegenereerd)"', "versie s-1", "geldig vanaf 2026-01-01", "gegevens",
           f"  invoer code: geheel getal van 0 tot en met {artikelen}",
           "  invoer uren: decimaal van 0 tot en met 168"]
    kop += [f"  uitkomst u{k}: decimaal standaard 0" for k in range(uitkomsten)]
    delen = ["\n".join(kop)]
    for i in range(1, artikelen + 1):
        delen.append(f'artikel {i} "Bepaling {i}"\n  lid 1\n'
                     f'    tekst "Is de code {i}, dan is de uitkomst {i % uitkomsten} gelijk aan de uren maal {i}; '
                     'deze tekst is er om de regeling de omvang van een echte te geven, met een zin die lang genoeg '
                     'is om op meer dan een regel te staan en die een jurist zou kunnen schrijven."\n'
                     f"    regel: u{i % uitkomsten} is uren * {i} indien code = {i}")
    return "\n".join(delen) + "\n"


def _meet(naam: str, stap: Callable[[], Any], profiel: bool) -> tuple[Any, float]:
    prof = cProfile.Profile() if profiel else None
    start = time.process_time()
    if prof is not None:
        prof.enable()
    uit = stap()
    if prof is not None:
        prof.disable()
    cpu = time.process_time() - start
    print(f"{naam}: {cpu:.1f} s CPU", flush=True)
    if prof is not None:
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(15)
        print(buf.getvalue())
    return uit, cpu


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--artikelen", type=int, default=15_000)
    p.add_argument("--uitkomsten", type=int, default=50)
    p.add_argument("--profiel", action="store_true")
    args = p.parse_args()
    from meerzorg_law.semantics.pipeline import load_bundle
    from meerzorg_law.verify.report import verify_versions

    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "schaal.rgl"
        pad.write_text(regeling(args.artikelen, args.uitkomsten), encoding="utf-8")
        print(f"{args.artikelen} artikelen, {args.uitkomsten} uitkomsten, {pad.stat().st_size / 1e6:.1f} MB")
        bundle, voor = _meet("voorkant (lezen, controleren, IR)", lambda: load_bundle(pad), args.profiel)
        if not bundle.ok:
            print(bundle.diagnostics[:3], file=sys.stderr)
            return 1
        findings, bewijs = _meet("bewijzen (V001-V004)", lambda: verify_versions(bundle.versions), args.profiel)
        print(f"bevindingen: {len(findings)}")
    totaal = voor + bewijs
    print(f"totaal {totaal:.1f} s CPU; doel {DOEL:.0f} s: {totaal / DOEL:.2f} x het doel")
    return 0


if __name__ == "__main__":
    sys.exit(main())
