"""The regeling and its cases as the site shows them: every case run under every version, with its trace.

Loaded through the library (``load_project``, ``run_cases``, ``evaluate``) once per set of files and
kept while no file changes, so the directives of all pages share one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import ir
from ..cases.load import load_cases
from ..cases.model import Case
from ..cases.project import Project, bundled_paths
from ..cases.run import CaseResult, run_cases
from ..compare.renvooi import ProvisionDiff, renvooi
from ..diagnostics import Diagnostic
from ..engine.compile import EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..engine.trace import Trace
from ..render.waarden import toon_uitkomst
from ..semantics.pipeline import Bundle, load_bundle
from ..span import ProvisionRef
from ..values import Value

__all__ = ["SiteData", "Uitvoering", "laad", "laad_regeling", "sleutel_van"]


@dataclass(frozen=True, slots=True)
class Uitvoering:
    """One case under one version: the test result, the trace, and the provisions it exercised."""

    result: CaseResult
    trace: Trace | None
    toegepast: frozenset[ProvisionRef]
    gebruikt: frozenset[ProvisionRef]

    @property
    def status(self) -> str:
        """``geslaagd``, ``mislukt``, ``fout`` (no outcome) or ``geen verwachting``."""
        if self.result.failure is not None:
            return "fout"
        if not self.result.verwacht:
            return "geen verwachting"
        return "geslaagd" if self.result.ok else "mislukt"

    def waarden(self, reg: ir.Regeling, names: list[str]) -> str:
        """``waar · toegekend``: the values of ``names`` that were decided."""
        got: dict[str, Value] = self.result.uitkomst
        return " · ".join(toon_uitkomst(reg, n, got[n]) for n in names if n in got)


@dataclass(frozen=True)
class SiteData:
    project: Project
    regeling_pad: Path
    files: tuple[Path, ...]
    runs: dict[tuple[int, str], Uitvoering] = field(default_factory=dict)
    _renvooi: dict[tuple[str, str], dict[ProvisionRef, ProvisionDiff]] = field(default_factory=dict)
    _vervallen: dict[tuple[str, str], list[ProvisionDiff]] = field(default_factory=dict)

    def renvooi(self, oud: str, nieuw: str) -> dict[ProvisionRef, ProvisionDiff]:
        """Every provision that differs between two versions (computed once per pair for all pages)."""
        key = (oud, nieuw)
        if key not in self._renvooi:
            diffs = renvooi(self.bundle.consolidated[oud], self.bundle.consolidated[nieuw])
            # A lid that lapses "onder vernummering" shares its number with the lid that takes it: the
            # number stands for the new one here, the lapsed one is in ``vervallen``.
            self._renvooi[key] = {d.ref: d for d in sorted(diffs, key=lambda d: d.soort != "vervallen")}
            self._vervallen[key] = [d for d in diffs if d.soort == "vervallen"]
        return self._renvooi[key]

    def vervallen(self, oud: str, nieuw: str) -> list[ProvisionDiff]:
        """Every provision of ``oud`` that lapses in ``nieuw``, with its old text."""
        self.renvooi(oud, nieuw)
        return self._vervallen[(oud, nieuw)]

    def basis_van(self, vid: str) -> str:
        """The version ``vid`` amends, if it was built; else empty."""
        v = next(x for x in self.bundle.catalog if x.id == vid)
        return v.basis if v.basis in self.bundle.consolidated else ""

    def toon_pad(self, file: str) -> str:
        """A file of the regeling as the reader knows it: ``regeling/rlz-2027.rgl``, not a home folder."""
        path = Path(file).resolve()
        base = self.regeling_pad.resolve()
        base = base.parent if base.is_dir() else base.parent.parent
        return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name

    @property
    def bundle(self) -> Bundle:
        return self.project.bundle

    @property
    def cases(self) -> tuple[Case, ...]:
        return self.project.cases

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.project.diagnostics if d.is_error)

    @property
    def versie_ids(self) -> list[str]:
        """Version ids in the bundle's order (by date, variants after), only those that were built."""
        return [v.id for v in self.bundle.catalog if v.id in self.bundle.versions]

    def regeling(self, versie: str) -> ir.Regeling | None:
        return self.bundle.versions.get(versie)

    def heeft_regels(self, versie: str, ref: ProvisionRef) -> bool:
        reg = self.bundle.versions[versie]
        return any(r.provision == ref for r in reg.rules)

    def heeft_begrippen(self, versie: str, ref: ProvisionRef) -> bool:
        reg = self.bundle.versions[versie]
        return any(d.span.provision == ref for d in reg.definitions.values())

    def raakt(self, index: int, versie: str, ref: ProvisionRef) -> bool:
        """Whether the case exercises the provision under the version: one of its rules applied, or, for
        a provision with begrippen but no rules, one of its begrippen was used."""
        run = self.runs.get((index, versie))
        if run is None:
            return False
        if self.heeft_regels(versie, ref):
            return ref in run.toegepast
        return ref in run.gebruikt

    def geraakt_door(self, versie: str, ref: ProvisionRef) -> list[int]:
        return [i for i in range(len(self.cases)) if self.raakt(i, versie, ref)]


