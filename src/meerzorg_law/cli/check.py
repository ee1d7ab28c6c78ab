"""``meerzorg check``: read and check the regeling and its wijzigingsregelingen; list what is wrong."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, EXIT_UNDECIDED, INVOER, UITVOERMAP, print_json


def add_parser(sub: Any) -> None:
    s = sub.add_parser("check", help="regeling en wijzigingen lezen en controleren")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen", pad=INVOER)
    s.add_argument("--json", action="store_true")
    s.add_argument("--gnu", action="store_true", help="fouten als bestand:regel:kolom: fout: … (voor editors)")
    s.add_argument("--getuigen", metavar="MAP", help="schrijf bij elke bewezen fout een casusbestand met een "
                                                     "cliënt die haar laat zien (verwachting in te vullen)",
                                                                                 pad=UITVOERMAP)
    s.add_argument("--overschrijven", action="store_true",
                   help="ook bestanden vervangen die niet door meerzorg zijn geschreven of sindsdien zijn gewijzigd")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cases.project import bundled_paths
    from ..render.diagnostics import diagnostic_json, render_all, render_gnu
    from ..semantics.bronnen import herkomst_telling, officieel_per_datum
    from ..semantics.pipeline import load_bundle
    from ..verify.report import CHECKS, SHORT, open_checks, verify_bundle, write_witnesses

    paths = args.paden or [args.regeling or bundled_paths()[0]]
    bundle = load_bundle(*paths)
    # The proofs need a checked IR; with errors before that there is nothing to prove.
    findings = verify_bundle(bundle, *paths) if bundle.ok else []
    proof_errors = [f for f in findings if f.diagnostic.is_error]
    # Per version the checks that are not proved: a finding, a proof z3 did not decide in time (V005), or
    # everything when the rules cannot be put to the solver (V009).
    open_ = {v.id: open_checks(findings, v.id) for v in bundle.catalog}
    undecided = any(f.open for f in findings)
    witnesses: list[Path] = []
    if args.getuigen:
        from ..uitvoermap import uitvoermap

        with uitvoermap(args.getuigen, args.overschrijven) as uit:
            witnesses = [uit.eindpad(p) for p in write_witnesses(findings, uit.staging)]
    if args.json:
        print_json({"ok": bundle.ok and not proof_errors,
                    "versies": [{"id": v.id, "geldig_vanaf": v.geldig_vanaf.isoformat(),
                                 "basis": v.basis, "variant": v.variant, "bestand": v.file,
                                 "herkomst": ({s: {"bepalingen": n, "woorden": w} for s, (n, w)
                                               in herkomst_telling(bundle.versions[v.id]).items()}
                                              if v.id in bundle.versions else {}),
                                 "officieel_per_geldend_vanaf": (
                                     {(d.isoformat() if d else "onbekend"): n for d, n
                                      in officieel_per_datum(bundle.versions[v.id]).items()}
                                     if v.id in bundle.versions else {})}
                                for v in bundle.catalog],
                    "diagnostics": [diagnostic_json(d) for d in bundle.diagnostics],
                    "bewijzen": [{"versie": f.versie, **diagnostic_json(f.diagnostic)} for f in findings],
                    "bewezen": {v.id: [c for c in CHECKS if c not in open_[v.id]] for v in bundle.catalog},
                    "onbeslist": {v.id: sorted({f.open for f in findings if f.versie == v.id and f.open})
                                  for v in bundle.catalog},
                    "getuigen": [str(p) for p in witnesses]})
        return (EXIT_INPUT if not bundle.ok else EXIT_FAILED if proof_errors else EXIT_UNDECIDED if undecided
                else EXIT_OK)
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
        print("  " + _herkomst_regel(herkomst_telling(reg), officieel_per_datum(reg)))
    if findings:
        diags = [f.diagnostic for f in findings]
        print("\n".join(render_gnu(d) for d in diags) if args.gnu else render_all(diags), file=sys.stderr)
    print("Bewezen voor elke geldige cliënt (z3):")
    for v in bundle.catalog:
        found = open_[v.id]
        proved = [SHORT[code] for code in CHECKS if code not in found]
        rest = f"; niet bewezen: {', '.join(sorted(found))} (zie hierboven)" if found else ""
        print(f"  {v.id}: {', '.join(proved) or 'niets'}{rest}")
    for p in witnesses:
        print(f"getuige: {p}")
    if proof_errors:
        return EXIT_FAILED
    if undecided:
        n = sum(1 for f in findings if f.open)
        print(f"Geen fouten gevonden, maar niet alles is bewezen: {n} {'bewijs' if n == 1 else 'bewijzen'} niet "
              "beslist binnen de tijd (V005 hierboven; meer tijd: --bewijstijd).")
        return EXIT_UNDECIDED
    print("Geen fouten gevonden.")
    return EXIT_OK


_SOORTEN = ("officieel", "beleid", "uitvoering", "reconstructie", "keuze", "voorstel", "zonder")


def _herkomst_regel(telling: dict[str, tuple[int, int]],
                    per_datum: dict[datetime.date | None, int] | None = None) -> str:
    """"officiële tekst: 5 van 18 bepalingen (155 van 502 woorden), uit de geconsolideerde tekst geldend vanaf
    27-7-2015: 4, vanaf 1-7-2025: 1; verder ...": how much is law, and of which date (2015 is not in force)."""
    bepalingen = sum(n for n, _ in telling.values())
    woorden = sum(w for _, w in telling.values())
    n, w = telling.get("officieel", (0, 0))
    # A herkomst with only substituted words (no provision of its own) is counted in words.
    rest = ", ".join(f"{s} {telling[s][0]}" if telling[s][0] else f"{s} {telling[s][1]} woorden"
                     for s in _SOORTEN[1:] if s in telling)
    datums = ", ".join(f"{'vanaf ' + _kort(d) if d else 'datum onbekend'}: {k}" for d, k in (per_datum or {}).items())
    return (f"officiële tekst: {n} van {bepalingen} bepalingen ({w} van {woorden} woorden)"
            + (f", uit de geconsolideerde tekst geldend {datums}" if datums else "")
            + (f"; verder {rest}" if rest else ""))


def _kort(d: datetime.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"
