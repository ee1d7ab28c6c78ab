"""The command line as a user meets it: Dutch output, exit codes 0/1/2, --json contracts, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from meerzorg_law.cli import main

ROOT = Path(__file__).parents[2]
BAD_CASES = ROOT / "tests" / "cases" / "bad"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert "rlz-2026: regeling, geldig vanaf 2026-03-01" in out
    assert out.rstrip().endswith("Geen fouten gevonden.")


def test_test_bundled_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test")
    assert code == 0, out
    assert " 0 mislukt" in out.splitlines()[-1]


def test_test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "test", "--json")
    payload = json.loads(out)
    assert set(payload) == {"cases", "passed", "failed"}
    assert payload["passed"] == len(payload["cases"]) and payload["failed"] == 0
    for case in payload["cases"]:
        assert set(case) == {"file", "naam", "versie", "ok", "verwacht", "uitkomst"}
        assert case["ok"] is True
        assert set(case["verwacht"]) <= set(case["uitkomst"])


def test_failing_case_exits_1_and_says_what_differs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = next((ROOT / "tests" / "casussen").glob("*.yaml")).read_text(encoding="utf-8")
    wrong = src.replace("meerzorg: waar", "meerzorg: WISSEL").replace("meerzorg: onwaar", "meerzorg: waar") \
               .replace("meerzorg: WISSEL", "meerzorg: onwaar")
    (tmp_path / "fout.yaml").write_text(wrong, encoding="utf-8")
    code, out, _ = run(capsys, "test", str(tmp_path / "fout.yaml"))
    assert code == 1
    assert "MISLUKT" in out and "meerzorg: verwacht" in out


@pytest.mark.parametrize("name", ["onbekend_profiel.yaml", "leeg.yaml", "binair.yaml", "kapot.yaml"])
def test_bad_case_input_exits_2_with_caret(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, _, err = run(capsys, "test", str(BAD_CASES / name))
    assert code == 2
    assert "fout[C0" in err and f"--> {BAD_CASES / name}:" in err and "Traceback" not in err


def test_bad_regeling_exits_2_with_caret(capsys: pytest.CaptureFixture[str]) -> None:
    bad = ROOT / "tests" / "semantics" / "bad" / "onbekende_naam.rgl"
    code, _, err = run(capsys, "check", str(bad))
    assert code == 2
    assert "fout[E211]: onbekende naam 'zorgprofeil'; bedoelde u zorgprofiel?" in err
    assert "^^^^^^^^^^^" in err and "= in artikel 1" in err


def test_check_gnu_one_liners(capsys: pytest.CaptureFixture[str]) -> None:
    bad = ROOT / "tests" / "semantics" / "bad" / "onbekende_naam.rgl"
    code, _, err = run(capsys, "check", "--gnu", str(bad))
    assert code == 2
    assert err.strip() == (f"{bad}:25:34: fout: onbekende naam 'zorgprofeil'; bedoelde u zorgprofiel? [E211]")


def test_uitleg_explains_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    first = sorted((ROOT / "tests" / "casussen").glob("*.yaml"))[0]
    code, out, _ = run(capsys, "uitleg", str(first))
    assert code == 0
    assert "Uitkomsten:" in out and "Bepaald door artikel" in out and "Gebruikte feiten:" in out


def test_python_dash_m_and_no_traceback_on_syntax_error(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.rgl"
    bad.write_text('regeling "x" versie a-1 geldig vanaf 2026-01-01\nartikel 1\n  regel meerzorg is waar\n')
    proc = subprocess.run([sys.executable, "-m", "meerzorg_law", "check", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"--> {bad}:3:9" in proc.stderr
    assert "na 'regel' (en een eventuele 'in afwijking van ...') komt een dubbele punt" in proc.stderr


def test_wijziging_schrijf_afleiden_and_never_overwrite_an_edit(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Amendments in context: write the text, edit it, derive the wijziging; an edited file is never replaced."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "wijziging", "schrijf", "rlz-2026", "--uit", "tekst")
    assert code == 0 and "tekst/rlz-2026.rgl" in out
    kopie = tmp_path / "tekst" / "rlz-2026.rgl"
    tekst = kopie.read_text(encoding="utf-8")
    assert tekst.startswith("# meerzorg: kopie van rlz-2026, controle ")
    # Unedited, the copy may be written again; edited, not without --overschrijven.
    assert run(capsys, "wijziging", "schrijf", "rlz-2026", "--uit", "tekst")[0] == 0
    tekst = (tekst.replace("versie rlz-2026\n", "versie rlz-2028 variant\n")
             .replace("geldig vanaf 2026-03-01", "geldig vanaf 2028-01-01")
             .replace("van ten hoogste drie jaar.", "van ten hoogste vijf jaar.")
             .replace("geheel getal = 3\n", "geheel getal = 5\n"))
    kopie.write_text(tekst, encoding="utf-8")
    code, _, err = run(capsys, "wijziging", "schrijf", "rlz-2026", "--uit", "tekst")
    assert code == 2 and "bestaat al en is daarna bewerkt" in err
    assert kopie.read_text(encoding="utf-8") == tekst
    code, out, err = run(capsys, "wijziging", "afleiden", str(kopie))
    assert code == 0, err
    assert "rlz-2028 op rlz-2026: 1 instructie in 1 onderdeel" in out
    afgeleid = (tmp_path / "rlz-2028.rgl").read_text(encoding="utf-8")
    assert 'in artikel 2.2, vierde lid, wordt "drie" vervangen door "vijf"' in afgeleid
    assert run(capsys, "check", "rlz-2028.rgl")[0] == 0
    (tmp_path / "rlz-2028.rgl").write_text(afgeleid + "# mijn aantekening\n", encoding="utf-8")
    code, _, err = run(capsys, "wijziging", "afleiden", str(kopie))
    assert code == 2 and "rlz-2028.rgl bestaat al en is daarna bewerkt" in err
    assert run(capsys, "wijziging", "afleiden", str(kopie), "--overschrijven")[0] == 0
    assert (tmp_path / "rlz-2028.rgl").read_text(encoding="utf-8") == afgeleid


def test_nieuw_skeleton_cites_the_regeling_by_its_title() -> None:
    """The citation title keeps its capital (Aanwijzingen voor de regelgeving): "De Regeling langdurige zorg"."""
    import datetime

    from meerzorg_law.export.skelet import nieuwe_variant

    skelet = nieuwe_variant("rlz-2027-x", "rlz-2026", "Regeling langdurige zorg", datetime.date(2027, 1, 1), [])
    assert 'tekst "De Regeling langdurige zorg wordt als volgt gewijzigd:"' in skelet.regeling
    assert "De regeling langdurige zorg" not in skelet.regeling


def test_wijziging_afleiden_names_the_references_a_renumbering_breaks(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lid that lapses while the next takes its number: "vervalt onder vernummering", and a compound reference
    to the old number is named at its place in the derived file (T002), with the wording it must get."""
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "wijziging", "schrijf", "rlz-2026", "--uit", "tekst")[0] == 0
    kopie = tmp_path / "tekst" / "rlz-2026.rgl"
    tekst = kopie.read_text(encoding="utf-8").replace("versie rlz-2026\n", "versie rlz-2028 variant\n").replace(
        "geldig vanaf 2026-03-01", "geldig vanaf 2028-01-01")
    artikel = tekst.index("    artikel 5.5 ")
    lid2, lid3 = tekst.index("      lid 2\n", artikel), tekst.index("      lid 3\n", artikel)
    tekst = tekst[:lid2] + "      lid 2\n" + tekst[lid3 + len("      lid 3\n"):]
    tekst = tekst.replace('tekst "In deze regeling wordt verstaan onder:"',
                          'tekst "In deze regeling, behalve artikel 5.5, eerste of derde lid, wordt verstaan onder:"')
    kopie.write_text(tekst, encoding="utf-8")
    code, _, err = run(capsys, "wijziging", "afleiden", str(kopie))
    assert code == 0, err
    afgeleid = (tmp_path / "rlz-2028.rgl").read_text(encoding="utf-8")
    assert "artikel 5.5, tweede lid, vervalt onder vernummering van het derde lid tot tweede lid" in afgeleid
    assert "fout[T002]" in err and "de verwijzing moet luiden 'artikel 5.5, eerste of tweede lid'" in err
    assert "--> rlz-2028.rgl:" in err
