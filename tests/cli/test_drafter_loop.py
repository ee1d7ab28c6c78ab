"""The drafter's loop from the command line: global options after the subcommand, export that says when the
cases do not hold (exit 1, a 'verwacht' column), and uitleg that names the version it explains under."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from meerzorg_law.cli import main

ROOT = Path(__file__).resolve().parents[2]
VARIANT = ROOT / "tests" / "workflow" / "variant"
ID = "rlz-2027-mantelzorg"
ZELFSTANDIG = ROOT / "tests" / "versions" / "zelfstandig"


def test_regeling_is_accepted_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    casussen = str(VARIANT / "casussen.yaml")
    assert main(["test", casussen, "--regeling", str(VARIANT)]) == 0  # before: "onbekende argumenten"
    na = capsys.readouterr().out
    assert main(["--regeling", str(VARIANT), "test", casussen]) == 0
    assert capsys.readouterr().out == na


def test_a_variant_case_file_without_its_folder_gives_one_error_with_a_hint(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(VARIANT / "casussen.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("fout[") == 1, err  # before: one per case and per new fact
    assert f"versie '{ID}' bestaat niet in deze regeling" in err and "--regeling MAP" in err


def test_export_exits_1_and_says_so_when_expectations_fail(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    map_ = tmp_path / "variant"
    shutil.copytree(VARIANT, map_)
    casussen = map_ / "casussen.yaml"
    tekst = casussen.read_text(encoding="utf-8")
    assert "meerzorg_uren_per_week: 7.25}" in tekst
    casussen.write_text(tekst.replace("meerzorg_uren_per_week: 7.25}", "meerzorg_uren_per_week: 8}", 1),
                        encoding="utf-8")
    uit = tmp_path / "uit"
    assert main(["export", ID, str(casussen), "--regeling", str(map_), "--uit", str(uit), "--geen-pdf"]) == 1
    out, err = capsys.readouterr()
    assert "1 verwachting van de casussen klopt niet" in err and "meerzorg test --herzien" in err
    assert "meerzorg_uren_per_week verwacht 8" in out
    with (uit / f"{ID}-casussen.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][-1] == "verwacht"
    assert [r[-1] for r in rows[1:]].count("klopt") == len(rows) - 2
    # what was expected, in the sentence uitleg says it with (not the outcome's internal name)
    assert any(r[-1].startswith("afwijkend, verwacht: Het aantal uren meer zorg per week is 8") for r in rows[1:])


def test_uitleg_names_the_version_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    casussen = str(ZELFSTANDIG / "casussen.yaml")
    assert main(["uitleg", casussen, "--regeling", str(ZELFSTANDIG), "--naam", "Eerste aanvraag"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Versie ‘rlz-2027-termijn’: de casus heeft een verwachting voor deze versie (een andere: "
                          "--versie).")
    assert main(["uitleg", casussen, "--regeling", str(ZELFSTANDIG), "--naam", "Eerste aanvraag",
                 "--versie", "rlz-2027-termijn"]) == 0
    assert capsys.readouterr().out.startswith("Versie ‘rlz-2027-termijn’: gekozen met --versie.")
