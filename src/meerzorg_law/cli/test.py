"""``meerzorg test``: run every case against every version it has expectations for."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, fout, load_cases_project, print_json, report_diagnostics

if TYPE_CHECKING:
    from ..cases.run import CaseResult


def add_parser(sub: Any) -> None:
    s = sub.add_parser("test", help="alle casussen uitvoeren tegen de versies waarvoor ze verwachtingen hebben")
    s.add_argument("paden", nargs="*", help="casusbestanden of -mappen (standaard: tests/casussen/)")
    s.add_argument("--versie", help="alleen deze versie")
    s.add_argument("--json", action="store_true")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="ook geslaagde casussen tonen")
    s.set_defaults(run=run)


def _result_line(r: CaseResult) -> str:
    from ..escape import terminal

    status = "geslaagd" if r.ok else "MISLUKT"
    return f"{status:8} {r.versie:22} {terminal(r.case.naam)}  ({terminal(r.case.file)}:{r.case.span.line})"


def run(args: argparse.Namespace) -> int:
    from ..cases.run import run_cases
    from ..render.diagnostics import render_caret
    from ..render.json import test_json
    from ..values import format_value
    from ._common import unknown_version

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
            if r.failure is not None:
                print("\n".join("         " + line for line in render_caret(r.failure).splitlines()))
        passed = sum(r.ok for r in results)
        print(f"{passed} geslaagd, {len(results) - passed} mislukt ({len(project.cases)} casussen, "
              f"{len({r.versie for r in results})} versies)")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED
