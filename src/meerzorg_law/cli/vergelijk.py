"""``meerzorg vergelijk``: outcomes of the cases under two versions, why they change, and the renvooi."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ._common import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_UNDECIDED,
    INVOER,
    UITVOERMAP,
    load_cases_project,
    print_json,
    report_diagnostics,
    unknown_version,
)


def add_parser(sub: Any) -> None:
    s = sub.add_parser("vergelijk", help="uitkomsten en tekst van twee versies vergelijken (met renvooi)")
    s.add_argument("basis", help="de oude versie, bijvoorbeeld rlz-2026")
    s.add_argument("nieuw", help="de nieuwe versie, bijvoorbeeld rlz-2027")
    s.add_argument("paden", nargs="*", pad=INVOER, help="casusbestanden of -mappen (standaard: tests/casussen/)")
    s.add_argument("--geen-renvooi", action="store_true", help="alleen de uitkomsten")
    s.add_argument("--symbolisch", action="store_true",
                   help="bewezen en volledig: alle cliënten van wie de uitkomst verandert, als groepen (z3)")
    s.add_argument("--getuigen", metavar="MAP", pad=UITVOERMAP, help="met --symbolisch: een casusbestand per groep")
    s.add_argument("--json", action="store_true")
    s.add_argument("--overschrijven", action="store_true",
                   help="ook bestanden vervangen die niet door meerzorg zijn geschreven of sindsdien zijn gewijzigd")
    s.set_defaults(run=run)


def _segments(segs: Sequence[Any]) -> str:
    """Renvooi in a terminal, wdiff-style: [-deleted-] {+inserted+}."""
    marks = {"gelijk": "{}", "weg": "[-{}-]", "nieuw": "{{+{}+}}"}
    return "".join(marks[s.soort].format(s.tekst) for s in segs)


def run(args: argparse.Namespace) -> int:
    from ..compare.outcomes import compare_cases
    from ..compare.renvooi import renvooi
    from ..document.gegevens import gegevens_renvooi
    from ..render.diagnostics import diagnostic_json, render_caret
    from ..render.json import values_json
    from ..values import format_value, to_json

    if args.symbolisch:
        return _symbolic(args)
    project = load_cases_project(args)
    if not project.ok:
        report_diagnostics(project.diagnostics, args.json)
        return EXIT_INPUT
    bundle = project.bundle
    if unknown_version(bundle, args.basis, args.nieuw):
        return EXIT_INPUT
    results, summary = compare_cases(bundle.versions[args.basis], bundle.versions[args.nieuw], project.cases)
    diffs = renvooi(bundle.consolidated[args.basis], bundle.consolidated[args.nieuw])
    gegevens = gegevens_renvooi(bundle.consolidated[args.basis], bundle.consolidated[args.nieuw])
    if args.json:
        print_json({
            "basis": args.basis, "nieuw": args.nieuw,
            "casussen": [{"file": r.case.file, "naam": r.case.naam, "gewijzigd": r.gewijzigd,
                          "oud": values_json(r.oud), "nieuw": values_json(r.nieuw),
                          "fout": diagnostic_json(r.fout) if r.fout else None,
                          "wijzigingen": [{"uitkomst": w.outcome, "oud": to_json(w.oud), "nieuw": to_json(w.nieuw),
                                           "oud_door": w.oud_door.citeer() if w.oud_door else "standaard",
                                           "nieuw_door": w.nieuw_door.citeer() if w.nieuw_door else "standaard",
                                           "redenen": list(w.redenen)} for w in r.wijzigingen]}
                         for r in results],
            "samenvatting": {"totaal": summary.totaal, "gewijzigd": summary.gewijzigd, "fouten": summary.fouten,
                             "gewonnen": summary.gewonnen, "verloren": summary.verloren, "anders": summary.anders},
            "renvooi": [{"bepaling": d.ref.citeer(), "soort": d.soort, "tekst_oud": d.tekst_oud,
                         "tekst_nieuw": d.tekst_nieuw, "regels_oud": d.regels_oud, "regels_nieuw": d.regels_nieuw}
                        for d in diffs],
            "gegevens": [{"soort": g.soort, "oud": g.oud(), "nieuw": g.nieuw()} for g in gegevens]})
        return EXIT_OK
    print(f"Vergelijking {args.basis} -> {args.nieuw} ({summary.totaal} casussen)\n")
    for r in results:
        if r.fout is not None:
            print(f"FOUT      {r.case.naam} ({r.case.file}:{r.case.span.line})")
            print("\n".join("          " + line for line in render_caret(r.fout).splitlines()))
        elif r.gewijzigd:
            print(f"GEWIJZIGD {r.case.naam} ({r.case.file}:{r.case.span.line})")
            print("  " + "; ".join(f"{w.outcome}: {format_value(w.oud)} -> {format_value(w.nieuw)}"
                                   for w in r.wijzigingen))
            print("  waarom:")
            for reden in dict.fromkeys(reden for w in r.wijzigingen for reden in w.redenen):
                print(f"    - {reden}")
    print(f"\n{summary.gewijzigd} van {summary.totaal} casussen veranderen van uitkomst"
          + (f", {summary.fouten} met een fout" if summary.fouten else "") + ".")
    for name in sorted({*summary.gewonnen, *summary.verloren, *summary.anders}):
        parts = []
        if name in summary.gewonnen or name in summary.verloren:
            parts.append(f"{summary.gewonnen.get(name, 0)} krijgen het, {summary.verloren.get(name, 0)} verliezen het")
        if name in summary.anders:
            parts.append(f"{summary.anders[name]} anders")
        print(f"  {name}: {', '.join(parts)}")
    if not args.geen_renvooi:
        print(f"\nRenvooi ({len(diffs)} bepalingen; [-geschrapt-] {{+ingevoegd+}}):")
        for d in diffs:
            was = f", was {d.was.citeer()}" if d.was else ""
            print(f"\n  {d.ref.citeer()} ({d.soort}{was})")
            if d.was is not None:  # moved: the number changes, the text is shown only where it changed too
                print(f"    nummer: [-{d.was.citeer()}-] {{+{d.ref.citeer()}+}}")
            if d.tekst_gewijzigd:
                print("    tekst: " + _segments(d.tekst).replace("\n", "\n           "))
            if d.regels_oud != d.regels_nieuw:
                print("    regels:\n      " + _segments(d.regels).rstrip().replace("\n", "\n      "))
        if gegevens:
            print(f"\n  gegevens ({len(gegevens)} gewijzigd)")
            for g in gegevens:
                print("    " + _segments(g.runs))
    return EXIT_OK


def _symbolic(args: argparse.Namespace) -> int:
    """Every client whose outcome differs, as groups proved by z3; no cases needed."""
    from pathlib import Path

    from ..cases.project import bundled_paths
    from ..render.groepen import groep_lezing
    from ..render.lezingen import versienamen
    from ..semantics.pipeline import load_bundle
    from ..values import to_json
    from ..verify.report import write_groups
    from ..verify.symbolic import symbolic_diff

    bundle = load_bundle(args.regeling or bundled_paths()[0])
    if not bundle.ok:
        report_diagnostics(bundle.diagnostics, args.json)
        return EXIT_INPUT
    if unknown_version(bundle, args.basis, args.nieuw):
        return EXIT_INPUT
    diff = symbolic_diff(bundle.versions, args.basis, args.nieuw)
    files: list[Path] = []
    if args.getuigen:
        from ..uitvoermap import uitvoermap

        with uitvoermap(args.getuigen, args.overschrijven) as uit:
            lezingen = [groep_lezing(bundle.versions, diff.basis, diff.nieuw, g, voorbeeld=False).tekst()
                        for g in diff.groepen]
            files = [uit.eindpad(p) for p in write_groups(diff, uit.staging, lezingen)]
    if args.json:
        print_json({"basis": diff.basis, "nieuw": diff.nieuw, "volledig": diff.volledig,
                    "onbeslist": diff.onbeslist or None,
                    "groepen": [{"voorwaarde": g.voorwaarde,
                                 "lezing": groep_lezing(bundle.versions, diff.basis, diff.nieuw, g).tekst(),
                                 "wijzigingen": list(g.wijzigingen),
                                 "bepalingen": list(g.bepalingen),
                                 "getuige": {k: to_json(v) for k, v in g.getuige.items()}} for g in diff.groepen],
                    "getuigen": [str(f) for f in files]})
        return EXIT_UNDECIDED if diff.onbeslist else EXIT_OK
    if diff.onbeslist and not diff.groepen:
        print(f"Niet beslist: of {diff.basis} en {diff.nieuw} elke geldige cliënt dezelfde uitkomsten geven, is "
              f"{diff.onbeslist} (meer tijd: --bewijstijd).")
        return EXIT_UNDECIDED
    if not diff.groepen:
        print(f"Bewezen: {diff.basis} en {diff.nieuw} geven elke geldige cliënt dezelfde uitkomsten.")
        return EXIT_OK
    soort = "alle" if diff.volledig else "de eerste"
    namen = versienamen({v: bundle.versions[v] for v in (diff.basis, diff.nieuw)})
    print(f"Wie een andere uitkomst krijgt {namen[diff.nieuw]} dan {namen[diff.basis]}: {soort} "
          f"{len(diff.groepen)} groepen, bewezen met z3.\nElke geldige cliënt in een groep krijgt een andere "
          "uitkomst, en geen cliënt is in twee groepen.")
    for i, g in enumerate(diff.groepen, 1):
        print(f"\nGroep {i}.")
        print(groep_lezing(bundle.versions, diff.basis, diff.nieuw, g).tekst("   "))
    if diff.onbeslist:
        print(f"\nOf er meer groepen zijn, is {diff.onbeslist}: de lijst is mogelijk niet volledig (meer tijd: "
              "--bewijstijd).")
    elif not diff.volledig:
        print("\nEr zijn meer groepen; de lijst is afgebroken.")
    for f in files:
        print(f"getuige: {f}")
    return EXIT_UNDECIDED if diff.onbeslist else EXIT_OK
