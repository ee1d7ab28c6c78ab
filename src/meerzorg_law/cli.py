"""The ``meerzorg`` command: parses arguments, calls the library, prints in Dutch, maps outcomes to exit codes.

Exit codes: 0 all well, 1 a case or property failed, 2 bad input (the regeling or a case file has errors).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .cases.project import Project, load_project
from .cases.run import CaseResult, run_cases, versions_for
from .diagnostics import Diagnostic
from .engine.compile import EvaluationFailure, compile_regeling
from .engine.evaluate import evaluate
from .render.diagnostics import diagnostic_json, render_all, render_caret, render_gnu
from .render.explain import explain
from .render.json import test_json, trace_json, values_json
from .semantics.pipeline import Bundle
from .values import format_value, to_json

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    """Register a subcommand's implementation under its name."""
    def register(fn: Command) -> Command:
        _COMMANDS[name] = fn
        return fn
    return register


def _print_json(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _report_diagnostics(diags: Sequence[Diagnostic], as_json: bool) -> None:
    if not diags:
        return
    if as_json:
        _print_json({"ok": False, "diagnostics": [diagnostic_json(d) for d in diags]})
    else:
        print(render_all(diags), file=sys.stderr)


def _project(args: argparse.Namespace, cases: bool = True) -> Project:
    paths: list[Path | str] = [Path(p) for p in (args.paden or [])] if cases else []
    return load_project(args.regeling, paths if paths else None)


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    from .cases.project import bundled_paths
    from .semantics.pipeline import load_bundle

    bundle = load_bundle(*(args.paden or [args.regeling or bundled_paths()[0]]))
    if args.json:
        _print_json({"ok": bundle.ok, "versies": [{"id": v.id, "geldig_vanaf": v.geldig_vanaf.isoformat(),
                                                   "basis": v.basis, "variant": v.variant, "bestand": v.file}
                                                  for v in bundle.versies],
                     "diagnostics": [diagnostic_json(d) for d in bundle.diagnostics]})
        return EXIT_OK if bundle.ok else EXIT_INPUT
    if bundle.diagnostics and args.gnu:
        print("\n".join(render_gnu(d) for d in bundle.diagnostics), file=sys.stderr)
    elif bundle.diagnostics:
        print(render_all(bundle.diagnostics), file=sys.stderr)
    if not bundle.ok:
        return EXIT_INPUT
    for v in bundle.versies:
        reg = bundle.versions[v.id]
        kind = f"wijziging op {v.basis}" if v.basis else "regeling"
        print(f"{v.id}: {kind}, geldig vanaf {v.geldig_vanaf.isoformat()}{' (variant)' if v.variant else ''} — "
              f"{len(reg.provisions)} bepalingen, {len({r.id for r in reg.rules})} regels, "
              f"{len(reg.definitions)} begrippen, {len(reg.properties)} eigenschappen")
    print("Geen fouten gevonden.")
    return EXIT_OK


def _result_line(r: CaseResult) -> str:
    status = "geslaagd" if r.ok else "MISLUKT"
    return f"{status:8} {r.versie:22} {r.case.naam}  ({r.case.file}:{r.case.span.line})"


@command("test")
def cmd_test(args: argparse.Namespace) -> int:
    project = _project(args)
    if not project.ok:
        _report_diagnostics(project.diagnostics, args.json)
        return EXIT_INPUT
    if args.versie and args.versie not in project.bundle.versions:
        print(f"fout: versie '{args.versie}' bestaat niet (versies: {', '.join(project.bundle.versions)})",
              file=sys.stderr)
        return EXIT_INPUT
    results = run_cases(project.bundle.versions, project.cases, project.bundle.in_force, args.versie)
    if args.json:
        _print_json(test_json(results))
    else:
        for r in results:
            if not r.ok or args.uitgebreid:
                print(_result_line(r))
            for m in r.mismatches:
                got = format_value(m.actual) if m.actual is not None else "—"
                print(f"         {m.outcome}: verwacht {format_value(m.expected)}, uitkomst {got} "
                      f"({m.span.file}:{m.span.line})")
            if r.failure is not None:
                print("\n".join("         " + line for line in render_caret(r.failure).splitlines()))
        passed = sum(r.ok for r in results)
        print(f"{passed} geslaagd, {len(results) - passed} mislukt ({len(project.cases)} casussen, "
              f"{len({r.versie for r in results})} versies)")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


@command("uitleg")
def cmd_uitleg(args: argparse.Namespace) -> int:
    project = load_project(args.regeling, [Path(args.casus)])
    if not project.ok:
        _report_diagnostics(project.diagnostics, args.json)
        return EXIT_INPUT
    cases = [c for c in project.cases if not args.naam or args.naam.lower() in c.naam.lower()]
    if not cases:
        print(f"fout: geen casus gevonden in {args.casus}" + (f" met '{args.naam}'" if args.naam else ""),
              file=sys.stderr)
        return EXIT_INPUT
    payload, status = [], EXIT_OK
    for case in cases:
        for vid in [args.versie] if args.versie else versions_for(case, project.bundle.in_force):
            reg = project.bundle.versions.get(vid) if vid else None
            if reg is None:
                print(f"fout: versie '{vid}' bestaat niet", file=sys.stderr)
                return EXIT_INPUT
            try:
                outcome = evaluate(compile_regeling(reg, traced=True), case.feiten)
            except EvaluationFailure as f:
                status = EXIT_FAILED
                if args.json:
                    payload.append({"naam": case.naam, "versie": vid, "fout": diagnostic_json(f.diagnostic)})
                else:
                    print(f"Casus: {case.naam} ({vid})\n{render_caret(f.diagnostic)}\n")
                continue
            assert outcome.trace is not None
            if args.json:
                payload.append({"naam": case.naam, "versie": vid, "uitkomst": values_json(outcome.values),
                                "uitleg": trace_json(outcome.trace)})
            else:
                print(explain(reg, case.feiten, outcome.trace, case.naam))
                print()
    if args.json:
        _print_json(payload)
    return status


def _segments(segs: Sequence[Any]) -> str:
    """Renvooi in a terminal, wdiff-style: [-deleted-] {+inserted+}."""
    marks = {"gelijk": "{}", "weg": "[-{}-]", "nieuw": "{{+{}+}}"}
    return "".join(marks[s.soort].format(s.tekst) for s in segs)


@command("vergelijk")
def cmd_vergelijk(args: argparse.Namespace) -> int:
    from .compare.outcomes import compare_cases
    from .compare.renvooi import renvooi

    project = _project(args)
    if not project.ok:
        _report_diagnostics(project.diagnostics, args.json)
        return EXIT_INPUT
    bundle = project.bundle
    for vid in (args.basis, args.nieuw):
        if vid not in bundle.versions:
            print(f"fout: versie '{vid}' bestaat niet (versies: {', '.join(bundle.versions)})", file=sys.stderr)
            return EXIT_INPUT
    results, summary = compare_cases(bundle.versions[args.basis], bundle.versions[args.nieuw], project.cases)
    diffs = renvooi(bundle.consolidated[args.basis], bundle.consolidated[args.nieuw])
    if args.json:
        _print_json({
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
                        for d in diffs]})
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
            if d.tekst_gewijzigd:
                print("    tekst: " + _segments(d.tekst).replace("\n", "\n           "))
            if d.regels_oud != d.regels_nieuw:
                print("    regels:\n      " + _segments(d.regels).rstrip().replace("\n", "\n      "))
    return EXIT_OK


