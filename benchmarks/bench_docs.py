"""Build times and size of the explainer site: a full build, a rebuild with nothing changed, a rebuild after one
changed case file and after one changed provision, and the size of the published folder.

Run by hand (``python benchmarks/bench_docs.py``; with ``--profiel`` each rebuild after a change runs under
cProfile and its 15 most expensive functions, by cumulative time, are printed after the table); it works on a
copy of ``docs/``, ``regeling/`` and ``tests/casussen/`` in a temporary folder, so the tree is not touched.

The same series of builds runs three times, each on its own copy: in this process (the build's own cost, wall
clock and CPU; what ``--profiel`` looks into); as the command a drafter types, ``meerzorg docs`` in a new process
each time (the build plus Python's start, the imports of Sphinx and the toolkit, and setting up Sphinx); and with
``meerzorg docs --volg`` left running, as a drafter works on the text, from saving the file until it says
"Opnieuw gebouwd" (the rebuild plus the watching and the wait for the files to be still). ``--alleen-volg`` runs
only the last. On a shared machine the CPU time is the steadier figure. The target for a rebuild after one
change is under 3 s.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


_OPDRACHT = "import sys; from meerzorg_law.cli import main; sys.exit(main(sys.argv[1:]))"


def _opdracht(bron: Path, uit: Path, *extra: str, profiel: str = "") -> tuple[float, float]:
    """``meerzorg docs`` as a command in a new process: (wall seconds, CPU seconds of the process)."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    klaar = subprocess.run([sys.executable, "-c", _OPDRACHT, "docs", "--bron", str(bron), "--uit", str(uit), *extra],
                           capture_output=True, text=True, check=False)
    wand = time.perf_counter() - t0
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    if klaar.returncode != 0:
        sys.exit(f"de site bouwt niet als opdracht (status {klaar.returncode}):\n{klaar.stderr[-2000:]}")
    return wand, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


def _cpu_van(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux: /proc; elsewhere nan)."""
    try:
        velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


class _Volg:
    """``meerzorg docs --volg`` in a process of its own, as a drafter leaves it running: after each change, the
    wall time from saving the file until it prints that it rebuilt (the watching and the waiting for the files to
    be still included), and the CPU it used meanwhile."""

    def __init__(self, bron: Path, uit: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", _OPDRACHT, "docs", "--bron", str(bron), "--uit",
                                      str(uit), "--volg"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, bufsize=1)
        self.eerste = self._wacht("Ik kijk naar")

    def _wacht(self, begin: str) -> tuple[float, float]:
        t0, c0 = time.perf_counter(), _cpu_van(self.proc.pid)
        assert self.proc.stdout is not None
        gelezen = []
        for regel in self.proc.stdout:
            gelezen.append(regel)
            if regel.startswith(begin):
                return time.perf_counter() - t0, _cpu_van(self.proc.pid) - c0
            if regel.startswith("De bouw mislukte"):
                break
        self.stop()
        sys.exit("meerzorg docs --volg bouwde niet:\n" + "".join(gelezen[-40:]))

    def na(self, wijzig: Callable[[], None]) -> tuple[float, float]:
        t0, c0 = time.perf_counter(), _cpu_van(self.proc.pid)
        wijzig()
        self._wacht("Opnieuw gebouwd")
        return time.perf_counter() - t0, _cpu_van(self.proc.pid) - c0

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _raak(path: Path, oud: str, nieuw: str) -> None:
    """Change a file as an editor would: other content (``oud`` becomes ``nieuw`` once), later modification time.
    A real change, not a comment: a page depends on what it shows, so a comment re-reads nothing but the file."""
    tekst = path.read_text(encoding="utf-8")
    if oud not in tekst:
        sys.exit(f"{path.name} bevat '{oud}' niet meer; kies een andere wijziging voor de meting")
    path.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


Bouw = Callable[..., tuple[float, float]]


def _wijzigingen(tmp: Path) -> list[tuple[str, str, Callable[[], None]]]:
    """The changes of a series, in order, on the copy in ``tmp``: (row name, profile name, the change)."""
    casussen = tmp / "tests" / "casussen" / "rlz-2026-drempel.yaml"
    return [
        # The description of one case: shown on its file's page only.
        ("één casusbestand gewijzigd", "één casusbestand",
         lambda: _raak(casussen, "omschrijving: Drempel 1,25", "omschrijving: De drempel is 1,25")),
        # The name of one case: it shows on its file's page and in the case tables of the artikel pages that show
        # it (those are written again with the name, not read again; a case beyond a table's first rows is only
        # counted).
        ("één casusnaam gewijzigd", "één casusnaam",
         lambda: _raak(casussen, "naam: VG7 in een instelling, precies 25% boven",
                       "naam: VG7 in een instelling, 25% boven")),
        # The wording of one provision (a begripsomschrijving rlz-2027 inserts in artikel 1.1): its pages in the
        # versions that carry it, the versions' banners, the renvooi and the wijzigingsregeling that quote it.
        ("één bepaling gewijzigd", "één bepaling",
         lambda: _raak(tmp / "regeling" / "rlz-2027.rgl", '"""de beschrijving van de doelgroep',
                       '"""de omschrijving van de doelgroep')),
    ]


