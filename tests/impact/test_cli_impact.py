"""``meerzorg impact BASE NEW``: text, --json and --csv, and bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from meerzorg_law.cli import main


@pytest.fixture
def args(variant: str, paths: list[str]) -> list[str]:
    return ["impact", "rlz-2026", variant, *paths, "--n", "400", "--seed", "9"]


def test_json_payload(capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], variant: str) -> None:
    out_csv = tmp_path / "impact.csv"
    assert main([*args, "--json", "--csv", str(out_csv)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["basis"] == "rlz-2026" and payload["nieuw"] == variant and payload["n"] == 400
    assert payload["seed"] == 9 and payload["totaal"]["aantal"] == 400
    for key in ("per_zorgprofiel", "per_leveringsvorm", "per_leeftijdsgroep", "per_grondslag"):
        assert sum(g["aantal"] for g in payload[key]) == 400
    assert payload["totaal"]["verloren"] > 0 and payload["fouten"] == []
    assert float(payload["totaal"]["uren_per_week_na"]) < float(payload["totaal"]["uren_per_week_voor"])
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert rows[0]["indeling"] == "totaal" and int(rows[0]["aantal"]) == 400
    assert int(rows[0]["verloren"]) == payload["totaal"]["verloren"]


def test_text_is_dutch_and_deterministic(capsys: pytest.CaptureFixture[str], args: list[str], variant: str) -> None:
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    assert first.startswith(f"Impact van rlz-2026 naar {variant}: 400 synthetische cliënten (steekproef; seed 9")
    assert "95%-intervallen" in first and "procentpunt" in first
    assert "Per zorgprofiel" in first and "verliezen meerzorg" in first


def test_unknown_version_is_bad_input(capsys: pytest.CaptureFixture[str], paths: list[str]) -> None:
    assert main(["impact", "rlz-2026", "rlz-2099", *paths, "--n", "10"]) == 2
    assert "versie 'rlz-2099' bestaat niet" in capsys.readouterr().err


def test_bad_population_file_and_n_are_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 args: list[str]) -> None:
    bad = tmp_path / "populatie.toml"
    bad.write_text("[uren]\nbanden = 3\n", encoding="utf-8")
    assert main([*args, "--populatie", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ") and "uren.banden" in err and "Traceback" not in err
    assert main([*args[:-4], "--n", "0"]) == 2
    assert "--n moet van 1 tot en met 100.000.000 zijn" in capsys.readouterr().err


def test_verbose_says_what_was_vectorised(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main([*args, "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "rlz-2026: 0 cliënten per casus beslist" in err and "alle regels zijn gevectoriseerd" in err


def test_sensitivity_and_no_progress_bar_when_piped(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main([*args, "--gevoeligheid", "--json"]) == 0
    out = capsys.readouterr()
    payload = json.loads(out.out)
    assert [s["scenario"] for s in payload["gevoeligheid"]] == ["laag", "hoog"]
    laag, hoog = payload["gevoeligheid"]
    assert laag["meerzorg_voor"] <= payload["totaal"]["meerzorg_voor"] <= hoog["meerzorg_voor"]
    assert out.err == ""
