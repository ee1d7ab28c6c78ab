"""Build times and size of the explainer site: a full build, a rebuild with nothing changed, a rebuild after one
changed case file and after one changed provision, and the size of the published folder.

Run by hand (``python benchmarks/bench_docs.py``; with ``--profiel`` each rebuild after a change runs under
cProfile and its 15 most expensive functions, by cumulative time, are printed after the table); it works on a
copy of ``docs/``, ``regeling/`` and ``tests/casussen/`` in a temporary folder, so the tree is not touched.
Times are wall clock and CPU of this process (the build runs in-process, as ``meerzorg docs`` does); on a shared
machine the CPU time is the steadier figure. The target for a rebuild after one change is under 3 s.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from meerzorg_law.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOEL = 3.0


def _kopie(doel: Path) -> Path:
    for rel in ("docs", "regeling", "tests/casussen"):
        shutil.copytree(ROOT / rel, doel / rel, ignore=shutil.ignore_patterns("_build", "_generated", "*.mo"))
    return doel / "docs"


PROFIELEN: list[tuple[str, cProfile.Profile]] = []


def _bouw(bron: Path, uit: Path, *extra: str, profiel: str = "") -> tuple[float, float]:
    """One ``meerzorg docs`` run: (wall seconds, CPU seconds); exits if the build fails. With ``profiel`` (a row
    name) the run is profiled and kept for the report."""
    prof = cProfile.Profile() if profiel else None
    t0, c0 = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        if prof is not None:
            prof.enable()
        status = main(["docs", "--bron", str(bron), "--uit", str(uit), *extra])
        if prof is not None:
            prof.disable()
            PROFIELEN.append((profiel, prof))
    if status != 0:
        sys.exit(f"de site bouwt niet (status {status}); draai 'meerzorg docs' voor de waarschuwingen")
    return time.perf_counter() - t0, time.process_time() - c0


def _raak(path: Path, oud: str, nieuw: str) -> None:
    """Change a file as an editor would: other content (``oud`` becomes ``nieuw`` once), later modification time.
    A real change, not a comment: a page depends on what it shows, so a comment re-reads nothing but the file."""
    tekst = path.read_text(encoding="utf-8")
    if oud not in tekst:
        sys.exit(f"{path.name} bevat '{oud}' niet meer; kies een andere wijziging voor de meting")
    path.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def _meet(rijen: list[tuple[str, tuple[float, float]]], bron: Path, uit: Path, naam: str, profileer: bool) -> None:
    rijen.append((naam, _bouw(bron, uit, profiel=naam if profileer else "")))


def main_bench() -> None:
    profileer = "--profiel" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        bron = _kopie(Path(tmp))
        uit = Path(tmp) / "html"
        rijen = [("volledig", _bouw(bron, uit, "--opnieuw"))]
        rijen.append(("niets gewijzigd", _bouw(bron, uit)))
        casussen = Path(tmp) / "tests" / "casussen" / "rlz-2026-drempel.yaml"
        # The description of one case: shown on its file's page only.
        _raak(casussen, "omschrijving: Drempel 1,25", "omschrijving: De drempel is 1,25")
        _meet(rijen, bron, uit, "één casusbestand gewijzigd", profileer)
        # The name of one case: it shows on its file's page and on the artikel pages whose case tables show it (the
        # first rows of a provision's table; a case beyond them is only counted there).
        _raak(casussen, "naam: VG7 in een instelling, precies 25% boven", "naam: VG7 in een instelling, 25% boven")
        _meet(rijen, bron, uit, "één casusnaam gewijzigd", profileer)
        # The wording of one provision (a begripsomschrijving rlz-2027 inserts in artikel 1.1): its pages in the
        # versions that carry it, the versions' banners, the renvooi and the wijzigingsregeling that quote it.
        _raak(Path(tmp) / "regeling" / "rlz-2027.rgl", '"""de beschrijving van de doelgroep',
              '"""de omschrijving van de doelgroep')
        _meet(rijen, bron, uit, "één bepaling gewijzigd", profileer)
        grootte = sum(p.stat().st_size for p in uit.rglob("*") if p.is_file())
        volledig_cpu = rijen[0][1][1]
        print(f"{'bouw':<28} {'wand (s)':>9} {'cpu (s)':>8} {'cpu / volledig':>15}")
        for naam, (wand, cpu) in rijen:
            print(f"{naam:<28} {wand:>9.2f} {cpu:>8.2f} {cpu / volledig_cpu:>15.2f}")
        for naam, (_, cpu) in rijen[2:]:
            print(f"{naam}: cpu / doel {DOEL:.0f} s = {cpu / DOEL:.2f}")
        for naam, prof in PROFIELEN:
            print(f"\n== {naam}: de 15 duurste functies (cumulatief) ==")
            pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(15)
        print(f"site: {grootte / 1e6:.2f} MB ({grootte / 5e6:.2f} van de grens van 5 MB); "
              f".doctrees in de site: {(uit / '.doctrees').exists()}")


if __name__ == "__main__":
    main_bench()
