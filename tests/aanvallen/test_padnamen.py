"""Path names (issue 24): a name too long, a path too long, a file that cannot be read, a folder that cannot be
written, a folder where a file is expected and a file where a folder is expected give one Dutch error naming
the path and exit 2, for every input and output option of every command (``cli._common.controleer_paden``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from meerzorg_law.cli import _common, build_parser, main

CASUS = Path(__file__).resolve().parents[1] / "casussen" / "rlz-2026-basis.yaml"
# Per command: the arguments it needs besides the path under test ("{dest}" where a positional path goes).
BASIS: dict[tuple[str, ...], list[str]] = {
    ("check",): [],
    ("test",): [],
    ("uitleg",): ["{casus}"],
    ("vergelijk",): ["rlz-2026", "rlz-2027"],
    ("eigenschappen",): [],
    ("impact",): ["rlz-2026", "rlz-2027"],
    ("docs",): [],
    ("nieuw",): ["variant", "rlz-2027-x", "--basis", "rlz-2026"],
    ("export",): ["rlz-2027", "--uit", "{uit}"],
    ("wijziging", "schrijf"): ["rlz-2026", "--uit", "{uit}"],
    ("wijziging", "afleiden"): ["{bewerkt}"],
}


def _opdrachten(parser: argparse.ArgumentParser, pad: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...],
                                                                                       argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [(pad, parser)]
    return [x for naam, p in subs[0].choices.items() for x in _opdrachten(p, (*pad, naam))]


def padopties() -> list[tuple[tuple[str, ...], argparse.Action, str]]:
    """(command, action, soort) of every option marked as a path, in every (sub)command."""
    out = []
    for opdracht, parser in _opdrachten(build_parser()):
        soorten = parser.get_default("padsoorten") or {}
        for action in parser._actions:
            if action.dest in soorten:
                out.append((opdracht, action, soorten[action.dest]))
    return out


def argv(opdracht: tuple[str, ...], action: argparse.Action, pad: str, tmp_path: Path) -> list[str]:
    """The command line with ``pad`` in ``action``, every other required path a good one."""
    goed = {"casus": str(CASUS), "bewerkt": str(CASUS), "uit": str(tmp_path / "goed")}
    if not action.option_strings:
        goed[action.dest] = pad
    rest = [a.format(**goed) for a in BASIS[opdracht]]
    if action.option_strings:
        if action.option_strings[0] in rest:  # a required option of the base: replace its value
            i = rest.index(action.option_strings[0])
            rest[i + 1] = pad
        else:
            rest += [action.option_strings[0], pad]
    elif "{" + action.dest + "}" not in BASIS[opdracht]:
        eerste_optie = next((i for i, a in enumerate(rest) if a.startswith("--")), len(rest))
        rest.insert(eerste_optie, pad)  # paden (nargs="*"), after the other positionals
    return [*opdracht, *rest]


OPTIES = padopties()
IDS = [f"{' '.join(o)} {a.option_strings[0] if a.option_strings else a.dest}" for o, a, _ in OPTIES]


def test_every_command_with_a_path_option_is_in_the_table() -> None:
    assert {o for o, _, _ in OPTIES} <= set(BASIS)
    # Not vacuous: the options the issue names are all marked.
    gemarkeerd = {(o, a.dest) for o, a, _ in OPTIES}
    for verwacht in [(("export",), "uit"), (("check",), "getuigen"), (("impact",), "csv"), (("impact",), "populatie"),
                     (("uitleg",), "casus"), (("docs",), "uit"), (("wijziging", "afleiden"), "uit"),
                     (("test",), "paden"), (("test",), "regeling")]:
        assert verwacht in gemarkeerd, verwacht


def _fout(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("fout: ")
    return err


@pytest.mark.parametrize(("opdracht", "action", "soort"), OPTIES, ids=IDS)
def test_a_name_over_255_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path, opdracht: tuple[str, ...],
                               action: argparse.Action, soort: str) -> None:
    naam = "é" * 130  # 260 bytes in UTF-8, 130 characters
    err = _fout(capsys, argv(opdracht, action, str(tmp_path / naam), tmp_path))
    assert "260 bytes lang" in err and "hoogstens 255 bytes" in err and _common.toon_pad(str(tmp_path / naam)) in err


@pytest.mark.parametrize(("opdracht", "action", "soort"), OPTIES, ids=IDS)
def test_a_whole_path_too_long(capsys: pytest.CaptureFixture[str], tmp_path: Path, opdracht: tuple[str, ...],
                               action: argparse.Action, soort: str) -> None:
    pad = str(tmp_path / "/".join(["d" * 200] * 25))
    err = _fout(capsys, argv(opdracht, action, pad, tmp_path))
    assert "(volledig); hoogstens 4095 bytes" in err


@pytest.mark.parametrize(("opdracht", "action", "soort"), OPTIES, ids=IDS)
def test_the_wrong_kind_of_thing(capsys: pytest.CaptureFixture[str], tmp_path: Path, opdracht: tuple[str, ...],
                                 action: argparse.Action, soort: str) -> None:
    """A folder where a file is expected, a file where a folder is expected; an input that may be either is
    tested with a path through a file (a file used as a folder)."""
    bestand = tmp_path / "bestand.txt"
    bestand.write_text("x", encoding="utf-8")
    pad = {_common.INVOERBESTAND: str(tmp_path), _common.UITVOERBESTAND: str(tmp_path),
           _common.INVOERMAP: str(bestand), _common.UITVOERMAP: str(bestand),
           _common.INVOER: str(bestand / "x.rgl")}[soort]
    err = _fout(capsys, argv(opdracht, action, pad, tmp_path))
    assert f"'{pad}'" in err
    assert any(w in err for w in ("dat is een map", "dat is een bestand, geen map", "een deel van het pad is geen map"))


LEZEN = [(o, a, s) for o, a, s in OPTIES if s in (_common.INVOER, _common.INVOERBESTAND, _common.INVOERMAP)]
SCHRIJVEN = [(o, a, s) for o, a, s in OPTIES if s in (_common.UITVOERMAP, _common.UITVOERBESTAND)]


@pytest.mark.parametrize(("opdracht", "action", "soort"), LEZEN,
                         ids=[f"{' '.join(o)} {a.dest}" for o, a, _ in LEZEN])
def test_an_unreadable_input(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             opdracht: tuple[str, ...], action: argparse.Action, soort: str) -> None:
    doel = tmp_path / "geheim"
    if soort == _common.INVOERMAP:
        doel.mkdir()
    else:
        doel.write_text("x", encoding="utf-8")
    doel.chmod(0)
    if os.geteuid() == 0:  # root reads everything: the system's answer to anyone else, given here by hand
        def geen_toegang(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(_common, "open", geen_toegang, raising=False)
        monkeypatch.setattr(os, "listdir", geen_toegang)
    try:
        err = _fout(capsys, argv(opdracht, action, str(doel), tmp_path))
    finally:
        doel.chmod(0o700)
    assert err == f"fout: kan '{doel}' niet lezen: geen toegang (rechten)\n"


@pytest.mark.parametrize(("opdracht", "action", "soort"), SCHRIJVEN,
                         ids=[f"{' '.join(o)} {a.dest}" for o, a, _ in SCHRIJVEN])
def test_an_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              opdracht: tuple[str, ...], action: argparse.Action, soort: str) -> None:
    slot = tmp_path / "alleen-lezen"
    slot.mkdir()
    slot.chmod(0o555)
    if os.geteuid() == 0:  # root writes everywhere: what the system says to anyone else
        echt = os.access
        monkeypatch.setattr(os, "access", lambda p, m, **k: False if Path(p) == slot else echt(p, m, **k))
    doel = slot / "uit"
    try:
        err = _fout(capsys, argv(opdracht, action, str(doel), tmp_path))
    finally:
        slot.chmod(0o755)
    assert err == f"fout: kan niet schrijven naar '{doel}': geen schrijfrechten in de map '{slot}'\n"
    assert not doel.exists()
