"""The bundled rlz-2026 with the test variant beside it (a wijziging that changes one begrip)."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.semantics.pipeline import Bundle, load_bundle

ROOT = Path(__file__).resolve().parents[2]
BASIS = ROOT / "regeling" / "rlz-2026.rgl"
DATA = Path(__file__).parent / "data"
VARIANT = "rlz-2026-zonder-toezicht"


@pytest.fixture(scope="package")
def bundle() -> Bundle:
    b = load_bundle(BASIS, DATA)
    assert b.ok, b.diagnostics
    return b


@pytest.fixture(scope="package")
def variant() -> str:
    """The version id of the test variant."""
    return VARIANT


@pytest.fixture(scope="package")
def paths() -> list[str]:
    """The regeling files for the command line: rlz-2026 and the folder with the variant."""
    return [str(BASIS), str(DATA)]
