"""``meerzorg eigenschappen``: check the declared and built-in properties; counterexamples as case files."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..properties.model import Report
    from ..uitvoermap import Uitvoermap

from ._common import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_UNDECIDED,
    INVOER,
    UITVOERMAP,
    checked_bundle,
    fout,
    print_json,
)


def add_parser(sub: Any) -> None:
    s = sub.add_parser("eigenschappen", help="eigenschappen bewijzen voor elke cliënt (z3), waar dat niet kan "
                                             "toetsen met gegenereerde gevallen; tegenvoorbeelden als casusbestanden")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen (standaard: de meegeleverde regeling/)",
                   pad=INVOER)
    s.add_argument("--versie", help="alleen deze versie")
    s.add_argument("--uit", pad=UITVOERMAP, help="map voor de tegenvoorbeelden (standaard: een nieuwe tijdelijke map)")
    s.add_argument("--profiel", choices=["ci", "lang"],
                   help="voor wat niet te bewijzen is: ci, vast en snel (standaard); lang, veel meer gevallen "
                        "(ook via MEERZORG_HYPOTHESIS=lang)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--overschrijven", action="store_true",
                   help="ook bestanden vervangen die niet door meerzorg zijn geschreven of sindsdien zijn gewijzigd")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..output import ensure_directory
    from ..properties.run import check_properties
    from ..render.properties import properties_json, render_properties
    from ..uitvoermap import uitvoermap

    bundle = checked_bundle(args, args.versie)
    if bundle is None:
        return EXIT_INPUT
    if args.uit:
        ensure_directory(args.uit)  # a file in the way is refused before the properties run, not after
    try:
        if args.uit:  # the counterexamples as one set: never over a user's edit, old or new set whole
            with uitvoermap(args.uit, args.overschrijven) as uit:
                report = check_properties(bundle.versions, args.versie, args.profiel, uit.staging)
            report = _verplaatst(report, uit)
        else:
            report = check_properties(bundle.versions, args.versie, args.profiel, None)
    except ValueError as e:  # an unknown profile in $MEERZORG_HYPOTHESIS
        fout(str(e))
        return EXIT_INPUT
    if args.json:
        print_json(properties_json(report))
    else:
        print(render_properties(report, bundle.versions))
    return EXIT_FAILED if not report.ok else EXIT_UNDECIDED if report.onbeslist else EXIT_OK


def _verplaatst(report: Report, uit: Uitvoermap) -> Report:
    """The report with its files where they ended up (they were written in the staging folder)."""
    versies = tuple(dataclasses.replace(v, results=tuple(
        dataclasses.replace(r, bestand=uit.eindpad(r.bestand)) if r.bestand is not None else r for r in v.results))
        for v in report.versies)
    return dataclasses.replace(report, versies=versies, uit=uit.doel)
