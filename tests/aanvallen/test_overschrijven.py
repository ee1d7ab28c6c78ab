"""Outputs never overwrite a user's edits, and an interrupted command leaves the old or the new set whole."""

from __future__ import annotations

import fcntl
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


EXPORT_VARIANT = Path(__file__).resolve().parents[1] / "workflow" / "variant"
EXPORT_ID = "rlz-2027-mantelzorg"


def _export(uit: Path, *extra: str) -> list[str]:
    return ["--regeling", str(EXPORT_VARIANT), "export", EXPORT_ID, str(EXPORT_VARIANT / "casussen.yaml"),
            "--uit", str(uit), "--geen-pdf", *extra]


def _inhoud(uit: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in uit.iterdir() if p.is_file()}


def test_export_keeps_an_edited_document_and_recognises_its_own(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "uit"
    assert main(_export(uit)) == 0
    assert main(_export(uit)) == 0  # its own output: a rerun needs no flag
    renvooi = uit / f"{EXPORT_ID}-renvooi.docx"
    renvooi.write_bytes(renvooi.read_bytes() + b"bewerkt")
    voor = _inhoud(uit)
    capsys.readouterr()
    assert main(_export(uit)) == 2
    err = capsys.readouterr().err
    assert "renvooi.docx" in err and "--overschrijven" in err and "Traceback" not in err
    assert _inhoud(uit) == voor  # nothing replaced, the other two documents neither
    assert main(_export(uit, "--overschrijven")) == 0
    assert not renvooi.read_bytes().endswith(b"bewerkt")


def test_an_interrupted_export_leaves_the_old_set_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C after two of the three documents: the folder holds the complete old set, no staging folder."""
    from meerzorg_law.export import write

    uit = tmp_path / "uit"
    assert main(_export(uit)) == 0
    voor = _inhoud(uit)
    from meerzorg_law.document import build_act
    from meerzorg_law.output import write_text_atomic as echte  # the csv is written after both .docx files

    def onderbroken(path: str | Path, text: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "write_text_atomic", onderbroken)
    monkeypatch.setattr(write, "build_act", _anders(build_act))
    assert main(_export(uit)) == 130
    assert _inhoud(uit) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit"]
    monkeypatch.setattr(write, "write_text_atomic", echte)
    assert main(_export(uit)) == 0


def _anders(build_act: Callable[..., Any]) -> Callable[..., Any]:
    """build_act with another title, so that a half-new set would differ from the old one."""
    import dataclasses

    def anders(*args: Any, **kwargs: Any) -> Any:
        act = build_act(*args, **kwargs)
        return dataclasses.replace(act, titel=act.titel + " (nieuw)")
    return anders


def test_export_leaves_the_files_of_another_version_and_format_alone(tmp_path: Path) -> None:
    uit = tmp_path / "uit"
    assert main(_export(uit)) == 0
    docx = _inhoud(uit)
    akn = ["--regeling", str(EXPORT_VARIANT), "export", "rlz-2026", str(EXPORT_VARIANT / "casussen.yaml"),
           "--formaat", "akn", "--uit", str(uit)]
    assert main(akn) == 0
    assert main(akn) == 0  # rerun: its own
    na = _inhoud(uit)
    assert {n: na[n] for n in docx if n != MANIFEST} == {n: b for n, b in docx.items() if n != MANIFEST}
    assert "rlz-2026-regeling.akn.xml" in na
    assert main(_export(uit)) == 0  # the docx set again: the akn file of rlz-2026 is not its to remove
    assert (uit / "rlz-2026-regeling.akn.xml").exists()


def test_control_characters_in_a_text_do_not_break_the_export(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """ESC, BEL and U+FFFE in a titel and a tekst once made lxml raise ValueError in the export."""
    regeling = schrijf_regeling(tmp_path / "regeling", titel="titel \x1b[31m\x07\ufffe", tekst="tekst \x1b\x07\ufffe")
    uit = tmp_path / "uit"
    casus = tmp_path / "casus.yaml"
    casus.write_text("casussen:\n  - naam: een\n    feiten: {uren: 12}\n    verwacht:\n      a-1: {recht: waar}\n",
                     encoding="utf-8")
    args = ["--regeling", str(regeling), "export", "a-1", str(casus), "--formaat", "akn", "--uit", str(uit)]
    assert main(args) == 0, capsys.readouterr().err
    xml = (uit / "a-1-regeling.akn.xml").read_text(encoding="utf-8")
    assert "\x1b" not in xml and "\x07" not in xml and "\ufffe" not in xml
    assert "tekst" in xml


def test_control_characters_in_a_wijzigingsregeling_do_not_break_the_word_export(tmp_path: Path) -> None:
    import shutil
    import zipfile

    variant = tmp_path / "variant"
    shutil.copytree(EXPORT_VARIANT, variant)
    rgl = variant / f"{EXPORT_ID}.rgl"
    tekst = rgl.read_text(encoding="utf-8")
    assert "wordt als volgt gewijzigd:" in tekst
    rgl.write_text(tekst.replace("wordt als volgt gewijzigd:", "wordt \x1b[31m\x07\ufffe als volgt gewijzigd:", 1),
                   encoding="utf-8")
    uit = tmp_path / "uit"
    assert main(["--regeling", str(variant), "export", EXPORT_ID, str(variant / "casussen.yaml"), "--uit", str(uit),
                 "--geen-pdf"]) == 0
    with zipfile.ZipFile(uit / f"{EXPORT_ID}-wijzigingsregeling.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "als volgt gewijzigd" in xml and "\x1b" not in xml and "\x07" not in xml and "\ufffe" not in xml
