"""``meerzorg nieuw variant NAAM --basis VERSIE``: a new variant to start from, in a folder of its own."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import Any

from ._common import EXIT_INPUT, EXIT_OK, UITVOERMAP, fout


def add_parser(sub: Any) -> None:
    s = sub.add_parser("nieuw", help="een nieuwe variant beginnen: een wijzigingsregeling en casussen om te bewerken")
    s.add_argument("soort", choices=["variant"], help="wat er nieuw komt (nu alleen: variant)")
    s.add_argument("naam", help="versie-id van de variant, bijvoorbeeld rlz-2027-mantelzorg")
    s.add_argument("--basis", required=True, help="de versie die de variant wijzigt, bijvoorbeeld rlz-2026")
    s.add_argument("--uit", pad=UITVOERMAP, help="map voor de variant (standaard: een map met de naam van de variant)")
    s.add_argument("--geldig-vanaf", help="datum van inwerkingtreding (standaard: 1 januari na de basis)")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cases.load import case_files
    from ..cases.project import bundled_paths
    from ..export.skelet import VERSIE_ID, nieuwe_variant
    from ..output import OutputError, ensure_directory, write_text_atomic
    from ..semantics.pipeline import load_bundle

    if not VERSIE_ID.fullmatch(args.naam):
        fout(f"'{args.naam}' is geen geldige versie-id: kleine letters en cijfers met streepjes, zoals "
             "rlz-2027-mantelzorg")
        return EXIT_INPUT
    regeling, casussen = bundled_paths()
    bundle = load_bundle(args.regeling or regeling)
    basis = next((v for v in bundle.catalog if v.id == args.basis), None)
    if basis is None or args.basis not in bundle.consolidated:
        fout(f"versie '{args.basis}' bestaat niet (versies: {', '.join(bundle.consolidated)})")
        return EXIT_INPUT
    if args.naam in bundle.consolidated:
        fout(f"versie '{args.naam}' bestaat al")
        return EXIT_INPUT
    try:
        geldig = (datetime.date.fromisoformat(args.geldig_vanaf) if args.geldig_vanaf
                  else datetime.date(basis.geldig_vanaf.year + 1, 1, 1))
    except ValueError:
        fout(f"'{args.geldig_vanaf}' is geen datum (schrijf JJJJ-MM-DD)")
        return EXIT_INPUT
    skelet = nieuwe_variant(args.naam, args.basis, bundle.consolidated[args.basis].titel, geldig,
                            case_files([casussen]) if casussen.is_dir() else [],
                            bundle.versions[args.basis].facts)
    uit = Path(args.uit) if args.uit else Path(args.naam)
    doel_rgl, doel_yaml = uit / f"{args.naam}.rgl", uit / "casussen.yaml"
    for doel in (doel_rgl, doel_yaml):
        if doel.exists():
            fout(f"{doel} bestaat al; kies een andere map met --uit")
            return EXIT_INPUT
    try:
        ensure_directory(uit)
        write_text_atomic(doel_rgl, skelet.regeling)
        write_text_atomic(doel_yaml, skelet.casussen)
    except OutputError as err:
        fout(str(err))
        return EXIT_INPUT
    print(f"Geschreven: {doel_rgl} (wijzigingsregeling op {args.basis}) en {doel_yaml} "
          f"({skelet.aantal_casussen} casussen met de verwachtingen van {args.basis}; die voor {args.naam} zijn "
          "'te herzien').")
    print(f"Verder: meerzorg check {uit} · meerzorg --regeling {uit} test --herzien {uit} · "
          f"meerzorg --regeling {uit} export {args.naam} --uit {uit / 'uit'}")
    return EXIT_OK