def _checked_bundle(args: argparse.Namespace, *versies: str | None) -> Bundle | None:
    """The regeling of PADEN (or --regeling, or the bundled one), after reporting its errors and any named
    version that does not exist; None means: exit with EXIT_INPUT."""
    from .cases.project import bundled_paths
    from .semantics.pipeline import load_bundle

    bundle = load_bundle(*(args.paden or [args.regeling or bundled_paths()[0]]))
    if not bundle.ok:
        _report_diagnostics(bundle.diagnostics, args.json)
        return None
    for vid in versies:
        if vid and vid not in bundle.versions:
            print(f"fout: versie '{vid}' bestaat niet (versies: {', '.join(bundle.versions)})", file=sys.stderr)
            return None
    return bundle


@command("eigenschappen")
def cmd_eigenschappen(args: argparse.Namespace) -> int:
    from .properties.run import check_properties
    from .render.properties import properties_json, render_properties

    bundle = _checked_bundle(args, args.versie)
    if bundle is None:
        return EXIT_INPUT
    try:
        report = check_properties(bundle.versions, args.versie, args.profiel, Path(args.uit) if args.uit else None)
    except ValueError as e:  # an unknown profile in $MEERZORG_HYPOTHESIS
        print(f"fout: {e}", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        _print_json(properties_json(report))
    else:
        print(render_properties(report))
    return EXIT_OK if report.ok else EXIT_FAILED


@command("impact")
def cmd_impact(args: argparse.Namespace) -> int:
    from .impact.population import Population
    from .impact.report import impact_report
    from .render.impact import impact_csv, impact_json, impact_text

    bundle = _checked_bundle(args, args.basis, args.nieuw)
    if bundle is None:
        return EXIT_INPUT
    if args.n < 1:
        print("fout: --n moet ten minste 1 zijn", file=sys.stderr)
        return EXIT_INPUT
    population = Population(args.n, args.seed)
    with _voortgang(args.n, f"{args.basis} en {args.nieuw}") as advance:
        report = impact_report(bundle.versions[args.basis], bundle.versions[args.nieuw], population, advance)
    if args.csv:
        with open(args.csv, "w", encoding="utf-8", newline="") as out:
            impact_csv(report, out)
    if args.json:
        _print_json(impact_json(report))
    else:
        print(impact_text(report))
    return EXIT_OK


@contextlib.contextmanager
def _voortgang(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for long runs (rich draws it only on a terminal); yields advance(k)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(TextColumn("cliënten door {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console, transient=True,
                  disable=total < 50_000 or not console.is_terminal) as bar:
        task = bar.add_task(what, total=total)
        yield lambda k: bar.advance(task, k)


@command("docs")
def cmd_docs(args: argparse.Namespace) -> int:
    """Build the explainer site with Sphinx (-W: every warning is an error)."""
    from sphinx.cmd.build import build_main

    from .cases.project import bundled_paths

    bron = Path(args.bron) if args.bron else bundled_paths()[0].parent / "docs"
    if not (bron / "conf.py").is_file():
        print(f"fout: geen Sphinx-site in {bron} (conf.py ontbreekt)", file=sys.stderr)
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


class _DutchParser(argparse.ArgumentParser):
    """argparse speaks English and ships no Dutch catalogue: translate its few user-facing phrases."""

    _PHRASES = (("the following arguments are required:", "deze argumenten ontbreken:"),
                ("unrecognized arguments:", "onbekende argumenten:"), ("invalid choice:", "ongeldige keuze:"),
                ("choose from", "kies uit"), ("invalid int value:", "geen geheel getal:"),
                ("expected one argument", "verwacht één waarde"), ("argument ", "argument "))

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "gebruik:", 1)
                .replace("positional arguments:", "argumenten:").replace("options:", "opties:")
                .replace("show this help message and exit", "toon deze hulp en stop"))

    def error(self, message: str) -> NoReturn:
        for en, nl in self._PHRASES:
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: fout: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _DutchParser(prog="meerzorg", description="Regelgeving als code voor meerzorg (Wlz).")
    p.add_argument("--regeling", help="map of bestand met de regeling (standaard: de meegeleverde regeling/)")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", parser_class=_DutchParser)
    s = sub.add_parser("check", help="regeling en wijzigingen lezen en controleren")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen")
    s.add_argument("--json", action="store_true")
    s.add_argument("--gnu", action="store_true", help="fouten als bestand:regel:kolom: fout: … (voor editors)")
    s = sub.add_parser("test", help="alle casussen uitvoeren tegen de versies waarvoor ze verwachtingen hebben")
    s.add_argument("paden", nargs="*", help="casusbestanden of -mappen (standaard: tests/casussen/)")
    s.add_argument("--versie", help="alleen deze versie")
    s.add_argument("--json", action="store_true")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="ook geslaagde casussen tonen")
    s = sub.add_parser("uitleg", help="de uitkomst van een casus en waarom")
    s.add_argument("casus", help="casusbestand")
    s.add_argument("--naam", help="alleen casussen waarvan de naam dit bevat")
    s.add_argument("--versie", help="deze versie in plaats van die op de peildatum")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("vergelijk", help="uitkomsten en tekst van twee versies vergelijken (met renvooi)")
    s.add_argument("basis", help="de oude versie, bijvoorbeeld rlz-2026")
    s.add_argument("nieuw", help="de nieuwe versie, bijvoorbeeld rlz-2027")
    s.add_argument("paden", nargs="*", help="casusbestanden of -mappen (standaard: tests/casussen/)")
    s.add_argument("--geen-renvooi", action="store_true", help="alleen de uitkomsten")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("eigenschappen", help="eigenschappen controleren met gegenereerde gevallen; "
                                             "tegenvoorbeelden als casusbestanden")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen (standaard: de meegeleverde regeling/)")
    s.add_argument("--versie", help="alleen deze versie")
    s.add_argument("--uit", help="map voor de tegenvoorbeelden (standaard: een nieuwe tijdelijke map)")
    s.add_argument("--profiel", choices=["ci", "lang"],
                   help="ci: vast en snel (standaard); lang: veel meer gevallen (ook via MEERZORG_HYPOTHESIS=lang)")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("impact", help="een synthetische populatie door twee versies: wie krijgt een andere uitkomst")
    s.add_argument("basis", help="de oude versie, bijvoorbeeld rlz-2026")
    s.add_argument("nieuw", help="de nieuwe versie, bijvoorbeeld rlz-2027")
    s.add_argument("paden", nargs="*", help="regeling-bestanden of -mappen (standaard: de meegeleverde regeling/)")
    s.add_argument("--n", type=int, default=10_000, help="aantal cliënten (standaard 10.000)")
    s.add_argument("--seed", type=int, default=2026, help="seed van de populatie (standaard 2026)")
    s.add_argument("--csv", metavar="BESTAND", help="schrijf de tabellen ook als CSV naar dit bestand")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("docs", help="de uitlegsite bouwen (Sphinx, waarschuwingen zijn fouten)")
    s.add_argument("--uit", help="map voor de HTML (standaard: docs/_build/html)")
    s.add_argument("--bron", help="map met conf.py (standaard: de meegeleverde docs/)")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="alle uitvoer van Sphinx tonen")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.opdracht](args)
    except BrokenPipeError:
        return EXIT_OK

