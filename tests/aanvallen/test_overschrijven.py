"""Outputs never overwrite a user's edits, and an interrupted command leaves the old or the new set whole."""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

import pytest

from meerzorg_law.cli import main
from meerzorg_law.output import OutputError
from meerzorg_law.uitvoermap import MANIFEST, uitvoermap

from .conftest import schrijf_regeling


def test_getuigen_rerun_is_easy_but_an_edit_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "groepen"
    args = ["vergelijk", "rlz-2026", "rlz-2027", "--symbolisch", "--getuigen", str(uit)]
    assert main(args) == 0
    files = sorted(uit.glob("*.yaml"))
    assert files and (uit / MANIFEST).is_file()
    assert main(args) == 0  # its own output: rewritten without a flag
    files[0].write_text(files[0].read_text(encoding="utf-8") + "# mijn aantekening\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 2
    assert "niet door meerzorg geschreven of sindsdien gewijzigd" in capsys.readouterr().err
    assert files[0].read_text(encoding="utf-8").endswith("# mijn aantekening\n")
    assert main([*args, "--overschrijven"]) == 0
    assert "# mijn aantekening" not in files[0].read_text(encoding="utf-8")


def test_csv_over_a_users_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "mijn.csv"
    csv.write_text("mijn eigen werk\n", encoding="utf-8")
    args = ["impact", "rlz-2026", "rlz-2027", "--n", "200", "--csv", str(csv)]
    assert main(args) == 2
    assert "kies een andere naam of geef --overschrijven" in capsys.readouterr().err
    assert csv.read_text(encoding="utf-8") == "mijn eigen werk\n"
    assert main([*args, "--overschrijven"]) == 0
    assert main(args) == 0  # now it is meerzorg's own


def test_an_interrupted_set_leaves_the_old_set_whole(tmp_path: Path) -> None:
    uit = tmp_path / "uit"
    with uitvoermap(uit) as m:
        for naam in "abc":
            m.pad(f"{naam}.txt").write_text("oud", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), uitvoermap(uit) as m:
        m.pad("a.txt").write_text("nieuw", encoding="utf-8")
        m.pad("b.txt").write_text("nieuw", encoding="utf-8")
        raise KeyboardInterrupt
    assert {p.name: p.read_text(encoding="utf-8") for p in uit.glob("*.txt")} == {"a.txt": "oud", "b.txt": "oud",
                                                                                    "c.txt": "oud"}
    assert [p.name for p in tmp_path.iterdir()] == ["uit"]  # no staging folder left behind
    with uitvoermap(uit) as m:  # the new set: c.txt of the old set goes (unchanged, no longer written)
        m.pad("a.txt").write_text("nieuw", encoding="utf-8")
    assert sorted(p.name for p in uit.glob("*.txt")) == ["a.txt"]


def test_an_edit_refuses_the_whole_set_before_anything_is_replaced(tmp_path: Path) -> None:
    uit = tmp_path / "uit"
    with uitvoermap(uit) as m:
        m.pad("a.txt").write_text("oud", encoding="utf-8")
        m.pad("b.txt").write_text("oud", encoding="utf-8")
    (uit / "b.txt").write_text("bewerkt", encoding="utf-8")
    with pytest.raises(OutputError, match=r"b\.txt"), uitvoermap(uit) as m:
        m.pad("a.txt").write_text("nieuw", encoding="utf-8")
        m.pad("b.txt").write_text("nieuw", encoding="utf-8")
    assert (uit / "a.txt").read_text(encoding="utf-8") == "oud"


def test_docs_takes_a_lock_and_leaves_a_read_only_checkout_alone(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bron = tmp_path / "bron"
    schrijf_regeling(bron / "regeling")
    (bron / "conf.py").write_text('extensions = ["meerzorg_law.sphinxext"]\nmeerzorg_regeling = "regeling"\n'
                                  "meerzorg_casussen = []\nmeerzorg_genereer_paginas = True\n", encoding="utf-8")
    (bron / "index.rst").write_text("Site\n====\n\n.. toctree::\n\n   _generated/versies\n   _generated/renvooi\n"
                                    "   _generated/voor-clienten-en-ouders\n",
                                    encoding="utf-8")
    uit = tmp_path / "site"
    uit.mkdir()
    fd = os.open(tmp_path / ".site.meerzorg-slot", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 2
        assert "wordt al gebouwd" in capsys.readouterr().err
    finally:
        os.close(fd)
    for p in [bron, *bron.rglob("*")]:  # a read-only checkout
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0, capsys.readouterr().err
    finally:
        for p in [bron, *bron.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
    assert not (bron / "_generated").exists()
    assert (uit / "_generated" / "versies.html").is_file()
