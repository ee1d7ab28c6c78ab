"""Semantic checks, as data: each bad file states its expected diagnostics inline (``# FOUT CODE: message``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import actual, inline_expectations
from meerzorg_law.semantics.pipeline import load_bundle

HERE = Path(__file__).parent
BAD = sorted((HERE / "bad").glob("*.rgl"))
GOOD = sorted((HERE / "good").glob("*.rgl"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_file_reports_exactly_its_inline_errors(path: Path) -> None:
    expected = inline_expectations(path)
    assert expected, f"{path.name} states no '# FOUT' expectation"
    bundle = load_bundle(path)
    assert not bundle.ok
    assert actual(bundle.diagnostics, path) == expected


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_good_file_checks_clean(path: Path) -> None:
    bundle = load_bundle(path)
    assert bundle.ok, [d.message for d in bundle.diagnostics]
    assert bundle.versions


def test_bundled_regeling_checks_clean() -> None:
    root = HERE.parents[1] / "regeling"
    bundle = load_bundle(root)
    assert bundle.ok, "\n".join(f"{d.span}: {d.message}" for d in bundle.diagnostics)
    assert "rlz-2026" in bundle.versions
