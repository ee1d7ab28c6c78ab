"""A lid that lapses "onder vernummering" on the site: its old text struck through on the artikel page, the
lid that takes its number shown as renumbered from its old number (test-basic with a lid 5 added, and a
proef-2027 that lets lid 4 lapse)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parents[1] / "sphinxext" / "roots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    src = tmp_path_factory.mktemp("vervallen") / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    basis = src / "regeling" / "proef.rgl"
    tekst = basis.read_text(encoding="utf-8")
    anker = '      indien uren > 168\n'
    assert anker in tekst
    basis.write_text(tekst.replace(anker, anker + '  lid 5\n    tekst "Dit lid schuift op."\n', 1), encoding="utf-8")
    wijziging = src / "regeling" / "proef-2027.rgl"
    wijziging.write_text(wijziging.read_text(encoding="utf-8") + (
        "  B.\n    artikel 2, vierde lid vervalt onder vernummering van het vijfde lid tot vierde lid\n"),
        encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        yield app
    finally:
        app.cleanup()


def test_the_lapsed_lid_is_struck_through_and_the_next_one_moved(site: SphinxTestApp) -> None:
    html = (Path(site.outdir) / "renvooi.html").read_text(encoding="utf-8")
    artikel = html[html.index('id="rlz-proef-2027-artikel-2"'):]
    vervallen = artikel[artikel.index("rlz-vervallen"):]
    assert re.search(r"<del[^>]*>Dit lid raakt geen enkele casus\.</del>", vervallen)
    assert "was artikel 2, vijfde lid" in artikel
