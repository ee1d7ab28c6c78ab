"""``meerzorg impact``: a synthetic population through two versions; who gets another outcome."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from ._common import EXIT_INPUT, EXIT_OK, checked_bundle, fout, print_json


def add_parser(sub: Any) -> None:
    s = sub.add_parser("impact", help="een synthetische populatie door twee versies: wie krijgt een andere uitkomst")
    s.add_argument("basis", help="de oude versie, bijvoorbeeld rlz-2026")
    s.add_argument("nieuw", help="de nieuwe versie, bijvoorbeeld rlz-2027")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen (standaard: de meegeleverde regeling/)")
    s.add_argument("--n", type=int, default=10_000, help="aantal cliënten (standaard 10.000)")
    s.add_argument("--seed", type=int, default=2026, help="seed van de populatie (standaard 2026)")
    s.add_argument("--csv", metavar="BESTAND", help="schrijf de tabellen ook als CSV naar dit bestand")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..impact.population import Population
    from ..impact.report import impact_report
    from ..render.impact import impact_csv, impact_json, impact_text

    bundle = checked_bundle(args, args.basis, args.nieuw)
    if bundle is None:
        return EXIT_INPUT
    if args.n < 1:
        fout("--n moet ten minste 1 zijn")
        return EXIT_INPUT
    population = Population(args.n, args.seed)
    with _voortgang(args.n, f"{args.basis} en {args.nieuw}") as advance:
        report = impact_report(bundle.versions[args.basis], bundle.versions[args.nieuw], population, advance)
    if args.csv:
        with open(args.csv, "w", encoding="utf-8", newline="") as out:
            impact_csv(report, out)
    if args.json:
        print_json(impact_json(report))
    else:
        print(impact_text(report))
    return EXIT_OK


@contextlib.contextmanager
def _voortgang(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for long runs (rich draws it only on a terminal); yields advance(k)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(TextColumn("cliënten door {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console, transient=True,
                  disable=total < 50_000 or not console.is_terminal) as bar:
        task = bar.add_task(what, total=total)
        yield lambda k: bar.advance(task, k)