def sleutel_van(case: Case) -> str:
    """A stable anchor key for a case: its file's stem and its name."""
    slug = re.sub(r"[^a-z0-9]+", "-", case.naam.lower()).strip("-")
    return f"{Path(case.file).stem}-{slug}"


def _uitvoer(project: Project) -> dict[tuple[int, str], Uitvoering]:
    """Every case under every version: ``run_cases`` for pass/fail, a traced evaluation for the trace."""
    bundle = project.bundle
    runs: dict[tuple[int, str], Uitvoering] = {}
    for vid, reg in bundle.versions.items():
        results = run_cases(bundle.versions, project.cases, bundle.in_force, versie=vid)
        traced = compile_regeling(reg, traced=True)
        for index, (case, result) in enumerate(zip(project.cases, results, strict=True)):
            trace: Trace | None = None
            try:
                trace = evaluate(traced, case.feiten).trace
            except EvaluationFailure:
                trace = None
            toegepast: set[ProvisionRef] = set()
            gebruikt: set[ProvisionRef] = set()
            if trace is not None:
                toegepast = {r.provision for o in trace.outcomes for r in o.rules if r.applied}
                gebruikt = {d.provision for d in trace.definitions}
            runs[index, vid] = Uitvoering(result, trace, frozenset(toegepast), frozenset(gebruikt))
    return runs


def _files(regeling: Path, casussen: tuple[Path, ...]) -> tuple[Path, ...]:
    found = sorted(regeling.rglob("*.rgl")) if regeling.is_dir() else [regeling]
    for p in casussen:
        found += sorted([*p.rglob("*.yaml"), *p.rglob("*.yml")]) if p.is_dir() else [p]
    return tuple(f.resolve() for f in found if f.exists())


_CACHE: dict[tuple[object, ...], SiteData] = {}
_BUNDELS: dict[tuple[object, ...], SiteData] = {}


def _sleutel(files: tuple[Path, ...]) -> tuple[object, ...]:
    return tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def laad_regeling(regeling: str) -> SiteData:
    """Only the regeling (no cases, no runs): what the page stubs need. Cheap, so a build in which no page
    has to be read again does not run every case."""
    reg_path = Path(regeling) if regeling else bundled_paths()[0]
    files = _files(reg_path, ())
    key = (reg_path, _sleutel(files))
    cached = _BUNDELS.get(key)
    if cached is None:
        bundle = load_bundle(reg_path)
        cached = SiteData(Project(bundle, (), tuple(bundle.diagnostics)), reg_path, files)
        _BUNDELS.clear()
        _BUNDELS[key] = cached
    return cached


def laad(regeling: str, casussen: list[str] | None) -> SiteData:
    """The site data for these paths (absolute, or empty for the bundled ``regeling/`` and
    ``tests/casussen/``); reloaded only when a file was added, removed or changed."""
    default_reg, default_cases = bundled_paths()
    reg_path = Path(regeling) if regeling else default_reg
    case_paths = tuple(Path(c) for c in casussen) if casussen is not None else (default_cases,)
    files = _files(reg_path, case_paths)
    key = (reg_path, case_paths, _sleutel(files))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    bundle = laad_regeling(regeling).bundle
    if bundle.ok:
        cases, diags = load_cases([*case_paths], bundle.versions, bundle.in_force)
        project = Project(bundle, tuple(cases), (*bundle.diagnostics, *diags))
    else:
        project = Project(bundle, (), tuple(bundle.diagnostics))
    runs = _uitvoer(project) if project.ok else {}
    data = SiteData(project, reg_path, files, runs)
    _CACHE.clear()  # one regeling per build; do not keep old runs alive
    _CACHE[key] = data
    return data
