"""Bad case files: each states its expected diagnostic inline; nothing is dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import inline_expectations
from meerzorg_law.cases.load import load_cases
from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.semantics.pipeline import load_bundle

HERE = Path(__file__).parent
BAD = sorted(p for p in (HERE / "bad").glob("*.yaml") if inline_expectations(p))
WHOLE_FILE = {
    "leeg.yaml": (1, "C001", "het casusbestand is leeg: verwacht 'casussen:' met een lijst casussen"),
    "binair.yaml": (1, "C000", "dit is geen tekstbestand (NUL-tekens)"),
    "kapot.yaml": (4, "C005", "geen geldige YAML: expected ',' or ']', but got ':'"),
}


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    b = load_bundle(bundled_paths()[0])
    assert b.ok
    return b


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_case_file(bundle, path: Path) -> None:  # type: ignore[no-untyped-def]
    expected = {(line, code, msg.replace("VERSIES", ", ".join(bundle.versions)))
                for line, code, msg in inline_expectations(path)}
    _, diags = load_cases([path], bundle.versions, bundle.in_force)
    assert {(d.span.line, d.code, d.message) for d in diags} == expected


@pytest.mark.parametrize("name", sorted(WHOLE_FILE))
def test_unreadable_case_file(bundle, name: str) -> None:  # type: ignore[no-untyped-def]
    cases, diags = load_cases([HERE / "bad" / name], bundle.versions, bundle.in_force)
    assert cases == []
    assert [(d.span.line, d.code, d.message) for d in diags] == [WHOLE_FILE[name]]


def test_merge_keys_read_as_written_out(bundle) -> None:  # type: ignore[no-untyped-def]
    """'<<: *basis' (and '<<: [*a, *b]') gives the same facts as writing them out; written keys win."""
    merged, diags = load_cases([HERE / "good" / "sjablonen.yaml"], bundle.versions, bundle.in_force)
    assert diags == []
    plain, _ = load_cases([HERE / "good" / "uitgeschreven.yaml"], bundle.versions, bundle.in_force)
    assert [(c.naam, c.feiten) for c in merged] == [(c.naam, c.feiten) for c in plain]
    assert merged[1].feiten["leeftijd"] == plain[1].feiten["leeftijd"] != merged[0].feiten["leeftijd"]
