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
    assert first.startswith(f"Impact van rlz-2026 naar {variant}: 400 synthetische cliënten (seed 9")
    assert "Per zorgprofiel" in first and "verliezen meerzorg" in first


def test_unknown_version_is_bad_input(capsys: pytest.CaptureFixture[str], paths: list[str]) -> None:
    assert main(["impact", "rlz-2026", "rlz-2099", *paths, "--n", "10"]) == 2
    assert "versie 'rlz-2099' bestaat niet" in capsys.readouterr().err
