"""Load a regeling folder and case folders together: the unit every command and the pytest plugin use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..semantics.pipeline import Bundle, load_bundle
from .model import Case

__all__ = ["Project", "bundled_paths", "load_project"]


@dataclass(frozen=True)
class Project:
    bundle: Bundle
    cases: tuple[Case, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def bundled_paths() -> tuple[Path, Path]:
    """The bundled ``regeling/`` and ``tests/casussen/``: of this checkout, else of the current directory."""
    root = Path(__file__).resolve().parents[3]
    if not (root / "regeling").is_dir():
        root = Path.cwd()
    return root / "regeling", root / "tests" / "casussen"


def load_project(regeling: Path | str | None = None, casussen: list[Path | str] | None = None) -> Project:
    default_reg, default_cases = bundled_paths()
    bundle = load_bundle(regeling or default_reg)
    if not bundle.ok:  # cases checked against no versions would only add an "onbekend feit" per fact
        return Project(bundle, (), tuple(bundle.diagnostics))
    from .load import load_cases  # yaml and the engine's checks: not for a command that reads no case

    case_paths = casussen if casussen is not None else [default_cases]
    cases, diags = load_cases(case_paths, bundle.versions, bundle.in_force)
    return Project(bundle, tuple(cases), (*bundle.diagnostics, *diags))
