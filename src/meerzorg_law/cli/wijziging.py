"""``meerzorg wijziging schrijf VERSIE --uit MAP`` and ``meerzorg wijziging afleiden BEWERKT``: amendments in
context. The first writes the consolidated text of a version as a copy to edit; the second compares the edited
copy with that version and writes the wijzigingsregeling between them (``versions.afleiden``).

Both files start with a marker and a check sum of what the toolkit wrote. A file is only replaced when it is
still exactly that (nobody edited it since), or with ``--overschrijven``: a drafter's edits are never lost.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import re
from pathlib import Path
from typing import Any

from ._common import EXIT_INPUT, EXIT_OK, INVOERBESTAND, UITVOERBESTAND, UITVOERMAP, fout, report_diagnostics

_MARKER = "# meerzorg:"
_CONTROLE = re.compile(r"^# meerzorg: (?P<soort>kopie|afgeleid) van (?P<basis>\S+), controle (?P<som>[0-9a-f]{16})$")


def add_parser(sub: Any) -> None:
    s = sub.add_parser("wijziging", help="een wijzigingsregeling afleiden uit een bewerkte tekst")
    w = s.add_subparsers(dest="stap", required=True, metavar="STAP")
    k = w.add_parser("schrijf", help="de geconsolideerde tekst van een versie als kopie om te bewerken")
    k.add_argument("versie", help="de versie waarvan de tekst wordt geschreven, bijvoorbeeld rlz-2026")
    k.add_argument("--uit", required=True, help="map voor de kopie (een eigen map: de kopie is een volledige "
                                                "regeling met dezelfde versie-id)", pad=UITVOERMAP)
    k.add_argument("--overschrijven", action="store_true", help="ook een kopie vervangen die al bewerkt is")
    k.set_defaults(run=run_schrijf)
    a = w.add_parser("afleiden", help="de wijzigingsregeling tussen een versie en de bewerkte kopie ervan")
    a.add_argument("bewerkt", pad=INVOERBESTAND, help="de bewerkte kopie (geschreven met 'meerzorg wijziging schrijf')")
    a.add_argument("--basis", help="de versie die de kopie wijzigt (standaard: die in de kopie genoemd wordt)")
    a.add_argument("--versie", help="versie-id van de wijziging (standaard: de regel 'versie' van de kopie)")
    a.add_argument("--geldig-vanaf", help="datum van inwerkingtreding, JJJJ-MM-DD (standaard: 'geldig vanaf' van "
                                          "de kopie)")
    a.add_argument("--uit", help="bestand voor de wijzigingsregeling (standaard: VERSIE.rgl in de huidige map)",
                   pad=UITVOERBESTAND)
    a.add_argument("--overschrijven", action="store_true", help="ook een bestand vervangen dat al bewerkt is")
    a.set_defaults(run=run_afleiden)


def _som(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def _met_marker(soort: str, basis: str, uitleg: list[str], body: str) -> str:
    return "\n".join([f"{_MARKER} {soort} van {basis}, controle {_som(body)}", *(f"# {r}" for r in uitleg)]) + \
        "\n" + body


def _marker(text: str) -> tuple[str, str, bool] | None:
    """(soort, basis, unchanged since written) of a file the toolkit wrote, else None."""
    first, _, rest = text.partition("\n")
    m = _CONTROLE.match(first)
    if m is None:
        return None
    return m["soort"], m["basis"], _som(_zonder_kop(rest)) == m["som"]


def _zonder_kop(rest: str) -> str:
    """The text after the marker's comment lines (those are not part of the check sum)."""
    lines = rest.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("# "):
        n += 1
    return "\n".join(lines[n:])


