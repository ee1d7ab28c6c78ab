"""``meerzorg docs``: build the explainer site with Sphinx (-W: every warning is an error)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, fout


def add_parser(sub: Any) -> None:
    s = sub.add_parser("docs", help="de uitlegsite bouwen (Sphinx, waarschuwingen zijn fouten)")
    s.add_argument("--uit", help="map voor de HTML (standaard: docs/_build/html)")
    s.add_argument("--bron", help="map met conf.py (standaard: de meegeleverde docs/)")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="alle uitvoer van Sphinx tonen")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sphinx.cmd.build import build_main

    from ..cases.project import bundled_paths

    bron = Path(args.bron) if args.bron else bundled_paths()[0].parent / "docs"
    if not (bron / "conf.py").is_file():
        fout(f"geen Sphinx-site in {bron} (conf.py ontbreekt)")
        return EXIT_INPUT
    uit = Path(args.uit) if args.uit else bron / "_build" / "html"
    # -E: always read everything again, so -W also sees the warnings of pages that did not change.
    argv = ["-W", "--keep-going", "-E", "-b", "html", str(bron), str(uit)]
    if args.regeling:
        argv += ["-D", f"meerzorg_regeling={Path(args.regeling).resolve()}"]
    if not args.uitgebreid:
        argv.append("-q")
    status = build_main(argv)
    if status == 0:
        print(f"Site gebouwd: {uit / 'index.html'}")
    return EXIT_OK if status == 0 else EXIT_FAILED
