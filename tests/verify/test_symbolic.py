"""``vergelijk --symbolisch``: every group only holds clients whose outcome differs (its witness shows it under
the engine), and together the groups hold every bundled case whose outcome differs: the list is complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import z3

from meerzorg_law.cases.project import load_project
from meerzorg_law.cli import main
from meerzorg_law.engine.interpret import interpret
from meerzorg_law.values import Value
from meerzorg_law.verify.smt import valid
from meerzorg_law.verify.symbolic import Group, SymbolicDiff, symbolic_diff

PROJECT = load_project(None, None)
VERSIONS = PROJECT.bundle.versions


def _holds(diff: SymbolicDiff, g: Group, facts: dict[str, Value]) -> bool:
    u = diff.universe
    assert u is not None
    pairs = []
    for name, f in u.facts.items():
        t = u.fact(name)
        if name in facts:
            pairs.append((t.val, u.const(facts[name], f.type, f.span)))
        if f.optioneel:
            pairs.append((t.ok, z3.BoolVal(name in facts)))
    return bool(z3.is_true(z3.simplify(z3.substitute(z3.And(*g.formule), *pairs))))


def _differs(a: str, b: str, facts: dict[str, Value]) -> bool:
    return interpret(VERSIONS[a], facts) != interpret(VERSIONS[b], facts)


def test_groups_are_sound_and_complete_for_variant_a() -> None:
    diff = symbolic_diff(VERSIONS, "rlz-2026", "rlz-2027-variant-a")
    assert diff.volledig and 0 < len(diff.groepen) <= 12
    for g in diff.groepen:
        assert _differs("rlz-2026", "rlz-2027-variant-a", g.getuige), g.voorwaarde
        assert _holds(diff, g, g.getuige)
    changed = [c for c in PROJECT.cases if _differs("rlz-2026", "rlz-2027-variant-a", c.feiten)]
    assert changed
    for case in changed:
        assert any(_holds(diff, g, case.feiten) for g in diff.groepen), case.naam
    # in the drafter's terms: the rule whose conditions variant A changes (the threshold of artikel 2.2, eerste
    # lid, onderdeel e, is in that rule's conditions)
    assert any("de voorwaarden van artikel 2.2, eerste lid volgens rlz-2027-variant-a" in g.voorwaarde
               for g in diff.groepen)


@pytest.mark.parametrize("nieuw", ["rlz-2027-variant-a", "rlz-2027"])
def test_groups_are_disjoint_and_in_labels(nieuw: str) -> None:
    """No client is in two groups (before, three groups shared one witness), and a group reads in the labels
    of facts and begrippen, not their internal names."""
    diff = symbolic_diff(VERSIONS, "rlz-2026", nieuw)
    u = diff.universe
    assert u is not None and len(diff.groepen) > 1
    solver = z3.Solver()
    solver.add(*valid(u, ["rlz-2026", nieuw]))
    for i, g in enumerate(diff.groepen):
        for h in diff.groepen[i + 1:]:
            assert solver.check(z3.And(*g.formule), z3.And(*h.formule)) == z3.unsat, (g.voorwaarde, h.voorwaarde)
    names = {n for r in (VERSIONS["rlz-2026"], VERSIONS[nieuw]) for n in (*r.facts, *r.definitions)}
    for g in diff.groepen:
        words = set(re.findall(r"[a-z0-9_]+", g.voorwaarde))
        assert not {w for w in words if "_" in w} & names, g.voorwaarde


def test_a_version_against_itself_has_no_groups() -> None:
    diff = symbolic_diff(VERSIONS, "rlz-2026", "rlz-2026")
    assert diff.groepen == () and diff.volledig


def test_cli_symbolisch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vergelijk", "rlz-2026", "rlz-2027-variant-a", "--symbolisch", "--json",
                 "--getuigen", str(tmp_path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["volledig"] is True and payload["groepen"]
    assert len(payload["getuigen"]) == len(payload["groepen"])
    assert all(g["bepalingen"] and g["wijzigingen"] for g in payload["groepen"])
