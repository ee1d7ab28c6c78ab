"""``meerzorg uitleg``: the outcome of a case and why, provision by provision."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime

    from ..cases.model import Case

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, INVOERBESTAND, fout, print_json, report_diagnostics


def add_parser(sub: Any) -> None:
    s = sub.add_parser("uitleg", help="de uitkomst van een casus en waarom")
    s.add_argument("casus", pad=INVOERBESTAND, help="casusbestand")
    s.add_argument("--naam", help="alleen casussen waarvan de naam dit bevat")
    s.add_argument("--versie", help="deze versie in plaats van die op de peildatum")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=run)


def _keuze(case: Case, versie: str | None, in_force: Callable[[datetime.date], str | None]) -> list[tuple[str, str]]:
    """The versions to explain the case under, each with why: --versie; else those the case has expectations
    for; else the version in force on its peildatum."""
    from ..cases.run import versions_for
    from ..values import Date

    if versie:
        return [(versie, "gekozen met --versie")]
    if case.verwacht:
        return [(e.versie, "de casus heeft een verwachting voor deze versie (een andere: --versie)")
                for e in case.verwacht]
    peil = case.feiten.get("peildatum")
    geldend = in_force(peil.value) if isinstance(peil, Date) else None
    if geldend is not None and isinstance(peil, Date):
        return [(geldend, f"de versie die geldt op de peildatum {peil.value.isoformat()} (een andere: --versie)")]
    return [(vid, "de casus heeft een verwachting voor deze versie") for vid in versions_for(case, in_force)]


def run(args: argparse.Namespace) -> int:
    from ..cases.project import load_project
    from ..engine.compile import EvaluationFailure, compile_regeling
    from ..engine.evaluate import evaluate
    from ..escape import terminal
    from ..render.diagnostics import diagnostic_json, render_caret
    from ..render.explain import explain
    from ..render.json import trace_json, values_json

    project = load_project(args.regeling, [Path(args.casus)])
    if not project.ok:
        report_diagnostics(project.diagnostics, args.json)
        return EXIT_INPUT
    cases = [c for c in project.cases if not args.naam or args.naam.lower() in c.naam.lower()]
    if not cases:
        fout(f"geen casus gevonden in {args.casus}" + (f" met '{args.naam}'" if args.naam else ""))
        return EXIT_INPUT
    payload, status = [], EXIT_OK
    for case in cases:
        keuze = _keuze(case, args.versie, project.bundle.in_force)
        for vid, waarom in keuze:
            reg = project.bundle.versions.get(vid) if vid else None
            if reg is None:
                fout(f"versie '{vid}' bestaat niet")
                return EXIT_INPUT
            if not args.json:
                print(f"Versie ‘{vid}’: {waarom}.")
            try:
                outcome = evaluate(compile_regeling(reg, traced=True), case.feiten)
            except EvaluationFailure as f:
                status = EXIT_FAILED
                if args.json:
                    payload.append({"naam": case.naam, "versie": vid, "fout": diagnostic_json(f.diagnostic)})
                else:
                    print(f"Casus: {terminal(case.naam)} ({vid})\n{render_caret(f.diagnostic)}\n")
                continue
            assert outcome.trace is not None
            if args.json:
                payload.append({"naam": case.naam, "versie": vid, "uitkomst": values_json(outcome.values),
                                "uitleg": trace_json(outcome.trace)})
            else:
                print(explain(reg, case.feiten, outcome.trace, terminal(case.naam)))  # one line
                print()
    if args.json:
        print_json(payload)
    return status
