"""Scale (issue 24): the shortcuts that make a regeling of 15,000 artikelen provable in under a minute never
change a proof. The time itself is measured by benchmarks/bench_schaal.py (no timing in a unit test); here:
the grouped conflict search finds exactly what one search over the whole rank finds, the incremental gap
check finds the same gaps, and the rules of a rank are only split when their text keeps them apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.verify import checks
from meerzorg_law.verify.report import verify_versions

KOP = '''regeling "Schaal"
versie s-1
geldig vanaf 2026-01-01
gegevens
  invoer code: geheel getal van 0 tot en met 10
  enumeratie soorten "Soorten"
    waarde a "a"
    waarde b "b"
  invoer soort: soorten
  invoer uren: decimaal van 0 tot en met 168
  uitkomst u0: decimaal standaard 0
  uitkomst u1: decimaal standaard 0
  uitkomst u2: decimaal
'''
# u0: five rules pinned to code 1..4; 2 and 3 pin the same value and overlap (a conflict), 1 and 4 differ.
# u1: a rule pinned to code = 1 and one that pins nothing (no split; a conflict at code 1, uren > 100).
# u2: no standaard, rules only for code 1 and 2 (a gap, V002).
REGELS = [
    ("u0", "1", "code = 1"), ("u0", "2", "code = 2"), ("u0", "3", "code = 2 en uren > 10"), ("u0", "4", "code = 4"),
    ("u0", "5", "code = 3 en soort = a"),
    ("u1", "1", "code = 1"), ("u1", "2", "uren > 100"),
    ("u2", "1", "code = 1"), ("u2", "2", "code = 2 en uren > 1"),
]


def regeling(regels: list[tuple[str, str, str]]) -> str:
    delen = [KOP]
    for i, (uitkomst, waarde, conditie) in enumerate(regels, 1):
        delen.append(f'artikel {i} "Bepaling {i}"\n  lid 1\n    tekst "Bepaling {i}."\n'
                     f"    regel: {uitkomst} is {waarde} indien {conditie}\n")
    return "".join(delen)


def _bevindingen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gegroepeerd: bool) -> list[tuple[str, str]]:
    pad = tmp_path / "schaal.rgl"
    pad.write_text(regeling(REGELS), encoding="utf-8")
    bundle = load_bundle(pad)
    assert bundle.ok, [d.message for d in bundle.diagnostics]
    if not gegroepeerd:  # the search before the shortcut: the whole rank in one group
        monkeypatch.setattr(checks, "_apart", lambda rank: [list(range(len(rank)))])
    return sorted((f.diagnostic.code, f.diagnostic.message.split("; bijvoorbeeld")[0])
                  for f in verify_versions(bundle.versions))


def test_grouped_and_whole_rank_searches_prove_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gegroepeerd = _bevindingen(tmp_path, monkeypatch, True)
    assert [c for c, _ in gegroepeerd] == ["V001", "V001", "V002"]
    assert any("artikel 2, eerste lid" in m and "artikel 3, eerste lid" in m for _, m in gegroepeerd)
    assert any("artikel 6, eerste lid" in m and "artikel 7, eerste lid" in m for _, m in gegroepeerd)
    assert any("uitkomst 'u2'" in m for _, m in gegroepeerd)
    assert _bevindingen(tmp_path, monkeypatch, False) == gegroepeerd


def _rank(tmp_path: Path, regels: list[tuple[str, str, str]]) -> list[list[int]]:
    pad = tmp_path / "r.rgl"
    pad.write_text(regeling([*regels, ("u2", "1", "code = 1")]), encoding="utf-8")  # u2 has no standaard
    reg = load_bundle(pad).versions["s-1"]
    from meerzorg_law.verify.smt import Translator, Universe

    terms = Translator(Universe({"s-1": reg}), reg).outcome("u0")
    (rank,) = terms.ranks
    return checks._apart(rank)


def test_a_rank_is_split_only_by_a_fact_every_member_pins(tmp_path: Path) -> None:
    assert _rank(tmp_path, [("u0", "1", "code = 1"), ("u0", "2", "code = 2 en uren > 3"),
                            ("u0", "3", "code = 1 en soort = b")]) == [[0, 2], [1]]
    # One member without the conjunct: nothing is known, one group.
    assert _rank(tmp_path, [("u0", "1", "code = 1"), ("u0", "2", "code = 2"), ("u0", "3", "uren > 3")]) == [[0, 1, 2]]
    # 'of' and 'tenzij' do not pin.
    assert _rank(tmp_path, [("u0", "1", "code = 1 of uren > 3"), ("u0", "2", "code = 2")]) == [[0, 1]]
