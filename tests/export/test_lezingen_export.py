"""The exports word outcomes with the reading generator: every changed outcome in the case table of the .docx,
the PDF and the CSV is the sentence ``meerzorg uitleg`` prints for that case (under the new version, and under
the basis for what it was), and every cell passes the quality gate of the readings (no internal name, no
symbol). Before, the table read "meerzorg: waar → onwaar; grondslag: bijzondere_zorgbehoefte → geen"."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.cases.project import load_project
from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.export.write import vergelijking_rijen
from meerzorg_law.render.explain import explain
from meerzorg_law.render.leestoets import Lezingplek, toets
from meerzorg_law.render.zinnen import Lezing, Zin

ROOT = Path(__file__).resolve().parents[2]
VARIANT = ROOT / "tests" / "workflow" / "variant"


def _uitkomstregels(project, vid: str, naam: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The outcome lines of ``meerzorg uitleg`` for one case under one version, without indent and full stop."""
    reg = project.bundle.versions[vid]
    case = next(c for c in project.cases if c.naam == naam)
    outcome = evaluate(compile_regeling(reg, traced=True), case.feiten)
    assert outcome.trace is not None
    tekst = explain(reg, case.feiten, outcome.trace, naam)
    blok = tekst.split("Uitkomsten:\n", 1)[1]
    return [line.strip().removesuffix(".") for line in blok.splitlines()
            if line.startswith("  ") and not line.startswith("   ")]


def _klein(s: str) -> str:
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def _check(regeling_map: Path | None, casussen: list[Path], versie: str) -> int:
    project = load_project(regeling_map, casussen)
    assert project.ok
    basis = project.bundle.consolidated[versie].basis
    rows = vergelijking_rijen(project.bundle, project.cases, versie)
    problemen = [p for cel in rows[0] for p in toets(Lezingplek("export", "kop", versie, None, False,
                                                                Lezing((Zin(cel),))))]
    gewijzigd = 0
    for naam, soort, wat, _door, verwacht in rows[1:]:
        zinnen = [z.strip() + ")." for z in wat.split(").") if z.strip()]
        for cel in (*zinnen, verwacht):  # the gate measures sentences: a changed outcome is one
            problemen += [f"{naam}: {p}" for p in toets(Lezingplek("export", naam, versie, None, False,
                                                                   Lezing((Zin(cel),))))]
        if soort != "ja":
            continue
        gewijzigd += 1
        nieuw, oud = _uitkomstregels(project, versie, naam), _uitkomstregels(project, basis, naam)
        assert zinnen, wat
        for zin in zinnen:
            nu, _, was = zin.removesuffix(").").partition(" (")
            assert nu in nieuw, (naam, nu, nieuw)  # the new outcome: uitleg's sentence under the new version
            was = was.split(": ", 1)[1]
            onderwerp = nu[:nu.find(" is ") + 4] if " is " in nu else ""
            # and what it was: uitleg's sentence under the basis (its subject not repeated when it is the same)
            assert was in [_klein(s) for s in oud] or onderwerp + was in oud, (naam, was, oud)
        if verwacht.startswith("afwijkend, verwacht: "):
            for zin in verwacht.removeprefix("afwijkend, verwacht: ").split(". "):
                assert zin.removesuffix(".")[:1].isupper(), verwacht
    assert not problemen, "\n".join(problemen)
    return gewijzigd


def test_the_variants_case_table_is_worded_by_the_generator() -> None:
    assert _check(VARIANT, [VARIANT / "casussen.yaml"], "rlz-2027-mantelzorg") > 0


def test_the_2027_case_table_is_worded_by_the_generator() -> None:
    assert _check(None, [ROOT / "tests" / "casussen"], "rlz-2027") > 20
