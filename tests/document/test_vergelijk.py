"""``meerzorg vergelijk`` on a lid that lapses "onder vernummering" (the complete variant of tests/workflow):
the lapsed lid with its whole text struck through, the next lid as moved, with its number change."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cli import main

VARIANT = Path(__file__).resolve().parents[1] / "workflow" / "variant"


def test_vergelijk_strikes_the_lapsed_lid_and_moves_the_next(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--regeling", str(VARIANT), "vergelijk", "rlz-2026", "rlz-2027-mantelzorg",
                 str(VARIANT / "casussen.yaml")]) == 0
    out = capsys.readouterr().out
    weg = out[out.index("artikel 5.5, tweede lid (vervallen)"):]
    assert weg.splitlines()[1].startswith("    tekst: [-Het eerste lid is niet van toepassing op de verzekerde")
    assert "Algemene Wet Bijzondere Ziektekosten" in weg.splitlines()[1]
    assert "artikel 5.5, tweede lid (vernummerd, was artikel 5.5, derde lid)\n" \
           "    nummer: [-artikel 5.5, derde lid-] {+artikel 5.5, tweede lid+}" in out
