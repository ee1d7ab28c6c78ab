"""The results of the property checks: what was proved, what was violated (as declared or not), what was only
sampled, and the counterexample."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..span import ProvisionRef
from ..values import Value

# bewezen: for every valid client (z3); getoetst: sampled only (Hypothesis), no counterexample found;
# geschonden (verwacht): violated where the eigenschap declares it is expected to be.
BEWEZEN, GETOETST, GESCHONDEN, VERWACHT = "bewezen", "getoetst", "geschonden", "geschonden (verwacht)"
NIET_GECONTROLEERD = "niet gecontroleerd"
# onbeslist: z3 did not decide within the time budget; neither proved nor violated (``opmerking`` says why).
ONBESLIST = "onbeslist"
STATUSES = (BEWEZEN, GETOETST, GESCHONDEN, VERWACHT, ONBESLIST, NIET_GECONTROLEERD)


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
    """One property on one version. ``gevallen`` counts the cases sampled (0 when proved); ``verwacht`` is the
    declared reason when a violation is expected here; ``klopt`` whether the result matches the declaration."""

    versie: str
    naam: str
    omschrijving: str
    ingebouwd: bool
    status: str
    gevallen: int
    counterexample: Counterexample | None = None
    bestand: Path | None = None
    opmerking: str = ""
    verwacht: str = ""

    @property
    def klopt(self) -> bool:
        if self.status == ONBESLIST:  # not known to be wrong; the report says it is not proved either
            return True
        if self.verwacht:
            return self.status == VERWACHT
        return self.status != GESCHONDEN


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
        """Every result matches its declaration: no unexpected violation, no expected one that now holds."""
        return all(r.klopt for v in self.versies for r in v.results)

    @property
    def onbeslist(self) -> int:
        """How many results z3 did not decide within the time budget."""
        return sum(r.status == ONBESLIST for v in self.versies for r in v.results)
