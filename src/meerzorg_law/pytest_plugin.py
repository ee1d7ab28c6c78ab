"""pytest collects case files: every ``tests/casussen/*.yaml`` becomes one test item per (case, version).

Failures are shown with the Dutch renderers, not as Python tracebacks.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .cases.load import load_cases
from .cases.project import Project, bundled_paths
from .cases.run import CaseResult, run_cases, versions_for
from .engine.compile import Decision
from .render.diagnostics import render_all, render_caret
from .semantics.pipeline import Bundle, load_bundle
from .values import format_value


@functools.lru_cache(maxsize=1)
def _bundle() -> Bundle:
    """The bundled regeling, parsed and checked once per test session."""
    return load_bundle(bundled_paths()[0])


@functools.lru_cache(maxsize=1)
def _decisions() -> dict[str, Decision]:
    """Compiled versions shared by every case item of the session (compiling is far dearer than deciding)."""
    return {}


def _project_for(path: Path) -> Project:
    bundle = _bundle()
    cases, diags = load_cases([path], bundle.versions, bundle.in_force)
    return Project(bundle, tuple(cases), (*bundle.diagnostics, *diags))


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix in (".yaml", ".yml") and "casussen" in file_path.parts:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        project = _project_for(self.path)
        if not project.ok:
            yield InputErrorItem.from_parent(self, name="invoerfouten", text=render_all(project.diagnostics))
            return
        for case in project.cases:
            for vid in versions_for(case, project.bundle.in_force):
                yield CaseItem.from_parent(self, name=f"{case.naam} [{vid}]", project=project, case=case, versie=vid)


class CaseFailed(Exception):
    pass


class CaseItem(pytest.Item):
    def __init__(self, *, project: Project, case: Any, versie: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.project, self.case, self.versie = project, case, versie

    def runtest(self) -> None:
        [result] = run_cases(self.project.bundle.versions, [self.case], self.project.bundle.in_force, self.versie,
                             _decisions())
        if not result.ok:
            raise CaseFailed(_describe(result))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.span.line - 1, f"casus: {self.case.naam} [{self.versie}]"


class InputErrorItem(pytest.Item):
    def __init__(self, *, text: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.text = text

    def runtest(self) -> None:
        raise CaseFailed(self.text)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)


def _describe(r: CaseResult) -> str:
    lines = [f"casus '{r.case.naam}' onder {r.versie} ({r.case.file}:{r.case.span.line})"]
    for m in r.mismatches:
        got = format_value(m.uitkomst) if m.uitkomst is not None else "—"
        lines.append(f"  {m.outcome}: verwacht {format_value(m.verwacht)}, uitkomst {got}")
    if r.failure is not None:
        lines.append(render_caret(r.failure))
    return "\n".join(lines)

