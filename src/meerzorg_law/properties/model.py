"""The results of the property checks: what held, what was violated, and the shrunk counterexample."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..span import ProvisionRef
from ..values import Value

GEHOUDEN, GESCHONDEN, NIET_GECONTROLEERD = "gehouden", "geschonden", "niet gecontroleerd"


@dataclass(frozen=True, slots=True)
class Example:
    """One concrete case of a counterexample; ``naam`` tells it apart from the others ('' for the main one)."""

    naam: str
    feiten: dict[str, Value]


@dataclass(frozen=True, slots=True)
class Counterexample:
    """The shrunk failure: the case(s) that show it, the versions to run them on, and why in Dutch."""

    cases: tuple[Example, ...]
    versies: tuple[str, ...]
    reden: str
    diagnostic: Diagnostic | None = None


@dataclass(frozen=True, slots=True)
class PropertyResult:
    """One property on one version. ``gevallen`` counts the cases evaluated (generation and shrinking)."""

    versie: str
    naam: str
    omschrijving: str
    ingebouwd: bool
    status: str
    gevallen: int
    counterexample: Counterexample | None = None
    bestand: Path | None = None
    opmerking: str = ""


@dataclass(frozen=True, slots=True)
class VersionReport:
    versie: str
    results: tuple[PropertyResult, ...]
    onbereikbaar: tuple[ProvisionRef, ...]


@dataclass(frozen=True, slots=True)
class Report:
    versies: tuple[VersionReport, ...]
    profiel: str
    uit: Path | None

    @property
    def ok(self) -> bool:
        return all(r.status != GESCHONDEN for v in self.versies for r in v.results)