def _mag_schrijven(doel: Path, overschrijven: bool) -> bool:
    """False (after a Dutch message) when ``doel`` exists and holds the drafter's work."""
    if not doel.exists() or overschrijven:
        return True
    try:
        found = _marker(doel.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        found = None
    if found is not None and found[2]:
        return True
    fout(f"{doel} bestaat al en is daarna bewerkt (of niet door meerzorg geschreven); het wordt niet "
         "overschreven: kies een andere naam met --uit, of geef --overschrijven")
    return False


def run_schrijf(args: argparse.Namespace) -> int:
    from ..cases.project import bundled_paths
    from ..output import OutputError, ensure_directory, write_text_atomic
    from ..semantics.pipeline import load_bundle
    from ..syntax.printer import print_document

    bundle = load_bundle(args.regeling or bundled_paths()[0])
    if args.versie not in bundle.consolidated:
        report_diagnostics([d for d in bundle.diagnostics if d.is_error], False)
        fout(f"versie '{args.versie}' bestaat niet (versies: {', '.join(bundle.consolidated)})")
        return EXIT_INPUT
    doel = Path(args.uit) / f"{args.versie}.rgl"
    if not _mag_schrijven(doel, args.overschrijven):
        return EXIT_INPUT
    uitleg = [f"De geconsolideerde tekst van {args.versie}, geschreven door meerzorg om te bewerken.",
              "Geef de nieuwe versie een eigen id op de regel 'versie' (en zo nodig 'variant' en 'geldig vanaf'),",
              "wijzig de tekst en de regels, en schrijf de wijzigingsregeling met:",
              f"  meerzorg wijziging afleiden {doel}"]
    try:
        ensure_directory(doel.parent)
        tekst = print_document(bundle.consolidated[args.versie])
        write_text_atomic(doel, _met_marker("kopie", args.versie, uitleg, tekst))
    except OutputError as err:
        fout(str(err))
        return EXIT_INPUT
    print(f"Geschreven: {doel} (de tekst van {args.versie} om te bewerken).")
    return EXIT_OK


def run_afleiden(args: argparse.Namespace) -> int:
    from ..cases.project import bundled_paths
    from ..output import OutputError, write_text_atomic
    from ..semantics.pipeline import load_bundle
    from ..syntax import ast
    from ..syntax.parse import parse_text
    from ..syntax.printer import print_document
    from ..versions.afleiden import afleiden
    from ..versions.consolidate import consolidate

    pad = Path(args.bewerkt)
    try:
        text = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        fout(f"kan {pad} niet lezen: {err.strerror if isinstance(err, OSError) else 'geen UTF-8-tekst'}")
        return EXIT_INPUT
    marker = _marker(text)
    basis_id = args.basis or (marker[1] if marker else None)
    if basis_id is None:
        fout(f"{pad} noemt niet van welke versie het een kopie is: geef --basis VERSIE")
        return EXIT_INPUT
    doc, diags = parse_text(text, str(pad))
    if doc is None or diags:
        report_diagnostics(diags, False)
        return EXIT_INPUT
    if not isinstance(doc, ast.Regeling):
        fout(f"{pad} is een wijzigingsregeling; geef de bewerkte tekst van een regeling (meerzorg wijziging schrijf)")
        return EXIT_INPUT
    bundle = load_bundle(args.regeling or bundled_paths()[0])
    base = bundle.consolidated.get(basis_id)
    if base is None:
        fout(f"versie '{basis_id}' bestaat niet (versies: {', '.join(bundle.consolidated)})")
        return EXIT_INPUT
    versie = args.versie or doc.versie
    if versie == basis_id or versie in bundle.consolidated:
        fout(f"de wijziging heeft een eigen versie-id nodig: zet die op de regel 'versie' van {pad} of geef "
             f"--versie (versie '{versie}' bestaat al)")
        return EXIT_INPUT
    try:
        geldig = datetime.date.fromisoformat(args.geldig_vanaf) if args.geldig_vanaf else doc.geldig_vanaf
    except ValueError:
        fout(f"'{args.geldig_vanaf}' is geen datum (schrijf JJJJ-MM-DD)")
        return EXIT_INPUT
    if geldig <= base.geldig_vanaf:
        fout(f"de wijziging moet later gelden dan {basis_id} ({base.geldig_vanaf.isoformat()}): zet 'geldig vanaf' "
             f"in {pad} of geef --geldig-vanaf")
        return EXIT_INPUT
    wijziging, found = afleiden(base, doc, versie, geldig, doc.variant)
    if wijziging is None:
        report_diagnostics(found, False)
        return EXIT_INPUT
    doel = Path(args.uit) if args.uit else Path(f"{versie}.rgl")
    if not _mag_schrijven(doel, args.overschrijven):
        return EXIT_INPUT
    uitleg = [f"Afgeleid door meerzorg uit {pad}: Artikel I zegt wat er verandert ten opzichte van {basis_id}.",
              "Vul de titel, de toelichting en Artikel II aan; de instructies zelf komen uit de bewerkte tekst."]
    geschreven = _met_marker("afgeleid", basis_id, uitleg, print_document(wijziging))
    try:
        write_text_atomic(doel, geschreven)
    except OutputError as err:
        fout(str(err))
        return EXIT_INPUT
    # What check will say about it (a reference the renumbering breaks, W020), at its place in the new file.
    terug, _ = parse_text(geschreven, str(doel))
    if isinstance(terug, ast.Wijzigingsregeling):
        report_diagnostics(consolidate(base, terug)[1], False)
    n = sum(len(w.instructies) for a in wijziging.artikelen for w in a.wijzigingen)
    onderdelen = sum(len(a.wijzigingen) for a in wijziging.artikelen)
    print(f"Geschreven: {doel} ({versie} op {basis_id}: {n} {'instructie' if n == 1 else 'instructies'} in "
          f"{onderdelen} {'onderdeel' if onderdelen == 1 else 'onderdelen'}). "
          f"Verder: meerzorg check {doel}")
    return EXIT_OK
