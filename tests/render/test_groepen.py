"""``meerzorg vergelijk --symbolisch`` (issue 21): the groups are disjoint, each condition of a group matters (drop
it and the group takes in a client whose outcome does not change, or one of another group), and every line is
worded by the reading generator: labels and sentences, no internal name, no symbol, versions in words. Before,
rlz-2027 gave 16 groups split on conditions that did not matter, with lines like "verandert: meerzorg: onwaar ->
waar" and "getuige: peildatum = 2026-03-01, zorgprofiel = VV7, …"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import z3

from meerzorg_law.cases.project import load_project
from meerzorg_law.cli import main
from meerzorg_law.render.leestoets import Lezingplek, toets
from meerzorg_law.render.zinnen import Lezing, Zin
from meerzorg_law.verify.smt import valid as smt_valid
from meerzorg_law.verify.symbolic import SymbolicDiff, symbolic_diff

PROJECT = load_project(None, None)
VERSIONS = PROJECT.bundle.versions
NIEUW = ["rlz-2027-variant-a", "rlz-2027"]


@pytest.fixture(scope="module", params=NIEUW)
def diff(request: pytest.FixtureRequest) -> SymbolicDiff:
    return symbolic_diff(VERSIONS, "rlz-2026", request.param)


def test_every_condition_of_a_group_matters(diff: SymbolicDiff) -> None:
    u, anders = diff.universe, diff.anders
    assert u is not None and anders is not None and diff.volledig and diff.groepen
    s = z3.Solver()
    s.add(*smt_valid(u, [diff.basis, diff.nieuw]))
    for i, g in enumerate(diff.groepen):
        others = [z3.And(*h.formule) for j, h in enumerate(diff.groepen) if j != i]
        assert s.check(*g.formule, z3.Not(anders)) == z3.unsat, g.voorwaarde  # sound
        for k in range(len(g.formule)):
            rest = [t for n, t in enumerate(g.formule) if n != k]
            # without condition k the group takes in a client that does not change or that another group has
            assert s.check(*rest, z3.Or(z3.Not(anders), *others)) == z3.sat, (g.voorwaarde, str(g.formule[k]))


def test_groups_are_few(diff: SymbolicDiff) -> None:
    """Split only where it matters: rlz-2027 had 16 groups before (six of them the overgangsrecht of artikel
    2.2a, split on which date of the earlier decision was known); variant A had 2 and keeps them."""
    assert len(diff.groepen) <= {"rlz-2027-variant-a": 3, "rlz-2027": 8}[diff.nieuw]


def _regels(tekst: str) -> list[str]:
    return [re.sub(r"^(?:- |Groep \d+\.)", "", line.strip()).strip() for line in tekst.splitlines() if line.strip()]


@pytest.mark.parametrize("nieuw", NIEUW)
def test_every_line_is_worded_by_the_generator(nieuw: str, capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    assert main(["vergelijk", "rlz-2026", nieuw, "--symbolisch"]) == 0
    out = capsys.readouterr().out
    names = {n for r in (VERSIONS["rlz-2026"], VERSIONS[nieuw])
             for n in (*r.facts, *r.definitions, *r.outcomes, *(v for e in r.enums.values() for v in e.values))
             if "_" in n}
    problemen = []
    for line in _regels(out):
        if not line:
            continue
        problemen += [f"{p}" for p in toets(Lezingplek("vergelijk", "", nieuw, None, False, Lezing((Zin(line),))))]
        problemen += [f"naam {w!r}: {line}" for w in re.findall(r"[a-z0-9_]+", line) if w in names]
    assert "Wat verandert:" in out and "Een voorbeeld van zo’n cliënt:" in out
    assert not problemen, "\n".join(problemen)


def test_witness_files_describe_their_group_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--getuigen``: each group's case file says who is in it and what changes in the same sentences."""
    assert main(["vergelijk", "rlz-2026", "rlz-2027-variant-a", "--symbolisch", "--getuigen", str(tmp_path)]) == 0
    capsys.readouterr()
    files = sorted(tmp_path.glob("*.yaml"))
    assert files
    for f in files:
        tekst = f.read_text(encoding="utf-8")
        omschrijving = next(r for r in tekst.splitlines() if r.strip().startswith("omschrijving:"))
        assert "Het gaat om cliënten" in omschrijving and "Wat verandert:" in omschrijving
        assert "volgens rlz-" not in omschrijving and "->" not in omschrijving
