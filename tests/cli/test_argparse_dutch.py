"""argparse's own messages come out in Dutch through its gettext calls (cli/_dutch.py), word for word, and
only for the meerzorg parser: another ArgumentParser in the same process keeps its English."""

from __future__ import annotations

import argparse

import pytest

from meerzorg_law.cli import main
from meerzorg_law.cli._dutch import Nederlands


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    return err.splitlines()[-1]


@pytest.mark.parametrize(("args", "message"), [
    (["tset"], "meerzorg: fout: argument OPDRACHT: ongeldige keuze: 'tset' (kies uit 'check', 'test', "),
    (["check", "--foo"], "meerzorg: fout: onbekende argumenten: --foo"),
    (["uitleg"], "meerzorg uitleg: fout: deze argumenten ontbreken: casus"),
    (["impact", "rlz-2026", "rlz-2027", "--n", "tien"],
     "meerzorg impact: fout: argument --n: 'tien' is geen geheel getal"),
    (["test", "--versie"], "meerzorg test: fout: argument --versie: verwacht één waarde"),
])
def test_usage_errors_in_dutch(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert usage_error(capsys, *args).startswith(message)


def test_help_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["test", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: meerzorg test ")
    assert "\nargumenten:\n" in out and "\nopties:\n" in out and "toon deze hulp en stop" in out
    assert "usage" not in out and "options" not in out


def test_other_parsers_keep_their_english(capsys: pytest.CaptureFixture[str]) -> None:
    usage_error(capsys, "check", "--foo")  # the meerzorg parser has been built and used in this process
    other = argparse.ArgumentParser(prog="ander")
    assert other.format_usage() == "usage: ander [-h]\n"
    assert "show this help message and exit" in other.format_help()


def test_every_catalogue_entry_keeps_the_placeholders() -> None:
    for english, dutch in Nederlands.MESSAGES.items():
        for placeholder in ("%s", "%r", "%(prog)s", "%(message)s", "%(value)r", "%(type)s", "%(choices)s",
                            "%(argument_name)s", "%(option)s", "%(matches)s"):
            assert english.count(placeholder) == dutch.count(placeholder), english
