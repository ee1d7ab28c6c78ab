"""``meerzorg test --herzien`` and ``--alles-accepteren``: review each expectation that differs from the outcome
(or is still 'te herzien'), with the explanation of the new outcome, and write the accepted ones into the case
files, keeping comments and layout (``cases.herzien``)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, fout

if TYPE_CHECKING:
    from ..cases.herzien import Aanpassing
    from ..cases.project import Project
    from ..cases.run import CaseResult
    from ..engine.compile import Decision

WEIGERING = ("--herzien vraagt bij elke verwachting of u de nieuwe uitkomst overneemt, maar de invoer is geen "
             "terminal; gebruik 'meerzorg test --alles-accepteren' om alle nieuwe uitkomsten zonder vragen over te "
             "nemen (bekijk ze eerst met 'meerzorg test')")
VRAAG = "Overnemen? [j]a, [n]ee, [a]lle volgende, [q] stoppen: "


def weiger_zonder_terminal(args: argparse.Namespace) -> bool:
    """True (after saying why) when --herzien would have to ask but nobody can answer: it never blocks."""
    if args.herzien and not args.alles_accepteren and not sys.stdin.isatty():
        fout(WEIGERING)
        return True
    if args.json and (args.herzien or args.alles_accepteren):
        fout("--herzien en --alles-accepteren gaan niet samen met --json")
        return True
    return False


def _voorstel(project: Project, r: CaseResult) -> dict[str, str] | None:
    """The outcomes to write for ``r`` as YAML texts; None when one cannot be written exactly."""
    from ..cases.herzien import yaml_tekst

    reg = project.bundle.versions[r.versie]
    if r.te_herzien:
        andere = [n for e in r.case.verwacht if not e.te_herzien for n in e.values if n in reg.outcomes]
        namen = list(dict.fromkeys(andere)) or list(reg.outcomes)
    else:
        namen = [m.outcome for m in r.mismatches]
    out: dict[str, str] = {}
    for naam in namen:
        if naam not in r.uitkomst:
            return None
        tekst = yaml_tekst(r.uitkomst[naam], reg.outcomes[naam], reg)
        if tekst is None:
            return None
        out[naam] = tekst
    return out


def _toon(project: Project, r: CaseResult, voorstel: dict[str, str], decisions: dict[str, Decision]) -> str:
    from ..engine.compile import compile_regeling
    from ..engine.evaluate import evaluate
    from ..render.explain import explain
    from ..render.waarden import toon_uitkomst

    reg = project.bundle.versions[r.versie]
    kop = f"Casus: {r.case.naam} ({r.case.file}:{r.case.span.line}), versie {r.versie}"
    regels = [kop]
    for naam in voorstel:
        nieuw = toon_uitkomst(reg, naam, r.uitkomst[naam])
        if r.te_herzien:
            ander = next((e for e in r.case.verwacht if not e.te_herzien and naam in e.values), None)
            vergelijk = "" if ander is None else (
                f" (gelijk aan {ander.versie})" if ander.values[naam] == r.uitkomst[naam]
                else f" (anders dan {ander.versie}: {toon_uitkomst(reg, naam, ander.values[naam])})")
            regels.append(f"  {naam}: te herzien, uitkomst {nieuw}{vergelijk}")
        else:
            regels.append(f"  {naam}: verwacht {toon_uitkomst(reg, naam, r.verwacht[naam])}, nieuwe uitkomst {nieuw}")
    if r.versie not in decisions:
        decisions[r.versie] = compile_regeling(reg, traced=True)
    trace = evaluate(decisions[r.versie], r.case.feiten).trace
    if trace is not None:
        alleen = dataclasses.replace(trace, outcomes=tuple(o for o in trace.outcomes if o.name in voorstel))
        uitleg = explain(reg, r.case.feiten, alleen, r.case.naam).splitlines()[1:]  # the case is named above
        regels += ["  " + line if line else "" for line in uitleg]
    return "\n".join(regels)


def herzien(project: Project, results: list[CaseResult], gelezen: dict[str, str], alles: bool,
            vraag: Callable[[str], str] = input) -> int:
    """Review every result that differs or waits for review; write what is accepted. Exit code: 0 when every
    expectation now holds, 1 when some were declined or cannot be written, 2 when a file could not be written."""
    from ..cases.herzien import Aanpassing, HerzienFout, herschrijf

    open_ = [r for r in results if r.failure is None and (r.mismatches or r.te_herzien)]
    per_bestand: dict[str, list[Aanpassing]] = {}
    afgewezen = 0
    decisions: dict[str, Decision] = {}
    for i, r in enumerate(open_):
        voorstel = _voorstel(project, r)
        if voorstel is None:
            print(f"{r.case.naam} ({r.versie}): een uitkomst is niet exact als tekst te schrijven; "
                  "pas de verwachting met de hand aan")
            afgewezen += 1
            continue
        if not alles:
            print(_toon(project, r, voorstel, decisions))
            antwoord = _antwoord(vraag)
            print()
            if antwoord == "q":
                afgewezen += len(open_) - i
                break
            if antwoord == "n":
                afgewezen += 1
                continue
            alles = antwoord == "a"
        else:
            print(f"overgenomen: {r.case.naam} ({r.versie}): "
                  + ", ".join(f"{k}: {v}" for k, v in voorstel.items()))
        per_bestand.setdefault(r.case.file, []).append(Aanpassing(r.case.file, r.case.span.line, r.versie, voorstel))
    status, geschreven = EXIT_OK, 0
    for bestand, aanpassingen in per_bestand.items():
        try:
            herschrijf(bestand, aanpassingen, gelezen)
        except HerzienFout as err:
            fout(str(err))
            status = EXIT_INPUT
            afgewezen += len(aanpassingen)
            continue
        geschreven += len(aanpassingen)
        print(f"Geschreven: {bestand} ({len(aanpassingen)} verwachting{'en' if len(aanpassingen) != 1 else ''} "
              "overgenomen; opmaak en commentaar behouden)")
    mislukt = sum(r.failure is not None for r in results)
    print(f"{geschreven} overgenomen, {afgewezen} niet "
          f"overgenomen, {mislukt} met een fout")
    if status != EXIT_OK:
        return status
    return EXIT_OK if not afgewezen and not mislukt else EXIT_FAILED


def _antwoord(vraag: Callable[[str], str]) -> str:
    while True:
        try:
            tekst = vraag(VRAAG).strip().lower()
        except EOFError:
            return "q"
        if tekst[:1] in ("j", "n", "a", "q"):
            return tekst[:1]
        print("antwoord j (ja), n (nee), a (alle volgende overnemen) of q (stoppen)")
