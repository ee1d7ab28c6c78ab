"""The ``meerzorg`` command: parses arguments, calls the library, prints in Dutch, maps outcomes to exit codes.

Exit codes: 0 all well, 1 a case or property failed, 2 bad input (the regeling or a case file has errors,
or an output path cannot be written), 130 interrupted by Ctrl-C (the shell's convention for SIGINT).
One module per subcommand, each with ``add_parser(sub)`` and ``run(args)``; a subcommand imports the
library only inside ``run``, so ``meerzorg --help`` loads no engine.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import check, docs, eigenschappen, impact, test, uitleg, vergelijk
from ._common import EXIT_INPUT, EXIT_OK, fout

EXIT_INTERRUPTED = 130
SUBCOMMANDS = (check, test, uitleg, vergelijk, eigenschappen, impact, docs)


class _DutchParser(argparse.ArgumentParser):
    """argparse speaks English and ships no Dutch catalogue: translate its few user-facing phrases."""

    _PHRASES = (("the following arguments are required:", "deze argumenten ontbreken:"),
                ("unrecognized arguments:", "onbekende argumenten:"), ("invalid choice:", "ongeldige keuze:"),
                ("choose from", "kies uit"), ("invalid int value:", "geen geheel getal:"),
                ("expected one argument", "verwacht één waarde"), ("argument ", "argument "))

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "gebruik:", 1)
                .replace("positional arguments:", "argumenten:").replace("options:", "opties:")
                .replace("show this help message and exit", "toon deze hulp en stop"))

    def error(self, message: str) -> NoReturn:
        for en, nl in self._PHRASES:
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: fout: {message}\n")


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
    p.add_argument("--regeling", help="map of bestand met de regeling (standaard: de meegeleverde regeling/)")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", parser_class=_DutchParser)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from ..output import OutputError

    try:
        args = build_parser().parse_args(argv)
        code: int = args.run(args)
        return code
    except BrokenPipeError:
        return EXIT_OK
    except OutputError as err:
        fout(str(err))
        return EXIT_INPUT
    except KeyboardInterrupt:
        # Outputs are written atomically, so an interrupted run leaves no half-written file behind.
        print("\nafgebroken (Ctrl-C); er is geen half geschreven uitvoer achtergebleven", file=sys.stderr)
        return EXIT_INTERRUPTED
