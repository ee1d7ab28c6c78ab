"""Version comparison: outcomes per case with their causes (a diff of traces), and the renvooi of the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meerzorg_law.cases.project import load_project
from meerzorg_law.cli import main
from meerzorg_law.compare.outcomes import compare_cases
from meerzorg_law.compare.renvooi import Segment, _diff, renvooi
from meerzorg_law.syntax.parse import parse_file
from meerzorg_law.versions.catalog import build_versions

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    p = load_project()
    assert p.ok
    return p


def test_word_diff_marks_runs() -> None:
    segs = _diff("het aantal uren per week dat hij nodig heeft", "het aantal uren directe zorg per week", False)
    assert segs == (Segment("gelijk", "het aantal uren "), Segment("nieuw", "directe zorg "),
                    Segment("gelijk", "per week "), Segment("weg", "dat hij nodig heeft"))


def test_renvooi_of_the_2027_proposal(project) -> None:  # type: ignore[no-untyped-def]
    b = project.bundle
    diffs = {d.ref.citeer(): d for d in renvooi(b.consolidated["rlz-2026"], b.consolidated["rlz-2027"])}
    c = diffs["artikel 1.1, begripsomschrijving van 'telbare zorgbehoefte'"]
    assert c.soort == "gewijzigd" and c.tekst_gewijzigd
    assert {s.soort for s in c.regels} >= {"weg", "nieuw"}
    assert "uren_toezicht_per_week" in c.regels_oud and "uren_toezicht_per_week" not in c.regels_nieuw
    assert any(d.soort == "ingevoegd" for d in diffs.values())
    # The begrippen inserted in the alphabetical order of artikel 1.1 are each a change of their own.
    assert diffs["artikel 1.1, begripsomschrijving van 'zorgbehoefte thuis'"].soort == "ingevoegd"
    # Unchanged provisions are not listed.
    assert "artikel 2.1, eerste lid" not in diffs


def test_renvooi_of_a_version_with_itself_is_empty(project) -> None:  # type: ignore[no-untyped-def]
    reg = project.bundle.consolidated["rlz-2026"]
    assert renvooi(reg, reg) == ()


def test_changes_name_the_deciding_provisions(project) -> None:  # type: ignore[no-untyped-def]
    b = project.bundle
    results, summary = compare_cases(b.versions["rlz-2026"], b.versions["rlz-2027"], project.cases)
    changed = [r for r in results if r.gewijzigd]
    assert changed and summary.gewijzigd == len(changed) and summary.totaal == len(project.cases)
    for r in changed:
        for w in r.wijzigingen:
            assert w.oud != w.nieuw
            assert w.redenen, (r.case.naam, w.outcome)
    # Toezicht no longer counts towards the 25% in 2027 (artikel 1.1, telbare zorgbehoefte): a case that met the
    # threshold only through toezicht hours loses meerzorg, and the reason names the begrip and its provision.
    lost = [r for r in changed for w in r.wijzigingen if w.outcome == "meerzorg" and w.oud is True]
    assert lost
    assert any("begrip telbare_zorgbehoefte (artikel 1.1, begripsomschrijving van 'telbare zorgbehoefte')" in reden
               for r in lost for w in r.wijzigingen for reden in w.redenen)
    assert summary.verloren.get("meerzorg", 0) == len(lost)


def test_same_version_changes_nothing(project) -> None:  # type: ignore[no-untyped-def]
    v = project.bundle.versions["rlz-2026"]
    results, summary = compare_cases(v, v, project.cases)
    assert summary.gewijzigd == 0 and not any(r.gewijzigd for r in results)


def test_vergelijk_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vergelijk", "rlz-2026", "rlz-2027", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["samenvatting"]["gewijzigd"] == sum(c["gewijzigd"] for c in payload["casussen"])
    telbaar = "artikel 1.1, begripsomschrijving van 'telbare zorgbehoefte'"
    assert any(r["bepaling"] == telbaar for r in payload["renvooi"])


def test_vergelijk_unknown_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vergelijk", "rlz-2026", "rlz-2099"]) == 2
    assert "versie 'rlz-2099' bestaat niet" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["komt_te_luiden", "vervalt", "ingevoegd", "vernummerd", "tabel"])
def test_every_instruction_kind_shows_in_the_renvooi(name: str) -> None:
    good = ROOT / "tests" / "versions" / "good"
    docs = [parse_file(str(good / "basis.rgl"))[0], parse_file(str(good / f"{name}.rgl"))[0]]
    consolidated, versies, diags = build_versions([d for d in docs if d is not None])
    assert not diags
    new = next(v for v in versies if v.basis)
    diffs = renvooi(consolidated[new.basis], consolidated[new.id])
    expected = {"komt_te_luiden": {"gewijzigd"}, "vervalt": {"vervallen"}, "ingevoegd": {"ingevoegd"},
                "vernummerd": {"vernummerd"}, "tabel": {"gewijzigd"}}[name]
    assert {d.soort for d in diffs} >= expected
