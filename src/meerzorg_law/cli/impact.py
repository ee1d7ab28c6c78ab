"""``meerzorg impact``: a synthetic population through two versions; who gets another outcome."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .. import ir
    from ..impact.assumptions import Assumptions

from ._common import EXIT_INPUT, EXIT_OK, INVOER, INVOERBESTAND, UITVOERBESTAND, checked_bundle, fout, print_json

MAX_N = 100_000_000  # clients; memory stays bounded (chunks), this bounds the time a typo can cost


def add_parser(sub: Any) -> None:
    s = sub.add_parser("impact", help="een synthetische populatie door twee versies: wie krijgt een andere uitkomst")
    s.add_argument("basis", help="de oude versie, bijvoorbeeld rlz-2026")
    s.add_argument("nieuw", help="de nieuwe versie, bijvoorbeeld rlz-2027")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen (standaard: de meegeleverde regeling/)",
                   pad=INVOER)
    s.add_argument("--n", type=int, default=10_000, help="aantal cliënten (standaard 10.000)")
    s.add_argument("--seed", type=int, default=2026, help="seed van de populatie (standaard 2026)")
    s.add_argument("--populatie", metavar="BESTAND", pad=INVOERBESTAND,
                   help="aannames van de populatie (standaard: populatie.toml bij de regeling)")
    s.add_argument("--gevoeligheid", action="store_true",
                   help="reken ook met het lage en hoge aandeel bijzondere zorgbehoefte uit het populatiebestand")
    s.add_argument("--standaard", action="store_true",
                   help="een feit zonder sectie in het populatiebestand krijgt de standaardverdeling (anders een fout)")
    s.add_argument("--csv", metavar="BESTAND", help="schrijf de tabellen ook als CSV naar dit bestand",
                   pad=UITVOERBESTAND)
    s.add_argument("--json", action="store_true")
    s.add_argument("--verbose", action="store_true",
                   help="meld welke cliënten per casus zijn beslist en welke regels niet zijn gevectoriseerd")
    s.add_argument("--overschrijven", action="store_true",
                   help="ook bestanden vervangen die niet door meerzorg zijn geschreven of sindsdien zijn gewijzigd")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..impact.assumptions import PopulatieFout, load_assumptions
    from ..impact.population import Population
    from ..impact.report import impact_report
    from ..output import OutputError, check_writable
    from ..render.impact import impact_csv, impact_json, impact_text, impact_verbose
    from ..uitvoermap import eigen_bestand, eigen_schrijver

    if not 1 <= args.n <= MAX_N:
        fout(f"--n moet van 1 tot en met {MAX_N:,} zijn".replace(",", "."))
        return EXIT_INPUT
    _geheugen_houden()
    if args.csv:
        check_writable(args.csv)  # refuse a bad --csv before the work, not after it
        if not args.overschrijven and not eigen_bestand(Path(args.csv)):
            raise OutputError(f"niets geschreven: '{args.csv}' is niet door meerzorg geschreven of sindsdien "
                              "gewijzigd; kies een andere naam of geef --overschrijven")
    bundle = checked_bundle(args, args.basis, args.nieuw)
    if bundle is None:
        return EXIT_INPUT
    basis, nieuw = bundle.versions[args.basis], bundle.versions[args.nieuw]
    try:
        assumptions = load_assumptions(args.populatie or _default_assumptions(args))
        _tegen_regeling(assumptions, basis)
        bekend = {name for r in bundle.versions.values() for name in r.facts}
        population = Population(args.n, args.seed, assumptions, basis, nieuw, args.standaard, bekend)
        with _voortgang(args.n, f"{args.basis} en {args.nieuw}", not args.json) as advance:
            report = impact_report(basis, nieuw, population, advance, args.gevoeligheid)
    except PopulatieFout as e:
        fout(str(e))
        return EXIT_INPUT
    if args.csv:
        with eigen_schrijver(args.csv, args.overschrijven, newline="") as out:
            impact_csv(report, out)
    if args.json:
        print_json(impact_json(report))
    else:
        print(impact_text(report))
    if args.verbose:
        print(impact_verbose(report), file=sys.stderr)
    return EXIT_OK


# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def _geheugen_houden() -> None:
    """Let this process keep the memory it frees while the command runs (glibc; elsewhere nothing changes).

    The draw, the columnar engine and the report make and drop arrays of 0,5-2 MiB, chunk after chunk. By
    default glibc maps such an array afresh from the system and hands the heap's free top back, so the next
    array is paged in again, a fault per 4 KiB (about 5 us each on the development machine): for a million
    clients some 9.000 faults more. The peak stays that of one chunk (the work is done chunk by chunk)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # numpy has loaded it already

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt(_M_MMAP_THRESHOLD, 32 << 20)  # arrays up to 32 MiB from the heap, not each from the system
    mallopt(_M_TRIM_THRESHOLD, 1 << 30)  # and the heap's free top not given back


def _default_assumptions(args: argparse.Namespace) -> Path:
    """``populatie.toml`` beside the regeling given, else the bundled one."""
    from ..cases.project import bundled_paths

    for given in [*(args.paden or []), args.regeling]:
        if given:
            folder = Path(given) if Path(given).is_dir() else Path(given).parent
            if (folder / "populatie.toml").is_file():
                return folder / "populatie.toml"
    return bundled_paths()[0] / "populatie.toml"


@contextlib.contextmanager
def _voortgang(total: int, what: str, allowed: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only on a terminal (not with --json, not when piped); yields advance(k)."""
    if not allowed or total < 1_000_000 or not (sys.stderr.isatty() and sys.stdout.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("cliënten door {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda k: bar.advance(task, k)


def _tegen_regeling(assumptions: Assumptions, basis: ir.Regeling) -> None:
    """The checks of the population file that need the regeling (a table named in [uren], the age range)."""
    from ..impact.assumptions import PopulatieFout
    from ..impact.tegen_regeling import controleer_tegen_regeling
    from ..tomlinvoer import InvoerFout

    try:
        controleer_tegen_regeling(assumptions.data, assumptions.text, assumptions.path, basis)
    except InvoerFout as e:
        raise PopulatieFout(str(e)) from None
