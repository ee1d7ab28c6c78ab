"""``meerzorg test --herzien`` / ``--alles-accepteren``: accepted outcomes are written into the case file with
its comments and layout kept (golden before/after), only on the drafter's yes, never without a terminal to ask
on, never over a file edited meanwhile, never into an expectation shared by other cases."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from meerzorg_law.cases.herzien import Aanpassing, HerzienFout, bestandshash, herschrijf
from meerzorg_law.cli import main

HERE = Path(__file__).parent / "herzien"


class _Terminal(io.StringIO):
    """Typed answers on what looks like a terminal."""

    def isatty(self) -> bool:
        return True


def _kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "casussen.yaml"
    shutil.copy(HERE / "voor.yaml", doel)
    return doel


def test_alles_accepteren_writes_the_golden_file(tmp_path: Path, update_golden: bool,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    doel = _kopie(tmp_path)
    assert main(["test", str(doel)]) == 1
    assert "2 te herzien" in capsys.readouterr().out
    assert main(["test", "--alles-accepteren", str(doel)]) == 0
    out = capsys.readouterr().out
    assert "3 overgenomen, 0 niet overgenomen" in out
    if update_golden:
        shutil.copy(doel, HERE / "na.yaml")
    assert doel.read_text(encoding="utf-8") == (HERE / "na.yaml").read_text(encoding="utf-8")
    assert main(["test", str(doel)]) == 0  # what was accepted now holds


def test_the_golden_change_touches_only_the_reviewed_lines() -> None:
    voor = (HERE / "voor.yaml").read_text(encoding="utf-8").splitlines()
    na = (HERE / "na.yaml").read_text(encoding="utf-8").splitlines()
    assert sum("#" in r for r in voor) == sum("#" in r for r in na)  # every comment kept
    veranderd = [i for i, (a, b) in enumerate(zip(voor, na, strict=False)) if a != b]
    assert [voor[i].split(":")[0].strip() for i in veranderd] == ["rlz-2026", "rlz-2027-variant-b", "rlz-2027"]


def test_herzien_asks_and_writes_only_what_the_drafter_accepts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    doel = _kopie(tmp_path)
    monkeypatch.setattr("sys.stdin", _Terminal("ja\nnee\nq\n"))
    assert main(["test", "--herzien", str(doel)]) == 1
    out = capsys.readouterr().out
    # Each differing expectation is shown with the old and new value and the explanation of the new outcome.
    assert "meerzorg: verwacht nee, nieuwe uitkomst ja" in out
    assert "Bepaald door artikel" in out and "Gebruikte feiten:" in out
    assert "meerzorg: te herzien, uitkomst ja (anders dan rlz-2026: nee)" in out
    assert "1 overgenomen, 2 niet overgenomen" in out
    regels = doel.read_text(encoding="utf-8").splitlines()
    assert any(r.strip().startswith("rlz-2026: {meerzorg: waar,") for r in regels)
    assert sum(r.strip().startswith("rlz-2027-variant-b: te herzien") or r.strip() == "rlz-2027: te herzien"
               for r in regels) == 2


def test_herzien_without_a_terminal_refuses_and_points_at_alles_accepteren(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    doel = _kopie(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("j\nj\nj\n"))  # piped answers are not a drafter's review
    assert main(["test", "--herzien", str(doel)]) == 2
    err = capsys.readouterr().err
    assert "geen terminal" in err and "--alles-accepteren" in err
    assert doel.read_text(encoding="utf-8") == (HERE / "voor.yaml").read_text(encoding="utf-8")


def test_a_file_edited_since_loading_is_not_overwritten(tmp_path: Path) -> None:
    doel = _kopie(tmp_path)
    gelezen = {str(doel): bestandshash(doel)}
    doel.write_text(doel.read_text(encoding="utf-8") + "# bewerkt\n", encoding="utf-8")
    with pytest.raises(HerzienFout, match="gewijzigd sinds"):
        herschrijf(doel, [Aanpassing(str(doel), 5, "rlz-2026", {"meerzorg": "waar"})], gelezen)
    assert doel.read_text(encoding="utf-8").endswith("# bewerkt\n")


def test_a_shared_expectation_is_not_changed_behind_other_cases(tmp_path: Path) -> None:
    doel = tmp_path / "gedeeld.yaml"
    doel.write_text("sjablonen:\n  gewoon: &gewoon {meerzorg: waar}\ncasussen:\n  - naam: a\n    feiten: {}\n"
                    "    verwacht:\n      rlz-2026: *gewoon\n", encoding="utf-8")
    voor = doel.read_text(encoding="utf-8")
    with pytest.raises(HerzienFout, match="gedeeld"):
        herschrijf(doel, [Aanpassing(str(doel), 4, "rlz-2026", {"meerzorg": "onwaar"})])
    assert doel.read_text(encoding="utf-8") == voor


def test_nieuw_starts_the_variant_from_a_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "v"
    assert main(["nieuw", "variant", "rlz-2027-proef", "--basis", "rlz-2026", "--uit", str(folder)]) == 0
    casussen = folder / "casussen.yaml"
    tekst = casussen.read_text(encoding="utf-8")
    assert tekst.count("rlz-2027-proef: te herzien") >= 50  # no copies of the base's expectations
    capsys.readouterr()
    assert main(["--regeling", str(folder), "test", str(casussen)]) == 1
    assert "te herzien" in capsys.readouterr().out
    assert main(["--regeling", str(folder), "test", "--alles-accepteren", str(casussen)]) == 0
    assert main(["--regeling", str(folder), "test", str(casussen)]) == 0
    assert "rlz-2027-proef: te herzien" not in casussen.read_text(encoding="utf-8")
