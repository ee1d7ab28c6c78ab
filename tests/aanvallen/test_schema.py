"""Every input file against its schema: each problem a Dutch error naming the file, the key and its line, exit 2;
never a traceback, never a silently different report."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cli import main
from meerzorg_law.semantics.bronnen import load_bronnen

ROOT = Path(__file__).resolve().parents[2]
POPULATIE = (ROOT / "regeling" / "populatie.toml").read_text(encoding="utf-8")


def _regel(tekst: str, stuk: str) -> int:
    return tekst[: tekst.index(stuk)].count("\n") + 1


@pytest.mark.parametrize(("oud", "nieuw", "verwacht"), [
    ("VG7 = 0.38", "VG7 = 1.9", "zorgprofiel.VG7: moet ten hoogste 1"),
    ('tabel = "bekostigingsuren"', 'tabell = "bekostigingsuren"', "uren.tabell: onbekende sleutel"),
    ('tabel = "bekostigingsuren"', 'tabel = "bekostigingsurn"', "uren.tabel: de regeling (rlz-2026) heeft geen tabel"),
    ("VG7 = 0.38", "VG7 = inf", "zorgprofiel.VG7 moet een eindig getal zijn"),
    ("VG7 = 0.38", "VG7 = nan", "zorgprofiel.VG7 moet een eindig getal zijn"),
    ("zonder_tabel = 25.0", "zonder_tabel = -25.0", "uren.zonder_tabel: moet ten minste 0"),
    ("[0.10, 4, 17, 18, 80]", "[0.10, -4, 17, 18, 80]", "leeftijd.VG8.instelling[1]: moet ten minste 0"),
    ("van = -2", "van = true", "eerdere_meerzorg_thuis_tot.van: moet een geheel getal zijn"),
    ("kind_thuis = 0.90", "kind_thuis = 0.90\nkind_thuiss = 0.1", "bijzondere_situatie.kind_thuiss: onbekende"),
])
def test_a_bad_value_names_key_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], oud: str, nieuw: str,
                                        verwacht: str) -> None:
    assert oud in POPULATIE
    tekst = POPULATIE.replace(oud, nieuw, 1)
    bestand = tmp_path / "populatie.toml"
    bestand.write_text(tekst, encoding="utf-8")
    assert main(["impact", "rlz-2026", "rlz-2027", "--n", "100", "--populatie", str(bestand)]) == 2
    err = capsys.readouterr().err
    assert verwacht in err, err
    assert f"{bestand}:{_regel(tekst, nieuw.split(chr(10))[-1])}:" in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize(("inhoud", "verwacht"), [
    (b"# alleen commentaar\n\n", "het populatiebestand is leeg"),
    (b"[populatie]\n# caf\xe9\npeildatum = 2027-01-01\n", ":2: het populatiebestand is geen UTF-8: byte 0xe9"),
    (b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n", ":1: te diep genest"),
    (b"[populatie\n", "is geen geldige TOML op regel 1"),
])
def test_a_broken_file_is_a_dutch_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: bytes,
                                        verwacht: str) -> None:
    bestand = tmp_path / "populatie.toml"
    bestand.write_bytes(inhoud)
    assert main(["impact", "rlz-2026", "rlz-2027", "--n", "100", "--populatie", str(bestand)]) == 2
    assert verwacht in capsys.readouterr().err


@pytest.mark.parametrize(("inhoud", "regel", "verwacht"), [
    (b"[rlz-2015]\ntitel = \"caf\xe9\"\n", 2, "het bronnenregister is geen UTF-8"),
    (b"a = " + b"{b = " * 3000 + b"1" + b"}" * 3000 + b"\n", 1, "te diep genest"),
    (b"\n\n", 1, "het bronnenregister is leeg"),
])
def test_the_source_registry_too(tmp_path: Path, inhoud: bytes, regel: int, verwacht: str) -> None:
    bestand = tmp_path / "bronnen.toml"
    bestand.write_bytes(inhoud)
    bronnen, diags = load_bronnen(bestand)
    assert not bronnen and len(diags) == 1
    assert diags[0].span.line == regel and verwacht in diags[0].message
