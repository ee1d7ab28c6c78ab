"""``meerzorg export VERSIE --uit MAP``: the wijzigingsregeling and the consolidated regeling in renvooi as Word
documents (with real tracked changes), both as PDF, and the outcome comparison of the cases as .csv; with
``--formaat akn`` the consolidated version and the wijzigingsregeling as Akoma Ntoso 3.0 XML. The folder keeps
the output manifest (``uitvoermap``): a file the user edited is replaced only with ``--overschrijven``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._common import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_OK,
    INVOER,
    UITVOERMAP,
    fout,
    load_cases_project,
    report_diagnostics,
    unknown_version,
)

if TYPE_CHECKING:
    from ..cases.project import Project


def add_parser(sub: Any) -> None:
    s = sub.add_parser("export", help="het voorstel als Word-document (.docx), in renvooi, als PDF en als tabel")
    s.add_argument("versie", help="de versie van een wijzigingsregeling, bijvoorbeeld rlz-2027")
    s.add_argument("paden", nargs="*", pad=INVOER, help="casusbestanden of -mappen voor de vergelijking "
                                            "(standaard: tests/casussen/)")
    s.add_argument("--uit", required=True, pad=UITVOERMAP, help="map voor de bestanden")
    s.add_argument("--geen-pdf", action="store_true", help="geen PDF maken")
    s.add_argument("--formaat", choices=("docx", "akn"), default="docx",
                   help="docx: Word, PDF en CSV (standaard); akn: Akoma Ntoso 3.0 XML van de geconsolideerde "
                        "versie en van de wijzigingsregeling")
    s.add_argument("--overschrijven", action="store_true",
                   help="ook bestanden in MAP vervangen die niet door meerzorg geschreven of sindsdien bewerkt zijn")
    s.set_defaults(run=run, json=False)


def run(args: argparse.Namespace) -> int:
    from ..export.write import bestandsnamen, export_akn, export_versie
    from ..syntax import ast
    from ..uitvoermap import uitvoermap

    project = load_cases_project(args)
    if not project.ok:
        report_diagnostics(project.diagnostics, False)
        return EXIT_INPUT
    bundle = project.bundle
    if unknown_version(bundle, args.versie):
        return EXIT_INPUT
    doc = bundle.documents.get(args.versie)
    wijziging = isinstance(doc, ast.Wijzigingsregeling)
    if args.formaat == "docx" and not wijziging:
        fout(f"{args.versie} is geen wijzigingsregeling: exporteren kan alleen een wijziging op een basisversie")
        return EXIT_INPUT
    # The set is written into a hidden folder beside --uit and swapped in whole (uitvoermap): an edited file is
    # refused before the work, a rerun over its own output needs no flag, and Ctrl-C leaves the old set whole.
    # Only this version's files of this format are cleaned up; other versions in the folder stay.
    pdf = not args.geen_pdf
    namen = bestandsnamen(args.versie, args.formaat, pdf, wijziging)
    alle = bestandsnamen(args.versie, args.formaat, True, wijziging)
    with uitvoermap(Path(args.uit), args.overschrijven, opruimen=alle) as uit:
        uit.controleer(namen)
        if args.formaat == "akn":
            geschreven = export_akn(bundle, args.versie, uit.staging)
        else:
            geschreven = export_versie(bundle, project.cases, args.versie, uit.staging, pdf=pdf)
    for pad, wat in geschreven:
        print(f"{uit.eindpad(pad)}: {wat}")
    return EXIT_OK if args.formaat == "akn" else _verwachtingen(project, args.versie)


def _verwachtingen(project: Project, versie: str) -> int:
    """The documents are written either way; but a proposal whose cases do not hold is not done: say so, exit 1."""
    from ..cases.run import run_cases
    from ..values import format_value

    basis = project.bundle.consolidated[versie].basis
    results = [r for vid in (basis, versie)
               for r in run_cases(project.bundle.versions, project.cases, project.bundle.in_force, vid)
               if any(e.versie == vid for e in r.case.verwacht)]
    mis = [r for r in results if not r.ok]
    if not mis:
        return EXIT_OK
    for r in mis:
        wat = "te herzien" if r.te_herzien and not r.mismatches else "; ".join(
            f"{m.outcome} verwacht {format_value(m.verwacht)}" for m in r.mismatches) or "fout bij het beslissen"
        print(f"MISLUKT  {r.versie:22} {r.case.naam}: {wat}")
    fout(f"{len(mis)} verwachting{'en' if len(mis) != 1 else ''} van de casussen klopt niet (zie de kolom "
         f"'verwacht' in {versie}-casussen.csv); bekijk en neem de nieuwe uitkomsten over met "
         "'meerzorg test --herzien'")
    return EXIT_FAILED
