"""``meerzorg check``: read and check the regeling and its wijzigingsregelingen; list what is wrong."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import EXIT_INPUT, EXIT_OK, print_json


def add_parser(sub: Any) -> None:
    s = sub.add_parser("check", help="regeling en wijzigingen lezen en controleren")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen")
    s.add_argument("--json", action="store_true")
    s.add_argument("--gnu", action="store_true", help="fouten als bestand:regel:kolom: fout: … (voor editors)")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cases.project import bundled_paths
    from ..render.diagnostics import diagnostic_json, render_all, render_gnu
    from ..semantics.pipeline import load_bundle

    bundle = load_bundle(*(args.paden or [args.regeling or bundled_paths()[0]]))
    if args.json:
        print_json({"ok": bundle.ok, "versies": [{"id": v.id, "geldig_vanaf": v.geldig_vanaf.isoformat(),
                                                  "basis": v.basis, "variant": v.variant, "bestand": v.file}
                                                 for v in bundle.catalog],
                    "diagnostics": [diagnostic_json(d) for d in bundle.diagnostics]})
        return EXIT_OK if bundle.ok else EXIT_INPUT
    if bundle.diagnostics and args.gnu:
        print("\n".join(render_gnu(d) for d in bundle.diagnostics), file=sys.stderr)
    elif bundle.diagnostics:
        print(render_all(bundle.diagnostics), file=sys.stderr)
    if not bundle.ok:
        return EXIT_INPUT
    for v in bundle.catalog:
        reg = bundle.versions[v.id]
        kind = f"wijziging op {v.basis}" if v.basis else "regeling"
        print(f"{v.id}: {kind}, geldig vanaf {v.geldig_vanaf.isoformat()}{' (variant)' if v.variant else ''} — "
              f"{len(reg.provisions)} bepalingen, {len({r.id for r in reg.rules})} regels, "
              f"{len(reg.definitions)} begrippen, {len(reg.properties)} eigenschappen")
    print("Geen fouten gevonden.")
    return EXIT_OK
