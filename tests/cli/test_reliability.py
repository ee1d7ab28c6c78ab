"""Hostile input at the command line: a Dutch message with a position and exit 2, never a traceback, never a
half-written file. Each test feeds a bad input file (tests/cli/data/, tests/cases/bad/) to ``main``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from meerzorg_law import cli
from meerzorg_law.cli import main
from meerzorg_law.output import OutputError, atomic_writer

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_too_deep_nesting_is_a_positioned_error(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "diep_genest.rgl"
    code, _, err = run(capsys, "check", "--gnu", str(path))
    assert code == 2
    assert err.strip() == (f"{path}:10:499: fout: de tekst is hier te diep genest (meer dan 100 niveaus); "
                           "splits de uitdrukking op met begrippen [E005]")


@pytest.mark.parametrize("command", ["check", "test", "uitleg"])
def test_nesting_just_under_the_limit_runs_everywhere(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """The depth limit is what protects the recursive stages: just under it, each of them still works."""
    args = {"check": ["check"], "test": ["test", str(DATA / "casus.yaml")],
            "uitleg": ["uitleg", str(DATA / "casus.yaml")]}[command]
    code, out, _ = run(capsys, "--regeling", str(DATA / "net_niet_te_diep.rgl"), *args)
    assert code == 0, out


def test_atomic_writer_refuses_a_folder_a_missing_parent_and_a_read_only_file(tmp_path: Path) -> None:
    ro = tmp_path / "alleen-lezen.csv"
    ro.write_text("oud\n", encoding="utf-8")
    ro.chmod(stat.S_IRUSR | stat.S_IRGRP)
    cases = {tmp_path: f"kan '{tmp_path}' niet schrijven: dat is een map; geef een bestandsnaam",
             tmp_path / "geen" / "x.csv": f"kan '{tmp_path / 'geen' / 'x.csv'}' niet schrijven: de map "
                                          f"'{tmp_path / 'geen'}' bestaat niet",
             ro: f"kan '{ro}' niet schrijven: het bestand is alleen-lezen"}
    for path, message in cases.items():
        with pytest.raises(OutputError) as err, atomic_writer(path) as out:
            out.write("nieuw\n")
        assert str(err.value) == message
    assert ro.read_text(encoding="utf-8") == "oud\n"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "uit.csv"
    target.write_text("oud\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as out:
        out.write("half")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "oud\n"
    assert os.listdir(tmp_path) == ["uit.csv"]
    with atomic_writer(target) as out:
        out.write("nieuw\n")
    assert target.read_text(encoding="utf-8") == "nieuw\n" and os.listdir(tmp_path) == ["uit.csv"]


def test_impact_csv_to_a_folder_is_refused_before_the_work(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    code, _, err = run(capsys, "impact", "rlz-2026", "rlz-2027", "--n", "10", "--csv", str(tmp_path))
    assert code == 2
    assert err == f"fout: kan '{tmp_path}' niet schrijven: dat is een map; geef een bestandsnaam\n"


def test_impact_refuses_a_population_that_would_run_for_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "impact", "rlz-2026", "rlz-2027", "--n", str(10**12))
    assert code == 2
    assert err == "fout: --n moet van 1 tot en met 100.000.000 zijn\n"


def test_ctrl_c_exits_130_in_dutch(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.check, "run", interrupted)
    code, _, err = run(capsys, "check")
    assert code == 130
    assert err == "\nafgebroken (Ctrl-C); er is geen half geschreven uitvoer achtergebleven\n"


@pytest.mark.parametrize(("path", "message"), [
    (DATA / "map_zonder_casussen", "fout[C004]: in de map '{p}' staan geen casusbestanden (.yaml of .yml)"),
    (DATA / "map_zonder_casusen", "fout[C000]: '{p}' bestaat niet; bedoelde u map_zonder_casussen?"),
    (ROOT / "tests" / "cases" / "bad" / "lege_lijst.yaml",
     "fout[C003]: 'casussen:' is leeg: een casusbestand zonder casussen test niets"),
], ids=["map zonder casussen", "typfout in de map", "lege lijst"])
def test_nothing_to_do_is_not_success(capsys: pytest.CaptureFixture[str], path: Path, message: str) -> None:
    code, out, err = run(capsys, "test", str(path))
    assert code == 2
    assert message.format(p=path) in err.splitlines()
    assert "geslaagd" not in out


def test_an_amendment_in_force_before_its_base_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    folder = DATA / "wijziging_te_vroeg"
    code, _, err = run(capsys, "check", "--gnu", str(folder))
    assert code == 2
    assert err.strip() == (f"{folder / 'wijziging.rgl'}:2:1: fout: b-2026 geldt vanaf 2026-07-01, vóór de versie die "
                           "zij wijzigt: b-2027 geldt pas vanaf 2027-01-01 [V020]")


def test_dates_past_9999_and_runaway_products_fail_the_case_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    folder = DATA / "rekenen"
    code, out, _ = run(capsys, "--regeling", str(folder / "regeling.rgl"), "test", str(folder / "casussen.yaml"))
    assert code == 1
    lines = [line.strip() for line in out.splitlines()]
    assert ("fout[R006]: de uitkomst van deze datumberekening ligt buiten het bereik van datums "
            "(jaar 1 tot en met 9999)") in lines
    assert f"--> {folder / 'regeling.rgl'}:13:19" in lines
    assert "fout[R007]: de uitkomst van deze vermenigvuldiging is te groot (meer dan 45 cijfers vóór de komma)" in lines
    assert f"--> {folder / 'regeling.rgl'}:18:74" in lines
    assert lines[-1] == "1 geslaagd, 2 mislukt (3 casussen, 1 versies)"


def test_a_broken_regeling_does_not_bury_its_error_under_case_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--regeling", str(DATA / "diep_genest.rgl"), "test", str(DATA / "casus.yaml"))
    assert code == 2
    assert [line for line in err.splitlines() if line.startswith("fout[")] == [
        "fout[E005]: de tekst is hier te diep genest (meer dan 100 niveaus); splits de uitdrukking op met begrippen"]


@pytest.mark.parametrize("args", [
    ["check", str(DATA / "fuzz" / "regeling.rgl"), "--getuigen"],
    ["eigenschappen", str(DATA / "fuzz" / "regeling.rgl"), "--uit"],
    ["docs", "--uit"],
], ids=["check --getuigen", "eigenschappen --uit", "docs --uit"])
def test_a_file_where_an_output_folder_should_be(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 args: list[str]) -> None:
    in_the_way = tmp_path / "uitvoer"
    in_the_way.write_text("niet overschrijven\n", encoding="utf-8")
    code, _, err = run(capsys, *args, str(in_the_way))
    assert code == 2
    assert err.splitlines()[-1] == f"fout: kan niet in '{in_the_way}' schrijven: dat is een bestand, geen map"
    assert in_the_way.read_text(encoding="utf-8") == "niet overschrijven\n"


def test_a_very_long_line_is_shown_around_the_caret(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "diep_genest.rgl"
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    lines = err.splitlines()
    assert lines[1] == f"  --> {path}:10:499"
    source, carets = lines[3], lines[4]
    assert source.startswith("  10 | …niet niet") and source.endswith("…") and len(source) < 180
    assert carets.index("^") == source.index("niet", carets.index("^"))  # the caret stands under a 'niet'


def test_merge_keys_that_double_at_every_level_read_in_linear_time(capsys: pytest.CaptureFixture[str]) -> None:
    """24 levels of '<<: [*a, *a]' would be 2**24 merges if every path were followed (a 'billion laughs')."""
    code, out, _ = run(capsys, "--regeling", str(DATA / "fuzz" / "regeling.rgl"), "test", str(DATA / "lachsalvo.yaml"))
    assert code == 0
    assert out.splitlines()[-1] == "1 geslaagd, 0 mislukt (1 casussen, 1 versies)"


def test_a_merge_key_that_refers_to_itself(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "merge_kring.yaml"
    code, _, err = run(capsys, "--regeling", str(DATA / "fuzz" / "regeling.rgl"), "test", str(path))
    assert code == 2
    assert err.splitlines()[:2] == ["fout[C013]: deze '<<:' verwijst naar zichzelf", f"  --> {path}:3:10"]


def test_a_missing_regeling_and_a_regeling_given_as_case_file(capsys: pytest.CaptureFixture[str]) -> None:
    missing = DATA / "bestaat_niet.rgl"
    code, _, err = run(capsys, "check", str(missing))
    assert code == 2
    assert err.splitlines()[:2] == ["fout[E003]: kan het bestand niet lezen: het bestaat niet", f"  --> {missing}:1:1"]
    regeling = DATA / "diep_genest.rgl"
    code, _, err = run(capsys, "--regeling", str(DATA / "fuzz" / "regeling.rgl"), "test", str(regeling))
    assert code == 2
    assert err.splitlines()[0] == ("fout[C000]: 'diep_genest.rgl' is geen casusbestand: casussen staan in "
                                   ".yaml-bestanden")


def test_a_look_alike_letter_in_a_version_argument_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--regeling", str(DATA / "fuzz" / "regeling.rgl"), "test",
                       str(DATA / "fuzz" / "casussen.yaml"), "--versie", "t-І")
    assert code == 2
    assert err == ("fout: versie 't-І' bestaat niet (versies: t-1); let op: het teken 'І' "
                   "(U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I) lijkt op 'l'\n")


@pytest.mark.parametrize("command", ["check", "test", "uitleg"])
def test_a_chain_of_deep_begrippen_is_refused_before_any_back_end(capsys: pytest.CaptureFixture[str],
                                                                   command: str) -> None:
    """Each begrip is under the parser's limit, but the engines and z3 follow names into definitions."""
    path = DATA / "keten_te_diep.rgl"
    args = [command] + ([str(DATA / "casus.yaml")] if command != "check" else [])
    code, _, err = run(capsys, "--regeling", str(path), *args) if command != "check" else run(capsys, "check",
                                                                                               str(path))
    assert code == 2
    assert err.splitlines()[:2] == [
        "fout[E290]: 'b2' is, met de begrippen en uitkomsten die erin gebruikt worden, 243 niveaus diep genest "
        "(ten hoogste 200); schrijf de keten van begrippen eenvoudiger", f"  --> {path}:12:3"]
