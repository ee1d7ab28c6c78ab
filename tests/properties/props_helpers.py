"""Helpers for the property tests: the test regelingen and looking up one result in a report."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.properties.model import PropertyResult, Report
from meerzorg_law.semantics.pipeline import Bundle, load_bundle
from meerzorg_law.values import Value, format_value

DATA = Path(__file__).parent / "data"
KAPOT = DATA / "kapot"
VERSIES = DATA / "versies"


def bundle_of(path: Path) -> Bundle:
    bundle = load_bundle(path)
    assert bundle.ok, bundle.diagnostics
    return bundle


def result(report: Report, versie: str, naam: str) -> PropertyResult:
    v = next(v for v in report.versies if v.versie == versie)
    return next(r for r in v.results if r.naam == naam)


def shown(facts: dict[str, Value]) -> dict[str, str]:
    """Facts as a drafter reads them, for exact comparisons."""
    return {k: format_value(v) for k, v in facts.items()}
