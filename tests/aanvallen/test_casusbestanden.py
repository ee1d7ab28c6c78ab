"""Case files checked against their schema (issue 24): the structure of a case file (top keys, a case's keys,
single values where one is expected) and every fact and expectation against the type and range the regeling
declares for it. Each bad file in data/casusbestanden/fout gives its error in Dutch with file, line, column
and the key; each file in data/casusbestanden/goed loads without an error. The schema is the regeling's own
declarations (read by cases/load.py per YAML node, so each error keeps its position), not a second copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cases.project import load_project
from meerzorg_law.cli import main

# Not under a folder named "casussen": the pytest plugin would run these files as cases.
DATA = Path(__file__).parent / "data" / "casusbestanden"
# file -> (code, line, column, what the message must name: the key or the reason)
FOUT = {
    "leeg.yaml": ("C001", 1, 1, "leeg"),
    "spaties.yaml": ("C001", 1, 1, "leeg"),
    "commentaar.yaml": ("C001", 1, 1, "leeg"),
    "scalar.yaml": ("C010", 1, 1, "'naam: waarde'"),
    "lijst.yaml": ("C010", 1, 1, "'naam: waarde'"),
    "latin1.yaml": ("C000", 2, 1, "UTF-8"),
    "utf16.yaml": ("C000", 1, 1, "UTF-8"),
    "veel_aliassen.yaml": ("C002", 1, 1, "onbekende sleutel 'a'"),
    "casussen_map.yaml": ("C003", 1, 11, "'casussen:'"),
    "sjablonen_raar.yaml": ("C008", 1, 12, "'sjablonen:'"),
    "titel_lijst.yaml": ("C012", 1, 8, "titel"),
    "naam_lijst.yaml": ("C012", 2, 11, "naam"),
    "omschrijving_map.yaml": ("C012", 3, 19, "omschrijving"),
    "datum_fout.yaml": ("C032", 4, 18, "peildatum: '2026-02-30'"),
    "datum_null.yaml": ("C031", 4, 18, "'peildatum'"),
    "leeftijd_neg.yaml": ("C033", 5, 17, "leeftijd: -5 ligt buiten het bereik van 0 tot en met 130"),
    "leeftijd_groot.yaml": ("C032", 5, 17, "leeftijd: '1e400'"),
    "leeftijd_inf.yaml": ("C032", 5, 17, "leeftijd: '.inf'"),
    "uren_nan.yaml": ("C032", 9, 27, "uren_zorg_per_week: '.nan'"),
    "uren_neg.yaml": ("C033", 9, 27, "uren_zorg_per_week: -3 ligt buiten het bereik"),
    "sleutel_getal.yaml": ("C030", 15, 7, "onbekend feit '1'"),
    "verwacht_lijst.yaml": ("C010", 15, 15, "verwacht"),
    "verwacht_scalar.yaml": ("C010", 16, 17, "rlz-2026"),
}


def test_every_bad_file_is_in_the_table() -> None:
    assert sorted(p.name for p in (DATA / "fout").iterdir()) == sorted(FOUT)


@pytest.mark.parametrize("naam", sorted(FOUT))
def test_a_bad_case_file_gives_one_positioned_dutch_error(naam: str) -> None:
    code, regel, kolom, noemt = FOUT[naam]
    pad = DATA / "fout" / naam
    fouten = [d for d in load_project(None, [pad]).diagnostics if d.is_error]
    assert fouten, naam
    eerste = fouten[0]
    assert (eerste.code, eerste.span.file, eerste.span.line, eerste.span.column) == (code, str(pad), regel, kolom)
    assert noemt in eerste.message


@pytest.mark.parametrize("naam", sorted(p.name for p in (DATA / "goed").iterdir()))
def test_a_good_case_file_loads(naam: str) -> None:
    project = load_project(None, [DATA / "goed" / naam])
    assert [d.message for d in project.diagnostics if d.is_error] == []
    assert len(project.cases) == 1


def test_the_command_shows_file_line_and_caret(capsys: pytest.CaptureFixture[str]) -> None:
    pad = DATA / "fout" / "leeftijd_neg.yaml"
    assert main(["test", str(pad)]) == 2
    err = capsys.readouterr().err
    assert f"--> {pad}:5:17" in err and "^" in err and "Traceback" not in err
