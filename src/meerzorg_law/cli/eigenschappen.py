"""``meerzorg eigenschappen``: check the declared and built-in properties; counterexamples as case files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, checked_bundle, fout, print_json


def add_parser(sub: Any) -> None:
    s = sub.add_parser("eigenschappen", help="eigenschappen bewijzen voor elke cliënt (z3), waar dat niet kan "
                                             "toetsen met gegenereerde gevallen; tegenvoorbeelden als casusbestanden")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen (standaard: de meegeleverde regeling/)")
    s.add_argument("--versie", help="alleen deze versie")
    s.add_argument("--uit", help="map voor de tegenvoorbeelden (standaard: een nieuwe tijdelijke map)")
    s.add_argument("--profiel", choices=["ci", "lang"],
                   help="voor wat niet te bewijzen is: ci, vast en snel (standaard); lang, veel meer gevallen "
                        "(ook via MEERZORG_HYPOTHESIS=lang)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..output import ensure_directory
    from ..properties.run import check_properties
    from ..render.properties import properties_json, render_properties

    bundle = checked_bundle(args, args.versie)
    if bundle is None:
        return EXIT_INPUT
    if args.uit:
        ensure_directory(args.uit)  # a file in the way is refused before the properties run, not after
    try:
        report = check_properties(bundle.versions, args.versie, args.profiel, Path(args.uit) if args.uit else None)
    except ValueError as e:  # an unknown profile in $MEERZORG_HYPOTHESIS
        fout(str(e))
        return EXIT_INPUT
    if args.json:
        print_json(properties_json(report))
    else:
        print(render_properties(report, bundle.versions))
    return EXIT_OK if report.ok else EXIT_FAILED
