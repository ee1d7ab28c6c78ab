"""``meerzorg docs``: build the explainer site with Sphinx (-W: every warning is an error).

Builds are incremental: Sphinx keeps its environment in a folder beside the output (never inside the
published site) and re-reads only the pages whose regeling or case files changed (the extension notes
those files as dependencies). After a failed build the next one reads everything again (-E), so -W still
sees every warning of pages that did not change since.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, fout

# Written into the doctree folder after a build without warnings; its absence forces a full build.
_GESLAAGD = "meerzorg-bouw-geslaagd"


def add_parser(sub: Any) -> None:
    s = sub.add_parser("docs", help="de uitlegsite bouwen (Sphinx, waarschuwingen zijn fouten)")
    s.add_argument("--uit", help="map voor de HTML (standaard: docs/_build/html)")
    s.add_argument("--bron", help="map met conf.py (standaard: de meegeleverde docs/)")
    s.add_argument("--casussen", nargs="+", metavar="PAD",
                   help="casusbestanden of -mappen voor de site (standaard: die van conf.py)")
    s.add_argument("--opnieuw", action="store_true", help="alles opnieuw lezen in plaats van alleen wat veranderde")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="alle uitvoer van Sphinx tonen")
    s.set_defaults(run=run)


def doctree_map(uit: Path) -> Path:
    """Sphinx's pickled environment: beside the output folder, so it is never published with the site."""
    return uit.parent / f"{uit.name}.doctrees"


def run(args: argparse.Namespace) -> int:
    from sphinx.cmd.build import build_main

    from ..cases.project import bundled_paths
    from ..output import ensure_directory

    bron = Path(args.bron) if args.bron else bundled_paths()[0].parent / "docs"
    if not (bron / "conf.py").is_file():
        fout(f"geen Sphinx-site in {bron} (conf.py ontbreekt)")
        return EXIT_INPUT
    uit = Path(args.uit) if args.uit else bron / "_build" / "html"
    doctrees = doctree_map(uit)
    ensure_directory(uit), ensure_directory(doctrees)  # a file in the way is a Dutch error, not a traceback
    geslaagd = doctrees / _GESLAAGD
    argv = ["-W", "--keep-going", "-b", "html", "-d", str(doctrees), str(bron), str(uit)]
    if args.opnieuw or not geslaagd.exists():
        argv.insert(0, "-E")
    if args.regeling:
        argv += ["-D", f"meerzorg_regeling={Path(args.regeling).resolve()}"]
    if args.casussen:
        argv += ["-D", "meerzorg_casussen=" + os.pathsep.join(str(Path(p).resolve()) for p in args.casussen)]
    if not args.uitgebreid:
        argv.append("-q")
    geslaagd.unlink(missing_ok=True)
    # Older builds kept the environment inside the site; it must not be published with it.
    shutil.rmtree(uit / ".doctrees", ignore_errors=True)
    status = build_main(argv)
    if status == 0:
        geslaagd.write_text("", encoding="utf-8")
        print(f"Site gebouwd: {uit / 'index.html'}")
    return EXIT_OK if status == 0 else EXIT_FAILED
