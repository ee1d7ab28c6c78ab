"""Injection: a label, titel or tekst never becomes markup in the SVG, the site's reST or the terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meerzorg_law.cli import main
from meerzorg_law.render.beslispad import beslispad_svg
from meerzorg_law.semantics.pipeline import load_bundle

from .conftest import schrijf_regeling

AANVAL = 'x" onmouseover="alert(1)'


def test_quote_in_outcome_label_stays_in_the_svg_attribute(tmp_path: Path) -> None:
    bundle = load_bundle(schrijf_regeling(tmp_path, label=AANVAL))
    assert bundle.ok, bundle.diagnostics
    svg = beslispad_svg(bundle.versions["a-1"], "reden")
    root = ElementTree.fromstring(svg)
    assert set(root.attrib) == {"viewBox", "width", "height", "role", "aria-label"}
    assert root.attrib["aria-label"] == f"Beslispad: {AANVAL}"
    assert not re.search(r'\sonmouseover="', svg)


_RAUW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMEN = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


def _casus(map_: Path, naam: str) -> Path:
    path = map_ / "casus.yaml"
    path.write_text("casussen:\n  - naam: " + json.dumps(naam) + "\n    feiten: {uren: 12}\n"
                    "    verwacht:\n      a-1: {recht: onwaar}\n", encoding="utf-8")
    return path


def test_terminal_codes_in_a_case_name_are_shown_escaped(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    regeling = schrijf_regeling(tmp_path / "r")
    casus = _casus(tmp_path, "\x1b[1A\x1b[2K\rgeslaagd a-1 alles\nGESLAAGD")
    assert main(["--regeling", str(regeling), "test", str(casus)]) == 1
    out, err = capsys.readouterr()
    assert not _RAUW.search(out + err)
    assert "\\x1b[1A\\x1b[2K\\x0dgeslaagd a-1 alles\\x0aGESLAAGD" in out
    koppen = [regel.split()[0] for regel in out.splitlines() if regel and not regel.startswith(" ")]
    assert koppen.count("MISLUKT") == 1 and "geslaagd" not in koppen and "GESLAAGD" not in koppen
    assert main(["--regeling", str(regeling), "uitleg", str(casus)]) == 0
    out, err = capsys.readouterr()
    assert not _RAUW.search(out + err) and "Casus ‘\\x1b[1A" in out


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(naam=_NAMEN, label=_NAMEN)
def test_no_user_string_reaches_the_terminal_raw(tmp_path_factory: pytest.TempPathFactory,
                                                 capsys: pytest.CaptureFixture[str], naam: str, label: str) -> None:
    tmp = tmp_path_factory.mktemp("t")
    regeling = schrijf_regeling(tmp / "r", label=label.replace('"', "'"), titel=naam.replace('"', "'"))
    casus = _casus(tmp, naam)
    for opdracht in (["test", str(casus)], ["uitleg", str(casus)], ["check"]):
        main(["--regeling", str(regeling), *opdracht])
        out, err = capsys.readouterr()
        assert not _RAUW.search(out + err), (opdracht, out + err)