def _reeks(tmp: Path, bouw: Bouw, profileer: bool) -> list[tuple[str, tuple[float, float]]]:
    """The series of builds on a fresh copy in ``tmp``: (row name, (wall, CPU)) per build."""
    bron = _kopie(tmp)
    uit = tmp / "html"
    rijen = [("volledig", bouw(bron, uit, "--opnieuw")), ("niets gewijzigd", bouw(bron, uit))]
    for naam, profiel, wijzig in _wijzigingen(tmp):
        wijzig()
        rijen.append((naam, bouw(bron, uit, profiel=profiel if profileer else "")))
    rijen.append(("grootte", (sum(p.stat().st_size for p in uit.rglob("*") if p.is_file()),
                              float((uit / ".doctrees").exists()))))
    return rijen


def _volg_reeks(tmp: Path) -> list[tuple[str, tuple[float, float]]]:
    """The same changes on a fresh copy, with ``meerzorg docs --volg`` running: from saving to rebuilt."""
    bron = _kopie(tmp)
    volg = _Volg(bron, tmp / "html")
    try:
        rijen = [("volledig", volg.eerste), ("niets gewijzigd", (float("nan"), float("nan")))]
        rijen += [(naam, volg.na(wijzig)) for naam, _, wijzig in _wijzigingen(tmp)]
    finally:
        volg.stop()
    return rijen


def _referentie() -> float:
    """CPU seconds of a fixed piece of plain Python in a new process (``bench_inner_loop.REFERENTIE``): how fast
    the shared machine is at the moment, to read the other figures by."""
    from bench_inner_loop import REFERENTIE

    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", REFERENTIE], check=True)
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


def main_bench() -> None:
    profileer = "--profiel" in sys.argv[1:]
    alleen_volg = "--alleen-volg" in sys.argv[1:]
    referentie = [_referentie()]
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b, tempfile.TemporaryDirectory() as c:
        volg = _volg_reeks(Path(c))
        leeg = [(naam, (float("nan"), float("nan"))) for naam, _ in volg] + [("grootte", (0.0, 0.0))]
        in_proces = leeg if alleen_volg else _reeks(Path(a), _bouw, profileer)
        opdracht = leeg if alleen_volg else _reeks(Path(b), _opdracht, False)
    referentie.append(_referentie())
    (_, (grootte, doctrees)), in_proces, opdracht = in_proces[-1], in_proces[:-1], opdracht[:-1]
    print(f"{'':<28} {'in dit proces':>27} {'als opdracht (meerzorg docs)':>30} {'met --volg: opslaan tot klaar':>31}")
    print(f"{'bouw':<28} {'wand (s)':>9} {'cpu (s)':>8} {'cpu/vol.':>8} {'wand (s)':>12} {'cpu (s)':>8} "
          f"{'wand/doel':>9} {'wand (s)':>12} {'cpu (s)':>8} {'wand/doel':>9}")
    for (naam, (wand, cpu)), (_, (o_wand, o_cpu)), (_, (v_wand, v_cpu)) in zip(in_proces, opdracht, volg,
                                                                               strict=True):
        herbouw = naam not in ("volledig", "niets gewijzigd")
        doel = f"{o_wand / DOEL:>9.2f}" if herbouw else f"{'':>9}"
        v_doel = f"{v_wand / DOEL:>9.2f}" if herbouw else f"{'':>9}"
        print(f"{naam:<28} {wand:>9.2f} {cpu:>8.2f} {cpu / in_proces[0][1][1]:>8.2f} {o_wand:>12.2f} {o_cpu:>8.2f} "
              f"{doel} {v_wand:>12.2f} {v_cpu:>8.2f} {v_doel}")
    print(f"doel voor een herbouw na één wijziging: onder {DOEL:.0f} s wand (wand/doel onder 1)")
    print(f"referentie (vast stuk Python, geen code van ons; voor en na): {referentie[0]:.2f} / {referentie[1]:.2f} s "
          "CPU")
    for naam, prof in PROFIELEN:
        print(f"\n== {naam}: de 15 duurste functies (cumulatief) ==")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(15)
    if not alleen_volg:
        # (The 5 MB held for 4 versions; the bound that grows with the bundle is GRENS in
        # tests/sphinxext/test_docs.py, with its history.)
        print(f"site: {grootte / 1e6:.2f} MB (bovengrens: GRENS in tests/sphinxext/test_docs.py); "
              f".doctrees in de site: {bool(doctrees)}")


if __name__ == "__main__":
    main_bench()
