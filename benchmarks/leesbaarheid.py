"""Readability of the Dutch readings (issue 22), per version: Flesch-Douma through textstat with lang "nl"
(206,835 - 0,93 x woorden per zin - 77 x lettergrepen per woord; lettergrepen by pyphen's Dutch dictionary).

Run by hand: ``python benchmarks/leesbaarheid.py``. Printed per version, for

* the readings of the site (every rule, begrip, outcome and eigenschap, from ``render.leestoets``), and
* the client-facing text: what ``meerzorg uitleg`` says about every case of the bundled case files (the
  outcomes, and why: the conditions that held or failed), without the header and the herkomst labels.

A sentence is a sentence or one point of a list (a list point is read on its own). Taalniveau B1 is usually put
at a Flesch-Douma score of about 60 or more ("redelijk makkelijk"); the script prints the score and that aim,
it does not fail on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import textstat

from meerzorg_law.cases.project import load_project
from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.render.explain import explain
from meerzorg_law.render.leestoets import alle_lezingen

ROOT = Path(__file__).resolve().parents[1]
B1 = 60.0


def _score(zinnen: list[str]) -> tuple[int, float, float, float]:
    """Sentences, words per sentence, syllables per word, Flesch-Douma."""
    zinnen = [z.strip().rstrip(".;:") for z in zinnen if z.strip()]
    woorden = sum(textstat.lexicon_count(z) for z in zinnen)
    lettergrepen = sum(textstat.syllable_count(z) for z in zinnen)
    wpz = woorden / len(zinnen)
    lpw = lettergrepen / woorden
    return len(zinnen), wpz, lpw, 206.835 - 0.93 * wpz - 77 * lpw


def _uitleg_zinnen(tekst: str) -> Iterable[str]:
    for line in tekst.splitlines():
        line = re.sub(r"\[[^\]]*\]", "", line).strip(" ✓✗·")
        if not line or line.startswith(("Casus", "Versie ")) or line.endswith(":"):
            continue
        yield line


def main() -> None:
    textstat.set_lang("nl")
    # textstat's own Dutch formula, to show the hand computation above is the same one.
    assert abs(textstat.flesch_reading_ease("De verzekerde ontvangt zorg thuis.") -
               _score(["De verzekerde ontvangt zorg thuis."])[3]) < 0.01
    project = load_project()
    per_versie: dict[str, list[str]] = {}
    for plek in alle_lezingen(project.bundle.versions):
        per_versie.setdefault(plek.versie, []).extend(plek.lezing.sentences())
    print(f"Flesch-Douma (textstat {textstat.__version__}, lang nl); streefwaarde B1: {B1:.0f} of hoger\n")
    print(f"{'versie':<22} {'tekst':<10} {'zinnen':>7} {'woorden/zin':>12} {'lettergr/woord':>15} {'Flesch-Douma':>13}")
    alle_site: list[str] = []
    alle_uitleg: list[str] = []
    for vid, reg in project.bundle.versions.items():
        compiled = compile_regeling(reg, traced=True)
        uitleg: list[str] = []
        for case in project.cases:
            if case.feiten is None:
                continue
            try:
                outcome = evaluate(compiled, case.feiten)
            except Exception:  # a case meant for another version (unknown fact): not this version's text
                continue
            if outcome.trace is not None:
                uitleg += _uitleg_zinnen(explain(reg, case.feiten, outcome.trace, case.naam))
        for soort, zinnen in (("site", per_versie[vid]), ("uitleg", uitleg)):
            if zinnen:
                n, wpz, lpw, fd = _score(zinnen)
                print(f"{vid:<22} {soort:<10} {n:>7} {wpz:>12.1f} {lpw:>15.2f} {fd:>13.1f}")
        alle_site += per_versie[vid]
        alle_uitleg += uitleg
    for soort, zinnen in (("site", alle_site), ("uitleg", alle_uitleg)):
        n, wpz, lpw, fd = _score(zinnen)
        print(f"{'alle versies':<22} {soort:<10} {n:>7} {wpz:>12.1f} {lpw:>15.2f} {fd:>13.1f}"
              f"  ({'haalt' if fd >= B1 else 'haalt niet'} B1 {B1:.0f})")


if __name__ == "__main__":
    main()
