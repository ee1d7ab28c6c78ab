"""``meerzorg uitleg``: the outcome of a case and why, provision by provision."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, fout, print_json, report_diagnostics


def add_parser(sub: Any) -> None:
    s = sub.add_parser("uitleg", help="de uitkomst van een casus en waarom")
    s.add_argument("casus", help="casusbestand")
    s.add_argument("--naam", help="alleen casussen waarvan de naam dit bevat")
    s.add_argument("--versie", help="deze versie in plaats van die op de peildatum")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cases.project import load_project
    from ..cases.run import versions_for
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
        for vid in [args.versie] if args.versie else versions_for(case, project.bundle.in_force):
            reg = project.bundle.versions.get(vid) if vid else None
            if reg is None:
                fout(f"versie '{vid}' bestaat niet")
                return EXIT_INPUT
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
