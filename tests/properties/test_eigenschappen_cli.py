"""``meerzorg eigenschappen``: Dutch report, counterexample files, exit codes 0/1/2, --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meerzorg_law.cli import main

from .props_helpers import KAPOT, VERSIES


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bundled_regeling(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "eigenschappen", "--versie", "rlz-2026", "--uit", str(tmp_path))
    assert code == 0, out
    assert out.startswith("Eigenschappen (bewezen met z3; waar dat niet kan, getoetst met Hypothesis, profiel ci)"
                          "\n\nrlz-2026\n  bewezen  elk_geval_beslist ")
    assert out.splitlines()[-1] == "6 bewezen, 0 geschonden (1 versie)"
    # No counterexample file: only the manifest by which a rerun knows its own output (tests/aanvallen).
    assert [p.name for p in tmp_path.iterdir()] == [".meerzorg-uitvoer.json"]
    # each declared property stated in Dutch with all its conditions, under its result line (issue 22)
    assert (
        "      Deze eigenschap gaat over elke verzekerde bij wie aan beide voorwaarden is voldaan:\n"
        "      - de leveringsvorm een volledig pakket thuis, een modulair pakket thuis of een persoonsgebonden "
        "budget is;\n"
        "      - de verzekerde recht op meer zorg heeft.\n"
        "      Voor die verzekerde geldt: de verzekerde heeft recht op meer zorg ook als de leveringsvorm een "
        "verblijf in een instelling zou zijn.") in out


def test_broken_regeling_exits_1_with_counterexamples(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "eigenschappen", str(KAPOT), "--uit", str(tmp_path), "--profiel", "ci")
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("  geschonden  studenten ") for line in lines)
    assert any(line.startswith("  bewezen     minderjarigen ") for line in lines)
    assert "      tegenvoorbeeld: peildatum = 2026-01-01, leeftijd = 18, inkomen = 51, status = b, werkt = onwaar" \
        in lines
    assert f"      casusbestand: {tmp_path / 'kapot-2026-studenten.yaml'}" in lines
    assert "  onbereikbaar: artikel 1, vierde lid (voor geen enkele geldige cliënt van toepassing)" in lines
    assert lines[-1] == f"2 bewezen, 5 geschonden (1 versie); tegenvoorbeelden in {tmp_path}"
    assert len(list(tmp_path.glob("*.yaml"))) == 5


def test_json_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "eigenschappen", str(VERSIES), "--versie", "v-2027", "--uit", str(tmp_path), "--json")
    assert code == 1
    payload = json.loads(out)
    assert set(payload) == {"ok", "profiel", "uit", "versies"} and payload["ok"] is False
    (v,) = payload["versies"]
    assert v["versie"] == "v-2027" and v["onbereikbaar"] == []
    props = {p["naam"]: p for p in v["eigenschappen"]}
    assert props["niemand_slechter"]["status"] == "geschonden"
    assert props["niemand_slechter"]["tegenvoorbeeld"] == [{"naam": "", "feiten": {"leeftijd": 18,
                                                                                  "woont_thuis": False}}]
    assert props["niemand_slechter"]["versies"] == ["v-2026", "v-2027"]
    assert Path(props["niemand_slechter"]["bestand"]).is_file()
    assert props["ouderen_gelijk"]["status"] == "bewezen" and props["ouderen_gelijk"]["bestand"] is None


@pytest.mark.parametrize("args", [["eigenschappen", "/bestaat/niet"], ["eigenschappen", str(KAPOT), "--versie", "x-1"]])
def test_input_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and err


def test_unknown_profile_in_environment_exits_2(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEERZORG_HYPOTHESIS", "snel")
    code, _, err = run(capsys, "eigenschappen", str(VERSIES))
    assert code == 2 and "onbekend profiel 'snel'" in err
