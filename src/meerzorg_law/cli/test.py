"""``meerzorg test``: run every case against every version it has expectations for."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, INVOER, fout, load_cases_project, print_json, report_diagnostics

if TYPE_CHECKING:
    from ..cases.run import CaseResult


def add_parser(sub: Any) -> None:
    s = sub.add_parser("test", help="alle casussen uitvoeren tegen de versies waarvoor ze verwachtingen hebben")
    s.add_argument("paden", nargs="*", pad=INVOER, help="casusbestanden of -mappen (standaard: tests/casussen/)")
    s.add_argument("--versie", help="alleen deze versie")
    s.add_argument("--json", action="store_true")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="ook geslaagde casussen tonen")
    s.add_argument("--herzien", action="store_true",
                   help="elke verwachting die afwijkt (of 'te herzien' is) tonen met de uitleg van de nieuwe "
                        "uitkomst, en na uw ja in het casusbestand schrijven (commentaar en opmaak blijven)")
    s.add_argument("--alles-accepteren", action="store_true",
                   help="als --herzien, zonder te vragen: alle nieuwe uitkomsten overnemen (voor scripts)")
    s.set_defaults(run=run)


def _hashes(args: argparse.Namespace) -> dict[str, str]:
    """The hash of every case file before it is loaded: --herzien writes only into a file still the same."""
    from ..cases.herzien import bestandshash
    from ..cases.load import case_files
    from ..cases.project import bundled_paths

    out: dict[str, str] = {}
    for f in case_files(args.paden or [bundled_paths()[1]]):
        try:
            out[str(f)] = bestandshash(f)
        except (OSError, ValueError):  # the loader reports it
            continue
    return out


def _result_line(r: CaseResult) -> str:
    from ..escape import terminal

    status = "geslaagd" if r.ok else "HERZIEN" if r.te_herzien and not r.mismatches else "MISLUKT"
    return f"{status:8} {r.versie:22} {terminal(r.case.naam)}  ({terminal(r.case.file)}:{r.case.span.line})"


def run(args: argparse.Namespace) -> int:
    from ..cases.run import run_cases
    from ..render.diagnostics import render_caret
    from ..render.json import test_json
    from ..values import format_value
    from ._common import unknown_version
    from .herzien import herzien, weiger_zonder_terminal

    if weiger_zonder_terminal(args):
        return EXIT_INPUT
    gelezen = _hashes(args) if args.herzien or args.alles_accepteren else {}
    project = load_cases_project(args)
    if not project.ok:
        report_diagnostics(project.diagnostics, args.json)
        return EXIT_INPUT
    if unknown_version(project.bundle, args.versie):
        return EXIT_INPUT
    results = run_cases(project.bundle.versions, project.cases, project.bundle.in_force, args.versie)
    if not results:  # nothing ran: that must not read as "0 geslaagd, 0 mislukt" with exit 0
        fout(f"geen enkele casus draait tegen versie '{args.versie}': geen verwachting voor die versie en geen "
             "peildatum waarop zij geldt" if args.versie else "geen enkele casus om uit te voeren")
        return EXIT_INPUT
    if args.herzien or args.alles_accepteren:
        return herzien(project, results, gelezen, args.alles_accepteren)
    if args.json:
        print_json(test_json(results))
    else:
        for r in results:
            if not r.ok or args.uitgebreid:
                print(_result_line(r))
            for m in r.mismatches:
                got = format_value(m.uitkomst) if m.uitkomst is not None else "—"
                print(f"         {m.outcome}: verwacht {format_value(m.verwacht)}, uitkomst {got} "
                      f"({m.span.file}:{m.span.line})")
            if r.te_herzien:
                print(f"         {r.versie}: te herzien (meerzorg test --herzien)")
            if r.failure is not None:
                print("\n".join("         " + line for line in render_caret(r.failure).splitlines()))
        passed = sum(r.ok for r in results)
        if any(r.mismatches or r.te_herzien for r in results):
            print("         nieuwe uitkomsten bekijken en overnemen: meerzorg test --herzien")
        open_ = sum(r.te_herzien and not r.mismatches and r.failure is None for r in results)
        print(f"{passed} geslaagd, {len(results) - passed - open_} mislukt"
              + (f", {open_} te herzien" if open_ else "")
              + f" ({len(project.cases)} casussen, {len({r.versie for r in results})} versies)")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED
