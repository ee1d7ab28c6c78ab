"""The ``meerzorg`` command: parses arguments, calls the library, prints in Dutch, maps outcomes to exit codes.

Exit codes: 0 all well, 1 a case or property failed, 2 bad input (the regeling or a case file has errors,
or an output path cannot be written), 3 nothing wrong found but a proof was not decided within its time
budget (``--bewijstijd``), 130 interrupted by Ctrl-C (the shell's convention for SIGINT).
One module per subcommand, each with ``add_parser(sub)`` and ``run(args)``; a subcommand imports the
library only inside ``run``, so ``meerzorg --help`` loads no engine.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import check, docs, eigenschappen, export, impact, nieuw, test, uitleg, vergelijk, wijziging
from ._common import EXIT_INPUT, EXIT_OK, INVOER, PADSOORTEN, PadFout, VeiligeUitvoer, controleer_paden, fout
from ._dutch import geheel_getal, in_dutch

EXIT_INTERRUPTED = 130
_REGELING = "map of bestand met de regeling (standaard: de meegeleverde regeling/)"
SUBCOMMANDS = (check, test, uitleg, vergelijk, eigenschappen, impact, docs, nieuw, export, wijziging)


class _DutchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch: every method that makes or prints argparse's messages runs with
    the Dutch gettext catalogue of ``_dutch``; an ``int`` argument is named "geheel getal" in errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with in_dutch():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """As argparse's, with ``pad=SOORT`` (``_common.PADSOORTEN``) marking a path to check before the run."""
        if kwargs.get("type") is int:
            kwargs["type"] = geheel_getal
        soort = kwargs.pop("pad", None)
        with in_dutch():
            action = super().add_argument(*args, **kwargs)
        if soort is not None:
            assert soort in PADSOORTEN, soort
            self.set_defaults(padsoorten={**(self.get_default("padsoorten") or {}), action.dest: soort})
        return action

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        with in_dutch():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        with in_dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with in_dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with in_dutch():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with in_dutch():
            super().error(message)


class _Versie(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked (no engine is loaded)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("meerzorg_law")
        except PackageNotFoundError:
            found = "onbekend (niet geïnstalleerd)"
        print(f"meerzorg {found}")
        parser.exit(EXIT_OK)


def build_parser() -> argparse.ArgumentParser:
    p = _DutchParser(prog="meerzorg", description="Regelgeving als code voor meerzorg (Wlz).")
    p.add_argument("--version", action=_Versie, help="toon de versie en stop")
    p.add_argument("--regeling", help=_REGELING, pad=INVOER)
    p.add_argument("--bewijstijd", metavar="SECONDEN",
                   help="tijd per bewijs met z3 (standaard 5, of MEERZORG_BEWIJSTIJD); wat niet binnen die tijd "
                        "beslist is, heet 'niet bewezen binnen N s', nooit bewezen")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", parser_class=_DutchParser)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    # Global options are accepted after the subcommand too ("meerzorg test --regeling MAP"); SUPPRESS keeps a
    # value given before it when none is given after.
    for s in sub.choices.values():
        s.add_argument("--regeling", default=argparse.SUPPRESS, help=_REGELING, pad=INVOER)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command with stdout and stderr made safe for a terminal (``VeiligeUitvoer``)."""
    _een_blas_draad()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VeiligeUitvoer(stdout), VeiligeUitvoer(stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _een_blas_draad() -> None:
    """One OpenBLAS thread, unless the user set a number. numpy's wheels start OpenBLAS with a thread per core as
    numpy is imported, and those threads cost CPU while they start: 0,1 s of each ``meerzorg impact`` (1,26-1,34
    against 1,10-1,18 s of CPU for a million clients, alternating runs), for matrix routines the toolkit never
    calls (its arrays are worked element by element). Only before numpy is imported, when it still counts."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _main(argv: Sequence[str] | None) -> int:
    from ..output import OutputError

    try:
        args = build_parser().parse_args(argv)
        if not _bewijstijd(args.bewijstijd):
            return EXIT_INPUT
        controleer_paden(args)
        code: int = args.run(args)
        return code
    except BrokenPipeError:
        return EXIT_OK
    except (OutputError, PadFout) as err:
        fout(str(err))
        return EXIT_INPUT
    except KeyboardInterrupt:
        # Outputs are written atomically, so an interrupted run leaves no half-written file behind.
        print("\nafgebroken (Ctrl-C); er is geen half geschreven uitvoer achtergebleven", file=sys.stderr)
        return EXIT_INTERRUPTED


def _bewijstijd(tekst: str | None) -> bool:
    """Set the proof budget from --bewijstijd; check MEERZORG_BEWIJSTIJD now rather than mid-proof. False: a
    Dutch error has been printed (exit 2)."""
    if tekst is None and not os.environ.get("MEERZORG_BEWIJSTIJD", "").strip():
        # Nothing to check (the solver is not even imported); a budget an earlier command in this process set
        # with --bewijstijd does not count for this one.
        geladen = sys.modules.get("meerzorg_law.verify.budget")
        if geladen is not None:
            geladen.stel_in(None)
        return True
    from ..verify import budget

    try:
        budget.stel_in(budget.lees_seconden(tekst, "--bewijstijd") if tekst is not None else None)
        budget.seconden()
    except ValueError as err:
        fout(str(err))
        return False
    return True
